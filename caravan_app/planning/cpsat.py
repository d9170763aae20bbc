"""One CP-SAT solve under a SolveControl: time limit, seed, workers, and a cancel that stops it quickly.

CP-SAT calls back only when it finds a solution, so a watcher thread polls the cancel flag and stops
the search; a cancel then takes effect within a tenth of a second even when no solution comes.
"""

from __future__ import annotations

import threading

from ortools.sat.python import cp_model

from caravan_app.domain.outcomes import SolveStatus
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
