"""The checker's measures, kept apart from its rules: road kilometres as the checker counts them, the
crew's driving rebuilt day by day, the wording of times in messages, and the rules about kilometres and
the driving schedule (`DrivingChecks`, which the checker takes in). Like the checker, nothing here is
shared with the planner.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from caravan_app.planning.problem import Point, TourCaravan, TourProblem, TourRequest, Trip

EARTH_RADIUS_KM = 6371.0088
KM_TOLERANCE = 0.05
# A reported arrival or return may differ from the rebuilt one by this much (planners round to minutes).
TIME_TOLERANCE_MINUTES = 1.0
# Float noise only: a show may start the very moment the crew arrives.
_EPSILON_MINUTES = 1e-6
# Trips longer than this are not walked day by day (bad data must not make the checker crawl).
_MAX_DAYS_WALKED = 1000


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


class DrivingChecks:
    """The rules about each leg's kilometres and the arrivals and return rebuilt from the legs; the
    checker that takes these in provides `add`, `distances` and `requests`."""

    distances: _Distances
    requests: dict[str, TourRequest]
    add: Callable[..., None]  # the checker's: records one violation (rule, caravan, request, message, ...)

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
