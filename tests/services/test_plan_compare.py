"""Comparing two real tour plans of the demo province, made by small solves: the figures agree with
what each solve stored and with the rows, requests gained and lost are exactly the difference of what
each plan serves (with the venue, the county and why the other plan leaves each out), trips changed
add up, and plans over different dates are told apart."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from caravan_app.domain.enums import PlanStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, Region, TourStop, Trip, UnservedRequest, Venue, VisitRequest
from caravan_app.planning.control import SolveControl
from caravan_app.services.plan_compare import compare_plans
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.services.tour_plans import tour_plans
from tests.services.conftest import TOUR

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 5)


def _plan_id(db: Database, name: str) -> int:
    return next(p.id for p in tour_plans(db) if p.name == name)


def _served(db: Database, name: str) -> dict[str, tuple[str, str]]:
    """Request code -> (venue, county) of every request the plan serves, read from its rows."""
    with db.session(audited=False) as s:
        rows = s.execute(
            select(VisitRequest.code, Venue.name, Region.name)
            .select_from(TourStop)
            .join(Trip, Trip.id == TourStop.trip_id)
            .join(Plan, Plan.id == Trip.plan_id)
            .join(VisitRequest, VisitRequest.id == TourStop.request_id)
            .join(Venue, Venue.id == VisitRequest.venue_id)
            .join(Region, Region.id == Venue.county_id)
            .where(Plan.name == name)
        )
        return {code: (venue, county) for code, venue, county in rows}


def _unserved(db: Database, name: str) -> dict[str, str]:
    with db.session(audited=False) as s:
        rows = s.execute(
            select(VisitRequest.code, UnservedRequest.reason)
            .join(VisitRequest, VisitRequest.id == UnservedRequest.request_id)
            .join(Plan, Plan.id == UnservedRequest.plan_id)
            .where(Plan.name == name)
        )
        return {code: reason.value for code, reason in rows}


def test_two_plans_of_one_week_compare_figure_by_figure_and_request_by_request(
    planned_week: Database,
) -> None:
    db = planned_week
    spread = "每车最多两天"
    plan_term_tours(db, FIRST, LAST, name=spread, control=SolveControl(time_limit=2), max_days_per_caravan=2)
    c = compare_plans(db, _plan_id(db, TOUR), _plan_id(db, spread))
    assert not c.horizons_differ and not c.same_plan
    stored = {p.name: p.tour for p in tour_plans(db)}
    for side in (c.first, c.second):
        figures = stored[side.name]
        assert side.status is PlanStatus.DRAFT and (side.start, side.end) == (FIRST, LAST)
        assert (side.served, side.requests, side.trips) == (figures.served, figures.requests, figures.trips)
        assert (side.key_county_served, side.key_county_requests) == (
            figures.key_county_served,
            figures.key_county_requests,
        )
        assert abs(side.km - figures.km) < 1.0
        assert side.days_on_road == figures.total_days_on_road
    # The cap holds in the second plan, and the days per caravan add up to each plan's total.
    assert all(d.second_days <= 2 for d in c.caravans)
    assert sum(d.first_days for d in c.caravans) == c.first.days_on_road
    assert sum(d.second_days for d in c.caravans) == c.second.days_on_road

    first, second = _served(db, TOUR), _served(db, spread)
    unserved_first, unserved_second = _unserved(db, TOUR), _unserved(db, spread)
    assert {g.served.request_code for g in c.gained} == set(second) - set(first)
    assert {lost.served.request_code for lost in c.lost} == set(first) - set(second)
    assert c.first.served - len(c.lost) + len(c.gained) == c.second.served
    for change in c.lost:
        visit = change.served
        assert (visit.venue_name, visit.county) == first[visit.request_code]
        # The same requests in both (one week): the other plan left it out for a reason it gives.
        assert change.reason is not None and change.reason.value == unserved_second[visit.request_code]
        assert FIRST <= visit.day <= LAST
    for change in c.gained:
        assert change.reason is not None and change.reason.value == unserved_first[change.served.request_code]

    assert c.trips_same + c.trips_only_first == c.first.trips
    assert c.trips_same + c.trips_only_second == c.second.trips
    assert sum(d.trips_changed for d in c.caravans) == len(c.changed_trips)
    assert (c.only_first_requests, c.only_second_requests) == (0, 0)

    same = compare_plans(db, c.first.id, c.first.id)
    assert same.same_plan and not same.gained and not same.lost and not same.changed_trips
    assert same.trips_same == c.first.trips


def test_requests_a_plan_never_saw_are_lost_with_no_reason(planned_week: Database) -> None:
    db = planned_week
    served = sorted(_served(db, TOUR))
    offered = served[: len(served) // 2]
    plan_term_tours(db, FIRST, LAST, name="半数需求", control=SolveControl(time_limit=2), requests=offered)
    c = compare_plans(db, _plan_id(db, TOUR), _plan_id(db, "半数需求"))
    never_offered = set(served) - set(offered)
    lost = {change.served.request_code: change for change in c.lost}
    assert never_offered <= set(lost)
    for code in never_offered:
        change = lost[code]
        assert change.reason is None  # not left out by the second plan: never among its requests
        assert (change.served.venue_name, change.served.county) == _served(db, TOUR)[code]
    assert c.only_first_requests >= len(never_offered) and c.only_second_requests == 0
    assert not c.horizons_differ


def test_plans_over_different_dates_are_told_apart(planned_week: Database) -> None:
    db = planned_week
    longer = "三月前两周"
    plan_term_tours(db, FIRST, date(2027, 3, 12), name=longer, control=SolveControl(time_limit=3))
    c = compare_plans(db, _plan_id(db, TOUR), _plan_id(db, longer))
    assert c.horizons_differ
    assert (c.first.horizon_days, c.second.horizon_days) == (5, 12)
    # The second week's requests are no request of the first plan: gained, with no reason of the first
    # plan's, since it never saw them.
    assert c.only_second_requests > 0
    outside = [g for g in c.gained if g.reason is None]
    assert outside and all(g.served.day > LAST for g in outside)
    first_requests = set(_served(db, TOUR)) | set(_unserved(db, TOUR))
    assert {g.served.request_code for g in outside} <= set(_served(db, longer)) - first_requests
