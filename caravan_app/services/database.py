"""Opening the program's database: the URL chosen, the schema brought up to date, a summary.

Every command and the desktop program open the database through `open_database`, so the schema
upgrade on start (after a backup copy of a SQLite file) happens in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    Plan,
    Region,
    Venue,
    VisitRequest,
)
from caravan_app.settings import database_url

_log = log.get(log.DATABASE)


def open_database(url: URL | str | None = None, *, upgrade: bool = True) -> Database:
    """The database named by `url` (or the settings), with its schema upgraded to the newest."""
    resolved = url if isinstance(url, URL) else database_url(url)
    if resolved.get_backend_name() == "sqlite" and resolved.database:
        Path(resolved.database).parent.mkdir(parents=True, exist_ok=True)
    db = Database(resolved)
    if upgrade:
        migrate.upgrade(db)
    return db


@dataclass(frozen=True)
class Contents:
    """How much a database holds, for a status line or a first look."""

    regions: int
    depots: int
    caravans: int
    venues: int
    exhibits: int
    sets: int
    requests: int
    events: int
    plans: int

    @property
    def is_empty(self) -> bool:
        return self.regions == 0 and self.caravans == 0 and self.venues == 0

    def lines(self) -> list[str]:
        return [
            f"regions 地区: {self.regions}",
            f"depots 仓库: {self.depots}",
            f"caravans 车辆: {self.caravans}",
            f"venues 场地: {self.venues}",
            f"exhibits 展品: {self.exhibits}",
            f"exhibit sets 展品套组: {self.sets}",
            f"requests 需求: {self.requests}",
            f"events 活动: {self.events}",
            f"plans 方案: {self.plans}",
        ]


def contents(db: Database) -> Contents:
    with db.session(audited=False) as s:
        counts = [
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Region, Depot, Caravan, Venue, Exhibit, ExhibitSet, VisitRequest, Event, Plan)
        ]
    return Contents(*counts)


def backup(db: Database, target: Path | None = None) -> Path:
    return migrate.backup(db, target)
