"""Accounts on a shared PostgreSQL server: a login role per person, a member of its level's group role
(and of caravan_admin for administrators), with a row in `accounts` naming its level and region.

Run by an administrator (a role that may create roles). Role names are quoted as identifiers and
passwords sent as literals by psycopg's sql module, never formatted into the statement by hand
(ALTER ROLE ... PASSWORD takes no bind parameters). SQLite has no accounts: every call refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, insert, select, update

from caravan_app.domain.enums import Level
from caravan_app.errors import CaravanError
from caravan_app.persistence.accounts import accounts as account_table
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Region

GROUP_ROLES = {
    Level.PROVINCE: "caravan_province",
    Level.CITY: "caravan_city",
    Level.COUNTY: "caravan_county",
}
ADMIN_ROLE = "caravan_admin"
# Lower-case letters, digits and underscores, starting with a letter: a name every client types alike.
_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


class AccountError(CaravanError):
    """An account that cannot be made or changed as asked."""


@dataclass(frozen=True)
class AccountView:
    name: str
    level: Level
    region_adcode: str
    region_name: str
    is_admin: bool
    disabled: bool
    created_at: datetime


def _require_postgresql(db: Database) -> None:
    if db.is_sqlite:
        raise AccountError(
            "accounts are for a shared PostgreSQL database; a SQLite file has one user and no sign-in",
            code="accounts_need_postgresql",
        )


def _check_name(name: str) -> None:
    if not _NAME.fullmatch(name) or name.startswith("caravan_") or name.startswith("pg_"):
        raise AccountError(
            f"account name {name!r}: use lower-case letters, digits and _ (up to 63, starting with a "
            "letter, not caravan_ or pg_)",
            code="account_name_invalid",
            name=name,
        )


def _execute(connection: Any, statement: sql.Composable) -> None:
    """One statement on the psycopg connection under SQLAlchemy's, in its transaction. A role that may
    not manage roles is told so in words (the server's refusal is SQLSTATE 42501)."""
    with connection.connection.driver_connection.cursor() as cursor:
        try:
            cursor.execute(statement)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise AccountError(
                "only an administrator (a member of caravan_admin) may manage accounts",
                code="accounts_need_admin",
            ) from exc


def add_account(
    db: Database, name: str, level: Level, region_adcode: str, password: str, *, admin: bool = False
) -> AccountView:
    """A new login role with `password`, a member of its level's group, and its accounts row: all or
    nothing (PostgreSQL makes roles in the transaction)."""
    _require_postgresql(db)
    _check_name(name)
    if not password:
        raise AccountError("an empty password is refused", code="account_password_empty")
    with db.session(audited=False) as s:
        region = s.scalar(select(Region).where(Region.adcode == region_adcode))
        if region is None:
            raise AccountError(
                f"no region with code {region_adcode}", code="account_region_unknown", region=region_adcode
            )
        if region.level != level:
            raise AccountError(
                f"region {region_adcode} ({region.name}) is a {region.level.value}, not a {level.value}",
                code="account_region_level",
                region=region_adcode,
            )
        connection = s.connection()
        if _row(connection, name) is not None:
            raise AccountError(f"account {name} exists already", code="account_exists", name=name)
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %(name)s", {"name": name}
        ).first()
        if exists:
            raise AccountError(f"the server has a role {name} already", code="account_role_exists", name=name)
        role = sql.Identifier(name)
        _execute(connection, sql.SQL("CREATE ROLE {} LOGIN").format(role))
        _execute(connection, sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password)))
        groups = [GROUP_ROLES[level], *([ADMIN_ROLE] if admin else [])]
        _execute(
            connection,
            sql.SQL("GRANT {} TO {}").format(sql.SQL(", ").join(map(sql.Identifier, groups)), role),
        )
        if admin:
            _execute(connection, sql.SQL("ALTER ROLE {} CREATEROLE").format(role))
        row = {
            "role_name": name,
            "level": level.value,
            "region_adcode": region_adcode,
            "is_admin": admin,
            "disabled": False,
            "created_at": datetime.now().replace(microsecond=0),
        }
        connection.execute(insert(account_table), row)
        return _view(row, region.name)


def list_accounts(db: Database) -> list[AccountView]:
    _require_postgresql(db)
    with db.session(audited=False) as s:
        rows = s.execute(
            select(account_table, Region.name.label("region_name"))
            .outerjoin(Region, Region.adcode == account_table.c.region_adcode)
            .order_by(account_table.c.role_name)
        ).mappings()
        return [_view(row, row["region_name"] or "") for row in rows]


def disable_account(db: Database, name: str) -> None:
    """The role may no longer sign in (NOLOGIN); its row stays, so what it did keeps its name."""
    _require_postgresql(db)
    with db.session(audited=False) as s:
        connection = s.connection()
        _existing(connection, name)
        _execute(connection, sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(name)))
        connection.execute(
            update(account_table).where(account_table.c.role_name == name).values(disabled=True)
        )


def set_password(db: Database, name: str, password: str) -> None:
    _require_postgresql(db)
    if not password:
        raise AccountError("an empty password is refused", code="account_password_empty")
    with db.session(audited=False) as s:
        connection = s.connection()
        _existing(connection, name)
        _execute(
            connection,
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name), sql.Literal(password)),
        )


def _row(connection: Connection, name: str) -> Mapping[Any, Any] | None:
    query = select(account_table).where(account_table.c.role_name == name)
    return connection.execute(query).mappings().first()


def _existing(connection: Connection, name: str) -> None:
    if _row(connection, name) is None:
        raise AccountError(f"no account {name}", code="account_unknown", name=name)


def _view(row: Mapping[Any, Any], region_name: str) -> AccountView:
    return AccountView(
        name=row["role_name"],
        level=Level(row["level"]),
        region_adcode=row["region_adcode"],
        region_name=region_name,
        is_admin=row["is_admin"],
        disabled=row["disabled"],
        created_at=row["created_at"],
    )
