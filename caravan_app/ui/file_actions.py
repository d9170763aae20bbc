"""The main window's file actions: a workbook imported or exported, a field kit opened in field mode
or imported, each in the background; a refused workbook opens the list of its problems."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from caravan_app.errors import CaravanError, ImportRejected
from caravan_app.persistence.spreadsheet import ImportSummary
from caravan_app.services.inventory_io import export_inventory, import_inventory
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.import_dialog import ImportProblemsDialog
from caravan_app.ui.kit_files import KITS, import_kit_file
from caravan_app.ui.outcomes import error_text

if TYPE_CHECKING:
    from caravan_app.ui.context import AppContext


class FileActions(QMainWindow):
    """Import and export of workbooks and field kits, for the main window (which sets `context`,
    `files`, `field_windows`, `import_problems` and `kit_import`)."""

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import Excel"), str(Path.home()), self.tr("Workbooks (*.xlsx);;CSV files (*.csv)")
        )
        if path:
            self.import_file(Path(path))

    @property
    def busy_with_files(self) -> bool:
        """A workbook or a field kit is being read or written in the background."""
        return self.files.busy or KITS.busy

    def import_file(self, path: Path) -> None:
        """Import a workbook in the background; a refused file opens the problem list
        (`import_problems`) and writes nothing."""
        db = self.context.db
        self.import_problems = None

        def work(_state: TaskState) -> ImportSummary:
            return import_inventory(db, path)

        self.statusBar().showMessage(self.tr("Importing %1…").replace("%1", path.name))
        Operation(self, work, "workbook_import").success(
            lambda summary: self._imported(path, summary)
        ).failure(lambda exc: self._import_failed(path, exc)).run(self.files)

    def _imported(self, path: Path, summary: ImportSummary) -> None:
        # Imported rows carry new versions, so earlier edits can no longer be undone safely.
        self.context.undo_stack.clear()
        self.context.bus.data_changed.emit("*")
        self.statusBar().showMessage(
            self.tr("Imported %1: %2 new, %3 updated")
            .replace("%1", path.name)
            .replace("%2", str(summary.inserted))
            .replace("%3", str(summary.updated)),
            8000,
        )

    def _import_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(exc, ImportRejected):
            self.import_problems = ImportProblemsDialog(path, exc.problems, self)
            self.import_problems.open()
        elif isinstance(exc, CaravanError):
            QMessageBox.warning(self, self.tr("Import refused"), error_text(exc))
        else:
            raise exc

    def _choose_kit(self, title: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, title, str(Path.home()), self.tr("Field kits (*.ckit)")
        )
        return Path(path) if path else None

    def choose_open_kit(self) -> None:
        path = self._choose_kit(self.tr("Open field kit"))
        if path is not None:
            self.open_kit(path)

    def open_kit(self, path: Path) -> QWidget | None:
        """Run a kit in field mode, in a window of its own; the database here is not touched."""
        from caravan_app.ui.field_mode import open_field_window

        window = open_field_window(path, self)
        if window is not None:
            window.setWindowFlag(Qt.WindowType.Window, True)
            window.show()
            self.field_windows.append(window)
            window.destroyed.connect(lambda _obj=None, w=window: self._field_window_closed(w))
        return window

    def _field_window_closed(self, window: QWidget) -> None:
        if window in self.field_windows:
            self.field_windows.remove(window)

    def choose_import_kit(self) -> None:
        path = self._choose_kit(self.tr("Import field kit"))
        if path is not None:
            self.import_kit(path)

    def import_kit(self, path: Path) -> None:
        """Take a kit's field records into the database in the background; the dialog listing what
        changed is `kit_import`."""
        self.kit_import = None
        import_kit_file(self, self.context.db, path, self._kit_imported)

    def _kit_imported(self, dialog: QWidget) -> None:
        self.kit_import = dialog
        self.context.undo_stack.clear()
        self.context.bus.data_changed.emit("*")

    def choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Excel"), str(Path.home() / "caravan.xlsx"), self.tr("Workbooks (*.xlsx)")
        )
        if path:
            self.export_file(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_file(self, path: Path) -> None:
        """Write every entity to a workbook, in the background."""
        db = self.context.db

        def work(_state: TaskState) -> None:
            export_inventory(db, path)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (CaravanError, OSError)):
                raise exc
            QMessageBox.warning(self, self.tr("Export failed"), error_text(exc))

        self.statusBar().showMessage(self.tr("Exporting to %1…").replace("%1", str(path)))
        Operation(self, work, "workbook_export").success(
            lambda _none: self.statusBar().showMessage(
                self.tr("Exported to %1").replace("%1", str(path)), 8000
            )
        ).failure(failed).run(self.files)

    if TYPE_CHECKING:  # set by MainWindow; last in the class, where lupdate keeps the context
        context: AppContext
        files: Queue
        field_windows: list[QWidget]
        import_problems: ImportProblemsDialog | None
        kit_import: QWidget | None
