"""The tour planner's solving: the term, dates, caravans and requests to plan, and the solve run in a
worker with progress and Cancel. A part of TourPlannerPage (ui/tour_planner.py), which builds the
widgets named here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.calendar import Term
from caravan_app.errors import CaravanError
from caravan_app.planning.control import Progress
from caravan_app.services import permissions, tour_plans
from caravan_app.services.tour_planning import TourPlanSummary, plan_term_tours
from caravan_app.services.tour_plans import PlanRow
from caravan_app.ui import preferences
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.context import AppContext
from caravan_app.ui.outcomes import error_text, solve_status
from caravan_app.ui.terms import default_plan_name
from caravan_app.ui.tour_dialogs import ChecklistDialog, pydate, qdate

_log = log.get(log.UI)


class TourSolving(QWidget):
    """Choosing what to solve and solving it."""

    context: AppContext
    plans: list[PlanRow]
    chosen_caravans: set[str] | None
    chosen_requests: set[str] | None
    progress_seen: list[Progress]
    last_error: str
    solve_op: Operation | None
    term: QComboBox
    terms: dict[str, Term]
    start: QDateEdit
    end: QDateEdit
    caravans_button: QPushButton
    requests_button: QPushButton
    time_limit: QDoubleSpinBox
    max_days: QSpinBox
    plan_name: QLineEdit
    solve_button: QPushButton
    cancel_button: QPushButton
    resolve_button: QPushButton
    progress: QProgressBar
    progress_label: QLabel
    # --- choosing what to solve ------------------------------------------------------------------

    def _term_chosen(self) -> None:
        name = self.term.currentData()
        custom = not name
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if name:
            t = self.terms[str(name)]
            self.start.setDate(qdate(t.start))
            self.end.setDate(qdate(t.end))

    def set_dates(self, start: date, end: date) -> None:
        self.term.setCurrentIndex(self.term.count() - 1)
        self.start.setDate(qdate(start))
        self.end.setDate(qdate(end))

    def choose_caravans(self) -> None:
        # A city's or county's account plans its own caravans only: the others are not offered.
        own = permissions.own_caravans(self.context.db)
        items = [
            (code, f"{code} · {plate} · {kind}")
            for code, plate, kind in tour_plans.caravans_in_service(self.context.db)
            if own is None or code in own
        ]
        dialog = ChecklistDialog(self.tr("Caravans to plan"), items, self.chosen_caravans, self)
        if dialog.exec():
            chosen = dialog.chosen()
            self.chosen_caravans = None if len(chosen) == len(items) else chosen
            self._show_choices()

    def choose_requests(self) -> None:
        start, end = pydate(self.start.date()), pydate(self.end.date())
        rows = tour_plans.open_requests_in(self.context.db, start, end)
        items = [
            (code, f"{code} · {venue} · {county} · P{priority}") for code, venue, county, priority in rows
        ]
        dialog = ChecklistDialog(self.tr("Requests to plan"), items, self.chosen_requests, self)
        if dialog.exec():
            chosen = dialog.chosen()
            self.chosen_requests = None if len(chosen) == len(items) else chosen
            self._show_choices()

    def _show_choices(self) -> None:
        own = permissions.own_caravans(self.context.db) if self.chosen_caravans is None else None
        if own is not None:
            text = self.tr("Caravans: your own (%1)").replace("%1", str(len(own)))
        elif self.chosen_caravans is None:
            text = self.tr("Caravans: all")
        else:
            text = self.tr("Caravans: %1").replace("%1", str(len(self.chosen_caravans)))
        self.caravans_button.setText(text)
        self.requests_button.setText(
            self.tr("Requests: all open")
            if self.chosen_requests is None
            else self.tr("Requests: %1").replace("%1", str(len(self.chosen_requests)))
        )

    # --- solving -------------------------------------------------------------------------------

    def _default_name(self) -> str:
        return default_plan_name("tours", self.term.currentData() or None, pydate(self.start.date()))

    @property
    def solving(self) -> bool:
        return self.solve_op is not None and self.solve_op.running

    def start_solve(self, keep_locks_from: str | None = None) -> bool:
        if self.solving:
            return False
        start, end = pydate(self.start.date()), pydate(self.end.date())
        if end < start:
            QMessageBox.warning(self, self.tr("Cannot solve"), self.tr("The last day is before the first."))
            return False
        chosen_name = bool(self.plan_name.text().strip())
        name = self.plan_name.text().strip() or self._default_name()
        if chosen_name and any(p.name == name for p in self.plans):
            QMessageBox.warning(
                self, self.tr("Cannot solve"), self.tr("A plan named %1 exists already.").replace("%1", name)
            )
            return False
        road = preferences.planning().road_distances
        db, time_limit = self.context.db, self.time_limit.value()
        max_days = self.max_days.value() or None
        caravans = tuple(sorted(self.chosen_caravans)) if self.chosen_caravans is not None else None
        requests = tuple(sorted(self.chosen_requests)) if self.chosen_requests is not None else None

        def solve(state: TaskState) -> TourPlanSummary:
            return plan_term_tours(
                db,
                start,
                end,
                name=name,
                chosen_name=chosen_name,
                control=state.control(time_limit),
                keep_locks_from=keep_locks_from,
                distances_csv=Path(road) if road else None,
                caravans=caravans,
                requests=requests,
                max_days_per_caravan=max_days,
            )

        self.progress_seen = []
        self.last_error = ""
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Starting…"))
        self.solve_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.resolve_button.setEnabled(False)
        self._time_limit = time_limit
        self.solve_op = (
            Operation(self, solve, "tour_solve")
            .progress(self._progress)
            .success(self._solved)
            .failure(self._solve_failed)
            .finished(self._solve_ended)
            .run()
        )
        return True

    def _progress(self, progress: Progress) -> None:
        self.progress_seen.append(progress)
        self.progress.setValue(min(99, int(100 * progress.seconds / max(self._time_limit, 1))))
        self.progress_label.setText(
            self.tr("%1 s: %2 requests served, best objective %3")
            .replace("%1", f"{progress.seconds:.1f}")
            .replace("%2", str(progress.served))
            .replace("%3", f"{progress.objective:,.1f}")
        )

    def cancel_solve(self) -> None:
        if self.solve_op is not None:
            self.solve_op.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling: keeping the best plan found so far…"))

    def _solve_ended(self) -> None:
        self.solve_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if not self.last_error:
            self.progress.setValue(100)
        self._show_detail()

    def _solved(self, summary: TourPlanSummary) -> None:
        f = summary.figures
        self.progress_label.setText(
            self.tr("Done: %1 of %2 requests served in %3 s (%4).")
            .replace("%1", str(f.served))
            .replace("%2", str(f.requests))
            .replace("%3", f"{f.solve_seconds:.1f}")
            .replace("%4", solve_status(f.status))
        )
        if summary.violations:
            self.progress_label.setText(
                self.progress_label.text()
                + " "
                + self.tr("The checker found %1 broken rule(s); see the log.").replace(
                    "%1", str(len(summary.violations))
                )
            )
        self.plan_name.clear()
        self.refresh_plans(select_name=summary.name)
        self.context.bus.data_changed.emit("plans")

    def _solve_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            _log.error("tour solve failed", exc_info=exc)
        self.progress.setValue(0)
        self.last_error = error_text(exc)
        self.progress_label.setText(self.tr("Not solved: %1").replace("%1", self.last_error))

    # Last in the class: pyside6-lupdate loses the class name of whatever follows such a block.
    if TYPE_CHECKING:

        def refresh_plans(self, select_name: str | None = None) -> None: ...
        def _show_detail(self) -> None: ...
