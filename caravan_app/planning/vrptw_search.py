"""Plain VRPTW by ruin and recreate: the tour planner's search loop (ruin_recreate.py) on Solomon's problem.

The plan is a set of routes from the depot and back; what is minimised is the total distance, with a
penalty far above any plan's distance for each customer left out. Moves:

- Ruin: strings of consecutive customers cut from the routes nearest a random customer (Christiaens
  and Vanden Berghe's slack induction by string removal, SISR): a few routes lose a string each, or
  a string with a few customers inside it kept, so that the routes around one place get slack.
- Recreate: the customers taken out go back one at a time, in one of four orders (random, heaviest,
  farthest from the depot, nearest), each where it adds the least distance, passing over each place
  with a small probability (blinks), or on a new route while the fleet allows one.
- Local search on each new best plan: every customer moved to its cheapest place, until none gains.

Every place is priced and checked at once with numpy: a route keeps, for each of its legs, the time the
vehicle can leave the leg's start at the earliest and the latest time it may reach the leg's end without
breaking a window further on, so a customer fits into a leg if it can be served in its window and still
reach the leg's end by then, and its load fits.

Times are the scaled integers every solver of the benchmark gets (vrptw.scaled_matrices: travel rounded
up, ready times up, due times down), so a schedule that holds here holds in double precision; the
distance is the double-precision Euclidean one.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from caravan_app.planning.ruin_recreate import cut_string, search, string_sizes
from caravan_app.planning.vrptw_problem import (
    VrptwInstance,
    euclidean,
    scaled_matrices,
    scaled_windows,
    unservable,
)

# How many customers a ruin takes out on average (strings: ruin_recreate.cut_string), and the chance
# each place is passed over when they go back.
AVERAGE_REMOVED = 10
BLINK = 0.01
# Recreate orders and their odds: random, heaviest first, farthest from the depot first, nearest first.
ORDERS = ("random", "demand", "far", "close")
ORDER_ODDS = (4, 4, 2, 1)
# The acceptance threshold starts at this share of the plan's distance and falls linearly to zero.
START_THRESHOLD = 0.03
# With a solution budget instead of a clock (tests, reproducible runs): ruins per solution allowed.
RUINS_PER_SOLUTION = 50

Array = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class _Route:
    """A route's customers and, per leg (depot to first customer, …, last customer to depot): where the
    leg starts and ends, the earliest the vehicle leaves its start, the latest it may reach its end."""

    __slots__ = ("customers", "leave", "latest", "lengths", "places", "legs", "load", "distance")

    leave: list[int]
    latest: list[int]
    lengths: list[float]
    places: IntArray  # each leg's start and end
    legs: Array  # each leg's leave, latest, route load, length and load carried (as _Legs)
    load: int
    distance: float

    def __init__(self, customers: list[int]) -> None:
        self.customers = customers

    def copy(self) -> _Route:
        twin = _Route(list(self.customers))
        # The arrays are replaced on every change, never written into, so the copies may share them.
        twin.leave, twin.latest, twin.lengths = list(self.leave), list(self.latest), list(self.lengths)
        twin.places, twin.legs = self.places, self.legs
        twin.load, twin.distance = self.load, self.distance
        return twin


class _Legs(NamedTuple):
    """Every leg of every route, route after route."""

    starts: IntArray  # where each leg starts
    ends: IntArray
    leave: Array  # the earliest the vehicle leaves the leg's start
    latest: Array  # the latest it may reach the leg's end without breaking a window further on
    load: Array  # its route's load
    length: Array
    carried: Array  # the load of the customers before the leg's end
    begins: list[int]  # where each route's legs begin


class VrptwSearch:
    """A VRPTW plan under search: routes, the customers left out, and what places cost."""

    def __init__(self, instance: VrptwInstance, seed: int = 0) -> None:
        self.instance = instance
        self.rng = random.Random(seed)
        self._noise = np.random.default_rng(seed)
        customers = instance.customers
        count = len(customers)
        _distance, duration = scaled_matrices(instance)
        windows = scaled_windows(instance)
        self.distance: Array = np.array([[euclidean(a, b) for b in customers] for a in customers])
        self.travel: Array = np.array(duration, dtype=np.float64)
        self._travel_rows = duration  # plain lists: the route updates walk them one leg at a time
        self._distance_rows = self.distance.tolist()
        self.ready = [w[0] for w in windows]
        self.due = [w[1] for w in windows]
        self.service = [w[2] for w in windows]
        self.demand = [c.demand for c in customers]
        self.capacity = instance.capacity
        cannot = set(unservable(instance))
        self.servable = [n for n in range(1, count) if n not in cannot]
        # Customers by distance from each, itself first: where a ruin spreads.
        self.nearest = [[int(j) for j in np.argsort(row, kind="stable") if j != 0] for row in self.distance]
        # One customer left out costs more than driving to every customer and back.
        self.penalty = 2.0 * count * float(self.distance.max()) + 1.0
        self.routes: list[_Route] = []
        self.route_of: dict[int, _Route] = {}
        self.unserved: set[int] = set(self.servable)
        self._legs: _Legs | None = None

    # --- costs ---------------------------------------------------------------------------------

    @property
    def distance_total(self) -> float:
        return sum(route.distance for route in self.routes)

    @property
    def cost(self) -> float:
        return self.distance_total + self.penalty * len(self.unserved)

    @property
    def scale(self) -> float:
        return self.distance_total

    def result(self) -> list[list[int]]:
        return [list(route.customers) for route in self.routes]

    # --- routes ----------------------------------------------------------------------------------

    def _update(self, route: _Route) -> None:
        """Work out the route's legs again after its customers changed."""
        travel, ready, due, service = self._travel_rows, self.ready, self.due, self.service
        path = [0, *route.customers, 0]
        legs = len(path) - 1
        leave = [0] * legs
        at = ready[0]
        for i in range(legs):
            here = path[i]
            leave[i] = at + service[here]
            there = path[i + 1]
            at = max(ready[there], leave[i] + travel[here][there])
        latest = [0] * legs
        by = due[0]
        for i in range(legs - 1, -1, -1):
            latest[i] = by
            here = path[i]
            if i:
                by = min(due[here], by - travel[here][path[i + 1]] - service[here])
        rows = self._distance_rows
        route.leave, route.latest = leave, latest
        route.lengths = [rows[a][b] for a, b in zip(path, path[1:], strict=False)]
        route.load = sum(self.demand[c] for c in route.customers)
        self._pack(route, path)

    def _inserted(self, route: _Route, position: int) -> None:
        """`_update` after one customer went in at `position`: the legs before it leave as they did and
        those after it must arrive by the same times, so only the times that change are worked out."""
        travel, ready, due, service = self._travel_rows, self.ready, self.due, self.service
        path = [0, *route.customers, 0]
        k = position + 1  # the new customer's place on the path
        customer = path[k]
        old_leave, old_latest = route.leave, route.latest
        leave = old_leave[:k]
        for i in range(k, len(path) - 1):
            at = max(ready[path[i]], leave[i - 1] + travel[path[i - 1]][path[i]])
            left = at + service[path[i]]
            if i > k and left == old_leave[i - 1]:
                leave += old_leave[i - 1 :]  # the same from here on
                break
            leave.append(left)
        latest = [*old_latest[:k], *old_latest[k - 1 :]]
        for i in range(k - 1, -1, -1):
            here, there = path[i + 1], path[i + 2]
            by = min(due[here], latest[i + 1] - travel[here][there] - service[here])
            if i < k - 1 and by == latest[i]:
                break  # the same from here back
            latest[i] = by
        rows = self._distance_rows
        before, after = path[k - 1], path[k + 1]
        route.lengths[k - 1 : k] = [rows[before][customer], rows[customer][after]]
        route.leave, route.latest = leave, latest
        route.load += self.demand[customer]
        self._pack(route, path)

    def _pack(self, route: _Route, path: list[int]) -> None:
        route.distance = sum(route.lengths)
        route.places = np.array([path[:-1], path[1:]], dtype=np.int64)
        # Times are whole numbers far below 2**53: exact as doubles, so one array holds all four.
        carried = [0, *itertools.accumulate(self.demand[c] for c in route.customers)]
        route.legs = np.array(
            [route.leave, route.latest, [route.load] * (len(path) - 1), route.lengths, carried]
        )
        self._legs = None

    def _all_legs(self) -> _Legs:
        """Every leg of every route as arrays (see _Legs)."""
        if self._legs is None:
            routes = self.routes
            starts, ends = np.concatenate([r.places for r in routes], axis=1)
            leave, latest, load, leg, carried = np.concatenate([r.legs for r in routes], axis=1)
            first, begins = 0, []
            for route in routes:
                begins.append(first)
                first += len(route.customers) + 1
            self._legs = _Legs(starts, ends, leave, latest, load, leg, carried, begins)
        return self._legs

    def best_insertion(self, customer: int, blink: float = 0.0) -> tuple[float, int, int] | None:
        """(added distance, route number or -1 for a new route, position) of the cheapest place the
        customer fits, or None."""
        best: tuple[float, int, int] | None = None
        if self.routes:
            starts, ends, leave, latest, load, leg, _carried, begins = self._all_legs()
            arrive = np.maximum(self.ready[customer], leave + self.travel[customer][starts])
            fits = arrive <= self.due[customer]
            fits &= arrive + self.service[customer] + self.travel[customer][ends] <= latest
            fits &= load + self.demand[customer] <= self.capacity
            if blink:
                fits &= self._noise.random(len(fits)) >= blink
            if fits.any():
                added = self.distance[customer][starts] + self.distance[customer][ends] - leg
                added[~fits] = np.inf
                i = int(np.argmin(added))
                number = bisect.bisect_right(begins, i) - 1
                best = (float(added[i]), number, i - begins[number])
        if len(self.routes) < self.instance.vehicles and not (blink and self.rng.random() < blink):
            alone = 2.0 * self._distance_rows[0][customer]
            if best is None or alone < best[0]:
                best = (alone, -1, 0)
        return best

    def insert(self, customer: int, number: int, position: int) -> None:
        if number < 0:
            route = _Route([customer])
            self.routes.append(route)
            self._update(route)
        else:
            route = self.routes[number]
            route.customers.insert(position, customer)
            self._inserted(route, position)
        self.route_of[customer] = route
        self.unserved.discard(customer)

    def remove(self, customers: Sequence[int]) -> None:
        """Take the customers out of their routes (always possible: with distances that keep the
        triangle inequality, a shorter route reaches every later customer no later)."""
        changed: dict[int, _Route] = {}
        for customer in customers:
            route = self.route_of.pop(customer)
            route.customers.remove(customer)
            changed[id(route)] = route
            self.unserved.add(customer)
        for route in changed.values():
            if route.customers:
                self._update(route)
            else:
                self.routes.remove(route)
                self._legs = None

    def place(self, customers: Sequence[int], blink: float = 0.0) -> None:
        """Insert each, in this order, where it costs least; those that fit nowhere stay out."""
        for customer in customers:
            best = self.best_insertion(customer, blink)
            if best is not None:
                self.insert(customer, best[1], best[2])

    def snapshot(self) -> list[_Route]:
        # A route's arrays are replaced, never changed in place, so copies may share them.
        return [route.copy() for route in self.routes]

    def restore(self, state: list[_Route]) -> None:
        self.routes = [route.copy() for route in state]
        self.route_of = {c: route for route in self.routes for c in route.customers}
        self.unserved = {c for c in self.servable if c not in self.route_of}
        self._legs = None

    def set_routes(self, routes: Sequence[Sequence[int]]) -> None:
        """Start from these routes (customer numbers in visit order, depot left out)."""
        state = []
        for customers in routes:
            if customers:
                route = _Route(list(customers))
                self._update(route)
                state.append(route)
        self.restore(state)

    # --- local search ----------------------------------------------------------------------------

    def local_search(self, out_of_time: Callable[[], bool], around: set[int] | None = None) -> None:
        """Swap route tails, move customers to their cheapest place and insert the left out, until
        nothing gains."""
        improved = True
        while improved and not out_of_time():
            improved = False
            while self._swap_tails():
                improved = True
            if self.unserved:
                before = len(self.unserved)
                self.place(sorted(self.unserved))
                improved = len(self.unserved) < before
            customers = sorted(self.route_of if around is None else around & self.route_of.keys())
            self.rng.shuffle(customers)
            for customer in customers:
                route = self.route_of[customer]
                before_distance = route.distance
                position = route.customers.index(customer)
                self.remove([customer])
                saved = before_distance - (route.distance if route.customers else 0.0)
                best = self.best_insertion(customer)
                if best is not None and best[0] < saved - 1e-9:
                    self.insert(customer, best[1], best[2])
                    improved = True
                elif route.customers:
                    self.insert(customer, self.routes.index(route), position)
                else:
                    self.insert(customer, -1, 0)

    def _swap_tails(self) -> bool:
        """The best exchange of two routes' ends (2-opt*) that shortens the plan, if any: every pair of
        legs of different routes is priced and checked at once."""
        if len(self.routes) < 2:
            return False
        legs = self._all_legs()
        starts, ends = legs.starts, legs.ends
        sizes = np.diff([*legs.begins, len(starts)])
        number = np.repeat(np.arange(len(self.routes)), sizes)
        # Row a, column b: route A keeps its legs up to a's start and then drives to b's end and B's rest.
        fits = legs.leave[:, None] + self.travel[starts[:, None], ends[None, :]] <= legs.latest[None, :]
        fits &= fits.T
        fits &= legs.carried[:, None] + (legs.load - legs.carried)[None, :] <= self.capacity
        fits &= fits.T
        fits &= number[:, None] != number[None, :]
        new = self.distance[starts[:, None], ends[None, :]]
        gain = legs.length[:, None] + legs.length[None, :] - new - new.T
        gain[~fits] = 0.0
        a, b = np.unravel_index(int(np.argmax(gain)), gain.shape)
        if gain[a, b] <= 1e-9:
            return False
        first, second = self.routes[number[a]], self.routes[number[b]]
        at_a, at_b = int(a) - legs.begins[number[a]], int(b) - legs.begins[number[b]]
        heads = first.customers[:at_a], second.customers[:at_b]
        tails = first.customers[at_a:], second.customers[at_b:]
        for route, customers in ((first, heads[0] + tails[1]), (second, heads[1] + tails[0])):
            route.customers = customers
            if customers:
                self._update(route)
                for customer in customers:
                    self.route_of[customer] = route
            else:
                self.routes.remove(route)
        self._legs = None
        return True

    # --- ruin and recreate -----------------------------------------------------------------------

    def ruin_and_recreate(self) -> set[int]:
        """Cut strings from the routes nearest a random customer and insert everything left out again;
        the customers taken out."""
        if not self.routes:
            self.place(self._ordered(sorted(self.unserved)), BLINK)
            return set()
        rng = self.rng
        longest, strings = string_sizes(len(self.route_of) / len(self.routes), AVERAGE_REMOVED, rng)
        seed = rng.choice(self.servable)
        cut: set[int] = set()
        taken: list[int] = []
        for customer in self.nearest[seed]:
            if len(cut) >= strings:
                break
            route = self.route_of.get(customer)
            if route is None or id(route) in cut:
                continue
            cut.add(id(route))
            taken += cut_string(route.customers, customer, longest, rng)
        self.remove(taken)
        self.place(self._ordered(sorted(self.unserved)), BLINK)
        return set(taken)

    def _ordered(self, customers: list[int]) -> list[int]:
        order = self.rng.choices(ORDERS, ORDER_ODDS)[0]
        depot = self._distance_rows[0]
        if order == "random":
            self.rng.shuffle(customers)
        elif order == "demand":
            customers.sort(key=lambda c: -self.demand[c])
        elif order == "far":
            customers.sort(key=lambda c: -depot[c])
        else:
            customers.sort(key=lambda c: depot[c])
        return customers


def search_routes(
    instance: VrptwInstance,
    out_of_time: Callable[[], bool],
    *,
    seed: int = 0,
    seconds: float = 0.0,
    ruins: int | None = None,
    start: Sequence[Sequence[int]] | None = None,
    on_better: Callable[[VrptwSearch], None] | None = None,
) -> VrptwSearch:
    """Routes by insertion (or from `start`), improved by the shared ruin-and-recreate loop until out
    of time or after `ruins` rounds; the search, left at its best plan."""
    plan = VrptwSearch(instance, seed)
    if start:
        plan.set_routes(start)
    plan.place(plan._ordered(sorted(plan.unserved)))
    if on_better is not None and plan.routes:
        on_better(plan)
    search(
        plan,
        out_of_time,
        start_threshold=START_THRESHOLD,
        ruins=ruins,
        seconds=seconds,
        on_better=on_better,
    )
    return plan
