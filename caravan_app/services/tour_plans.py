"""Looking at stored tour plans: their figures, itineraries and unserved requests; locking a visit,
approving a plan. Solving is `tour_planning.plan_term_tours`; this module only reads and marks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from caravan_app.domain.enums import PlanKind, PlanStatus, split_themes
from caravan_app.domain.figures import ConsolidationFigures, RotationFigures, TourFigures
from caravan_app.domain.outcomes import UnservedReason
from caravan_app.domain.views import FittingCaravanView
from caravan_app.errors import CaravanError, ConflictError
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
from caravan_app.services.linkage import fitting_caravans


@dataclass(frozen=True)
class PlanRow:
    id: int
    version: int
    name: str
    status: PlanStatus
    start: date
    end: date
    created_at: datetime
    figures: TourFigures | RotationFigures | ConsolidationFigures

    @property
    def tour(self) -> TourFigures:
        assert isinstance(self.figures, TourFigures), f"{self.name} is not a tour plan"
        return self.figures

    @property
    def rotation(self) -> RotationFigures:
        assert isinstance(self.figures, RotationFigures), f"{self.name} is not a rotation plan"
        return self.figures


@dataclass(frozen=True)
class StopRow:
    id: int
    version: int
    seq: int
    request_code: str
    venue_code: str
    venue_name: str
    county: str
    key_county: bool
    arrive_at: datetime
    show_start: datetime
    show_end: datetime
    km_from_previous: float
    locked: bool


@dataclass(frozen=True)
class TripRow:
    code: str
    caravan_code: str
    plate: str
    leave_at: datetime
    back_at: datetime
    km_back: float
    stops: tuple[StopRow, ...]

    @property
    def km(self) -> float:
        return sum(s.km_from_previous for s in self.stops) + self.km_back


@dataclass(frozen=True)
class UnservedRow:
    request_code: str
    venue_name: str
    county: str  # name
    priority: int
    reason: UnservedReason
    types_wanted: tuple[str, ...] = ()  # caravan types the request allows; empty: any
    themes_wanted: tuple[str, ...] = ()  # empty: any
    # Caravans of a wanted type and theme the region rules keep from it, nearest first.
    elsewhere: tuple[FittingCaravanView, ...] = ()


@dataclass(frozen=True)
class TourPlanDetail:
    plan: PlanRow
    caravans: tuple[str, ...]  # every caravan of the problem, in code order, with or without trips
    trips: tuple[TripRow, ...]
    unserved: tuple[UnservedRow, ...]


def _plan_row(plan: Plan) -> PlanRow:
    return PlanRow(
        plan.id,
        plan.version,
        plan.name,
        plan.status,
        plan.horizon_start,
        plan.horizon_end,
        plan.created_at,
        _figures(plan),
    )


def _figures(plan: Plan) -> TourFigures | RotationFigures | ConsolidationFigures:
    stored = json.loads(plan.figures_json or "{}")
    if plan.kind is PlanKind.ROTATION:
        return RotationFigures.from_json(stored)
    if plan.kind is PlanKind.CONSOLIDATION:
        return ConsolidationFigures.from_json(stored)
    return TourFigures.from_json(stored)


def tour_plans(db: Database) -> list[PlanRow]:
    """Every stored tour plan, newest first."""
    with db.session(audited=False) as s:
        plans = s.scalars(
            select(Plan).where(Plan.kind == PlanKind.TOUR).order_by(Plan.created_at.desc(), Plan.id.desc())
        ).all()
        return [_plan_row(p) for p in plans]


def tour_plan_detail_named(db: Database, name: str) -> TourPlanDetail:
    """The tour plan named `name`, as tour_plan_detail gives it."""
    with db.session(audited=False) as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.name == name, Plan.kind == PlanKind.TOUR))
    if plan_id is None:
        raise CaravanError(f"no tour plan named {name!r}", code="no_plan_named", name=name)
    return tour_plan_detail(db, plan_id)


def tour_plan_detail(db: Database, plan_id: int) -> TourPlanDetail:
    """A plan's trips with their stops, and its unserved requests with their reasons."""
    with db.session(audited=False) as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.kind is not PlanKind.TOUR:
            raise CaravanError(f"no tour plan #{plan_id}", code="plan_gone")
        regions = {r.id: r for r in s.scalars(select(Region))}
        venues = {v.id: v for v in s.scalars(select(Venue))}
        caravans = {c.id: c for c in s.scalars(select(Caravan))}
        requests = {r.id: r for r in s.scalars(select(VisitRequest))}
        trips = s.scalars(
            select(Trip)
            .options(selectinload(Trip.stops))
            .where(Trip.plan_id == plan_id)
            .order_by(Trip.caravan_id, Trip.leave_at)
        ).all()
        trip_rows = []
        for t in trips:
            stops = []
            for st in t.stops:
                venue = venues[st.venue_id]
                county = regions[venue.county_id]
                stops.append(
                    StopRow(
                        st.id,
                        st.version,
                        st.seq,
                        requests[st.request_id].code if st.request_id else "",
                        venue.code,
                        venue.name,
                        county.name,
                        county.is_key_county,
                        st.arrive_at,
                        st.show_start,
                        st.show_end,
                        st.km_from_previous,
                        st.locked,
                    )
                )
            car = caravans[t.caravan_id]
            trip_rows.append(
                TripRow(t.code, car.code, car.plate, t.leave_at, t.back_at, t.km_back, tuple(stops))
            )
        trip_rows.sort(key=lambda t: (t.caravan_code, t.leave_at))
        unserved = []
        elsewhere = fitting_caravans(s, plan)
        for u in s.scalars(select(UnservedRequest).where(UnservedRequest.plan_id == plan_id)):
            request = requests[u.request_id]
            venue = venues[request.venue_id]
            unserved.append(
                UnservedRow(
                    request.code,
                    venue.name,
                    regions[venue.county_id].name,
                    request.priority,
                    u.reason,
                    tuple(split_themes(request.caravan_types)),
                    tuple(split_themes(request.themes_wanted)),
                    elsewhere.get(request.code, ()),
                )
            )
        unserved.sort(key=lambda u: (-u.priority, u.request_code))
        problem = json.loads(plan.parameters_json or "{}").get("problem", {})
        codes = tuple(sorted(c["code"] for c in problem.get("caravans", [])))
        if not codes:
            codes = tuple(sorted({t.caravan_code for t in trip_rows}))
        return TourPlanDetail(_plan_row(plan), codes, tuple(trip_rows), tuple(unserved))


def set_stop_locked(db: Database, stop_id: int, version: int, locked: bool) -> int:
    """Lock (or unlock) a visit on its caravan and day; returns the stop's new version."""
    with db.session() as s:
        stop = s.get(TourStop, stop_id)
        if stop is None:
            raise ConflictError("tour_stops", f"#{stop_id}", "it was deleted")
        if stop.version != version:
            raise ConflictError("tour_stops", f"#{stop_id}", f"version {stop.version}, yours {version}")
        stop.locked = locked
        s.flush()
        return stop.version


def set_plan_status(db: Database, plan_id: int, version: int, status: PlanStatus) -> int:
    """Approve (or return to draft) a plan; returns its new version."""
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise ConflictError("plans", f"#{plan_id}", "it was deleted")
        if plan.version != version:
            raise ConflictError("plans", plan.name, f"version {plan.version}, yours {version}")
        plan.status = status
        s.flush()
        return plan.version


def open_requests_in(db: Database, start: date, end: date) -> list[tuple[str, str, str, int]]:
    """The open caravan-visit requests a solve over [start, end] would see: code, venue, county, priority."""
    from caravan_app.domain.enums import RequestKind, RequestStatus

    with db.session(audited=False) as s:
        rows = s.execute(
            select(VisitRequest.code, Venue.name, Region.name, VisitRequest.priority)
            .join(Venue, Venue.id == VisitRequest.venue_id)
            .join(Region, Region.id == Venue.county_id)
            .where(
                VisitRequest.kind == RequestKind.CARAVAN_VISIT,
                VisitRequest.status == RequestStatus.OPEN,
                VisitRequest.latest_on >= start,
                VisitRequest.earliest_on <= end,
            )
            .order_by(VisitRequest.code)
        )
        return [(code, venue, county, int(priority)) for code, venue, county, priority in rows]


def caravans_in_service(db: Database) -> list[tuple[str, str, str]]:
    """Caravans a solve may use: code, plate, type."""
    from caravan_app.domain.enums import CaravanStatus

    with db.session(audited=False) as s:
        rows = s.execute(
            select(Caravan.code, Caravan.plate, Caravan.type)
            .where(Caravan.status == CaravanStatus.IN_SERVICE)
            .order_by(Caravan.code)
        )
        return [(code, plate, kind.value) for code, plate, kind in rows]


def stored_plans(db: Database, kind: PlanKind) -> list[PlanRow]:
    """Every stored plan of a kind (tour, rotation, consolidation), newest first."""
    with db.session(audited=False) as s:
        plans = s.scalars(
            select(Plan).where(Plan.kind == kind).order_by(Plan.created_at.desc(), Plan.id.desc())
        ).all()
        return [_plan_row(p) for p in plans]
