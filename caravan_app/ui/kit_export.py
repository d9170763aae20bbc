"""Writing a field kit (a trip's or a set's stay's) in the background, asking first on the GUI thread
before it replaces a kit whose field records the office has not imported."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from caravan_app.domain.kit import KitManifest
from caravan_app.errors import KitHoldsRecords
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.outcomes import error_text

# Kits are written one at a time: two writes of one file must not interleave.
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
