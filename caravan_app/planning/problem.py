"""The caravan tour problem and its solution as plain frozen dataclasses.

This is the contract between the database side (services build a Problem from rows and store a
Solution back) and the planners and checker, which never see the ORM. Times of day are minutes
after midnight; moments in a solution are naive local datetimes; distances are kilometres.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from caravan_app.domain.enums import CaravanType, Level

# The outcome codes are part of this contract: re-exported for the planners and their callers.
from caravan_app.domain.outcomes import SolveStatus as SolveStatus
from caravan_app.domain.outcomes import UnservedReason as UnservedReason

# Roads are longer than the straight line; 1.3 is the usual detour factor on a plain.
DEFAULT_ROAD_FACTOR = 1.3


@dataclass(frozen=True)
class Point:
    """A place on the map (GCJ-02, as the reference data)."""

    lat: float
    lon: float


@dataclass(frozen=True)
class TourCaravan:
    """A caravan the planner may send out, with its crew's limits."""

    code: str
    type: CaravanType
    themes: frozenset[str]
    owner_level: Level
    # Adcode of the owner region: the province, a city or a county.
    region: str
    depot_code: str
    depot: Point
    # Days the caravan cannot leave or be away (maintenance, other duties).
    unavailable: frozenset[date] = frozenset()
    crew_day_start: int = 8 * 60
    crew_day_end: int = 18 * 60
    max_drive_minutes_per_day: int = 300
    max_trip_days: int = 5
    speed_kmh: float = 60.0


@dataclass(frozen=True)
class Lock:
    """A planner's decision: this request is served by this caravan on this day, whatever else."""

    caravan: str
    day: date
    # For a one-day show: it starts no earlier than this minute of the day (the minute it started when
    # it was locked), so that a day's locked visits are rebuilt in the order they had. None: any time.
    not_before: int | None = None


@dataclass(frozen=True)
class TourRequest:
    """A venue's request for a caravan show on one of some allowed days."""

    code: str
    venue_code: str
    venue_name: str
    location: Point
    county: str  # adcode of the county-level region
    city: str  # adcode of the city
    key_county: bool
    township: bool  # in a township or village rather than a city district
    # Days the venue can host (its window and its open weekdays); the calendar removes
    # non-working days, holidays and, for schools, school holidays.
    dates: frozenset[date]
    open_from: int  # minutes after midnight
    open_to: int
    show_minutes: int  # on-site time per day: set-up, show and pack-down
    show_days: int = 1  # consecutive allowed days at the venue with the same caravan
    types_allowed: frozenset[CaravanType] = frozenset()  # empty: any type
    themes_wanted: frozenset[str] = frozenset()  # empty: any; else at least one of them
    priority: int = 3  # 1 (low) to 5 (high)
    is_school: bool = False
    lock: Lock | None = None


@dataclass(frozen=True)
class Calendar:
    """The horizon and the days crews work."""

    start: date
    end: date
    working_weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})  # ISO: Monday 1 .. Sunday 7
    holidays: frozenset[date] = frozenset()
    school_holidays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return (
            self.start <= day <= self.end
            and day.isoweekday() in self.working_weekdays
            and day not in self.holidays
        )


@dataclass(frozen=True)
class JointTour:
    """A named joint-tour group (联动): the listed caravans may also serve the listed regions."""

    name: str
    caravans: frozenset[str]
    regions: frozenset[str]  # adcodes of cities or counties
    last_day: date | None = None  # the last day it runs (a show on a later day is not allowed); None: no end

    def allows(self, caravan: str, request: TourRequest, day: date | None = None) -> bool:
        """Whether it lets `caravan` serve `request` (on `day`, when given)."""
        if caravan not in self.caravans or not (
            request.county in self.regions or request.city in self.regions
        ):
            return False
        return day is None or self.last_day is None or day <= self.last_day


@dataclass(frozen=True)
class Weights:
    """How much an unserved request costs: priority times the factors that apply."""

    key_county_factor: float = 2.0
    township_factor: float = 1.5

    def weight(self, request: TourRequest) -> float:
        value = float(request.priority)
        if request.key_county:
            value *= self.key_county_factor
        if request.township:
            value *= self.township_factor
        return value


@dataclass(frozen=True)
class TourProblem:
    caravans: tuple[TourCaravan, ...]
    requests: tuple[TourRequest, ...]
    calendar: Calendar
    joint_tours: tuple[JointTour, ...] = ()
    weights: Weights = field(default_factory=Weights)
    road_factor: float = DEFAULT_ROAD_FACTOR
    # Road kilometres between two places by code (venue or depot codes), both directions given
    # or symmetric; pairs not listed use great-circle distance times the road factor.
    distance_km: tuple[tuple[str, str, float], ...] = ()
    # A planner's option to spread the work: no caravan is on the road more days than this in the
    # horizon (None: no cap). Not a rule of the province, so the checker does not know it.
    max_days_per_caravan: int | None = None


@dataclass(frozen=True)
class Stop:
    request: str  # request code
    venue_code: str
    arrive: datetime
    show_start: datetime
    show_end: datetime
    km_from_previous: float
    locked: bool = False


@dataclass(frozen=True)
class Trip:
    """One trip: leave the depot, show at the stops in order, come back."""

    caravan: str
    leave: datetime
    back: datetime
    stops: tuple[Stop, ...]
    km_back: float  # from the last stop to the depot

    @property
    def km(self) -> float:
        return sum(s.km_from_previous for s in self.stops) + self.km_back

    @property
    def days(self) -> int:
        return (self.back.date() - self.leave.date()).days + 1


@dataclass(frozen=True)
class Unserved:
    """A request left out of the plan and why; the request itself says where and what it wanted."""

    request: str
    reason: UnservedReason


@dataclass(frozen=True)
class TourSolution:
    trips: tuple[Trip, ...]
    unserved: tuple[Unserved, ...]
    status: SolveStatus
    objective: float | None = None
    solve_seconds: float = 0.0

    @property
    def show_days(self) -> int:
        """Stops in all trips: a two-day show counts twice."""
        return sum(len(t.stops) for t in self.trips)

    @property
    def requests_served(self) -> int:
        return len({s.request for t in self.trips for s in t.stops})

    @property
    def km(self) -> float:
        return sum(t.km for t in self.trips)


def fits(caravan: TourCaravan, request: TourRequest) -> bool:
    """Of a type the request allows and carrying a theme it wants (empty sets allow anything)."""
    if request.types_allowed and caravan.type not in request.types_allowed:
        return False
    return not request.themes_wanted or bool(request.themes_wanted & caravan.themes)
