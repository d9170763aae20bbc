"""Opening the program's database: the URL chosen, the schema brought up to date, a summary.

Every command and the desktop program open the database through `open_database`, so the schema
upgrade on start (after a backup copy of a SQLite file) happens in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from caravan_app import log
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.spreadsheet import ENTITIES
from caravan_app.settings import database_url

_log = log.get(log.DATABASE)


def open_database(url: URL | str | None = None, *, upgrade: bool = True) -> Database:
    """The database named by `url` (or the settings), with its schema upgraded to the newest."""
    resolved = url if isinstance(url, URL) else database_url(url)
    if resolved.get_backend_name() == "sqlite" and resolved.database:
        Path(resolved.database).parent.mkdir(parents=True, exist_ok=True)
    db = Database(resolved)
    migrate.check_integrity(db)  # a damaged file is neither read, nor upgraded, nor copied
    if upgrade:
        migrate.upgrade(db)
    return db


@dataclass(frozen=True)
class TableCounts:
    """Rows per table, for a status line, a first look or the demo's report."""

    rows: tuple[tuple[str, str, int], ...]  # (table, Chinese name, count)

    def __getitem__(self, table: str) -> int:
        return next(n for key, _name, n in self.rows if key == table)

    @property
    def is_empty(self) -> bool:
        return self["regions"] == 0 and self["caravans"] == 0 and self["venues"] == 0

    def lines(self) -> list[str]:
        """One line per table, e.g. "caravans 车辆: 30"."""
        return [f"{key} {name}: {n}" for key, name, n in self.rows]

    def __str__(self) -> str:
        return "\n".join(self.lines())


def count_rows(session: Session) -> TableCounts:
    return TableCounts(
        tuple(
            (spec.key, spec.sheet, session.scalar(select(func.count()).select_from(spec.model)) or 0)
            for spec in ENTITIES
        )
    )


def contents(db: Database) -> TableCounts:
    with db.session(audited=False) as s:
        return count_rows(s)


def backup(db: Database, target: Path | None = None) -> Path:
    return migrate.backup(db, target)
