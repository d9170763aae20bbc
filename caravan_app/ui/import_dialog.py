"""The problems that made an import refuse a file, in a table the user can copy from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.errors import ImportProblem
from caravan_app.ui.import_reasons import reason_text
from caravan_app.ui.table_model import RowsModel


class ImportProblemsDialog(QDialog):
    def __init__(self, path: Path, problems: list[ImportProblem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_problems")
        self.setWindowTitle(self.tr("Import refused"))
        self.problems = problems
        intro = QLabel(
            self.tr("%1 was not imported; nothing was written. Fix these %2 problem(s) and import it again:")
            .replace("%1", path.name)
            .replace("%2", str(len(problems)))
        )
        intro.setWordWrap(True)
        self.model = RowsModel(self)
        self.model.set_rows(
            ["sheet", "row", "column", "value", "reason"],
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")],
            [
                (p.sheet, p.row if p.row is not None else "", p.column, p.value, reason_text(p))
                for p in problems
            ],
        )
        self.table = QTableView()
        self.table.setObjectName("problems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table, self.copy_selection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy all"))
        copy.setObjectName("copy_all")
        copy.clicked.connect(self.copy_all)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def _rows_text(self, rows: list[int]) -> str:
        header = "\t".join(
            str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())
        )
        lines = [header]
        for r in rows:
            lines.append(
                "\t".join(str(self.model.index(r, c).data() or "") for c in range(self.model.columnCount()))
            )
        return "\n".join(lines)

    def copy_all(self) -> str:
        text = self._rows_text(list(range(self.model.rowCount())))
        QGuiApplication.clipboard().setText(text)
        return text

    def copy_selection(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        QGuiApplication.clipboard().setText(self._rows_text(rows or list(range(self.model.rowCount()))))
