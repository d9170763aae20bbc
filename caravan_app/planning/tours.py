"""Caravan tour planning: multi-day trips, nights on the road, cross-region rules, locks.

How a plan is made:
1. Vehicles are (caravan, trip slot) pairs: a slot is a run of consecutive working days the caravan
   is free, cut to its longest trip, so a caravan's trips never overlap.
2. Who may serve what (type, theme, region and joint tours, allowed days, whether a lone trip in the
   slot could reach the venue at all) is worked out first (tour_options.py); a request no vehicle
   could take gets its reason and never reaches the search.
3. A greedy insertion builds a first plan with an exact schedule: the crew drives as early as it
   can, only in crew hours and within the daily driving limit, and shows only in the venue's hours.
4. The search (tour_search.py) improves it over the whole term on the same objective and the same
   exact schedule: local search, then ruin and recreate for the time left.
   (Improvement.ORTOOLS instead improves it with OR-Tools routing two weeks at a time, tour_improve.py,
   rescheduling every route it returns exactly; the bench compares the two.)
The exact schedule is what the plan's times are: the checker (check.py) rebuilds them on its own.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from caravan_app import log
from caravan_app.planning.control import SolveControl
from caravan_app.planning.distance import DistanceMatrix
from caravan_app.planning.problem import (
    SolveStatus,
    Stop,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    Trip,
    Unserved,
    UnservedReason,
)
from caravan_app.planning.search import FIRST_SOLUTION
from caravan_app.planning.tour_improve import (
    DAY,
    PENALTY_PER_WEIGHT,
    TRIP_FIXED_COST,
    Route,
    improve_by_blocks,
)
from caravan_app.planning.tour_options import LockError as LockError
from caravan_app.planning.tour_options import who_may_serve_what
from caravan_app.planning.tour_search import RUINS_PER_SOLUTION, TourSearch, improve

_log = log.get(log.PLANNING)


@dataclass(frozen=True)
class _Slot:
    caravan: TourCaravan
    days: tuple[int, ...]  # day numbers from the horizon start, consecutive

    @property
    def opens(self) -> int:
        return self.days[0] * DAY + self.caravan.crew_day_start

    @property
    def closes(self) -> int:
        return self.days[-1] * DAY + self.caravan.crew_day_end


@dataclass(frozen=True)
class _Timed:
    """One show day as scheduled: when the crew arrives and when the show starts."""

    request: TourRequest
    part: int
    arrive: float
    start: float


@dataclass(frozen=True)
class _Schedule:
    leave: float
    shows: tuple[_Timed, ...]
    back: float
    # After each stop: the moment its show ends, the minutes driven that day and the place.
    after: tuple[tuple[float, float, str], ...] = ()


class Improvement(StrEnum):
    """How the greedy plan is improved (bench/ compares them; the planner uses SEARCH)."""

    SEARCH = "search"  # local search and ruin-and-recreate over the whole term (tour_search.py)
    ORTOOLS = "ortools"  # OR-Tools routing two weeks at a time (tour_improve.py)
    BOTH = "both"  # OR-Tools blocks for half the time, then the search


def plan_tours(
    problem: TourProblem,
    control: SolveControl | None = None,
    first_solution: int = FIRST_SOLUTION.LOCAL_CHEAPEST_INSERTION,
    improvement: Improvement = Improvement.SEARCH,
) -> TourSolution:
    """The best plan found within the control's time limit; every unserved request has a reason.

    `first_solution` is the OR-Tools strategy used only when the greedy start cannot be loaded.
    """
    control = control or SolveControl()
    control.start_clock()
    return _TourModel(problem, control, first_solution, improvement=improvement).solve()


class _Cancelled(Exception):
    """The user stopped the solve before the first plan was complete."""


class _TourModel:
    def __init__(
        self,
        problem: TourProblem,
        control: SolveControl,
        first_solution: int,
        assess: bool = True,
        improvement: Improvement = Improvement.SEARCH,
    ) -> None:
        self.problem = problem
        self.improvement = improvement
        self.control = control
        self.first_solution = first_solution
        self.start = problem.calendar.start
        depots = {c.depot_code: c.depot for c in problem.caravans}
        venues = {r.venue_code: r.location for r in problem.requests}
        self.place_codes = list(depots) + [c for c in venues if c not in depots]
        points = [depots.get(c) or venues[c] for c in self.place_codes]
        self.distances = DistanceMatrix(self.place_codes, points, problem.road_factor, problem.distance_km)
        self.slots = self._slots()
        self.slots_of: dict[str, list[int]] = {}  # caravan code -> its slot numbers
        for number, slot in enumerate(self.slots):
            self.slots_of.setdefault(slot.caravan.code, []).append(number)
        self.unserved: list[Unserved] = []
        # (slot number, request code) -> the days a show of that request may start in that slot
        self.start_days: dict[tuple[int, str], tuple[int, ...]] = {}
        self.candidates: dict[str, list[int]] = {}  # request code -> slot numbers
        self._candidate_sets: dict[str, frozenset[int]] = {}
        self.servable: list[TourRequest] = []
        # Who may serve what is worked out with locked visits free to start at any time of their day;
        # the first plan then tries to keep their order (see solve).
        self.keep_lock_order = False
        if assess:  # a hand move schedules given days only and needs no one's candidates
            who_may_serve_what(self)

    def candidates_set(self, code: str) -> frozenset[int]:
        """The request's candidate slots as a set (for membership tests)."""
        found = self._candidate_sets.get(code)
        if found is None:
            found = self._candidate_sets[code] = frozenset(self.candidates.get(code, ()))
        return found

    # --- days, places and driving -----------------------------------------------------------

    def _day(self, day: date) -> int:
        return (day - self.start).days

    def _moment(self, minute: float) -> datetime:
        return datetime.combine(self.start, datetime.min.time()) + timedelta(minutes=round(minute))

    def _slots(self) -> list[_Slot]:
        calendar = self.problem.calendar
        slots = []
        for caravan in self.problem.caravans:
            run: list[int] = []
            day = calendar.start
            while day <= calendar.end + timedelta(days=1):
                free = calendar.is_working_day(day) and day not in caravan.unavailable
                if free:
                    run.append(self._day(day))
                if (not free or len(run) == caravan.max_trip_days) and run:
                    slots.append(_Slot(caravan, tuple(run)))
                    run = []
                day += timedelta(days=1)
        return slots

    def km(self, a: str, b: str) -> float:
        return self.distances.between(a, b)

    def drive_minutes(self, caravan: TourCaravan, a: str, b: str) -> float:
        return self.km(a, b) / caravan.speed_kmh * 60

    @staticmethod
    def drive(caravan: TourCaravan, moment: float, driven: float, minutes: float) -> tuple[float, float]:
        """Drive as early as possible from `moment`, having driven `driven` minutes that day.

        Returns the arrival and the minutes driven on the arrival day. Driving stops for the night
        when the crew day or the day's driving allowance runs out.
        """
        day = int(moment // DAY)
        while True:
            day_start = day * DAY + caravan.crew_day_start
            day_end = day * DAY + caravan.crew_day_end
            if moment < day_start:
                moment = day_start
            allowance = min(day_end - moment, caravan.max_drive_minutes_per_day - driven)
            if minutes <= allowance + 1e-9:
                return moment + minutes, driven + minutes
            if allowance > 0:
                minutes -= allowance
            day += 1
            moment, driven = float(day * DAY), 0.0

    def _ordered_lock(self, request: TourRequest) -> bool:
        """A one-day show locked at a minute, while the locked visits' order is kept (see solve)."""
        lock = request.lock
        return (
            self.keep_lock_order
            and lock is not None
            and lock.not_before is not None
            and request.show_days == 1
        )

    def _show_window(self, caravan: TourCaravan, request: TourRequest, day: int) -> tuple[int, int]:
        opens = max(request.open_from, caravan.crew_day_start)
        lock = request.lock
        if lock is not None and lock.not_before is not None and self._ordered_lock(request):
            opens = max(opens, lock.not_before)
        earliest = day * DAY + opens
        latest = day * DAY + min(request.open_to, caravan.crew_day_end) - request.show_minutes
        return earliest, latest

    # --- the exact schedule -----------------------------------------------------------------

    def schedule(
        self,
        slot_number: int,
        route: Sequence[TourRequest],
        leave: float | None = None,
        starts: Sequence[float] | None = None,
        resume: tuple[float, float, str] | None = None,
    ) -> _Schedule | None:
        """The route's times in this slot, shows as early as possible; None if it cannot be done.

        With `leave` and `starts` (one per request), the crew leaves then and each show starts at
        the given minute unless it must start later; used to rebuild a plan with a later departure.
        With `resume` (the moment, minutes driven that day and place after some first stops, as
        `Schedule.after` gives them), `route` is the rest of a trip, scheduled from there.
        """
        slot = self.slots[slot_number]
        caravan = slot.caravan
        moment = float(slot.opens if leave is None else leave)
        driven, place = 0.0, caravan.depot_code
        if resume is not None:
            moment, driven, place = resume
        after: list[tuple[float, float, str]] = []
        shows: list[_Timed] = []
        for position, request in enumerate(route):
            if request.venue_code == place:
                arrive = moment
            else:
                arrive, driven = self.drive(
                    caravan, moment, driven, self.drive_minutes(caravan, place, request.venue_code)
                )
                # Plans are in whole minutes: round up, so no show starts before the crew is there.
                arrive = float(math.ceil(arrive - 1e-9))
            wanted = arrive if starts is None else max(arrive, starts[position])
            first = self._first_start(slot_number, request, wanted)
            if first is None:
                return None
            day, begin = first
            if int(begin // DAY) != int(arrive // DAY):
                driven = 0.0
            shows.append(_Timed(request, 0, arrive, begin))
            end = begin + request.show_minutes
            for part in range(1, request.show_days):
                earliest, _ = self._show_window(caravan, request, day + part)
                shows.append(_Timed(request, part, end, float(earliest)))
                end = earliest + request.show_minutes
                driven = 0.0
            moment, place = end, request.venue_code
            after.append((moment, driven, place))
        back, _ = self.drive(caravan, moment, driven, self.drive_minutes(caravan, place, caravan.depot_code))
        back = float(math.ceil(back - 1e-9))
        if back > slot.closes + 1e-6:
            return None
        return _Schedule(float(slot.opens if leave is None else leave), tuple(shows), back, tuple(after))

    def _first_start(self, slot_number: int, request: TourRequest, arrive: float) -> tuple[int, float] | None:
        """The first allowed (day, minute) at or after `arrive` when the request's show can begin."""
        caravan = self.slots[slot_number].caravan
        for day in self.start_days.get((slot_number, request.code), ()):
            if (day + 1) * DAY <= arrive:
                continue
            earliest, latest = self._show_window(caravan, request, day)
            begin = max(arrive, float(earliest))
            if begin <= latest + 1e-9:
                return day, begin
        return None

    # --- greedy insertion -------------------------------------------------------------------

    def _weight(self, request: TourRequest) -> float:
        return self.problem.weights.weight(request)

    def _insert(
        self, routes: dict[int, Route], requests: Sequence[TourRequest], cancellable: bool = False
    ) -> list[TourRequest]:
        """Insert each request where it adds the fewest km; returns those that fit nowhere.

        Locked requests go first, day by day (a later day's lock inserted first could leave an earlier
        one no position), then by weight, the ones with fewest choices first among equals. With
        `cancellable`, a cancel stops it (raising _Cancelled): the first plan of a large province
        takes seconds, and a half-built one would call every request it did not reach "capacity".
        """
        order = sorted(
            requests,
            key=lambda r: (
                r.lock is None,
                r.lock.day if r.lock is not None else date.min,
                r.lock.not_before or 0 if r.lock is not None else 0,
                -self._weight(r),
                len(self.candidates[r.code]),
                r.code,
            ),
        )
        cap = self.problem.max_days_per_caravan
        days = {n: self._route_days(n, r) for n, r in routes.items()} if cap is not None else {}
        away: dict[str, int] = {}
        for number, n_days in days.items():
            code = self.slots[number].caravan.code
            away[code] = away.get(code, 0) + n_days
        left = []
        for request in order:
            if cancellable and self.control.cancelled:
                raise _Cancelled
            # Every place by the km it adds, then the cheapest whose schedule holds: most requests find
            # one among the first few, so few schedules are worked out.
            km, venue = self.distances.km, self.distances.index[request.venue_code]
            places: list[tuple[float, int, int]] = []
            for number in self.candidates[request.code]:
                route = routes.get(number, [])
                depot = self.distances.index[self.slots[number].caravan.depot_code]
                if not route:
                    places.append((2 * km[depot][venue] * 1000 + TRIP_FIXED_COST, number, 0))
                    continue
                stops = [depot, *(self.distances.index[r.venue_code] for r in route), depot]
                # A visit locked at a minute goes after those of its day locked before it: they come
                # in that order, and the order they had is one the schedule can keep.
                first = len(route) if self._ordered_lock(request) else 0
                for position in range(first, len(route) + 1):
                    a, b = stops[position], stops[position + 1]
                    places.append(((km[a][venue] + km[venue][b] - km[a][b]) * 1000, number, position))
            places.sort()
            best: tuple[float, int, int] | None = None
            for added, number, position in places:
                route = routes.get(number, [])
                trial = [*route[:position], request, *route[position:]]
                if self.schedule(number, trial) is None:
                    continue
                if cap is not None:
                    code = self.slots[number].caravan.code
                    if away.get(code, 0) - days.get(number, 0) + self._route_days(number, trial) > cap:
                        continue
                best = (added, number, position)
                break
            if best is None:
                if request.lock is not None:
                    raise LockError(request.code, request.lock.caravan, request.lock.day, None)
                left.append(request)
                continue
            routes.setdefault(best[1], []).insert(best[2], request)
            if cap is not None:
                code = self.slots[best[1]].caravan.code
                now = self._route_days(best[1], routes[best[1]])
                away[code] = away.get(code, 0) - days.get(best[1], 0) + now
                days[best[1]] = now
        return left

    def _route_days(self, number: int, route: Route) -> int:
        """Days the route's trip is away, leave day to return day, as the plan will hold it: leaving
        as late as it can (a slot's schedule leaves when the slot opens). 0 for no trip."""
        return self._trip(number, route).days if route else 0

    def _over_cap(self, routes: dict[int, Route]) -> int:
        """Days on the road beyond the cap per caravan (max_days_per_caravan), summed over caravans."""
        cap = self.problem.max_days_per_caravan
        if cap is None:
            return 0
        away: dict[str, int] = {}
        for number, route in routes.items():
            code = self.slots[number].caravan.code
            away[code] = away.get(code, 0) + self._route_days(number, route)
        return sum(max(0, n - cap) for n in away.values())

    def _cost(self, routes: dict[int, Route]) -> float:
        """Unserved weight times the penalty, plus metres driven and trips' fixed costs."""
        served = {r.code for route in routes.values() for r in route}
        penalty = sum(self._weight(r) for r in self.servable if r.code not in served) * PENALTY_PER_WEIGHT
        # A plan over the cap loses to any plan within it: the OR-Tools blocks do not know the cap,
        # so an improvement that breaks it is never kept.
        return penalty + self._metres(routes) + self._over_cap(routes) * PENALTY_PER_WEIGHT * 1000

    def _metres(self, routes: dict[int, Route]) -> float:
        metres = 0.0
        for number, route in routes.items():
            if route:
                depot = self.slots[number].caravan.depot_code
                places = [depot] + [r.venue_code for r in route] + [depot]
                metres += sum(self.km(a, b) for a, b in itertools.pairwise(places)) * 1000
                metres += TRIP_FIXED_COST
        return metres

    def _repair(self, routes: dict[int, Route]) -> dict[int, Route]:
        """Drop the stops an exact schedule cannot keep, then insert every unserved request again."""
        kept: dict[int, Route] = {}
        for number, route in routes.items():
            route = list(route)
            while route and self.schedule(number, route) is None:
                # Drop the first stop the exact schedule cannot keep, until the route can be driven.
                broken = self._first_broken_stop(number, route)
                if route[broken].lock is not None:
                    # The improvement moved a locked visit where it cannot be kept: the whole route is
                    # offered again below, locked visits first and day by day.
                    route = []
                    break
                route.pop(broken)
            if route:
                kept[number] = route
        served = {r.code for route in kept.values() for r in route}
        self._insert(kept, [r for r in self.servable if r.code not in served])
        return kept

    def _first_broken_stop(self, number: int, route: Route) -> int:
        for position in range(len(route)):
            if self.schedule(number, route[: position + 1]) is None:
                return position
        return len(route) - 1

    # --- the whole solve and the plan -------------------------------------------------------

    def solve(self) -> TourSolution:
        started = time.monotonic()
        best: dict[int, Route] = {}
        try:
            # Locked visits start no earlier than they did, so that a day's locked visits come back in
            # their order; where that no longer fits (say, a new road distance), at any time of their day.
            self.keep_lock_order = any(
                r.lock is not None and r.lock.not_before is not None for r in self.servable
            )
            try:
                self._insert(best, self.servable, cancellable=True)
            except LockError:
                if not self.keep_lock_order:
                    raise
                self.keep_lock_order, best = False, {}
                self._insert(best, self.servable, cancellable=True)
        except _Cancelled:
            return TourSolution(
                (), (), SolveStatus.CANCELLED, solve_seconds=round(time.monotonic() - started, 3)
            )
        greedy_cost = self._cost(best)
        self.control.report(greedy_cost, sum(len(r) for r in best.values()))
        if self.improvement is not Improvement.SEARCH:
            share = 0.5 if self.improvement is Improvement.BOTH else 1.0
            best = improve_by_blocks(self, best, self.control.remaining * share)
        if self.improvement is not Improvement.ORTOOLS:
            best = self._search(best)
        _log.info("greedy plan costs %.0f, improved %.0f", greedy_cost, self._cost(best))
        # A plan stopped by a cancel is as valid as one stopped by the clock; neither is proven best.
        return self._solution(best, SolveStatus.FEASIBLE, started)

    def _search(self, routes: dict[int, Route]) -> dict[int, Route]:
        """Local search and ruin-and-recreate for the time left (or, with a solution budget, a fixed
        number of ruins, so that the same problem gives the same plan on any machine)."""
        limit = self.control.solution_limit
        ruins = None if limit is None else limit * RUINS_PER_SOLUTION

        def out_of_time() -> bool:
            return self.control.cancelled or self.control.remaining <= 0.05

        def better(search: TourSearch) -> None:
            self.control.report(search.cost, len(search.requests) - len(search.unserved))

        return improve(
            self,
            routes,
            out_of_time,
            seed=self.control.seed,
            seconds=self.control.remaining,
            ruins=ruins,
            on_better=better,
        )

    def _solution(self, routes: dict[int, Route], status: SolveStatus, started: float) -> TourSolution:
        trips = [self._trip(number, route) for number, route in sorted(routes.items()) if route]
        trips.sort(key=lambda t: (t.caravan, t.leave))
        served = {s.request for t in trips for s in t.stops}
        unserved = list(self.unserved) + [
            Unserved(r.code, UnservedReason.CAPACITY) for r in self.servable if r.code not in served
        ]
        unserved.sort(key=lambda u: u.request)
        return TourSolution(
            tuple(trips), tuple(unserved), status, self._cost(routes), round(time.monotonic() - started, 3)
        )

    def _trip(self, number: int, route: Route) -> Trip:
        slot = self.slots[number]
        caravan = slot.caravan
        early = self.schedule(number, route)
        assert early is not None, "routes are only kept when their schedule holds"
        starts = [t.start for t in early.shows if t.part == 0]
        timed = early
        # Leave as late as the first show allows; keep it only if the whole trip still holds.
        late = self._latest_departure(slot, route[0].venue_code, early.shows[0].start)
        if late > early.leave:
            again = self.schedule(number, route, leave=late, starts=starts)
            if again is not None and [t.start for t in again.shows] == [t.start for t in early.shows]:
                timed = again
        stops = []
        place = caravan.depot_code
        for show in timed.shows:
            request = show.request
            stops.append(
                Stop(
                    request.code,
                    request.venue_code,
                    self._moment(show.arrive),
                    self._moment(show.start),
                    self._moment(show.start + request.show_minutes),
                    round(self.km(place, request.venue_code), 3),
                    locked=request.lock is not None,
                )
            )
            place = request.venue_code
        return Trip(
            caravan.code,
            self._moment(timed.leave),
            self._moment(timed.back),
            tuple(stops),
            round(self.km(place, caravan.depot_code), 3),
        )

    def slot_for(self, caravan: TourCaravan, first: int, show_days: int, new: bool = False) -> int:
        """The caravan's slot holding days first.. of a show, or a new one of just those days.

        A show on a day the caravan has no slot (not a working day, the caravan away) gets a slot of
        its own, so that its trip can be built and the checker can name the rule it breaks.
        """
        days = set(range(first, first + show_days))
        for number, slot in enumerate(self.slots):
            if not new and slot.caravan is caravan and days <= set(slot.days):
                return number
        self.slots.append(_Slot(caravan, tuple(sorted(days))))
        self.slots_of.setdefault(caravan.code, []).append(len(self.slots) - 1)
        return len(self.slots) - 1

    def rebuild(self, number: int, route: Sequence[tuple[TourRequest, int]]) -> Trip | None:
        """The trip of slot `number` showing each request on its given first day, or None."""
        for request, first in route:
            self.start_days[(number, request.code)] = (first,)
        requests = [r for r, _ in route]
        if self.schedule(number, requests) is None:
            return None
        return self._trip(number, requests)

    def _latest_departure(self, slot: _Slot, venue: str, show_start: float) -> float:
        """The latest minute the crew can leave the depot and still be there for the first show."""
        caravan = slot.caravan
        minutes = self.drive_minutes(caravan, caravan.depot_code, venue)
        show_day = int(show_start // DAY)
        for day in reversed([d for d in slot.days if d <= show_day]):
            low, high = day * DAY + caravan.crew_day_start, day * DAY + caravan.crew_day_end
            if self.drive(caravan, low, 0.0, minutes)[0] > show_start + 1e-6:
                continue
            while low < high:  # arrival never comes earlier for a later departure
                middle = (low + high + 1) // 2
                if self.drive(caravan, middle, 0.0, minutes)[0] <= show_start + 1e-6:
                    low = middle
                else:
                    high = middle - 1
            return float(low)
        return float(slot.opens)
