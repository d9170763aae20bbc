"""Accounts (issue 17, first part): login roles on the PostgreSQL server, members of their level's
group role, with a row in `accounts`; SQLite refuses accounts.

Roles belong to the server, not to one database: every test uses names of its own and drops them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from caravan_app.domain.enums import Level
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Region
from caravan_app.services import accounts
from caravan_app.services.accounts import AccountError


def add_regions(db: Database) -> None:
    with db.session(audited=False) as s:
        province = Region(adcode="320000", name="江苏省", level=Level.PROVINCE, lat=32.06, lon=118.76)
        city = Region(
            adcode="320100", name="南京市", level=Level.CITY, lat=32.06, lon=118.80, parent=province
        )
        s.add_all(
            [
                province,
                city,
                Region(
                    adcode="320102", name="玄武区", level=Level.COUNTY, lat=32.05, lon=118.80, parent=city
                ),
            ]
        )


@pytest.fixture
def role_names(db: Database) -> Iterator[list[str]]:
    """Names for new roles, dropped at the end whatever the test did."""
    names: list[str] = []
    yield names
    if db.is_sqlite:
        return
    with db.engine.begin() as c:
        # The accounts schema is not emptied between tests with the program's tables.
        c.execute(text("DELETE FROM caravan_auth.accounts WHERE role_name = ANY(:names)"), {"names": names})
        for name in names:
            c.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


def new_name(names: list[str]) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    names.append(name)
    return name


def sign_in(db: Database, name: str, password: str) -> psycopg.Connection[tuple[object, ...]]:
    url = db.url
    return psycopg.connect(
        host=url.host, port=url.port or 5432, dbname=url.database, user=name, password=password
    )


def member_of(db: Database, name: str) -> set[str]:
    with db.engine.connect() as c:
        rows = c.execute(
            text(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :name"
            ),
            {"name": name},
        )
        return {r[0] for r in rows}


def test_group_roles_exist_and_cannot_sign_in(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    with db.engine.connect() as c:
        rows = dict(
            c.execute(
                text("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'caravan\\_%'")
            ).all()
        )
    for role in ("caravan_province", "caravan_city", "caravan_county", "caravan_admin"):
        assert rows[role] is False


def test_tables_belong_to_an_owner_nobody_signs_in_as(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    with db.engine.connect() as c:
        owners = dict(
            c.execute(
                text(
                    "SELECT tablename, tableowner FROM pg_tables "
                    "WHERE schemaname IN (current_schema(), 'caravan_auth')"
                )
            ).all()
        )
        can_login = c.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'caravan_owner'")
        ).scalar()
    assert {"caravans", "audit_log", "accounts", "alembic_version"} <= set(owners)
    assert set(owners.values()) == {"caravan_owner"}
    assert can_login is False


def test_sqlite_has_no_accounts(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only")
    add_regions(db)
    with pytest.raises(AccountError) as refused:
        accounts.add_account(db, "clerk", Level.COUNTY, "320102", "secret")
    assert refused.value.code == "accounts_need_postgresql"
    with pytest.raises(AccountError):
        accounts.list_accounts(db)


def test_added_account_signs_in_and_is_in_its_group(db: Database, role_names: list[str]) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    add_regions(db)
    name = new_name(role_names)
    view = accounts.add_account(db, name, Level.COUNTY, "320102", "it's a 'secret'; --")
    assert (view.level, view.region_name, view.is_admin, view.disabled) == (
        Level.COUNTY,
        "玄武区",
        False,
        False,
    )
    with sign_in(db, name, "it's a 'secret'; --") as c:
        assert c.execute("SELECT session_user").fetchone() == (name,)
    assert member_of(db, name) == {"caravan_county"}
    assert [a.name for a in accounts.list_accounts(db)] == [name]


def test_admin_account_is_in_the_admin_group(db: Database, role_names: list[str]) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    add_regions(db)
    name = new_name(role_names)
    accounts.add_account(db, name, Level.PROVINCE, "320000", "pw", admin=True)
    assert member_of(db, name) == {"caravan_province", "caravan_admin"}


def test_an_administrator_adds_accounts_and_everyone_reads(db: Database, role_names: list[str]) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    add_regions(db)
    admin, clerk = new_name(role_names), new_name(role_names)
    accounts.add_account(db, admin, Level.PROVINCE, "320000", "admin pw", admin=True)
    as_admin = Database(db.url.set(username=admin, password="admin pw"))
    try:
        accounts.add_account(as_admin, clerk, Level.COUNTY, "320102", "clerk pw")
        assert [a.name for a in accounts.list_accounts(as_admin)] == sorted([admin, clerk])
    finally:
        as_admin.dispose()
    with sign_in(db, clerk, "clerk pw") as c:
        assert c.execute("SELECT count(*) FROM regions").fetchone() == (3,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            c.execute(
                "INSERT INTO caravan_auth.accounts VALUES ('x', 'county', '320102', true, false, now())"
            )


def test_disable_and_new_password(db: Database, role_names: list[str]) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    add_regions(db)
    name = new_name(role_names)
    accounts.add_account(db, name, Level.CITY, "320100", "first")
    accounts.set_password(db, name, "second")
    with pytest.raises(psycopg.OperationalError):
        sign_in(db, name, "first").close()
    sign_in(db, name, "second").close()
    accounts.disable_account(db, name)
    with pytest.raises(psycopg.OperationalError):
        sign_in(db, name, "second").close()
    assert accounts.list_accounts(db)[0].disabled


def test_refusals_leave_no_role(db: Database, role_names: list[str]) -> None:
    if db.is_sqlite:
        pytest.skip("roles are PostgreSQL's")
    add_regions(db)
    name = new_name(role_names)
    with pytest.raises(AccountError) as wrong_level:
        accounts.add_account(db, name, Level.COUNTY, "320100", "pw")
    assert wrong_level.value.code == "account_region_level"
    with pytest.raises(AccountError) as unknown:
        accounts.add_account(db, name, Level.COUNTY, "329999", "pw")
    assert unknown.value.code == "account_region_unknown"
    for bad in ('x"; DROP ROLE postgres; --', "caravan_admin", "Upper"):
        with pytest.raises(AccountError) as invalid:
            accounts.add_account(db, bad, Level.COUNTY, "320102", "pw")
        assert invalid.value.code == "account_name_invalid"
    with pytest.raises(AccountError) as missing:
        accounts.disable_account(db, name)
    assert missing.value.code == "account_unknown"
    with db.engine.connect() as c:
        assert c.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is None
