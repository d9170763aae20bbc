"""Moving a visit by hand in a stored tour plan: a legal move is stored and checks clean, a move that
breaks a rule is refused with the rule named and nothing changed; the choices offered for a visit are
exactly the moves the checker accepts; an unserved request is placed by hand and taken out again."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from caravan_app.domain.outcomes import TourRule, UnservedReason
from caravan_app.errors import ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import TourProblem, TourSolution
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_edits import move_choices, move_visit, take_out_visit
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


@pytest.mark.slow
def test_the_choices_offered_for_a_visit_are_the_moves_the_checker_accepts(db: Database) -> None:
    build_demo(db)
    plan_term_tours(db, FIRST, LAST, name="两周", control=SolveControl(time_limit=2))
    plan, problem, solution = _stored(db)
    one_day = {r.code for r in problem.requests if r.show_days == 1}
    requests = {r.code: r for r in problem.requests}
    # A visit that can go somewhere else: the first whose choices are not empty.
    choices = None
    for trip in solution.trips:
        for stop in trip.stops:
            if stop.request in one_day:
                found = move_choices(db, "两周", stop.request, plan.version)
                if found.choices:
                    choices = found
                    break
        if choices is not None:
            break
    assert choices is not None, "some visit of a two-week plan fits on another day or caravan"
    request = requests[choices.request]
    assert choices.now == _where(solution, request.code)[:2]
    every_day = {
        FIRST + timedelta(days=n) for n in range((problem.calendar.end - problem.calendar.start).days + 1)
    }
    # Every caravan and day of the horizon is either offered or refused with its rule.
    assert {(c.caravan, c.day) for c in choices.choices} | set(choices.refused) == {
        (c.code, d) for c in problem.caravans for d in every_day
    } - {choices.now}
    for choice in choices.choices:
        judged = move_visit(db, "两周", request.code, choice.caravan, choice.day, plan.version, store=False)
        assert judged.refusal is None, (choice, judged.refusal)
        assert choice.day in request.dates and problem.calendar.is_working_day(choice.day)
    # What the checker refuses is never offered: a weekend, a caravan of a type or theme it does not take.
    weekend = next(d for d in sorted(every_day) if d.weekday() == 5)
    assert not any(c.day == weekend for c in choices.choices)
    assert choices.refused[(choices.now[0], weekend)].rule in {
        TourRule.SHOW_NOT_WORKING_DAY,
        TourRule.SHOW_DAY_NOT_ALLOWED,
    }
    misfits = {
        c.code
        for c in problem.caravans
        if (request.types_allowed and c.type not in request.types_allowed)
        or (request.themes_wanted and not request.themes_wanted & c.themes)
    }
    assert not any(c.caravan in misfits for c in choices.choices)
    # The km each choice adds are what the stored plan's km become.
    best = choices.choices[0]
    moved = move_visit(db, "两周", request.code, best.caravan, best.day, plan.version)
    assert moved.moved
    after, _problem, stored = _stored(db)
    assert round(stored.km - solution.km, 1) == best.km_added
    assert _where(stored, request.code) == (best.caravan, best.day, True)


@pytest.mark.slow
def test_an_unserved_request_is_placed_by_hand_and_taken_out_again(db: Database) -> None:
    build_demo(db)
    plan_term_tours(db, FIRST, LAST, name="两周", control=SolveControl(time_limit=2))
    plan, problem, solution = _stored(db)
    one_day = {r.code for r in problem.requests if r.show_days == 1}
    # A served one-day visit taken out (as an undo of a placement does) is an unserved request whose
    # old place is sure to fit it again.
    trip = min(solution.trips, key=lambda t: len(t.stops))
    stop = next(st for st in trip.stops if st.request in one_day)
    where = (trip.caravan, stop.show_start.date())
    out = take_out_visit(db, "两周", stop.request, UnservedReason.CAPACITY, plan.version)
    assert out.moved and (out.from_caravan, out.from_day) == where
    taken, problem_after, left = _stored(db)
    assert stop.request in {u.request for u in left.unserved}
    assert all(st.request != stop.request for t in left.trips for st in t.stops)
    assert check_tours(problem_after, left) == []
    assert json.loads(taken.figures_json)["served"] == json.loads(plan.figures_json)["served"] - 1

    choices = move_choices(db, "两周", stop.request, taken.version)
    assert choices.now is None and choices.unserved_reason is UnservedReason.CAPACITY
    assert choices.fits(*where)
    placed = move_visit(db, "两周", stop.request, *where, plan_version=taken.version)
    assert placed.moved and placed.from_reason is UnservedReason.CAPACITY and placed.from_day is None
    again, problem_again, stored = _stored(db)
    assert _where(stored, stop.request) == (*where, True)
    assert stop.request not in {u.request for u in stored.unserved}
    assert check_tours(problem_again, stored) == []
    assert json.loads(again.figures_json)["served"] == json.loads(plan.figures_json)["served"]
