"""Running the Alembic migrations in db/ from code, and backing a database up.

The program upgrades the schema on start; a SQLite file is copied aside first, so a failed or
unwanted upgrade can be undone by putting the copy back.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from caravan_app import log
from caravan_app.errors import DatabaseError
from caravan_app.persistence.database import Database
from caravan_app.settings import MIGRATIONS_DIR

_log = log.get(log.DATABASE)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _run(db: Database, action: str, target: str) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Bring the schema to the newest revision; returns the backup copy made, if any."""
    db.check_reachable()
    current = current_revision(db.engine)
    head = head_revision()
    if current == head:
        return None
    copy = None
    if backup and db.is_sqlite and _has_tables(db.engine):
        copy = backup_sqlite(db, suffix=f"before-{head}")
        _log.info("copied %s aside to %s before upgrading from %s", db.describe(), copy, current)
    _run(db, "upgrade", "head")
    _log.info("upgraded %s from %s to %s", db.describe(), current, head)
    return copy


def downgrade(db: Database, target: str = "base") -> None:
    _run(db, "downgrade", target)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _sqlite_path(db: Database) -> Path:
    assert db.url.database, "an in-memory SQLite database has no file to back up"
    return Path(db.url.database)


def backup_sqlite(db: Database, target: Path | None = None, suffix: str = "") -> Path:
    """A consistent copy of a SQLite file (WAL included), made with SQLite's backup API."""
    source = _sqlite_path(db)
    if target is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = source.with_name(f"{source.name}.bak-{stamp}{'-' + suffix if suffix else ''}")
    target.parent.mkdir(parents=True, exist_ok=True)
    # sqlite3's context manager commits but does not close; both connections are closed here.
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def backup(db: Database, target: Path | None = None) -> Path:
    """Back up the database: SQLite by file copy, PostgreSQL with pg_dump's custom format."""
    if db.is_sqlite:
        return backup_sqlite(db, target)
    if target is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(f"{db.url.database}-{stamp}.dump")
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseError("pg_dump was not found on PATH; install PostgreSQL's client tools")
    url = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
    result = subprocess.run(
        [pg_dump, "--format=custom", f"--file={target}", f"--dbname={url}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise DatabaseError(f"pg_dump failed: {result.stderr.strip().splitlines()[-1:]}")
    return target
