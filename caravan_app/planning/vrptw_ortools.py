"""Plain VRPTW on the OR-Tools routing engine: arc costs, load and time dimensions, droppable customers.

The engine's textbook mode, kept to measure it beside the ruin-and-recreate search (vrptw_search.py),
PyVRP and VROOM on the Solomon benchmark (bench/solomon.py).
"""

from __future__ import annotations

from typing import Any

from ortools.constraint_solver import pywrapcp

from caravan_app.planning.control import SolveControl
from caravan_app.planning.search import FIRST_SOLUTION, attach_control, search_parameters
from caravan_app.planning.vrptw_problem import VrptwInstance, scaled_matrices, scaled_windows, unservable


def routing_parameters(time_limit: float, solution_limit: int | None = None) -> Any:
    """The shared search set-up with two changes that measured better on the Solomon instances.

    PATH_CHEAPEST_ARC builds the first solution instead of the shared PARALLEL_CHEAPEST_INSERTION, and
    full propagation makes each local-search move check the time dimension exactly. On the 12 Solomon
    instances at 10 s (bench/solomon.py) the mean gap to the best-known distance fell from +3.3 % to
    +1.6 %: OR-Tools' local search is still descending at 10 s on the R and RC instances, so where it
    starts matters. PATH_CHEAPEST_ARC alone finds nothing on tight windows when every customer is
    mandatory; here a customer it cannot place starts out dropped and the local search inserts it.
    The shared defaults stay as they are for the caravan tour model.
    """
    parameters = search_parameters(
        time_limit, first_solution=FIRST_SOLUTION.PATH_CHEAPEST_ARC, solution_limit=solution_limit
    )
    parameters.use_full_propagation = True
    return parameters


class RoutingModel:
    """The OR-Tools model of one instance: arc costs, load and time dimensions, droppable customers."""

    def __init__(self, instance: VrptwInstance) -> None:
        self.instance = instance
        customers = instance.customers
        count = len(customers)
        self.manager = pywrapcp.RoutingIndexManager(count, instance.vehicles, 0)
        routing = self.routing = pywrapcp.RoutingModel(self.manager)

        distance, duration = scaled_matrices(instance)
        windows = scaled_windows(instance)
        # Native matrices, not Python callbacks: the search evaluates arcs millions of times.
        routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(distance))

        demand = routing.RegisterUnaryTransitVector([c.demand for c in customers])
        capacities = [instance.capacity] * instance.vehicles
        routing.AddDimensionWithVehicleCapacity(demand, 0, capacities, True, "load")

        # Time to go from i to j: serve i, then drive. Waiting (slack) is free, up to the horizon.
        travel = [[windows[i][2] + duration[i][j] for j in range(count)] for i in range(count)]
        horizon = windows[0][1]
        routing.AddDimension(routing.RegisterTransitMatrix(travel), horizon, horizon, False, "time")
        times = routing.GetDimensionOrDie("time")
        for vehicle in range(instance.vehicles):
            times.CumulVar(routing.Start(vehicle)).SetRange(windows[0][0], horizon)
            times.CumulVar(routing.End(vehicle)).SetRange(windows[0][0], horizon)

        # Any plan serving everyone costs less than two trips per customer; one dropped customer costs
        # more than that, so the search never trades a customer for distance.
        penalty = 2 * count * max(max(row) for row in distance) + 1
        cannot = set(unservable(instance))
        self.customer_indices = [self.manager.NodeToIndex(number) for number in range(1, count)]
        for number, index in enumerate(self.customer_indices, start=1):
            if number in cannot:
                routing.ActiveVar(index).SetValue(0)  # spares the search from trying what cannot work
            else:
                ready, due, _ = windows[number]
                times.CumulVar(index).SetRange(ready, due)
            routing.AddDisjunction([index], penalty)

    def served(self) -> int:
        """Customers on a route in the solution being reported (valid inside the solution callback)."""
        return sum(self.routing.ActiveVar(index).Value() for index in self.customer_indices)

    def solve(self, control: SolveControl) -> list[list[int]]:
        """The best routes found within control's time or solution limit; none if stopped before the
        first plan."""
        routing, manager = self.routing, self.manager
        monitors = attach_control(routing, control, self.served)
        parameters = routing_parameters(control.remaining, control.solution_limit)
        assignment = routing.SolveWithParameters(parameters)
        del monitors  # held until here: OR-Tools keeps no Python reference to the callbacks
        if assignment is None:
            return []
        routes = []
        for vehicle in range(self.instance.vehicles):
            route = []
            index = assignment.Value(routing.NextVar(routing.Start(vehicle)))
            while not routing.IsEnd(index):
                route.append(manager.IndexToNode(index))
                index = assignment.Value(routing.NextVar(index))
            if route:
                routes.append(route)
        return routes
