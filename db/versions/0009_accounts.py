"""accounts: on PostgreSQL, the group roles of the three levels and of administrators, and a table of
the program's login roles (level, region, administrator, disabled) in a schema of its own, caravan_auth,
kept out of the program's models (not exported, copied or emptied with the data); nothing on SQLite

The program's tables (and the accounts schema) are given to caravan_owner, a role nobody signs in as:
people's roles then get only what grants and policies give them, never an owner's rights.

Roles are the server's, not the database's: several databases on one server share them, so the roles
are made only when missing; a group role is dropped only when no role is a member any more, and the
owner only when it owns nothing in another database.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 09:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNER = "caravan_owner"
GROUP_ROLES = ("caravan_province", "caravan_city", "caravan_county", "caravan_admin")


def _create_role(role: str) -> None:
    # Constant names, no user input. CREATE ROLE has no IF NOT EXISTS: a DO block, which also takes
    # the role another database's migration made at the same moment.
    op.execute(
        f"DO $$ BEGIN "
        f"IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} NOLOGIN; "
        f"END IF; "
        f"EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
        f"END $$"
    )


def _give_tables(from_role: str, to_role: str) -> None:
    """Every table of the program's schema and of caravan_auth owned by `from_role` (its sequences
    and indexes follow it) to `to_role`; roles given as SQL expressions."""
    op.execute(
        f"DO $$ DECLARE t record; BEGIN "
        f"FOR t IN SELECT schemaname, tablename FROM pg_catalog.pg_tables "
        f"WHERE schemaname IN (current_schema(), 'caravan_auth') AND tableowner = {from_role} LOOP "
        f"EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', t.schemaname, t.tablename, {to_role}); "
        f"END LOOP; END $$"
    )


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SCHEMA caravan_auth")
    op.create_table(
        "accounts",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("region_adcode", sa.String(length=6), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("level IN ('province', 'city', 'county')", name=op.f("ck_accounts_level")),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_accounts")),
        schema="caravan_auth",
    )
    for role in (OWNER, *GROUP_ROLES):
        _create_role(role)
    # Giving a table to a role needs membership of it, unless the one migrating is a superuser.
    op.execute(
        f"DO $$ BEGIN "
        f"IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN "
        f"EXECUTE format('GRANT {OWNER} TO %I', current_user); "
        f"END IF; END $$"
    )
    # An owner must be able to create in the schema of its tables (PostgreSQL 15's public schema lets
    # only the database's owner).
    op.execute(
        f"DO $$ BEGIN EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO {OWNER}', current_schema()); END $$"
    )
    op.execute(f"ALTER SCHEMA caravan_auth OWNER TO {OWNER}")
    _give_tables("current_user", f"'{OWNER}'")
    # Reading is everyone's (linkage needs the whole province); managing accounts the administrators'.
    groups = ", ".join(GROUP_ROLES)
    op.execute(
        f"DO $$ BEGIN "
        f"EXECUTE format('GRANT USAGE ON SCHEMA %I TO {groups}', current_schema()); "
        f"EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO {groups}', current_schema()); "
        f"END $$"
    )
    op.execute(f"GRANT USAGE ON SCHEMA caravan_auth TO {groups}")
    op.execute(f"GRANT SELECT ON caravan_auth.accounts TO {groups}")
    op.execute("GRANT INSERT, UPDATE ON caravan_auth.accounts TO caravan_admin")


def downgrade() -> None:
    """Downgrade schema. The people's login roles stay (they are the server's accounts, and may work on
    other databases): a group role is dropped only when no role is a member of it any more."""
    if op.get_bind().dialect.name != "postgresql":
        return
    groups = ", ".join(GROUP_ROLES)
    op.execute(
        f"DO $$ BEGIN "
        f"EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM {groups}', current_schema()); "
        f"EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM {groups}', current_schema()); "
        f"END $$"
    )
    _give_tables(f"'{OWNER}'", "current_user")
    op.execute(
        f"DO $$ BEGIN EXECUTE format('REVOKE USAGE, CREATE ON SCHEMA %I FROM {OWNER}', current_schema()); END $$"
    )
    op.drop_table("accounts", schema="caravan_auth")
    op.execute("DROP SCHEMA caravan_auth")
    for role in GROUP_ROLES:
        op.execute(
            f"DO $$ BEGIN "
            f"IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{role}') "
            f"AND NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members m "
            f"JOIN pg_catalog.pg_roles r ON r.oid = m.roleid WHERE r.rolname = '{role}') THEN "
            f"DROP ROLE {role}; "
            f"END IF; "
            f"EXCEPTION WHEN dependent_objects_still_exist THEN NULL; "  # granted in another database
            f"END $$"
        )
    # Kept while it owns tables of another database (DROP ROLE refuses then).
    op.execute(
        f"DO $$ BEGIN "
        f"IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{OWNER}') THEN DROP ROLE {OWNER}; END IF; "
        f"EXCEPTION WHEN dependent_objects_still_exist THEN NULL; "
        f"END $$"
    )
