"""Running the Alembic migrations in db/ from code, and backing a database up.

The program upgrades the schema on start; a SQLite file is copied aside first, so a failed or
unwanted upgrade can be undone by putting the copy back.

A schema change survives a crash (issue 15, row 5): every upgrade runs in one transaction, which the
database undoes whole if the program dies; a new SQLite file is built beside its name and moved there
only when complete. A file left half-changed by an older program is refused, naming a whole copy.
"""

from __future__ import annotations

import functools
import graphlib
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.errors import DatabaseError
from caravan_app.persistence.database import Database, create_engine_for, schema_transaction, sqlite_file
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
    path = sqlite_file(engine.url)
    if path is not None and not path.exists():
        return None  # asking must not make the file: a new one is built whole, beside it
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _run(db: Database, action: str, target: str, drop_first: tuple[str, ...] = ()) -> None:
    _migrate(db.engine, action, target, drop_first=drop_first)


def _migrate(engine: Engine, action: str, target: str, *, drop_first: tuple[str, ...] = ()) -> None:
    """All the migrations to `target` in one transaction (alembic joins the caller's transaction and
    commits nothing itself): a crash anywhere leaves the schema as it was before."""
    config = alembic_config()
    with schema_transaction(engine) as connection:
        for table in drop_first:
            connection.exec_driver_sql(f'DROP TABLE "{table}"')
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Bring the schema to the newest revision; returns the backup copy made, if any (a SQLite copy
    beside the file, a pg_dump in the data folder's backups/).

    A SQLite file that is not there yet is built beside its name and moved there complete. A file
    left half-changed by an interrupted upgrade of an older program is refused (check_schema) before
    anything is copied, so that the copy named stays the whole one made before that upgrade."""
    db.check_reachable()
    path = sqlite_file(db.url)
    if path is not None:
        _remove_abandoned_builds(path)
        if not path.exists():
            if _build_beside(path):
                return None
    drop_first = check_schema(db)
    current = current_revision(db.engine)
    head = head_revision()
    if current == head:
        return None
    copy = None
    if backup and not drop_first and _has_tables(db.engine):
        if db.is_sqlite:
            copy = backup_sqlite(db, suffix=f"before-{head}")
        else:
            name = f"{db.url.database}-before-{head}-"
            copy = _pg_dump(db, _stamped(str(data_dir() / "backups" / name), ".dump"))
        _log.info("copied %s aside to %s before upgrading from %s", db.describe(), copy, current)
    if drop_first:
        _log.warning(
            "%s holds the empty tables of a creation that was interrupted (%s): made again",
            db.describe(),
            ", ".join(drop_first),
        )
    _run(db, "upgrade", "head", drop_first)
    _log.info("upgraded %s from %s to %s", db.describe(), current, head)
    return copy


def downgrade(db: Database, target: str = "base") -> None:
    _run(db, "downgrade", target)


_BUILDING = ".creating-"


def _build_beside(target: Path) -> bool:
    """Make a new SQLite file at `target` with the whole schema, or nothing there: it is built as
    `<name>.creating-<pid>` in the same folder and linked to its name when complete. False when
    another program made `target` meanwhile (it is then used as it is)."""
    building = target.with_name(f"{target.name}{_BUILDING}{os.getpid()}")
    _remove_build(building)
    # Rollback-journal mode: once its connections are closed, the one file holds everything.
    engine = create_engine_for(URL.create("sqlite", database=str(building)), wal=False)
    try:
        _migrate(engine, "upgrade", "head")
    except BaseException:
        engine.dispose()
        _remove_build(building)
        raise
    engine.dispose()
    try:
        with open(building, "r+b") as file:
            os.fsync(file.fileno())
        try:
            # A link, not a rename: it never replaces a database another program made meanwhile.
            os.link(building, target)
        except FileExistsError:
            _log.info("%s was made by another program meanwhile; that one is used", target)
            return False
        except FileNotFoundError:
            raise DatabaseError(
                f"cannot create {target}: another program removed it while it was being made; start again"
            ) from None
        except OSError:
            # A file system without hard links: a rename, which the check above leaves only a moment
            # to race with.
            if target.exists():
                return False
            os.replace(building, target)
        _sync_folder(target.parent)
    finally:
        _remove_build(building)
    _log.info("created %s with the schema at %s", target, head_revision())
    return True


def _remove_build(building: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no handle on a folder to flush; NTFS journals its names itself
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_abandoned_builds(target: Path) -> None:
    """Remove what a build killed before its end left beside `target`: `<name>.creating-<pid>` files
    of programs that are no longer running. A build still running is left alone."""
    pattern = re.compile(re.escape(target.name + _BUILDING) + r"(\d+)(?:-journal|-wal|-shm)?")
    if not target.parent.is_dir():
        return
    for leftover in target.parent.iterdir():
        match = pattern.fullmatch(leftover.name)
        if match is None or _is_running(int(match.group(1))):
            continue
        try:
            leftover.unlink()
        except OSError:  # in use (Windows refuses to remove an open file) or removed meanwhile
            continue
        _log.info("removed %s, left by a creation of %s that did not finish", leftover, target)


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        # os.kill would end the process on Windows: a build in progress is kept by its open file.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _sqlite_path(db: Database) -> Path:
    assert db.url.database, "an in-memory SQLite database has no file to back up"
    return Path(db.url.database)


def check_integrity(db: Database) -> None:
    """Refuse a damaged SQLite file (SQLite's quick check), or one an interrupted upgrade left half
    changed (check_schema), naming it and the newest whole copy beside it, before anything reads it,
    writes it or copies the damage into a backup."""
    source = sqlite_file(db.url)
    if source is None or not source.exists():
        return
    problems = _quick_check(source)
    if problems == ["ok"]:
        check_schema(db)
        return
    copy = _newest_whole_copy(source)
    raise DatabaseError(
        f"{source} is damaged ({problems[0]}){_restore(copy)}: nothing was read or written",
        code="database_damaged",
        path=str(source),
        problem=problems[0],
        copy=str(copy or ""),
    )


def check_schema(db: Database) -> tuple[str, ...]:
    """Refuse a SQLite file whose schema an interrupted upgrade of an older program left half changed
    (that program ran each CREATE, ALTER and DROP as a transaction of its own): an `_alembic_tmp_`
    table, or tables or columns of a later revision than the one it records. Such a file is refused
    (DatabaseError, code schema_interrupted) naming the newest whole copy beside it, which is the one
    made before that upgrade.

    The one case mended rather than refused is a creation that was interrupted: no revision, and the
    tables made so far all empty. They are returned, to be dropped in the transaction that makes the
    schema again."""
    source = sqlite_file(db.url)
    if source is None or not source.exists():
        return ()
    with _read_only(source) as connection:
        schema = _schema_of(connection)
        revision = _revision_of(connection)
        leftovers = _leftovers(schema, revision)
        if not leftovers:
            return ()
        if revision is None:
            head = _schema_at(head_revision())
            made = tuple(
                t for t in schema if t in head or t == "alembic_version" or t.startswith("_alembic_")
            )
            if not any(_holds_rows(connection, table) for table in made):
                return _children_first(connection, made)
    copy = _newest_whole_copy(source)
    raise DatabaseError(
        f"{source} was left half changed by an upgrade that was interrupted (revision "
        f"{revision or 'none'}, yet {', '.join(leftovers)}){_restore(copy)}: nothing was read or written",
        code="schema_interrupted",
        path=str(source),
        revision=revision or "",
        leftover=leftovers[0],
        copy=str(copy or ""),
    )


def _restore(copy: Path | None) -> str:
    if copy is None:
        return "; no whole copy was found beside it, so restore one kept elsewhere"
    return f"; the newest whole copy beside it is {copy}. Restore that copy"


def _leftovers(schema: dict[str, frozenset[str]], revision: str | None) -> list[str]:
    """What of `schema` an upgrade from `revision` made before it was interrupted: tables named
    `_alembic_tmp_*` (a batch migration's copy), tables and columns of later revisions."""
    found = [f"table {name}" for name in sorted(schema) if name.startswith("_alembic_tmp_")]
    head = head_revision()
    if revision == head:
        return found
    try:
        before = _schema_at(revision) if revision is not None else {}
    except CommandError:  # a revision this program does not know: alembic refuses the upgrade itself
        return found
    after = _schema_at(head)
    for name in sorted(schema):
        if name == "alembic_version" or name not in after:
            continue  # a table of the program's own is left alone
        if name not in before:
            found.append(f"table {name}")
        else:
            found += [f"column {name}.{c}" for c in sorted(schema[name] & (after[name] - before[name]))]
    return found


@functools.cache
def _schema_at(revision: str) -> dict[str, frozenset[str]]:
    """Tables and their columns at a revision, made by the migrations in a database in memory."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            found = inspect(connection)
            return {t: frozenset(c["name"] for c in found.get_columns(t)) for t in found.get_table_names()}
    finally:
        engine.dispose()


@contextmanager
def _read_only(path: Path, *, copy: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection that writes nothing. A copy is read as immutable (nothing else has it open), so
    that no -wal or -shm file appears beside it."""
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if copy else "")
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        yield connection


def _quick_check(path: Path, *, copy: bool = False) -> list[str]:
    try:
        with _read_only(path, copy=copy) as connection:
            return [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _schema_of(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: frozenset(row[1] for row in connection.execute(f'PRAGMA table_info("{name}")'))
        for name in names
        if not name.startswith("sqlite_")
    }


def _revision_of(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: nothing was ever migrated
        return None
    return str(row[0]) if row else None


def _children_first(connection: sqlite3.Connection, tables: tuple[str, ...]) -> tuple[str, ...]:
    """The tables in an order they can be dropped in with foreign keys on: a table before the tables
    it refers to."""
    refers_to = {
        table: {row[2] for row in connection.execute(f'PRAGMA foreign_key_list("{table}")')}
        & set(tables) - {table}
        for table in tables
    }
    return tuple(reversed(list(graphlib.TopologicalSorter(refers_to).static_order())))


def _holds_rows(connection: sqlite3.Connection, table: str) -> bool:
    return connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None


def _newest_whole_copy(source: Path) -> Path | None:
    """The newest `<name>.bak-*` copy beside `source` that is neither damaged nor half upgraded."""
    copies = [
        copy
        for copy in source.parent.glob(f"{source.name}.bak-*")
        if not copy.name.endswith(("-wal", "-shm", "-journal"))
    ]
    for copy in sorted(copies, reverse=True):
        if _quick_check(copy, copy=True) != ["ok"]:
            continue
        try:
            with _read_only(copy, copy=True) as connection:
                if not _leftovers(_schema_of(connection), _revision_of(connection)):
                    return copy
        except sqlite3.DatabaseError:
            continue
    return None


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
    if not source.exists():
        raise DatabaseError(f"{source} does not exist: there is nothing to back up")
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
