"""A stored rotation plan as sets × periods for the rotation planner's grid; locking a set's stay."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from caravan_app.domain.enums import PlanKind
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Depot, ExhibitSet, Plan, Region, SetPlacement, Venue
from caravan_app.planning.rotation_json import problem_from_json
from caravan_app.planning.rotation_problem import Stay
from caravan_app.planning.rotation_reasons import EmptyReason, HallNote, empty_cells
from caravan_app.services.tour_plans import PlanRow, _plan_row


@dataclass(frozen=True)
class StayRow:
    """A set's stay in a venue in one period of a rotation plan."""

    id: int
    version: int
    set_code: str
    period: int  # 0-based
    start: date
    end: date
    venue_code: str
    venue_name: str
    county: str
    locked: bool
    code: str  # the placement's code, which names its field kit


@dataclass(frozen=True)
class HallRow:
    """A hall an empty cell's reason is about, named, and what about it (see HallNote)."""

    venue: str  # the hall's name
    county: str
    other_set: str = ""  # the set standing there (HALLS_TAKEN), or leaving or coming (CHANGEOVER)
    other_period: int | None = None  # HOSTS_IT_ELSEWHEN: the period the set stands there, 0-based
    move_from: str = ""  # CHANGEOVER: the set's move that does not fit, by place names
    move_to: str = ""
    days_needed: int = 0
    window_days: int = 0


@dataclass(frozen=True)
class EmptyCellRow:
    """A set in no hall in a period, with the reason as a code and its values (names, not codes)."""

    set_code: str
    period: int  # 0-based
    reason: EmptyReason
    halls: tuple[HallRow, ...]
    needed_m2: float
    largest_m2: float | None
    cities: tuple[str, ...]  # city names the set may rotate in; empty: anywhere in the province


@dataclass(frozen=True)
class GridSet:
    """A set of the plan's problem: every one has a row, with or without stays."""

    code: str
    name: str
    hall_area_m2: float
    cities: tuple[str, ...]  # city names it may rotate in; empty: anywhere in the province


@dataclass(frozen=True)
class RotationGrid:
    """A rotation plan as sets × periods: which venue each set stands in, period by period, and
    why a set stands in none (every set of the plan's problem has a row)."""

    plan: PlanRow
    sets: tuple[tuple[str, str], ...]  # code, name
    periods: tuple[tuple[int, date, date], ...]  # period, first day, last day
    stays: tuple[StayRow, ...]
    empty: tuple[EmptyCellRow, ...] = ()
    set_rows: tuple[GridSet, ...] = ()

    def stay(self, set_code: str, period: int) -> StayRow | None:
        return next((s for s in self.stays if s.set_code == set_code and s.period == period), None)

    def empty_cell(self, set_code: str, period: int) -> EmptyCellRow | None:
        return next((e for e in self.empty if e.set_code == set_code and e.period == period), None)

    def grid_set(self, set_code: str) -> GridSet | None:
        return next((g for g in self.set_rows if g.code == set_code), None)


def rotation_grid(db: Database, plan_id: int) -> RotationGrid:
    """A stored rotation plan as its grid: every set of the problem it was solved for, every period,
    its stays, and a reason for every set-period left empty (worked out from the problem as stored
    and the stays as they are now)."""
    with db.session(audited=False) as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.kind is not PlanKind.ROTATION:
            raise CaravanError(f"no rotation plan #{plan_id}", code="plan_gone")
        regions = {r.id: r for r in s.scalars(select(Region))}
        venues = {v.id: v for v in s.scalars(select(Venue))}
        sets = {x.id: x for x in s.scalars(select(ExhibitSet))}
        rows = s.scalars(
            select(SetPlacement).where(SetPlacement.plan_id == plan_id).order_by(SetPlacement.start_on)
        ).all()
        stays = tuple(
            StayRow(
                p.id,
                p.version,
                sets[p.set_id].code,
                p.period if p.period is not None else 0,
                p.start_on,
                p.end_on,
                venues[p.venue_id].code,
                venues[p.venue_id].name,
                regions[venues[p.venue_id].county_id].name,
                p.locked,
                p.code,
            )
            for p in rows
        )
        names = {x.code: x.name for x in sets.values()}
        stored = json.loads(plan.parameters_json or "{}").get("problem")
        if stored is None:  # a plan stored without its problem: its stays are all there is to show
            used = sorted({st.set_code for st in stays})
            periods: dict[int, tuple[date, date]] = {}
            for st in stays:
                first, last = periods.get(st.period, (st.start, st.end))
                periods[st.period] = (min(first, st.start), max(last, st.end))
            return RotationGrid(
                _plan_row(plan),
                tuple((code, names[code]) for code in used),
                tuple((k, *periods[k]) for k in sorted(periods)),
                stays,
            )
        problem = problem_from_json(stored)
        city_names = {r.adcode: r.name for r in regions.values()}
        places = {v.code: (v.name, regions[v.county_id].name) for v in venues.values()}
        places.update((d.code, (d.name, "")) for d in s.scalars(select(Depot)))
        cells = empty_cells(
            problem, (Stay(st.set_code, st.venue_code, st.period, st.start, st.end) for st in stays)
        )

        def cities(codes: frozenset[str]) -> tuple[str, ...]:
            return tuple(sorted(city_names.get(c, c) for c in codes))

        def hall(note: HallNote) -> HallRow:
            name, county = places.get(note.venue_code, (note.venue_code, ""))
            return HallRow(
                name,
                county,
                note.other_set,
                note.other_period,
                places.get(note.move_from, (note.move_from, ""))[0],
                places.get(note.move_to, (note.move_to, ""))[0],
                note.days_needed,
                note.window_days,
            )

        return RotationGrid(
            _plan_row(plan),
            tuple((x.code, names.get(x.code, x.name)) for x in problem.sets),
            tuple((p.index, p.start, p.end) for p in problem.periods),
            stays,
            tuple(
                EmptyCellRow(
                    c.set_code,
                    c.period,
                    c.reason,
                    tuple(hall(n) for n in c.halls),
                    c.needed_m2,
                    c.largest_m2,
                    cities(c.cities),
                )
                for c in cells
            ),
            tuple(
                GridSet(x.code, names.get(x.code, x.name), x.hall_area_m2, cities(x.cities))
                for x in problem.sets
            ),
        )


def set_stay_locked(db: Database, placement_id: int, version: int, locked: bool) -> int:
    """Lock (or unlock) a set's stay in its venue and period; returns the row's new version."""
    with db.session() as s:
        row = s.get(SetPlacement, placement_id)
        if row is None:
            raise ConflictError("set_placements", f"#{placement_id}", "it was deleted")
        if row.version != version:
            raise ConflictError("set_placements", row.code, f"version {row.version}, yours {version}")
        row.locked = locked
        s.flush()
        return row.version
