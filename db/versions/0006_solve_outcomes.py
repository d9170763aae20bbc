"""solve outcomes as codes: a plan's solver status and an unserved request's reason are checked enums;
the planner's English explanation of an unserved request is gone (it is worded where it is shown)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOLVE_STATUSES = ("optimal", "feasible", "infeasible", "no_solution", "cancelled")
REASONS = ("no_type_or_theme", "no_permitted_caravan", "no_workable_date", "capacity")


def upgrade() -> None:
    """Upgrade schema."""
    # Older versions stored any spelling; every stored plan has a plan, so "cancelled" (stopped by the
    # user, with the best plan so far) and "partial" are feasible plans. Empty: not solved here.
    op.execute("UPDATE plans SET solver_status = lower(replace(solver_status, ' ', '_'))")
    op.execute("UPDATE plans SET solver_status = 'feasible' WHERE solver_status IN ('cancelled', 'partial')")
    op.execute("UPDATE plans SET solver_status = NULL WHERE solver_status = ''")
    known = ", ".join(f"'{s}'" for s in SOLVE_STATUSES)
    op.execute(f"UPDATE plans SET solver_status = 'feasible' WHERE solver_status NOT IN ({known})")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.alter_column(
            "solver_status",
            existing_type=sa.String(length=40),
            type_=sa.Enum(
                *SOLVE_STATUSES, name="solve_status", native_enum=False, create_constraint=True, length=24
            ),
            nullable=True,
        )
    with op.batch_alter_table("unserved_requests", schema=None) as batch_op:
        batch_op.alter_column(
            "reason",
            existing_type=sa.String(length=40),
            type_=sa.Enum(
                *REASONS, name="unserved_reason", native_enum=False, create_constraint=True, length=24
            ),
            existing_nullable=False,
        )
        batch_op.drop_column("detail")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("unserved_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.String(length=200), nullable=False, server_default=""))
        batch_op.drop_constraint(batch_op.f("ck_unserved_requests_unserved_reason"), type_="check")
        batch_op.alter_column("reason", existing_type=sa.String(length=24), type_=sa.String(length=40))
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_plans_solve_status"), type_="check")
        batch_op.alter_column("solver_status", existing_type=sa.String(length=24), type_=sa.String(length=40))
    op.execute("UPDATE plans SET solver_status = '' WHERE solver_status IS NULL")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.alter_column("solver_status", existing_type=sa.String(length=40), nullable=False)
