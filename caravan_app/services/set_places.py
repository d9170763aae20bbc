"""Where each museum set stands now, and every hall it has stood in or is planned to stand in.

A set stands in a hall when a recorded placement (one outside any plan) covers the day; otherwise it
is in store at its home depot. Its history is its recorded placements and the stays of approved (or
published) rotation plans, each with where the truck brought it from: the plan's own move when it
has one (a SetMove row, with its km), else the hall of the stay before, else the home depot.
Drafts are scenarios, not what will happen, so they stay out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from caravan_app.domain.enums import EventStatus, PlanKind, PlanStatus, SetStatus
from caravan_app.domain.views import PlaceView, SetStandView
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Depot,
    Event,
    ExhibitSet,
    Plan,
    Region,
    SetMove,
    SetPlacement,
    Venue,
)


@dataclass(frozen=True)
class PlacementRow:
    """A set's stay in a hall, recorded or planned."""

    code: str
    start_on: date
    end_on: date
    venue_code: str
    venue: str  # name
    county: str
    city: str
    came_from: str  # the hall or depot the set came from, by name
    km: float | None  # the truck's road km of that move, where a plan measured it
    visitors: int | None  # reported at the events of the stay; None for a planned stay
    plan: str = ""  # the approved plan the stay is in; empty: a recorded placement
    plan_status: PlanStatus | None = None

    def covers(self, day: date) -> bool:
        return self.start_on <= day <= self.end_on


@dataclass(frozen=True)
class SetWhereabouts:
    """Where a set is on `day` and where it has been and will be."""

    set_code: str
    day: date
    home_depot: str  # name
    now: PlacementRow | None  # the recorded placement it stands in on `day`; None: in store at home
    history: tuple[PlacementRow, ...]  # newest first, planned stays included

    @property
    def last(self) -> PlacementRow | None:
        """The latest recorded placement that ended before `day`."""
        return next((p for p in self.history if not p.plan and p.end_on < self.day), None)


def halls_now(session: Session, day: date) -> dict[int, tuple[str, str]]:
    """Set id -> (venue name, county name) of the recorded placement covering `day`."""
    rows = session.execute(
        select(SetPlacement.set_id, Venue.name, Region.name)
        .join(Venue, Venue.id == SetPlacement.venue_id)
        .join(Region, Region.id == Venue.county_id)
        .where(
            SetPlacement.plan_id.is_(None),
            SetPlacement.start_on <= day,
            SetPlacement.end_on >= day,
        )
        .order_by(SetPlacement.start_on)
    )
    return {set_id: (venue, county) for set_id, venue, county in rows}


def set_stands(session: Session, day: date) -> tuple[SetStandView, ...]:
    """Every set not retired where it stands on `day`: in the hall of its recorded placement, or at
    its home depot."""
    standing = {
        p.set_id: p
        for p in session.scalars(
            select(SetPlacement)
            .options(joinedload(SetPlacement.venue).joinedload(Venue.county))
            .where(SetPlacement.plan_id.is_(None), SetPlacement.start_on <= day, SetPlacement.end_on >= day)
            .order_by(SetPlacement.start_on)
        )
    }
    out = []
    for x in session.scalars(
        select(ExhibitSet)
        .options(joinedload(ExhibitSet.home_depot))
        .where(ExhibitSet.status != SetStatus.RETIRED)
        .order_by(ExhibitSet.code)
    ):
        stay = standing.get(x.id)
        at: Venue | Depot = stay.venue if stay is not None else x.home_depot
        out.append(
            SetStandView(
                code=x.code,
                name=x.name,
                theme=x.theme,
                status=x.status.value,
                place=PlaceView(at.lat, at.lon),
                in_hall=stay is not None,
                where=at.name,
                county=stay.venue.county.name if stay is not None else "",
                start=stay.start_on if stay is not None else None,
                end=stay.end_on if stay is not None else None,
                hall_area_m2=x.hall_area_m2,
            )
        )
    return tuple(out)


def set_whereabouts(db: Database, set_id: int, day: date | None = None) -> SetWhereabouts:
    """The set's hall on `day` (default today) and its recorded and approved stays, newest first."""
    day = day or date.today()
    with db.session(audited=False) as s:
        exhibit_set = s.get_one(ExhibitSet, set_id)
        home = s.get_one(Depot, exhibit_set.home_depot_id)
        regions = {r.id: r for r in s.scalars(select(Region))}
        approved = {
            p.id: p
            for p in s.scalars(
                select(Plan).where(
                    Plan.kind == PlanKind.ROTATION,
                    Plan.status.in_((PlanStatus.APPROVED, PlanStatus.PUBLISHED)),
                )
            )
        }
        placements = s.scalars(
            select(SetPlacement)
            .options(joinedload(SetPlacement.venue))
            .where(SetPlacement.set_id == set_id)
            .order_by(SetPlacement.start_on, SetPlacement.id)
        ).all()
        moves = {
            (m.plan_id, m.period): m
            for m in s.scalars(
                select(SetMove).where(SetMove.set_id == set_id, SetMove.plan_id.in_(approved or [-1]))
            )
        }
        place_names = {code: name for code, name in s.execute(select(Venue.code, Venue.name))}
        place_names.update((code, name) for code, name in s.execute(select(Depot.code, Depot.name)))
        visitors: dict[int, int] = defaultdict(int)
        for venue_id, held_on, count in s.execute(
            select(Event.venue_id, Event.held_on, Event.visitors).where(
                Event.set_id == set_id, Event.status == EventStatus.HELD
            )
        ):
            for p in placements:
                if p.plan_id is None and p.venue_id == venue_id and p.start_on <= held_on <= p.end_on:
                    visitors[p.id] += count
        rows: list[PlacementRow] = []
        # Where the set came from: per plan, the stay before (the record's own line for recorded ones).
        before: dict[int | None, str] = defaultdict(lambda: home.name)
        for p in placements:
            if p.plan_id is not None and p.plan_id not in approved:
                continue
            county = regions[p.venue.county_id]
            city = regions.get(county.parent_id) if county.parent_id is not None else None
            move = moves.get((p.plan_id, p.period or 0)) if p.plan_id is not None else None
            line = p.plan_id
            if line is not None and line not in before:
                # A plan's first stay came from where the record left the set.
                before[line] = before[None]
            came_from, km = before[line], None
            if move is not None and move.to_code == p.venue.code:
                came_from, km = place_names.get(move.from_code, move.from_code), move.km
            plan = approved.get(p.plan_id) if p.plan_id is not None else None
            rows.append(
                PlacementRow(
                    code=p.code,
                    start_on=p.start_on,
                    end_on=p.end_on,
                    venue_code=p.venue.code,
                    venue=p.venue.name,
                    county=county.name,
                    city=city.name if city is not None else "",
                    came_from=came_from,
                    km=km,
                    visitors=visitors.get(p.id, 0) if plan is None else None,
                    plan=plan.name if plan is not None else "",
                    plan_status=plan.status if plan is not None else None,
                )
            )
            before[line] = p.venue.name
        rows.sort(key=lambda r: (r.start_on, r.code), reverse=True)
        now = next((r for r in rows if not r.plan and r.covers(day)), None)
        return SetWhereabouts(exhibit_set.code, day, home.name, now, tuple(rows))
