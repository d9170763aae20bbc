"""Two stored tour plans side by side: their figures counted the same way from their trips, the days
each caravan spends on the road in each, the requests one serves and the other does not (with venue,
county and why the other leaves it out), and the trips that differ.

Figures are counted here from the stored trips and unserved requests, not read from the figures a
solve stored: a plan changed by hand since its solve compares as it stands. Two plans over different
dates answer different questions; `horizons_differ` says so, and a request outside a plan's dates is
told apart from one it left unserved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.enums import PlanKind, PlanStatus
from caravan_app.domain.outcomes import UnservedReason
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Plan,
    Region,
    TourStop,
    Trip,
    UnservedRequest,
    Venue,
    VisitRequest,
)


@dataclass(frozen=True)
class ServedVisit:
    """Where and when a plan serves a request (its first show day when the show lasts two)."""

    request_code: str
    venue_name: str
    county: str
    key_county: bool
    day: date
    caravan: str


@dataclass(frozen=True)
class Unserved:
    request_code: str
    venue_name: str
    county: str
    key_county: bool
    reason: UnservedReason


@dataclass(frozen=True)
class TripShape:
    """A trip as a crew would see it: caravan, days and the venues in order; the same shape in two
    plans is the same trip, whatever its code."""

    code: str
    caravan: str
    leave_at: datetime
    back_at: datetime
    stops: tuple[tuple[str, date], ...]  # venue name, show day
    venue_codes: tuple[str, ...]
    km: float

    @property
    def key(self) -> tuple[object, ...]:
        days = tuple(day for _name, day in self.stops)
        return (self.caravan, self.leave_at.date(), self.back_at.date(), self.venue_codes, days)

    @property
    def days(self) -> int:
        """Days on the road, the leave day and the return day included, as the planner counts them."""
        return (self.back_at.date() - self.leave_at.date()).days + 1


@dataclass(frozen=True)
class PlanSide:
    """One plan's figures, counted from its trips and unserved requests."""

    id: int
    name: str
    status: PlanStatus
    start: date
    end: date
    requests: int  # served and unserved: the requests its solve saw
    served: int
    key_county_requests: int
    key_county_served: int
    km: float
    trips: int
    show_days: int
    days_on_road: int
    caravans_on_road: int

    @property
    def horizon_days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class RequestChange:
    """A request one plan serves and the other does not: where the one serves it, and why the other
    does not (`reason` None: the request is not among the other plan's, e.g. outside its dates)."""

    served: ServedVisit
    reason: UnservedReason | None


@dataclass(frozen=True)
class CaravanDays:
    caravan: str
    first_days: int
    second_days: int
    first_trips: int
    second_trips: int
    trips_changed: int  # trips of either plan that the other has not in the same shape


@dataclass(frozen=True)
class ChangedTrip:
    plan: int  # 1: only in the first plan, 2: only in the second
    trip: TripShape


@dataclass(frozen=True)
class PlanComparison:
    first: PlanSide
    second: PlanSide
    gained: tuple[RequestChange, ...]  # served by the second plan, not by the first
    lost: tuple[RequestChange, ...]  # served by the first plan, not by the second
    caravans: tuple[CaravanDays, ...]
    trips_same: int
    changed_trips: tuple[ChangedTrip, ...]
    only_first_requests: int  # requests the first plan saw and the second did not
    only_second_requests: int

    @property
    def horizons_differ(self) -> bool:
        return (self.first.start, self.first.end) != (self.second.start, self.second.end)

    @property
    def same_plan(self) -> bool:
        return self.first.id == self.second.id

    @property
    def trips_only_first(self) -> int:
        return sum(1 for c in self.changed_trips if c.plan == 1)

    @property
    def trips_only_second(self) -> int:
        return sum(1 for c in self.changed_trips if c.plan == 2)


@dataclass(frozen=True)
class _PlanContents:
    side: PlanSide
    trips: tuple[TripShape, ...]
    served: dict[str, ServedVisit]
    unserved: dict[str, Unserved]


def compare_plans(db: Database, first_id: int, second_id: int) -> PlanComparison:
    """The two tour plans compared: the second against the first (differences are second - first)."""
    with db.session(audited=False) as s:
        a = _contents(s, first_id)
        b = a if second_id == first_id else _contents(s, second_id)

    def changes(served_by: _PlanContents, other: _PlanContents) -> tuple[RequestChange, ...]:
        out = [
            RequestChange(visit, other.unserved[code].reason if code in other.unserved else None)
            for code, visit in served_by.served.items()
            if code not in other.served
        ]
        return tuple(sorted(out, key=lambda c: (c.served.day, c.served.caravan, c.served.request_code)))

    keys_a = {t.key for t in a.trips}
    keys_b = {t.key for t in b.trips}
    changed = [ChangedTrip(1, t) for t in a.trips if t.key not in keys_b]
    changed += [ChangedTrip(2, t) for t in b.trips if t.key not in keys_a]
    changed.sort(key=lambda c: (c.trip.caravan, c.trip.leave_at, c.plan))

    days: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for index, contents in enumerate((a, b)):
        for trip in contents.trips:
            row = days[trip.caravan]
            row[index] += trip.days
            row[2 + index] += 1
    for c in changed:
        days[c.trip.caravan][4] += 1
    caravans = tuple(CaravanDays(code, *days[code]) for code in sorted(days))

    seen_a = set(a.served) | set(a.unserved)
    seen_b = set(b.served) | set(b.unserved)
    return PlanComparison(
        first=a.side,
        second=b.side,
        gained=changes(b, a),
        lost=changes(a, b),
        caravans=caravans,
        trips_same=len(keys_a & keys_b),
        changed_trips=tuple(changed),
        only_first_requests=len(seen_a - seen_b),
        only_second_requests=len(seen_b - seen_a),
    )


def _contents(s: Session, plan_id: int) -> _PlanContents:
    plan = s.get(Plan, plan_id)
    if plan is None or plan.kind is not PlanKind.TOUR:
        raise CaravanError(f"no tour plan #{plan_id}", code="plan_gone")
    rows = s.execute(
        select(
            Trip.code,
            Trip.leave_at,
            Trip.back_at,
            Trip.km_back,
            Caravan.code,
            TourStop.seq,
            TourStop.show_start,
            TourStop.km_from_previous,
            VisitRequest.code,
            Venue.code,
            Venue.name,
            Region.name,
            Region.is_key_county,
        )
        .select_from(Trip)
        .join(Caravan, Caravan.id == Trip.caravan_id)
        .join(TourStop, TourStop.trip_id == Trip.id)
        .join(Venue, Venue.id == TourStop.venue_id)
        .join(Region, Region.id == Venue.county_id)
        .outerjoin(VisitRequest, VisitRequest.id == TourStop.request_id)
        .where(Trip.plan_id == plan_id)
        .order_by(Trip.leave_at, Trip.code, TourStop.seq)
    ).all()
    trips: dict[str, tuple[str, datetime, datetime, float]] = {}  # caravan, leave, back, km back
    stops: dict[str, list[tuple[str, str, date, float]]] = defaultdict(list)
    served: dict[str, ServedVisit] = {}
    for (
        trip_code,
        leave_at,
        back_at,
        km_back,
        caravan,
        _seq,
        show_start,
        km,
        request,
        venue_code,
        venue_name,
        county,
        key,
    ) in rows:
        trips.setdefault(trip_code, (caravan, leave_at, back_at, km_back))
        stops[trip_code].append((venue_code, venue_name, show_start.date(), km))
        if request and request not in served:  # a two-day show: its first day
            served[request] = ServedVisit(request, venue_name, county, bool(key), show_start.date(), caravan)
    # A trip left without stops (an edit might leave one) still drives and counts.
    for code, caravan, leave_at, back_at, km_back in s.execute(
        select(Trip.code, Caravan.code, Trip.leave_at, Trip.back_at, Trip.km_back)
        .join(Caravan, Caravan.id == Trip.caravan_id)
        .where(Trip.plan_id == plan_id)
    ):
        trips.setdefault(code, (caravan, leave_at, back_at, km_back))
    shapes = []
    for code, (caravan, leave_at, back_at, km_back) in trips.items():
        visits = stops.get(code, [])
        shapes.append(
            TripShape(
                code=code,
                caravan=caravan,
                leave_at=leave_at,
                back_at=back_at,
                stops=tuple((name, day) for _venue, name, day, _km in visits),
                venue_codes=tuple(venue for venue, _name, _day, _km in visits),
                km=sum(km for *_rest, km in visits) + km_back,
            )
        )
    unserved = {
        code: Unserved(code, venue, county, bool(key), reason)
        for code, venue, county, key, reason in s.execute(
            select(VisitRequest.code, Venue.name, Region.name, Region.is_key_county, UnservedRequest.reason)
            .select_from(UnservedRequest)
            .join(VisitRequest, VisitRequest.id == UnservedRequest.request_id)
            .join(Venue, Venue.id == VisitRequest.venue_id)
            .join(Region, Region.id == Venue.county_id)
            .where(UnservedRequest.plan_id == plan_id)
        )
    }
    key_served = sum(1 for v in served.values() if v.key_county)
    side = PlanSide(
        id=plan.id,
        name=plan.name,
        status=plan.status,
        start=plan.horizon_start,
        end=plan.horizon_end,
        requests=len(served) + len(unserved),
        served=len(served),
        key_county_requests=key_served + sum(1 for u in unserved.values() if u.key_county),
        key_county_served=key_served,
        km=round(sum(t.km for t in shapes), 1),
        trips=len(shapes),
        show_days=sum(len(t.stops) for t in shapes),
        days_on_road=sum(t.days for t in shapes),
        caravans_on_road=len({t.caravan for t in shapes}),
    )
    shapes.sort(key=lambda t: (t.caravan, t.leave_at, t.code))
    return _PlanContents(side, tuple(shapes), served, unserved)
