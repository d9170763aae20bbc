"""Hand edits of a stored tour plan: move one visit to another caravan or day, place an unserved
request by hand, each checked at once; and the caravans and days a visit could go to.

A move is built by the planner's own exact schedule (planning.tour_moves) and judged by the
independent checker; it is stored only when it breaks no rule the plan did not break already, so a
refusal always names the rule the move itself would break. The choices offered for a visit are the
moves that same judgement accepts, so every one offered is one `move_visit` stores.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.figures import TourFigures
from caravan_app.domain.outcomes import MoveRefusal, Refusal, TourRule, UnservedReason
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Plan,
    Region,
    TourStop,
    Trip,
    UnservedRequest,
    Venue,
    VisitRequest,
)
from caravan_app.planning.check import Violation, check_tours, visit_breaks
from caravan_app.planning.problem import Lock, TourProblem, TourSolution
from caravan_app.planning.tour_json import problem_from_json, problem_to_json
from caravan_app.planning.tour_moves import VisitMoves
from caravan_app.services.tour_planning import figures, stored_tour_solution


@dataclass(frozen=True)
class MoveResult:
    """What became of a move: stored (`moved`), judged fit but not stored (neither `moved` nor a
    `refusal`: asked not to store), or refused with the rule it would break."""

    moved: bool
    refusal: Refusal | None
    plan_version: int
    # Where the visit was, so a move can be undone: its caravan and first show day, or ("", None) and
    # the reason it was unserved when it was placed by hand.
    from_caravan: str
    from_day: date | None
    from_reason: UnservedReason | None = None


@dataclass(frozen=True)
class MoveChoice:
    """A caravan and first show day a visit can be moved to, and what the move does."""

    caravan: str
    day: date
    km_added: float  # to the whole plan's km (negative: the move saves km)
    leave: datetime  # the trip the visit would be on
    back: datetime
    joins_trip: bool  # on a trip with other shows, rather than a trip of its own


@dataclass(frozen=True)
class MoveChoices:
    """Every caravan and day of the plan's horizon for one visit: those it fits, best first, and why
    each other one is refused."""

    plan_id: int
    plan_version: int
    request: str
    venue_name: str
    county: str  # the request's county, by name
    now: tuple[str, date] | None  # its caravan and first show day; None while it is unserved
    unserved_reason: UnservedReason | None
    choices: tuple[MoveChoice, ...]  # fewest km added first
    refused: dict[tuple[str, date], Refusal]
    seconds: float  # how long working them out took

    def fits(self, caravan: str, day: date) -> bool:
        return any(c.caravan == caravan and c.day == day for c in self.choices)


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


class _PlanEdit:
    """A stored plan read for hand edits: its problem with every lock the plan holds, its solution,
    the rules it breaks already (a move is judged only by what it adds) and the place names."""

    def __init__(self, session: Session, plan_name: str, plan_version: int | None) -> None:
        plan = session.scalar(select(Plan).where(Plan.name == plan_name))
        if plan is None:
            raise CaravanError(f"no plan named {plan_name!r}", code="no_plan_named", name=plan_name)
        if plan_version is not None and plan.version != plan_version:
            raise ConflictError("plans", plan.name, f"version {plan.version}, yours {plan_version}")
        self.session = session
        self.plan = plan
        self.parameters: dict[str, Any] = json.loads(plan.parameters_json or "{}")
        if "problem" not in self.parameters:
            raise CaravanError(
                f"plan {plan_name!r} keeps no problem to check a move against",
                code="plan_keeps_no_problem",
                name=plan_name,
            )
        self.solution = stored_tour_solution(session, plan)
        self.problem = _with_locks(problem_from_json(self.parameters["problem"]), self.solution)
        self.before = {_key(v) for v in check_tours(self.problem, self.solution)}
        self.moves = VisitMoves(self.problem, self.solution)
        self.names = {adcode: name for adcode, name in session.execute(select(Region.adcode, Region.name))}

    def where(self, request_code: str) -> tuple[str, date] | None:
        """The request's caravan and first show day, None when the plan leaves it unserved."""
        return next(
            (
                (t.caravan, st.show_start.date())
                for t in self.solution.trips
                for st in t.stops
                if st.request == request_code
            ),
            None,
        )

    def unserved_reason(self, request_code: str) -> UnservedReason | None:
        return next((u.reason for u in self.solution.unserved if u.request == request_code), None)

    def locked_at(self, request_code: str, caravan_code: str, day: date) -> TourProblem:
        """The problem with the request locked where a move puts it."""
        return replace(
            self.problem,
            requests=tuple(
                replace(r, lock=Lock(caravan_code, day)) if r.code == request_code else r
                for r in self.problem.requests
            ),
        )

    def refusal(self, why: Violation | MoveRefusal, caravan: str, request: str, day: date) -> Refusal:
        """A refusal with the places it concerns named as the reader knows them."""
        if isinstance(why, MoveRefusal):
            rule: TourRule | MoveRefusal = why
        else:
            rule, caravan, request, day = (
                why.rule,
                why.caravan or caravan,
                why.request or request,
                why.day or day,
            )
        wanted = self.moves.by_code.get(request)
        owner = self.moves.caravans.get(caravan)
        return Refusal(
            rule=rule,
            caravan=caravan,
            request=request,
            day=day,
            venue=wanted.venue_code if wanted else "",
            venue_name=wanted.venue_name if wanted else "",
            region_name=self.names.get(wanted.county, wanted.county) if wanted else "",
            caravan_home=self.names.get(owner.region, owner.region) if owner else "",
        )

    def judge(
        self, request_code: str, caravan_code: str, day: date
    ) -> tuple[TourProblem, TourSolution] | Refusal:
        """The plan (and its problem, with the visit locked there) after the move, or why not."""
        moved_problem = self.locked_at(request_code, caravan_code, day)
        moved_request = next(r for r in moved_problem.requests if r.code == request_code)
        candidate = self.moves.move(request_code, caravan_code, day, request=moved_request)
        if isinstance(candidate, MoveRefusal):
            # A rule the visit breaks even on a trip of its own says more than "no time for it".
            alone = self.moves.move(request_code, caravan_code, day, alone=True, request=moved_request)
            own = (
                []
                if isinstance(alone, MoveRefusal)
                else [
                    v
                    for v in check_tours(moved_problem, alone)
                    if v.request == request_code and v.rule in _OWN_RULES and _key(v) not in self.before
                ]
            )
            return self.refusal(own[0] if own else candidate, caravan_code, request_code, day)
        broken = [v for v in check_tours(moved_problem, candidate) if _key(v) not in self.before]
        if broken:
            # The moved request's own breaches say most about the move; show one of them first.
            broken.sort(key=lambda v: v.request != request_code)
            return self.refusal(broken[0], caravan_code, request_code, day)
        return moved_problem, candidate

    def store(self, problem: TourProblem, after: TourSolution) -> int:
        """Keep the plan as `after`: its trips, its unserved list, its problem and figures; the plan's
        new version."""
        _store_trips(self.session, self.plan, self.solution, after)
        _store_unserved(self.session, self.plan, self.solution, after)
        self.parameters["problem"] = problem_to_json(problem)
        self.plan.parameters_json = json.dumps(self.parameters, ensure_ascii=False)
        solved = TourFigures.from_json(json.loads(self.plan.figures_json or "{}"))
        # The figures of the plan as it now is; how it was solved stays as it was.
        now = replace(figures(problem, after), status=solved.status, solve_seconds=solved.solve_seconds)
        self.plan.figures_json = json.dumps(now.to_json(), ensure_ascii=False)
        self.session.flush()
        return self.plan.version


def move_visit(
    db: Database,
    plan_name: str,
    request_code: str,
    caravan_code: str,
    day: date,
    plan_version: int | None = None,
    store: bool = True,
) -> MoveResult:
    """Move a request's visit to `caravan_code`, first show on `day`, and lock it there; a request the
    plan leaves unserved is placed there by hand. Without `store` the move is only judged.

    Refused (nothing changed) when the checker finds a rule the move breaks; raises ConflictError when
    the plan changed since `plan_version`, CaravanError when the plan or request is not there.
    """
    with db.session() as s:
        edit = _PlanEdit(s, plan_name, plan_version)
        old = edit.where(request_code)
        reason = edit.unserved_reason(request_code) if old is None else None
        if old is None and reason is None:
            raise CaravanError(
                f"request {request_code} is not part of plan {plan_name!r}",
                code="request_not_served",
                request=request_code,
                name=plan_name,
            )
        from_caravan, from_day = old if old is not None else ("", None)
        judged = edit.judge(request_code, caravan_code, day)
        if isinstance(judged, Refusal):
            return MoveResult(False, judged, edit.plan.version, from_caravan, from_day, reason)
        version = edit.store(*judged) if store else edit.plan.version
        return MoveResult(store, None, version, from_caravan, from_day, reason)


def take_out_visit(
    db: Database, plan_name: str, request_code: str, reason: UnservedReason, plan_version: int | None = None
) -> MoveResult:
    """Take a visit out of its trip and list the request as unserved for `reason`: how a request
    placed by hand is put back. Refused when the trip it leaves could no longer be timed."""
    with db.session() as s:
        edit = _PlanEdit(s, plan_name, plan_version)
        old = edit.where(request_code)
        if old is None:
            raise CaravanError(
                f"request {request_code} is not served in plan {plan_name!r}",
                code="request_not_served",
                request=request_code,
                name=plan_name,
            )
        after = edit.moves.take_out(request_code, reason)
        if isinstance(after, MoveRefusal):
            return MoveResult(
                False, edit.refusal(after, old[0], request_code, old[1]), edit.plan.version, *old
            )
        problem = replace(
            edit.problem,
            requests=tuple(
                replace(r, lock=None) if r.code == request_code else r for r in edit.problem.requests
            ),
        )
        broken = [v for v in check_tours(problem, after) if _key(v) not in edit.before]
        if broken:
            return MoveResult(
                False, edit.refusal(broken[0], old[0], request_code, old[1]), edit.plan.version, *old
            )
        version = edit.store(problem, after)
        return MoveResult(True, None, version, *old)


def move_choices(
    db: Database,
    plan_name: str,
    request_code: str,
    plan_version: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> MoveChoices:
    """Every caravan and first show day within the plan's dates the request's visit fits on (those
    `move_visit` would store), each with the km it adds, and why every other one is refused.

    The rules a visit breaks on a caravan and day whatever its trip (type, themes, region, the day
    itself) rule most of them out at once; the rest are moved and checked one by one. `stop` is
    polled between them: when it says so, the choices found so far come back.
    """
    started = time.monotonic()
    with db.session(audited=False) as s:
        edit = _PlanEdit(s, plan_name, plan_version)
        now = edit.where(request_code)
        reason = edit.unserved_reason(request_code) if now is None else None
        request = edit.moves.by_code.get(request_code)
        if request is None or (now is None and reason is None):
            raise CaravanError(
                f"request {request_code} is not part of plan {plan_name!r}",
                code="request_not_served",
                request=request_code,
                name=plan_name,
            )
        calendar = edit.problem.calendar
        days = [calendar.start + timedelta(days=n) for n in range((calendar.end - calendar.start).days + 1)]
        places = [(c.code, d) for c in edit.problem.caravans for d in days if (c.code, d) != now]
        ruled_out = visit_breaks(edit.problem, request_code, places)
        km_before = sum(t.km for t in edit.solution.trips)
        choices: list[MoveChoice] = []
        refused: dict[tuple[str, date], Refusal] = {}
        for caravan, day in places:
            breaks = [v for v in ruled_out.get((caravan, day), []) if _key(v) not in edit.before]
            if breaks:
                refused[(caravan, day)] = edit.refusal(breaks[0], caravan, request_code, day)
                continue
            if stop is not None and stop():
                break
            judged = edit.judge(request_code, caravan, day)
            if isinstance(judged, Refusal):
                refused[(caravan, day)] = judged
                continue
            after = judged[1]
            trip = next(t for t in after.trips if any(st.request == request_code for st in t.stops))
            joins = any(st.request != request_code for st in trip.stops)
            choices.append(
                MoveChoice(
                    caravan,
                    day,
                    round(sum(t.km for t in after.trips) - km_before, 1),
                    trip.leave,
                    trip.back,
                    joins,
                )
            )
        choices.sort(key=lambda c: (c.km_added, c.day, c.caravan))
        return MoveChoices(
            plan_id=edit.plan.id,
            plan_version=edit.plan.version,
            request=request_code,
            venue_name=request.venue_name,
            county=edit.names.get(request.county, request.county),
            now=now,
            unserved_reason=reason,
            choices=tuple(choices),
            refused=refused,
            seconds=round(time.monotonic() - started, 3),
        )


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


def _store_unserved(session: Session, plan: Plan, before: TourSolution, after: TourSolution) -> None:
    """Keep the plan's unserved list as `after` has it: a request placed by hand leaves it, one taken
    out comes back with its reason."""
    was = {u.request: u.reason for u in before.unserved}
    now = {u.request: u.reason for u in after.unserved}
    if was == now:
        return
    requests = {r.code: r.id for r in session.scalars(select(VisitRequest))}
    for code in was.keys() - now.keys():
        row = session.scalar(
            select(UnservedRequest).where(
                UnservedRequest.plan_id == plan.id, UnservedRequest.request_id == requests[code]
            )
        )
        if row is not None:
            session.delete(row)
    for code in now.keys() - was.keys():
        session.add(UnservedRequest(plan_id=plan.id, request_id=requests[code], reason=now[code]))
