"""joint tours can end: the day after which the planner no longer lets their caravans cross regions
(kept for the record instead of deleted)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("joint_tours", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ended_on", sa.Date(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("joint_tours", schema=None) as batch_op:
        batch_op.drop_column("ended_on")
