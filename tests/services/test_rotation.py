"""Planning the demo province's set rotation end to end: read, solve, check, store, export, re-check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import ExhibitSet, Plan, SetMove, SetPlacement, Venue
from caravan_app.planning.control import SolveControl
from caravan_app.planning.rotation_check import check_rotation
from caravan_app.planning.rotation_json import FORMAT, problem_from_json, solution_from_json
from caravan_app.services.demo import build_demo
from caravan_app.services.rotation import (
    build_rotation_problem,
    plan_rotation_scenario,
    rotation_periods,
    write_rotation_json,
)
from tests.budget import budget

FIRST = date(2027, 1, 1)


@pytest.mark.slow
def test_demo_rotation_is_planned_checked_stored_and_exported(db: Database, tmp_path: Path) -> None:
    build_demo(db)
    summary = plan_rotation_scenario(db, FIRST, 4, 2, name="2027 换展", control=budget())
    f = summary.figures
    assert summary.violations == ()
    assert f.sets == 12 and f.halls >= 40 and f.periods == 4
    assert 0 < f.stays <= f.set_periods_free
    assert f.hosted_bound >= f.hosted_weight > 0
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "2027 换展")).one()
        assert plan.kind.value == "rotation" and plan.objective == f.hosted_weight
        placements = s.scalars(select(SetPlacement).where(SetPlacement.plan_id == plan.id)).all()
        assert len(placements) == f.stays
        assert len(s.scalars(select(SetMove).where(SetMove.plan_id == plan.id)).all()) == f.moves
        # Never a hall that had the set in the demo's history.
        history = {
            (p.set_id, p.venue_id)
            for p in s.scalars(select(SetPlacement).where(SetPlacement.plan_id.is_(None)))
        }
        assert not {(p.set_id, p.venue_id) for p in placements} & history

    out = tmp_path / "rotation.json"
    write_rotation_json(db, "2027 换展", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["figures"] == f.to_json()
    problem, solution = problem_from_json(data["problem"]), solution_from_json(data["solution"])
    assert check_rotation(problem, solution) == []
    assert len(solution.moves) == f.moves and solution.hosted_weight == f.hosted_weight

    with pytest.raises(CaravanError, match="exists already"):
        plan_rotation_scenario(db, FIRST, 4, 2, name="2027 换展", control=SolveControl(time_limit=1))


def test_history_maintenance_and_region_rule_shape_the_problem(db: Database) -> None:
    build_demo(db)
    periods = rotation_periods(FIRST, 6, 2, 10)
    with db.session() as s:
        problem = build_rotation_problem(s, periods)
        regional = build_rotation_problem(s, periods, cities=["扬州", "泰州市"])
        with pytest.raises(CaravanError, match="no city '火星'"):
            build_rotation_problem(s, periods, cities=["火星"])
    sets = {x.code: x for x in problem.sets}
    # MS07 is refurbished until 2027-03-31 (a set maintenance record): out for the first two periods.
    assert sets["MS07"].unavailable == frozenset({0, 1})
    # A set still standing in a hall on the first day stays there until its placement ends.
    standing = [x for x in problem.sets if x.start_installed]
    assert standing and all(x.stays_at_start >= 1 for x in standing)
    # Province sets go anywhere; city sets stay in their city.
    assert sets["MS01"].cities == frozenset() and sets["MS03"].cities == frozenset({"321200"})
    # A regional swap: only Yangzhou's and Taizhou's sets, across both cities' halls.
    assert {x.code for x in regional.sets} == {"MS03", "MS04", "MS06", "MS07"}
    assert {v.city for v in regional.venues} <= {"321000", "321200"}
    assert all(x.cities == frozenset({"321000", "321200"}) for x in regional.sets)
    # Halls booked in the history are not free in the periods their bookings overlap.
    for v in problem.venues:
        assert v.periods <= frozenset(range(6))


def test_locks_are_kept_across_a_re_solve(db: Database) -> None:
    build_demo(db)
    plan_rotation_scenario(db, FIRST, 3, 2, name="R1", control=budget(), cities=["扬州", "泰州"])
    with db.session() as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.name == "R1"))
        first = s.scalars(select(SetPlacement).where(SetPlacement.plan_id == plan_id)).first()
        assert first is not None
        s.execute(update(SetPlacement).where(SetPlacement.id == first.id).values(locked=True))
        locked = (first.set_id, first.venue_id, first.period)
    plan_rotation_scenario(
        db,
        FIRST,
        3,
        2,
        name="R2",
        control=budget(),
        cities=["扬州", "泰州"],
        keep_locks_from="R1",
    )
    with db.session() as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.name == "R2"))
        kept = s.scalars(
            select(SetPlacement).where(
                SetPlacement.plan_id == plan_id,
                SetPlacement.set_id == locked[0],
                SetPlacement.venue_id == locked[1],
                SetPlacement.period == locked[2],
            )
        ).one()
        assert kept.locked
        names = (s.get(ExhibitSet, locked[0]), s.get(Venue, locked[1]))
        assert all(names)
