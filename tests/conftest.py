"""Shared fixtures: the same tests run on SQLite and on a real PostgreSQL server.

PostgreSQL runs when CARAVAN_TEST_PG_URL names a server (`.ci/run` starts one and sets it); the
tests make and drop their own databases there. Without it the PostgreSQL cases are skipped.
"""

from __future__ import annotations

import os

# Before any Qt import anywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import URL, make_url

from caravan_app.domain.calendar import DEFAULT_CALENDAR
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Base, Holiday, SchoolTerm
from caravan_app.settings import to_url

PG_VARIABLE = "CARAVAN_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def pytest_report_header(config: pytest.Config) -> list[str]:
    pg = os.environ.get(PG_VARIABLE)
    if pg:
        shown = to_url(pg).render_as_string(hide_password=True)
        return [f"databases under test: sqlite and postgresql ({shown})"]
    return [f"databases under test: sqlite only ({PG_VARIABLE} not set: postgresql cases skipped)"]


def _pg_server_url() -> URL:
    pg = os.environ.get(PG_VARIABLE)
    if not pg:
        pytest.skip(f"PostgreSQL not configured ({PG_VARIABLE} not set)")
    return to_url(pg)


class PostgresDatabases:
    """Creates and drops scratch databases on the test server."""

    def __init__(self, server: URL) -> None:
        self.server = server
        self.admin = create_engine(server, isolation_level="AUTOCOMMIT")

    def create(self) -> URL:
        name = f"caravan_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        return self.server.set(database=name)

    def drop(self, url: URL) -> None:
        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases(_pg_server_url())
    yield databases
    databases.admin.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_databases: PostgresDatabases) -> Iterator[URL]:
    """One migrated PostgreSQL database per run; tests empty it instead of making their own."""
    url = pg_databases.create()
    db = Database(url)
    migrate.upgrade(db, backup=False)
    db.dispose()
    yield url
    pg_databases.drop(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "schema.db"
    db = Database(to_url(str(path)))
    migrate.upgrade(db, backup=False)
    db.dispose()
    return path


def _empty_tables(db: Database) -> None:
    """As a newly migrated database: no rows but the working calendar the migrations seed."""
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as c:
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        if db.engine.dialect.name == "postgresql":
            # Seeded as migration 0004 seeds it, before the server's audit triggers (0010) exist.
            c.execute(text("SET LOCAL caravan.audit = 'off'"))
        c.execute(
            insert(SchoolTerm.__table__),
            [
                {"name": t.name, "start_on": t.start, "end_on": t.end, "version": 1}
                for t in DEFAULT_CALENDAR.terms
            ],
        )
        c.execute(
            insert(Holiday.__table__),
            [{"day": h.day, "name": h.name, "version": 1} for h in DEFAULT_CALENDAR.holidays],
        )


def open_empty_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    if backend == "sqlite":
        path = tmp_path / "caravan.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return Database(to_url(str(path)), user="tester")
    db = Database(request.getfixturevalue("pg_template"), user="tester")
    _empty_tables(db)
    return db


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        _pg_server_url()
    return str(request.param)


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty database with the current schema, on each backend in turn."""
    database = open_empty_database(backend, tmp_path, request)
    yield database
    database.dispose()


@pytest.fixture
def second_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """Another empty database on the same backend as `db` (a copy target)."""
    if backend == "sqlite":
        path = tmp_path / "second.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(to_url(str(path)), user="tester")
        yield database
        database.dispose()
        return
    databases: PostgresDatabases = request.getfixturevalue("pg_databases")
    url = databases.create()
    database = Database(url, user="tester")
    migrate.upgrade(database, backup=False)
    yield database
    database.dispose()
    databases.drop(url)


@pytest.fixture
def fresh_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[URL]:
    """A URL of a database with no schema at all, on each backend in turn."""
    if backend == "sqlite":
        yield make_url(f"sqlite:///{tmp_path / 'fresh.db'}")
        return
    databases: PostgresDatabases = request.getfixturevalue("pg_databases")
    url = databases.create()
    yield url
    databases.drop(url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests ran on each database, so a CI log shows both were exercised."""
    counts: dict[str, dict[str, int]] = {b: {} for b in BACKENDS}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            for backend in BACKENDS:
                if f"[{backend}" in nodeid or f"-{backend}]" in nodeid or f"-{backend}-" in nodeid:
                    counts[backend][outcome] = counts[backend].get(outcome, 0) + 1
    terminalreporter.section("databases")
    for backend, by_outcome in counts.items():
        figures = ", ".join(f"{n} {o}" for o, n in sorted(by_outcome.items())) or "none"
        terminalreporter.write_line(f"{backend}: {figures}")
