"""Maps of what the database holds: a stored tour or rotation plan, coverage, the inventory.

Each function reads the views in one session, renders them with caravan_app.maps (which never sees
the database) and returns the page; with `out` it also writes it there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload

from caravan_app.domain.enums import CaravanStatus, Level, PlanKind
from caravan_app.domain.views import (
    CaravanView,
    CountyCoverage,
    CoverageView,
    DepotView,
    InventoryView,
    PlaceView,
    RotationPlanView,
    SetMoveView,
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
    ExhibitSet,
    Plan,
    Region,
    SetMove,
    SetPlacement,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import DEFAULT_ROAD_FACTOR, Point
from caravan_app.services.reports import find_tour_plan, tour_plan_view


def _written(page: str, out: Path | None) -> str:
    if out is not None:
        save_map(page, out)
    return page


def _place(row: Venue | Depot) -> PlaceView:
    return PlaceView(row.lat, row.lon)


def _depot_view(depot: Depot) -> DepotView:
    return DepotView(code=depot.code, name=depot.name, place=_place(depot), address=depot.address)


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
    return _written(render_tour_map(view, lang, tiles), out)


# --- rotation -------------------------------------------------------------------------------------


def find_rotation_plan(session: Session, name: str | None) -> Plan:
    """The rotation plan named, or the newest rotation plan when no name is given."""
    if name is None:
        plan = session.scalars(
            select(Plan)
            .where(Plan.kind == PlanKind.ROTATION)
            .order_by(Plan.created_at.desc(), Plan.id.desc())
        ).first()
        if plan is None:
            raise CaravanError("no rotation plan yet: plan the museum-set rotation first")
        return plan
    plan = session.scalar(select(Plan).where(Plan.name == name))
    if plan is None:
        known = ", ".join(
            session.scalars(select(Plan.name).where(Plan.kind == PlanKind.ROTATION).order_by(Plan.name))
        )
        raise CaravanError(f"no plan named {name!r}; rotation plans: {known or 'none'}")
    if plan.kind is not PlanKind.ROTATION:
        raise CaravanError(f"plan {name!r} is a {plan.kind.value} plan, not a rotation plan")
    return plan


def road_km(a: PlaceView, b: PlaceView) -> float:
    """The planner's offline estimate of a truck's road km between two places."""
    return round(great_circle_km(Point(a.lat, a.lon), Point(b.lat, b.lon)) * DEFAULT_ROAD_FACTOR, 1)


@dataclass(frozen=True)
class _Spot:
    """Where a set can stand: a venue or a depot."""

    name: str
    place: PlaceView


def _spots(session: Session, codes: set[str]) -> dict[str, _Spot]:
    spots = {
        v.code: _Spot(v.name, _place(v)) for v in session.scalars(select(Venue).where(Venue.code.in_(codes)))
    }
    spots.update(
        (d.code, _Spot(d.name, _place(d)))
        for d in session.scalars(select(Depot).where(Depot.code.in_(codes)))
    )
    return spots


def rotation_plan_view(session: Session, name: str | None = None) -> RotationPlanView:
    """A stored rotation plan: each set's stay per period and the truck move that brought it there.

    The moves are the planner's own (SetMove rows: where from, km, truck loads) when the plan has
    them. A stay without one, as in a plan made by hand, came from where the set stood before: its
    previous stay in the plan, else its last recorded placement (outside any plan) that ended
    before, else its home depot; its km is then the planner's estimate (great circle × road factor).
    """
    plan = find_rotation_plan(session, name)
    placements = session.scalars(
        select(SetPlacement)
        .options(
            joinedload(SetPlacement.exhibit_set).joinedload(ExhibitSet.home_depot),
            joinedload(SetPlacement.venue).joinedload(Venue.county),
        )
        .where(SetPlacement.plan_id == plan.id)
    ).all()
    planned_moves = {
        (m.set_id, m.period): m
        for m in session.scalars(select(SetMove).where(SetMove.plan_id == plan.id).order_by(SetMove.id))
    }
    spots = _spots(session, {c for m in planned_moves.values() for c in (m.from_code, m.to_code)})
    by_set: dict[int, list[SetPlacement]] = defaultdict(list)
    for placement in placements:
        by_set[placement.set_id].append(placement)
    history = _last_history_venues(session, {s: min(p.start_on for p in ps) for s, ps in by_set.items()})
    # Numbered by start date when the planner left the period out.
    starts = sorted({p.start_on for p in placements})
    stays: list[SetMoveView] = []
    depots: dict[str, DepotView] = {}
    sets: dict[int, ExhibitSet] = {}
    for set_id, rows in by_set.items():
        rows.sort(key=lambda p: (p.start_on, p.code))
        exhibit_set = sets[set_id] = rows[0].exhibit_set
        home = exhibit_set.home_depot
        depots[home.code] = _depot_view(home)
        before = history.get(set_id)
        origin = _Spot(before.name, _place(before)) if before else _Spot(home.name, _place(home))
        for row in rows:
            venue = row.venue
            here = _place(venue)
            number = row.period if row.period is not None else starts.index(row.start_on)
            move = planned_moves.get((set_id, number))
            if move is not None and move.to_code == venue.code and move.from_code in spots:
                origin, km, loads = spots[move.from_code], move.km, move.truck_loads
            else:
                km, loads = road_km(origin.place, here), exhibit_set.truck_loads
            stays.append(
                SetMoveView(
                    set_code=exhibit_set.code,
                    set_name=exhibit_set.name,
                    theme=exhibit_set.theme,
                    period=number,
                    period_start=row.start_on,
                    period_end=row.end_on,
                    venue_code=venue.code,
                    venue_name=venue.name,
                    county=venue.county.name,
                    county_adcode=venue.county.adcode,
                    place=here,
                    from_name=origin.name,
                    from_place=origin.place,
                    km=km,
                    truck_loads=loads,
                    locked=row.locked,
                )
            )
            origin = _Spot(venue.name, here)
    stays.sort(key=lambda s: (s.period, s.set_code))
    periods: dict[int, tuple[date, date]] = {}
    for stay in stays:
        first, last = periods.get(stay.period, (stay.period_start, stay.period_end))
        periods[stay.period] = (min(first, stay.period_start), max(last, stay.period_end))
    returns = _returns(session, planned_moves, spots, sets, periods, plan.horizon_end)
    for back in returns:
        depots.setdefault(back.venue_code, DepotView(back.venue_code, back.venue_name, back.place))
    return RotationPlanView(
        name=plan.name,
        start=plan.horizon_start,
        periods=tuple(periods[n] for n in sorted(periods)),
        stays=tuple(stays),
        depots=tuple(depots[c] for c in sorted(depots)),
        status=plan.status.value,
        objective=plan.objective,
        bound=plan.bound,
        optimal=plan.solver_status.upper() == "OPTIMAL",
        returns=returns,
    )


def _returns(
    session: Session,
    planned_moves: dict[tuple[int, int], SetMove],
    spots: dict[str, _Spot],
    sets: dict[int, ExhibitSet],
    periods: dict[int, tuple[date, date]],
    horizon_end: date,
) -> tuple[SetMoveView, ...]:
    """The planner's moves that end in a depot: the set sits the period out in store."""
    depot_codes = set(session.scalars(select(Depot.code).where(Depot.code.in_(spots))))
    out = []
    for (set_id, period), move in sorted(planned_moves.items(), key=lambda item: (item[0][1], item[1].id)):
        if move.to_code not in depot_codes or move.from_code not in spots:
            continue
        exhibit_set = sets.get(set_id) or session.get_one(ExhibitSet, set_id)
        depot = spots[move.to_code]
        first, last = periods.get(period, (horizon_end, horizon_end))
        out.append(
            SetMoveView(
                set_code=exhibit_set.code,
                set_name=exhibit_set.name,
                theme=exhibit_set.theme,
                period=period,
                period_start=first,
                period_end=last,
                venue_code=move.to_code,
                venue_name=depot.name,
                county="",
                county_adcode="",
                place=depot.place,
                from_name=spots[move.from_code].name,
                from_place=spots[move.from_code].place,
                km=move.km,
                truck_loads=move.truck_loads,
            )
        )
    return tuple(out)


def _last_history_venues(session: Session, first_start: dict[int, date]) -> dict[int, Venue]:
    """Per set, the venue of its last placement outside any plan that ended before `first_start`."""
    found: dict[int, Venue] = {}
    if not first_start:
        return found
    rows = session.scalars(
        select(SetPlacement)
        .options(joinedload(SetPlacement.venue))
        .where(SetPlacement.plan_id.is_(None), SetPlacement.set_id.in_(first_start))
        .order_by(SetPlacement.end_on, SetPlacement.id)
    )
    for row in rows:
        if row.end_on < first_start[row.set_id]:
            found[row.set_id] = row.venue
    return found


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
        .where(Event.held_on >= first, Event.held_on <= last)
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


def inventory_view(session: Session) -> InventoryView:
    """Every depot, the caravans not retired (at their home depot) and every venue."""
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
    )


def inventory_map(db: Database, lang: str = "zh", tiles: str | None = None, out: Path | None = None) -> str:
    """Depots, caravans and venues as an offline map page."""
    check_lang(lang)
    with db.session(audited=False) as s:
        view = inventory_view(s)
    return _written(render_inventory_map(view, lang, tiles), out)
