"""The museum-set rotation problem (换展) and its solution as plain frozen dataclasses.

Periods are common blocks (say two months): every set that moves does so in the changeover window
at the start of a period, a run of working days in which the outgoing set is uninstalled and packed,
the trucks drive, and the incoming set is installed. The set then stands open from the day after the
window to the period's last day. A set not in a venue in a period is in store at its home depot.
Distances are great-circle kilometres times the road factor; a truck drives `truck_km_per_day`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caravan_app.planning.problem import DEFAULT_ROAD_FACTOR, Point, SolveStatus


@dataclass(frozen=True)
class Place:
    code: str  # a venue or depot code
    name: str
    location: Point


@dataclass(frozen=True)
class Period:
    index: int  # 0, 1, ...
    start: date
    end: date
    # The working days at the start of the period in which every move into it is made.
    changeover: tuple[date, ...]


@dataclass(frozen=True)
class RotationSet:
    code: str
    name: str
    theme: str
    hall_area_m2: float
    install_days: int
    uninstall_days: int
    truck_loads: int
    home: Place  # the depot it is kept in between stays
    # Where it stands when the horizon opens, and whether it stands installed there (in a venue)
    # so that leaving means uninstalling first.
    start: Place
    start_installed: bool = False
    # The first periods it is still on an earlier stay at `start` (booked before this plan).
    stays_at_start: int = 0
    # Periods it cannot tour (maintenance); it is in store at home then.
    unavailable: frozenset[int] = frozenset()
    # City adcodes it may rotate in; empty: anywhere in the province.
    cities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class HostVenue:
    code: str
    name: str
    county: str  # adcode
    city: str  # adcode
    location: Point
    hall_area_m2: float
    periods: frozenset[int]  # periods it can host a set
    hosted_before: frozenset[str] = frozenset()  # codes of sets it has had (never again)
    weight: int = 10  # worth of one period hosted here
    key_county: bool = False


@dataclass(frozen=True)
class RotationLock:
    """A planner's decision: this set stands in this venue in this period."""

    set_code: str
    venue_code: str
    period: int


@dataclass(frozen=True)
class RotationProblem:
    sets: tuple[RotationSet, ...]
    venues: tuple[HostVenue, ...]
    periods: tuple[Period, ...]
    locks: tuple[RotationLock, ...] = ()
    road_factor: float = DEFAULT_ROAD_FACTOR
    truck_km_per_day: float = 400.0


@dataclass(frozen=True)
class Stay:
    set_code: str
    venue_code: str
    period: int
    open_on: date  # the first day after the changeover window
    close_on: date  # the period's last day
    locked: bool = False


@dataclass(frozen=True)
class SetMove:
    """A set's move at the start of a period: uninstall (if installed), drive, install (if to a venue)."""

    set_code: str
    period: int  # the period moved into
    from_code: str  # venue or depot code
    to_code: str
    km: float  # road km of one truck
    truck_loads: int
    uninstall: tuple[date, ...]
    drive: tuple[date, ...]
    install: tuple[date, ...]

    @property
    def truck_km(self) -> float:
        return self.km * self.truck_loads


@dataclass(frozen=True)
class RotationSolution:
    """A plan and how good it is. The objective is lexicographic: hosted weight first (more is better),
    then truck-kilometres (fewer is better); each has its own bound."""

    stays: tuple[Stay, ...]
    moves: tuple[SetMove, ...]
    status: SolveStatus
    hosted_weight: int = 0
    hosted_bound: int | None = None  # no plan can host more weight than this
    truck_km: float = 0.0
    truck_km_bound: float | None = None  # with the hosted weight reached, no plan drives fewer truck-km
    solve_seconds: float = 0.0
    first_solution_seconds: float | None = None
    hosting_seconds: float | None = None  # when the hosting phase ended (proven, or out of its time)

    @property
    def optimal(self) -> bool:
        return self.status is SolveStatus.OPTIMAL

    @property
    def hosting_gap(self) -> float | None:
        if self.hosted_bound is None:
            return None
        return (self.hosted_bound - self.hosted_weight) / max(1, self.hosted_bound)

    @property
    def km_gap(self) -> float | None:
        if self.truck_km_bound is None:
            return None
        return (self.truck_km - self.truck_km_bound) / max(1.0, self.truck_km)
