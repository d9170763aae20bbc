"""Maps of what the database holds: a stored tour or rotation plan, coverage, the inventory.

Each function reads the views in one session, renders them with caravan_app.maps (which never sees
the database) and returns the page; with `out` it also writes it there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload

from caravan_app.domain.enums import CaravanStatus, EventStatus, Level, PlanStatus
from caravan_app.domain.views import (
    CaravanView,
    CountyCoverage,
    CoverageView,
    DepotView,
    InventoryView,
    PlaceView,
    VenueView,
)
from caravan_app.errors import CaravanError
from caravan_app.maps import (
    render_coverage_map,
    render_inventory_map,
    render_rotation_map,
    render_tour_map,
    save_map,
)
from caravan_app.maps.labels import check_lang
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Event,
    Region,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.reports.texts import Texts
from caravan_app.services.reports import find_tour_plan, tour_plan_view
from caravan_app.services.rotation_views import rotation_plan_view
from caravan_app.services.set_places import set_stands


def _written(page: str, out: Path | None) -> str:
    if out is not None:
        save_map(page, out)
    return page


def _place(row: Venue | Depot) -> PlaceView:
    return PlaceView(row.lat, row.lon)


def _depot_view(depot: Depot) -> DepotView:
    return DepotView(code=depot.code, name=depot.name, place=_place(depot), address=depot.address)


def draft_title(name: str, lang: str) -> str:
    """A draft plan's map title: the draft mark first, where the eye starts, so that a map handed on
    is never taken for an approved plan's."""
    return Texts(lang)("draft_title", name=name)


# --- tours ----------------------------------------------------------------------------------------


def tour_map(
    db: Database,
    name: str | None = None,
    lang: str = "zh",
    tiles: str | None = None,
    out: Path | None = None,
) -> str:
    """The tour plan named (the newest tour plan when None) as an offline map page."""
    check_lang(lang)
    with db.session(audited=False) as s:
        view = tour_plan_view(s, name, lang)
    if view.status == PlanStatus.DRAFT.value:
        view = replace(view, name=draft_title(view.name, lang))
    return _written(render_tour_map(view, lang, tiles), out)


# --- rotation -------------------------------------------------------------------------------------


def rotation_map(
    db: Database,
    name: str | None = None,
    lang: str = "zh",
    tiles: str | None = None,
    out: Path | None = None,
) -> str:
    """The rotation plan named (the newest rotation plan when None) as an offline map page."""
    check_lang(lang)
    with db.session(audited=False) as s:
        view = rotation_plan_view(s, name)
    if view.status == PlanStatus.DRAFT.value:
        view = replace(view, name=draft_title(view.name, lang))
    return _written(render_rotation_map(view, lang, tiles), out)


# --- coverage -------------------------------------------------------------------------------------


def coverage_window(
    session: Session, year: int | None, start: date | None, end: date | None
) -> tuple[date, date]:
    """The days whose shows count as held: a year, a range, or the year of the latest show."""
    if year is not None:
        if start is not None or end is not None:
            raise CaravanError("give a year or a date range for the shows held, not both")
        return date(year, 1, 1), date(year, 12, 31)
    if start is not None or end is not None:
        first = start or date.min
        last = end or date.max
        if last < first:
            raise CaravanError(f"the range ends ({last}) before it starts ({first})")
        return first, last
    latest = session.scalar(select(func.max(Event.held_on)))
    latest_year = latest.year if latest else date.today().year
    return date(latest_year, 1, 1), date(latest_year, 12, 31)


def _per_county(session: Session, query: Select[int, int]) -> dict[int, int]:
    return {county_id: count for county_id, count in session.execute(query)}


def _range_label(start: date | None, end: date | None) -> str:
    return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"


def coverage_view(
    session: Session,
    plan_name: str | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    lang: str = "zh",
) -> CoverageView:
    """Every county with the shows held there in the window, and those a tour plan puts there."""
    first, last = coverage_window(session, year, start, end)
    held = _per_county(
        session,
        select(Venue.county_id, func.count(Event.id))
        .join(Venue, Venue.id == Event.venue_id)
        .where(Event.held_on >= first, Event.held_on <= last, Event.status == EventStatus.HELD)
        .group_by(Venue.county_id),
    )
    planned: dict[int, int] = {}
    plan_label = ""
    if plan_name is not None:
        plan = find_tour_plan(session, plan_name)
        plan_label = plan.name
        planned = _per_county(
            session,
            select(Venue.county_id, func.count(TourStop.id))
            .join(Venue, Venue.id == TourStop.venue_id)
            .join(Trip, Trip.id == TourStop.trip_id)
            .where(Trip.plan_id == plan.id)
            .group_by(Venue.county_id),
        )
    counties = session.scalars(select(Region).where(Region.level == Level.COUNTY).order_by(Region.adcode))
    whole_year = (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31))
    window = str(first.year) if whole_year else _range_label(start, end)
    if lang == "zh":
        title = f"{window}年已举办" if window.isdigit() else f"{window} 已举办"
        title += f" + {plan_label} 计划" if plan_label else ""
    else:
        title = f"Held {window}" + (f" + planned in {plan_label}" if plan_label else "")
    return CoverageView(
        title=title,
        counties=tuple(
            CountyCoverage(
                adcode=c.adcode,
                name=c.name,
                held=held.get(c.id, 0),
                planned=planned.get(c.id, 0),
                key_county=c.is_key_county,
            )
            for c in counties
        ),
    )


def coverage_map(
    db: Database,
    plan_name: str | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    lang: str = "zh",
    tiles: str | None = None,
    out: Path | None = None,
) -> str:
    """Counties shaded by shows held (in a year, a range, or the latest year) plus those planned in
    the tour plan named (none when None), as an offline map page."""
    check_lang(lang)
    with db.session(audited=False) as s:
        view = coverage_view(s, plan_name, year, start, end, lang)
    return _written(render_coverage_map(view, lang, tiles), out)


# --- inventory ------------------------------------------------------------------------------------


def inventory_view(session: Session, day: date | None = None) -> InventoryView:
    """Every depot, the caravans not retired (at their home depot), every venue, and the sets not
    retired where they stand on `day` (default today)."""
    depots = session.scalars(select(Depot).order_by(Depot.code)).all()
    caravans = session.scalars(
        select(Caravan)
        .options(joinedload(Caravan.home_depot))
        .where(Caravan.status != CaravanStatus.RETIRED)
        .order_by(Caravan.code)
    ).all()
    venues = session.scalars(select(Venue).options(joinedload(Venue.county)).order_by(Venue.code)).all()
    return InventoryView(
        depots=tuple(_depot_view(d) for d in depots),
        caravans=tuple(
            CaravanView(
                code=c.code,
                plate=c.plate,
                type=c.type.value,
                status=c.status.value,
                depot_code=c.home_depot.code,
                place=_place(c.home_depot),
            )
            for c in caravans
        ),
        venues=tuple(
            VenueView(
                code=v.code,
                name=v.name,
                kind=v.kind.value,
                county=v.county.name,
                place=_place(v),
                hall_area_m2=v.hall_area_m2,
            )
            for v in venues
        ),
        sets=set_stands(session, day or date.today()),
        day=day or date.today(),
    )


def inventory_map(
    db: Database, lang: str = "zh", tiles: str | None = None, out: Path | None = None, day: date | None = None
) -> str:
    """Depots, caravans, venues and where the sets stand (on `day`, default today) as an offline map page."""
    check_lang(lang)
    with db.session(audited=False) as s:
        view = inventory_view(s, day)
    return _written(render_inventory_map(view, lang, tiles), out)
