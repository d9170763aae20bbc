"""joint tours

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "joint_tours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joint_tours")),
        sa.UniqueConstraint("code", name=op.f("uq_joint_tours_code")),
    )
    op.create_table(
        "joint_tour_regions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("joint_tour_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["joint_tour_id"],
            ["joint_tours.id"],
            name=op.f("fk_joint_tour_regions_joint_tour_id_joint_tours"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["regions.id"], name=op.f("fk_joint_tour_regions_region_id_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joint_tour_regions")),
        sa.UniqueConstraint("joint_tour_id", "region_id", name=op.f("uq_joint_tour_regions_joint_tour_id")),
    )
    with op.batch_alter_table("joint_tour_regions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_joint_tour_regions_joint_tour_id"), ["joint_tour_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_joint_tour_regions_region_id"), ["region_id"], unique=False)

    op.create_table(
        "joint_tour_caravans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("joint_tour_id", sa.Integer(), nullable=False),
        sa.Column("caravan_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["caravan_id"], ["caravans.id"], name=op.f("fk_joint_tour_caravans_caravan_id_caravans")
        ),
        sa.ForeignKeyConstraint(
            ["joint_tour_id"],
            ["joint_tours.id"],
            name=op.f("fk_joint_tour_caravans_joint_tour_id_joint_tours"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joint_tour_caravans")),
        sa.UniqueConstraint("joint_tour_id", "caravan_id", name=op.f("uq_joint_tour_caravans_joint_tour_id")),
    )
    with op.batch_alter_table("joint_tour_caravans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_joint_tour_caravans_caravan_id"), ["caravan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_joint_tour_caravans_joint_tour_id"), ["joint_tour_id"], unique=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("joint_tour_caravans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_joint_tour_caravans_joint_tour_id"))
        batch_op.drop_index(batch_op.f("ix_joint_tour_caravans_caravan_id"))

    op.drop_table("joint_tour_caravans")
    with op.batch_alter_table("joint_tour_regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_joint_tour_regions_region_id"))
        batch_op.drop_index(batch_op.f("ix_joint_tour_regions_joint_tour_id"))

    op.drop_table("joint_tour_regions")
    op.drop_table("joint_tours")
