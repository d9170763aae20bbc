"""Caravan tour planning: multi-day trips, nights on the road, cross-region rules, with OR-Tools routing.

How a plan is made:
1. Vehicles are (caravan, trip slot) pairs: a slot is a run of consecutive working days the caravan
   is free, cut to its longest trip, so a caravan's trips never overlap.
2. Who may serve what (type, theme, region and joint tours, allowed days, whether a lone trip in the
   slot could reach the venue at all) is worked out first; a request no vehicle could take gets its
   reason and never reaches the solver.
3. A greedy insertion builds a first plan with an exact schedule: the crew drives as early as it
   can, only in crew hours and within the daily driving limit, and shows only in the venue's hours.
4. OR-Tools routing improves that plan two weeks at a time (a whole term in one model is too large
   for it to restore the greedy start or make many moves): one node per show day, optional with a
   penalty by priority (larger than any kilometres a drop could save), a time dimension in minutes
   with each night a fixed break (a drive may run over a night, a show may not), allowed vehicles
   as node domains, guided local search from the greedy routes. Its time model does not see the
   daily driving limit, so:
5. every route it returns is rescheduled exactly; a stop the exact schedule cannot keep is dropped and
   offered again, with every other unserved request, to a greedy insertion. A block's result is kept
   only if the whole plan gets better (fewer weighted unserved, then fewer km).
The exact schedule is what the plan's times are: the checker (check.py) rebuilds them on its own.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from caravan_app import log
from caravan_app.domain.enums import Level
from caravan_app.errors import CaravanError
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
    fits,
)
from caravan_app.planning.search import FIRST_SOLUTION
from caravan_app.planning.tour_improve import (
    DAY,
    PENALTY_PER_WEIGHT,
    TRIP_FIXED_COST,
    Route,
    improve_block,
)

_log = log.get(log.PLANNING)


class LockError(CaravanError):
    """A locked visit cannot be kept: the caravan is not free or cannot reach it that day.

    `reason` says why none of the caravan's days works (an UnservedReason), or is None when the
    caravan could serve it that day but its trip has no room left for it.
    """

    def __init__(self, request: str, caravan: str, day: date, reason: UnservedReason | None) -> None:
        self.request, self.caravan, self.day, self.reason = request, caravan, day, reason
        why = f"that caravan cannot serve it that day ({reason.value})" if reason else "its trip has no room"
        super().__init__(f"request {request} is locked to caravan {caravan} on {day}, but {why}")


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


def plan_tours(
    problem: TourProblem,
    control: SolveControl | None = None,
    first_solution: int = FIRST_SOLUTION.LOCAL_CHEAPEST_INSERTION,
) -> TourSolution:
    """The best plan found within the control's time limit; every unserved request has a reason.

    `first_solution` is the OR-Tools strategy used only when the greedy start cannot be loaded.
    """
    control = control or SolveControl()
    control.start_clock()
    return _TourModel(problem, control, first_solution).solve()


class _Cancelled(Exception):
    """The user stopped the solve before the first plan was complete."""


class _TourModel:
    def __init__(
        self, problem: TourProblem, control: SolveControl, first_solution: int, assess: bool = True
    ) -> None:
        self.problem = problem
        self.control = control
        self.first_solution = first_solution
        self.start = problem.calendar.start
        depots = {c.depot_code: c.depot for c in problem.caravans}
        venues = {r.venue_code: r.location for r in problem.requests}
        self.place_codes = list(depots) + [c for c in venues if c not in depots]
        points = [depots.get(c) or venues[c] for c in self.place_codes]
        self.distances = DistanceMatrix(self.place_codes, points, problem.road_factor, problem.distance_km)
        self.slots = self._slots()
        self.unserved: list[Unserved] = []
        # (slot number, request code) -> the days a show of that request may start in that slot
        self.start_days: dict[tuple[int, str], tuple[int, ...]] = {}
        self.candidates: dict[str, list[int]] = {}  # request code -> slot numbers
        self.servable: list[TourRequest] = []
        if assess:  # a hand move schedules given days only and needs no one's candidates
            self._who_may_serve_what()

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

    def _show_window(self, caravan: TourCaravan, request: TourRequest, day: int) -> tuple[int, int]:
        earliest = day * DAY + max(request.open_from, caravan.crew_day_start)
        latest = day * DAY + min(request.open_to, caravan.crew_day_end) - request.show_minutes
        return earliest, latest

    # --- the exact schedule -----------------------------------------------------------------

    def schedule(
        self,
        slot_number: int,
        route: Sequence[TourRequest],
        leave: float | None = None,
        starts: Sequence[float] | None = None,
    ) -> _Schedule | None:
        """The route's times in this slot, shows as early as possible; None if it cannot be done.

        With `leave` and `starts` (one per request), the crew leaves then and each show starts at
        the given minute unless it must start later; used to rebuild a plan with a later departure.
        """
        slot = self.slots[slot_number]
        caravan = slot.caravan
        moment = float(slot.opens if leave is None else leave)
        driven, place = 0.0, caravan.depot_code
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
        back, _ = self.drive(caravan, moment, driven, self.drive_minutes(caravan, place, caravan.depot_code))
        back = float(math.ceil(back - 1e-9))
        if back > slot.closes + 1e-6:
            return None
        return _Schedule(float(slot.opens if leave is None else leave), tuple(shows), back)

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

    # --- who may serve what -----------------------------------------------------------------

    def _permitted_until(self, caravan: TourCaravan, request: TourRequest) -> date | None:
        """The last day the caravan may serve the request (date.max: always), or None: never."""
        if caravan.owner_level is Level.PROVINCE:
            return date.max
        home = request.county if caravan.owner_level is Level.COUNTY else request.city
        if home == caravan.region:
            return date.max
        last = [
            joint.last_day or date.max
            for joint in self.problem.joint_tours
            if joint.allows(caravan.code, request)
        ]
        return max(last, default=None)

    def _show_days(self, request: TourRequest) -> set[int]:
        calendar = self.problem.calendar
        return {
            self._day(d)
            for d in request.dates
            if calendar.is_working_day(d) and not (request.is_school and d in calendar.school_holidays)
        }

    def _who_may_serve_what(self) -> None:
        for request in self.problem.requests:
            fitting = [c for c in self.problem.caravans if fits(c, request)]
            until = {c.code: self._permitted_until(c, request) for c in fitting}
            permitted = [c for c in fitting if until[c.code] is not None]
            if request.lock is not None:
                permitted = [c for c in permitted if c.code == request.lock.caravan]
            days = self._show_days(request)
            candidates, past_last_day = [], False
            for number, slot in enumerate(self.slots):
                if slot.caravan not in permitted:
                    continue
                last = until[slot.caravan.code] or date.max
                starts = []
                for position, first in enumerate(slot.days):
                    span = slot.days[position : position + request.show_days]
                    if len(span) < request.show_days or any(d not in days for d in span):
                        continue
                    if last < date.max and self.start + timedelta(days=span[-1]) > last:
                        past_last_day = True  # past the last day of the joint tours that let it
                        continue
                    if request.lock is not None and first != self._day(request.lock.day):
                        continue
                    starts.append(first)
                if not starts:
                    continue
                self.start_days[(number, request.code)] = tuple(starts)
                if self.schedule(number, [request]) is not None:
                    candidates.append(number)
                else:
                    del self.start_days[(number, request.code)]
            if candidates:
                self.candidates[request.code] = candidates
                self.servable.append(request)
                continue
            reason = (
                UnservedReason.NO_TYPE_OR_THEME
                if not fitting
                else UnservedReason.NO_PERMITTED_CARAVAN
                if not permitted or past_last_day
                else UnservedReason.NO_WORKABLE_DATE
            )
            if request.lock is not None:
                raise LockError(request.code, request.lock.caravan, request.lock.day, reason)
            self.unserved.append(Unserved(request.code, reason))

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
            best: tuple[float, int, int] | None = None
            for number in self.candidates[request.code]:
                route = routes.get(number, [])
                depot = self.slots[number].caravan.depot_code
                places = [depot] + [r.venue_code for r in route] + [depot]
                for position in range(len(route) + 1):
                    added = (
                        self.km(places[position], request.venue_code)
                        + self.km(request.venue_code, places[position + 1])
                        - self.km(places[position], places[position + 1])
                    ) * 1000 + (0 if route else TRIP_FIXED_COST)
                    if best is not None and added >= best[0]:
                        continue
                    trial = [*route[:position], request, *route[position:]]
                    if self.schedule(number, trial) is None:
                        continue
                    if cap is not None:
                        code = self.slots[number].caravan.code
                        if away.get(code, 0) - days.get(number, 0) + self._route_days(number, trial) > cap:
                            continue
                    best = (added, number, position)
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

    # --- OR-Tools improvement (planning/tour_improve.py) ----------------------------------------

    def _improve(
        self,
        start: dict[int, Route],
        block: set[int],
        requests: list[TourRequest],
        seconds: float,
        served_elsewhere: int,
    ) -> dict[int, Route] | None:
        return improve_block(self, start, block, requests, seconds, served_elsewhere)

    # --- the whole solve and the plan -------------------------------------------------------

    def solve(self) -> TourSolution:
        started = time.monotonic()
        best: dict[int, Route] = {}
        try:
            self._insert(best, self.servable, cancellable=True)
        except _Cancelled:
            return TourSolution(
                (), (), SolveStatus.CANCELLED, solve_seconds=round(time.monotonic() - started, 3)
            )
        greedy_cost = self._cost(best)
        self.control.report(greedy_cost, sum(len(r) for r in best.values()))
        # OR-Tools improves the plan a block of weeks at a time: a whole term in one model is too
        # large for it to restore the greedy start or make many moves in the time there is.
        blocks = self._blocks()
        for position, block in enumerate(blocks):
            seconds = self.control.remaining * 0.95 / (len(blocks) - position)
            if self.control.cancelled or seconds < 0.2:
                break
            served = {r.code for routes in best.values() for r in routes}
            inside = {r.code for n in block for r in best.get(n, [])}
            requests = [r for r in self.servable if r.code in inside or r.code not in served]
            improved = self._improve(best, block, requests, seconds, len(served - inside))
            if improved is None:
                continue
            candidate = {n: r for n, r in best.items() if n not in block} | improved
            try:
                candidate = self._repair(candidate)
            except LockError:
                # Its order of locked visits cannot be rebuilt; the plan so far keeps them all.
                continue
            if self._cost(candidate) < self._cost(best):
                best = candidate
                self.control.report(self._cost(best), sum(len(r) for r in best.values()))
        _log.info("greedy plan costs %.0f, improved %.0f", greedy_cost, self._cost(best))
        # A plan stopped by a cancel is as valid as one stopped by the clock; neither is proven best.
        return self._solution(best, SolveStatus.FEASIBLE, started)

    def _blocks(self, weeks: int = 2) -> list[set[int]]:
        """Slot numbers grouped by blocks of `weeks` weeks of the horizon, in time order."""
        blocks: dict[int, set[int]] = {}
        for number, slot in enumerate(self.slots):
            blocks.setdefault(slot.days[0] // (7 * weeks), set()).add(number)
        return [blocks[key] for key in sorted(blocks)]

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
