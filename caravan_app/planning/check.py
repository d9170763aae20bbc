"""An independent checker of caravan tour plans: a TourSolution against every rule of its TourProblem.

The checker re-derives what it needs (road distances and the crew's driving schedule) from the
problem alone and shares no code with the planner, so a planner bug cannot hide behind the same bug
here. `check_tours` never raises on bad data: unknown codes, impossible times and NaN kilometres
come back as violations. `RULES` lists every rule identifier with a one-line description.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from caravan_app.domain.enums import Level
from caravan_app.domain.outcomes import TOUR_RULES, TourRule
from caravan_app.planning.problem import Point, TourCaravan, TourProblem, TourRequest, TourSolution, Trip

EARTH_RADIUS_KM = 6371.0088
KM_TOLERANCE = 0.05
# A reported arrival or return may differ from the rebuilt one by this much (planners round to minutes).
TIME_TOLERANCE_MINUTES = 1.0
# Float noise only: a show may start the very moment the crew arrives.
_EPSILON_MINUTES = 1e-6
# Trips longer than this are not walked day by day (bad data must not make the checker crawl).
_MAX_DAYS_WALKED = 1000

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


def great_circle_km(a: Point, b: Point) -> float:
    """Haversine distance between two points on a sphere of the earth's mean radius."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    # Rounding can push h a hair outside [0, 1] for antipodal or identical points.
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, max(0.0, h))))


class _Distances:
    """Road km: the problem's table if it lists the pair (either order), else great circle × road factor."""

    def __init__(self, problem: TourProblem) -> None:
        self.road_factor = problem.road_factor
        self.table: dict[tuple[str, str], float] = {}
        for a, b, km in problem.distance_km:
            # The first listing of an ordered pair wins, as a linear scan of the table would.
            self.table.setdefault((a, b), km)

    def km(self, a_code: str, a_point: Point, b_code: str, b_point: Point) -> float:
        listed = self.table.get((a_code, b_code))
        if listed is None:
            listed = self.table.get((b_code, a_code))
        if listed is not None:
            return listed
        return great_circle_km(a_point, b_point) * self.road_factor


def distance_km(problem: TourProblem, a_code: str, a_point: Point, b_code: str, b_point: Point) -> float:
    """Road kilometres from a to b as the checker counts them (table first, else haversine × road factor)."""
    return _Distances(problem).km(a_code, a_point, b_code, b_point)


def check_tours(problem: TourProblem, solution: TourSolution) -> list[Violation]:
    """Every rule the solution breaks; an empty list means the solution is valid."""
    return _Checker(problem, solution).run()


# ---------------------------------------------------------------------------------------------
# Formatting for messages.

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _day(day: date) -> str:
    return f"{day.isoformat()} ({_WEEKDAYS[day.weekday()]})"


def _clock(minutes: float) -> str:
    """Minutes after midnight as HH:MM, with seconds only when there are some."""
    seconds = round(minutes * 60)
    text = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
    return text + (f":{seconds % 60:02d}" if seconds % 60 else "")


def _moment(moment: datetime) -> str:
    return f"{moment.date().isoformat()} {_clock(_minute_of_day(moment))}"


def _minutes(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def _minute_of_day(moment: datetime) -> float:
    return moment.hour * 60 + moment.minute + moment.second / 60 + moment.microsecond / 60_000_000


def _minutes_between(earlier: datetime, later: datetime) -> float:
    return (later - earlier).total_seconds() / 60


def _naive(moment: datetime) -> datetime:
    # The contract says naive local datetimes; an aware one is read as its wall-clock time.
    return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment


def _naive_trip(trip: Trip) -> Trip:
    stops = tuple(
        replace(s, arrive=_naive(s.arrive), show_start=_naive(s.show_start), show_end=_naive(s.show_end))
        for s in trip.stops
    )
    return replace(trip, leave=_naive(trip.leave), back=_naive(trip.back), stops=stops)


def _km_differs(reported: float, true: float) -> bool:
    # Written so that a NaN on either side counts as a difference.
    return not abs(reported - true) <= KM_TOLERANCE


# ---------------------------------------------------------------------------------------------
# The driving rebuild.


def _drive(
    caravan: TourCaravan, start: datetime, minutes: float, driven: dict[date, float], last_day: date
) -> datetime | None:
    """When the crew, setting off at `start`, has driven `minutes`; None if not before `last_day` is over.

    The crew drives only within crew hours and at most max_drive_minutes_per_day a calendar day
    (`driven` holds what the trip has already driven on each day and is updated); when either runs
    out they stop for the night and go on at the next day's crew start.
    """
    day = start.date()
    minute = _minute_of_day(start)
    remaining = minutes
    while remaining > 0:
        if day > last_day:
            return None
        minute = max(minute, float(caravan.crew_day_start))
        allowance = caravan.max_drive_minutes_per_day - driven.get(day, 0.0)
        step = min(remaining, caravan.crew_day_end - minute, allowance)
        if step > 0:
            minute += step
            driven[day] = driven.get(day, 0.0) + step
            remaining -= step
        if remaining > 0:
            day += timedelta(days=1)
            minute = float(caravan.crew_day_start)
    return datetime.combine(day, time()) + timedelta(minutes=minute)


@dataclass(frozen=True)
class _Placed:
    """Where a stop sits in the solution."""

    trip_index: int
    stop_index: int


class _Checker:
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
                    self.check_region(caravan, request, label, stop.show_start.date())
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

    def permitted(self, caravan: TourCaravan, request: TourRequest) -> bool:
        if caravan.owner_level == Level.PROVINCE:
            return True
        if caravan.owner_level == Level.CITY and request.city == caravan.region:
            return True
        if caravan.owner_level == Level.COUNTY and request.county == caravan.region:
            return True
        return any(
            caravan.code in joint.caravans
            and (request.county in joint.regions or request.city in joint.regions)
            for joint in self.problem.joint_tours
        )

    def check_region(self, caravan: TourCaravan, request: TourRequest, label: str, day: date) -> None:
        if self.permitted(caravan, request):
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

    # -- kilometres and the driving schedule ----------------------------------------------------

    def check_driving(self, trip: Trip, caravan: TourCaravan, label: str) -> None:
        """Rules 7 and 8: each leg's kilometres, and the arrivals and return rebuilt from the legs.

        Each leg sets off at the reported end of the previous show (or the trip's leaving), so a late
        arrival is reported at the stop where it happens rather than at every stop after it.
        """
        speed = caravan.speed_kmh
        can_drive = math.isfinite(speed) and speed > 0
        if not can_drive and trip.stops:
            self.add(
                "caravan_cannot_drive",
                caravan.code,
                None,
                f"{label}: caravan {caravan.code} has speed {speed} km/h, so its drives cannot be timed.",
            )
        moments = [trip.leave, trip.back] + [s.show_end for s in trip.stops]
        # One day past everything the trip reports: any drive not done by then is late in any case.
        last_day = min(max(moments).date(), date.max - timedelta(days=2)) + timedelta(days=1)
        driven: dict[date, float] = {}
        # None once the place is unknown (an unknown request): the legs to and from it cannot be checked.
        place: tuple[str, Point] | None = (caravan.depot_code, caravan.depot)
        place_name = f"depot {caravan.depot_code}"
        setting_off = trip.leave
        for index, stop in enumerate(trip.stops):
            request = self.requests.get(stop.request)
            if request is None:
                place = None
                setting_off = stop.show_end
                continue
            where = (
                f"{label}: stop {index + 1}, request {request.code} at {request.venue_name} "
                f"({request.venue_code})"
            )
            if place is not None:
                km = self.distances.km(place[0], place[1], request.venue_code, request.location)
                if _km_differs(stop.km_from_previous, km):
                    self.add(
                        "stop_km_wrong",
                        caravan.code,
                        request.code,
                        f"{where}: km_from_previous is {stop.km_from_previous} but it is {km:.2f} km from "
                        f"{place_name}.",
                    )
                if can_drive:
                    minutes = km / speed * 60
                    arrival = _drive(caravan, setting_off, minutes, driven, last_day)
                    self.check_arrival(
                        trip,
                        caravan,
                        stop_index=index,
                        request=request,
                        arrival=arrival,
                        km=km,
                        minutes=minutes,
                        setting_off=setting_off,
                        where=where,
                        last_day=last_day,
                    )
            place = (request.venue_code, request.location)
            place_name = f"{request.venue_name} ({request.venue_code})"
            setting_off = stop.show_end
        if not trip.stops or place is None:
            return
        km = self.distances.km(place[0], place[1], caravan.depot_code, caravan.depot)
        if _km_differs(trip.km_back, km):
            self.add(
                "km_back_wrong",
                caravan.code,
                None,
                f"{label}: km_back is {trip.km_back} but it is {km:.2f} km from {place_name} back to depot "
                f"{caravan.depot_code}.",
            )
        if not can_drive:
            return
        minutes = km / speed * 60
        home = _drive(caravan, setting_off, minutes, driven, last_day)
        if home is None or _minutes_between(trip.back, home) > TIME_TOLERANCE_MINUTES + _EPSILON_MINUTES:
            reached = f"at {_moment(home)}" if home is not None else f"only after {last_day} is over"
            self.add(
                "back_too_early",
                caravan.code,
                None,
                f"{label}: it reports coming back at {_moment(trip.back)}, but setting off from {place_name} "
                f"at {_moment(setting_off)} for {km:.1f} km ({_minutes(minutes)} min of driving, within crew "
                f"hours and {caravan.max_drive_minutes_per_day} min a day) the crew is back {reached}.",
            )

    def check_arrival(
        self,
        trip: Trip,
        caravan: TourCaravan,
        *,
        stop_index: int,
        request: TourRequest,
        arrival: datetime | None,
        km: float,
        minutes: float,
        setting_off: datetime,
        where: str,
        last_day: date,
    ) -> None:
        stop = trip.stops[stop_index]
        drive = (
            f"setting off at {_moment(setting_off)} for {km:.1f} km ({_minutes(minutes)} min of driving, "
            f"within crew hours {_clock(caravan.crew_day_start)}–{_clock(caravan.crew_day_end)} and "
            f"{caravan.max_drive_minutes_per_day} min a day)"
        )
        if arrival is None:
            self.add(
                "arrives_late",
                caravan.code,
                request.code,
                f"{where}: {drive} the crew cannot get there before {last_day} is over, but the show starts "
                f"at {_moment(stop.show_start)}.",
            )
            return
        late = _minutes_between(stop.show_start, arrival)
        if late > _EPSILON_MINUTES:
            self.add(
                "arrives_late",
                caravan.code,
                request.code,
                f"{where}: {drive} the crew arrives at {_moment(arrival)}, {_minutes(late)} minutes after "
                f"the show starts at {_moment(stop.show_start)}.",
            )
        gap = _minutes_between(arrival, stop.arrive)
        if abs(gap) > TIME_TOLERANCE_MINUTES + _EPSILON_MINUTES:
            self.add(
                "arrive_mismatch",
                caravan.code,
                request.code,
                f"{where}: the stop reports arriving at {_moment(stop.arrive)}, but {drive} the crew arrives "
                f"at {_moment(arrival)} (the report is {_minutes(abs(gap))} minutes "
                f"{'later' if gap > 0 else 'earlier'}).",
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
