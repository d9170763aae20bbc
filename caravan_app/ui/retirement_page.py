"""Retirement and consolidation: screen the facilities against the retirement rules, regroup the
rest and re-plan without what would go (services.consolidation, in a worker thread); then filter the
candidates by kind, rule, recommendation and decision, accept or reject the selected ones at once
(one transaction, one undo step) with a candidate's evidence in view, see the regrouped sets and
caravan kits with their moves, and print the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import PlanKind
from caravan_app.domain.views import ConsolidationView
from caravan_app.errors import CaravanError
from caravan_app.services import consolidation, consolidation_views, permissions, tour_plans
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.context import AppContext
from caravan_app.ui.labels import enum_label, term_label
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.pdf_output import save_pdf_to
from caravan_app.ui.regrouping_tab import RegroupingTab
from caravan_app.ui.retirement_candidates import CandidatesTab, result_table, window_language
from caravan_app.ui.table_model import RowsModel
from caravan_app.ui.terms import CALENDAR_ENTITY, default_plan_name, fill_terms

_log = log.get(log.UI)


class RetirementPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_retirement")
        self.context = context
        self.view: ConsolidationView | None = None
        self.rows: list[consolidation_views.CandidateRow] = []
        self.run_op: Operation | None = None
        self.steps: list[str] = []

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.term = QComboBox()
        self.term.setObjectName("term")
        fill_terms(self.term, context.db, other_dates=None, preferred="2027-spring")
        self.run_button = QPushButton()
        self.run_button.setObjectName("run")
        self.run_button.clicked.connect(lambda: self.run())
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.plan = QComboBox()
        self.plan.setObjectName("plan")
        self.plan.setMinimumWidth(260)
        self.plan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan.currentIndexChanged.connect(lambda _i: self.show_plan())
        self.retirement_pdf = QPushButton()
        self.retirement_pdf.setObjectName("retirement_pdf")
        self.retirement_pdf.clicked.connect(lambda: self.choose_pdf("retirement"))
        self.consolidation_pdf = QPushButton()
        self.consolidation_pdf.setObjectName("consolidation_pdf")
        self.consolidation_pdf.clicked.connect(lambda: self.choose_pdf("consolidation"))
        # One row for the run and the plan: a 768-pixel-high screen keeps its room for the tables.
        top = QHBoxLayout()
        self._term_label, self._plan_label = QLabel(), QLabel()
        for widget in (self._term_label, self.term, self.run_button, self.cancel_button):
            top.addWidget(widget)
        top.addSpacing(16)
        for widget in (self._plan_label, self.plan, self.retirement_pdf, self.consolidation_pdf):
            top.addWidget(widget)
        top.addStretch(1)

        self.candidates_tab = CandidatesTab(
            context, lambda: self.show_plan(keep_view=True), self.status.setText
        )
        self.regrouping = RegroupingTab()
        self.what_if_model = RowsModel(self)
        self.what_ifs = result_table("what_ifs", self.what_if_model)
        self.what_if_note = QLabel()
        self.what_if_note.setWordWrap(True)
        what_if_tab = QWidget()
        what_if_layout = QVBoxLayout(what_if_tab)
        what_if_layout.setContentsMargins(4, 4, 4, 4)
        what_if_layout.addWidget(self.what_if_note)
        what_if_layout.addWidget(self.what_ifs)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.candidates_tab, "")
        self.tabs.addTab(self.regrouping, "")
        self.tabs.addTab(what_if_tab, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.loaded = False
        context.bus.data_changed.connect(self._data_changed)
        self.retranslate_ui()

    @property
    def candidates(self) -> QTableView:
        return self.candidates_tab.candidates

    # --- plans ---------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        if not self.loaded:
            self.refresh()
        super().showEvent(event)

    def _data_changed(self, entity: str) -> None:
        if entity in ("*", CALENDAR_ENTITY):
            fill_terms(self.term, self.context.db, other_dates=None, preferred="2027-spring")
        if not self.loaded:
            return
        if entity == "retirement_candidates":
            self.show_plan(keep_view=True)
        elif entity in ("*", "plans"):
            self.refresh()

    def refresh(self, select_name: str | None = None) -> None:
        current = select_name or self.plan.currentData()
        if permissions.signed_in(self.context.db).is_held and not self.running:
            # Stored consolidation plans and decisions are the province's (the server refuses others).
            self.run_button.setEnabled(False)
            self.run_button.setToolTip(self.tr("Only the province runs a consolidation."))
        plans = tour_plans.stored_plans(self.context.db, PlanKind.CONSOLIDATION)
        self.plan.blockSignals(True)
        self.plan.clear()
        for row in plans:
            self.plan.addItem(f"{row.name} · {enum_label(row.status)}", row.name)
        self.plan.setCurrentIndex(max(self.plan.findData(current), 0) if plans else -1)
        self.plan.blockSignals(False)
        self.loaded = True
        if not plans and not self.running:
            self.status.setText(
                self.tr(
                    "No consolidation plan yet — run one: it screens caravans, exhibits and sets against "
                    "the retirement thresholds (Settings), regroups the rest into complete sets and kits, "
                    "and re-plans the term without each caravan it would retire."
                )
            )
        self.show_plan()

    def show_plan(self, keep_view: bool = False) -> None:
        """Read the shown plan's candidates again (and, unless `keep_view`, everything else of it)."""
        name = self.plan.currentData()
        has = name is not None
        for button in (self.retirement_pdf, self.consolidation_pdf):
            button.setEnabled(has)
        if not has:
            self.view, self.rows = None, []
            self.regrouping.show_regrouping(None)
            self._fill()
            return
        lang = window_language()
        try:
            self.rows = consolidation_views.candidate_rows(self.context.db, str(name), lang)
            if not keep_view or self.view is None:
                self.view = consolidation_views.consolidation_view(self.context.db, str(name), lang)
                self.regrouping.show_regrouping(
                    consolidation_views.regrouping(self.context.db, str(name), lang)
                )
        except CaravanError as exc:
            self.status.setText(error_text(exc))
            self.view, self.rows = None, []
            self.regrouping.show_regrouping(None)
        self._fill()

    def _fill(self) -> None:
        view = self.view
        self.candidates_tab.show_candidates(
            self.rows, {(c.kind, c.code): c.evidence for c in view.candidates} if view else {}
        )
        self.what_if_model.set_rows(
            ["label", "served", "key_requests", "key", "km", "lost", "gained"],
            [
                self.tr("What if"),
                self.tr("Requests served"),
                self.tr("Key-county requests"),
                self.tr("Key counties"),
                self.tr("km"),
                self.tr("Requests lost"),
                self.tr("Requests gained"),
            ],
            [
                (
                    self.tr("%1 moved to %2").replace("%1", w.caravan_code).replace("%2", w.moved_to_city)
                    if w.moved_to_city
                    else self.tr("without %1").replace("%1", w.caravan_code),
                    f"{w.served_before} → {w.served_after}",
                    f"{w.key_requests_before} → {w.key_requests_after}",
                    f"{w.key_counties_before} → {w.key_counties_after}",
                    f"{w.km_before:,.0f} → {w.km_after:,.0f}",
                    len(w.lost_requests),
                    w.served_after - w.served_before + len(w.lost_requests),
                )
                for w in (view.what_ifs if view else ())
            ],
        )
        self.what_ifs.resizeColumnsToContents()

    # --- running -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.run_op is not None and self.run_op.running

    def run(self, time_limit: float = 30.0, what_if_time: float = 10.0) -> bool:
        if self.running:
            return False
        db, term_name = self.context.db, str(self.term.currentData())
        default_name = default_plan_name("consolidation", term_name)

        def consolidate(state: TaskState) -> consolidation.ConsolidationSummary:
            return consolidation.consolidate(
                db,
                term_name,
                control=state.control(time_limit),
                what_if_time=what_if_time,
                on_step=lambda step, caravan: state.report((step, caravan), every=True),
                default_name=default_name,
            )

        self.steps = []
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Starting…"))
        self.run_op = (
            Operation(self, consolidate, "consolidation")
            .progress(self._step)
            .success(self._finished)
            .failure(self._failed)
            .finished(self._end)
            .run()
        )
        return True

    def _step(self, value: object) -> None:
        if not isinstance(value, tuple):
            return  # a solver's progress: the step it belongs to is on screen already
        step, caravan = value
        line = self.step_text(step, caravan)
        self.steps.append(line)
        self.status.setText(line)

    def step_text(self, step: consolidation.ConsolidationStep, caravan: str) -> str:
        return {
            consolidation.ConsolidationStep.SCREENING: self.tr("Screening caravans, exhibits and sets…"),
            consolidation.ConsolidationStep.SETS: self.tr("Regrouping the museum sets…"),
            consolidation.ConsolidationStep.KITS: self.tr("Regrouping the caravan kits…"),
            consolidation.ConsolidationStep.BASELINE: self.tr("Planning the term as it is…"),
            consolidation.ConsolidationStep.WHAT_IF: self.tr("Re-planning the term for caravan %1…").replace(
                "%1", caravan
            ),
            consolidation.ConsolidationStep.STORING: self.tr("Storing the plan…"),
        }[step]

    def _end(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _finished(self, summary: consolidation.ConsolidationSummary) -> None:
        f = summary.figures
        self.status.setText(
            self.tr("Done: %1 candidates in %2 s.")
            .replace("%1", str(f.candidates))
            .replace("%2", f"{f.seconds:.0f}")
        )
        self.refresh(select_name=summary.name)
        self.context.bus.data_changed.emit("plans")

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            _log.error("consolidation failed", exc_info=exc)
        self.status.setText(self.tr("Not done: %1").replace("%1", error_text(exc)))

    def cancel(self) -> None:
        if self.run_op is not None:
            self.run_op.cancel()
            self.cancel_button.setEnabled(False)

    # --- printing ------------------------------------------------------------------------------

    def choose_pdf(self, which: str) -> None:
        name = self.plan.currentData()
        if name is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path.home() / f"{name}-{which}.pdf"), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(which, Path(path))

    def save_pdf(self, which: str, path: Path) -> None:
        """Make the retirement or the consolidation report in the background and write it to `path`."""
        name = self.plan.currentData()
        if name is None:
            return
        make = (
            consolidation_views.retirement_pdf
            if which == "retirement"
            else consolidation_views.consolidation_pdf
        )
        db, lang = self.context.db, window_language()
        save_pdf_to(
            self,
            lambda: make(db, str(name), lang),
            path,
            lambda saved: self.status.setText(self.tr("Saved %1").replace("%1", str(saved))),
        )

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Retirement and consolidation"))
        self._term_label.setText(self.tr("Term"))
        for i in range(self.term.count()):
            self.term.setItemText(i, term_label(str(self.term.itemData(i))))
        self.run_button.setText(self.tr("Screen, regroup and re-plan"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._plan_label.setText(self.tr("Plan"))
        self.retirement_pdf.setText(self.tr("Retirement report (PDF)…"))
        self.consolidation_pdf.setText(self.tr("Consolidation report (PDF)…"))
        self.tabs.setTabText(0, self.tr("Candidates and evidence"))
        self.tabs.setTabText(1, self.tr("Regrouped sets and kits"))
        self.tabs.setTabText(2, self.tr("What if"))
        self.what_if_note.setText(
            self.tr(
                "The term re-planned without each caravan recommended for retirement, and with each one "
                "recommended for redeployment moved to the city that lacks one most. Each figure reads "
                "before → after: the term's plan as it is, then re-planned."
            )
        )
        if self.loaded and self.isVisible():
            self.show_plan()
        elif self.loaded:
            self.loaded = False  # names and evidence are read in the new language when next shown

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
