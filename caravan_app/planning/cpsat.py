"""One CP-SAT solve under a SolveControl: time limit, seed, workers, and a cancel that stops it quickly.

CP-SAT calls back only when it finds a solution, so a watcher thread polls the cancel flag and stops
the search; a cancel then takes effect within a tenth of a second even when no solution comes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ortools.sat.python import cp_model

from caravan_app.domain.outcomes import SolveStatus
from caravan_app.planning.control import SolveControl


class Callback(cp_model.CpSolverSolutionCallback):
    """A solution callback that stops the search after the control's `solution_limit` solutions.

    Subclasses call `count()` at the end of `on_solution_callback`.
    """

    def __init__(self, control: SolveControl) -> None:
        super().__init__()
        self._control = control
        self._solutions = 0

    def count(self) -> None:
        self._solutions += 1
        limit = self._control.solution_limit
        if limit is not None and self._solutions >= limit:
            self.stop_search()


def solve_cp(
    model: cp_model.CpModel,
    control: SolveControl,
    callback: cp_model.CpSolverSolutionCallback | None,
    seconds: float,
    workers: int,
    subsolvers: Sequence[str] = (),
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """Solve under the control; `subsolvers` (CP-SAT's names) replace its own choice of workers."""
    solver = cp_model.CpSolver()
    if seconds <= 0:
        # No time left: no search, so a zero time limit gives NO_SOLUTION on any machine.
        return solver, cp_model.UNKNOWN
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    if subsolvers:
        solver.parameters.subsolvers.extend(subsolvers)
    solver.parameters.random_seed = control.seed
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            if control.cancelled:
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, name="cp-sat-cancel", daemon=True)
    watcher.start()
    try:
        status = solver.solve(model, callback)
    finally:
        done.set()
        watcher.join()
    return solver, status


def outcome(status: cp_model.CpSolverStatus, control: SolveControl) -> SolveStatus:
    """CP-SAT's status as ours. An OPTIMAL after a cancel is not trusted (the proof may be cut short);
    UNKNOWN is a cancel when the user stopped it, else the time ran out; MODEL_INVALID is a bug."""
    if status == cp_model.MODEL_INVALID:
        raise AssertionError("CP-SAT says the model is invalid: a bug in the model's construction")
    if status == cp_model.INFEASIBLE:
        return SolveStatus.INFEASIBLE
    if status == cp_model.OPTIMAL:
        return SolveStatus.FEASIBLE if control.cancelled else SolveStatus.OPTIMAL
    if status == cp_model.FEASIBLE:
        return SolveStatus.FEASIBLE
    return SolveStatus.CANCELLED if control.cancelled else SolveStatus.NO_SOLUTION
