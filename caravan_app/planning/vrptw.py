"""Plain VRPTW (Solomon's vehicle routing problem with time windows): the engine's generic mode.

It measures the planner's search machinery on a problem the rest of the field knows: bench/solomon.py
runs it beside OR-Tools routing, PyVRP and VROOM on Solomon's instances. The problem, its reader and
the matrices are in vrptw_problem.py; the two engines are

- SEARCH (the default): insertion, then the ruin-and-recreate loop the caravan planner uses
  (ruin_recreate.py) with string removals, blink insertion and route-tail exchanges (vrptw_search.py);
- ORTOOLS: OR-Tools routing with guided local search (vrptw_ortools.py).

Measured on the 12 Solomon instances in ../shared/bench at 10 s, one thread (README, bench/solomon.py):
SEARCH is within a fraction of a percent of PyVRP on average, OR-Tools 1.6 % above the best known.
"""

from __future__ import annotations

import time
from enum import StrEnum

from caravan_app.domain.outcomes import SolveStatus
from caravan_app.planning.control import SolveControl
from caravan_app.planning.vrptw_ortools import RoutingModel
from caravan_app.planning.vrptw_problem import (
    DISTANCE_SCALE,
    Customer,
    VrptwInstance,
    VrptwSolution,
    read_solomon,
    route_distance,
)
from caravan_app.planning.vrptw_search import RUINS_PER_SOLUTION, VrptwSearch, search_routes

__all__ = [
    "DISTANCE_SCALE",
    "Customer",
    "VrptwInstance",
    "VrptwMethod",
    "VrptwSolution",
    "read_solomon",
    "route_distance",
    "solve_vrptw",
]


class VrptwMethod(StrEnum):
    SEARCH = "search"
    ORTOOLS = "or-tools"


def solve_vrptw(
    instance: VrptwInstance, control: SolveControl, method: VrptwMethod = VrptwMethod.SEARCH
) -> VrptwSolution:
    """Minimise total distance with at most `instance.vehicles` vehicles, within control's time (or,
    with a solution limit, a fixed budget of search steps, the same on any machine).

    Customers no plan can serve stay out and the plan comes back FEASIBLE with them in `unserved`; the
    best plan so far is returned on cancel. A cancel before the first plan returns CANCELLED, a time
    limit too short for one NO_SOLUTION.
    """
    control.start_clock()
    started = time.monotonic()
    if method is VrptwMethod.ORTOOLS:
        routes = RoutingModel(instance).solve(control)
    else:
        routes = _search(instance, control)
    count = len(instance.customers)
    on_route = {c for route in routes for c in route}
    missing = tuple(n for n in range(1, count) if n not in on_route)
    if routes or not missing:
        status = SolveStatus.FEASIBLE
    else:
        status = SolveStatus.CANCELLED if control.cancelled else SolveStatus.NO_SOLUTION
    return VrptwSolution(
        routes=tuple(tuple(route) for route in routes),
        distance=route_distance(instance, routes),
        vehicles=len(routes),
        status=status,
        seconds=time.monotonic() - started,
        unserved=missing,
        method=method.value,
    )


def _search(instance: VrptwInstance, control: SolveControl) -> list[list[int]]:
    if control.cancelled or control.remaining <= 0:
        return []

    def out_of_time() -> bool:
        return control.cancelled or control.remaining <= 0

    def better(plan: VrptwSearch) -> None:
        control.report(plan.distance_total, len(plan.route_of))

    limit = control.solution_limit
    plan = search_routes(
        instance,
        out_of_time,
        seed=control.seed,
        seconds=control.remaining,
        ruins=None if limit is None else limit * RUINS_PER_SOLUTION,
        on_better=better,
    )
    return plan.result()
