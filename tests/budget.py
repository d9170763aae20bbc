"""Solves bounded by a count of solutions rather than seconds, for tests whose verdict needs a plan.

A CP-SAT model (rotation, regrouping) may find no plan in a few seconds on a busy machine; stopped
after its first solutions instead, it has one on any machine. The time limit is only a backstop.
"""

from __future__ import annotations

from caravan_app.planning.control import SolveControl

BACKSTOP_SECONDS = 600.0


def budget(solutions: int = 2) -> SolveControl:
    return SolveControl(time_limit=BACKSTOP_SECONDS, solution_limit=solutions)
