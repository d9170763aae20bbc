"""working calendar: school terms and public holidays kept in the database

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 15:10:00

"""

from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The calendar a database starts with; written out here, not imported, so that this migration
# keeps doing the same thing when the program's defaults change.
TERMS = [
    ("2026-autumn", date(2026, 9, 1), date(2027, 1, 22)),
    ("2027-spring", date(2027, 2, 22), date(2027, 7, 2)),
    ("2027-autumn", date(2027, 9, 1), date(2028, 1, 21)),
]
HOLIDAYS = [
    (date(2026, 10, 1), date(2026, 10, 8), "国庆节、中秋节"),
    (date(2027, 1, 1), date(2027, 1, 3), "元旦"),
    (date(2027, 2, 5), date(2027, 2, 11), "春节"),
    (date(2027, 4, 3), date(2027, 4, 5), "清明节"),
    (date(2027, 5, 1), date(2027, 5, 5), "劳动节"),
    (date(2027, 6, 9), date(2027, 6, 11), "端午节"),
    (date(2027, 9, 15), date(2027, 9, 17), "中秋节"),
    (date(2027, 10, 1), date(2027, 10, 7), "国庆节"),
]


def upgrade() -> None:
    """Upgrade schema."""
    terms = op.create_table(
        "school_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_on >= start_on", name=op.f("ck_school_terms_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_terms")),
        sa.UniqueConstraint("name", name=op.f("uq_school_terms_name")),
    )
    holidays = op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
        sa.UniqueConstraint("day", name=op.f("uq_holidays_day")),
    )
    op.bulk_insert(terms, [{"name": n, "start_on": a, "end_on": b, "version": 1} for n, a, b in TERMS])
    op.bulk_insert(
        holidays,
        [
            {"day": first + timedelta(days=i), "name": name, "version": 1}
            for first, last, name in HOLIDAYS
            for i in range((last - first).days + 1)
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("holidays")
    op.drop_table("school_terms")
