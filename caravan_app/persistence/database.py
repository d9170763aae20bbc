"""Engine and Session factory for SQLite or PostgreSQL, and the one way a unit of work is saved.

`Database.session()` is the caller's unit of work: it commits at the end, or rolls back everything,
and turns the driver's errors into the program's own (a stale save into ConflictError).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from caravan_app import log
from caravan_app.errors import ConflictError, DatabaseError, IntegrityViolation, NotPermitted
from caravan_app.persistence import audit
from caravan_app.settings import describe

_log = log.get(log.DATABASE)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_pragmas_without_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_engine_for(url: URL, *, wal: bool = True) -> Engine:
    """The engine for a URL. `wal=False` keeps a SQLite file in its rollback-journal mode, so that all
    it holds is in the one file once its connections are closed (a file built beside and moved)."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas if wal else _sqlite_pragmas_without_wal)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL; None for another database, an in-memory one or a `file:` URI."""
    name = url.database
    if url.get_backend_name() != "sqlite" or not name or name == ":memory:" or url.query.get("uri"):
        return None
    return Path(name)


@contextmanager
def schema_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for a change of the schema: committed whole at the end, and
    undone whole by the database if the program dies before (kill -9, power cut).

    PostgreSQL's DDL is transactional as it is. Python's sqlite3 sends no BEGIN before CREATE, ALTER or
    DROP, so on SQLite each would commit on its own and a crash would leave half a schema (a table
    made, the `_alembic_tmp_` copy of a batch migration); an explicit BEGIN makes SQLite's journal
    hold them all until the COMMIT.
    """
    with engine.begin() as connection:
        driver = connection.connection.driver_connection
        # A driver that keeps a transaction open itself (sqlite3's autocommit=False) needs no BEGIN.
        if connection.dialect.name == "sqlite" and not getattr(driver, "in_transaction", False):
            # IMMEDIATE: the write lock is taken now (or waited for), not halfway through.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        yield connection


class Database:
    """One database the program works on: its engine and a factory of audited sessions."""

    def __init__(self, url: URL, user: str | None = None) -> None:
        self.url = url
        self._user = user
        try:
            self.engine = create_engine_for(url)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise DatabaseError(f"cannot use database {describe(url)}: {_first_line(exc)}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # On PostgreSQL the server writes the audit log itself (migration 0010's triggers), naming the
        # signed-in role: a name the desktop sent could be anyone's.
        if self.is_sqlite:
            audit.install(self._sessions, user)
        event.listen(self._sessions, "before_flush", _remember_updated_rows)

    @property
    def user_name(self) -> str:
        """Who works on this database, for what the program signs itself (a kit's exporter): on
        PostgreSQL the role it signs in as (libpq's default is the login name), on SQLite the name
        it was given or the login name."""
        if self.url.get_backend_name() == "sqlite":
            return self._user or audit.current_user()
        return self.url.username or audit.current_user()

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        return describe(self.url)

    def check_reachable(self) -> None:
        """Refuse a database that cannot be opened. A SQLite file not there yet is not made here (the
        schema's upgrade makes it whole, or not at all): its folder must take a new file."""
        path = sqlite_file(self.url)
        if path is not None and not path.exists():
            if not path.parent.is_dir() or not os.access(path.parent, os.W_OK | os.X_OK):
                raise DatabaseError(f"cannot open {self.describe()}: {path.parent} takes no new file")
            return
        try:
            with self.engine.connect():
                pass
        except OperationalError as exc:
            raise DatabaseError(f"cannot open {self.describe()}: {_first_line(exc)}") from exc

    def check_writable(self) -> None:
        """Refuse, before a long piece of work, a database it could not save into: read-only, or locked
        by another program beyond the busy timeout (DatabaseError with code database_read_only)."""
        try:
            with self.engine.connect() as connection:
                if self.is_sqlite:
                    # A write that changes nothing, undone at once: it needs the write lock and a file
                    # open for writing, as a save would (BEGIN IMMEDIATE alone passes on a read-only file).
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                    try:
                        connection.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")
                    finally:
                        connection.exec_driver_sql("ROLLBACK")
                    return
                read_only = connection.exec_driver_sql("SHOW transaction_read_only").scalar()
        except OperationalError as exc:
            raise DatabaseError(
                f"cannot save into {self.describe()}: {_first_line(exc.orig)}",
                code="database_read_only",
                database=self.describe(),
                reason=_first_line(exc.orig),
            ) from exc
        if read_only == "on":
            raise DatabaseError(
                f"cannot save into {self.describe()}: the server takes reads only",
                code="database_read_only",
                database=self.describe(),
                reason="read-only transactions",
            )

    @contextmanager
    def session(self, *, audited: bool = True) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back whole on any error."""
        session = self._sessions()
        session.info["audit"] = audited
        if not audited and not self.is_sqlite:
            # Heeded by the server's audit trigger only for a role with no account (see migration 0010).
            event.listen(session, "after_begin", _unaudited_transaction)
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            table, key = _stale_row(session, exc)
            session.rollback()
            raise ConflictError(table, key) from exc
        except IntegrityError as exc:
            session.rollback()
            reason = _first_line(exc.orig)
            raise IntegrityViolation(f"not saved, a database rule refused it: {reason}") from exc
        except DBAPIError as exc:
            session.rollback()
            refused = not_permitted(exc)
            if refused is not None:
                raise refused from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


_WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:\"?\w+\"?\.)?\"?(\w+)", re.IGNORECASE)
_ACTIONS = {"insert": "insert", "update": "update", "delete": "delete"}


def not_permitted(exc: DBAPIError) -> NotPermitted | None:
    """The server's refusal of a change (SQLSTATE 42501) as the program's error, else None.

    The guard triggers of migration 0010 say which table, row and action in a JSON detail; a refusal
    by grants or a row-level security policy names no row, and the table is then the one the refused
    statement (the program's own) writes."""
    if getattr(exc.orig, "sqlstate", None) != "42501":
        return None
    diag = getattr(exc.orig, "diag", None)
    detail = getattr(diag, "message_detail", None) or ""
    try:
        named = json.loads(detail) if detail.startswith("{") else {}
    except ValueError:
        named = {}
    if named:
        return NotPermitted(
            str(named.get("table", "")), str(named.get("row") or ""), str(named.get("action", ""))
        )
    match = _WRITE.match(str(exc.statement or ""))
    verb = str(exc.statement or "").split(None, 1)[0].lower() if exc.statement else ""
    return NotPermitted(match.group(1) if match else "", "", _ACTIONS.get(verb, ""))


def _unaudited_transaction(_session: Session, _transaction: Any, connection: Connection) -> None:
    connection.exec_driver_sql("SET LOCAL caravan.audit = 'off'")


def _first_line(exc: BaseException | None) -> str:
    text = str(exc or "").strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _row_label(obj: Any) -> str:
    for attr in ("code", "adcode", "name", "id"):
        if hasattr(obj, attr):
            return str(getattr(obj, attr))
    return "?"


def _remember_updated_rows(session: Session, _context: Any, _instances: Any) -> None:
    """Keep what a flush updates: a failed flush forgets it, and the conflict message needs it."""
    session.info["updating"] = [
        (inspect(obj).mapper.local_table.name, _row_label(obj))
        for obj in list(session.dirty) + list(session.deleted)
    ]


def _stale_row(session: Session, exc: StaleDataError) -> tuple[str, str]:
    """The table and the code of the row whose save went stale, for the conflict message."""
    match = re.search(r"table '(\w+)'", str(exc))
    table = match.group(1) if match else "row"
    keys = [key for name, key in session.info.get("updating", []) if name == table]
    return table, ", ".join(keys) if keys else "?"
