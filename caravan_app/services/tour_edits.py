"""Hand edits of a stored tour plan: move one visit to another caravan or day, checked at once.

A move is built by the planner's own exact schedule (planning.tour_moves.move_visit) and judged by the
independent checker; it is stored only when it breaks no rule the plan did not break already, so a
refusal always names the rule the move itself would break.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.figures import TourFigures
from caravan_app.domain.outcomes import MoveRefusal, Refusal, TourRule
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan, Plan, Region, TourStop, Trip, Venue, VisitRequest
from caravan_app.planning.check import Violation, check_tours
from caravan_app.planning.problem import Lock, TourProblem, TourSolution
from caravan_app.planning.tour_json import problem_from_json, problem_to_json
from caravan_app.planning.tour_moves import move_visit as planned_move
from caravan_app.services.tour_planning import figures, stored_tour_solution


@dataclass(frozen=True)
class MoveResult:
    """What became of a move: stored (`refusal` None), or refused with the rule it would break."""

    moved: bool
    refusal: Refusal | None
    plan_version: int
    from_caravan: str  # where the visit was, so a move can be undone by moving it back
    from_day: date


# Rules a visit breaks by itself, whatever trip it is on (not overlaps with the caravan's other trips).
_OWN_RULES = (
    TourRule.WRONG_TYPE,
    TourRule.NO_WANTED_THEME,
    TourRule.REGION_NOT_PERMITTED,
    TourRule.SHOW_DAY_NOT_ALLOWED,
    TourRule.SHOW_NOT_WORKING_DAY,
    TourRule.SHOW_SCHOOL_HOLIDAY,
    TourRule.TRIP_DAY_NOT_WORKING,
    TourRule.CARAVAN_UNAVAILABLE,
)


def _key(v: Violation) -> tuple[str, str | None, str | None, date | None]:
    """What makes a violation the same one before and after a move (its wording may differ)."""
    return v.rule.value, v.caravan, v.request, v.day


def _refusal(
    session: Session, problem: TourProblem, v: Violation | MoveRefusal, caravan: str, request: str, day: date
) -> Refusal:
    """A refusal with the places it concerns named as the reader knows them."""
    if isinstance(v, MoveRefusal):
        rule: TourRule | MoveRefusal = v
    else:
        rule, caravan, request, day = v.rule, v.caravan or caravan, v.request or request, v.day or day
    wanted = next((r for r in problem.requests if r.code == request), None)
    owner = next((c for c in problem.caravans if c.code == caravan), None)
    names = {adcode: name for adcode, name in session.execute(select(Region.adcode, Region.name))}
    return Refusal(
        rule=rule,
        caravan=caravan,
        request=request,
        day=day,
        venue=wanted.venue_code if wanted else "",
        venue_name=wanted.venue_name if wanted else "",
        region_name=names.get(wanted.county, wanted.county) if wanted else "",
        caravan_home=names.get(owner.region, owner.region) if owner else "",
    )


def _with_locks(problem: TourProblem, solution: TourSolution) -> TourProblem:
    """The problem with a lock for every stop the planner locked, so locked stops check clean."""
    locks: dict[str, Lock] = {}
    for trip in solution.trips:
        for stop in sorted(trip.stops, key=lambda s: s.show_start):
            if stop.locked:
                locks.setdefault(stop.request, Lock(trip.caravan, stop.show_start.date()))
    return replace(
        problem, requests=tuple(replace(r, lock=locks.get(r.code, r.lock)) for r in problem.requests)
    )


def move_visit(
    db: Database,
    plan_name: str,
    request_code: str,
    caravan_code: str,
    day: date,
    plan_version: int | None = None,
) -> MoveResult:
    """Move a served request's visit to `caravan_code`, first show on `day`, and lock it there.

    Refused (nothing changed) when the checker finds a rule the move breaks; raises ConflictError when
    the plan changed since `plan_version`, CaravanError when the plan or request is not there.
    """
    with db.session() as s:
        plan = s.scalar(select(Plan).where(Plan.name == plan_name))
        if plan is None:
            raise CaravanError(f"no plan named {plan_name!r}", code="no_plan_named", name=plan_name)
        if plan_version is not None and plan.version != plan_version:
            raise ConflictError("plans", plan.name, f"version {plan.version}, yours {plan_version}")
        parameters = json.loads(plan.parameters_json or "{}")
        if "problem" not in parameters:
            raise CaravanError(
                f"plan {plan_name!r} keeps no problem to check a move against",
                code="plan_keeps_no_problem",
                name=plan_name,
            )
        solution = stored_tour_solution(s, plan)
        problem = _with_locks(problem_from_json(parameters["problem"]), solution)
        old = next(
            (
                (t.caravan, st.show_start.date())
                for t in solution.trips
                for st in t.stops
                if st.request == request_code
            ),
            None,
        )
        if old is None:
            raise CaravanError(
                f"request {request_code} is not served in plan {plan_name!r}",
                code="request_not_served",
                request=request_code,
                name=plan_name,
            )
        moved_problem = replace(
            problem,
            requests=tuple(
                replace(r, lock=Lock(caravan_code, day)) if r.code == request_code else r
                for r in problem.requests
            ),
        )
        candidate = planned_move(moved_problem, solution, request_code, caravan_code, day)
        before = {_key(v) for v in check_tours(problem, solution)}

        def refused(why: Violation | MoveRefusal) -> MoveResult:
            refusal = _refusal(s, moved_problem, why, caravan_code, request_code, day)
            return MoveResult(False, refusal, plan.version, *old)

        if isinstance(candidate, MoveRefusal):
            # A rule the visit breaks even on a trip of its own says more than "no time for it".
            alone = planned_move(moved_problem, solution, request_code, caravan_code, day, alone=True)
            own = (
                []
                if isinstance(alone, MoveRefusal)
                else [
                    v
                    for v in check_tours(moved_problem, alone)
                    if v.request == request_code and v.rule in _OWN_RULES and _key(v) not in before
                ]
            )
            return refused(own[0] if own else candidate)
        broken = [v for v in check_tours(moved_problem, candidate) if _key(v) not in before]
        if broken:
            # The moved request's own breaches say most about the move; show one of them first.
            broken.sort(key=lambda v: v.request != request_code)
            return refused(broken[0])
        _store_trips(s, plan, solution, candidate)
        parameters["problem"] = problem_to_json(moved_problem)
        plan.parameters_json = json.dumps(parameters, ensure_ascii=False)
        solved = TourFigures.from_json(json.loads(plan.figures_json or "{}"))
        # The figures of the plan as it now is; how it was solved stays as it was.
        moved = replace(
            figures(moved_problem, candidate), status=solved.status, solve_seconds=solved.solve_seconds
        )
        plan.figures_json = json.dumps(moved.to_json(), ensure_ascii=False)
        s.flush()
        return MoveResult(True, None, plan.version, *old)


def _store_trips(session: Session, plan: Plan, before: TourSolution, after: TourSolution) -> None:
    """Replace the plan's trips that changed (compared as planned trips) by the new ones."""
    kept = set(after.trips)
    gone = [t for t in before.trips if t not in kept]
    added = [t for t in after.trips if t not in set(before.trips)]
    caravans = {c.code: c.id for c in session.scalars(select(Caravan))}
    rows = session.scalars(select(Trip).where(Trip.plan_id == plan.id)).all()
    for trip in gone:
        row = next(r for r in rows if r.caravan_id == caravans[trip.caravan] and r.leave_at == trip.leave)
        session.delete(row)  # its stops go with it, each checked against its version
    # Codes are unique and a new trip may leave the day a removed one did.
    session.flush()
    requests = {r.code: r.id for r in session.scalars(select(VisitRequest))}
    venues = {v.code: v.id for v in session.scalars(select(Venue))}
    for trip in added:
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
                request_id=requests[stop.request],
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
