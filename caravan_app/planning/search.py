"""Search set-up shared by the OR-Tools routing models: parameters, progress and cancellation.

OR-Tools' default first-solution strategy finds nothing on tight time windows, so an insertion
heuristic builds the first solution and guided local search improves it. Cancellation is a custom
search limit, which the solver polls at every search node: a cancel stops it within milliseconds,
not only when the next solution turns up.
"""

from __future__ import annotations

from collections.abc import Callable

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from caravan_app.planning.control import SolveControl

FIRST_SOLUTION = routing_enums_pb2.FirstSolutionStrategy
METAHEURISTIC = routing_enums_pb2.LocalSearchMetaheuristic


def search_parameters(
    time_limit: float,
    first_solution: int = FIRST_SOLUTION.PARALLEL_CHEAPEST_INSERTION,
    metaheuristic: int = METAHEURISTIC.GUIDED_LOCAL_SEARCH,
    solution_limit: int | None = None,
) -> pywrapcp.DefaultRoutingSearchParameters:
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    if solution_limit is not None:
        parameters.solution_limit = max(1, solution_limit)
    parameters.first_solution_strategy = first_solution
    parameters.local_search_metaheuristic = metaheuristic
    parameters.time_limit.FromMilliseconds(max(1, int(time_limit * 1000)))
    return parameters


def attach_control(
    routing: pywrapcp.RoutingModel,
    control: SolveControl,
    served: Callable[[], int] | None = None,
    objective_offset: float = 0.0,
) -> tuple[object, ...]:
    """Stop on cancel (or when the control's time is up) and report each better solution.

    `served` counts what the current solution serves; it is called only inside the solution
    callback, where the routing model's variables hold that solution's values. `objective_offset`
    is added to the reported objective, for a model that covers part of a plan. The caller must
    keep the returned objects alive until the solve ends: OR-Tools holds no Python reference.
    """

    def stop() -> bool:
        return control.cancelled or control.remaining <= 0

    limit = routing.solver().CustomLimit(stop)
    routing.AddSearchMonitor(limit)

    def on_solution() -> None:
        control.report(objective_offset + routing.CostVar().Value(), served() if served else 0)

    routing.AddAtSolutionCallback(on_solution)
    return (stop, limit, on_solution)
