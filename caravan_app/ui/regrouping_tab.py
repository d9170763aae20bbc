"""The retirement screen's regrouping tab: every museum set and caravan kit of a consolidation plan,
before and after, and the exhibits it moves; choosing a set or kit shows the moves into or out of it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caravan_app.domain.enums import CandidateKind
from caravan_app.services.consolidation_views import Regrouping
from caravan_app.ui.labels import display
from caravan_app.ui.retirement_candidates import result_table
from caravan_app.ui.table_model import RowsFilter, RowsModel


class RegroupingTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regrouping_tab")
        self.regrouping: Regrouping | None = None
        self.summary = QLabel()
        self.summary.setObjectName("regrouping_summary")
        self.summary.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("container_kind")
        for data in (None, CandidateKind.SET.value, CandidateKind.CARAVAN.value):
            self.kind.addItem("", data)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.containers_model = RowsModel(self)
        self.containers_proxy = RowsFilter(self)
        self.containers_proxy.setSourceModel(self.containers_model)
        self.containers = result_table("containers", self.containers_proxy)
        self.containers.horizontalHeader().setStretchLastSection(False)
        self.containers.selectionModel().selectionChanged.connect(lambda *_a: self._show_moves())
        self.moves_label = QLabel()
        self.moves_label.setObjectName("moves_label")
        self.moves_model = RowsModel(self)
        self.moves = result_table("moves", self.moves_model)
        self.moves.horizontalHeader().setStretchLastSection(False)

        bar = QHBoxLayout()
        self._kind_label = QLabel()
        bar.addWidget(self._kind_label)
        bar.addWidget(self.kind)
        bar.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.moves_label)
        right_layout.addWidget(self.moves)
        # Moves below the sets and kits: each table needs most of a 1366-pixel screen's width.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.containers)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([360, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.retranslate_ui()

    # --- filling -------------------------------------------------------------------------------

    def show_regrouping(self, regrouping: Regrouping | None) -> None:
        self.regrouping = regrouping
        self._fill()

    def _kind_text(self, kind: CandidateKind) -> str:
        return self.tr("Museum set") if kind is CandidateKind.SET else self.tr("Caravan kit")

    def _complete_text(self, before: bool, after: bool) -> str:
        yes, no = self.tr("Yes"), self.tr("No")
        return f"{yes if before else no} → {yes if after else no}"

    def _fill(self) -> None:
        selected = self.selected_code()
        r = self.regrouping
        self.summary.setText(self._summary_text() if r else "")
        self.containers_model.set_rows(
            ["kind", "code", "name", "now", "after", "complete", "moves_in", "moves_out"],
            [
                self.tr("Kind"),
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Exhibits now"),
                self.tr("After"),
                self.tr("Complete (now → after)"),
                self.tr("Moving in"),
                self.tr("Moving out"),
            ],
            [
                (
                    c.kind.value,
                    c.code,
                    c.name,
                    c.now,
                    c.after,
                    self._complete_text(c.complete_before, c.complete),
                    c.moves_in,
                    c.moves_out,
                )
                for c in (r.containers if r else ())
            ],
            formatter=lambda column, value: (
                self._kind_text(CandidateKind(value)) if column == "kind" else display(value)
            ),
        )
        self.containers_proxy.rebuild()
        self.containers.resizeColumnsToContents()
        for column in range(self.containers_model.columnCount()):
            self.containers.setColumnWidth(column, min(self.containers.columnWidth(column), 220))
        if selected is not None:
            self.select(selected)
        self._show_moves()

    def _summary_text(self) -> str:
        r = self.regrouping
        assert r is not None
        return (
            self.tr(
                "Museum sets: %1 of %2 complete after regrouping (%3 now), %4 exhibits moved. "
                "Caravan kits: %5 of %6 complete after regrouping (%7 now), %8 exhibits moved, %9 km."
            )
            .replace("%1", str(r.sets.complete))
            .replace("%2", str(r.sets.containers))
            .replace("%3", str(r.sets.complete_before))
            .replace("%4", str(r.sets.moved))
            .replace("%5", str(r.kits.complete))
            .replace("%6", str(r.kits.containers))
            .replace("%7", str(r.kits.complete_before))
            .replace("%8", str(r.kits.moved))
            .replace("%9", f"{r.kits.km:,.0f}")
        )

    def _kind_changed(self) -> None:
        self.containers_proxy.set_facet("kind", self.kind.currentData())
        self._show_moves()

    # --- selection -----------------------------------------------------------------------------

    def selected_code(self) -> str | None:
        rows = self.containers.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.containers_proxy.mapToSource(rows[0]).row()
        return str(self.containers_model.value(source, "code"))

    def select(self, code: str) -> bool:
        for row in range(self.containers_proxy.rowCount()):
            source = self.containers_proxy.mapToSource(self.containers_proxy.index(row, 0)).row()
            if self.containers_model.value(source, "code") == code:
                self.containers.selectRow(row)
                return True
        return False

    def _show_moves(self) -> None:
        r = self.regrouping
        code = self.selected_code()
        moves = list(r.moves) if r else []
        if code is not None:
            moves = [m for m in moves if code in (m.to_code, m.from_code)]
            self.moves_label.setText(
                self.tr("Exhibits moving into or out of %1: %2")
                .replace("%1", code)
                .replace("%2", str(len(moves)))
            )
        else:
            self.moves_label.setText(
                self.tr(
                    "Every exhibit the regrouping moves: %1 (choose a set or kit to see its own)"
                ).replace("%1", str(len(moves)))
            )
        workshop = self.tr("Workshop")
        self.moves_model.set_rows(
            ["exhibit", "name", "theme", "from", "to", "km"],
            [
                self.tr("Exhibit"),
                self.tr("Name"),
                self.tr("Theme"),
                self.tr("From"),
                self.tr("To"),
                self.tr("km"),
            ],
            [
                # Moves out of a workshop carry no code: named here, in the window's language.
                (
                    m.exhibit_code,
                    m.exhibit_name,
                    m.theme,
                    m.from_label if m.from_code else workshop,
                    m.to_label,
                    round(m.km),
                )
                for m in moves
            ],
        )
        self.moves.resizeColumnsToContents()

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._kind_label.setText(self.tr("Show"))
        for i, text in enumerate((self.tr("Sets and kits"), self.tr("Museum sets"), self.tr("Caravan kits"))):
            self.kind.setItemText(i, text)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
