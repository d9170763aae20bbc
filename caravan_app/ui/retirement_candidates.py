"""The retirement screen's candidates tab: the candidates of a consolidation plan, filtered by kind,
rule, recommendation and decision (and a search); the selected ones accepted, rejected or set back
to undecided at once, in one transaction and one undo step; the evidence of the current one beside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.domain.enums import CandidateKind, Decision, Recommendation
from caravan_app.domain.retirement import RULES, recommendation_name, rule_name
from caravan_app.domain.views import Evidence
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.services import consolidation_views, permissions
from caravan_app.services.consolidation_views import CandidateRow
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.commands import Feedback
from caravan_app.ui.context import AppContext
from caravan_app.ui.labels import display, enum_label
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.table_model import RowsFilter, RowsModel

FILTER_COLUMNS = ("kind", "rules", "recommendation", "decision")
# Candidates a refusal names; the rest are left to the list.
CONFLICTS_NAMED = 8


def window_language() -> str:
    """The language names and evidence are read in: the window's."""
    return "zh" if QLocale().name().startswith("zh") else "en"


class DecisionCommand(QUndoCommand):
    """Decisions on one or more candidates, saved together; undone by writing each earlier decision
    back over our own save, in one transaction too."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        before: dict[str, Decision],
        after: Decision,
        versions: dict[str, int],
    ) -> None:
        super().__init__(text)
        self.db, self.feedback = db, feedback
        self.before, self.after, self.versions = before, after, versions
        self._first = True

    def _write(self, decisions: dict[str, Decision]) -> None:
        try:
            self.versions = consolidation_views.set_decisions(
                self.db, {code: (d, self.versions[code]) for code, d in decisions.items()}
            )
        except CaravanError as exc:
            self.setObsolete(True)
            self.feedback.failed(exc)
            return
        self.feedback.changed("retirement_candidates", 0)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(dict.fromkeys(self.before, self.after))

    def undo(self) -> None:
        self._write(self.before)


class CandidatesTab(QWidget):
    """`reload` reads the candidates again (after a save, or a refused one); `tell` shows a line of
    status on the page."""

    def __init__(
        self,
        context: AppContext,
        reload: Callable[[], None],
        tell: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("candidates_tab")
        self.context, self.reload, self.tell = context, reload, tell
        self.province_only = False
        self.rows: list[CandidateRow] = []
        self.save_op: Operation | None = None
        self.evidence_of: dict[tuple[str, str], tuple[Evidence, ...]] = {}

        self.candidates_model = RowsModel(self)
        self.candidates_proxy = RowsFilter(self)
        self.candidates_proxy.list_columns.add("rules")
        self.candidates_proxy.setSourceModel(self.candidates_model)
        self.candidates = result_table("candidates", self.candidates_proxy)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.candidates.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.candidates.selectionModel().currentRowChanged.connect(lambda *_a: self.show_evidence())
        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        for column in FILTER_COLUMNS:
            box = QComboBox()
            box.setObjectName(f"filter_{column}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _i, c=column: self._filter_changed(c))
            self.filters[column] = box
            filter_row.addWidget(box)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        filter_row.addWidget(self.search, 1)

        self.select_all_button = QPushButton()
        self.select_all_button.setObjectName("select_all")
        self.select_all_button.clicked.connect(lambda: self.candidates.selectAll())
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        self.pending_button = QPushButton()
        decide = QHBoxLayout()
        decide.addWidget(self.select_all_button)
        for button, decision in (
            (self.accept_button, Decision.ACCEPTED),
            (self.reject_button, Decision.REJECTED),
            (self.pending_button, Decision.PENDING),
        ):
            button.setObjectName(f"decide_{decision.value}")
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            decide.addWidget(button)
        decide.addStretch(1)
        self.shown = QLabel()
        self.shown.setObjectName("shown")
        decide.addWidget(self.shown)

        self.evidence_title = QLabel()
        self.evidence_title.setObjectName("evidence_title")
        self.evidence_title.setWordWrap(True)
        self.evidence_model = RowsModel(self)
        self.evidence = result_table("evidence", self.evidence_model)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_row)
        left_layout.addLayout(decide)
        left_layout.addWidget(self.candidates)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.evidence_title)
        right_layout.addWidget(self.evidence)
        # The evidence below the list, across the whole width: its thresholds are long sentences, and
        # a 1366-pixel screen has no room for them beside the list.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.retranslate_ui()

    # --- filling -------------------------------------------------------------------------------

    def show_candidates(
        self, rows: list[CandidateRow], evidence_of: dict[tuple[str, str], tuple[Evidence, ...]]
    ) -> None:
        """Show these candidates, keeping the filters, the selection and the current row."""
        self.rows, self.evidence_of = rows, evidence_of
        # Decisions are the province's; a city's or county's account reads them.
        self.province_only = permissions.signed_in(self.context.db).is_held
        selected, current = self.selected_codes(), self.current_code()
        self.candidates_model.set_rows(
            ["code", "kind", "subject", "name", "rules", "recommendation", "decision"],
            [
                self.tr("Candidate"),
                self.tr("Kind"),
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Rules that flagged it"),
                self.tr("Recommendation"),
                self.tr("Decision"),
            ],
            [
                (r.code, r.kind, r.subject, r.name, ";".join(r.rules), r.recommendation, r.decision)
                for r in rows
            ],
            versions=[r.version for r in rows],
            formatter=self._format,
        )
        self.candidates_proxy.rebuild()
        self.candidates.setColumnHidden(0, True)  # the candidate's own code: the subject's says more
        self.candidates.resizeColumnsToContents()
        for column in range(self.candidates_model.columnCount()):
            self.candidates.setColumnWidth(column, min(self.candidates.columnWidth(column), 240))
        self._select(selected, current)
        self._selection_changed()

    @staticmethod
    def _format(column: str, value: Any) -> str:
        lang = window_language()
        if column == "rules":
            return ("、" if lang == "zh" else "; ").join(rule_name(rule, lang) for rule in value.split(";"))
        if column == "recommendation":
            return recommendation_name(Recommendation(value), lang)
        return display(value)

    # --- filters -------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        """The filter boxes' choices in the window's language, keeping what each has chosen."""
        lang = window_language()
        choices: dict[str, list[tuple[str, str | None]]] = {
            "kind": [(self.tr("All kinds"), None)] + [(enum_label(k), k.value) for k in CandidateKind],
            "rules": [(self.tr("All rules"), None)] + [(rule_name(rule, lang), rule) for rule in RULES],
            "recommendation": [(self.tr("All recommendations"), None)]
            + [(recommendation_name(r, lang), r.value) for r in Recommendation],
            "decision": [(self.tr("All decisions"), None)] + [(enum_label(d), d.value) for d in Decision],
        }
        for column, items in choices.items():
            box = self.filters[column]
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.blockSignals(False)

    def set_filter(self, column: str, value: str | None) -> None:
        """Show only candidates whose `column` (kind, rules, recommendation, decision) is `value`."""
        box = self.filters[column]
        box.setCurrentIndex(max(box.findData(value), 0))

    def _filter_changed(self, column: str) -> None:
        self.candidates_proxy.set_facet(column, self.filters[column].currentData())
        self._selection_changed()

    def _search_changed(self, text: str) -> None:
        self.candidates_proxy.set_search(text)
        self._selection_changed()

    # --- selection -----------------------------------------------------------------------------

    def _code_at(self, proxy_row: int) -> str:
        return str(self.candidates_model.value(self.candidates_proxy.source_row(proxy_row), "code"))

    def selected_codes(self) -> list[str]:
        """The selected candidates' codes, in the order shown."""
        rows = sorted(index.row() for index in self.candidates.selectionModel().selectedRows())
        return [self._code_at(row) for row in rows]

    def current_code(self) -> str | None:
        index = self.candidates.selectionModel().currentIndex()
        return self._code_at(index.row()) if index.isValid() else None

    def selected_code(self) -> str | None:
        """The candidate whose evidence is shown: the current one if selected, else the first selected."""
        codes = self.selected_codes()
        current = self.current_code()
        return current if current in codes else (codes[0] if codes else None)

    def select_codes(self, codes: list[str]) -> int:
        """Select the candidates with these codes among those shown; returns how many are selected."""
        return self._select(codes, codes[0] if codes else None)

    def _select(self, codes: list[str], current: str | None) -> int:
        wanted = set(codes)
        selection = QItemSelection()
        current_row = None
        last = self.candidates_proxy.columnCount() - 1
        for row in range(self.candidates_proxy.rowCount()):
            code = self._code_at(row)
            if code in wanted:
                selection.select(self.candidates_proxy.index(row, 0), self.candidates_proxy.index(row, last))
                if code == current or current_row is None:
                    current_row = row
        model = self.candidates.selectionModel()
        flag = QItemSelectionModel.SelectionFlag
        model.select(selection, flag.ClearAndSelect | flag.Rows)
        if current_row is not None:
            model.setCurrentIndex(self.candidates_proxy.index(current_row, 1), flag.NoUpdate)
        return len(model.selectedRows())

    def _selection_changed(self) -> None:
        n = len(self.candidates.selectionModel().selectedRows())
        for button in (self.accept_button, self.reject_button, self.pending_button):
            button.setEnabled(n > 0 and not self.saving and not self.province_only)
            button.setToolTip(
                self.tr("Only the province decides on retirement.") if self.province_only else ""
            )
        self.shown.setText(
            self.tr("%1 of %2 shown · %3 selected")
            .replace("%1", str(self.candidates_proxy.rowCount()))
            .replace("%2", str(len(self.rows)))
            .replace("%3", str(n))
        )
        self.show_evidence()

    def show_evidence(self) -> None:
        code = self.selected_code()
        row = next((r for r in self.rows if r.code == code), None)
        if row is None:
            self.evidence_title.setText(self.tr("Choose a candidate to see its evidence."))
            self.evidence_model.set_rows([], [], [])
            return
        self.evidence_title.setText(f"{row.subject} {row.name}")
        self.evidence_model.set_rows(
            ["fact", "value", "threshold"],
            [self.tr("Evidence"), self.tr("Value"), self.tr("Threshold")],
            [(e.name, e.value, e.threshold) for e in self.evidence_of.get((row.kind.value, row.subject), ())],
        )
        self.evidence.resizeColumnsToContents()

    # --- decisions -----------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        return self.save_op is not None and self.save_op.running

    def decide(self, decision: Decision) -> bool:
        """Start saving `decision` on every selected candidate that has another one, in the
        background, in one transaction and one undo step; False when there is nothing to save.

        Refused whole, saving nothing, when someone else decided any of them since the list was
        read; the list is then read again and the refusal names them.
        """
        by_code = {r.code: r for r in self.rows}
        rows = [
            by_code[c] for c in self.selected_codes() if c in by_code and by_code[c].decision is not decision
        ]
        if not rows or self.saving:
            return False
        read = {r.code: r.version for r in rows}
        db = self.context.db

        def save(_state: TaskState) -> dict[str, int]:
            return consolidation_views.set_decisions(
                db, {code: (decision, version) for code, version in read.items()}
            )

        for button in (self.accept_button, self.reject_button, self.pending_button):
            button.setEnabled(False)
        self.tell(self.tr("Saving %1 decision(s)…").replace("%1", str(len(rows))))
        self.save_op = (
            Operation(self, save, "decisions")
            .success(lambda versions: self._saved(rows, decision, versions))
            .failure(lambda exc: self._refused(exc, read))
            .finished(self._selection_changed)
            .run()
        )
        return True

    def _saved(self, rows: list[CandidateRow], decision: Decision, versions: dict[str, int]) -> None:
        label = enum_label(decision)
        if len(rows) == 1:
            text = self.tr("%1 set to %2").replace("%1", rows[0].subject).replace("%2", label)
        else:
            text = self.tr("%1 candidates set to %2").replace("%1", str(len(rows))).replace("%2", label)
        before = {r.code: r.decision for r in rows}
        self.context.undo_stack.push(
            DecisionCommand(self.context.db, self.context.feedback, text, before, decision, versions)
        )
        self.tell(self.tr("Saved: %1. Undo takes it back.").replace("%1", text))
        self.reload()

    def _refused(self, exc: BaseException, read: dict[str, int]) -> None:
        self.tell("")
        self.reload()
        if isinstance(exc, ConflictError):
            # Which ones someone else decided: those whose version moved since the list was read.
            changed = [r.subject for r in self.rows if r.code in read and r.version != read[r.code]]
            text = self._conflict_text(changed, len(read))
        else:
            text = error_text(exc)
        QMessageBox.warning(self, self.tr("Not saved"), text)

    def _conflict_text(self, changed: list[str], asked: int) -> str:
        named = ", ".join(changed[:CONFLICTS_NAMED]) + (" …" if len(changed) > CONFLICTS_NAMED else "")
        return (
            self.tr(
                "Someone else decided on %1 since the list was read, so none of the %2 decisions was "
                "saved. The list now shows their decisions: check them and choose again."
            )
            .replace("%1", named or self.tr("some of these candidates"))
            .replace("%2", str(asked))
        )

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.select_all_button.setText(self.tr("Select all shown"))
        self.accept_button.setText(self.tr("Accept selected"))
        self.reject_button.setText(self.tr("Reject selected"))
        self.pending_button.setText(self.tr("Set selected undecided"))
        self.search.setPlaceholderText(self.tr("Search code or name…"))
        self._fill_filters()
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def result_table(name: str, model: Any) -> QTableView:
    """A sortable table of whole rows, one selected at a time, columns sized by hand."""
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
