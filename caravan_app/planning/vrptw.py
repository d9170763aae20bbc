"""Plain VRPTW (Solomon's vehicle routing problem with time windows) on the OR-Tools routing engine.

This is the engine's textbook mode, used to measure it against the Solomon benchmark (bench/solomon.py)
and the best open-source solvers. The objective is total distance only, with a free fleet (up to the
instance's vehicle count), as in the "distance only" column of the best-known solutions.

The depot is customer 0. Travel time equals Euclidean distance; a customer's service starts inside its
window (waiting is allowed) and lasts its service time; every vehicle leaves and returns inside the
depot's window.
"""

from __future__ import annotations

import importlib.util
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ortools.constraint_solver import pywrapcp

from caravan_app.domain.outcomes import SolveStatus
from caravan_app.planning.control import SolveControl
from caravan_app.planning.search import FIRST_SOLUTION, attach_control, search_parameters

# OR-Tools routing takes integer arc costs and times, so distances are multiplied by this and rounded.
# 1000 keeps three decimals: the rounding error on a route plan of ~120 arcs is under 0.06, a few
# thousandths of a percent of a Solomon total, while the largest scaled time (C2's horizon of 3390)
# stays far from int64 and VROOM's 32-bit limits. Reported distances are recomputed in double
# precision from the routes, never taken from the scaled objective.
DISTANCE_SCALE = 1000


class Customer(NamedTuple):
    """One row of a Solomon file; times are in the same unit as distances."""

    x: float
    y: float
    demand: int
    ready: float
    due: float
    service: float


@dataclass(frozen=True)
class VrptwInstance:
    name: str
    customers: tuple[Customer, ...]  # customers[0] is the depot
    capacity: int
    vehicles: int


@dataclass(frozen=True)
class VrptwSolution:
    routes: tuple[tuple[int, ...], ...]  # customer numbers in visit order, depot left out
    distance: float  # double precision, recomputed from the routes
    vehicles: int  # routes that serve at least one customer
    # FEASIBLE: the routes hold every constraint, though customers in `unserved` may be left out;
    # NO_SOLUTION or CANCELLED: no routes.
    status: SolveStatus
    seconds: float
    unserved: tuple[int, ...] = ()
    started_from: str = "or-tools"  # which solver's routes the OR-Tools search started from

    @property
    def complete(self) -> bool:
        """Every customer is on a route."""
        return self.status.has_plan and not self.unserved


def read_solomon(path: str | Path) -> VrptwInstance:
    """Read a Solomon-format text file: name, VEHICLE (number, capacity), CUSTOMER rows of 7 numbers."""
    path = Path(path)
    lines = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [tokens for tokens in lines if tokens]
    if not lines:
        raise ValueError(f"{path}: empty file")
    name = " ".join(lines[0])
    fleet: tuple[int, int] | None = None
    rows: list[list[float]] = []
    for tokens in lines[1:]:
        try:
            numbers = [float(token) for token in tokens]
        except ValueError:
            continue  # a header line
        if len(numbers) == 2 and fleet is None and not rows:
            fleet = (_whole(numbers[0], path, "vehicle number"), _whole(numbers[1], path, "capacity"))
        elif len(numbers) == 7:
            rows.append(numbers)
        else:
            raise ValueError(f"{path}: unexpected line {' '.join(tokens)!r}")
    if fleet is None:
        raise ValueError(f"{path}: no VEHICLE line with number and capacity")
    if not rows:
        raise ValueError(f"{path}: no customers")
    customers = []
    for expected, row in enumerate(rows):
        if _whole(row[0], path, "customer number") != expected:
            raise ValueError(f"{path}: customer numbers must run 0, 1, 2, …; found {row[0]:g} at {expected}")
        x, y, demand, ready, due, service = row[1:]
        customers.append(Customer(x, y, _whole(demand, path, "demand"), ready, due, service))
    return VrptwInstance(name, tuple(customers), capacity=fleet[1], vehicles=fleet[0])


def _whole(value: float, path: Path, what: str) -> int:
    if not value.is_integer():
        raise ValueError(f"{path}: {what} must be a whole number, not {value:g}")
    return int(value)


def euclidean(a: Customer, b: Customer) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def route_distance(instance: VrptwInstance, routes: Sequence[Sequence[int]]) -> float:
    """Total distance of the routes, each from the depot and back, in double precision."""
    customers = instance.customers
    total = 0.0
    for route in routes:
        previous = 0
        for customer in route:
            total += euclidean(customers[previous], customers[customer])
            previous = customer
        if route:
            total += euclidean(customers[previous], customers[0])
    return total


def scaled_matrices(
    instance: VrptwInstance, scale: int = DISTANCE_SCALE
) -> tuple[list[list[int]], list[list[int]]]:
    """The integer distance and travel-time matrices every solver gets (ours, PyVRP, VROOM alike).

    Distances are rounded, so the objective is unbiased. Travel times are rounded up: an integer
    schedule that keeps every window then keeps it in double precision too, since each integer arrival
    is no earlier than the true one.
    """
    customers = instance.customers
    distance = []
    duration = []
    for a in customers:
        exact = [euclidean(a, b) * scale for b in customers]
        distance.append([round(value) for value in exact])
        duration.append([math.ceil(value) for value in exact])
    return distance, duration


def scaled_windows(instance: VrptwInstance, scale: int = DISTANCE_SCALE) -> list[tuple[int, int, int]]:
    """(ready, due, service) per customer in scaled integer time, each rounded the safe way."""
    return [
        (math.ceil(c.ready * scale), math.floor(c.due * scale), math.ceil(c.service * scale))
        for c in instance.customers
    ]


def unservable(instance: VrptwInstance) -> list[int]:
    """Customers no vehicle can serve even alone: too heavy, or a window out of reach from the depot."""
    depot = instance.customers[0]
    found = []
    for number, c in enumerate(instance.customers[1:], start=1):
        leg = euclidean(depot, c)
        start = max(c.ready, depot.ready + leg)
        if c.demand > instance.capacity or start > c.due or start + c.service + leg > depot.due:
            found.append(number)
    return found


def solve_vrptw(instance: VrptwInstance, control: SolveControl, *, pyvrp_share: float = 0.0) -> VrptwSolution:
    """Minimise total distance with at most `instance.vehicles` vehicles, within control's time.

    Every customer is in a disjunction whose drop penalty exceeds the cost of any plan that serves
    everyone, so the search serves all it can, and a plan that leaves the unservable ones out still
    comes back (FEASIBLE, with `unserved`) instead of nothing. The best plan so far is returned on
    cancel; a cancel before the first plan returns CANCELLED, a time limit too short NO_SOLUTION.

    `pyvrp_share` > 0 gives that share of the time to PyVRP (an optional package) to find starting
    routes, which OR-Tools then improves for the rest of the time. Without PyVRP installed, OR-Tools
    alone gets all the time and the solution's `started_from` says so. Measured on the 12 Solomon
    instances (bench/solomon.py, 10 s): OR-Tools alone +1.6 % above the best-known distances, started
    from PyVRP +0.1 %; the quality is PyVRP's, as OR-Tools improved its routes on none of them.
    """
    control.start_clock()
    started = time.monotonic()
    model = _RoutingModel(instance)
    started_from = "or-tools"
    first_routes = None
    if pyvrp_share > 0 and importlib.util.find_spec("pyvrp") is not None:
        first_routes = _pyvrp_routes(instance, control, pyvrp_share * control.time_limit)
        if first_routes is not None:
            started_from = "pyvrp"
    routes = model.solve(control, first_routes)
    seconds = time.monotonic() - started
    count = len(instance.customers)
    if routes is None:
        routes = []
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
        seconds=seconds,
        unserved=missing,
        started_from=started_from,
    )


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


class _RoutingModel:
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

    def solve(self, control: SolveControl, first_routes: list[list[int]] | None) -> list[list[int]] | None:
        routing, manager = self.routing, self.manager
        monitors = attach_control(routing, control, self.served)
        parameters = routing_parameters(control.remaining, control.solution_limit)
        assignment = None
        if first_routes:
            routing.CloseModelWithParameters(parameters)
            indices = [[manager.NodeToIndex(c) for c in route] for route in first_routes]
            first = routing.ReadAssignmentFromRoutes(indices, True)
            if first is not None:
                assignment = routing.SolveFromAssignmentWithParameters(first, parameters)
        if assignment is None:
            assignment = routing.SolveWithParameters(parameters)
        del monitors  # held until here: OR-Tools keeps no Python reference to the callbacks
        if assignment is None:
            # Stopped before its first solution (a cancel): the starting routes are still a plan.
            return first_routes
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


def _pyvrp_routes(instance: VrptwInstance, control: SolveControl, seconds: float) -> list[list[int]] | None:
    """PyVRP's routes for the instance after `seconds` (or a cancel), on the same integer matrices."""
    from pyvrp import Model

    distance, duration = scaled_matrices(instance)
    windows = scaled_windows(instance)
    cannot = set(unservable(instance))
    numbers = [n for n in range(1, len(instance.customers)) if n not in cannot]
    nodes = [0, *numbers]
    model = Model()
    locations = [model.add_location(x=instance.customers[n].x, y=instance.customers[n].y) for n in nodes]
    ready, due, _ = windows[0]
    depot = model.add_depot(locations[0], tw_early=ready, tw_late=due)
    model.add_vehicle_type(
        num_available=instance.vehicles,
        capacity=instance.capacity,
        start_depot=depot,
        end_depot=depot,
        tw_early=ready,
        tw_late=due,
    )
    for location, number in zip(locations[1:], numbers, strict=True):
        ready, due, service = windows[number]
        demand = instance.customers[number].demand
        model.add_client(location, delivery=demand, service_duration=service, tw_early=ready, tw_late=due)
    for frm, i in zip(locations, nodes, strict=True):
        for to, j in zip(locations, nodes, strict=True):
            model.add_edge(frm, to, distance=distance[i][j], duration=duration[i][j])

    deadline = time.monotonic() + seconds
    best = [math.inf]

    def stop(best_cost: float) -> bool:
        # PyVRP asks before every iteration, with the best feasible cost (a huge number before the first).
        if best_cost < min(best[0], 2**62):
            best[0] = best_cost
            control.report(float(best_cost), len(numbers))
        return control.cancelled or time.monotonic() >= deadline

    result = model.solve(stop=stop, seed=control.seed, display=False)
    if not result.best.is_feasible():
        return None
    # Clients are numbered from 0 in the order they were added.
    return [[numbers[a.idx] for a in route if a.is_client()] for route in result.best.routes()]
