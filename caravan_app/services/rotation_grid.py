"""A stored rotation plan as sets × periods for the rotation planner's grid; locking a set's stay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from caravan_app.domain.enums import PlanKind
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import ExhibitSet, Plan, Region, SetPlacement, Venue
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
class RotationGrid:
    """A rotation plan as sets × periods: which venue each set stands in, period by period."""

    plan: PlanRow
    sets: tuple[tuple[str, str], ...]  # code, name
    periods: tuple[tuple[int, date, date], ...]  # period, first day, last day
    stays: tuple[StayRow, ...]

    def stay(self, set_code: str, period: int) -> StayRow | None:
        return next((s for s in self.stays if s.set_code == set_code and s.period == period), None)


def rotation_grid(db: Database, plan_id: int) -> RotationGrid:
    with db.session(audited=False) as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.kind is not PlanKind.ROTATION:
            raise CaravanError(f"no rotation plan #{plan_id}", code="plan_gone")
        regions = {r.id: r.name for r in s.scalars(select(Region))}
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
                regions.get(venues[p.venue_id].county_id, ""),
                p.locked,
                p.code,
            )
            for p in rows
        )
        used = sorted({st.set_code for st in stays})
        names = {x.code: x.name for x in sets.values()}
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
