"""accounts: on PostgreSQL, the group roles of the three levels and of administrators, and a table of
the program's login roles (level, region, administrator, disabled) in a schema of its own, caravan_auth,
kept out of the program's models (not exported, copied or emptied with the data); nothing on SQLite

Roles are the server's, not the database's: several databases on one server share them, so the group
roles are made only when missing and dropped only when no role is a member any more.

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

GROUP_ROLES = ("caravan_province", "caravan_city", "caravan_county", "caravan_admin")


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
    for role in GROUP_ROLES:
        # Constant names, no user input. CREATE ROLE has no IF NOT EXISTS: a DO block, which also
        # takes the role another database's migration made at the same moment.
        op.execute(
            f"DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{role}') THEN "
            f"CREATE ROLE {role} NOLOGIN; "
            f"END IF; "
            f"EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
            f"END $$"
        )


def downgrade() -> None:
    """Downgrade schema. The people's login roles stay (they are the server's accounts, and may work on
    other databases): a group role is dropped only when no role is a member of it any more."""
    if op.get_bind().dialect.name != "postgresql":
        return
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
