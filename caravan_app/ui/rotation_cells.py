"""The rotation planner's grid of sets × periods: what a cell says, and why a cell is empty, worded
from the reason's code and values in the window's language; and the Qt model that shows it (a
tooltip per cell, empty cells muted)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from caravan_app.planning.rotation_reasons import EmptyReason
from caravan_app.services.rotation_grid import EmptyCellRow, GridSet, HallRow, RotationGrid, StayRow
from caravan_app.ui.table_model import RowsModel

LOCK_MARK = "🔒"
# The halls a reason names before "and N more".
NAMED_HALLS = 3


def reason_label(reason: EmptyReason) -> str:
    """A few words for the cell."""
    return {
        EmptyReason.EARLIER_STAY: QCoreApplication.translate("RotationCells", "Earlier booking"),
        EmptyReason.MAINTENANCE: QCoreApplication.translate("RotationCells", "In maintenance"),
        EmptyReason.REGION_RULE: QCoreApplication.translate("RotationCells", "Region rule"),
        EmptyReason.NO_HALL_FITS: QCoreApplication.translate("RotationCells", "No hall fits"),
        EmptyReason.HOSTED_BEFORE: QCoreApplication.translate("RotationCells", "Had it before"),
        EmptyReason.HALLS_BOOKED: QCoreApplication.translate("RotationCells", "Halls booked"),
        EmptyReason.HOSTS_IT_ELSEWHEN: QCoreApplication.translate(
            "RotationCells", "Hall used in another period"
        ),
        EmptyReason.HALLS_TAKEN: QCoreApplication.translate("RotationCells", "Halls taken"),
        EmptyReason.CHANGEOVER: QCoreApplication.translate("RotationCells", "Changeover too short"),
        EmptyReason.NOTHING_BETTER: QCoreApplication.translate("RotationCells", "Nothing better"),
    }[reason]


def _names(items: Sequence[str]) -> str:
    """Up to NAMED_HALLS items, then "and N more"."""
    separator = QCoreApplication.translate("RotationCells", ", ", "between the names of a list")
    shown = separator.join(items[:NAMED_HALLS])
    if len(items) > NAMED_HALLS:
        return (
            QCoreApplication.translate("RotationCells", "%1 and %2 more")
            .replace("%1", shown)
            .replace("%2", str(len(items) - NAMED_HALLS))
        )
    return shown


def _hall(hall: HallRow) -> str:
    return f"{hall.venue} ({hall.county})" if hall.county else hall.venue


def _region(cities: Sequence[str]) -> str:
    separator = QCoreApplication.translate("RotationCells", ", ", "between the names of a list")
    return separator.join(cities)


def reason_text(cell: EmptyCellRow) -> str:
    """Why the set stands in no hall in the period, in a sentence or two."""
    halls = [_hall(h) for h in cell.halls]
    r = cell.reason
    if r is EmptyReason.EARLIER_STAY:
        return QCoreApplication.translate(
            "RotationCells", "Still standing in %1 on a booking made before this plan."
        ).replace("%1", halls[0] if halls else "")
    if r is EmptyReason.MAINTENANCE:
        return QCoreApplication.translate("RotationCells", "The set is in maintenance in this period.")
    if r is EmptyReason.REGION_RULE:
        return QCoreApplication.translate(
            "RotationCells", "Region rule: the set rotates only in %1, and no hall there takes a set."
        ).replace("%1", _region(cell.cities))
    if r is EmptyReason.NO_HALL_FITS:
        if cell.largest_m2 is None:
            return QCoreApplication.translate(
                "RotationCells", "No hall fits: no hall has the %1 m² the set needs."
            ).replace("%1", f"{cell.needed_m2:,.0f}")
        if cell.cities:
            return (
                QCoreApplication.translate(
                    "RotationCells",
                    "No hall fits: the set needs %1 m², and the largest hall in %2 has %3 m² "
                    "(region rule: the set rotates only there).",
                )
                .replace("%1", f"{cell.needed_m2:,.0f}")
                .replace("%2", _region(cell.cities))
                .replace("%3", f"{cell.largest_m2:,.0f}")
            )
        return (
            QCoreApplication.translate(
                "RotationCells", "No hall fits: the set needs %1 m², and the largest hall has %2 m²."
            )
            .replace("%1", f"{cell.needed_m2:,.0f}")
            .replace("%2", f"{cell.largest_m2:,.0f}")
        )
    if r is EmptyReason.HOSTED_BEFORE:
        return QCoreApplication.translate(
            "RotationCells",
            "History: every hall that fits had this set before, and no hall gets a set twice: %1.",
        ).replace("%1", _names(halls))
    if r is EmptyReason.HALLS_BOOKED:
        return QCoreApplication.translate(
            "RotationCells", "The halls left are booked outside this plan in this period: %1."
        ).replace("%1", _names(halls))
    if r is EmptyReason.HOSTS_IT_ELSEWHEN:
        where = [
            QCoreApplication.translate("RotationCells", "%1 in period %2")
            .replace("%1", _hall(h))
            .replace("%2", str((h.other_period or 0) + 1))
            for h in cell.halls
        ]
        return QCoreApplication.translate(
            "RotationCells",
            "History: the halls left have this set in another period of this plan, and no hall "
            "gets a set twice: %1.",
        ).replace("%1", _names(where))
    if r is EmptyReason.HALLS_TAKEN:
        where = [
            QCoreApplication.translate("RotationCells", "%1 with set %2")
            .replace("%1", _hall(h))
            .replace("%2", h.other_set)
            for h in cell.halls
        ]
        return QCoreApplication.translate(
            "RotationCells", "The halls left hold another set in this period: %1."
        ).replace("%1", _names(where))
    if r is EmptyReason.CHANGEOVER:
        first = cell.halls[0] if cell.halls else None
        text = QCoreApplication.translate(
            "RotationCells", "The halls left do not fit the changeover window: %1."
        ).replace("%1", _names(halls))
        if first is not None and first.move_from:
            text += " " + (
                QCoreApplication.translate(
                    "RotationCells", "Moving from %1 to %2 takes %3 working days; the window has %4."
                )
                .replace("%1", first.move_from)
                .replace("%2", first.move_to)
                .replace("%3", str(first.days_needed))
                .replace("%4", str(first.window_days))
            )
        elif first is not None and first.other_set:
            text += " " + (
                QCoreApplication.translate(
                    "RotationCells",
                    "In %1 this set and set %2 change over in one window: %3 working days of "
                    "uninstalling and installing; the window has %4.",
                )
                .replace("%1", first.venue)
                .replace("%2", first.other_set)
                .replace("%3", str(first.days_needed))
                .replace("%4", str(first.window_days))
            )
        return text
    return QCoreApplication.translate(
        "RotationCells",
        "Nothing better: the solver left the set in store, though a hall was free and within reach: %1.",
    ).replace("%1", _names(halls))


def empty_text(cell: EmptyCellRow) -> str:
    """What an empty cell shows: the reason in a few words, and where a set still stands."""
    if cell.reason is EmptyReason.EARLIER_STAY and cell.halls:
        return f"{cell.halls[0].venue}\n{reason_label(cell.reason)}"
    periods = {h.other_period for h in cell.halls}
    if cell.reason is EmptyReason.HOSTS_IT_ELSEWHEN and len(periods) == 1:
        return QCoreApplication.translate("RotationCells", "Hall used in period %1").replace(
            "%1", str((periods.pop() or 0) + 1)
        )
    return reason_label(cell.reason)


def stay_text(stay: StayRow) -> str:
    return f"{stay.venue_name}\n{stay.county}{' ' + LOCK_MARK if stay.locked else ''}"


def stay_tip(stay: StayRow) -> str:
    text = (
        QCoreApplication.translate("RotationCells", "%1 (%2), open %3 to %4")
        .replace("%1", stay.venue_name)
        .replace("%2", stay.county)
        .replace("%3", stay.start.isoformat())
        .replace("%4", stay.end.isoformat())
    )
    if stay.locked:
        text += "\n" + QCoreApplication.translate("RotationCells", "Locked: a re-solve keeps it.")
    return text


def set_tip(row: GridSet) -> str:
    region = (
        QCoreApplication.translate("RotationCells", "rotates in %1").replace("%1", _region(row.cities))
        if row.cities
        else QCoreApplication.translate("RotationCells", "goes anywhere in the province")
    )
    return (
        QCoreApplication.translate("RotationCells", "%1 %2: needs a hall of %3 m²; %4")
        .replace("%1", row.code)
        .replace("%2", row.name)
        .replace("%3", f"{row.hall_area_m2:,.0f}")
        .replace("%4", region)
    )


def empty_summary(grid: RotationGrid) -> str:
    """How many set-periods each reason leaves empty, the commonest first."""
    counts = Counter(cell.reason for cell in grid.empty)
    separator = QCoreApplication.translate("RotationCells", ", ", "between the names of a list")
    parts = [f"{reason_label(reason)} {n}" for reason, n in counts.most_common()]
    free = grid.plan.rotation.set_periods_free
    return (
        QCoreApplication.translate("RotationCells", "%1 of %2 free set-periods hosted; empty: %3")
        .replace("%1", str(len(grid.stays)))
        .replace("%2", str(free))
        .replace("%3", separator.join(parts))
    )


class GridModel(RowsModel):
    """The grid's rows with a tooltip per cell and empty cells muted (grey, italic)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tips: dict[tuple[int, int], str] = {}
        self.muted: set[tuple[int, int]] = set()

    def set_cells(self, tips: dict[tuple[int, int], str], muted: set[tuple[int, int]]) -> None:
        self.tips, self.muted = tips, muted
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid():
            key = (index.row(), index.column())
            if role == Qt.ItemDataRole.ToolTipRole and key in self.tips:
                return self.tips[key]
            if key in self.muted:
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor("#5f6368"))
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(QColor("#f1f3f4"))
                if role == Qt.ItemDataRole.FontRole:
                    font = QFont()
                    font.setItalic(True)
                    return font
        return super().data(index, role)
