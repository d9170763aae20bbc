"""kit exports: what each field kit was given when the office wrote it (its trip's stops or its
placement's days, and the exhibits on board), so an import is checked against the database's own
copy, never against what the kit says

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 08:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "kit_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kit_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kit_exports")),
        sa.UniqueConstraint("kit_id", name=op.f("uq_kit_exports_kit_id")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("kit_exports")
