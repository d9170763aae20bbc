"""Planning caravan tours for a term: the database read into a TourProblem, solved, checked, stored."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from caravan_app import log
from caravan_app.domain.enums import (
    CaravanStatus,
    CaravanType,
    DivisionKind,
    PlanKind,
    PlanStatus,
    RequestKind,
    RequestStatus,
    VenueKind,
    split_themes,
)
from caravan_app.domain.figures import TourFigures
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask
from caravan_app.domain.weekdays import is_open_on
from caravan_app.errors import CaravanError, NotPermitted
from caravan_app.persistence.audit import current_user
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    JointTourCaravan,
    JointTourRegion,
    Plan,
    Region,
    TourStop,
    Trip,
    UnservedRequest,
    Venue,
    VisitRequest,
)
from caravan_app.persistence.models import JointTour as JointTourRow
from caravan_app.planning.check import Violation, check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.distance import read_distance_csv
from caravan_app.planning.linkage import utilisation
from caravan_app.planning.problem import (
    Calendar,
    JointTour,
    Lock,
    Point,
    Stop,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    Unserved,
)
from caravan_app.planning.problem import Trip as PlannedTrip
from caravan_app.planning.tour_json import FORMAT, problem_from_json, problem_to_json, solution_to_json
from caravan_app.planning.tours import plan_tours
from caravan_app.services import permissions
from caravan_app.services.calendar import calendar_in
from caravan_app.services.plan_names import refuse_taken, store_plan

_log = log.get(log.PLANNING)

# On-site minutes of a one-day show: unfolding the exhibits, the show itself, packing up.
DEFAULT_SHOW_MINUTES = 240


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _is_township(venue: Venue) -> bool:
    return venue.kind in (VenueKind.TOWNSHIP_CENTRE, VenueKind.VILLAGE) or venue.township.endswith(
        ("镇", "乡")
    )


def build_tour_problem(
    session: Session,
    start: date,
    end: date,
    show_minutes: int = DEFAULT_SHOW_MINUTES,
    locks: dict[str, Lock] | None = None,
    distance_km: tuple[tuple[str, str, float], ...] = (),
) -> TourProblem:
    """The open caravan-visit requests in [start, end] and the caravans in service, as a TourProblem.

    `locks` (request code -> caravan and day) are visits a planner fixed; `distance_km` road
    distances between venue or depot codes that replace the estimate.
    """
    locks = locks or {}
    regions = {r.id: r for r in session.scalars(select(Region))}
    caravans = session.scalars(
        select(Caravan)
        .options(joinedload(Caravan.home_depot))
        .where(Caravan.status == CaravanStatus.IN_SERVICE)
        .order_by(Caravan.code)
    ).all()
    tour_caravans = tuple(
        TourCaravan(
            code=c.code,
            type=c.type,
            themes=frozenset(split_themes(c.themes)),
            owner_level=c.owner_level,
            region=regions[c.owner_region_id].adcode,
            depot_code=c.home_depot.code,
            depot=Point(c.home_depot.lat, c.home_depot.lon),
        )
        for c in caravans
    )
    requests = session.scalars(
        select(VisitRequest)
        .options(joinedload(VisitRequest.venue))
        .where(
            VisitRequest.kind == RequestKind.CARAVAN_VISIT,
            VisitRequest.status == RequestStatus.OPEN,
            VisitRequest.latest_on >= start,
            VisitRequest.earliest_on <= end,
        )
        .order_by(VisitRequest.code)
    ).all()
    tour_requests = []
    for r in requests:
        venue = r.venue
        county = regions[venue.county_id]
        first, last = max(r.earliest_on, start), min(r.latest_on, end)
        dates = frozenset(
            first + timedelta(days=i)
            for i in range((last - first).days + 1)
            if is_open_on(venue.open_weekdays, first + timedelta(days=i))
        )
        tour_requests.append(
            TourRequest(
                code=r.code,
                venue_code=venue.code,
                venue_name=venue.name,
                location=Point(venue.lat, venue.lon),
                county=county.adcode,
                city=regions[county.parent_id].adcode if county.parent_id else county.adcode,
                key_county=county.is_key_county,
                township=_is_township(venue) or county.division is not DivisionKind.DISTRICT,
                dates=dates,
                open_from=_minutes(venue.open_from),
                open_to=_minutes(venue.open_to),
                show_minutes=show_minutes,
                show_days=r.show_days,
                types_allowed=frozenset(CaravanType(t) for t in split_themes(r.caravan_types)),
                themes_wanted=frozenset(split_themes(r.themes_wanted)),
                priority=r.priority,
                is_school=venue.kind is VenueKind.SCHOOL,
                lock=locks.get(r.code),
            )
        )
    office = calendar_in(session)
    calendar = Calendar(
        start=start,
        end=end,
        holidays=office.holidays_between(start, end),
        school_holidays=office.out_of_term_between(start, end),
    )
    return TourProblem(
        caravans=tour_caravans,
        requests=tuple(tour_requests),
        calendar=calendar,
        joint_tours=_joint_tours(session, regions, start),
        distance_km=distance_km,
    )


def _joint_tours(session: Session, regions: dict[int, Region], start: date) -> tuple[JointTour, ...]:
    """The joint tours still running on the horizon's first day, each with the last day it runs."""
    caravan_codes = {c.id: c.code for c in session.scalars(select(Caravan))}
    members: dict[int, set[str]] = {}
    for row in session.scalars(select(JointTourCaravan)):
        members.setdefault(row.joint_tour_id, set()).add(caravan_codes[row.caravan_id])
    places: dict[int, set[str]] = {}
    for area in session.scalars(select(JointTourRegion)):
        places.setdefault(area.joint_tour_id, set()).add(regions[area.region_id].adcode)
    return tuple(
        JointTour(
            tour.name,
            frozenset(members.get(tour.id, ())),
            frozenset(places.get(tour.id, ())),
            tour.ended_on,
        )
        for tour in session.scalars(
            select(JointTourRow)
            .where(or_(JointTourRow.ended_on.is_(None), JointTourRow.ended_on >= start))
            .order_by(JointTourRow.code)
        )
    )


@dataclass(frozen=True)
class TourPlanSummary:
    """What `plan tours` reports: the stored plan's name, its figures and what the checker found."""

    name: str
    figures: TourFigures
    violations: tuple[Violation, ...]


def figures(problem: TourProblem, solution: TourSolution) -> TourFigures:
    """The figures staff report upward, from a plan and its problem."""
    served = {s.request for t in solution.trips for s in t.stops}
    key = [r.code for r in problem.requests if r.key_county]
    days: dict[str, int] = {c.code: 0 for c in problem.caravans}
    for trip in solution.trips:
        days[trip.caravan] += trip.days
    return TourFigures(
        status=solution.status,
        solve_seconds=solution.solve_seconds,
        objective=solution.objective,
        requests=len(problem.requests),
        served=len(served),
        show_days=solution.show_days,
        key_county_requests=len(key),
        key_county_served=sum(1 for code in key if code in served),
        km=round(solution.km, 1),
        trips=len(solution.trips),
        unserved_by_reason=dict(sorted(Counter(u.reason for u in solution.unserved).items())),
        days_on_road={code: n for code, n in days.items() if n},
        utilisation=utilisation(problem, solution),
    )


def locked_visits(session: Session, plan_name: str) -> dict[str, Lock]:
    """The visits a planner locked in a plan: request code -> caravan and first show day."""
    plan = session.scalar(select(Plan).where(Plan.name == plan_name))
    if plan is None:
        raise CaravanError(
            f"no plan named {plan_name!r} to keep locks from", code="no_plan_named", name=plan_name
        )
    locks: dict[str, Lock] = {}
    rows = session.execute(
        select(VisitRequest.code, Caravan.code, TourStop.show_start)
        .join(TourStop, TourStop.request_id == VisitRequest.id)
        .join(Trip, Trip.id == TourStop.trip_id)
        .join(Caravan, Caravan.id == Trip.caravan_id)
        .where(Trip.plan_id == plan.id, TourStop.locked.is_(True))
        .order_by(TourStop.show_start)
    )
    for request_code, caravan_code, show_start in rows:
        locks.setdefault(
            request_code, Lock(caravan_code, show_start.date(), show_start.hour * 60 + show_start.minute)
        )
    return locks


def default_plan_name(label: str) -> str:
    return f"{label} tours {datetime.now():%Y-%m-%d %H:%M:%S}"


def plan_term_tours(
    db: Database,
    start: date,
    end: date,
    *,
    name: str,
    chosen_name: bool = True,
    control: SolveControl | None = None,
    keep_locks_from: str | None = None,
    distances_csv: Path | None = None,
    caravans: Collection[str] | None = None,
    requests: Collection[str] | None = None,
    max_days_per_caravan: int | None = None,
) -> TourPlanSummary:
    """Read the database, solve, check and store a draft tour plan named `name` (a default name, with
    `chosen_name` false, becomes "name (2)" and so on if taken by then).

    With `keep_locks_from`, the visits locked in that plan stay where they are; with
    `distances_csv`, road distances (from,to,km by venue or depot code) replace the estimate;
    `caravans` and `requests` (codes) narrow the solve to those, where given; `max_days_per_caravan`
    spreads the work (no caravan on the road more days than that).
    """
    control = control or SolveControl()
    db.check_writable()  # before the solve, not after it
    own = permissions.own_caravans(db)
    if own is not None:
        # A city's or county's account plans its own caravans: the server would refuse the others' trips,
        # at the end of the solve; asked for by name, they are refused before it.
        foreign = sorted(set(caravans or ()) - set(own))
        if foreign:
            raise NotPermitted("trips", foreign[0], "insert")
        caravans = own if caravans is None else caravans
    table: tuple[tuple[str, str, float], ...] = ()
    if distances_csv is not None:
        try:
            table = read_distance_csv(distances_csv)
        except (OSError, ValueError) as exc:
            raise CaravanError(
                f"cannot read road distances: {exc}",
                code="road_distances_unreadable",
                path=str(distances_csv),
            ) from exc
    with db.session(audited=False) as s:
        if chosen_name:
            refuse_taken(s, name)
        locks = locked_visits(s, keep_locks_from) if keep_locks_from else {}
        problem = build_tour_problem(s, start, end, locks=locks, distance_km=table)
    if caravans is not None:
        chosen = set(caravans)
        problem = replace(
            problem,
            caravans=tuple(c for c in problem.caravans if c.code in chosen),
            # a visit locked on a caravan left out of the solve is free again
            requests=tuple(
                r if r.lock is None or r.lock.caravan in chosen else replace(r, lock=None)
                for r in problem.requests
            ),
        )
    if requests is not None:
        wanted = set(requests)
        problem = replace(problem, requests=tuple(r for r in problem.requests if r.code in wanted))
    if max_days_per_caravan is not None:
        problem = replace(problem, max_days_per_caravan=max_days_per_caravan)
    solution = plan_tours(problem, control)
    if not solution.status.has_plan:
        raise NoPlan(SolveTask.TOURS, solution.status, control.time_limit)
    violations = tuple(check_tours(problem, solution))
    for violation in violations:
        _log.error("tour checker: %s: %s", violation.rule.value, violation.message)
    summary = figures(problem, solution)
    name, _plan = store_plan(
        db, name, chosen_name, lambda s, free: _store(s, free, problem, solution, summary, control)
    )
    return TourPlanSummary(name, summary, violations)


def _store(
    session: Session,
    name: str,
    problem: TourProblem,
    solution: TourSolution,
    summary: TourFigures,
    control: SolveControl,
) -> Plan:
    plan = Plan(
        name=name,
        kind=PlanKind.TOUR,
        horizon_start=problem.calendar.start,
        horizon_end=problem.calendar.end,
        status=PlanStatus.DRAFT,
        created_at=datetime.now().replace(microsecond=0),
        created_by=current_user(),
        solver_status=solution.status,
        objective=solution.objective,
        solve_seconds=solution.solve_seconds,
        parameters_json=json.dumps(
            {"time_limit": control.time_limit, "seed": control.seed, "problem": problem_to_json(problem)},
            ensure_ascii=False,
        ),
        figures_json=json.dumps(summary.to_json(), ensure_ascii=False),
    )
    session.add(plan)
    session.flush()
    caravans = {c.code: c.id for c in session.scalars(select(Caravan))}
    requests = {r.code: r for r in session.scalars(select(VisitRequest))}
    venues = {v.code: v.id for v in session.scalars(select(Venue))}
    for trip in solution.trips:
        row = Trip(
            code=f"P{plan.id}-{trip.caravan}-{trip.leave:%Y%m%d}",
            plan_id=plan.id,
            caravan_id=caravans[trip.caravan],
            leave_at=trip.leave,
            back_at=trip.back,
            km_back=trip.km_back,
        )
        row.stops = [
            TourStop(
                seq=seq,
                request_id=requests[stop.request].id,
                venue_id=venues[stop.venue_code],
                arrive_at=stop.arrive,
                show_start=stop.show_start,
                show_end=stop.show_end,
                km_from_previous=stop.km_from_previous,
                locked=stop.locked,
            )
            for seq, stop in enumerate(trip.stops, start=1)
        ]
        session.add(row)
    for unserved in solution.unserved:
        session.add(
            UnservedRequest(
                plan_id=plan.id,
                request_id=requests[unserved.request].id,
                reason=unserved.reason,
            )
        )
    return plan


def stored_tour_solution(session: Session, plan: Plan) -> TourSolution:
    """A stored tour plan as the planner's solution (stops in their stored order, with their locks)."""
    trips = session.scalars(
        select(Trip)
        .options(selectinload(Trip.stops))
        .where(Trip.plan_id == plan.id)
        .order_by(Trip.leave_at, Trip.code)
    ).all()
    codes = {c.id: c.code for c in session.scalars(select(Caravan))}
    request_codes = {r.id: r.code for r in session.scalars(select(VisitRequest))}
    venue_codes = {v.id: v.code for v in session.scalars(select(Venue))}
    unserved = session.scalars(select(UnservedRequest).where(UnservedRequest.plan_id == plan.id)).all()
    return TourSolution(
        trips=tuple(
            PlannedTrip(
                caravan=codes[t.caravan_id],
                leave=t.leave_at,
                back=t.back_at,
                stops=tuple(
                    Stop(
                        request=request_codes[st.request_id] if st.request_id else "",
                        venue_code=venue_codes[st.venue_id],
                        arrive=st.arrive_at,
                        show_start=st.show_start,
                        show_end=st.show_end,
                        km_from_previous=st.km_from_previous,
                        locked=st.locked,
                    )
                    for st in t.stops
                ),
                km_back=t.km_back,
            )
            for t in trips
        ),
        unserved=tuple(Unserved(request_codes[u.request_id], u.reason) for u in unserved),
        status=plan.solver_status or SolveStatus.FEASIBLE,
        objective=plan.objective,
        solve_seconds=plan.solve_seconds or 0.0,
    )


def export_plan_json(db: Database, name: str, path: Path) -> None:
    """The plan with everything an outside checker needs to re-verify it (format in README)."""
    with db.session(audited=False) as s:
        plan = s.scalar(select(Plan).where(Plan.name == name))
        if plan is None:
            known = ", ".join(s.scalars(select(Plan.name).order_by(Plan.name))) or "none"
            raise CaravanError(f"no plan named {name!r}; plans: {known}")
        if plan.kind is not PlanKind.TOUR:
            raise CaravanError(f"plan {name!r} is a {plan.kind.value} plan; only tour plans export here yet")
        parameters = json.loads(plan.parameters_json)
        solution = stored_tour_solution(s, plan)
        data = {
            "format": FORMAT,
            "plan": {
                "name": plan.name,
                "status": plan.status.value,
                "created_at": plan.created_at.isoformat(),
                "created_by": plan.created_by,
            },
            **parameters["problem"],
            **solution_to_json(solution),
            "figures": json.loads(plan.figures_json),
            "utilisation": utilisation(problem_from_json(parameters["problem"]), solution).to_json(),
        }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
