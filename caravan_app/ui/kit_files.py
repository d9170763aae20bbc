"""Field kits written and imported in the background: a kit (a trip's or a set's stay's) is written
after asking, on the GUI thread, before it replaces one whose records the office has not imported;
a kit's records are imported after asking before they go over changes the office made since."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from caravan_app.domain.kit import KitManifest
from caravan_app.errors import CaravanError, KitConflict, KitHoldsRecords
from caravan_app.persistence.database import Database
from caravan_app.services.kit_import import ImportResult, import_kit
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.field_mode import KitImportDialog, change_text
from caravan_app.ui.outcomes import error_text

# Kits are written and imported one at a time: two writes of one file must not interleave, nor two
# imports of one kit.
KITS = Queue()


def write_kit(
    widget: QWidget, write: Callable[[bool], KitManifest], written: Callable[[KitManifest], None]
) -> None:
    """Write a kit by `write(force)` in the background and pass its manifest to `written`. A kit that
    would replace unimported records is written only if the user says so; a failure is shown."""

    def attempt(force: bool) -> None:
        def work(_state: TaskState) -> KitManifest:
            return write(force)

        Operation(widget, work, "kit_export").success(written).failure(failed).run(KITS)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, KitHoldsRecords):
            answer = QMessageBox.question(
                widget,
                QCoreApplication.translate("FieldWindow", "Replace a kit with records?"),
                QCoreApplication.translate(
                    "FieldWindow",
                    "%1 holds %2 field records the office has not imported. Replacing it loses them.\n\n"
                    "Replace it anyway?",
                )
                .replace("%1", exc.path)
                .replace("%2", str(exc.waiting)),
            )
            if answer == QMessageBox.StandardButton.Yes:
                attempt(True)
            return
        if not isinstance(exc, Exception):
            raise exc
        QMessageBox.warning(
            widget, QCoreApplication.translate("KitExport", "Kit not written"), error_text(exc)
        )

    attempt(False)


def import_kit_file(
    parent: QWidget, db: Database, path: Path, imported: Callable[[KitImportDialog], None]
) -> None:
    """Import a kit into `db` in the background and open the dialog of what changed, passed to
    `imported`; a conflict with the office's changes is put to the user, a refusal shown."""

    def attempt(accept_conflict: bool) -> None:
        def work(_state: TaskState) -> ImportResult:
            return import_kit(db, path, accept_conflict=accept_conflict)

        Operation(parent, work, "kit_import").success(show).failure(failed).run(KITS)

    def show(result: ImportResult) -> None:
        dialog = KitImportDialog(path, result, parent)
        dialog.open()
        imported(dialog)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, KitConflict):
            answer = QMessageBox.question(
                parent,
                QCoreApplication.translate("FieldWindow", "Changed in the office"),
                QCoreApplication.translate(
                    "FieldWindow",
                    "%1 was changed in the office since the kit was exported:\n\n%2\n\n"
                    "Import the field records anyway?",
                )
                .replace("%1", exc.code)
                .replace("%2", "\n".join(change_text(c) for c in exc.changes)),
            )
            if answer == QMessageBox.StandardButton.Yes:
                attempt(True)
            return
        if not isinstance(exc, CaravanError):
            raise exc
        QMessageBox.warning(
            parent, QCoreApplication.translate("FieldWindow", "Kit not imported"), error_text(exc)
        )

    attempt(False)
