"""The tour planner: choose the dates, caravans and requests; solve in a worker with progress and
Cancel; see the plan as an itinerary, a timeline, the offline map and the unserved list; lock
visits, move one by hand to another caravan or day (checked at once) and re-solve keeping them;
compare two plans; approve one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt
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
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import PlanStatus
from caravan_app.errors import CaravanError
from caravan_app.planning.control import Progress
from caravan_app.services import tour_edits, tour_plans
from caravan_app.services.tour_edits import MoveResult
from caravan_app.services.tour_planning import TourPlanSummary, plan_term_tours
from caravan_app.services.tour_plans import PlanRow, TourPlanDetail
from caravan_app.ui import preferences
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.commands import LockStopCommand
from caravan_app.ui.context import AppContext
from caravan_app.ui.hooks import map_page
from caravan_app.ui.kit_files import write_kit
from caravan_app.ui.labels import enum_label, term_label, yes_no
from caravan_app.ui.linkage_tab import LinkageTab
from caravan_app.ui.map_pane import MapPane
from caravan_app.ui.outcomes import (
    error_text,
    fitting_elsewhere_text,
    fleet_use_text,
    idle_fitting_text,
    refusal_text,
    solve_status,
    unserved_detail,
    unserved_reason,
)
from caravan_app.ui.table_model import RowsModel
from caravan_app.ui.terms import CALENDAR_ENTITY, fill_terms
from caravan_app.ui.timeline import TimelineWidget
from caravan_app.ui.tour_dialogs import (
    MOVES,
    ChecklistDialog,
    CompareDialog,
    MoveVisitCommand,
    MoveVisitDialog,
    pydate,
    qdate,
)

_log = log.get(log.UI)


def _table(name: str, model: RowsModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAlternatingRowColors(True)
    return view


class TourPlannerPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_tours")
        self.context = context
        self.detail: TourPlanDetail | None = None
        self.plans: list[PlanRow] = []
        self.chosen_caravans: set[str] | None = None
        self.chosen_requests: set[str] | None = None
        self.progress_seen: list[Progress] = []
        self.last_error = ""
        self.solve_op: Operation | None = None  # the solve running now, or the last one

        # --- what to solve
        self.solve_group = QGroupBox()
        self.term = QComboBox()
        self.term.setObjectName("term")
        self.terms = fill_terms(self.term, context.db, other_dates="", preferred="2027-spring")
        self.term.currentIndexChanged.connect(self._term_chosen)
        self.start = QDateEdit()
        self.start.setObjectName("start")
        self.end = QDateEdit()
        self.end.setObjectName("end")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumWidth(112)  # the whole date, not "2027-02-2"
        self.caravans_button = QPushButton()
        self.caravans_button.setObjectName("choose_caravans")
        self.caravans_button.clicked.connect(self.choose_caravans)
        self.requests_button = QPushButton()
        self.requests_button.setObjectName("choose_requests")
        self.requests_button.clicked.connect(self.choose_requests)
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(1, 3600)
        self.time_limit.setDecimals(0)
        self.time_limit.setValue(preferences.planning().time_limit)
        self.plan_name = QLineEdit()
        self.plan_name.setObjectName("plan_name")
        self.solve_button = QPushButton()
        self.solve_button.setObjectName("solve")
        self.solve_button.clicked.connect(lambda: self.start_solve())
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_solve)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        form = QFormLayout()
        self._term_label, self._dates_label, self._limit_label, self._name_label = (
            QLabel() for _ in range(4)
        )
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        form.addRow(self._term_label, self.term)
        form.addRow(self._dates_label, dates)
        form.addRow(self._limit_label, self.time_limit)
        # Spreading the work: no caravan on the road more days than this (0: no cap).
        self.max_days = QSpinBox()
        self.max_days.setObjectName("max_days_per_caravan")
        self.max_days.setRange(0, 366)
        self._max_days_label = QLabel()
        form.addRow(self._max_days_label, self.max_days)
        form.addRow(self._name_label, self.plan_name)
        choose = QHBoxLayout()
        choose.addWidget(self.caravans_button)
        choose.addWidget(self.requests_button)
        run = QHBoxLayout()
        run.addWidget(self.solve_button)
        run.addWidget(self.cancel_button)
        solve_layout = QVBoxLayout(self.solve_group)
        solve_layout.addLayout(form)
        solve_layout.addLayout(choose)
        solve_layout.addLayout(run)
        solve_layout.addWidget(self.progress)
        solve_layout.addWidget(self.progress_label)

        # --- which plan is shown
        self.plan_group = QGroupBox()
        self.plan_box = QComboBox()
        self.plan_box.setObjectName("plan")
        self.plan_box.currentIndexChanged.connect(lambda _i: self.show_selected_plan())
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # How the fleet is used, and a warning when idle caravans fit requests the plan leaves out.
        self.fleet = QLabel()
        self.fleet.setObjectName("fleet_use")
        self.fleet.setWordWrap(True)
        self.idle_warning = QLabel()
        self.idle_warning.setObjectName("idle_warning")
        self.idle_warning.setWordWrap(True)
        self.idle_warning.setStyleSheet("color: #9c4a00;")
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(lambda: self.approve())
        self.resolve_button = QPushButton()
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(lambda: self.resolve_keeping_locks())
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compare")
        self.compare_button.clicked.connect(self.compare)
        plan_layout = QVBoxLayout(self.plan_group)
        plan_layout.addWidget(self.plan_box)
        plan_layout.addWidget(self.figures)
        plan_layout.addWidget(self.fleet)
        plan_layout.addWidget(self.idle_warning)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.approve_button)
        plan_buttons.addWidget(self.resolve_button)
        plan_layout.addLayout(plan_buttons)
        plan_layout.addWidget(self.compare_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.solve_group)
        left_layout.addWidget(self.plan_group)
        left_layout.addStretch(1)
        left.setMinimumWidth(300)
        left.setMaximumWidth(380)

        # --- results
        self.itinerary_model = RowsModel(self)
        self.itinerary = _table("itinerary", self.itinerary_model)
        self.itinerary.selectionModel().selectionChanged.connect(lambda *_a: self._itinerary_selected())
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lock")
        self.lock_button.setEnabled(False)
        self.lock_button.clicked.connect(lambda: self.toggle_lock())
        self.move_button = QPushButton()
        self.move_button.setObjectName("move_visit")
        self.move_button.setEnabled(False)
        self.move_button.clicked.connect(lambda: self.open_move_dialog())
        self.kit_button = QPushButton()
        self.kit_button.setObjectName("export_kit")
        self.kit_button.setEnabled(False)
        self.kit_button.clicked.connect(self.choose_export_kit)
        self.itinerary.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.itinerary.customContextMenuRequested.connect(self._itinerary_menu)
        self.move_note = QLabel()
        self.move_note.setObjectName("move_note")
        self.move_note.setWordWrap(True)
        self.move_dialog: MoveVisitDialog | None = None
        self.trip_of_stop: dict[int, str] = {}
        self.hand_move_note = QLabel()
        self.hand_move_note.setWordWrap(True)
        itinerary_page = QWidget()
        itinerary_layout = QVBoxLayout(itinerary_page)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.lock_button)
        lock_row.addWidget(self.move_button)
        lock_row.addWidget(self.kit_button)
        lock_row.addWidget(self.hand_move_note, 1)
        itinerary_layout.addLayout(lock_row)
        itinerary_layout.addWidget(self.move_note)
        itinerary_layout.addWidget(self.itinerary)

        self.timeline = TimelineWidget()
        timeline_scroll = QScrollArea()
        timeline_scroll.setObjectName("timeline_scroll")
        timeline_scroll.setWidget(self.timeline)
        timeline_scroll.setWidgetResizable(False)
        self.map = MapPane("map_pane")
        self.timeline_split = QSplitter(Qt.Orientation.Horizontal)
        self.timeline_split.setObjectName("timeline_map")
        self.timeline_split.addWidget(timeline_scroll)
        self.timeline_split.addWidget(self.map)
        self.timeline_split.setSizes([520, 480])

        self.unserved_model = RowsModel(self)
        self.unserved = _table("unserved", self.unserved_model)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("result_tabs")
        self.tabs.addTab(itinerary_page, "")
        self.tabs.addTab(self.timeline_split, "")
        self.tabs.addTab(self.unserved, "")
        self.linkage = LinkageTab(
            context,
            self._linkage_dates,
            lambda: self.resolve_keeping_locks() or self.start_solve(),
        )
        self.tabs.addTab(self.linkage, "")
        self.tabs.currentChanged.connect(lambda _i: self._show_map())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.loaded = False
        self._term_chosen()
        context.bus.data_changed.connect(self._data_changed)
        self.retranslate_ui()

    # --- loading -------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        if not self.loaded:
            self.refresh_plans()
        super().showEvent(event)

    def _data_changed(self, entity: str) -> None:
        if entity in ("*", CALENDAR_ENTITY):
            self.refill_terms()
        if not self.loaded:
            return
        if entity == "tour_stops" and self.detail is not None:
            self.show_plan(self.detail.plan.id)
        elif entity in ("*", "plans"):
            self.refresh_plans()

    def refill_terms(self) -> None:
        self.terms = fill_terms(
            self.term, self.context.db, other_dates=self.tr("Other dates"), preferred="2027-spring"
        )
        self._term_chosen()

    def refresh_plans(self, select_name: str | None = None) -> None:
        current = select_name or (self.detail.plan.name if self.detail else None)
        self.plans = tour_plans.tour_plans(self.context.db)
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
        if plan_id is None:
            self.detail = None
            self._show_detail()
            return
        self.show_plan(int(plan_id))

    def show_plan(self, plan_id: int) -> None:
        try:
            self.detail = tour_plans.tour_plan_detail(self.context.db, plan_id)
        except CaravanError as exc:
            self.detail = None
            self.figures.setText(error_text(exc))
        self._show_detail()

    def _show_detail(self) -> None:
        d = self.detail
        has = d is not None
        for button in (self.approve_button, self.resolve_button):
            button.setEnabled(has and not self.solving)
        self.compare_button.setEnabled(len(self.plans) >= 2)
        self.timeline.set_plan(d)
        self._show_map()
        if d is None:
            self.figures.setText(self.tr("No tour plan yet — choose the dates and solve one."))
            self.fleet.setText("")
            self.idle_warning.setText("")
            self.itinerary_model.set_rows([], [], [])
            self.unserved_model.set_rows([], [], [])
            return
        f = d.plan.tour
        locked = sum(1 for t in d.trips for s in t.stops if s.locked)
        self.figures.setText(
            self.tr(
                "%1 to %2 · %3\nServed %4 of %5 requests, key counties %6 of %7\n"
                "%8 km in %9 trips, %10 days on the road, %11 locked visits"
            )
            .replace("%10", str(f.total_days_on_road))
            .replace("%11", str(locked))
            .replace("%1", str(d.plan.start))
            .replace("%2", str(d.plan.end))
            .replace("%3", enum_label(d.plan.status))
            .replace("%4", str(f.served))
            .replace("%5", str(f.requests))
            .replace("%6", str(f.key_county_served))
            .replace("%7", str(f.key_county_requests))
            .replace("%8", f"{f.km:,.0f}")
            .replace("%9", str(f.trips))
        )
        self.fleet.setText(fleet_use_text(f.utilisation) if f.utilisation else "")
        self.idle_warning.setText(idle_fitting_text([f for u in d.unserved for f in u.elsewhere]))
        self.approve_button.setText(
            self.tr("Return to draft") if d.plan.status is PlanStatus.APPROVED else self.tr("Approve")
        )
        rows, ids, versions = [], [], []
        self.trip_of_stop = {stop.id: trip.code for trip in d.trips for stop in trip.stops}
        for trip in d.trips:
            for stop in trip.stops:
                rows.append(
                    (
                        trip.caravan_code,
                        trip.leave_at.date(),
                        stop.seq,
                        stop.show_start.date(),
                        # An arrival the day before the show says so, or it reads as a late arrival.
                        stop.arrive_at.strftime(
                            "%H:%M" if stop.arrive_at.date() == stop.show_start.date() else "%m-%d %H:%M"
                        ),
                        f"{stop.show_start:%H:%M}–{stop.show_end:%H:%M}",
                        stop.venue_name,
                        stop.county,
                        yes_no(stop.key_county),
                        round(stop.km_from_previous, 1),
                        yes_no(stop.locked),
                        stop.request_code,
                    )
                )
                ids.append(stop.id)
                versions.append(stop.version)
        self.itinerary_model.set_rows(
            [
                "caravan",
                "trip",
                "seq",
                "day",
                "arrive",
                "show",
                "venue",
                "county",
                "key",
                "km",
                "locked",
                "request",
            ],
            self._itinerary_titles(),
            rows,
            ids,
            versions,
        )
        self.unserved_model.set_rows(
            ["request", "venue", "county", "priority", "reason", "elsewhere", "detail"],
            self._unserved_titles(),
            [
                (
                    u.request_code,
                    u.venue_name,
                    u.county,
                    u.priority,
                    unserved_reason(u.reason),
                    fitting_elsewhere_text(u.elsewhere),
                    unserved_detail(u.reason, u.venue_name, u.county, u.types_wanted, u.themes_wanted),
                )
                for u in d.unserved
            ],
        )
        self.itinerary.resizeColumnsToContents()
        self.unserved.resizeColumnsToContents()
        for column in (5, 6):  # the fitting caravans and the detail wrap, so both are in view
            self.unserved.setColumnWidth(column, min(self.unserved.columnWidth(column), 340))
        self.unserved.setWordWrap(True)
        self.unserved.resizeRowsToContents()
        self._itinerary_selected()

    def _show_map(self) -> None:
        """Only while the map is on screen: a web view is costly to make and to fill."""
        if self.tabs.currentWidget() is not self.timeline_split:
            return
        if self.detail is None:
            self.map.show_message(self.tr("Solve or choose a plan to see it on the map."))
            return
        from caravan_app.services.maps import tour_map  # folium loads with the first map, not at start

        db, plan = self.context.db, self.detail.plan
        lang = "zh" if self.language().startswith("zh") else "en"
        path = map_page(db, f"plan-{plan.id}-v{plan.version}-{lang}.html")
        self.map.show_page(plan.name, path, lambda out: tour_map(db, plan.name, lang, out=out))

    def language(self) -> str:
        return QLocale().name()  # the language switch sets the default locale

    def _itinerary_titles(self) -> list[str]:
        return [
            self.tr("Caravan"),
            self.tr("Trip leaves"),
            self.tr("Stop"),
            self.tr("Day"),
            self.tr("Arrives"),
            self.tr("Show"),
            self.tr("Venue"),
            self.tr("County"),
            self.tr("Key county"),
            self.tr("km from previous"),
            self.tr("Locked"),
            self.tr("Request"),
        ]

    def _unserved_titles(self) -> list[str]:
        return [
            self.tr("Request"),
            self.tr("Venue"),
            self.tr("County"),
            self.tr("Priority"),
            self.tr("Reason"),
            self.tr("Caravans that fit, elsewhere"),
            self.tr("Detail"),
        ]

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
        items = [
            (code, f"{code} · {plate} · {kind}")
            for code, plate, kind in tour_plans.caravans_in_service(self.context.db)
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
        self.caravans_button.setText(
            self.tr("Caravans: all")
            if self.chosen_caravans is None
            else self.tr("Caravans: %1").replace("%1", str(len(self.chosen_caravans)))
        )
        self.requests_button.setText(
            self.tr("Requests: all open")
            if self.chosen_requests is None
            else self.tr("Requests: %1").replace("%1", str(len(self.chosen_requests)))
        )

    # --- solving -------------------------------------------------------------------------------

    def _default_name(self) -> str:
        label = self.term.currentData() or f"{self.start.date().toString('yyyy-MM-dd')}"
        return f"{label} {datetime.now():%Y-%m-%d %H:%M:%S}"

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

    # --- plan actions ----------------------------------------------------------------------------

    def selected_stop_row(self) -> int | None:
        rows = self.itinerary.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _itinerary_selected(self) -> None:
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
        """Write the field kit of `trip` for its crew to take offline (in the background)."""
        from caravan_app.services.kit_export import export_trip

        db, lang = self.context.db, "zh" if QLocale().name().startswith("zh") else "en"
        write_kit(
            self,
            lambda force: export_trip(db, trip, path, lang=lang, force=force),
            lambda manifest: self.hand_move_note.setText(
                self.tr("Field kit of trip %1 written to %2 (%3 parts).")
                .replace("%1", manifest.code)
                .replace("%2", str(path))
                .replace("%3", str(len(manifest.parts)))
            ),
        )

    def open_move_dialog(self) -> MoveVisitDialog | None:
        """The dialog to move the selected visit; the move is made when it is accepted."""
        row = self.selected_stop_row()
        if row is None or self.detail is None:
            return None
        request = str(self.itinerary_model.value(row, "request"))
        caravan = str(self.itinerary_model.value(row, "caravan"))
        day = self.itinerary_model.value(row, "day")
        assert isinstance(day, date)
        self.move_dialog = MoveVisitDialog(self.detail, request, caravan, day, self)
        self.move_dialog.accepted.connect(self._move_chosen)
        self.move_dialog.open()
        return self.move_dialog

    def _move_chosen(self) -> None:
        dialog = self.move_dialog
        if dialog is not None:
            self.move_visit(dialog.request, dialog.caravan.currentText(), pydate(dialog.day.date()))

    @property
    def moving(self) -> bool:
        """A hand move (or its undo or redo) is being made."""
        return MOVES.busy

    def move_visit(self, request: str, caravan: str, day: date) -> None:
        """Move a visit (in the background, after any move still being made); a refusal is shown under
        the itinerary with the rule it would break."""
        if self.detail is None:
            return
        plan = self.detail.plan
        db = self.context.db

        def work(_state: TaskState) -> MoveResult:
            # The plan's version when the move starts: a move queued before this one has changed it.
            shown = self.detail.plan if self.detail is not None else plan
            version = shown.version if shown.id == plan.id else plan.version
            return tour_edits.move_visit(db, plan.name, request, caravan, day, version)

        self.move_note.setText(self.tr("Moving %1…").replace("%1", request))
        Operation(self, work, "visit_move").success(
            lambda result: self._moved(plan, request, (caravan, day), result)
        ).failure(self._move_failed).run(MOVES)

    def _moved(self, plan: PlanRow, request: str, to: tuple[str, date], result: MoveResult) -> None:
        if result.refusal is not None:
            self.move_note.setText(self.tr("Not moved: %1").replace("%1", refusal_text(result.refusal)))
            return
        caravan, day = to
        self.move_note.setText(
            self.tr("Moved %1 to %2 on %3; it is locked there.")
            .replace("%1", request)
            .replace("%2", caravan)
            .replace("%3", str(day))
        )
        text = self.tr("Move visit %1").replace("%1", request)
        self.context.undo_stack.push(
            MoveVisitCommand(
                self.context.db,
                self.context.feedback,
                text,
                plan.id,
                plan.name,
                request,
                to,
                (result.from_caravan, result.from_day),
                result.plan_version,
            )
        )
        self.show_selected_plan()

    def _move_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        self.move_note.setText(self.tr("Not moved: %1").replace("%1", error_text(exc)))
        self.show_selected_plan()

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
        self.compare_dialog = CompareDialog(self.plans, self)
        self.compare_dialog.open()

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.solve_group.setTitle(self.tr("Solve"))
        self.plan_group.setTitle(self.tr("Plan"))
        self._term_label.setText(self.tr("Term"))
        self._dates_label.setText(self.tr("Dates"))
        self._limit_label.setText(self.tr("Time limit (s)"))
        self._max_days_label.setText(self.tr("Days per caravan, at most"))
        self.max_days.setSpecialValueText(self.tr("no cap"))
        self._name_label.setText(self.tr("Plan name"))
        self.plan_name.setPlaceholderText(self.tr("term and time, if left empty"))
        self.term.setItemText(self.term.count() - 1, self.tr("Other dates"))
        self.solve_button.setText(self.tr("Solve"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.resolve_button.setText(self.tr("Re-solve keeping locks"))
        self.compare_button.setText(self.tr("Compare two plans…"))
        self.tabs.setTabText(0, self.tr("Itinerary"))
        self.tabs.setTabText(1, self.tr("Timeline and map"))
        self.tabs.setTabText(2, self.tr("Unserved"))
        self.tabs.setTabText(3, self.tr("Linkage (联动)"))
        self.hand_move_note.setText(
            self.tr("A locked visit stays on its caravan and day when the plan is re-solved.")
        )
        self.timeline.empty_text = self.tr("No plan to show.")
        self.timeline.legend = (
            self.tr("on the road"),
            self.tr("show"),
            self.tr("show in a key county"),
            self.tr("locked visit"),
        )
        for i in range(self.term.count() - 1):
            self.term.setItemText(i, term_label(str(self.term.itemData(i))))
        self._show_choices()
        if self.loaded:
            self._show_detail()
        else:
            self.approve_button.setText(self.tr("Approve"))
            self.lock_button.setText(self.tr("Lock visit"))
        self.move_button.setText(self.tr("Move visit…"))
        self.kit_button.setText(self.tr("Field kit of this trip…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
