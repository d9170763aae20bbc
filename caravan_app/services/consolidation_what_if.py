"""Consolidation's what-ifs: the tour plan they compare with (the newest of the term, else one solved
for the run), the cases (without each caravan to retire, each caravan to redeploy moved to the city
that lacks one most) and the figures of a re-plan.

Part of `consolidation.consolidate`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.calendar import Term
from caravan_app.domain.enums import CandidateKind, Level, PlanKind, Recommendation, split_themes
from caravan_app.domain.figures import WhatIfFigures
from caravan_app.domain.outcomes import NoPlan, SolveTask
from caravan_app.domain.retirement import Candidate
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan, Depot, Plan, Region
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Point, TourCaravan, TourProblem, TourSolution
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.planning.tours import plan_tours
from caravan_app.planning.whatif import WhatIfResult
from caravan_app.services.consolidation_inputs import point_of
from caravan_app.services.tour_planning import build_tour_problem, stored_tour_solution

# --- the what-if baseline -----------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    label: str  # the stored plan's name, or empty when solved here
    problem: TourProblem
    solution: TourSolution


def baseline_plan(db: Database, school_term: Term, control: SolveControl) -> Baseline:
    """The newest tour plan of exactly the term, else one solved under `control` (not stored)."""
    seconds = control.time_limit
    with db.session(audited=False) as s:
        plan = s.scalar(
            select(Plan)
            .where(
                Plan.kind == PlanKind.TOUR,
                Plan.horizon_start == school_term.start,
                Plan.horizon_end == school_term.end,
            )
            .order_by(Plan.created_at.desc(), Plan.id.desc())
            .limit(1)
        )
        if plan is not None:
            stored = json.loads(plan.parameters_json).get("problem")
            problem = (
                problem_from_json(stored)
                if stored
                else build_tour_problem(s, school_term.start, school_term.end)
            )
            return Baseline(plan.name, problem, stored_tour_solution(s, plan))
        problem = build_tour_problem(s, school_term.start, school_term.end)
    solution = plan_tours(problem, control)
    if not solution.status.has_plan:
        raise NoPlan(SolveTask.TOURS, solution.status, seconds)
    return Baseline("", problem, solution)


# --- what-if cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    caravan: str
    moved: TourCaravan | None
    city: str  # the city moved to (name), empty when retired


def _fits(caravan: TourCaravan, problem: TourProblem, request_code: str) -> bool:
    request = next(r for r in problem.requests if r.code == request_code)
    if request.types_allowed and caravan.type not in request.types_allowed:
        return False
    return not request.themes_wanted or bool(request.themes_wanted & caravan.themes)


def what_if_cases(session: Session, candidates: tuple[Candidate, ...], baseline: Baseline) -> list[Case]:
    """Without each caravan recommended for retirement; each one recommended for redeployment moved
    to the city whose unserved requests it could take most, one city per caravan."""
    rows = {c.code: c for c in session.scalars(select(Caravan))}
    regions = {r.id: r for r in session.scalars(select(Region))}
    city_depots = {
        regions[d.region_id].adcode: d
        for d in session.scalars(select(Depot).where(Depot.owner_level == Level.CITY).order_by(Depot.code))
    }
    unserved = [u.request for u in baseline.solution.unserved]
    city_of = {r.code: r.city for r in baseline.problem.requests}
    in_plan = {c.code: c for c in baseline.problem.caravans}
    cases: list[Case] = []
    taken: set[str] = set()
    for candidate in candidates:
        if candidate.kind is not CandidateKind.CARAVAN:
            continue
        if candidate.recommendation is Recommendation.RETIRE:
            cases.append(Case(candidate.code, None, ""))
        elif candidate.recommendation is Recommendation.REDEPLOY:
            row = rows[candidate.code]
            home = regions[row.owner_region_id]
            own_city = (
                home.adcode
                if row.owner_level is Level.CITY
                else regions.get(home.parent_id or -1, home).adcode
            )
            planned = in_plan.get(row.code) or TourCaravan(
                code=row.code,
                type=row.type,
                themes=frozenset(split_themes(row.themes)),
                owner_level=row.owner_level,
                region=home.adcode,
                depot_code="",
                depot=Point(0.0, 0.0),
            )
            wanted: Counter[str] = Counter(
                city_of[code] for code in unserved if _fits(planned, baseline.problem, code)
            )
            choices = [
                (n, city)
                for city, n in wanted.items()
                if city in city_depots and city != own_city and city not in taken
            ]
            if not choices:
                continue
            _, city = max(choices)
            taken.add(city)
            depot = city_depots[city]
            if row.owner_level is Level.PROVINCE:
                # A provincial caravan may serve anywhere already: only its depot moves.
                moved = replace(planned, depot_code=depot.code, depot=point_of(depot))
            else:
                moved = replace(
                    planned, owner_level=Level.CITY, region=city, depot_code=depot.code, depot=point_of(depot)
                )
            cases.append(Case(row.code, moved, regions[depot.region_id].name))
    return cases


def what_if_figures(case: Case, result: WhatIfResult) -> WhatIfFigures:
    b, a = result.before, result.after
    return WhatIfFigures(
        caravan=case.caravan,
        moved_to_depot=result.moved_to or "",
        moved_to_city=case.city,
        served=(b.served, a.served),
        key_requests_served=(b.key_served, a.key_served),
        key_counties=(b.key_counties, a.key_counties),
        counties=(b.counties, a.counties),
        km=(b.km, a.km),
        lost=tuple((u.request, u.reason) for u in result.lost),
        gained=tuple(result.gained),
        locks_kept=result.locks_kept,
        solve_seconds=result.solution.solve_seconds,
    )
