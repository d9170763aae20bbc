"""Fixtures of the service tests: the demo province with a one-week tour plan, built once per module
on each backend (a SQLite file each test copies, a PostgreSQL database each test clones)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.planning.control import SolveControl
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.settings import to_url
from tests.conftest import PostgresDatabases

TOUR = "三月第一周"


def _plan(db: Database) -> None:
    build_demo(db)
    plan_term_tours(db, date(2027, 3, 1), date(2027, 3, 5), name=TOUR, control=SolveControl(time_limit=2))


@pytest.fixture(scope="module")
def sqlite_planned_week(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The demo and a one-week tour plan, built once per module in a file each test copies."""
    path = tmp_path_factory.mktemp("kit") / "planned.db"
    shutil.copy(sqlite_template, path)
    db = Database(to_url(str(path)))
    _plan(db)
    db.dispose()
    return path


@pytest.fixture(scope="module")
def pg_planned_week(pg_databases: PostgresDatabases) -> Iterator[URL]:
    url = pg_databases.create()
    db = Database(url)
    migrate.upgrade(db, backup=False)
    _plan(db)
    db.dispose()
    yield url
    pg_databases.drop(url)


@pytest.fixture
def planned_week(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A database of its own with the planned demo: a file copy, or a PostgreSQL clone."""
    if backend == "sqlite":
        path = tmp_path / "planned.db"
        shutil.copy(request.getfixturevalue("sqlite_planned_week"), path)
        db = Database(to_url(str(path)), user="tester")
        yield db
        db.dispose()
        return
    template: URL = request.getfixturevalue("pg_planned_week")
    databases: PostgresDatabases = request.getfixturevalue("pg_databases")
    url = template.set(database=f"caravan_test_{uuid.uuid4().hex[:12]}")
    with databases.admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{url.database}" TEMPLATE "{template.database}"'))
    db = Database(url, user="tester")
    yield db
    db.dispose()
    databases.drop(url)
