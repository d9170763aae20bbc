"""Progress reports and cancellation shared by every solver.

A solve is given a SolveControl; the solver calls `report` with each better solution and polls
`cancelled` often enough (at least every half second) that a cancel stops it within two seconds.
The UI sets the flag from its own thread; `threading.Event` makes that safe.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Progress:
    seconds: float
    objective: float
    served: int  # requests served, or venue-periods hosted, by the best solution so far
    bound: float | None = None
    km: float | None = None  # kilometres of the best solution, where the solver reports them


@dataclass
class SolveControl:
    """What a caller gives a solver: a time limit, a seed, a progress callback and a cancel flag.

    `solution_limit`, where a routing search honours it, stops each search after that many
    solutions: a budget that is the same on a fast machine and a busy one, for tests and for
    runs that must be reproduced. The time limit still applies.
    """

    time_limit: float = 30.0
    seed: int = 0
    solution_limit: int | None = None
    # CP-SAT's parallel workers; None: one per core of this machine (more only cost memory and time).
    workers: int | None = None
    on_progress: Callable[[Progress], None] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)
    _started: float = field(default_factory=time.monotonic)

    def cancel(self) -> None:
        self._cancel.set()

    def part(self, seconds: float) -> SolveControl:
        """A control for one solve of several: its own time limit, this one's seed, solution limit and
        cancel flag (sharing the flag is what makes one cancel stop whichever solve is running). The
        caller reports the steps; the solves' own progress is not passed on."""
        return SolveControl(
            time_limit=seconds,
            seed=self.seed,
            solution_limit=self.solution_limit,
            workers=self.workers,
            _cancel=self._cancel,
        )

    @property
    def cp_workers(self) -> int:
        return self.workers if self.workers else max(1, os.cpu_count() or 1)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start_clock(self) -> None:
        self._started = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self._started

    @property
    def remaining(self) -> float:
        return max(0.0, self.time_limit - self.elapsed)

    def report(
        self, objective: float, served: int, bound: float | None = None, km: float | None = None
    ) -> None:
        if self.on_progress is not None:
            self.on_progress(Progress(self.elapsed, objective, served, bound, km))
