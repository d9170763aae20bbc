"""The rotation planner: which museum set stands in which venue in each period. Solve a rotation
(services.rotation, in a worker thread with progress and Cancel), see it as a sets × periods grid
and on the map of truck moves, lock stays and re-solve keeping them, approve."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import PlanKind, PlanStatus
from caravan_app.errors import CaravanError
from caravan_app.planning.control import Progress
from caravan_app.services import permissions, rotation, rotation_grid, tour_plans
from caravan_app.services.rotation_grid import RotationGrid, StayRow
from caravan_app.services.tour_plans import PlanRow
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.context import AppContext
from caravan_app.ui.hooks import map_page
from caravan_app.ui.kit_files import export_kit_file
from caravan_app.ui.labels import enum_label
from caravan_app.ui.map_pane import MapPane
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.pdf_output import ask_save_path, make_pdf, print_pdf, save_pdf_to
from caravan_app.ui.rotation_cells import (
    LOCK_MARK,
    GridModel,
    empty_summary,
    empty_text,
    reason_text,
    set_tip,
    stay_text,
    stay_tip,
)
from caravan_app.ui.terms import default_plan_name

_log = log.get(log.UI)
__all__ = ["LOCK_MARK", "RotationPage"]


class RotationPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_rotation")
        self.context = context
        self.grid: RotationGrid | None = None
        self.plans: list[PlanRow] = []
        self.solve_op: Operation | None = None
        self._time_limit = 60.0
        self.progress_seen: list[Progress] = []

        self.solve_group = QGroupBox()
        self.first = QDateEdit(QDate(2027, 3, 1))
        self.first.setObjectName("first")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("yyyy-MM-dd")
        self.periods = QSpinBox()
        self.periods.setObjectName("periods")
        self.periods.setRange(1, 24)
        self.periods.setValue(4)
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(1, 12)
        self.months.setValue(3)
        self.cities = QLineEdit()
        self.cities.setObjectName("cities")
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(1, 3600)
        self.time_limit.setDecimals(0)
        self.time_limit.setValue(60)
        self.plan_name = QLineEdit()
        self.plan_name.setObjectName("plan_name")
        self.solve_button, self.cancel_button = QPushButton(), QPushButton()
        self.solve_button.setObjectName("solve")
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.solve_button.clicked.connect(lambda: self.start_solve())
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.progress_label.setWordWrap(True)
        form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self._labels,
            (self.first, self.periods, self.months, self.cities, self.time_limit, self.plan_name),
            strict=True,
        ):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.solve_button)
        buttons.addWidget(self.cancel_button)
        solve_layout = QVBoxLayout(self.solve_group)
        solve_layout.addLayout(form)
        solve_layout.addLayout(buttons)
        solve_layout.addWidget(self.progress_label)

        self.plan_group = QGroupBox()
        self.plan_box = QComboBox()
        self.plan_box.setObjectName("plan")
        self.plan_box.currentIndexChanged.connect(lambda _i: self.show_selected_plan())
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.lock_button, self.resolve_button, self.approve_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.lock_button.setObjectName("lock")
        self.resolve_button.setObjectName("resolve")
        self.approve_button.setObjectName("approve")
        self.lock_button.clicked.connect(lambda: self.toggle_lock())
        self.kit_button = QPushButton()
        self.kit_button.setObjectName("export_kit")
        self.kit_button.setEnabled(False)
        self.kit_button.clicked.connect(self.choose_export_kit)
        self.resolve_button.clicked.connect(lambda: self.resolve_keeping_locks())
        self.approve_button.clicked.connect(lambda: self.approve())
        # Print… offers the PDF to keep or a printer, as the Reports screen does.
        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_menu = QMenu(self.print_button)
        self.save_action = self.print_menu.addAction("")
        self.save_action.setObjectName("save_pdf")
        self.save_action.triggered.connect(lambda: self.choose_save_schedule())
        self.printer_action = self.print_menu.addAction("")
        self.printer_action.setObjectName("to_printer")
        self.printer_action.triggered.connect(lambda: self.print_schedule())
        self.print_button.setMenu(self.print_menu)
        plan_layout = QVBoxLayout(self.plan_group)
        plan_layout.addWidget(self.plan_box)
        plan_layout.addWidget(self.figures)
        plan_layout.addWidget(self.lock_button)
        plan_layout.addWidget(self.kit_button)
        plan_layout.addWidget(self.resolve_button)
        plan_layout.addWidget(self.approve_button)
        plan_layout.addWidget(self.print_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.solve_group)
        left_layout.addWidget(self.plan_group)
        left_layout.addStretch(1)
        left.setMinimumWidth(300)
        left.setMaximumWidth(380)

        self.grid_model = GridModel(self)
        self.grid_view = QTableView()
        self.grid_view.setObjectName("grid")
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_view.verticalHeader().setVisible(False)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_view.setWordWrap(True)
        self.grid_view.verticalHeader().setDefaultSectionSize(44)
        self.grid_view.selectionModel().selectionChanged.connect(lambda *_a: self._cell_selected())
        # What the selected cell holds or why it is empty, for those who do not hover.
        self.cell_note = QLabel()
        self.cell_note.setObjectName("cell_note")
        self.cell_note.setWordWrap(True)
        self.cell_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid_host = QWidget()
        grid_layout = QVBoxLayout(grid_host)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.grid_view, 1)
        grid_layout.addWidget(self.cell_note)
        self.map = MapPane("rotation_map")
        self.tabs = QTabWidget()
        self.tabs.addTab(grid_host, "")
        self.tabs.addTab(self.map, "")
        self.tabs.currentChanged.connect(lambda _i: self._show_map())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.loaded = False
        context.bus.data_changed.connect(self._data_changed)
        self.retranslate_ui()

    # --- plans ---------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        if not self.loaded:
            self.refresh_plans()
        super().showEvent(event)

    def _data_changed(self, entity: str) -> None:
        if not self.loaded:
            return
        if entity == "set_placements":
            self.show_selected_plan()
        elif entity in ("*", "plans"):
            self.refresh_plans()

    def refresh_plans(self, select_name: str | None = None) -> None:
        current = select_name or (self.grid.plan.name if self.grid else None)
        self.plans = tour_plans.stored_plans(self.context.db, PlanKind.ROTATION)
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in self.plans:
            self.plan_box.addItem(f"{plan.name} · {enum_label(plan.status)}", plan.id)
        index = next((i for i, p in enumerate(self.plans) if p.name == current), 0)
        self.plan_box.setCurrentIndex(index if self.plans else -1)
        self.plan_box.blockSignals(False)
        self.loaded = True
        self.show_selected_plan()

    def show_selected_plan(self) -> None:
        plan_id = self.plan_box.currentData()
        try:
            self.grid = (
                rotation_grid.rotation_grid(self.context.db, int(plan_id)) if plan_id is not None else None
            )
        except CaravanError as exc:
            self.grid = None
            self.figures.setText(error_text(exc))
        self._show_grid()

    def _show_grid(self) -> None:
        g = self.grid
        for button in (self.resolve_button, self.approve_button):
            button.setEnabled(g is not None and not self.running)
        self.print_button.setEnabled(g is not None)
        self._show_map()
        if g is None:
            self.figures.setText(self.tr("No rotation plan yet — choose the first day and solve one."))
            self.grid_model.set_rows([], [], [])
            self._cell_selected()
            return
        f = g.plan.rotation
        self.figures.setText(
            self.tr("%1 · %2 sets in %3 periods · %4 stays, %5 locked")
            .replace("%1", enum_label(g.plan.status))
            .replace("%2", str(len(g.sets)))
            .replace("%3", str(len(g.periods)))
            .replace("%4", str(len(g.stays)))
            .replace("%5", str(sum(1 for s in g.stays if s.locked)))
            + "\n"
            + self.tr("%1 truck-km in %2 moves; %3 counties, %4 key counties")
            .replace("%1", f"{f.truck_km:,.0f}")
            .replace("%2", str(f.moves))
            .replace("%3", str(f.counties))
            .replace("%4", str(f.key_counties))
        )
        self.approve_button.setText(
            self.tr("Return to draft") if g.plan.status is PlanStatus.APPROVED else self.tr("Approve")
        )
        target = PlanStatus.DRAFT if g.plan.status is PlanStatus.APPROVED else PlanStatus.APPROVED
        if not permissions.may_set_status(self.context.db, g.plan.id, target.value):
            self.approve_button.setEnabled(False)
            self.approve_button.setToolTip(self.tr("Only the province approves a rotation plan."))
        columns = ["set"] + [f"p{p}" for p, _a, _b in g.periods]
        titles = [self.tr("Set")] + [
            self.tr("Period %1\n%2 – %3")
            .replace("%1", str(p + 1))
            .replace("%2", f"{a:%m-%d}")
            .replace("%3", f"{b:%m-%d}")
            for p, a, b in g.periods
        ]
        rows = []
        tips: dict[tuple[int, int], str] = {}
        muted: set[tuple[int, int]] = set()
        for r, (code, name) in enumerate(g.sets):
            cells: list[Any] = [f"{code}\n{name}"]
            grid_set = g.grid_set(code)
            if grid_set is not None:
                tips[(r, 0)] = set_tip(grid_set)
            for c, (p, _a, _b) in enumerate(g.periods, start=1):
                stay = g.stay(code, p)
                empty = g.empty_cell(code, p)
                if stay is not None:
                    cells.append(stay_text(stay))
                    tips[(r, c)] = stay_tip(stay)
                elif empty is not None:
                    cells.append(empty_text(empty))
                    tips[(r, c)] = reason_text(empty)
                    muted.add((r, c))
                else:
                    cells.append("")
            rows.append(tuple(cells))
        self.grid_model.set_rows(columns, titles, rows)
        self.grid_model.set_cells(tips, muted)
        if g.empty:
            self.figures.setText(self.figures.text() + "\n" + empty_summary(g))
        # The set's full name, the periods sharing what is left.
        self.grid_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._cell_selected()

    def _show_map(self) -> None:
        """Only while the map is on screen: a web view is costly to make and to fill."""
        if self.tabs.currentWidget() is not self.map:
            return
        if self.grid is None:
            self.map.show_message(self.tr("No rotation plan to show."))
            return
        from caravan_app.services.maps import rotation_map  # folium loads with the first map, not at start

        db, plan = self.context.db, self.grid.plan
        lang = "zh" if QLocale().name().startswith("zh") else "en"
        path = map_page(db, f"rotation-{plan.id}-v{plan.version}-{lang}.html")
        self.map.show_page(plan.name, path, lambda out: rotation_map(db, plan.name, lang, out=out))

    # --- locks ---------------------------------------------------------------------------------

    def selected_stay(self) -> StayRow | None:
        if self.grid is None:
            return None
        indexes = self.grid_view.selectionModel().selectedIndexes()
        if not indexes or indexes[0].column() == 0:
            return None
        index = indexes[0]
        code = self.grid.sets[index.row()][0]
        period = self.grid.periods[index.column() - 1][0]
        return self.grid.stay(code, period)

    def _cell_text(self) -> str:
        """The selected cell's stay or the reason it is empty, in full."""
        indexes = self.grid_view.selectionModel().selectedIndexes()
        if self.grid is None or not indexes:
            return ""
        tip = self.grid_model.tips.get((indexes[0].row(), indexes[0].column()))
        return tip or ""

    def select_stay(self, set_code: str, period: int) -> None:
        if self.grid is None:
            return
        row = [c for c, _n in self.grid.sets].index(set_code)
        column = 1 + [p for p, _a, _b in self.grid.periods].index(period)
        self.grid_view.setCurrentIndex(self.grid_model.index(row, column))

    def _cell_selected(self) -> None:
        stay = self.selected_stay()
        self.cell_note.setText(self._cell_text())
        self.lock_button.setEnabled(stay is not None)
        self.lock_button.setText(self.tr("Unlock stay") if stay and stay.locked else self.tr("Lock stay"))
        self.kit_button.setEnabled(stay is not None)

    def choose_export_kit(self) -> None:
        stay = self.selected_stay()
        if stay is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export field kit"), f"{stay.code}.ckit", self.tr("Field kits (*.ckit)")
        )
        if path:
            self.export_kit(stay.code, Path(path if path.endswith(".ckit") else path + ".ckit"))

    def export_kit(self, placement: str, path: Path) -> None:
        """Write the field kit of a set's stay for the crew that sets it up and runs it, in the background;
        a draft plan's stay is written only after asking."""
        db, lang = self.context.db, "zh" if QLocale().name().startswith("zh") else "en"
        export_kit_file(
            self,
            db,
            "placement",
            placement,
            path,
            lang,
            lambda manifest: self.figures.setText(
                self.tr("Field kit of stay %1 written to %2 (%3 parts).")
                .replace("%1", manifest.code)
                .replace("%2", str(path))
                .replace("%3", str(len(manifest.parts)))
            ),
        )

    def toggle_lock(self) -> bool:
        stay = self.selected_stay()
        if stay is None:
            return False
        try:
            rotation_grid.set_stay_locked(self.context.db, stay.id, stay.version, not stay.locked)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return False
        self.show_selected_plan()
        self.select_stay(stay.set_code, stay.period)
        return True

    # --- solving -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.solve_op is not None and self.solve_op.running

    def start_solve(self, keep_locks_from: str | None = None) -> bool:
        if self.running:
            return False
        day = self.first.date()
        first = date(day.year(), day.month(), day.day())
        chosen_name = bool(self.plan_name.text().strip())
        name = self.plan_name.text().strip() or default_plan_name("rotation", first=first)
        cities = [
            c.strip()
            for c in self.cities.text().replace("，", ",").replace("、", ",").split(",")
            if c.strip()
        ]
        db, time_limit = self.context.db, self.time_limit.value()
        periods, months = self.periods.value(), self.months.value()

        def solve(state: TaskState) -> rotation.RotationPlanSummary:
            return rotation.plan_rotation_scenario(
                db,
                first,
                periods,
                months,
                name=name,
                chosen_name=chosen_name,
                cities=cities or None,
                control=state.control(time_limit),
                keep_locks_from=keep_locks_from,
            )

        self.progress_seen = []
        self.solve_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_label.setText(self.tr("Starting…"))
        self.solve_op = (
            Operation(self, solve, "rotation_solve")
            .progress(self._progress)
            .success(self._finished)
            .failure(self._failed)
            .finished(self._end)
            .run()
        )
        return True

    def _progress(self, progress: Progress) -> None:
        self.progress_seen.append(progress)
        self.progress_label.setText(
            self.tr("%1 s: %2 set-periods hosted, objective %3")
            .replace("%1", f"{progress.seconds:.1f}")
            .replace("%2", str(progress.served))
            .replace("%3", f"{progress.objective:,.0f}")
        )

    def _end(self) -> None:
        self.solve_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _finished(self, summary: rotation.RotationPlanSummary) -> None:
        self.progress_label.setText(self.tr("Done: plan %1 stored.").replace("%1", summary.name))
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

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            _log.error("rotation solve failed", exc_info=exc)
        self.progress_label.setText(self.tr("Not solved: %1").replace("%1", error_text(exc)))

    def cancel(self) -> None:
        if self.solve_op is not None:
            self.solve_op.cancel()
            self.cancel_button.setEnabled(False)

    def resolve_keeping_locks(self) -> bool:
        if self.grid is None:
            return False
        plan = self.grid.plan
        if plan.start:
            self.first.setDate(QDate(plan.start.year, plan.start.month, plan.start.day))
        if not self.plan_name.text().strip():
            self.plan_name.setText(self.tr("%1 (re-solved)").replace("%1", plan.name)[:80])
        return self.start_solve(keep_locks_from=plan.name)

    def approve(self) -> bool:
        if self.grid is None:
            return False
        plan = self.grid.plan
        status = PlanStatus.DRAFT if plan.status is PlanStatus.APPROVED else PlanStatus.APPROVED
        try:
            tour_plans.set_plan_status(self.context.db, plan.id, plan.version, status)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return False
        self.refresh_plans(select_name=plan.name)
        return True

    # --- printing ------------------------------------------------------------------------------

    def _schedule(self) -> Callable[[], bytes] | None:
        """What makes the shown plan's rotation schedule in the program's language (None: no plan)."""
        from caravan_app.services.reports import rotation_pdf  # reportlab loads with the first PDF

        if self.grid is None:
            return None
        db, name = self.context.db, self.grid.plan.name
        lang = "zh" if QLocale().name().startswith("zh") else "en"
        return lambda: rotation_pdf(db, name, lang)

    def save_schedule(self, path: Path) -> None:
        """Make the schedule in the background and write it to `path`."""
        schedule = self._schedule()
        if schedule is not None:
            save_pdf_to(
                self,
                schedule,
                path,
                lambda saved: self.figures.setText(self.tr("Saved %1").replace("%1", str(saved))),
            )

    def choose_save_schedule(self) -> None:
        if self.grid is None:
            return
        path = ask_save_path(self, f"{self.grid.plan.name}-rotation.pdf")
        if path is not None:
            self.save_schedule(path)

    def print_schedule(self) -> None:
        schedule = self._schedule()
        if schedule is not None:
            make_pdf(self, schedule, lambda data: print_pdf(self, data))

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.solve_group.setTitle(self.tr("Solve a rotation"))
        self.plan_group.setTitle(self.tr("Plan"))
        for label, text in zip(
            self._labels,
            (
                self.tr("First day"),
                self.tr("Periods"),
                self.tr("Months per period"),
                self.tr("Cities (empty: all)"),
                self.tr("Time limit (s)"),
                self.tr("Plan name"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.plan_name.setPlaceholderText(self.tr("first month and time, if left empty"))
        self.cities.setPlaceholderText(self.tr("e.g. 泰州市、扬州市"))
        self.solve_button.setText(self.tr("Solve"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.resolve_button.setText(self.tr("Re-solve keeping locks"))
        self.print_button.setText(self.tr("Print…"))
        self.kit_button.setText(self.tr("Field kit of this stay…"))
        self.save_action.setText(self.tr("Save PDF…"))
        self.printer_action.setText(self.tr("Send to printer…"))
        self.tabs.setTabText(0, self.tr("Sets × periods"))
        self.tabs.setTabText(1, self.tr("Map of moves"))
        if self.loaded:
            self._show_grid()
        else:
            self.approve_button.setText(self.tr("Approve"))
            self.lock_button.setText(self.tr("Lock stay"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
