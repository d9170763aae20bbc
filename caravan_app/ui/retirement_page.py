"""Retirement and consolidation: screen the facilities against the retirement rules, regroup the
rest and re-plan without what would go (services.consolidation, in a worker thread); then accept or
reject each candidate with its evidence in view, and print the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import Decision, PlanKind
from caravan_app.domain.retirement import recommendation_name, rule_name
from caravan_app.domain.views import ConsolidationView
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services import consolidation, consolidation_views, tour_plans
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.commands import Feedback
from caravan_app.ui.context import AppContext
from caravan_app.ui.labels import enum_label, term_label
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.pdf_output import save_pdf_to
from caravan_app.ui.table_model import RowsModel
from caravan_app.ui.terms import CALENDAR_ENTITY, fill_terms

_log = log.get(log.UI)


def _lang() -> str:
    return "zh" if QLocale().name().startswith("zh") else "en"


class DecisionCommand(QUndoCommand):
    """A decision on a candidate; undone by writing the earlier decision back over our own save."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        code: str,
        before: Decision,
        after: Decision,
        version: int,
    ) -> None:
        super().__init__(text)
        self.db, self.feedback, self.code = db, feedback, code
        self.before, self.after, self.version = before, after, version
        self._first = True

    def _write(self, decision: Decision) -> None:
        try:
            self.version = consolidation_views.set_decision(self.db, self.code, decision, self.version)
        except CaravanError as exc:
            self.setObsolete(True)
            self.feedback.failed(exc)
            return
        self.feedback.changed("retirement_candidates", 0)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)


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
        self.plan.setMinimumWidth(300)
        self.plan.currentIndexChanged.connect(lambda _i: self.show_plan())
        self.retirement_pdf = QPushButton()
        self.retirement_pdf.setObjectName("retirement_pdf")
        self.retirement_pdf.clicked.connect(lambda: self.choose_pdf("retirement"))
        self.consolidation_pdf = QPushButton()
        self.consolidation_pdf.setObjectName("consolidation_pdf")
        self.consolidation_pdf.clicked.connect(lambda: self.choose_pdf("consolidation"))
        run_row = QHBoxLayout()
        self._term_label = QLabel()
        run_row.addWidget(self._term_label)
        run_row.addWidget(self.term)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(1)
        plan_row = QHBoxLayout()
        self._plan_label = QLabel()
        plan_row.addWidget(self._plan_label)
        plan_row.addWidget(self.plan)
        plan_row.addWidget(self.retirement_pdf)
        plan_row.addWidget(self.consolidation_pdf)
        plan_row.addStretch(1)

        self.candidates_model = RowsModel(self)
        self.candidates = self._table("candidates", self.candidates_model)
        self.candidates.selectionModel().selectionChanged.connect(lambda *_a: self.show_evidence())
        self.accept_button, self.reject_button, self.pending_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        decide = QHBoxLayout()
        for button, decision in (
            (self.accept_button, Decision.ACCEPTED),
            (self.reject_button, Decision.REJECTED),
            (self.pending_button, Decision.PENDING),
        ):
            button.setObjectName(f"decide_{decision.value}")
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            decide.addWidget(button)
        decide.addStretch(1)
        self.evidence_model = RowsModel(self)
        self.evidence = self._table("evidence", self.evidence_model)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(decide)
        left_layout.addWidget(self.candidates)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.evidence)
        split.setSizes([800, 420])
        self.what_if_model = RowsModel(self)
        self.what_ifs = self._table("what_ifs", self.what_if_model)
        self.sets_model = RowsModel(self)
        self.sets = self._table("sets", self.sets_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, "")
        self.tabs.addTab(self.sets, "")
        self.tabs.addTab(self.what_ifs, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addLayout(plan_row)
        layout.addWidget(self.tabs, 1)
        self.loaded = False
        context.bus.data_changed.connect(self._data_changed)
        self.retranslate_ui()

    @staticmethod
    def _table(name: str, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

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
        name = self.plan.currentData()
        has = name is not None
        for button in (self.retirement_pdf, self.consolidation_pdf):
            button.setEnabled(has)
        if not has:
            self.view, self.rows = None, []
            self._fill()
            return
        try:
            self.rows = consolidation_views.candidate_rows(self.context.db, str(name))
            if not keep_view or self.view is None:
                self.view = consolidation_views.consolidation_view(self.context.db, str(name), _lang())
        except CaravanError as exc:
            self.status.setText(error_text(exc))
            self.view, self.rows = None, []
        self._fill()

    def _fill(self) -> None:
        lang = _lang()
        selected = self.selected_code()
        self.candidates_model.set_rows(
            ["code", "kind", "subject", "rules", "recommendation", "decision"],
            [
                self.tr("Candidate"),
                self.tr("Kind"),
                self.tr("Code"),
                self.tr("Rules that flagged it"),
                self.tr("Recommendation"),
                self.tr("Decision"),
            ],
            [
                (
                    r.code,
                    enum_label(r.kind),
                    r.subject,
                    ("、" if lang == "zh" else "; ").join(rule_name(rule, lang) for rule in r.rules),
                    recommendation_name(r.recommendation, lang),
                    enum_label(r.decision),
                )
                for r in self.rows
            ],
            versions=[r.version for r in self.rows],
        )
        self.candidates.resizeColumnsToContents()
        for column in range(self.candidates_model.columnCount()):
            self.candidates.setColumnWidth(column, min(self.candidates.columnWidth(column), 260))
        view = self.view
        self.sets_model.set_rows(
            ["code", "name", "before", "after", "complete"],
            [
                self.tr("Set or kit"),
                self.tr("Name"),
                self.tr("Exhibits before"),
                self.tr("After"),
                self.tr("Complete"),
            ],
            [
                (s.code, s.name, s.before, s.after, self.tr("Yes") if s.complete else self.tr("No"))
                for s in (view.sets if view else ())
            ],
        )
        self.what_if_model.set_rows(
            ["label", "served", "key", "km", "lost"],
            [
                self.tr("What if"),
                self.tr("Requests served (before → after)"),
                self.tr("Key counties (before → after)"),
                self.tr("km (before → after)"),
                self.tr("Requests lost"),
            ],
            [
                (
                    self.tr("%1 moved to %2").replace("%1", w.caravan_code).replace("%2", w.moved_to_city)
                    if w.moved_to_city
                    else self.tr("without %1").replace("%1", w.caravan_code),
                    f"{w.served_before} → {w.served_after}",
                    f"{w.key_counties_before} → {w.key_counties_after}",
                    f"{w.km_before:,.0f} → {w.km_after:,.0f}",
                    len(w.lost_requests),
                )
                for w in (view.what_ifs if view else ())
            ],
        )
        for table in (self.sets, self.what_ifs):
            table.resizeColumnsToContents()
        if selected is not None:
            for row in range(self.candidates_model.rowCount()):
                if self.candidates_model.value(row, "code") == selected:
                    self.candidates.selectRow(row)
        self.show_evidence()

    # --- decisions -----------------------------------------------------------------------------

    def selected_code(self) -> str | None:
        rows = self.candidates.selectionModel().selectedRows()
        return str(self.candidates_model.value(rows[0].row(), "code")) if rows else None

    def _selected_row(self) -> consolidation_views.CandidateRow | None:
        code = self.selected_code()
        return next((r for r in self.rows if r.code == code), None)

    def show_evidence(self) -> None:
        row = self._selected_row()
        for button in (self.accept_button, self.reject_button, self.pending_button):
            button.setEnabled(row is not None)
        if row is None or self.view is None:
            self.evidence_model.set_rows([], [], [])
            return
        found = next(
            (c for c in self.view.candidates if c.code == row.subject and c.kind == row.kind.value), None
        )
        evidence = found.evidence if found else ()
        self.evidence_model.set_rows(
            ["fact", "value", "threshold"],
            [self.tr("Evidence"), self.tr("Value"), self.tr("Threshold")],
            [(e.name, e.value, e.threshold) for e in evidence],
        )
        self.evidence.resizeColumnsToContents()

    def decide(self, decision: Decision) -> bool:
        row = self._selected_row()
        if row is None or row.decision is decision:
            return False
        try:
            version = consolidation_views.set_decision(self.context.db, row.code, decision, row.version)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self.show_plan(keep_view=True)
            return False
        text = self.tr("%1: %2").replace("%1", row.subject).replace("%2", enum_label(decision))
        self.context.undo_stack.push(
            DecisionCommand(
                self.context.db, self.context.feedback, text, row.code, row.decision, decision, version
            )
        )
        self.show_plan(keep_view=True)
        return True

    # --- running -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.run_op is not None and self.run_op.running

    def run(self, time_limit: float = 30.0, what_if_time: float = 10.0) -> bool:
        if self.running:
            return False
        db, term_name = self.context.db, str(self.term.currentData())

        def consolidate(state: TaskState) -> consolidation.ConsolidationSummary:
            return consolidation.consolidate(
                db,
                term_name,
                control=state.control(time_limit),
                what_if_time=what_if_time,
                on_step=lambda step, caravan: state.report((step, caravan), every=True),
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
        db, lang = self.context.db, _lang()
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
        self.accept_button.setText(self.tr("Accept"))
        self.reject_button.setText(self.tr("Reject"))
        self.pending_button.setText(self.tr("Undecided"))
        self.tabs.setTabText(0, self.tr("Candidates and evidence"))
        self.tabs.setTabText(1, self.tr("Regrouped sets and kits"))
        self.tabs.setTabText(2, self.tr("What if"))
        if self.loaded and self.isVisible():
            self.show_plan()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
