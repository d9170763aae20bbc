"""The tour planner's search over the whole term on the real objective: local search and ruin-and-recreate.

Every move is judged by the planner's own cost (weighted unserved requests first, then metres driven and a
fixed cost per trip) and kept only if the exact schedule of each route it changes still holds (nights,
crew hours, the daily driving limit, venue hours, multi-day shows, allowed days); the region rules and
locks are in the candidate slots and start days the model worked out, so no move can break them.

- Local search, to a local optimum: move a request to its best place in any trip (its own included),
  let two near requests of different trips trade places, insert unserved requests, and put an
  unserved request in place of a served one nearby when the served one finds a place elsewhere.
- Ruin and recreate for the time left (the loop of ruin_recreate.py, which the plain VRPTW search
  shares): take out the requests nearest a random one (in place and in time), or a whole trip and
  those nearest it, and insert them and the unserved requests among them
  again, heaviest first with a little noise, each where it costs least; keep the result if the plan
  is no worse than a threshold above the current one that falls to nothing as time runs out (so the
  search can leave a local optimum), and remember the best plan seen. Local search polishes each new
  best (on a large province, only around the requests taken out).

Insertion prices every place by km first and works out schedules cheapest first, skipping places the
neighbouring stops' days rule out, and schedules only the rest of a trip after the insertion point.

Locked visits never move: their trip may gain or lose other stops around them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from caravan_app.planning.problem import TourRequest
from caravan_app.planning.ruin_recreate import cut_string, search, string_sizes
from caravan_app.planning.tour_improve import DAY, PENALTY_PER_WEIGHT, TRIP_FIXED_COST, Route

if TYPE_CHECKING:  # tours.py imports this module; the model is only named here
    from caravan_app.planning.tours import _TourModel

# How many requests, nearest first, a request's neighbourhood holds (for removals and swaps).
NEIGHBOURS = 40
# A ruin takes out between these many requests.
RUIN_MIN, RUIN_MAX = 5, 30
# Up to this many requests, each new best is polished by local search over the whole plan; beyond, only
# around the requests the ruin took out (a whole pass would take the time the ruins need).
WHOLE_POLISH_UP_TO = 1000
# How many of a request's nearest an exchange tries.
EXCHANGE_NEIGHBOURS = 10
# Of each request taken out, the unserved among its this many nearest are tried again after a new best.
NEAR_UNSERVED = 10
# The share of ruins that cut strings of stops from the trips near a request, and that begin with a whole
# trip; the rest take out the requests nearest one.
STRING_SHARE = 0.3
WHOLE_TRIP_SHARE = 0.3
# Days apart count as this many km when judging which requests are near each other.
KM_PER_DAY_APART = 15.0
# The acceptance threshold starts at this share of the plan's metres and falls linearly to zero.
START_THRESHOLD = 0.002
# Whether a route's schedule holds is remembered for up to this many routes (then forgotten all at once):
# a few tens of MB.
SCHEDULES_KEPT = 300_000
# With a solution budget instead of a clock (tests, reproducible runs): ruins per solution allowed.
RUINS_PER_SOLUTION = 20


class _State(NamedTuple):
    routes: dict[int, Route]
    route_cost: dict[int, float]
    unserved: set[str]
    slot_of: dict[str, int]
    away: dict[str, int]
    days: dict[int, int]


class TourSearch:
    """A plan under search: routes by slot number, each route's cost, and the unserved requests."""

    def __init__(self, model: _TourModel, routes: dict[int, Route], seed: int = 0) -> None:
        self.model = model
        self.rng = random.Random(seed)
        self.requests = {r.code: r for r in model.servable}
        self._index = model.distances.index
        self._km = model.distances.km
        self._depot = [self._index[s.caravan.depot_code] for s in model.slots]
        self._caravan = [s.caravan.code for s in model.slots]
        self._venue = {code: self._index[r.venue_code] for code, r in self.requests.items()}
        self._neighbours: dict[str, list[str]] | None = None
        # slot -> its route, each stop's last day and the schedule's state after each stop
        self._days: dict[int, tuple[Route, list[int], tuple[tuple[float, float, str], ...]]] = {}
        self._fits: dict[tuple[int, tuple[str, ...]], bool] = {}  # (slot, route) -> its schedule holds
        self._timings: dict[
            tuple[int, tuple[str, ...]], tuple[list[int], tuple[tuple[float, float, str], ...]]
        ] = {}
        self.routes: dict[int, Route] = {n: list(r) for n, r in routes.items() if r}
        self.slot_of = {r.code: n for n, route in self.routes.items() for r in route}  # request -> slot
        self.route_cost = {n: self._route_cost(n, r) for n, r in self.routes.items()}
        served = {r.code for route in self.routes.values() for r in route}
        self.unserved = {code for code in self.requests if code not in served}
        self.cap = model.problem.max_days_per_caravan
        self.away: dict[str, int] = {}
        self.days: dict[int, int] = {}
        if self.cap is not None:
            for number, route in self.routes.items():
                self.days[number] = model._route_days(number, route)
                code = model.slots[number].caravan.code
                self.away[code] = self.away.get(code, 0) + self.days[number]

    # --- costs ---------------------------------------------------------------------------------

    def _route_cost(self, number: int, route: Route) -> float:
        if not route:
            return 0.0
        km = self._km
        place = self._depot[number]
        total = 0.0
        for request in route:
            venue = self._venue[request.code]
            total += km[place][venue]
            place = venue
        total += km[place][self._depot[number]]
        return total * 1000 + TRIP_FIXED_COST

    def penalty(self, code: str) -> float:
        return self.model._weight(self.requests[code]) * PENALTY_PER_WEIGHT

    @property
    def cost(self) -> float:
        return sum(self.route_cost.values()) + sum(self.penalty(code) for code in self.unserved)

    @property
    def metres(self) -> float:
        return sum(self.route_cost.values())

    @property
    def scale(self) -> float:
        return self.metres

    # --- changing routes -----------------------------------------------------------------------

    def _holds(self, number: int, route: Route) -> bool:
        """The route's exact schedule holds (and, with a cap, its caravan stays within it)."""
        if route and not self._schedule_holds(number, route):
            return False
        if self.cap is None:
            return True
        code = self.model.slots[number].caravan.code
        days = self.model._route_days(number, route)
        return self.away.get(code, 0) - self.days.get(number, 0) + days <= self.cap

    def _set(self, number: int, route: Route) -> None:
        if self.cap is not None:
            code = self.model.slots[number].caravan.code
            days = self.model._route_days(number, route)
            self.away[code] = self.away.get(code, 0) - self.days.get(number, 0) + days
            self.days[number] = days
        for request in self.routes.get(number, ()):
            if self.slot_of.get(request.code) == number:
                del self.slot_of[request.code]
        if route:
            self.routes[number] = route
            self.route_cost[number] = self._route_cost(number, route)
            for request in route:
                self.slot_of[request.code] = number
        else:
            self.routes.pop(number, None)
            self.route_cost.pop(number, None)

    def best_insertion(self, request: TourRequest, blink: float = 0.0) -> tuple[float, int, int] | None:
        """(added metres, slot, position) of the cheapest place the request can go, or None.

        Every place is priced first (km only), then schedules are worked out cheapest first until one
        holds: few are. With `blink`, each place is passed over with that probability."""
        km = self._km
        venue = self._venue[request.code]
        places: list[tuple[float, int, int]] = []
        # A caravan's empty slots cost the same and every one of them can take the request alone (so
        # who_may_serve_what found): the first stands for all, unless a cap on days tells them apart.
        empty_of: set[str] = set()
        for number in self.model.candidates[request.code]:
            route = self.routes.get(number)
            depot = self._depot[number]
            if not route:
                if self.cap is None:
                    caravan = self._caravan[number]
                    if caravan in empty_of:
                        continue
                    empty_of.add(caravan)
                places.append((2 * km[depot][venue] * 1000 + TRIP_FIXED_COST, number, 0))
                continue
            previous = depot
            for position in range(len(route) + 1):
                following = self._venue[route[position].code] if position < len(route) else depot
                added = (km[previous][venue] + km[venue][following] - km[previous][following]) * 1000
                places.append((added, number, position))
                previous = following
        places.sort()
        for added, number, position in places:
            if blink and self.rng.random() < blink:
                continue
            route = self.routes.get(number, [])
            if route and not self._may_fit(request, number, route, position):
                continue
            if self._holds_with(request, number, route, position):
                return added, number, position
        return None

    def _holds_with(self, request: TourRequest, number: int, route: Route, position: int) -> bool:
        """`_holds` for the route with the request inserted; the stops before it keep their times, so
        only the rest of the trip is scheduled again."""
        trial = [*route[:position], request, *route[position:]]
        if self.cap is not None:
            return self._holds(number, trial)
        return self._schedule_holds(number, trial, position)

    def _schedule_holds(self, number: int, route: Route, inserted: int = 0) -> bool:
        """The route's exact schedule holds. Remembered: most routes a search tries it has tried before
        (five in six on the demo term). With `inserted`, the route is the slot's current one with that
        stop added, and the stops before it keep their times."""
        key = (number, tuple(r.code for r in route))
        holds = self._fits.get(key)
        if holds is None:
            known = self._days.get(number)
            if inserted and known is not None and len(known[2]) == len(route) - 1:
                timed = self.model.schedule(number, route[inserted:], resume=known[2][inserted - 1])
            else:
                timed = self.model.schedule(number, route)
            holds = timed is not None
            if len(self._fits) >= SCHEDULES_KEPT:
                self._fits.clear()
            self._fits[key] = holds
        return holds

    def _may_fit(self, request: TourRequest, number: int, route: Route, position: int) -> bool:
        """A quick test the schedule would fail otherwise: the stops before keep their days, so the show
        starts no earlier than the day the one before it ends, and it must end by the latest day the
        one after it could start."""
        known = self._days.get(number)
        # Routes are replaced, never changed in place: the same list is the same route.
        if known is None or known[0] is not route:
            key = (number, tuple(r.code for r in route))
            timing = self._timings.get(key)
            if timing is None:
                timed = self.model.schedule(number, route)
                if timed is None:
                    return True
                ends: dict[str, int] = {}
                for show in timed.shows:
                    ends[show.request.code] = int(show.start // DAY)
                timing = ([ends[r.code] for r in route], timed.after)
                if len(self._timings) >= SCHEDULES_KEPT:
                    self._timings.clear()
                self._timings[key] = timing
            known = (route, *timing)
            self._days[number] = known
        earliest = known[1][position - 1] if position > 0 else -1
        start_days = self.model.start_days[(number, request.code)]
        if position < len(route):
            latest = max(self.model.start_days[(number, route[position].code)]) - request.show_days + 1
        else:
            latest = max(start_days)
        return any(earliest <= day <= latest for day in start_days)

    def insert(self, request: TourRequest, number: int, position: int) -> None:
        route = list(self.routes.get(number, []))
        route.insert(position, request)
        self._set(number, route)
        self.unserved.discard(request.code)

    def remove(self, code: str) -> bool:
        """Take the request out of its route; False if the route's schedule would not hold without it."""
        number = self.slot_of.get(code)
        if number is None:
            return False
        rest = [r for r in self.routes[number] if r.code != code]
        if not self._holds(number, rest):
            return False
        self._set(number, rest)
        self.unserved.add(code)
        return True

    def where(self) -> dict[str, int]:
        return dict(self.slot_of)

    # --- local search ----------------------------------------------------------------------------

    def local_search(self, out_of_time: Callable[[], bool], around: set[str] | None = None) -> None:
        """Relocations, insertions and swaps with the unserved, until none improves the plan; with
        `around`, only of those requests (a whole province's pass after every new best would take the
        time the ruins need)."""
        improved = True
        while improved and not out_of_time():
            improved = self._insert_unserved(around)
            improved |= self._relocate(out_of_time, around)
            improved |= self._exchange(out_of_time, around)
            if not out_of_time():
                improved |= self._swap_in_unserved(out_of_time, around)

    def _insert_unserved(self, around: set[str] | None = None) -> bool:
        changed = False
        unserved = self.unserved if around is None else self.unserved & around
        for code in sorted(unserved, key=lambda c: (-self.penalty(c), c)):
            request = self.requests[code]
            best = self.best_insertion(request)
            if best is not None:
                self.insert(request, best[1], best[2])
                changed = True
        return changed

    def _relocate(self, out_of_time: Callable[[], bool], around: set[str] | None = None) -> bool:
        changed = False
        where = self.where()
        codes = sorted(where if around is None else around & where.keys())
        self.rng.shuffle(codes)
        for code in codes:
            if out_of_time():
                break
            request = self.requests[code]
            if request.lock is not None:
                continue
            number = where[code]
            route = self.routes[number]
            rest = [r for r in route if r.code != code]
            if not self._holds(number, rest):
                continue
            saved = self.route_cost[number] - self._route_cost(number, rest)
            self._set(number, rest)
            best = self.best_insertion(request)
            if best is not None and best[0] < saved - 1e-6:
                self.insert(request, best[1], best[2])
                where[code] = best[1]
                changed = True
            else:
                self._set(number, route)
        return changed

    def _exchange(self, out_of_time: Callable[[], bool], around: set[str] | None = None) -> bool:
        """Two served requests of different trips, near each other, trade places."""
        changed = False
        codes = sorted(self.slot_of if around is None else around & self.slot_of.keys())
        for code in codes:
            if out_of_time():
                break
            mine = self.slot_of.get(code)
            request = self.requests[code]
            if mine is None or request.lock is not None:
                continue
            for other in self.neighbours(code)[:EXCHANGE_NEIGHBOURS]:
                theirs = self.slot_of.get(other)
                if theirs is None or theirs == mine or self.requests[other].lock is not None:
                    continue
                if theirs not in self.model.candidates_set(code) or mine not in self.model.candidates_set(
                    other
                ):
                    continue
                a = [self.requests[other] if r.code == code else r for r in self.routes[mine]]
                b = [request if r.code == other else r for r in self.routes[theirs]]
                saved = (
                    self.route_cost[mine]
                    + self.route_cost[theirs]
                    - self._route_cost(mine, a)
                    - self._route_cost(theirs, b)
                )
                if saved <= 1e-6 or not self._holds(mine, a) or not self._holds(theirs, b):
                    continue
                self._set(mine, a)
                self._set(theirs, b)
                changed = True
                break
        return changed

    def _swap_in_unserved(self, out_of_time: Callable[[], bool], around: set[str] | None = None) -> bool:
        """An unserved request takes the place of a served one nearby, and the served one goes elsewhere;
        kept when the plan gets better (one more request served, or a heavier one)."""
        changed = False
        unserved = self.unserved if around is None else self.unserved & around
        for code in sorted(unserved, key=lambda c: (-self.penalty(c), c)):
            if out_of_time():
                break
            if code not in self.unserved:
                continue
            request = self.requests[code]
            before = self.cost
            for other in self.neighbours(code):
                if other in self.unserved or self.requests[other].lock is not None:
                    continue
                undo = self.snapshot()
                if not self.remove(other):
                    continue
                placed = self.best_insertion(request)
                if placed is not None:
                    self.insert(request, placed[1], placed[2])
                    moved = self.best_insertion(self.requests[other])
                    if moved is not None:
                        self.insert(self.requests[other], moved[1], moved[2])
                if self.cost < before - 1e-6:
                    changed = True
                    break
                self.restore(undo)
        return changed

    # --- ruin and recreate -----------------------------------------------------------------------

    def neighbours(self, code: str) -> list[str]:
        """The requests nearest this one, in place and in the days they allow."""
        if self._neighbours is None:
            self._neighbours = {}
            requests = list(self.requests.values())
            middle = {r.code: _middle_day(r) for r in requests}
            for request in requests:
                here = self._venue[request.code]
                near = sorted(
                    (
                        self._km[here][self._venue[other.code]]
                        + abs(middle[request.code] - middle[other.code]) * KM_PER_DAY_APART,
                        other.code,
                    )
                    for other in requests
                    if other.code != request.code
                )
                self._neighbours[request.code] = [c for _d, c in near[:NEIGHBOURS]]
        return self._neighbours[code]

    def snapshot(self) -> _State:
        # Routes are replaced, never changed in place, so a snapshot may share their lists.
        return _State(
            dict(self.routes),
            dict(self.route_cost),
            set(self.unserved),
            dict(self.slot_of),
            dict(self.away),
            dict(self.days),
        )

    def restore(self, state: _State) -> None:
        self.routes, self.route_cost = dict(state.routes), dict(state.route_cost)
        self.unserved, self.slot_of = set(state.unserved), dict(state.slot_of)
        self.away, self.days = dict(state.away), dict(state.days)

    def ruin_and_recreate(self) -> set[str]:
        """Take out the requests nearest a random served one and insert them again (see the module);
        the requests taken out, and the unserved ones near them."""
        served = sorted(self.slot_of)
        if not served:
            return set()
        seed = self.rng.choice(served)
        size = self.rng.randint(RUIN_MIN, RUIN_MAX)
        first = [seed]
        kind = self.rng.random()
        if kind < STRING_SHARE:
            first = self._strings(seed)
            size = len(first)
        elif kind < STRING_SHARE + WHOLE_TRIP_SHARE:
            # The whole trip of the request, the shorter trips likelier: one trip fewer saves the most.
            numbers = sorted(self.routes)
            number = min(self.rng.sample(numbers, min(3, len(numbers))), key=lambda n: len(self.routes[n]))
            first = [r.code for r in self.routes[number]]
            seed = first[0]
        taken: list[str] = []
        for code in dict.fromkeys([*first, *self.neighbours(seed)]):  # each once, in this order
            if len(taken) >= size:
                break
            if code in self.unserved:
                taken.append(code)
            elif self.requests[code].lock is None and self.remove(code):
                taken.append(code)
        order = sorted(taken, key=lambda c: (-self.penalty(c) * (1 + 0.2 * self.rng.random()), c))
        for code in order:
            request = self.requests[code]
            best = self.best_insertion(request, blink=0.01)
            if best is not None:
                self.insert(request, best[1], best[2])
        near = {other for code in taken for other in self.neighbours(code)[:NEAR_UNSERVED]}
        return set(taken) | (near & self.unserved)

    def _strings(self, seed: str) -> list[str]:
        """Strings of consecutive stops cut from the trips nearest the seed request (as in the plain
        VRPTW search), about as many requests as a ruin takes out."""
        average_trip = len(self.slot_of) / max(1, len(self.routes))
        longest, strings = string_sizes(average_trip, (RUIN_MIN + RUIN_MAX) / 2, self.rng)
        cut: set[int] = set()
        taken: list[str] = []
        for code in [seed, *self.neighbours(seed)]:
            if len(cut) >= strings:
                break
            number = self.slot_of.get(code)
            if number is None or number in cut:
                continue
            cut.add(number)
            taken += cut_string([r.code for r in self.routes[number]], code, longest, self.rng)
        return taken

    def run(
        self,
        out_of_time: Callable[[], bool],
        ruins: int | None = None,
        seconds: float = 0.0,
        on_better: Callable[[TourSearch], None] | None = None,
    ) -> dict[int, Route]:
        """Local search, then ruin and recreate until out of time (or `ruins` of them); the best plan."""
        search(
            self,
            out_of_time,
            start_threshold=START_THRESHOLD,
            ruins=ruins,
            seconds=seconds,
            polish_whole=len(self.requests) <= WHOLE_POLISH_UP_TO,
            on_better=on_better,
        )
        return {n: list(r) for n, r in self.routes.items()}


def _middle_day(request: TourRequest) -> float:
    """The middle of the days a request allows, in days since 1 January of year 1 (for nearness)."""
    days = sorted(d.toordinal() for d in request.dates) or [0]
    return (days[0] + days[-1]) / 2


def improve(
    model: _TourModel,
    routes: dict[int, Route],
    out_of_time: Callable[[], bool],
    *,
    seed: int = 0,
    seconds: float = 0.0,
    ruins: int | None = None,
    on_better: Callable[[TourSearch], None] | None = None,
) -> dict[int, Route]:
    """`routes` improved by local search and ruin-and-recreate (see the module)."""
    return TourSearch(model, routes, seed).run(out_of_time, ruins, seconds, on_better)
