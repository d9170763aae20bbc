"""Who is signed in, and which rows they may not change, as the server's own rules say.

The rules live in the database (migration 0010: grants, row-level security, guard triggers and the
caravan_auth.may_edit_* functions they share). The window asks the same functions which rows to show
read-only, so it never holds a second copy of the rules that could drift; it greys what the server
would refuse, and the server refuses it anyway if another client tries.

SQLite has one user and no rules: everyone may change everything, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text

from caravan_app.domain.enums import Level
from caravan_app.errors import NotPermitted
from caravan_app.persistence.accounts import accounts as account_table
from caravan_app.persistence.audit import current_user
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import AuditEntry, Caravan, Region


@dataclass(frozen=True)
class SignedIn:
    """The person using a database: on PostgreSQL the server's login role and its account (None when
    the role has none: an administrator of the server, who is not held by the program's rules)."""

    name: str
    level: Level | None
    region_adcode: str
    region_name: str
    is_admin: bool

    @property
    def is_held(self) -> bool:
        """Held by the rules of a level below the province."""
        return self.level in (Level.CITY, Level.COUNTY)


def signed_in(db: Database) -> SignedIn:
    if db.is_sqlite:
        return SignedIn(current_user(), None, "", "", False)
    with db.session(audited=False) as s:
        name = str(s.execute(text("SELECT session_user")).scalar_one())
        row = (
            s.execute(
                select(account_table, Region.name.label("region_name"))
                .outerjoin(Region, Region.adcode == account_table.c.region_adcode)
                .where(account_table.c.role_name == name)
            )
            .mappings()
            .first()
        )
    if row is None:
        return SignedIn(name, None, "", "", False)
    return SignedIn(
        name, Level(row["level"]), row["region_adcode"], row["region_name"] or "", row["is_admin"]
    )


# The rows of an entity a city or county may change, as the guard of its table words it (migration
# 0010's LOCAL_RULES); the region whose they are, to say so. Entities not here are the province's.
_RULES = {
    "caravans": (
        "caravan_auth.may_edit_region(t.owner_region_id)",
        "SELECT g.name FROM regions g WHERE g.id = t.owner_region_id",
    ),
    "venues": (
        "caravan_auth.may_edit_region(t.county_id)",
        "SELECT g.name FROM regions g WHERE g.id = t.county_id",
    ),
    "requests": (
        "caravan_auth.may_edit_venue(t.venue_id)",
        "SELECT g.name FROM venues v JOIN regions g ON g.id = v.county_id WHERE v.id = t.venue_id",
    ),
    "exhibits": (
        "caravan_auth.may_edit_exhibit_at(t.caravan_id, t.depot_id, t.set_id)",
        "SELECT coalesce((SELECT g.name FROM caravans c JOIN regions g ON g.id = c.owner_region_id "
        "WHERE c.id = t.caravan_id), (SELECT g.name FROM depots d JOIN regions g ON g.id = d.region_id "
        "WHERE d.id = t.depot_id AND t.set_id IS NULL AND t.caravan_id IS NULL))",
    ),
}


def read_only_rows(db: Database, entity: str, table: str) -> dict[int, str] | None:
    """Row id -> the name of the region whose it is, for every row of `table` (the entity's table) the
    signed-in person may not change; None when they may change every row (SQLite, the province,
    a server administrator). A row whose region is the province's has the province's name."""
    if db.is_sqlite:
        return None
    who = signed_in(db)
    if not who.is_held:
        return None
    with db.session(audited=False) as s:
        province = s.scalar(select(Region.name).where(Region.level == Level.PROVINCE)) or ""
        rule = _RULES.get(entity)
        if rule is None:
            # Reference data, sets and the like: the province's alone.
            ids = s.execute(text(f'SELECT id FROM "{table}"')).scalars()  # a table name of the program
            return {int(i): province for i in ids}
        may, whose = rule
        rows = s.execute(text(f'SELECT t.id, ({whose}) FROM "{table}" t WHERE NOT coalesce({may}, false)'))
        return {int(row_id): name or province for row_id, name in rows}


def own_caravans(db: Database) -> list[str] | None:
    """The codes of the caravans a city or county account may plan (its own, as the server says);
    None when it may plan with every caravan."""
    locked = read_only_rows(db, "caravans", "caravans")
    if locked is None:
        return None
    with db.session(audited=False) as s:
        rows = s.execute(select(Caravan.id, Caravan.code).order_by(Caravan.code))
        return [code for row_id, code in rows if row_id not in locked]


def locked_joint_tours(db: Database) -> set[int] | None:
    """The joint tours the signed-in account may not change (one reaching beyond its own caravans or
    regions: across cities, the province's); None when it may change them all."""
    if db.is_sqlite or not signed_in(db).is_held:
        return None
    with db.session(audited=False) as s:
        rows = s.execute(text("SELECT id FROM joint_tours WHERE NOT caravan_auth.may_edit_joint_tour(id)"))
        return {int(r[0]) for r in rows}


def may_set_status(db: Database, plan_id: int, status: str) -> bool:
    """Whether the signed-in account may give plan `plan_id` this status (approve it, or return it to
    draft), by the server's rule for the plan's row before and after."""
    if db.is_sqlite or not signed_in(db).is_held:
        return True
    with db.session(audited=False) as s:
        allowed = s.execute(
            text(
                "SELECT caravan_auth.may_edit_plan(kind, status, id) "
                "AND caravan_auth.may_edit_plan(kind, :status, id) FROM plans WHERE id = :id"
            ),
            {"status": status, "id": plan_id},
        ).scalar()
    return bool(allowed)


def require_province(db: Database, table: str) -> None:
    """Refuse, before a long piece of work, what only the province may store (a rotation or
    consolidation plan, retirement decisions): the server would refuse it at the end."""
    if signed_in(db).is_held:
        raise NotPermitted(table, "", "insert")


def may_add(db: Database, entity: str) -> bool:
    """Whether the signed-in person may add rows of `entity` at all (the province's entities not)."""
    if db.is_sqlite:
        return True
    who = signed_in(db)
    return not who.is_held or entity in _RULES


@dataclass(frozen=True)
class AuditRow:
    at: str
    user_name: str
    action: str
    changes: str


def row_history(db: Database, table: str, row_id: int, limit: int = 200) -> list[AuditRow]:
    """What the audit log holds for one row, newest first: who, when, what (JSON as written)."""
    with db.session(audited=False) as s:
        rows = s.execute(
            select(AuditEntry.at, AuditEntry.user_name, AuditEntry.action, AuditEntry.changes)
            .where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(limit)
        )
        return [
            AuditRow(at.isoformat(sep=" ", timespec="seconds"), user, action, changes)
            for at, user, action, changes in rows
        ]
