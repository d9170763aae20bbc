"""The audit log: every insert, update and delete made through a session, with who and when.

Rows are written in the same transaction as the change, so an edit and its record stand or fall
together. A session with info["audit"] False (bulk demo building) writes nothing here.
"""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from caravan_app.persistence.models import AuditEntry


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _changes(obj: Any, action: str) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key == "version":
            continue
        if action == "insert":
            value = getattr(obj, key)
            if value is not None and key != "id":
                changes[key] = _plain(value)
        elif action == "update":
            history = state.attrs[key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                changes[key] = [_plain(old), _plain(new)]
    return changes


def _after_flush(session: Session, _context: Any) -> None:
    if not session.info.get("audit", True):
        return
    user = session.info.get("user") or current_user()
    now = datetime.now().replace(microsecond=0)
    rows = []
    for action, objects in (
        ("insert", session.new),
        ("update", [o for o in session.dirty if session.is_modified(o)]),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if isinstance(obj, AuditEntry):
                continue
            changes = _changes(obj, action)
            if action == "update" and not changes:
                continue
            rows.append(
                {
                    "at": now,
                    "user_name": user,
                    "table_name": inspect(obj).mapper.local_table.name,
                    "row_id": getattr(obj, "id", None),
                    "action": action,
                    "changes": json.dumps(changes, ensure_ascii=False, default=str),
                }
            )
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install(factory: sessionmaker[Session], user: str | None) -> None:
    """Audit every session the factory makes, naming `user` (default: the login name)."""
    if user:
        factory.configure(info={"user": user})
    event.listen(factory, "after_flush", _after_flush)
