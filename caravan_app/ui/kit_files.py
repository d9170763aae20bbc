"""Field kits written and imported in the background: a kit (a trip's or a set's stay's) is written
after asking, on the GUI thread, before it replaces one whose records the office has not imported,
and, first of all, before a kit of a draft plan (not approved) goes out at all; a kit's records are
imported after asking before they go over changes the office made since."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from caravan_app.domain.kit import CONDITION, DAMAGE, SHOW, KitManifest
from caravan_app.errors import CaravanError, KitConflict, KitHoldsRecords
from caravan_app.persistence.database import Database
from caravan_app.services.kit_export import KitSource, export_placement, export_trip, kit_source
from caravan_app.services.kit_import import ImportResult, import_kit
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.field_words import change_text, entry_text
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


def draft_kit_allowed(widget: QWidget, source: KitSource) -> bool:
    """Ask whether to write the kit of a draft plan's trip or stay; True if the user says so."""
    what = (
        QCoreApplication.translate("KitExport", "Trip %1")
        if source.kind == "trip"
        else QCoreApplication.translate("KitExport", "Stay %1")
    ).replace("%1", source.code)
    answer = QMessageBox.question(
        widget,
        QCoreApplication.translate("KitExport", "Write a kit of a draft plan?"),
        QCoreApplication.translate(
            "KitExport",
            "%1 belongs to the plan “%2”, which is a draft, not approved. Its crew may be sent where the "
            "approved plan will not go.\n\nThe kit's route sheet and map will say DRAFT on every page. "
            "Write it anyway?",
        )
        .replace("%1", what)
        .replace("%2", source.plan_name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def export_kit_file(
    widget: QWidget,
    db: Database,
    kind: str,
    code: str,
    path: Path,
    lang: str,
    written: Callable[[KitManifest], None],
) -> None:
    """Write the field kit of a trip (`kind` "trip") or a set's stay ("placement") to `path`, as
    write_kit does; the plan it belongs to is read first, and a draft's kit is written only if the
    user says so, before any of the work."""

    def look(_state: TaskState) -> KitSource:
        return kit_source(db, kind, code)

    def asked(source: KitSource) -> None:
        if source.draft and not draft_kit_allowed(widget, source):
            return
        export = export_trip if kind == "trip" else export_placement
        # Not a draft when asked: refused (kit_of_draft) should it go back to draft meanwhile.
        write_kit(
            widget,
            lambda force: export(db, code, path, lang=lang, force=force, draft=source.draft),
            written,
        )

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        QMessageBox.warning(
            widget, QCoreApplication.translate("KitExport", "Kit not written"), error_text(exc)
        )

    Operation(widget, look, "kit_source").success(asked).failure(failed).run(KITS)


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


class KitImportDialog(QDialog):
    """What a kit import changed, in text the user can select and copy."""

    def __init__(self, path: Path, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kit_import_dialog")
        self.setWindowTitle(self.tr("Kit imported: %1").replace("%1", path.name))
        self.text = QPlainTextEdit("\n".join(self.lines(result)))
        self.text.setObjectName("kit_import_text")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def lines(self, result: ImportResult) -> list[str]:
        what = (self.tr("trip %1") if result.kind == "trip" else self.tr("stay %1")).replace(
            "%1", result.code
        )
        if result.already_imported:
            return [self.tr("Kit of %1: already imported, nothing changed.").replace("%1", what)]
        counts = result.counts()
        lines = [
            self.tr("Kit of %1: %2 shows, %3 condition checks, %4 damage or loss records.")
            .replace("%1", what)
            .replace("%2", str(counts.get(SHOW, 0)))
            .replace("%3", str(counts.get(CONDITION, 0)))
            .replace("%4", str(counts.get(DAMAGE, 0)))
        ]
        lines += [
            self.tr("Accepted office change: %1").replace("%1", change_text(change))
            for change in result.accepted_changes
        ]
        actions = {
            "created": self.tr("new"),
            "updated": self.tr("updated"),
            "superseded": self.tr("replaced by a later entry"),
        }
        kinds = {SHOW: self.tr("show"), CONDITION: self.tr("condition"), DAMAGE: self.tr("damage or loss")}
        for row in result.rows:
            lines.append(
                self.tr("Entry %1, %2: %3 %4 — %5")
                .replace("%1", str(row.seq))
                .replace("%2", kinds.get(row.kind, row.kind))
                .replace("%3", actions.get(row.action, row.action))
                .replace("%4", row.code)
                .replace("%5", entry_text(row.entry) if row.entry is not None else row.summary)
            )
        return lines
