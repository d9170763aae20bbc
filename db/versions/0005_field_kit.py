"""field kit: events held or cancelled with times, audience and feedback; kit imports remembered

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 15:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("events", schema=None) as batch_op:
        # Every show stored so far was held.
        batch_op.add_column(
            sa.Column(
                "status",
                sa.Enum(
                    "held",
                    "cancelled",
                    name="event_status",
                    native_enum=False,
                    create_constraint=True,
                    length=24,
                ),
                nullable=False,
                server_default="held",
            )
        )
        batch_op.add_column(
            sa.Column("cancel_reason", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("started_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("ended_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("audience", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("feedback", sa.Text(), nullable=False, server_default=""))

    op.create_table(
        "kit_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kit_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=False),
        sa.Column("record_key", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("row_table", sa.String(length=40), nullable=False),
        sa.Column("row_code", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kit_imports")),
        sa.UniqueConstraint("kit_id", "record_id", name=op.f("uq_kit_imports_kit_id")),
    )
    with op.batch_alter_table("kit_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kit_imports_kit_id"), ["kit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_kit_imports_subject"), ["subject"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("kit_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kit_imports_subject"))
        batch_op.drop_index(batch_op.f("ix_kit_imports_kit_id"))
    op.drop_table("kit_imports")

    # A cancelled show was never an event before this revision.
    op.execute("DELETE FROM events WHERE status = 'cancelled'")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_events_event_status"), type_="check")
        batch_op.drop_column("feedback")
        batch_op.drop_column("audience")
        batch_op.drop_column("ended_at")
        batch_op.drop_column("started_at")
        batch_op.drop_column("cancel_reason")
        batch_op.drop_column("status")
