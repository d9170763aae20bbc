"""The tour planner's actions on the plan shown: lock a visit, write a trip's field kit, approve the
plan, re-solve it keeping the locks, compare two plans (hand moves are in tour_hand_edits.py). A
part of TourPlannerPage (ui/tour_planner.py), which builds the widgets named here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from caravan_app.domain.enums import PlanStatus
from caravan_app.errors import CaravanError
from caravan_app.services import tour_plans
from caravan_app.services.tour_plans import PlanRow, TourPlanDetail
from caravan_app.ui.commands import LockStopCommand
from caravan_app.ui.context import AppContext
from caravan_app.ui.kit_files import export_kit_file
from caravan_app.ui.labels import yes_no
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.plan_compare import CompareDialog
from caravan_app.ui.table_model import RowsModel
from caravan_app.ui.tour_dialogs import MoveVisitDialog, pydate


class TourPlanActions(QWidget):
    """What can be done to the plan shown."""

    context: AppContext
    detail: TourPlanDetail | None
    plans: list[PlanRow]
    start: QDateEdit
    end: QDateEdit
    plan_name: QLineEdit
    itinerary: QTableView
    itinerary_model: RowsModel
    lock_button: QPushButton
    move_button: QPushButton
    kit_button: QPushButton
    move_note: QLabel
    hand_move_note: QLabel
    trip_of_stop: dict[int, str]
    _linking: bool
    # --- plan actions ----------------------------------------------------------------------------

    def selected_stop_row(self) -> int | None:
        rows = self.itinerary.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _itinerary_selected(self) -> None:
        row = self.selected_stop_row()
        if row is not None and not self._linking:
            # The user chose a stop here: the timeline and the map follow.
            trip = str(self.itinerary_model.value(row, "trip_code"))
            self.select_in_views(trip, str(self.itinerary_model.value(row, "request")), "itinerary")
        self._stop_buttons()

    def _stop_buttons(self) -> None:
        """The buttons that act on the selected visit, enabled when there is one."""
        row = self.selected_stop_row()
        self.lock_button.setEnabled(row is not None)
        self.move_button.setEnabled(row is not None)
        self.kit_button.setEnabled(row is not None)
        if row is not None:
            locked = self.itinerary_model.value(row, "locked") == yes_no(True)
            self.lock_button.setText(self.tr("Unlock visit") if locked else self.tr("Lock visit"))

    def toggle_lock(self, row: int | None = None) -> bool:
        row = self.selected_stop_row() if row is None else row
        if row is None:
            return False
        stop_id, version = self.itinerary_model.row_id(row), self.itinerary_model.row_version(row)
        locked = self.itinerary_model.value(row, "locked") != yes_no(True)
        try:
            new_version = tour_plans.set_stop_locked(self.context.db, stop_id, version, locked)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self.show_selected_plan()
            return False
        ref = self.context.refs.reset("tour_stops", stop_id, new_version)
        venue = self.itinerary_model.value(row, "venue")
        text = (self.tr("Lock visit %1") if locked else self.tr("Unlock visit %1")).replace("%1", str(venue))
        self.context.undo_stack.push(
            LockStopCommand(self.context.db, self.context.feedback, text, ref, locked)
        )
        self.show_selected_plan()
        return True

    def _itinerary_menu(self, point: QPoint) -> None:
        index = self.itinerary.indexAt(point)
        if not index.isValid():
            return
        self.itinerary.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.lock_button.text(), lambda: self.toggle_lock())
        menu.addAction(self.tr("Move visit…"), lambda: self.open_move_dialog())
        menu.addAction(self.kit_button.text(), self.choose_export_kit)
        menu.exec(self.itinerary.viewport().mapToGlobal(point))

    def choose_export_kit(self) -> None:
        row = self.selected_stop_row()
        if row is None:
            return
        trip = self.trip_of_stop.get(self.itinerary_model.row_id(row))
        if trip is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export field kit"), f"{trip}.ckit", self.tr("Field kits (*.ckit)")
        )
        if path:
            self.export_kit(trip, Path(path if path.endswith(".ckit") else path + ".ckit"))

    def export_kit(self, trip: str, path: Path) -> None:
        """Write the field kit of `trip` for its crew to take offline (in the background); a draft
        plan's trip is written only after asking."""
        db, lang = self.context.db, "zh" if QLocale().name().startswith("zh") else "en"
        export_kit_file(
            self,
            db,
            "trip",
            trip,
            path,
            lang,
            lambda manifest: self.hand_move_note.setText(
                self.tr("Field kit of trip %1 written to %2 (%3 parts).")
                .replace("%1", manifest.code)
                .replace("%2", str(path))
                .replace("%3", str(len(manifest.parts)))
            ),
        )

    def approve(self, confirm: bool = True) -> bool:
        if self.detail is None:
            return False
        plan = self.detail.plan
        status = PlanStatus.DRAFT if plan.status is PlanStatus.APPROVED else PlanStatus.APPROVED
        if confirm and status is PlanStatus.APPROVED:
            answer = QMessageBox.question(
                self, self.tr("Approve"), self.tr("Approve plan %1?").replace("%1", plan.name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            tour_plans.set_plan_status(self.context.db, plan.id, plan.version, status)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return False
        self.refresh_plans(select_name=plan.name)
        return True

    def _linkage_dates(self) -> tuple[date, date]:
        """The shown plan's dates (the advice is about that plan's term), else the dates chosen."""
        if self.detail is not None:
            return self.detail.plan.start, self.detail.plan.end
        return pydate(self.start.date()), pydate(self.end.date())

    def resolve_keeping_locks(self) -> bool:
        if self.detail is None:
            return False
        plan = self.detail.plan
        self.set_dates(plan.start, plan.end)
        if not self.plan_name.text().strip():
            self.plan_name.setText(self.tr("%1 (re-solved)").replace("%1", plan.name)[:80])
        return self.start_solve(keep_locks_from=plan.name)

    def compare(self) -> None:
        if len(self.plans) < 2:
            return
        self.compare_dialog = CompareDialog(self.plans, self.context.db, self)
        self.compare_dialog.open()

    # Last in the class: pyside6-lupdate loses the class name of whatever follows such a block.
    if TYPE_CHECKING:

        def refresh_plans(self, select_name: str | None = None) -> None: ...
        def show_selected_plan(self) -> None: ...
        def set_dates(self, start: date, end: date) -> None: ...
        def start_solve(self, keep_locks_from: str | None = None) -> bool: ...
        def select_in_views(self, trip: str, request: str = "", source: str = "") -> None: ...
        def open_move_dialog(self) -> MoveVisitDialog | None: ...
