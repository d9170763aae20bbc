"""A copy of the user's database to work on and throw away: `caravan-app screenshots` solves and stores
its example plans there, never in the database it was pointed at, which is only read.

A SQLite file is copied with SQLite's backup API (consistent even while the program has it open); any
other database (PostgreSQL) is copied row by row into a new SQLite file of the same schema.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.errors import CaravanError
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database, sqlite_file
from caravan_app.persistence.models import Base
from caravan_app.services.database import open_database
from caravan_app.settings import describe

_log = log.get(log.DATABASE)

# Rows read and written at a time when copying table by table.
BATCH = 2000


def scratch_copy(url: URL, folder: Path) -> Database:
    """A SQLite database in `folder` holding what the database at `url` holds, its schema at the
    newest revision. The database at `url` is read, never written."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "scratch.db"
    if target.exists():
        raise CaravanError(f"{target} exists already; a scratch copy goes into a new file")
    source = sqlite_file(url)
    if source is not None:
        if not source.exists():
            raise CaravanError(f"{source} does not exist: there is no database to copy")
        _copy_file(source, target)
        return open_database(str(target))  # a file of an older revision is upgraded here, in the copy
    original = Database(url)
    try:
        original.check_reachable()
        revision, head = migrate.current_revision(original.engine), migrate.head_revision()
        if revision != head:
            raise CaravanError(
                f"{describe(url)} is at schema revision {revision or 'empty'}, not {head}; "
                "upgrade it first (caravan-app db upgrade)"
            )
        copy = open_database(str(target))
        _copy_rows(original, copy)
    finally:
        original.dispose()
    _log.info("copied %s to %s", describe(url), target)
    return copy


def _copy_file(source: Path, target: Path) -> None:
    # A connection that only reads: SQLite neither changes the file nor leaves a -wal beside it.
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _copy_rows(source: Database, target: Database) -> None:
    """Every row of every table of the schema, in one transaction on the target."""
    tables = Base.metadata.sorted_tables
    with source.engine.connect() as read, target.engine.connect() as write:
        # The rows are as consistent as the source keeps them; checking each foreign key as it is
        # inserted would only force an order on tables that refer to themselves.
        write.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, or SQLite ignores it
        write.commit()
        try:
            for table in reversed(tables):
                write.execute(delete(table))  # what the migrations seed (the working calendar)
            for table in tables:
                ordered = select(table).order_by(*table.primary_key.columns)
                result = read.execution_options(stream_results=True).execute(ordered)
                for rows in result.mappings().partitions(BATCH):
                    write.execute(insert(table), [dict(r) for r in rows])
            write.commit()
        finally:
            write.rollback()
            write.exec_driver_sql("PRAGMA foreign_keys=ON")
            write.commit()
