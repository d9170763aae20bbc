"""A stored rotation plan read into a RotationPlanView: each set's stay per period and the truck move
that brought it there. The rotation map and the printed rotation schedule both show this one view.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from caravan_app.domain.enums import PlanKind
from caravan_app.domain.outcomes import SolveStatus
from caravan_app.domain.views import DepotView, PlaceView, RotationPlanView, SetMoveView
from caravan_app.errors import CaravanError
from caravan_app.persistence.models import Depot, ExhibitSet, Plan, SetMove, SetPlacement, Venue
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import DEFAULT_ROAD_FACTOR, Point


def _place(row: Venue | Depot) -> PlaceView:
    return PlaceView(row.lat, row.lon)


def _depot_view(depot: Depot) -> DepotView:
    return DepotView(code=depot.code, name=depot.name, place=_place(depot), address=depot.address)


def find_rotation_plan(session: Session, name: str | None) -> Plan:
    """The rotation plan named, or the newest rotation plan when no name is given."""
    if name is None:
        plan = session.scalars(
            select(Plan)
            .where(Plan.kind == PlanKind.ROTATION)
            .order_by(Plan.created_at.desc(), Plan.id.desc())
        ).first()
        if plan is None:
            raise CaravanError(
                "no rotation plan yet: plan the museum-set rotation first", code="no_rotation_plan_yet"
            )
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


def _changeover(move: SetMove) -> tuple[date, date] | None:
    """First to last day of the move's uninstall, drive and install days, as the planner stored them."""
    schedule = json.loads(move.schedule_json or "{}")
    parts = ("uninstall", "drive", "install")
    days = [date.fromisoformat(d) for part in parts for d in schedule.get(part, ())]
    return (min(days), max(days)) if days else None


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
            changeover = None
            if move is not None and move.to_code == venue.code and move.from_code in spots:
                origin, km, loads = spots[move.from_code], move.km, move.truck_loads
                changeover = _changeover(move)
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
                    changeover=changeover,
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
        optimal=plan.solver_status is SolveStatus.OPTIMAL,
        returns=returns,
        sets=_problem_sets(session, plan),
    )


def _problem_sets(session: Session, plan: Plan) -> tuple[tuple[str, str], ...]:
    """The sets of the problem the plan was solved for (none for a plan stored without its problem):
    code and name."""
    stored = json.loads(plan.parameters_json or "{}").get("problem") or {}
    codes = [str(s["code"]) for s in stored.get("sets", []) if isinstance(s, dict) and "code" in s]
    if not codes:
        return ()
    rows = session.execute(
        select(ExhibitSet.code, ExhibitSet.name).where(ExhibitSet.code.in_(codes)).order_by(ExhibitSet.code)
    )
    return tuple((code, name) for code, name in rows)


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
                changeover=_changeover(move),
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
