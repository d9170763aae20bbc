"""Plan museum-set rotations (换展): read sets, halls and history, solve, check, store a draft scenario.

How the database becomes a RotationProblem:
- Periods are `months`-long blocks from the first day; each opens with a changeover window of
  `changeover_days` working days (Monday to Friday, not public holidays).
- Sets: every set not retired. Where it stands now comes from its latest historical placement: still
  standing there on the first day means it stays until its placement ends and is uninstalled in the
  next window; otherwise it is at its home depot. A set maintenance record (planned end in
  closed_on, open-ended if empty) makes the periods it overlaps unavailable; a set marked in
  maintenance without a record misses the first period.
- Region rule: a province's set may go anywhere; a city's (or county's) set rotates in its own city.
  With `cities`, only the sets kept in those cities are planned, and they rotate across all of them
  (a regional swap such as Taizhou with Yangzhou).
- Halls: venues with a hall at least as large as the smallest set. A hall hosts in the periods no
  historical placement overlaps, and never gets a set it had before.
- Worth of a hall per period hosted: 10, +10 in a key-assistance county, +5 in a county that has
  never had a set, +2 × priority of an open museum-placement request from the venue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app import log
from caravan_app.domain.calendar import DEFAULT_CALENDAR, WorkingCalendar, add_months
from caravan_app.domain.enums import Level, PlanKind, PlanStatus, RequestKind, RequestStatus, SetStatus
from caravan_app.domain.figures import RotationFigures
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask
from caravan_app.errors import CaravanError
from caravan_app.persistence.audit import current_user
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Depot,
    ExhibitSet,
    MaintenanceRecord,
    Plan,
    Region,
    SetMove,
    SetPlacement,
    Venue,
    VisitRequest,
)
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Point
from caravan_app.planning.rotation import plan_rotation
from caravan_app.planning.rotation_check import RotationViolation, check_rotation
from caravan_app.planning.rotation_json import FORMAT, problem_from_json, problem_to_json, solution_to_json
from caravan_app.planning.rotation_problem import (
    HostVenue,
    Period,
    Place,
    RotationLock,
    RotationProblem,
    RotationSet,
    RotationSolution,
    Stay,
)
from caravan_app.planning.rotation_problem import SetMove as PlannedMove
from caravan_app.services import permissions
from caravan_app.services.calendar import calendar_in
from caravan_app.services.plan_names import refuse_taken, store_plan

_log = log.get(log.PLANNING)

DEFAULT_CHANGEOVER_DAYS = 10
BASE_WEIGHT, KEY_COUNTY_BONUS, NEW_COUNTY_BONUS, REQUEST_BONUS_PER_PRIORITY = 10, 10, 5, 2


def rotation_periods(
    first: date,
    count: int,
    months: int,
    changeover_days: int,
    calendar: WorkingCalendar = DEFAULT_CALENDAR,
) -> tuple[Period, ...]:
    if count < 1 or months < 1:
        raise CaravanError(
            f"need at least one period of at least one month (got {count} × {months})",
            code="rotation_periods",
            periods=count,
            months=months,
        )
    if changeover_days < 1:
        raise CaravanError(
            f"the changeover window needs at least one working day (got {changeover_days})",
            code="changeover_days",
            days=changeover_days,
        )
    periods = []
    for t in range(count):
        start, end = add_months(first, t * months), add_months(first, (t + 1) * months) - timedelta(days=1)
        window = calendar.working_days_from(start, changeover_days)
        if window[-1] >= end:
            raise CaravanError(
                f"period {t + 1} ({start}..{end}) is shorter than its changeover window",
                code="period_too_short",
                period=t + 1,
                start=start,
                end=end,
            )
        periods.append(Period(t, start, end, window))
    return tuple(periods)


def _resolve_cities(session: Session, names: list[str]) -> set[str]:
    """City adcodes from names or codes as typed (扬州, 扬州市, 321000)."""
    cities = session.scalars(select(Region).where(Region.level == Level.CITY)).all()
    found: set[str] = set()
    for name in names:
        text = name.strip()
        match = [c for c in cities if text in (c.adcode, c.name, c.name.removesuffix("市"))]
        if not match:
            known = "、".join(c.name for c in cities)
            raise CaravanError(f"--region: no city {text!r}; cities: {known}")
        found.add(match[0].adcode)
    return found


def build_rotation_problem(
    session: Session,
    periods: tuple[Period, ...],
    *,
    cities: list[str] | None = None,
    locks: tuple[RotationLock, ...] = (),
) -> RotationProblem:
    regions = {r.id: r for r in session.scalars(select(Region))}

    def city_of(region: Region) -> str | None:
        while region.level not in (Level.CITY, Level.PROVINCE) and region.parent_id is not None:
            region = regions[region.parent_id]
        return region.adcode if region.level == Level.CITY else None

    chosen = _resolve_cities(session, cities) if cities else None
    depots = {d.id: d for d in session.scalars(select(Depot))}
    venues = {v.id: v for v in session.scalars(select(Venue))}
    history = session.scalars(
        select(SetPlacement).where(SetPlacement.plan_id.is_(None)).order_by(SetPlacement.start_on)
    ).all()
    first_day = periods[0].start
    sets: list[RotationSet] = []
    for row in session.scalars(
        select(ExhibitSet).where(ExhibitSet.status != SetStatus.RETIRED).order_by(ExhibitSet.code)
    ):
        depot = depots[row.home_depot_id]
        home_city = city_of(regions[depot.region_id])
        if chosen is not None and home_city not in chosen:
            continue
        home = Place(depot.code, depot.name, Point(depot.lat, depot.lon))
        start, installed, stays = home, False, 0
        past = [p for p in history if p.set_id == row.id and p.start_on <= first_day]
        if past and past[-1].end_on >= first_day:
            venue = venues[past[-1].venue_id]
            start, installed = Place(venue.code, venue.name, Point(venue.lat, venue.lon)), True
            stays = sum(1 for p in periods if p.start <= past[-1].end_on)
        unavailable = _maintenance_periods(session, row, periods)
        if chosen is not None:
            allowed = frozenset(chosen)
        else:
            allowed = (
                frozenset()
                if depot.owner_level == Level.PROVINCE or home_city is None
                else frozenset({home_city})
            )
        sets.append(
            RotationSet(
                code=row.code,
                name=row.name,
                theme=row.theme,
                hall_area_m2=row.hall_area_m2,
                install_days=row.install_days,
                uninstall_days=row.uninstall_days,
                truck_loads=row.truck_loads,
                home=home,
                start=start,
                start_installed=installed,
                stays_at_start=min(stays, len(periods)),
                unavailable=unavailable,
                cities=allowed,
            )
        )
    if not sets:
        raise CaravanError(
            "no sets to plan" + (f" in {', '.join(cities or [])}" if cities else ""),
            code="no_sets_to_plan",
            cities="、".join(cities or []),
        )
    smallest = min(s.hall_area_m2 for s in sets)
    set_codes = {r.id: r.code for r in session.scalars(select(ExhibitSet))}
    hosted_counties = {regions[venues[p.venue_id].county_id].adcode for p in history}
    requested: dict[int, int] = {}
    for request in session.scalars(
        select(VisitRequest).where(
            VisitRequest.kind == RequestKind.MUSEUM_PLACEMENT, VisitRequest.status == RequestStatus.OPEN
        )
    ):
        requested[request.venue_id] = max(requested.get(request.venue_id, 0), request.priority)
    hosts: list[HostVenue] = []
    for venue in sorted(venues.values(), key=lambda v: v.code):
        if venue.hall_area_m2 is None or venue.hall_area_m2 < smallest:
            continue
        county = regions[venue.county_id]
        city = city_of(county) or ""
        if chosen is not None and city not in chosen:
            continue
        booked = [p for p in history if p.venue_id == venue.id]
        free = frozenset(
            p.index for p in periods if not any(b.start_on <= p.end and b.end_on >= p.start for b in booked)
        )
        weight = BASE_WEIGHT
        weight += KEY_COUNTY_BONUS if county.is_key_county else 0
        weight += NEW_COUNTY_BONUS if county.adcode not in hosted_counties else 0
        weight += REQUEST_BONUS_PER_PRIORITY * requested.get(venue.id, 0)
        hosts.append(
            HostVenue(
                code=venue.code,
                name=venue.name,
                county=county.adcode,
                city=city,
                location=Point(venue.lat, venue.lon),
                hall_area_m2=venue.hall_area_m2,
                periods=free,
                hosted_before=frozenset(set_codes[b.set_id] for b in booked),
                weight=weight,
                key_county=county.is_key_county,
            )
        )
    return RotationProblem(sets=tuple(sets), venues=tuple(hosts), periods=periods, locks=locks)


def _maintenance_periods(session: Session, row: ExhibitSet, periods: tuple[Period, ...]) -> frozenset[int]:
    records = session.scalars(select(MaintenanceRecord).where(MaintenanceRecord.set_id == row.id)).all()
    out = {
        p.index
        for p in periods
        for r in records
        if r.opened_on <= p.end and (r.closed_on is None or r.closed_on >= p.start)
    }
    if row.status == SetStatus.MAINTENANCE and not records:
        out.add(0)
    return frozenset(out)


def locked_placements(session: Session, plan_name: str) -> tuple[RotationLock, ...]:
    plan = session.scalar(select(Plan).where(Plan.name == plan_name))
    if plan is None or plan.kind is not PlanKind.ROTATION:
        raise CaravanError(
            f"no rotation plan named {plan_name!r} to keep locks from", code="no_plan_named", name=plan_name
        )
    sets = {r.id: r.code for r in session.scalars(select(ExhibitSet))}
    venues = {v.id: v.code for v in session.scalars(select(Venue))}
    rows = session.scalars(
        select(SetPlacement).where(SetPlacement.plan_id == plan.id, SetPlacement.locked.is_(True))
    )
    return tuple(RotationLock(sets[r.set_id], venues[r.venue_id], r.period or 0) for r in rows)


@dataclass(frozen=True)
class RotationPlanSummary:
    name: str
    figures: RotationFigures
    violations: tuple[RotationViolation, ...]


def figures(problem: RotationProblem, solution: RotationSolution) -> RotationFigures:
    venues = {v.code: v for v in problem.venues}
    counties = {venues[s.venue_code].county for s in solution.stays}
    key = {venues[s.venue_code].county for s in solution.stays if venues[s.venue_code].key_county}
    return RotationFigures(
        status=solution.status,
        solve_seconds=round(solution.solve_seconds, 2),
        first_solution_seconds=solution.first_solution_seconds,
        sets=len(problem.sets),
        halls=len(problem.venues),
        periods=len(problem.periods),
        stays=len(solution.stays),
        set_periods_free=sum(
            1
            for s in problem.sets
            for p in problem.periods
            if p.index >= s.stays_at_start and p.index not in s.unavailable
        ),
        hosted_weight=solution.hosted_weight,
        hosted_bound=solution.hosted_bound,
        truck_km=solution.truck_km,
        truck_km_bound=solution.truck_km_bound,
        moves=len(solution.moves),
        counties=len(counties),
        key_counties=len(key),
    )


def default_plan_name(first: date) -> str:
    return f"rotation {first:%Y-%m} {datetime.now():%Y-%m-%d %H:%M:%S}"


def plan_rotation_scenario(
    db: Database,
    first: date,
    periods: int,
    months: int,
    *,
    name: str,
    chosen_name: bool = True,
    cities: list[str] | None = None,
    changeover_days: int = DEFAULT_CHANGEOVER_DAYS,
    control: SolveControl | None = None,
    keep_locks_from: str | None = None,
) -> RotationPlanSummary:
    """Read the database, solve, check and store a draft rotation plan named `name` (a default name, with
    `chosen_name` false, becomes "name (2)" and so on if taken by then)."""
    control = control or SolveControl()
    db.check_writable()  # before the solve, not after it
    permissions.require_province(db, "plans")  # a city's or county's account may not store it
    with db.session(audited=False) as s:
        blocks = rotation_periods(first, periods, months, changeover_days, calendar_in(s))
        if chosen_name:
            refuse_taken(s, name)
        locks = locked_placements(s, keep_locks_from) if keep_locks_from else ()
        problem = build_rotation_problem(s, blocks, cities=cities, locks=locks)
    solution = plan_rotation(problem, control)
    if not solution.status.has_plan:
        raise NoPlan(SolveTask.ROTATION, solution.status, control.time_limit)
    violations = tuple(check_rotation(problem, solution))
    for violation in violations:
        _log.error("rotation checker: %s: %s", violation.rule.value, violation.message)
    summary = figures(problem, solution)
    parameters = {
        "first": first.isoformat(),
        "periods": periods,
        "months": months,
        "cities": cities or [],
        "changeover_days": changeover_days,
        "time_limit": control.time_limit,
        "problem": problem_to_json(problem),
    }
    name, _plan = store_plan(
        db, name, chosen_name, lambda s, free: _store(s, free, problem, solution, summary, parameters)
    )
    return RotationPlanSummary(name, summary, violations)


def _store(
    session: Session,
    name: str,
    problem: RotationProblem,
    solution: RotationSolution,
    summary: RotationFigures,
    parameters: dict[str, Any],
) -> Plan:
    plan = Plan(
        name=name,
        kind=PlanKind.ROTATION,
        horizon_start=problem.periods[0].start,
        horizon_end=problem.periods[-1].end,
        status=PlanStatus.DRAFT,
        created_at=datetime.now().replace(microsecond=0),
        created_by=current_user(),
        solver_status=solution.status,
        objective=float(solution.hosted_weight),
        bound=None if solution.hosted_bound is None else float(solution.hosted_bound),
        solve_seconds=solution.solve_seconds,
        parameters_json=json.dumps(parameters, ensure_ascii=False),
        figures_json=json.dumps(summary.to_json(), ensure_ascii=False),
    )
    session.add(plan)
    session.flush()
    sets = {r.code: r.id for r in session.scalars(select(ExhibitSet))}
    venues = {v.code: v.id for v in session.scalars(select(Venue))}
    for stay in solution.stays:
        session.add(
            SetPlacement(
                code=f"P{plan.id}-{stay.set_code}-{stay.period + 1}",
                plan_id=plan.id,
                set_id=sets[stay.set_code],
                venue_id=venues[stay.venue_code],
                start_on=stay.open_on,
                end_on=stay.close_on,
                period=stay.period,
                locked=stay.locked,
            )
        )
    for move in solution.moves:
        session.add(
            SetMove(
                plan_id=plan.id,
                set_id=sets[move.set_code],
                period=move.period,
                from_code=move.from_code,
                to_code=move.to_code,
                km=move.km,
                truck_loads=move.truck_loads,
                schedule_json=json.dumps(
                    {
                        "uninstall": [d.isoformat() for d in move.uninstall],
                        "drive": [d.isoformat() for d in move.drive],
                        "install": [d.isoformat() for d in move.install],
                    }
                ),
            )
        )
    return plan


def stored_rotation(session: Session, plan: Plan) -> tuple[RotationProblem, RotationSolution]:
    """The problem as it was solved and the plan as it is stored now (placements may have been edited)."""
    parameters = json.loads(plan.parameters_json)
    problem = problem_from_json(parameters["problem"])
    sets = {r.id: r.code for r in session.scalars(select(ExhibitSet))}
    venues = {v.id: v.code for v in session.scalars(select(Venue))}
    stays = tuple(
        Stay(sets[r.set_id], venues[r.venue_id], r.period or 0, r.start_on, r.end_on, r.locked)
        for r in session.scalars(
            select(SetPlacement)
            .where(SetPlacement.plan_id == plan.id)
            .order_by(SetPlacement.period, SetPlacement.code)
        )
    )
    moves = []
    for r in session.scalars(
        select(SetMove).where(SetMove.plan_id == plan.id).order_by(SetMove.period, SetMove.id)
    ):
        schedule = json.loads(r.schedule_json or "{}")
        moves.append(
            PlannedMove(
                set_code=sets[r.set_id],
                period=r.period,
                from_code=r.from_code,
                to_code=r.to_code,
                km=r.km,
                truck_loads=r.truck_loads,
                uninstall=tuple(date.fromisoformat(d) for d in schedule.get("uninstall", [])),
                drive=tuple(date.fromisoformat(d) for d in schedule.get("drive", [])),
                install=tuple(date.fromisoformat(d) for d in schedule.get("install", [])),
            )
        )
    stored_figures = RotationFigures.from_json(json.loads(plan.figures_json or "{}"))
    solution = RotationSolution(
        stays=stays,
        moves=tuple(moves),
        status=plan.solver_status or SolveStatus.FEASIBLE,
        hosted_weight=sum({v.code: v.weight for v in problem.venues}.get(s.venue_code, 0) for s in stays),
        hosted_bound=stored_figures.hosted_bound,
        truck_km=round(sum(m.truck_km for m in moves), 1),
        truck_km_bound=stored_figures.truck_km_bound,
        solve_seconds=plan.solve_seconds or 0.0,
    )
    return problem, solution


def export_rotation_json(session: Session, plan: Plan) -> dict[str, Any]:
    problem, solution = stored_rotation(session, plan)
    return {
        "format": FORMAT,
        "plan": {
            "name": plan.name,
            "kind": plan.kind.value,
            "status": plan.status.value,
            "horizon_start": plan.horizon_start.isoformat(),
            "horizon_end": plan.horizon_end.isoformat(),
            "created_at": plan.created_at.isoformat(),
            "created_by": plan.created_by,
        },
        "figures": json.loads(plan.figures_json or "{}"),
        "problem": problem_to_json(problem),
        "solution": solution_to_json(solution),
    }


def write_rotation_json(db: Database, name: str, path: Path) -> None:
    with db.session(audited=False) as s:
        plan = s.scalar(select(Plan).where(Plan.name == name))
        if plan is None or plan.kind is not PlanKind.ROTATION:
            raise CaravanError(f"no rotation plan named {name!r}")
        data = export_rotation_json(s, plan)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise CaravanError(f"cannot write {path}: {exc}") from exc


def parse_cities(text: str | None) -> list[str] | None:
    if not text:
        return None
    return [c for c in re.split(r"[,，、;；\s]+", text) if c]
