"""One CP-SAT solve under a SolveControl: time limit, seed, workers, and a cancel that stops it quickly.

CP-SAT calls back only when it finds a solution, so a watcher thread polls the cancel flag and stops
the search; a cancel then takes effect within a tenth of a second even when no solution comes.
"""

from __future__ import annotations

import threading

from ortools.sat.python import cp_model

from caravan_app.planning.control import SolveControl


def solve_cp(
    model: cp_model.CpModel,
    control: SolveControl,
    callback: cp_model.CpSolverSolutionCallback | None,
    seconds: float,
    workers: int,
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, seconds)
    solver.parameters.num_workers = workers
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
