"""Plain VRPTW (Solomon's vehicle routing problem with time windows): the instance, its reader, the
matrices every solver gets, and a solution.

The depot is customer 0. Travel time equals Euclidean distance; a customer's service starts inside its
window (waiting is allowed) and lasts its service time; every vehicle leaves and returns inside the
depot's window. The objective is total distance only, with a free fleet (up to the instance's vehicle
count), as in the "distance only" column of the best-known solutions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from caravan_app.domain.outcomes import SolveStatus

# The solvers take integer arc costs and times, so distances are multiplied by this and rounded.
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
    method: str = "search"  # which engine found the routes (VrptwMethod's value)

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
