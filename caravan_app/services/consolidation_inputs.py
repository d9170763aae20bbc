"""Consolidation's inputs: the facts screening reads (caravans, exhibits, sets, their maintenance and
use over a window of records) and the two regrouping problems (museum sets, caravan kits) made of
the exhibits that survive the retire recommendations, with where each exhibit really is.

Part of `consolidation.consolidate`; see its module for the choices these follow.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caravan_app.domain import retirement
from caravan_app.domain.enums import (
    CandidateKind,
    CaravanStatus,
    EventStatus,
    ExhibitStatus,
    ExhibitUse,
    SetStatus,
    split_themes,
)
from caravan_app.domain.sets import TemplateError, parse_template
from caravan_app.errors import CaravanError
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    MaintenanceRecord,
    SetPlacement,
    Venue,
    Workshop,
)
from caravan_app.planning.problem import Point
from caravan_app.planning.regroup import STORE, Container, Item, RegroupProblem

SET_MIN_COUNT = 50
SET_MAX_COUNT = 60
KIT_OWN_THEME_SHARE = 0.5
USE_WINDOW_DAYS = 365


# --- reading the facts --------------------------------------------------------------------------


def use_window(session: Session, as_of: date) -> tuple[date, date]:
    """The 365 days ending on the last event recorded before `as_of` (or on the day before it)."""
    last = session.scalar(select(func.max(Event.held_on)).where(Event.held_on < as_of))
    end = last or as_of - timedelta(days=1)
    return end - timedelta(days=USE_WINDOW_DAYS - 1), end


def _observed(start: date, end: date, since: date | None) -> int:
    first = max(start, since) if since else start
    return max(0, (end - first).days + 1)


def _maintenance(session: Session) -> dict[tuple[str, int], list[retirement.Maintenance]]:
    records: dict[tuple[str, int], list[retirement.Maintenance]] = defaultdict(list)
    for row in session.scalars(select(MaintenanceRecord)):
        fact = retirement.Maintenance(row.opened_on, row.kind, row.cost_yuan)
        if row.caravan_id is not None:
            records[("caravan", row.caravan_id)].append(fact)
        elif row.exhibit_id is not None:
            records[("exhibit", row.exhibit_id)].append(fact)
    return records


@dataclass(frozen=True)
class Facts:
    caravans: list[Caravan]
    exhibits: list[Exhibit]
    sets: list[ExhibitSet]
    caravan_facts: list[retirement.CaravanFacts]
    exhibit_facts: list[retirement.ExhibitFacts]
    set_facts: list[retirement.SetFacts]


def read_facts(session: Session, window: tuple[date, date]) -> Facts:
    start, end = window
    caravans = list(
        session.scalars(select(Caravan).where(Caravan.status != CaravanStatus.RETIRED).order_by(Caravan.code))
    )
    exhibits = list(
        session.scalars(
            select(Exhibit)
            .where(Exhibit.status.not_in((ExhibitStatus.RETIRED, ExhibitStatus.LOST)))
            .order_by(Exhibit.code)
        )
    )
    sets = list(
        session.scalars(
            select(ExhibitSet).where(ExhibitSet.status != SetStatus.RETIRED).order_by(ExhibitSet.code)
        )
    )
    records = _maintenance(session)
    shows: dict[int, list[date]] = defaultdict(list)
    stops: Counter[int] = Counter()
    events = session.execute(
        select(Event.caravan_id, Event.set_id, Event.held_on).where(
            Event.held_on.between(start, end), Event.status == EventStatus.HELD
        )
    )
    for caravan_id, set_id, held_on in events:
        if caravan_id is not None:
            shows[caravan_id].append(held_on)
        elif set_id is not None:
            stops[set_id] += 1
    caravan_facts = [
        retirement.CaravanFacts(
            code=c.code,
            in_service_since=c.in_service_since,
            odometer_km=c.odometer_km,
            value_yuan=c.value_yuan,
            maintenance=tuple(records[("caravan", c.id)]),
            days_on_road=len(set(shows[c.id])),
            shows=len(shows[c.id]),
            observed_days=_observed(start, end, c.in_service_since),
        )
        for c in caravans
    ]
    exhibit_facts = [
        retirement.ExhibitFacts(
            code=e.code,
            acquired_on=e.acquired_on,
            service_life_years=e.service_life_years,
            condition=e.condition,
            value_yuan=e.value_yuan,
            maintenance=tuple(records[("exhibit", e.id)]),
        )
        for e in exhibits
    ]
    set_facts = [
        retirement.SetFacts(s.code, stops=stops[s.id], observed_days=_observed(start, end, s.formed_on))
        for s in sets
    ]
    return Facts(caravans, exhibits, sets, caravan_facts, exhibit_facts, set_facts)


# --- regrouping inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Where an exhibit really is: what a RegroupMove row records as its origin."""

    set_id: int | None = None
    caravan_id: int | None = None
    depot_id: int | None = None


def point_of(row: Depot | Venue | Workshop) -> Point:
    return Point(row.lat, row.lon)


def _kit_minimums(caravan: Caravan) -> tuple[tuple[str, int], ...]:
    themes = split_themes(caravan.themes)
    if not themes:
        return ()
    each = int(caravan.exhibit_slots * KIT_OWN_THEME_SHARE // len(themes))
    return tuple((theme, each) for theme in themes)


def _set_location(session: Session, exhibit_set: ExhibitSet, depots: dict[int, Depot]) -> Point:
    """Where a touring set stands (its latest recorded placement), else its home depot."""
    if exhibit_set.status is SetStatus.TOURING:
        venue = session.scalar(
            select(Venue)
            .join(SetPlacement, SetPlacement.venue_id == Venue.id)
            .where(SetPlacement.set_id == exhibit_set.id, SetPlacement.plan_id.is_(None))
            .order_by(SetPlacement.start_on.desc())
            .limit(1)
        )
        if venue is not None:
            return point_of(venue)
    return point_of(depots[exhibit_set.home_depot_id])


def regroup_problems(
    session: Session, facts: Facts, retired: set[tuple[CandidateKind, str]]
) -> tuple[RegroupProblem, RegroupProblem, dict[str, Origin]]:
    """The museum-set and the caravan-kit regrouping problems, and each exhibit's real origin."""
    depots = {d.id: d for d in session.scalars(select(Depot))}
    workshops = {w.id: w for w in session.scalars(select(Workshop))}
    sets = [s for s in facts.sets if (CandidateKind.SET, s.code) not in retired]
    kits = [c for c in facts.caravans if (CandidateKind.CARAVAN, c.code) not in retired]
    set_codes = {s.id: s.code for s in sets}
    kit_codes = {c.id: c.code for c in kits}
    caravan_by_id = {c.id: c for c in facts.caravans}
    set_containers = []
    for s in sets:
        try:
            minimums = parse_template(s.template)
        except TemplateError as exc:
            raise CaravanError(f"set {s.code} has a template that cannot be read: {exc}") from exc
        set_containers.append(
            Container(
                code=s.code,
                location=_set_location(session, s, depots),
                min_count=SET_MIN_COUNT,
                max_count=SET_MAX_COUNT,
                minimums=tuple(minimums.items()),
                themes=frozenset(minimums) | {s.theme},
                area_m2=s.hall_area_m2,
            )
        )
    kit_containers = [
        Container(
            code=c.code,
            location=point_of(depots[c.home_depot_id]),
            min_count=c.exhibit_slots,
            max_count=c.exhibit_slots,
            minimums=_kit_minimums(c),
        )
        for c in kits
    ]
    set_location = {c.code: c.location for c in set_containers}
    kit_location = {c.code: c.location for c in kit_containers}
    museum_items: list[Item] = []
    kit_items: list[Item] = []
    origins: dict[str, Origin] = {}
    for e in facts.exhibits:
        if (CandidateKind.EXHIBIT, e.code) in retired:
            continue
        footprint = e.length_cm * e.width_cm / 10_000
        container, place, where = STORE, "", None
        if e.set_id is not None:
            origins[e.code] = Origin(set_id=e.set_id)
            if e.set_id in set_codes:
                container = place = set_codes[e.set_id]
                where = set_location[container]
        elif e.caravan_id is not None:
            origins[e.code] = Origin(caravan_id=e.caravan_id)
            if e.caravan_id in kit_codes:
                container = place = kit_codes[e.caravan_id]
                where = kit_location[container]
            elif e.caravan_id in caravan_by_id:
                # The kit of a caravan to be retired: spares at its depot.
                depot = depots[caravan_by_id[e.caravan_id].home_depot_id]
                place, where = depot.code, point_of(depot)
        elif e.depot_id is not None:
            origins[e.code] = Origin(depot_id=e.depot_id)
            place, where = depots[e.depot_id].code, point_of(depots[e.depot_id])
        elif e.workshop_id is not None:
            origins[e.code] = Origin()
            place, where = workshops[e.workshop_id].code, point_of(workshops[e.workshop_id])
        if where is None:
            continue  # in a set or caravan that is itself retired: not part of this regrouping
        if e.use is ExhibitUse.MUSEUM_SET:
            museum_items.append(Item(e.code, e.theme, container, place, where, footprint))
        else:
            # Kits count slots, not floor: their exhibits group better without a footprint.
            kit_items.append(Item(e.code, e.theme, container, place, where))
    return (
        RegroupProblem(tuple(set_containers), tuple(museum_items)),
        RegroupProblem(tuple(kit_containers), tuple(kit_items)),
        origins,
    )
