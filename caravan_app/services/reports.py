"""Printing: a stored tour plan or the exhibit inventory read into plain views and rendered as PDF.

The renderers in caravan_app.reports never see the database; this module reads what they show in a
few queries (a term's plan has a hundred trips, so no query per trip or stop) and hands them views.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from caravan_app.domain.enums import ExhibitStatus, PlanKind, split_themes
from caravan_app.domain.figures import TourFigures
from caravan_app.domain.linkage import Utilisation
from caravan_app.domain.views import (
    CaravanFigures,
    DepotView,
    ExhibitView,
    PlaceView,
    StopView,
    TourPlanView,
    TripView,
    UnservedView,
)
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Exhibit,
    ExhibitSet,
    Plan,
    Region,
    TourStop,
    Trip,
    UnservedRequest,
    Venue,
    VisitRequest,
)
from caravan_app.reports import exhibit_labels, plan_summary, rotation_schedule, route_sheets
from caravan_app.reports.texts import check_language
from caravan_app.services.linkage import fitting_caravans
from caravan_app.services.rotation_views import rotation_plan_view

# Exhibits no longer on board: a load list or a field kit that named them would send a crew looking.
GONE = (ExhibitStatus.LOST, ExhibitStatus.RETIRED)


def find_tour_plan(session: Session, plan_name: str | None) -> Plan:
    """The tour plan named, or the newest tour plan when no name is given."""
    if plan_name is None:
        plan = session.scalars(
            select(Plan).where(Plan.kind == PlanKind.TOUR).order_by(Plan.created_at.desc(), Plan.id.desc())
        ).first()
        if plan is None:
            raise CaravanError(
                "no tour plan to print yet: plan tours first (caravan-app plan tours)",
                code="no_tour_plan_yet",
            )
        return plan
    plan = session.scalar(select(Plan).where(Plan.name == plan_name))
    if plan is None:
        known = ", ".join(
            session.scalars(select(Plan.name).where(Plan.kind == PlanKind.TOUR).order_by(Plan.name))
        )
        raise CaravanError(f"no plan named {plan_name!r}; tour plans: {known or 'none'}")
    if plan.kind is not PlanKind.TOUR:
        raise CaravanError(f"plan {plan_name!r} is a {plan.kind.value} plan, not a tour plan")
    return plan


def _exhibit_name(exhibit: Exhibit, lang: str) -> str:
    return exhibit.name_en if lang == "en" and exhibit.name_en else exhibit.name_zh


def _exhibit_view(exhibit: Exhibit, lang: str) -> ExhibitView:
    return ExhibitView(
        code=exhibit.code,
        name=_exhibit_name(exhibit, lang),
        theme=exhibit.theme,
        condition=exhibit.condition.value,
        weight_kg=exhibit.weight_kg,
    )


def _place(row: Venue | Depot) -> PlaceView:
    return PlaceView(row.lat, row.lon)


def _stop_view(stop: TourStop) -> StopView:
    venue = stop.venue
    return StopView(
        seq=stop.seq,
        venue_code=venue.code,
        venue_name=venue.name,
        county=venue.county.name,
        county_adcode=venue.county.adcode,
        address=venue.address,
        place=_place(venue),
        contact_name=venue.contact_name,
        contact_phone=venue.contact_phone,
        arrive_at=stop.arrive_at,
        show_start=stop.show_start,
        show_end=stop.show_end,
        km_from_previous=stop.km_from_previous,
        request_code=stop.request.code if stop.request else "",
        locked=stop.locked,
        key_county=venue.county.is_key_county,
    )


def tour_plan_view(session: Session, plan_name: str | None = None, lang: str = "zh") -> TourPlanView:
    """A stored tour plan with its trips (stops, load lists), unserved requests and figures.

    The load list is what each caravan carries now (exhibits whose place is the caravan). The schema
    keeps no crew roster, so crews are left empty and the sheet leaves the caravan's crew size in
    blank lines to fill in.
    """
    check_language(lang)
    plan = find_tour_plan(session, plan_name)
    trips = session.scalars(
        select(Trip)
        .options(
            joinedload(Trip.caravan).joinedload(Caravan.home_depot),
            selectinload(Trip.stops).joinedload(TourStop.venue).joinedload(Venue.county),
            selectinload(Trip.stops).joinedload(TourStop.request),
        )
        .where(Trip.plan_id == plan.id)
    ).all()
    trips = sorted(trips, key=lambda t: (t.caravan.code, t.leave_at, t.code))
    caravan_ids = {t.caravan_id for t in trips}
    loads: dict[int, list[ExhibitView]] = defaultdict(list)
    if caravan_ids:
        for exhibit in session.scalars(
            select(Exhibit)
            .where(Exhibit.caravan_id.in_(caravan_ids), Exhibit.status.not_in(GONE))
            .order_by(Exhibit.code)
        ):
            assert exhibit.caravan_id is not None
            loads[exhibit.caravan_id].append(_exhibit_view(exhibit, lang))
    trip_views = tuple(
        TripView(
            code=t.code,
            caravan_code=t.caravan.code,
            plate=t.caravan.plate,
            caravan_type=t.caravan.type.value,
            crew=(),
            depot=DepotView(
                code=t.caravan.home_depot.code,
                name=t.caravan.home_depot.name,
                place=_place(t.caravan.home_depot),
                address=t.caravan.home_depot.address,
            ),
            leave_at=t.leave_at,
            back_at=t.back_at,
            stops=tuple(_stop_view(s) for s in t.stops),
            km_back=t.km_back,
            load=tuple(loads[t.caravan_id]),
            crew_size=t.caravan.crew_size,
        )
        for t in trips
    )
    unserved = session.scalars(
        select(UnservedRequest)
        .options(joinedload(UnservedRequest.request).joinedload(VisitRequest.venue).joinedload(Venue.county))
        .where(UnservedRequest.plan_id == plan.id)
    ).all()
    elsewhere = fitting_caravans(session, plan)
    unserved_views = tuple(
        sorted(
            (
                UnservedView(
                    request_code=u.request.code,
                    venue_name=u.request.venue.name,
                    county=u.request.venue.county.name,
                    reason=u.reason,
                    types_wanted=tuple(split_themes(u.request.caravan_types)),
                    themes_wanted=tuple(split_themes(u.request.themes_wanted)),
                    elsewhere=elsewhere.get(u.request.code, ()),
                )
                for u in unserved
            ),
            key=lambda u: (u.reason, u.request_code),
        )
    )
    figures = TourFigures.from_json(json.loads(plan.figures_json or "{}"))
    return TourPlanView(
        name=plan.name,
        start=plan.horizon_start,
        end=plan.horizon_end,
        status=plan.status.value,
        trips=trip_views,
        unserved=unserved_views,
        per_caravan=_per_caravan(session, trip_views, figures.utilisation),
        key_counties=tuple(
            session.scalars(
                select(Region.adcode).where(Region.is_key_county.is_(True)).order_by(Region.adcode)
            )
        ),
        requests=figures.requests or len(unserved_views) + _served(trip_views),
        served=figures.served or _served(trip_views),
        utilisation=figures.utilisation,
    )


def _served(trips: Iterable[TripView]) -> int:
    return len({s.request_code or s.venue_code for t in trips for s in t.stops})


def _per_caravan(
    session: Session, trips: tuple[TripView, ...], use: Utilisation | None
) -> tuple[CaravanFigures, ...]:
    """Days on the road (leave day to return day, as the planner counts them), shows and km per caravan;
    with the plan's utilisation, every caravan it had, idle ones too, with the days it could have gone."""
    days: dict[str, int] = defaultdict(int)
    shows: dict[str, int] = defaultdict(int)
    km: dict[str, float] = defaultdict(float)
    plates: dict[str, str] = {}
    for trip in trips:
        code = trip.caravan_code
        plates[code] = trip.plate
        days[code] += (trip.back_at.date() - trip.leave_at.date()).days + 1
        shows[code] += len(trip.stops)
        km[code] += trip.km
    available: dict[str, int] = {}
    if use is not None:
        available = {c.caravan: c.available_days for c in use.caravans}
        missing = set(available) - set(plates)
        if missing:
            rows = session.execute(select(Caravan.code, Caravan.plate).where(Caravan.code.in_(missing)))
            plates.update({code: plate for code, plate in rows})
    return tuple(
        CaravanFigures(code, plates[code], days[code], shows[code], round(km[code], 1), available.get(code))
        for code in sorted(plates)
    )


def route_sheets_pdf(
    db: Database,
    plan_name: str | None = None,
    lang: str = "zh",
    trip_codes: Iterable[str] | None = None,
    printed_on: date | None = None,
) -> bytes:
    """The route sheets of a stored tour plan (the newest when unnamed), or of the trips named."""
    with db.session(audited=False) as s:
        plan = tour_plan_view(s, plan_name, lang)
    return route_sheets(plan, lang, trip_codes=trip_codes, printed_on=printed_on)


def summary_pdf(
    db: Database, plan_name: str | None = None, lang: str = "zh", printed_on: date | None = None
) -> bytes:
    """The summary of a stored tour plan: per caravan, key counties, unserved requests."""
    with db.session(audited=False) as s:
        plan = tour_plan_view(s, plan_name, lang)
    return plan_summary(plan, lang, printed_on=printed_on)


def exhibit_views(
    session: Session,
    *,
    set_code: str | None = None,
    caravan_code: str | None = None,
    depot_code: str | None = None,
    codes: Iterable[str] | None = None,
    lang: str = "zh",
) -> list[ExhibitView]:
    """Exhibits by code order: those in a set, on a caravan or in a depot, or those named.

    With no filter, every exhibit still in the stock (not retired or lost).
    """
    check_language(lang)
    query = select(Exhibit).order_by(Exhibit.code)
    if set_code is not None:
        set_id = session.scalar(select(ExhibitSet.id).where(ExhibitSet.code == set_code))
        if set_id is None:
            raise CaravanError(f"no exhibit set {set_code!r}")
        query = query.where(Exhibit.set_id == set_id)
    if caravan_code is not None:
        caravan_id = session.scalar(select(Caravan.id).where(Caravan.code == caravan_code))
        if caravan_id is None:
            raise CaravanError(f"no caravan {caravan_code!r}")
        query = query.where(Exhibit.caravan_id == caravan_id)
    if depot_code is not None:
        depot_id = session.scalar(select(Depot.id).where(Depot.code == depot_code))
        if depot_id is None:
            raise CaravanError(f"no depot {depot_code!r}")
        query = query.where(Exhibit.depot_id == depot_id)
    wanted = list(dict.fromkeys(codes)) if codes is not None else None
    if wanted is not None:
        query = query.where(Exhibit.code.in_(wanted))
    elif set_code is None and caravan_code is None and depot_code is None:
        query = query.where(Exhibit.status.not_in([ExhibitStatus.RETIRED, ExhibitStatus.LOST]))
    exhibits = session.scalars(query).all()
    if wanted is not None:
        found = {e.code for e in exhibits}
        missing = [c for c in wanted if c not in found]
        if missing:
            raise CaravanError(f"no exhibit {', '.join(missing)}" + (" there" if len(exhibits) else ""))
    return [_exhibit_view(e, lang) for e in exhibits]


def labels_pdf(
    db: Database,
    *,
    set_code: str | None = None,
    caravan_code: str | None = None,
    depot_code: str | None = None,
    codes: Iterable[str] | None = None,
    lang: str = "zh",
) -> bytes:
    """Sheets of exhibit labels (QR code, code, name) for the exhibits chosen as in exhibit_views."""
    with db.session(audited=False) as s:
        exhibits = exhibit_views(
            s, set_code=set_code, caravan_code=caravan_code, depot_code=depot_code, codes=codes, lang=lang
        )
    if not exhibits:
        raise CaravanError("no exhibits to label there", code="no_exhibits_to_label")
    return exhibit_labels(exhibits, lang)


def rotation_pdf(
    db: Database, plan_name: str | None = None, lang: str = "zh", printed_on: date | None = None
) -> bytes:
    """The schedule of a stored rotation plan (the newest when unnamed): halls per period, moves, totals."""
    check_language(lang)
    with db.session(audited=False) as s:
        plan = rotation_plan_view(s, plan_name)
    return rotation_schedule(plan, lang, printed_on=printed_on)
