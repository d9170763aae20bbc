"""The tour planner's hand edits: move a visit, or place an unserved request, where it fits. The
caravans and days it fits on are worked out in the background (services.tour_edits.move_choices)
and offered in a dialog, or tinted on the timeline while a visit is dragged there; the move itself
is checked again when it is made, undoable, and a refusal names the rule in the window's language.
A part of TourPlannerPage (ui/tour_planner.py), which builds the widgets named here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QTabWidget, QWidget

from caravan_app.domain.outcomes import UnservedReason
from caravan_app.errors import CaravanError
from caravan_app.services import tour_edits
from caravan_app.services.tour_edits import MoveChoices, MoveResult
from caravan_app.services.tour_plans import PlanRow, TourPlanDetail
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.context import AppContext
from caravan_app.ui.outcomes import error_text, refusal_text, unserved_detail
from caravan_app.ui.table_model import RowsModel
from caravan_app.ui.timeline import TimelineWidget
from caravan_app.ui.tour_dialogs import MOVES, MoveVisitCommand, MoveVisitDialog


class TourHandEdits(QWidget):
    """Moving visits and placing unserved requests by hand."""

    context: AppContext
    detail: TourPlanDetail | None
    itinerary: QTableView
    itinerary_model: RowsModel
    unserved: QTableView
    unserved_model: RowsModel
    place_button: QPushButton
    move_note: QLabel
    place_note: QLabel
    timeline: TimelineWidget
    tabs: QTabWidget

    def _hand_edits(self) -> None:
        self.move_dialog: MoveVisitDialog | None = None
        self.fits: MoveChoices | None = None  # the choices of the visit last dragged or opened
        self.fitting: Operation | None = None

    # --- the dialog ------------------------------------------------------------------------------

    def _choices_work(self, request: str) -> Callable[[TaskState], MoveChoices]:
        """Where the request's visit fits in the plan shown, worked out off the GUI thread."""
        assert self.detail is not None
        plan, db = self.detail.plan, self.context.db

        def work(state: TaskState) -> MoveChoices:
            return tour_edits.move_choices(db, plan.name, request, plan.version, stop=lambda: state.cancelled)

        return work

    def _unserved_row(self, request: str) -> tuple[str, str] | None:
        """An unserved request's venue and why it is unserved, in the window's words."""
        found = (
            next((u for u in self.detail.unserved if u.request_code == request), None)
            if self.detail
            else None
        )
        if found is None:
            return None
        why = unserved_detail(
            found.reason, found.venue_name, found.county, found.types_wanted, found.themes_wanted
        )
        return found.venue_name, why

    def open_move_dialog(self) -> MoveVisitDialog | None:
        """The dialog to move the selected visit; the move is made when it is accepted."""
        row = self.selected_stop_row()
        if row is None or self.detail is None:
            return None
        request = str(self.itinerary_model.value(row, "request"))
        caravan = str(self.itinerary_model.value(row, "caravan"))
        day = self.itinerary_model.value(row, "day")
        assert isinstance(day, date)
        venue = str(self.itinerary_model.value(row, "venue"))
        return self._open_dialog(request, venue, (caravan, day), "")

    def open_place_dialog(self) -> MoveVisitDialog | None:
        """The dialog to place the selected unserved request where it fits."""
        rows = self.unserved.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        request = str(self.unserved_model.value(rows[0].row(), "request"))
        found = self._unserved_row(request)
        if found is None:
            return None
        return self._open_dialog(request, found[0], None, found[1])

    def _open_dialog(
        self, request: str, venue: str, now: tuple[str, date] | None, why: str
    ) -> MoveVisitDialog:
        dialog = MoveVisitDialog(request, venue, now, why, self._choices_work(request), self)
        dialog.accepted.connect(lambda: self._move_chosen(dialog))
        self.move_dialog = dialog
        dialog.open()
        return dialog

    def _move_chosen(self, dialog: MoveVisitDialog) -> None:
        chosen = dialog.chosen()
        if chosen is not None:
            self.move_visit(dialog.request, *chosen)

    def _unserved_selected(self) -> None:
        rows = self.unserved.selectionModel().selectedRows()
        self.place_button.setEnabled(bool(rows) and self.detail is not None)
        if rows:
            self.show_unserved_on_map(str(self.unserved_model.value(rows[0].row(), "request")))

    # --- the timeline ------------------------------------------------------------------------------

    def work_out_fits(self, request: str) -> None:
        """Where a visit fits, for the timeline to tint while it is dragged (in the background)."""
        if self.detail is None:
            return
        if self.fitting is not None and self.fitting.running:
            self.fitting.cancel()
        self.fits = None
        self.fitting = (
            Operation(self, self._choices_work(request), "move_choices")
            .success(self._fits_known)
            .failure(lambda exc: self.move_note.setText(error_text(exc)))
            .run()
        )

    def _fits_known(self, choices: MoveChoices) -> None:
        self.fits = choices
        self.timeline.set_fits(choices.request, {(c.caravan, c.day) for c in choices.choices})

    def visit_dropped(self, request: str, caravan: str, day: object) -> None:
        """A visit dropped on the timeline: moved where it fits; elsewhere the rule it would break is
        named and nothing changes."""
        assert isinstance(day, date)
        choices = self.fits if self.fits is not None and self.fits.request == request else None
        if (
            choices is not None
            and self.detail is not None
            and choices.plan_version == self.detail.plan.version
        ):
            if choices.now == (caravan, day):
                return  # dropped where it was
            refusal = choices.refused.get((caravan, day))
            if refusal is not None:
                self.move_note.setText(self.tr("Not moved: %1").replace("%1", refusal_text(refusal)))
                return
        # Fits, or not known yet: the move is checked as it is made.
        self.move_visit(request, caravan, day)

    # --- the move ------------------------------------------------------------------------------------

    @property
    def moving(self) -> bool:
        """A hand move (or its undo or redo) is being made."""
        return MOVES.busy

    def move_visit(self, request: str, caravan: str, day: date) -> None:
        """Move a visit, or place an unserved request (in the background, after any move still being
        made); a refusal is shown with the rule it would break."""
        if self.detail is None:
            return
        plan = self.detail.plan
        db = self.context.db

        def work(_state: TaskState) -> MoveResult:
            # The plan's version when the move starts: a move queued before this one has changed it.
            shown = self.detail.plan if self.detail is not None else plan
            version = shown.version if shown.id == plan.id else plan.version
            return tour_edits.move_visit(db, plan.name, request, caravan, day, version)

        self._note(request).setText(self.tr("Moving %1…").replace("%1", request))
        Operation(self, work, "visit_move").success(
            lambda result: self._moved(plan, request, (caravan, day), result)
        ).failure(lambda exc: self._move_failed(request, exc)).run(MOVES)

    def _note(self, request: str) -> QLabel:
        """Where a move's outcome is said: under the unserved list for a placement, else the itinerary."""
        placing = self.detail is not None and any(u.request_code == request for u in self.detail.unserved)
        return self.place_note if placing and self.tabs.currentIndex() == 2 else self.move_note

    def _moved(self, plan: PlanRow, request: str, to: tuple[str, date], result: MoveResult) -> None:
        note = (
            self.place_note
            if result.from_reason is not None and self.tabs.currentIndex() == 2
            else self.move_note
        )
        if result.refusal is not None:
            note.setText(self.tr("Not moved: %1").replace("%1", refusal_text(result.refusal)))
            return
        caravan, day = to
        venue = self._venue_of(request)
        if result.from_reason is not None:
            said = self.tr("Placed %1 (%2) with %3 on %4; it is locked there.")
            text = self.tr("Place request %1").replace("%1", request)
            origin: tuple[str, date] | UnservedReason = result.from_reason
        else:
            said = self.tr("Moved %1 (%2) to %3 on %4; it is locked there.")
            text = self.tr("Move visit %1").replace("%1", request)
            assert result.from_day is not None
            origin = (result.from_caravan, result.from_day)
        note.setText(
            said.replace("%1", request).replace("%2", venue).replace("%3", caravan).replace("%4", str(day))
        )
        self.context.undo_stack.push(
            MoveVisitCommand(
                self.context.db,
                self.context.feedback,
                text,
                plan.id,
                plan.name,
                request,
                to,
                origin,
                result.plan_version,
            )
        )
        self.show_selected_plan()

    def _venue_of(self, request: str) -> str:
        d = self.detail
        if d is None:
            return ""
        served = next((s.venue_name for t in d.trips for s in t.stops if s.request_code == request), None)
        return served or next((u.venue_name for u in d.unserved if u.request_code == request), "")

    def _move_failed(self, request: str, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        self._note(request).setText(self.tr("Not moved: %1").replace("%1", error_text(exc)))
        self.show_selected_plan()

    # Last in the class: pyside6-lupdate loses the class name of whatever follows such a block.
    if TYPE_CHECKING:

        def selected_stop_row(self) -> int | None: ...
        def show_selected_plan(self) -> None: ...
        def show_unserved_on_map(self, request: str) -> None: ...
