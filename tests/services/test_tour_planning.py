"""Planning the demo term end to end: read the database, solve, check, store, export, re-check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from caravan_app.domain.calendar import term
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, TourStop, Trip, UnservedRequest, VisitRequest
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.tour_json import FORMAT, problem_from_json, solution_from_json
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_planning import export_plan_json, plan_term_tours


def test_demo_term_is_planned_checked_stored_and_exported(db: Database, tmp_path: Path) -> None:
    build_demo(db)
    spring = term("2027-spring")
    summary = plan_term_tours(
        db, spring.start, spring.end, name="春季巡展", control=SolveControl(time_limit=2)
    )
    figures = summary.figures
    # What a plan always is, whatever the time it had: checked clean, every request accounted for.
    # How much it serves within a time limit is measured in bench/, not asserted here.
    assert summary.violations == () and figures.status.has_plan
    assert figures.requests >= 400 and 0 < figures.served <= figures.requests
    assert 0 <= figures.key_county_served <= figures.key_county_requests
    assert sum(figures.unserved_by_reason.values()) == figures.requests - figures.served

    with db.session() as s:
        plan = s.scalars(select(Plan)).one()
        assert plan.name == "春季巡展" and plan.status.value == "draft"
        stops = s.scalar(select(func.count()).select_from(TourStop))
        assert stops == figures.show_days
        assert s.scalar(select(func.count()).select_from(Trip)) == figures.trips
        unserved = s.scalar(select(func.count()).select_from(UnservedRequest))
        assert unserved == figures.requests - figures.served

    out = tmp_path / "plan.json"
    export_plan_json(db, "春季巡展", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["figures"] == figures.to_json()
    # An outside checker needs nothing but the file.
    problem, solution = problem_from_json(data), solution_from_json(data)
    assert len(solution.trips) == figures.trips
    assert check_tours(problem, solution) == []

    with pytest.raises(CaravanError, match="exists already"):
        plan_term_tours(db, spring.start, spring.end, name="春季巡展", control=SolveControl(time_limit=1))
    with pytest.raises(CaravanError, match="no plan named"):
        export_plan_json(db, "没有", out)


def test_a_solve_stopped_before_any_plan_stores_nothing_and_says_so(db: Database) -> None:
    build_demo(db)
    spring = term("2027-spring")
    control = SolveControl(time_limit=600)
    control.cancel()  # the Stop button, pressed before the first plan was found
    with pytest.raises(NoPlan) as raised:
        plan_term_tours(db, spring.start, spring.end, name="春季巡展", control=control)
    assert raised.value.task is SolveTask.TOURS and raised.value.status is SolveStatus.CANCELLED
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Plan)) == 0
        assert s.scalar(select(func.count()).select_from(TourStop)) == 0


@pytest.mark.slow
def test_a_re_solve_keeps_the_locked_visits_and_reads_road_distances(db: Database, tmp_path: Path) -> None:
    build_demo(db)
    first, last = date(2027, 3, 1), date(2027, 3, 26)
    plan_term_tours(db, first, last, name="三月", control=SolveControl(time_limit=2))
    with db.session() as s:
        stop = s.scalars(
            select(TourStop).join(Trip).order_by(TourStop.show_start.desc(), TourStop.id).limit(1)
        ).one()
        stop.locked = True
        kept = (stop.request.code, stop.trip.caravan.code, stop.show_start.date(), stop.venue.code)
    road = tmp_path / "road.csv"
    road.write_text(f"from,to,km\n{kept[3]},D320000,123.4\n", encoding="utf-8")
    plan_term_tours(
        db,
        first,
        last,
        name="三月二稿",
        control=SolveControl(time_limit=2),
        keep_locks_from="三月",
        distances_csv=road,
    )
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "三月二稿")).one()
        again = s.scalars(
            select(TourStop).join(Trip).where(Trip.plan_id == plan.id, TourStop.locked.is_(True))
        ).one()
        assert (again.request.code, again.trip.caravan.code, again.show_start.date()) == kept[:3]
        assert json.loads(plan.parameters_json)["problem"]["distance_km"] == [[kept[3], "D320000", 123.4]]
    bad = tmp_path / "bad.csv"
    bad.write_text("from,to,km\nA,B,far\n", encoding="utf-8")
    with pytest.raises(CaravanError, match="bad.csv row 2, column km"):
        plan_term_tours(db, first, last, name="三稿", distances_csv=bad)


@pytest.mark.slow
def test_a_re_solve_keeps_every_visit_when_all_are_locked(db: Database) -> None:
    """Improvement may reorder locked visits on a day where the exact schedule cannot keep them; the
    planner must then rebuild them in day order, never fail or drop one."""
    build_demo(db)
    first, last = date(2027, 3, 1), date(2027, 4, 16)
    plan_term_tours(db, first, last, name="全锁定前", control=SolveControl(time_limit=4))
    with db.session() as s:
        s.execute(update(TourStop).values(locked=True))
        before = {
            (code, caravan, start.date())
            for code, caravan, start in s.execute(
                select(VisitRequest.code, Trip.caravan_id, TourStop.show_start)
                .join(TourStop, TourStop.request_id == VisitRequest.id)
                .join(Trip, Trip.id == TourStop.trip_id)
            )
        }
    summary = plan_term_tours(
        db, first, last, name="全锁定后", control=SolveControl(time_limit=3), keep_locks_from="全锁定前"
    )
    assert summary.violations == ()
    with db.session() as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.name == "全锁定后"))
        after = {
            (code, caravan, start.date())
            for code, caravan, start in s.execute(
                select(VisitRequest.code, Trip.caravan_id, TourStop.show_start)
                .join(TourStop, TourStop.request_id == VisitRequest.id)
                .join(Trip, Trip.id == TourStop.trip_id)
                .where(Trip.plan_id == plan_id)
            )
        }
    assert before <= after
