"""Plan names and where a plan is saved (issue 15, rows 15 and 16): two solves with the same default name
both keep their plans; a chosen name already taken, a read-only database, are refused before the solve."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from caravan_app.errors import CaravanError, DatabaseError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan
from caravan_app.planning.control import SolveControl
from caravan_app.services import tour_planning
from caravan_app.services.tour_planning import plan_term_tours

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 3)


def solve(db: Database, name: str, chosen: bool) -> str:
    control = SolveControl(time_limit=60, solution_limit=1)
    return plan_term_tours(db, FIRST, LAST, name=name, chosen_name=chosen, control=control).name


def test_the_same_default_name_twice_keeps_both_plans(db: Database) -> None:
    first = solve(db, "2027-spring tours 2027-03-01 08:00:00", chosen=False)
    second = solve(db, "2027-spring tours 2027-03-01 08:00:00", chosen=False)
    third = solve(db, "2027-spring tours 2027-03-01 08:00:00", chosen=False)
    assert (first, second, third) == (
        "2027-spring tours 2027-03-01 08:00:00",
        "2027-spring tours 2027-03-01 08:00:00 (2)",
        "2027-spring tours 2027-03-01 08:00:00 (3)",
    )
    with db.session(audited=False) as s:
        assert len(list(s.scalars(select(Plan.name)))) == 3


def no_solve(*_args: Any, **_kwargs: Any) -> None:
    raise AssertionError("the solve must not start")


def test_a_chosen_name_taken_is_refused_before_the_solve(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    solve(db, "春季", chosen=True)
    monkeypatch.setattr(tour_planning, "plan_tours", no_solve)
    with pytest.raises(CaravanError) as refused:
        solve(db, "春季", chosen=True)
    assert refused.value.code == "plan_name_taken" and refused.value.values["name"] == "春季"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_read_only_sqlite_file_is_refused_before_the_solve(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = Path(db.url.database or "")
    db.dispose()
    # As root, file permissions would not stop a write: SQLite's own read-only mode does.
    read_only = Database(make_url(f"sqlite:///file:{path}?mode=ro&uri=true"), user="tester")
    monkeypatch.setattr(tour_planning, "plan_tours", no_solve)
    try:
        with pytest.raises(DatabaseError) as refused:
            solve(read_only, "只读", chosen=True)
    finally:
        read_only.dispose()
    assert refused.value.code == "database_read_only"
    assert "readonly" in str(refused.value.values["reason"])


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_read_only_postgresql_session_is_refused_before_the_solve(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = db.url.update_query_dict({"options": "-c default_transaction_read_only=on"})
    read_only = Database(url, user="tester")
    monkeypatch.setattr(tour_planning, "plan_tours", no_solve)
    try:
        with pytest.raises(DatabaseError) as refused:
            solve(read_only, "只读", chosen=True)
    finally:
        read_only.dispose()
    assert refused.value.code == "database_read_only"
