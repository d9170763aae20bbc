"""The term choosers of the planners, filled from the office's working calendar, and the names new
plans get when the user gives none, worded in the window's language."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from caravan_app import log
from caravan_app.domain.calendar import DEFAULT_CALENDAR, Term, WorkingCalendar
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services.calendar import working_calendar
from caravan_app.ui.labels import term_label

_log = log.get(log.UI)

CALENDAR_ENTITY = "calendar"  # what Settings announces on the bus when it saves the calendar


def office_calendar(db: Database) -> WorkingCalendar:
    try:
        return working_calendar(db).calendar
    except CaravanError as exc:  # an unreachable database: plan on the default days, and say so in the log
        _log.warning("working calendar not read, using the default one: %s", exc)
        return DEFAULT_CALENDAR


def fill_terms(combo: QComboBox, db: Database, *, other_dates: str | None, preferred: str) -> dict[str, Term]:
    """Put the calendar's terms in `combo` (then an "other dates" item if named), keeping the choice."""
    current = combo.currentData() if combo.count() else preferred
    terms = {t.name: t for t in office_calendar(db).terms}
    combo.blockSignals(True)
    combo.clear()
    for name in terms:
        combo.addItem(term_label(name), name)
    if other_dates is not None:
        combo.addItem(other_dates, "")
    index = combo.findData(current)
    if index < 0:
        index = combo.findData(preferred)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    return terms


def default_plan_name(
    kind: str, term: str | None = None, first: date | None = None, now: datetime | None = None
) -> str:
    """The name of a new plan the user did not name: what it plans and when it was made, in the window's
    language, e.g. "Spring term 2027 tours 2026-12-04 08:15:30" (the term as term_label words it).

    `kind` is "tours" (of `term`, or of the dates from `first` when no term was chosen), "rotation"
    (from `first`) or "consolidation" (of `term`). The time keeps two names apart; a default name
    taken by then gets " (2)" when stored."""
    stamp = f"{now or datetime.now():%Y-%m-%d %H:%M:%S}"
    if kind == "tours":
        what = term_label(term) if term else (first.isoformat() if first else "")
        return (
            QCoreApplication.translate("Terms", "%1 tours %2")
            .replace("%1", what)
            .replace("%2", stamp)
            .strip()
        )
    if kind == "rotation":
        month = f"{first:%Y-%m}" if first else ""
        return (
            QCoreApplication.translate("Terms", "Rotation from %1 %2")
            .replace("%1", month)
            .replace("%2", stamp)
        )
    if kind == "consolidation":
        return (
            QCoreApplication.translate("Terms", "%1 consolidation %2")
            .replace("%1", term_label(term) if term else "")
            .replace("%2", stamp)
            .strip()
        )
    raise ValueError(f"no default name for a plan of kind {kind!r}")
