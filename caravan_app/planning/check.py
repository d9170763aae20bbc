"""An independent checker of caravan tour plans: a TourSolution against every rule of its TourProblem.

The checker re-derives what it needs (road distances and the crew's driving schedule) from the
problem alone and shares no code with the planner, so a planner bug cannot hide behind the same bug
here. `check_tours` never raises on bad data: unknown codes, impossible times and NaN kilometres
come back as violations. `RULES` lists every rule identifier with a one-line description.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from caravan_app.domain.enums import Level
from caravan_app.domain.outcomes import TOUR_RULES, SolveStatus, TourRule
from caravan_app.planning.check_driving import (
    _MAX_DAYS_WALKED,
    DrivingChecks,
    _clock,
    _day,
    _Distances,
    _minute_of_day,
    _minutes,
    _minutes_between,
    _moment,
    _naive_trip,
)
from caravan_app.planning.check_driving import distance_km as distance_km
from caravan_app.planning.check_driving import great_circle_km as great_circle_km
from caravan_app.planning.problem import TourCaravan, TourProblem, TourRequest, TourSolution, Trip

# Every rule identifier with a one-line description.
RULES = TOUR_RULES


@dataclass(frozen=True)
class Violation:
    """One broken rule and what it concerns (when known): caravan, request, the day, the venue and,
    for a region rule, the request's county (adcode). `message` says it in English for the log."""

    rule: TourRule
    caravan: str | None
    request: str | None
    message: str
    day: date | None = None
    venue: str | None = None
    region: str | None = None


def check_tours(problem: TourProblem, solution: TourSolution) -> list[Violation]:
    """Every rule the solution breaks; an empty list means the solution is valid."""
    return _Checker(problem, solution).run()


def visit_breaks(
    problem: TourProblem, request_code: str, places: Iterable[tuple[str, date]]
) -> dict[tuple[str, date], list[Violation]]:
    """The rules a show of the request breaks at each (caravan, day) of `places` whatever trip it is
    on: the caravan's type, themes and region, and the day itself (one of the request's dates, a
    working day, no school holiday). Each comes as check_tours reports it for such a stop, so a hand
    edit can rule out most caravans and days before whole plans are checked."""
    checker = _Checker(problem, TourSolution((), (), SolveStatus.FEASIBLE))
    checker.read_problem()
    request = checker.requests.get(request_code)
    found: dict[tuple[str, date], list[Violation]] = {}
    if request is None:
        return found
    for caravan_code, day in places:
        caravan = checker.caravans.get(caravan_code)
        if caravan is None:
            continue
        checker.found = []
        label = f"Caravan {caravan_code} on {_day(day)}"
        checker.check_fit(caravan, request, label, day)
        checker.check_region(caravan, request, label, day)
        add = functools.partial(checker.add, day=day, venue=request.venue_code)
        where = f"{label}: request {request.code} at {request.venue_name} ({request.venue_code})"
        if day not in request.dates:
            add(
                "show_day_not_allowed",
                caravan_code,
                request_code,
                f"{where}: not one of the request's dates.",
            )
        if not checker.calendar.is_working_day(day):
            add("show_not_working_day", caravan_code, request_code, f"{where}: not a working day.")
        if request.is_school and day in checker.calendar.school_holidays:
            add("show_school_holiday", caravan_code, request_code, f"{where}: a school holiday.")
        if checker.found:
            found[(caravan_code, day)] = checker.found
    return found


@dataclass(frozen=True)
class _Placed:
    """Where a stop sits in the solution."""

    trip_index: int
    stop_index: int


class _Checker(DrivingChecks):
    def __init__(self, problem: TourProblem, solution: TourSolution) -> None:
        self.problem = problem
        self.solution = solution
        self.calendar = problem.calendar
        self.distances = _Distances(problem)
        self.found: list[Violation] = []
        self.caravans: dict[str, TourCaravan] = {}
        self.requests: dict[str, TourRequest] = {}
        self.trips: list[Trip] = []
        # Request code -> its stops, in solution order.
        self.stops_of: dict[str, list[_Placed]] = {}

    def add(
        self,
        rule: str,
        caravan: str | None,
        request: str | None,
        message: str,
        *,
        day: date | None = None,
        venue: str | None = None,
        region: str | None = None,
    ) -> None:
        self.found.append(Violation(TourRule(rule), caravan, request, message, day, venue, region))

    def run(self) -> list[Violation]:
        self.read_problem()
        for index, raw in enumerate(self.solution.trips):
            try:
                trip = _naive_trip(raw)
            except (ValueError, TypeError, AttributeError):
                trip = raw
            # Recorded before checking, so that self.trips[i] is always solution.trips[i] and every
            # stop counts as serving its request even if checking its trip fails part-way.
            self.trips.append(trip)
            for stop_index, stop in enumerate(trip.stops):
                self.stops_of.setdefault(stop.request, []).append(_Placed(index, stop_index))
            try:
                self.check_trip(trip)
            except (ArithmeticError, ValueError, TypeError, AttributeError) as error:
                # Never raise on bad data: a value that cannot even be computed with is itself a finding.
                self.add(
                    "unreadable_data",
                    raw.caravan,
                    None,
                    f"Trip {index + 1} of caravan {raw.caravan}: {error!r}",
                )
        for check in (self.check_overlaps, self.check_requests, self.check_unserved, self.check_locks):
            try:
                check()
            except (ArithmeticError, ValueError, TypeError, AttributeError) as error:
                self.add("unreadable_data", None, None, f"{check.__name__}: {error!r}")
        return self.found

    # -- the problem itself --------------------------------------------------------------------

    def read_problem(self) -> None:
        for caravan in self.problem.caravans:
            if caravan.code in self.caravans:
                self.add(
                    "duplicate_caravan_code",
                    caravan.code,
                    None,
                    f"Caravan code {caravan.code} is used twice.",
                )
            else:
                self.caravans[caravan.code] = caravan
        for request in self.problem.requests:
            if request.code in self.requests:
                self.add(
                    "duplicate_request_code",
                    None,
                    request.code,
                    f"Request code {request.code} is used twice.",
                )
            else:
                self.requests[request.code] = request

    # -- one trip ------------------------------------------------------------------------------

    def trip_label(self, trip: Trip) -> str:
        return f"Caravan {trip.caravan}, trip leaving {_moment(trip.leave)}"

    def check_trip(self, trip: Trip) -> None:
        label = self.trip_label(trip)
        caravan = self.caravans.get(trip.caravan)
        if caravan is None:
            self.add(
                "unknown_caravan", trip.caravan, None, f"{label}: the problem has no caravan {trip.caravan}."
            )
        if not trip.stops:
            self.add("empty_trip", trip.caravan, None, f"{label}: the trip has no stop.")
        if trip.back < trip.leave:
            self.add(
                "back_before_leave",
                trip.caravan,
                None,
                f"{label}: it comes back at {_moment(trip.back)}, before it leaves.",
            )
        else:
            self.check_trip_days(trip, caravan, label)
        if caravan is not None:
            self.check_crew_hours(trip, caravan, label)
        previous_end: datetime | None = None
        for stop_index, stop in enumerate(trip.stops):
            request = self.requests.get(stop.request)
            if request is None:
                self.add(
                    "unknown_request",
                    trip.caravan,
                    stop.request,
                    f"{label}: stop {stop_index + 1} (venue {stop.venue_code}) names request {stop.request}, "
                    "which the problem does not have.",
                )
            else:
                self.check_show(trip, caravan, stop_index, request, label)
                if caravan is not None:
                    self.check_fit(caravan, request, label, stop.show_start.date())
                    # a show of several days must end while a joint tour that lets it still runs
                    self.check_region(caravan, request, label, stop.show_end.date())
            if previous_end is not None and stop.show_start < previous_end:
                self.add(
                    "stops_out_of_order",
                    trip.caravan,
                    stop.request,
                    f"{label}: stop {stop_index + 1} (request {stop.request}) starts at "
                    f"{_moment(stop.show_start)}, before the previous show ends at {_moment(previous_end)}.",
                )
            previous_end = stop.show_end
        if caravan is not None:
            self.check_driving(trip, caravan, label)

    def check_trip_days(self, trip: Trip, caravan: TourCaravan | None, label: str) -> None:
        days = trip.days
        if caravan is not None and days > caravan.max_trip_days:
            self.add(
                "trip_too_long",
                trip.caravan,
                None,
                f"{label}: the trip lasts {days} days ({trip.leave.date()} to {trip.back.date()}), "
                f"more than caravan {trip.caravan}'s limit of {caravan.max_trip_days}.",
                day=trip.leave.date(),
            )
        first = trip.leave.date()
        walked = [first + timedelta(days=n) for n in range(min(days, _MAX_DAYS_WALKED))]
        idle = [d for d in walked if not self.calendar.is_working_day(d)]
        if idle:
            self.add(
                "trip_day_not_working",
                trip.caravan,
                None,
                f"{label}: the trip is away on {', '.join(_day(d) for d in idle)}, not working day(s) of the "
                f"calendar ({self.calendar.start} to {self.calendar.end}, weekdays "
                f"{''.join(str(w) for w in sorted(self.calendar.working_weekdays))}, less holidays).",
                day=idle[0],
            )
        if caravan is not None:
            blocked = [d for d in walked if d in caravan.unavailable]
            if blocked:
                self.add(
                    "caravan_unavailable",
                    trip.caravan,
                    None,
                    f"{label}: caravan {trip.caravan} is unavailable on "
                    f"{', '.join(_day(d) for d in blocked)}.",
                    day=blocked[0],
                )

    def check_crew_hours(self, trip: Trip, caravan: TourCaravan, label: str) -> None:
        if _minute_of_day(trip.leave) < caravan.crew_day_start:
            self.add(
                "leave_before_crew_start",
                trip.caravan,
                None,
                f"{label}: it leaves at {_clock(_minute_of_day(trip.leave))}, before the crew's day starts "
                f"at {_clock(caravan.crew_day_start)}.",
            )
        if _minute_of_day(trip.back) > caravan.crew_day_end:
            self.add(
                "back_after_crew_end",
                trip.caravan,
                None,
                f"{label}: it comes back at {_moment(trip.back)}, after the crew's day ends at "
                f"{_clock(caravan.crew_day_end)}.",
            )

    # -- one show ------------------------------------------------------------------------------

    def check_show(
        self, trip: Trip, caravan: TourCaravan | None, stop_index: int, request: TourRequest, label: str
    ) -> None:
        stop = trip.stops[stop_index]
        code = request.code
        where = f"{label}: request {code} at {request.venue_name} ({request.venue_code})"
        day = stop.show_start.date()
        add = functools.partial(self.add, day=day, venue=request.venue_code)
        if stop.venue_code != request.venue_code:
            add(
                "venue_mismatch",
                trip.caravan,
                code,
                f"{where}: the stop gives venue {stop.venue_code} instead.",
            )
        if day not in request.dates:
            allowed = ", ".join(d.isoformat() for d in sorted(request.dates)) or "none"
            add(
                "show_day_not_allowed",
                trip.caravan,
                code,
                f"{where}: the show is on {_day(day)}, not one of the request's dates ({allowed}).",
            )
        if not self.calendar.is_working_day(day):
            add(
                "show_not_working_day",
                trip.caravan,
                code,
                f"{where}: the show is on {_day(day)}, not a working day.",
            )
        if request.is_school and day in self.calendar.school_holidays:
            add(
                "show_school_holiday",
                trip.caravan,
                code,
                f"{where}: the venue is a school and {_day(day)} is a school holiday.",
            )
        expected_end = stop.show_start + timedelta(minutes=request.show_minutes)
        if stop.show_end != expected_end:
            add(
                "show_wrong_length",
                trip.caravan,
                code,
                f"{where}: the show runs {_moment(stop.show_start)} to {_moment(stop.show_end)}, "
                f"{_minutes(_minutes_between(stop.show_start, stop.show_end))} minutes instead of "
                f"{request.show_minutes}.",
            )
        earliest = float(request.open_from)
        latest = float(request.open_to)
        hours = f"venue open {_clock(request.open_from)}–{_clock(request.open_to)}"
        if caravan is not None:
            earliest = max(earliest, caravan.crew_day_start)
            latest = min(latest, caravan.crew_day_end)
            hours += f", crew {_clock(caravan.crew_day_start)}–{_clock(caravan.crew_day_end)}"
        start = _minute_of_day(stop.show_start)
        if start < earliest:
            add(
                "show_too_early",
                trip.caravan,
                code,
                f"{where}: the show starts at {_clock(start)} on {day}, before {_clock(earliest)} ({hours}).",
            )
        # Measured from the show day's midnight, so a show running past midnight counts as late too.
        end = _minutes_between(datetime.combine(day, time()), stop.show_end)
        if end > latest:
            add(
                "show_too_late",
                trip.caravan,
                code,
                f"{where}: the show ends at {_moment(stop.show_end)}, after {_clock(latest)} on {day} "
                f"({hours}).",
            )
        if stop.show_end.date() != day:
            add(
                "show_crosses_midnight",
                trip.caravan,
                code,
                f"{where}: the show starts on {day} but ends on {stop.show_end.date()}.",
            )
        if stop.show_start < trip.leave or stop.show_end > trip.back:
            add(
                "show_outside_trip",
                trip.caravan,
                code,
                f"{where}: the show ({_moment(stop.show_start)} to {_moment(stop.show_end)}) is not within "
                f"the trip ({_moment(trip.leave)} to {_moment(trip.back)}).",
            )

    def check_fit(self, caravan: TourCaravan, request: TourRequest, label: str, day: date) -> None:
        where = f"{label}: request {request.code} at {request.venue_name} ({request.venue_code})"
        if request.types_allowed and caravan.type not in request.types_allowed:
            allowed = ", ".join(sorted(t.value for t in request.types_allowed))
            self.add(
                "wrong_type",
                caravan.code,
                request.code,
                f"{where} allows caravan types {allowed}, but {caravan.code} is type {caravan.type.value}.",
                day=day,
                venue=request.venue_code,
            )
        if request.themes_wanted and not (request.themes_wanted & caravan.themes):
            self.add(
                "no_wanted_theme",
                caravan.code,
                request.code,
                f"{where} wants themes {', '.join(sorted(request.themes_wanted))}, but {caravan.code} "
                f"carries {', '.join(sorted(caravan.themes)) or 'none'}.",
                day=day,
                venue=request.venue_code,
            )

    def permitted(self, caravan: TourCaravan, request: TourRequest, day: date | None = None) -> bool:
        if caravan.owner_level == Level.PROVINCE:
            return True
        if caravan.owner_level == Level.CITY and request.city == caravan.region:
            return True
        if caravan.owner_level == Level.COUNTY and request.county == caravan.region:
            return True
        return any(joint.allows(caravan.code, request, day) for joint in self.problem.joint_tours)

    def check_region(self, caravan: TourCaravan, request: TourRequest, label: str, day: date) -> None:
        if self.permitted(caravan, request, day):
            return
        self.add(
            "region_not_permitted",
            caravan.code,
            request.code,
            f"{label}: {caravan.owner_level.value}-level caravan {caravan.code} of region {caravan.region} "
            f"may not serve request {request.code} at {request.venue_name} ({request.venue_code}) in county "
            f"{request.county}, city {request.city}, and no joint tour lets it.",
            day=day,
            venue=request.venue_code,
            region=request.county,
        )

    # -- across trips ----------------------------------------------------------------------------

    def check_overlaps(self) -> None:
        by_caravan: dict[str, list[Trip]] = {}
        for trip in self.trips:
            if trip.back >= trip.leave:
                by_caravan.setdefault(trip.caravan, []).append(trip)
        for code, trips in by_caravan.items():
            trips.sort(key=lambda t: t.leave)
            for i, first in enumerate(trips):
                for second in trips[i + 1 :]:
                    if second.leave.date() > first.back.date():
                        break
                    self.add(
                        "trips_overlap",
                        code,
                        None,
                        f"Caravan {code}: the trip leaving {_moment(first.leave)} (back "
                        f"{_moment(first.back)}) and the trip leaving {_moment(second.leave)} (back "
                        f"{_moment(second.back)}) share "
                        f"{_day(second.leave.date())}.",
                        day=second.leave.date(),
                    )

    def describe(self, placed: _Placed) -> str:
        """A stop for a message: its caravan, show day and trip."""
        trip = self.trips[placed.trip_index]
        show = trip.stops[placed.stop_index].show_start
        return f"{trip.caravan} on {_day(show.date())} (trip leaving {_moment(trip.leave)})"

    def next_working_day(self, day: date) -> date | None:
        # Days before the horizon are never working days, so the search can start at the horizon.
        candidate = max(day + timedelta(days=1), self.calendar.start)
        while candidate <= self.calendar.end:
            if self.calendar.is_working_day(candidate):
                return candidate
            candidate += timedelta(days=1)
        return None

    def check_requests(self) -> None:
        """Rule 1 across the whole solution: how many stops serve each request, and how they sit."""
        for code, placed in self.stops_of.items():
            request = self.requests.get(code)
            if request is None:
                continue
            stops = [self.trips[p.trip_index].stops[p.stop_index] for p in placed]
            served = "; ".join(self.describe(p) for p in placed)
            what = f"Request {code} at {request.venue_name} ({request.venue_code})"
            if request.show_days <= 1:
                if len(placed) > 1:
                    self.add(
                        "request_twice",
                        self.trips[placed[0].trip_index].caravan,
                        code,
                        f"{what} is a one-day request but is served {len(placed)} times: {served}.",
                    )
                continue
            caravan = self.trips[placed[0].trip_index].caravan
            days = request.show_days
            if len(placed) != days:
                self.add(
                    "multi_day_count",
                    caravan,
                    code,
                    f"{what} needs {days} show days but is served by {len(placed)} stop(s): {served}.",
                )
            trip_indices = {p.trip_index for p in placed}
            stop_indices = [p.stop_index for p in placed]
            consecutive = stop_indices == list(range(stop_indices[0], stop_indices[0] + len(stop_indices)))
            if len(trip_indices) > 1 or not consecutive:
                self.add(
                    "multi_day_split",
                    caravan,
                    code,
                    f"{what}: its {len(placed)} show days are not consecutive stops of one trip: {served}.",
                )
            show_days = sorted(s.show_start.date() for s in stops)
            for before, after in zip(show_days, show_days[1:], strict=False):
                expected = self.next_working_day(before)
                if after != expected:
                    then = _day(expected) if expected is not None else "none within the calendar"
                    self.add(
                        "multi_day_not_successive",
                        caravan,
                        code,
                        f"{what}: after {_day(before)} the next show day is {_day(after)}, but it should be "
                        f"the next working day ({then}).",
                    )
                    break

    def check_unserved(self) -> None:
        listed = Counter(u.request for u in self.solution.unserved)
        for code, count in listed.items():
            if code not in self.requests:
                self.add(
                    "unknown_unserved",
                    None,
                    code,
                    f"Unserved entry names request {code}, which does not exist.",
                )
                continue
            if count > 1:
                self.add("unserved_twice", None, code, f"Request {code} is listed as unserved {count} times.")
            if code in self.stops_of:
                caravans = sorted({self.trips[p.trip_index].caravan for p in self.stops_of[code]})
                self.add(
                    "served_and_unserved",
                    caravans[0],
                    code,
                    f"Request {code} is listed as unserved but is served by {', '.join(caravans)}.",
                )
        for code, request in self.requests.items():
            if code not in self.stops_of and code not in listed:
                self.add(
                    "request_missing",
                    None,
                    code,
                    f"Request {code} at {request.venue_name} ({request.venue_code}) is neither served nor "
                    "listed as unserved.",
                )

    def check_locks(self) -> None:
        """Rule 6: a locked request is served as locked, and only locked requests carry the flag.

        For a multi-day request the lock's day is one of its show days; any of those stops may carry
        the locked flag, since the lock holds the whole run in place.
        """
        for code, request in self.requests.items():
            lock = request.lock
            if lock is None:
                continue
            placed = self.stops_of.get(code, [])
            held = any(
                self.trips[p.trip_index].caravan == lock.caravan
                and self.trips[p.trip_index].stops[p.stop_index].show_start.date() == lock.day
                and self.trips[p.trip_index].stops[p.stop_index].locked
                for p in placed
            )
            if held:
                continue
            if placed:
                how = "it is served by " + "; ".join(
                    self.describe(p)
                    + ("" if self.trips[p.trip_index].stops[p.stop_index].locked else ", not marked locked")
                    for p in placed
                )
            else:
                how = "it is not served"
            self.add(
                "lock_broken",
                lock.caravan,
                code,
                f"Request {code} at {request.venue_name} ({request.venue_code}) is locked: it must be served "
                f"by caravan {lock.caravan} on {_day(lock.day)} with the stop marked locked, but {how}.",
                day=lock.day,
                venue=request.venue_code,
            )
        for trip in self.trips:
            for stop in trip.stops:
                if not stop.locked:
                    continue
                served = self.requests.get(stop.request)
                if served is None:
                    continue
                day = stop.show_start.date()
                label = self.trip_label(trip)
                label += f": the stop of request {stop.request} on {_day(day)} is marked locked"
                lock = served.lock
                if lock is None:
                    self.add(
                        "locked_flag_wrong",
                        trip.caravan,
                        stop.request,
                        f"{label}, but the request has no lock.",
                    )
                    continue
                same_run = served.show_days > 1 and any(
                    s.request == stop.request and s.show_start.date() == lock.day for s in trip.stops
                )
                if trip.caravan != lock.caravan or (day != lock.day and not same_run):
                    self.add(
                        "locked_flag_wrong",
                        trip.caravan,
                        stop.request,
                        f"{label}, but the request is locked to caravan {lock.caravan} on {_day(lock.day)}.",
                    )
