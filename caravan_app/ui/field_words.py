"""Words for what a field crew recorded and what the office changed since a kit was written, in the
window's language: shared by the field window and the office's kit import."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from caravan_app import log
from caravan_app.domain.kit import (
    ConditionEntry,
    DamageEntry,
    Entry,
    OfficeChange,
    ShowEntry,
)

_log = log.get(log.UI)

GRADES = ("A", "B", "C", "D")


def _plain(value: str) -> str:
    """An ISO moment ("2027-03-02T08:00:00") as people write it ("2027-03-02 08:00"); others as they are."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?", value):
        return value.replace("T", " ")[:16]
    return value


def status_text(entry: ShowEntry | None) -> str:
    if entry is None:
        return QCoreApplication.translate("FieldWindow", "not recorded")
    if entry.status == "cancelled":
        return QCoreApplication.translate("FieldWindow", "cancelled: %1").replace("%1", entry.cancel_reason)
    return QCoreApplication.translate("FieldWindow", "held, %1 visitors").replace("%1", str(entry.visitors))


def damage_text(entry: DamageEntry) -> str:
    kind = (
        QCoreApplication.translate("FieldWindow", "lost")
        if entry.kind == "loss"
        else QCoreApplication.translate("FieldWindow", "damaged")
    )
    return f"{entry.on:%m-%d} {kind}: {entry.description}"


def entry_text(entry: Entry) -> str:
    if isinstance(entry, ShowEntry):
        where = (
            QCoreApplication.translate("FieldWindow", "stop %1").replace("%1", str(entry.stop))
            if entry.stop is not None
            else str(entry.day)
        )
        times = f" {entry.start:%H:%M}–{entry.end:%H:%M}" if entry.start and entry.end else ""
        return f"{where}{times}: {status_text(entry)}"
    if isinstance(entry, ConditionEntry):
        fault = f", {entry.fault}" if entry.fault else ""
        return f"{entry.exhibit} {entry.checked_on:%m-%d}: {entry.grade}{fault}"
    return f"{entry.exhibit} {damage_text(entry)}"


def change_text(change: object) -> str:
    """An office change (OfficeChange) in the window's language."""
    if not isinstance(change, OfficeChange):
        return str(change)
    fields = {
        "caravan": QCoreApplication.translate("FieldWindow", "caravan"),
        "leave_at": QCoreApplication.translate("FieldWindow", "departure"),
        "back_at": QCoreApplication.translate("FieldWindow", "return"),
        "set": QCoreApplication.translate("FieldWindow", "set"),
        "venue": QCoreApplication.translate("FieldWindow", "venue"),
        "start_on": QCoreApplication.translate("FieldWindow", "first day"),
        "end_on": QCoreApplication.translate("FieldWindow", "last day"),
        "show_start": QCoreApplication.translate("FieldWindow", "show start"),
        "show_end": QCoreApplication.translate("FieldWindow", "show end"),
        "trip": QCoreApplication.translate("FieldWindow", "trip"),
        "placement": QCoreApplication.translate("FieldWindow", "stay"),
    }
    texts = {
        "gone": QCoreApplication.translate("FieldWindow", "the %1 is no longer in the database"),
        "field": QCoreApplication.translate("FieldWindow", "%1: %2 → %3"),
        "stop_added": QCoreApplication.translate("FieldWindow", "stop %1 added (%2)"),
        "stop_removed": QCoreApplication.translate("FieldWindow", "stop %1 removed (%2)"),
        "stop_field": QCoreApplication.translate("FieldWindow", "stop %1, %2: %3 → %4"),
        "saved_again": QCoreApplication.translate("FieldWindow", "saved again since export"),
    }
    values = list(change.values)
    # The field named in a change is worded; the values (codes, dates) are data.
    if change.what in ("gone", "field") and values:
        values[0] = fields.get(values[0], values[0])
    if change.what == "stop_field" and len(values) > 1:
        values[1] = fields.get(values[1], values[1])
    text = texts.get(change.what)
    if text is None:
        return str(change)
    for number, value in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{number}", _plain(value))
    return text
