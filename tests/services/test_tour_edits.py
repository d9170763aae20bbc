"""Moving a visit by hand in a stored tour plan: a legal move is stored and checks clean, a move that
breaks a rule is refused with the rule named and nothing changed."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from caravan_app.domain.outcomes import TourRule
from caravan_app.errors import ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import TourProblem, TourSolution
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_edits import move_visit
from caravan_app.services.tour_planning import plan_term_tours, stored_tour_solution

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def _stored(db: Database) -> tuple[Plan, TourProblem, TourSolution]:
    with db.session(audited=False) as s:
        plan = s.scalars(select(Plan)).one()
        problem = problem_from_json(json.loads(plan.parameters_json)["problem"])
        return plan, problem, stored_tour_solution(s, plan)


def _where(solution: TourSolution, request: str) -> tuple[str, date, bool]:
    return next(
        (t.caravan, st.show_start.date(), st.locked)
        for t in solution.trips
        for st in t.stops
        if st.request == request
    )


@pytest.mark.slow
def test_a_legal_move_is_stored_and_an_illegal_one_refused_with_its_rule(db: Database) -> None:
    build_demo(db)
    plan_term_tours(db, FIRST, LAST, name="两周", control=SolveControl(time_limit=2))
    plan, problem, solution = _stored(db)
    one_day = {r.code for r in problem.requests if r.show_days == 1}

    # The first visit that can go a week later on its own caravan (the demo leaves such room).
    moved = None
    for trip in solution.trips:
        stop = trip.stops[0]
        day = stop.show_start.date() + timedelta(days=7)
        if stop.request not in one_day or day > LAST:
            continue
        result = move_visit(db, "两周", stop.request, trip.caravan, day, plan_version=plan.version)
        if result.moved:
            moved = (stop.request, trip.caravan, day, stop.show_start.date())
            break
        assert result.refusal is not None and result.plan_version == plan.version
    assert moved is not None
    request, caravan, day, old_day = moved
    assert (result.from_caravan, result.from_day) == (caravan, old_day)
    after, problem_after, stored = _stored(db)
    assert _where(stored, request) == (caravan, day, True)  # moved and locked there
    assert check_tours(problem_after, stored) == []
    assert json.loads(after.figures_json)["km"] == round(stored.km, 1)
    with pytest.raises(ConflictError):
        move_visit(db, "两周", request, caravan, old_day, plan_version=plan.version)

    # A province caravan (allowed everywhere) that does not fit a served request's type or themes, on
    # the request's own day: the checker's rule for the misfit is named.
    served = {st.request for t in stored.trips for st in t.stops} & one_day - {request}
    wants, wrong = next(
        (r, c)
        for r in problem.requests
        if r.code in served
        for c in problem.caravans
        if c.owner_level.value == "province"
        and (
            (r.types_allowed and c.type not in r.types_allowed)
            or (r.themes_wanted and not r.themes_wanted & c.themes)
        )
    )
    rule = (
        TourRule.WRONG_TYPE
        if wants.types_allowed and wrong.type not in wants.types_allowed
        else TourRule.NO_WANTED_THEME
    )
    where = _where(stored, wants.code)
    refused = move_visit(db, "两周", wants.code, wrong.code, where[1])
    assert not refused.moved and refused.refusal is not None and refused.refusal.rule is rule
    # What it concerns travels as codes, with the venue's name for whoever words it.
    assert (refused.refusal.caravan, refused.refusal.request) == (wrong.code, wants.code)
    assert refused.refusal.day == where[1] and refused.refusal.venue_name == wants.venue_name
    same, _, unchanged = _stored(db)
    assert same.version == after.version and unchanged == stored
