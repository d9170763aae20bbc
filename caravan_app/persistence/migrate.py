"""Running the Alembic migrations in db/ from code, and backing a database up.

The program upgrades the schema on start; a SQLite file is copied aside first, so a failed or
unwanted upgrade can be undone by putting the copy back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.errors import DatabaseError
from caravan_app.persistence.database import Database
from caravan_app.settings import MIGRATIONS_DIR, data_dir

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
    """Bring the schema to the newest revision; returns the backup copy made, if any (a SQLite copy
    beside the file, a pg_dump in the data folder's backups/)."""
    db.check_reachable()
    current = current_revision(db.engine)
    head = head_revision()
    if current == head:
        return None
    copy = None
    if backup and _has_tables(db.engine):
        if db.is_sqlite:
            copy = backup_sqlite(db, suffix=f"before-{head}")
        else:
            name = f"{db.url.database}-before-{head}-"
            copy = _pg_dump(db, _stamped(str(data_dir() / "backups" / name), ".dump"))
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


def check_integrity(db: Database) -> None:
    """Refuse a damaged SQLite file (SQLite's quick check), naming it and the copies beside it, before
    anything reads it, writes it or copies the damage into a backup."""
    if not db.is_sqlite or not db.url.database or not Path(db.url.database).exists():
        return
    source = _sqlite_path(db)
    connection = sqlite3.connect(f"file:{quote(str(source))}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        connection.close()
    if problems == ["ok"]:
        return
    copies = sorted(source.parent.glob(f"{source.name}.bak-*"))
    restore = f"; the newest copy beside it is {copies[-1]}" if copies else "; no copy was found beside it"
    raise DatabaseError(
        f"{source} is damaged ({problems[0]}){restore}. Restore a copy: nothing was read or written",
        code="database_damaged",
        path=str(source),
        problem=problems[0],
        copy=str(copies[-1]) if copies else "",
    )


def _new_private_file(target: Path) -> Path:
    """Create the backup's file, empty and readable by its owner only; a backup never replaces a file
    or a folder that is there already."""
    if target.is_dir():
        raise DatabaseError(
            f"{target} is a folder; name a new file for the backup", code="backup_is_folder", path=str(target)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise DatabaseError(
            f"{target} exists already; a backup never replaces a file: name a new one",
            code="backup_exists",
            path=str(target),
        ) from None
    except OSError as exc:
        raise DatabaseError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


def _stamped(stem: str, suffix: str) -> Path:
    """A new file name with the time in it; a second backup in the same second gets a number."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path, number = Path(f"{stem}{stamp}{suffix}"), 1
    while path.exists():
        number += 1
        path = Path(f"{stem}{stamp}-{number}{suffix}")
    return path


def backup_sqlite(db: Database, target: Path | None = None, suffix: str = "") -> Path:
    """A consistent copy of a SQLite file (WAL included), made with SQLite's backup API."""
    check_integrity(db)
    source = _sqlite_path(db)
    if target is None:
        target = _stamped(str(source.with_name(f"{source.name}.bak-")), f"-{suffix}" if suffix else "")
    _new_private_file(target)
    # sqlite3's context manager commits but does not close; both connections are closed here.
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def backup(db: Database, target: Path | None = None) -> Path:
    """Back up the database: SQLite by file copy, PostgreSQL with pg_dump's custom format. The file is
    new and its owner's alone."""
    if db.is_sqlite:
        return backup_sqlite(db, target)
    if target is None:
        target = _stamped(str(data_dir() / "backups" / f"{db.url.database}-"), ".dump")
    return _pg_dump(db, target)


def _pg_dump(db: Database, target: Path) -> Path:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseError(
            "pg_dump was not found on PATH; install PostgreSQL's client tools", code="pg_dump_missing"
        )
    _new_private_file(target)
    # The password goes through the environment, never the command line (which `ps` shows anyone).
    u = db.url
    url = URL.create("postgresql", u.username, None, u.host, u.port, u.database, u.query).render_as_string()
    environment = dict(os.environ)
    if db.url.password is not None:
        environment["PGPASSWORD"] = str(db.url.password)
    result = subprocess.run(
        [pg_dump, "--format=custom", f"--file={target}", f"--dbname={url}"],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        raise DatabaseError(f"pg_dump failed: {result.stderr.strip().splitlines()[-1:]}")
    return target
