"""Schema changes survive a crash (issue 15, row 5): the program is killed for real (SIGKILL, in a child
process) while a new database gets its schema and while a 0004 database is upgraded, and the next start
finds either nothing or the whole schema, the old schema as it was, or a refusal naming the copy to
restore. On SQLite and, where a server is configured, on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import URL

from caravan_app.cli import main
from caravan_app.errors import DatabaseError
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Base
from caravan_app.services.database import open_database
from caravan_app.settings import to_url

REPOSITORY = Path(__file__).resolve().parents[2]

# The child opens the database as the program does, and kills itself with SIGKILL at the crash point:
# right after a statement matching the pattern ran on the database under test (not on the schemas the
# program builds in memory to compare against), or around the link that puts a new file in place.
# "legacy" runs it as the program before this fix did: each CREATE, ALTER or DROP a transaction of its
# own, and a new file made in place.
CHILD = """
import os, re, signal, sys
from sqlalchemy import Engine, event

target, crash_at, legacy = sys.argv[1], sys.argv[2], sys.argv[3] == "legacy"

def crash():
    os.kill(os.getpid(), signal.SIGKILL)

if crash_at in ("before link", "after link"):
    real_link = os.link
    def link(source, destination):
        if crash_at == "after link":
            real_link(source, destination)
        crash()
    os.link = link
else:
    @event.listens_for(Engine, "after_cursor_execute")
    def crash_after(connection, cursor, statement, *args):
        if connection.engine.url.database and re.match(crash_at, statement.lstrip()):
            crash()

from caravan_app.persistence import migrate
if legacy:
    migrate.schema_transaction = lambda engine: engine.begin()
    migrate._build_beside = lambda target: False

from caravan_app.services.database import open_database
open_database(target)
raise SystemExit("the crash point was never reached")
"""


def crash_while_opening(target: str, crash_at: str, data: Path, *, legacy: bool = False) -> None:
    environment = dict(os.environ, CARAVAN_DATA_DIR=str(data), PYTHONPATH=str(REPOSITORY))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, target, crash_at, "legacy" if legacy else "now"],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


def dump(path: Path) -> list[str]:
    """Everything a SQLite file holds, schema and rows, as SQL."""
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def assert_whole_at_head(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert not [t for t in tables if t.startswith("_alembic_tmp_")]


def head_statement() -> str:
    return f"UPDATE alembic_version SET version_num='{migrate.head_revision()}'"


# -- a new SQLite file --------------------------------------------------------------------------------

NEW_FILE_CRASHES = [
    "CREATE TABLE plans",  # a few tables of 0001 made
    "INSERT INTO alembic_version",  # 0001 complete
    "INSERT INTO _alembic_tmp_events",  # halfway through 0005's copy of the events table
    head_statement(),  # the last statement before the commit
    "before link",  # complete, not yet under its name
    "after link",  # under its name, the building name not yet removed
]


@pytest.mark.parametrize("crash_at", NEW_FILE_CRASHES)
def test_a_new_sqlite_file_is_made_whole_or_not_at_all(tmp_path: Path, crash_at: str) -> None:
    target = tmp_path / "new.db"
    crash_while_opening(str(target), crash_at, tmp_path / "data")

    if target.exists():  # only once it is complete
        assert crash_at == "after link"
        with closing(sqlite3.connect(target)) as connection:
            assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
            assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
                (migrate.head_revision(),)
            ]

    db = open_database(str(target))  # the next start
    try:
        assert_whole_at_head(db)
    finally:
        db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if ".creating-" in p.name) == []


@pytest.mark.parametrize("crash_at", ["CREATE TABLE plans", "CREATE TABLE tour_stops"])
def test_a_file_half_made_by_the_older_program_is_made_again_when_it_holds_nothing(
    tmp_path: Path, crash_at: str
) -> None:
    target = tmp_path / "new.db"
    crash_while_opening(str(target), crash_at, tmp_path / "data", legacy=True)
    with closing(
        sqlite3.connect(target)
    ) as connection:  # the state the issue saw: 'audit_log already exists'
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "audit_log" in names

    db = open_database(str(target))
    try:
        assert_whole_at_head(db)
    finally:
        db.dispose()


def test_only_the_leftovers_of_builds_no_longer_running_are_removed(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    gone, running = int(finished.stdout), os.getppid()
    for pid in (gone, running):
        for suffix in ("", "-journal"):
            (tmp_path / f"new.db.creating-{pid}{suffix}").write_bytes(b"")
    db = open_database(str(tmp_path / "new.db"))
    db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if ".creating-" in p.name) == [
        f"new.db.creating-{running}",
        f"new.db.creating-{running}-journal",
    ]


# -- upgrading a SQLite file from 0004 ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_0004(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file at revision 0004 holding the demo province (its events among others)."""
    path = tmp_path_factory.mktemp("at-0004") / "old.db"
    assert main(["--db", str(path), "demo", "--seed", "3"]) == 0
    db = Database(to_url(str(path)))
    migrate.downgrade(db, "0004")
    db.dispose()
    return path


@pytest.fixture
def old_file(sqlite_0004: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "caravan.db"
    source, copy = sqlite3.connect(sqlite_0004), sqlite3.connect(path)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    yield path


UPGRADE_CRASHES = [
    "CREATE TABLE _alembic_tmp_events",
    "INSERT INTO _alembic_tmp_events",
    "DROP TABLE events",
    "CREATE TABLE kit_imports",
    head_statement(),
]


@pytest.mark.parametrize("crash_at", UPGRADE_CRASHES)
def test_an_interrupted_sqlite_upgrade_leaves_0004_as_it_was_and_the_next_start_upgrades(
    old_file: Path, tmp_path: Path, crash_at: str
) -> None:
    before = dump(old_file)
    events = len([line for line in before if line.startswith('INSERT INTO "events"')])
    assert events > 0

    crash_while_opening(str(old_file), crash_at, tmp_path / "data")

    assert dump(old_file) == before  # rolled back whole: the schema and every row as they were
    db = open_database(str(old_file))  # the next start
    try:
        assert_whole_at_head(db)
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM events").scalar() == events
    finally:
        db.dispose()


def test_a_file_left_half_upgraded_by_the_older_program_is_refused_naming_the_copy_to_restore(
    old_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's case: 0004 → 0005 killed in the program before this fix left `_alembic_tmp_events`.
    Every command now refuses the file, naming the copy made before that upgrade, and copies nothing."""
    crash_while_opening(str(old_file), "INSERT INTO _alembic_tmp_events", tmp_path / "data", legacy=True)
    (copy,) = tmp_path.glob("caravan.db.bak-*")  # made before the upgrade began

    with pytest.raises(DatabaseError) as refused:
        open_database(str(old_file))
    assert refused.value.code == "schema_interrupted"
    assert refused.value.values["copy"] == str(copy)
    assert "_alembic_tmp_events" in str(refused.value) and str(copy) in str(refused.value)

    for argv in (["db", "status"], ["db", "upgrade"], ["db", "backup"], ["export", str(tmp_path / "x.xlsx")]):
        assert main(["--db", str(old_file), *argv]) == 1, argv
        err = capsys.readouterr().err
        assert "interrupted" in err and str(copy) in err and "unexpected" not in err, err
    assert list(tmp_path.glob("caravan.db.bak-*")) == [copy]  # the half-changed file was not copied

    for suffix in ("-wal", "-shm"):
        Path(f"{old_file}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(copy, old_file)  # what the message asks
    db = open_database(str(old_file))
    try:
        assert_whole_at_head(db)
    finally:
        db.dispose()


def test_tables_of_a_later_revision_without_a_batch_copy_are_found_too(old_file: Path) -> None:
    """An older program killed in 0002 → 0003 or 0006 → 0007 left tables or columns of the next revision
    and no `_alembic_tmp_` table; the schema is compared with what the recorded revision makes."""
    with closing(sqlite3.connect(old_file)) as connection:
        connection.execute("CREATE TABLE kit_imports (id INTEGER PRIMARY KEY)")
    with pytest.raises(
        DatabaseError, match=r"revision 0004, yet table kit_imports.*no whole copy"
    ) as refused:
        open_database(str(old_file))
    assert refused.value.code == "schema_interrupted" and refused.value.values["copy"] == ""


# -- PostgreSQL ---------------------------------------------------------------------------------------


def columns(db: Database) -> dict[str, set[str]]:
    found = inspect(db.engine)
    return {t: {c["name"] for c in found.get_columns(t)} for t in found.get_table_names()}


def pg_target(url: URL) -> str:
    return url.render_as_string(hide_password=False)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("crash_at", ["CREATE TABLE plans", "CREATE TABLE kit_imports", head_statement()])
def test_an_interrupted_creation_on_postgresql_leaves_no_table(
    backend: str, fresh_url: URL, tmp_path: Path, crash_at: str
) -> None:
    crash_while_opening(pg_target(fresh_url), crash_at, tmp_path / "data")
    db = Database(fresh_url)
    try:
        assert inspect(db.engine).get_table_names() == []
        assert migrate.upgrade(db, backup=False) is None  # the next start
        assert_whole_at_head(db)
    finally:
        db.dispose()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("crash_at", ["ALTER TABLE events ADD COLUMN status", "CREATE TABLE kit_imports"])
def test_an_interrupted_postgresql_upgrade_leaves_0004_as_it_was(
    backend: str, fresh_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_at: str
) -> None:
    db = Database(fresh_url)
    try:
        migrate.upgrade(db, backup=False)
        migrate.downgrade(db, "0004")
        before = columns(db)
        db.dispose()

        crash_while_opening(pg_target(fresh_url), crash_at, tmp_path / "data")

        assert migrate.current_revision(db.engine) == "0004"
        assert columns(db) == before
        monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path / "data"))
        migrate.upgrade(db)  # the next start: a pg_dump, then the upgrade
        assert_whole_at_head(db)
    finally:
        db.dispose()
