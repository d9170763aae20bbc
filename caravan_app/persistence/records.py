"""Tables that record what happened to other rows: field-kit exports and imports, and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from caravan_app.persistence.base import Base


class KitImport(Base):
    """A field-kit record taken into the database, and the row it made or updated: importing the
    same kit again skips what is here, and a later record of the same key updates that row."""

    __tablename__ = "kit_imports"
    __table_args__ = (UniqueConstraint("kit_id", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[str] = mapped_column(String(36), index=True)
    record_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    # The trip or placement ("trip:CODE", "placement:CODE"): kits of the same one update the same rows.
    subject: Mapped[str] = mapped_column(String(60), index=True, default="")
    record_key: Mapped[str] = mapped_column(String(120))
    # The record as recorded (JSON), from which a stay's one event is summed again on a later import.
    payload: Mapped[str] = mapped_column(Text, default="{}")
    # The row it made or updated (events, condition_checks, maintenance_records); empty if superseded.
    row_table: Mapped[str] = mapped_column(String(40), default="")
    row_code: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(12))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(60), default="")


class KitExport(Base):
    """A field kit as the office wrote it: what it may touch when it comes back (the trip's stops or
    the stay's dates, the exhibits on board) and the trip or placement then, for the conflict check.
    An import trusts this copy, never the kit's own account of itself."""

    __tablename__ = "kit_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(Text)  # JSON, see services/kit_scope.py
    fingerprint: Mapped[str] = mapped_column(Text)  # JSON, as the manifest's
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    exported_by: Mapped[str] = mapped_column(String(60))


class AuditEntry(Base):
    """Who changed which row when, and what changed (JSON of field: [old, new])."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_name: Mapped[str] = mapped_column(String(60))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))
    changes: Mapped[str] = mapped_column(Text, default="{}")
