"""Comparing two tour plans: their figures side by side, days per caravan, the requests the second plan
gains and loses against the first (by venue and county, with why the other leaves each out), and the
trips that differ; a warning when the plans cover different dates, whose figures then count
different periods. The comparison is counted by services.plan_compare in the background."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services.plan_compare import PlanComparison, PlanSide, RequestChange, compare_plans
from caravan_app.services.tour_plans import PlanRow
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.labels import display, enum_label
from caravan_app.ui.outcomes import error_text, unserved_reason
from caravan_app.ui.table_model import RowsModel

# Comparisons are counted one after another: a quick change of both plans asks twice.
COMPARISONS = Queue()
# Plan names in a column header wrap at this many characters rather than being cut off.
HEADER_WRAP = 22
WARNING_STYLE = "QLabel { background: #fff4e0; color: #7a3e00; border: 1px solid #e0b070; padding: 6px; }"


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return display(value)


def _signed(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == 0:
            return "0"
        return ("+" if value > 0 else "−") + _number(abs(value))
    return display(value)


def _wrapped(name: str) -> str:
    return "\n".join(textwrap.wrap(name, HEADER_WRAP, break_long_words=True)) or name


def _table(name: str, model: RowsModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # rows come in their own order at first
    return view


class CompareDialog(QDialog):
    """Two tour plans side by side; the second is compared against the first."""

    def __init__(self, plans: list[PlanRow], db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.plans = plans
        self.db = db
        self.comparison: PlanComparison | None = None
        self.failure = ""
        self.model = RowsModel(self)  # the figures
        self.days_model = RowsModel(self)
        self.gained_model = RowsModel(self)
        self.lost_model = RowsModel(self)
        self.trips_model = RowsModel(self)

        self.first, self.second = QComboBox(), QComboBox()
        self.first.setObjectName("first")
        self.second.setObjectName("second")
        for box in (self.first, self.second):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
            for plan in plans:
                box.addItem(plan.name, plan.id)
        self.second.setCurrentIndex(0)
        self.first.setCurrentIndex(1 if len(plans) > 1 else 0)
        self.first_label, self.second_label = QLabel(), QLabel()
        self.first_side, self.second_side = QLabel(), QLabel()
        for side in (self.first_side, self.second_side):
            side.setWordWrap(True)
            side.setTextFormat(Qt.TextFormat.PlainText)
            side.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.first_side.setObjectName("first_side")
        self.second_side.setObjectName("second_side")
        self.warning = QLabel()
        self.warning.setObjectName("horizon_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(False)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("compare_tabs")
        self.table = _table("comparison", self.model)
        self.table.setSortingEnabled(False)  # figures read in their own order
        # Numbers next to their names, not pushed to the far edge of a wide dialog.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        self.days_table = _table("caravan_days", self.days_model)
        self.gained_table = _table("gained", self.gained_model)
        self.lost_table = _table("lost", self.lost_model)
        self.trips_table = _table("changed_trips", self.trips_model)
        self.days_table.horizontalHeader().setStretchLastSection(False)
        for view in (self.table, self.days_table, self.gained_table, self.lost_table, self.trips_table):
            self.tabs.addTab(view, "")

        choose = QGridLayout()
        choose.addWidget(self.first_label, 0, 0)
        choose.addWidget(self.first, 0, 1)
        choose.addWidget(self.second_label, 0, 2)
        choose.addWidget(self.second, 0, 3)
        choose.addWidget(self.first_side, 1, 0, 1, 2)
        choose.addWidget(self.second_side, 1, 2, 1, 2)
        choose.setColumnStretch(1, 1)
        choose.setColumnStretch(3, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.warning)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._fit_to(parent)
        self.retranslate_ui()
        for box in (self.first, self.second):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _fit_to(self, parent: QWidget | None) -> None:
        """As large as the window it opens over allows, up to what the tables need."""
        width, height = 1500, 880
        if parent is not None:
            outer = parent.window().size()
            width = min(width, int(outer.width() * 0.9))
            height = min(height, int(outer.height() * 0.9))
        self.resize(max(width, 640), max(height, 420))

    # --- counting -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return COMPARISONS.busy

    def chosen(self) -> tuple[int, int] | None:
        a, b = self.first.currentData(), self.second.currentData()
        return None if a is None or b is None else (int(a), int(b))

    def refresh(self) -> None:
        """Count the comparison of the plans chosen, in the background."""
        ids = self.chosen()
        if ids is None:
            return
        db = self.db

        def work(_state: TaskState) -> PlanComparison:
            return compare_plans(db, *ids)

        Operation(self, work, "plan_compare").success(self._counted).failure(self._failed).run(COMPARISONS)

    def _counted(self, comparison: PlanComparison) -> None:
        # A comparison asked for before the last change of plans is not shown.
        if (comparison.first.id, comparison.second.id) != self.chosen():
            return
        self.failure = ""
        self.comparison = comparison
        self.show_comparison()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        self.failure = error_text(exc)
        self.warning.setText(self.failure)
        self.warning.setVisible(True)

    # --- showing --------------------------------------------------------------------------------

    def _side_text(self, side: PlanSide) -> str:
        return (
            self.tr("%1 · %2 · %3 — %4 (%5 days)")
            .replace("%1", side.name)
            .replace("%2", enum_label(side.status))
            .replace("%3", side.start.isoformat())
            .replace("%4", side.end.isoformat())
            .replace("%5", str(side.horizon_days))
        )

    def show_comparison(self) -> None:
        c = self.comparison
        if c is None:
            return
        a, b = c.first, c.second
        self.first_side.setText(self._side_text(a))
        self.second_side.setText(self._side_text(b))
        self.warning.setText(self.warning_text(c))
        self.warning.setVisible(bool(self.warning.text()))
        self.summary.setText(
            self.tr(
                "Against the first plan, the second serves %1 requests more and %2 fewer. "
                "Trips: %3 the same in both, %4 only in the first, %5 only in the second."
            )
            .replace("%1", str(len(c.gained)))
            .replace("%2", str(len(c.lost)))
            .replace("%3", str(c.trips_same))
            .replace("%4", str(c.trips_only_first))
            .replace("%5", str(c.trips_only_second))
        )
        self._show_figures(c)
        self._show_days(c)
        self._show_requests(c)
        self._show_trips(c)
        self.tabs.setTabText(0, self.tr("Figures"))
        self.tabs.setTabText(1, self.tr("Days per caravan"))
        self.tabs.setTabText(2, self.tr("Requests gained (%1)").replace("%1", str(len(c.gained))))
        self.tabs.setTabText(3, self.tr("Requests lost (%1)").replace("%1", str(len(c.lost))))
        self.tabs.setTabText(4, self.tr("Trips changed (%1)").replace("%1", str(len(c.changed_trips))))

    def warning_text(self, c: PlanComparison) -> str:
        if c.same_plan:
            return self.tr("Both sides show the same plan: choose another to compare with.")
        if not c.horizons_differ:
            return ""
        return (
            self.tr(
                "The plans cover different dates: the first %1 — %2 (%3 days), the second %4 — %5 "
                "(%6 days). Their figures count different periods and requests: %7 requests are only "
                "among the first plan's, %8 only among the second's."
            )
            .replace("%1", c.first.start.isoformat())
            .replace("%2", c.first.end.isoformat())
            .replace("%3", str(c.first.horizon_days))
            .replace("%4", c.second.start.isoformat())
            .replace("%5", c.second.end.isoformat())
            .replace("%6", str(c.second.horizon_days))
            .replace("%7", str(c.only_first_requests))
            .replace("%8", str(c.only_second_requests))
        )

    def _show_figures(self, c: PlanComparison) -> None:
        a, b = c.first, c.second

        def share(side: PlanSide) -> float:
            return round(100 * side.served / side.requests, 1) if side.requests else 0.0

        rows: list[tuple[str, Any, Any]] = [
            (self.tr("Requests served"), a.served, b.served),
            (self.tr("Requests"), a.requests, b.requests),
            (self.tr("Share served (%)"), share(a), share(b)),
            (self.tr("Key-county requests served"), a.key_county_served, b.key_county_served),
            (self.tr("Key-county requests"), a.key_county_requests, b.key_county_requests),
            (self.tr("Kilometres"), a.km, b.km),
            (self.tr("Trips"), a.trips, b.trips),
            (self.tr("Show days"), a.show_days, b.show_days),
            (self.tr("Days on the road"), a.days_on_road, b.days_on_road),
            (self.tr("Caravans on the road"), a.caravans_on_road, b.caravans_on_road),
        ]
        values = [(name, x, y, round(y - x, 1) if isinstance(x, float) else y - x) for name, x, y in rows]

        def formatter(column: str, value: Any) -> str:
            return _signed(value) if column == "difference" else _number(value)

        self.model.set_rows(
            ["figure", "first", "second", "difference"],
            [self.tr("Figure"), _wrapped(a.name), _wrapped(b.name), self.tr("Difference")],
            values,
            formatter=formatter,
        )

    def _show_days(self, c: PlanComparison) -> None:
        rows = [
            (
                d.caravan,
                d.first_days,
                d.second_days,
                d.second_days - d.first_days,
                d.first_trips,
                d.second_trips,
                d.trips_changed,
            )
            for d in c.caravans
        ]

        def formatter(column: str, value: Any) -> str:
            return _signed(value) if column == "difference" else _number(value)

        self.days_model.set_rows(
            ["caravan", "first_days", "second_days", "difference", "first_trips", "second_trips", "changed"],
            [
                self.tr("Caravan"),
                self.tr("Days on the road,\n%1").replace("%1", _wrapped(c.first.name)),
                self.tr("Days on the road,\n%1").replace("%1", _wrapped(c.second.name)),
                self.tr("Difference"),
                self.tr("Trips,\n%1").replace("%1", _wrapped(c.first.name)),
                self.tr("Trips,\n%1").replace("%1", _wrapped(c.second.name)),
                self.tr("Trips changed"),
            ],
            rows,
            formatter=formatter,
        )

    def why_not(self, change: RequestChange, other: PlanSide) -> str:
        """Why the other plan does not serve the request, in the window's language."""
        if change.reason is not None:
            return unserved_reason(change.reason)
        if not other.start <= change.served.day <= other.end:
            return (
                self.tr("Outside its dates (%1 — %2)")
                .replace("%1", other.start.isoformat())
                .replace("%2", other.end.isoformat())
            )
        return self.tr("Not among its requests")

    def _request_rows(self, changes: tuple[RequestChange, ...], other: PlanSide) -> list[tuple[Any, ...]]:
        return [
            (
                ch.served.request_code,
                ch.served.venue_name,
                ch.served.county,
                ch.served.key_county,
                ch.served.day,
                ch.served.caravan,
                self.why_not(ch, other),
            )
            for ch in changes
        ]

    def _show_requests(self, c: PlanComparison) -> None:
        columns = ["request", "venue", "county", "key_county", "day", "caravan", "why"]

        def titles(served_in: str, missing_in: str) -> list[str]:
            return [
                self.tr("Request"),
                self.tr("Venue"),
                self.tr("County"),
                self.tr("Key county"),
                self.tr("Show day in\n%1").replace("%1", _wrapped(served_in)),
                self.tr("Caravan in\n%1").replace("%1", _wrapped(served_in)),
                self.tr("Why not in\n%1").replace("%1", _wrapped(missing_in)),
            ]

        self.gained_model.set_rows(
            columns, titles(c.second.name, c.first.name), self._request_rows(c.gained, c.first)
        )
        self.lost_model.set_rows(
            columns, titles(c.first.name, c.second.name), self._request_rows(c.lost, c.second)
        )

    def _show_trips(self, c: PlanComparison) -> None:
        names = {1: c.first.name, 2: c.second.name}

        def stops(days: tuple[tuple[str, date], ...]) -> str:
            return " → ".join(f"{day:%m-%d} {name}" for name, day in days)

        rows = [
            (
                names[ch.plan],
                ch.trip.caravan,
                ch.trip.code,
                ch.trip.leave_at.date(),
                ch.trip.back_at.date(),
                ch.trip.km,
                stops(ch.trip.stops),
            )
            for ch in c.changed_trips
        ]
        self.trips_model.set_rows(
            ["plan", "caravan", "trip", "leave", "back", "km", "stops"],
            [
                self.tr("Only in"),
                self.tr("Caravan"),
                self.tr("Trip"),
                self.tr("Leaves"),
                self.tr("Back"),
                self.tr("km"),
                self.tr("Stops"),
            ],
            rows,
            formatter=lambda _column, value: _number(value),
        )

    # --- language -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Compare plans"))
        self.first_label.setText(self.tr("First plan"))
        self.second_label.setText(self.tr("Compared with"))
        if self.comparison is not None:
            self.show_comparison()
        else:
            for i, text in enumerate(
                (
                    self.tr("Figures"),
                    self.tr("Days per caravan"),
                    self.tr("Requests gained"),
                    self.tr("Requests lost"),
                    self.tr("Trips changed"),
                )
            ):
                self.tabs.setTabText(i, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
