"""An independent double-precision checker of VRPTW solutions in the Solomon conventions.

Written apart from caravan_app.planning.vrptw on purpose (its own file reader and arithmetic), so a
bug in the engine's model or scaling cannot hide behind the same bug in the check. Conventions: the
depot is customer 0; travel time equals Euclidean distance; service starts inside the customer's
window (arriving early means waiting) and lasts the service time; every route leaves the depot no
earlier than its ready time and is back by its due date.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Arrivals are sums of square roots; allow for the last bits of double-precision rounding only.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Rows:
    """A Solomon file as plain numbers: (x, y, demand, ready, due, service) per customer, depot first."""

    customers: tuple[tuple[float, float, float, float, float, float], ...]
    capacity: float
    vehicles: int


@dataclass(frozen=True)
class Verdict:
    distance: float
    vehicles: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.ok:
            return "ok"
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"FAIL: {self.problems[0]}{more}"


def read_rows(path: str | Path) -> Rows:
    """Read the numbers of a Solomon file: the two-number fleet line and the seven-number rows."""
    fleet: list[float] = []
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split()
        if not fields or not all(_is_number(f) for f in fields):
            continue
        if len(fields) == 2 and not fleet:
            fleet = [float(f) for f in fields]
        elif len(fields) == 7:
            number, x, y, demand, ready, due, service = (float(f) for f in fields)
            if number != len(rows):
                raise ValueError(f"{path}: customer {number:g} out of order")
            rows.append((x, y, demand, ready, due, service))
    if not fleet or not rows:
        raise ValueError(f"{path}: not a Solomon file")
    return Rows(tuple(rows), capacity=fleet[1], vehicles=int(fleet[0]))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def check(
    customers: Sequence[Sequence[float]],
    capacity: float,
    vehicles: int,
    routes: Sequence[Sequence[int]],
) -> Verdict:
    """Check routes (customer numbers, depot left out) and recompute their distance in double precision."""
    problems: list[str] = []
    count = len(customers)

    def leg(a: int, b: int) -> float:
        return math.sqrt((customers[a][0] - customers[b][0]) ** 2 + (customers[a][1] - customers[b][1]) ** 2)

    seen: dict[int, int] = {}
    for route in routes:
        for c in route:
            seen[c] = seen.get(c, 0) + 1
    for c in sorted(seen):
        if not 1 <= c < count:
            problems.append(f"customer {c} does not exist")
        elif seen[c] > 1:
            problems.append(f"customer {c} visited {seen[c]} times")
    missing = [c for c in range(1, count) if c not in seen]
    if missing:
        problems.append(f"{len(missing)} customers not visited: {missing[:10]}")

    used = [route for route in routes if route]
    if len(used) > vehicles:
        problems.append(f"{len(used)} routes but only {vehicles} vehicles")

    depot_ready, depot_due = customers[0][3], customers[0][4]
    total = 0.0
    for number, route in enumerate(used, start=1):
        if any(not 1 <= c < count for c in route):
            continue
        load = sum(customers[c][2] for c in route)
        if load > capacity:
            problems.append(f"route {number} carries {load:g} > capacity {capacity:g}")
        clock = depot_ready
        here = 0
        for c in route:
            distance = leg(here, c)
            total += distance
            clock = max(clock + distance, customers[c][3])
            if clock > customers[c][4] + TOLERANCE:
                late = f"service at {c} starts at {clock:.4f}, after its due time {customers[c][4]:g}"
                problems.append(f"route {number}: {late}")
            clock += customers[c][5]
            here = c
        distance = leg(here, 0)
        total += distance
        clock += distance
        if clock > depot_due + TOLERANCE:
            problems.append(f"route {number} is back at {clock:.4f} after the depot closes at {depot_due:g}")
    return Verdict(total, len(used), tuple(problems))
