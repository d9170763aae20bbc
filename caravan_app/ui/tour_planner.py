"""The tour planner: choose the dates, caravans and requests; solve in a worker with progress and
Cancel; see the plan as an itinerary, a timeline and the offline map, linked and filtered together,
and the unserved list; lock visits, move one by hand (or place an unserved request) where it fits,
and re-solve keeping them; compare two plans; approve one.

The page is made of parts: solving (tour_solving.py), the linked views (tour_plan_views.py) and the
actions on the plan shown (tour_plan_actions.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import PlanStatus
from caravan_app.errors import CaravanError
from caravan_app.planning.control import Progress
from caravan_app.services import permissions, tour_plans
from caravan_app.services.tour_plans import PlanRow, TourPlanDetail
from caravan_app.ui import preferences
from caravan_app.ui.background import Operation
from caravan_app.ui.context import AppContext
from caravan_app.ui.labels import enum_label, term_label
from caravan_app.ui.linkage_tab import LinkageTab
from caravan_app.ui.outcomes import (
    error_text,
    fleet_use_text,
    idle_fitting_text,
)
from caravan_app.ui.table_model import RowsModel
from caravan_app.ui.terms import CALENDAR_ENTITY, fill_terms
from caravan_app.ui.tour_hand_edits import TourHandEdits
from caravan_app.ui.tour_plan_actions import TourPlanActions
from caravan_app.ui.tour_plan_views import ItineraryModel, TourPlanViews, plan_table
from caravan_app.ui.tour_solving import TourSolving

_log = log.get(log.UI)


class TourPlannerPage(TourSolving, TourPlanActions, TourHandEdits, TourPlanViews):
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
        self.left_panel = left

        # --- results
        self.itinerary_model = ItineraryModel(self)
        self.itinerary = plan_table("itinerary", self.itinerary_model)
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
        self._hand_edits()
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

        self.unserved_model = RowsModel(self)
        self.unserved = plan_table("unserved", self.unserved_model)
        self.unserved.selectionModel().selectionChanged.connect(lambda *_a: self._unserved_selected())
        self.place_button = QPushButton()
        self.place_button.setObjectName("place_request")
        self.place_button.setEnabled(False)
        self.place_button.clicked.connect(lambda: self.open_place_dialog())
        self.place_note = QLabel()
        self.place_note.setObjectName("place_note")
        self.place_note.setWordWrap(True)
        unserved_page = QWidget()
        unserved_layout = QVBoxLayout(unserved_page)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place_button)
        place_row.addWidget(self.place_note, 1)
        unserved_layout.addLayout(place_row)
        unserved_layout.addWidget(self.unserved)

        self.linkage = LinkageTab(
            context,
            self._linkage_dates,
            lambda: self.resolve_keeping_locks() or self.start_solve(),
        )
        views = self._build_views(itinerary_page, unserved_page, self.linkage)
        self.timeline.drag_started.connect(self.work_out_fits)
        self.timeline.dropped.connect(self.visit_dropped)

        # On a laptop's screen the plan's views want the room the solve and plan panels take.
        self.panel_button = QToolButton()
        self.panel_button.setObjectName("toggle_panel")
        self.panel_button.setCheckable(True)
        self.panel_button.setChecked(True)
        self.panel_button.toggled.connect(self._show_panel)
        self.filter_bar.add_first(self.panel_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(views)
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
            self.load_places()
            self._show_detail()
            return
        self.show_plan(int(plan_id))

    def show_plan(self, plan_id: int) -> None:
        try:
            self.detail = tour_plans.tour_plan_detail(self.context.db, plan_id)
        except CaravanError as exc:
            self.detail = None
            self.figures.setText(error_text(exc))
        self.load_places()
        self._show_detail()

    def _show_detail(self) -> None:
        d = self.detail
        has = d is not None
        for button in (self.approve_button, self.resolve_button):
            button.setEnabled(has and not self.solving)
        self.compare_button.setEnabled(len(self.plans) >= 2)
        self._show_views()
        if d is None:
            self.figures.setText(self.tr("No tour plan yet — choose the dates and solve one."))
            self.fleet.setText("")
            self.idle_warning.setText("")
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
        target = PlanStatus.DRAFT if d.plan.status is PlanStatus.APPROVED else PlanStatus.APPROVED
        allowed = permissions.may_set_status(self.context.db, d.plan.id, target.value)
        self.approve_button.setEnabled(allowed and not self.solving)
        self.approve_button.setToolTip(
            ""
            if allowed
            else self.tr(
                "Your account may not do this: a county's account approves nothing, a city's approves "
                "only plans whose trips are all its own caravans'."
            )
        )

    def _show_panel(self, shown: bool) -> None:
        self.left_panel.setVisible(shown)
        self.panel_button.setText("⇤" if shown else "⇥")
        self.panel_button.setToolTip(
            self.tr("Hide the Solve and Plan panels") if shown else self.tr("Show the Solve and Plan panels")
        )

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
        self.tabs.setTabText(1, self.tr("Timeline"))
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
        self.place_button.setText(self.tr("Place by hand…"))
        self._show_panel(self.panel_button.isChecked())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
