"""The accounts of a shared PostgreSQL database, in a schema of their own (`caravan_auth`).

Not part of the program's models (Base.metadata): accounts are not data to export, copy or empty with
the rest, and SQLite has none. Migration 0009 makes the schema and table on PostgreSQL only.
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Column, DateTime, MetaData, String, Table

SCHEMA = "caravan_auth"

metadata = MetaData(schema=SCHEMA)

accounts = Table(
    "accounts",
    metadata,
    Column("role_name", String(63), primary_key=True),
    Column("level", String(8), nullable=False),
    Column("region_adcode", String(6), nullable=False),
    Column("is_admin", Boolean, nullable=False, default=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("level IN ('province', 'city', 'county')", name="ck_accounts_level"),
)
