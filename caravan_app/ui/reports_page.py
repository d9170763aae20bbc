"""Reports: a tour plan's route sheets or summary, a rotation plan's schedule, or exhibit labels by set,
caravan or depot, made by the reports service, previewed here, saved as PDF or sent to a printer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QEvent, QLocale
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import PlanKind, PlanStatus
from caravan_app.services import inventory, tour_plans
from caravan_app.ui.context import AppContext
from caravan_app.ui.exports import ExportsBar
from caravan_app.ui.labels import enum_label
from caravan_app.ui.pdf_output import (
    PDFS,
    ask_save_path,
    load_pdf,
    make_pdf,
    print_pdf,
    render_pdf,
    write_pdf,
)

_log = log.get(log.UI)

# The documents, each made by the reports service (see make): from a stored tour plan (route sheets,
# summary), a stored rotation plan, or the exhibits of a set, caravan or depot (labels).
DOCUMENTS = ("route_sheets", "summary", "rotation", "labels")
# Labels' scope -> (inventory entity listed to choose from, labels_pdf's keyword).
LABEL_SCOPES = {
    "set": ("exhibit_sets", "set_code"),
    "caravan": ("caravans", "caravan_code"),
    "depot": ("depots", "depot_code"),
}


class ReportsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_reports")
        self.context = context
        self.pdf_bytes = b""
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.plan = QComboBox()
        self.plan.setObjectName("plan")
        self.plan.setMinimumWidth(320)
        self.plan.currentIndexChanged.connect(lambda _i: self._subject_changed())
        self.document = QComboBox()
        self.document.setObjectName("document")
        for key in DOCUMENTS:
            self.document.addItem("", key)
        self.document.currentIndexChanged.connect(lambda _i: self._document_changed())
        # Labels only: whose exhibits (a set's, a caravan's, a depot's); `plan` then lists their codes.
        self.scope = QComboBox()
        self.scope.setObjectName("label_scope")
        for key in LABEL_SCOPES:
            self.scope.addItem("", key)
        self.scope.setVisible(False)
        self.scope.currentIndexChanged.connect(lambda _i: self._document_changed())
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(lambda: self.preview())
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(self.choose_save)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_document)
        row = QHBoxLayout()
        row.addWidget(self.document)
        row.addWidget(self.scope)
        row.addWidget(self.plan)
        row.addWidget(self.preview_button)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        self.pdf = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.exports = ExportsBar(context)
        layout.addWidget(self.exports)
        self.loaded = False
        self._plans: list[tour_plans.PlanRow] = []
        self._choices: list[inventory.Choice] = []
        context.bus.data_changed.connect(lambda _e: self.refresh() if self.loaded else None)
        self.retranslate_ui()

    def showEvent(self, event: Any) -> None:
        if not self.loaded:
            self.refresh()
            if self.plan.count():
                self.preview()
        super().showEvent(event)

    def _document_changed(self) -> None:
        # The preview showed the document chosen before; a stale preview would be printed by mistake.
        self.pdf_bytes = b""
        self.pdf.close()
        if self.loaded:
            self.refresh()

    def _subject_changed(self) -> None:
        # Another plan (or set, caravan, depot): the preview of the one before must not be saved or
        # printed as this one's, nor its draft mark (or none) be taken for this one's.
        self.pdf_bytes = b""
        self.pdf.close()
        self._show_status()

    @property
    def document_key(self) -> str:
        return str(self.document.currentData())

    def refresh(self) -> None:
        """List what the chosen document is made from: tour plans, rotation plans, or sets, caravans
        or depots for labels; the choice made before stays chosen when it is still there."""
        current = self.plan.currentData()
        before = self.chosen_plan()
        key = self.document_key
        self.scope.setVisible(key == "labels")
        self.plan.blockSignals(True)
        self.plan.clear()
        self._plans, self._choices = [], []
        if key == "labels":
            entity = LABEL_SCOPES[str(self.scope.currentData())][0]
            self._choices = inventory.choices(self.context.db, entity)
            for choice in self._choices:
                self.plan.addItem(f"{choice.code} · {choice.name}", choice.code)
        else:
            kind = PlanKind.ROTATION if key == "rotation" else PlanKind.TOUR
            self._plans = tour_plans.stored_plans(self.context.db, kind)
            for row in self._plans:
                self.plan.addItem(f"{row.name} · {enum_label(row.status)}", row.name)
        found = self.plan.findData(current)
        self.plan.setCurrentIndex(max(found, 0))
        self.plan.blockSignals(False)
        after = self.chosen_plan()
        if before is not None and (after is None or (after.id, after.version) != (before.id, before.version)):
            # The plan changed since its preview (edited, approved or sent back to draft).
            self.pdf_bytes = b""
            self.pdf.close()
        self.loaded = True
        self.exports.load_venues()
        self._show_status()

    def _show_status(self) -> None:
        key = self.document_key
        has_subject = self.plan.count() > 0
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(has_subject)
        if key == "rotation":
            self.status.setText(
                self.tr("The schedule of a stored rotation plan: halls per period, moves and truck-km.")
                if has_subject
                else self.tr("No rotation plan to print yet — solve one in the Rotation planner.")
            )
        elif key == "labels":
            self.status.setText(
                self.tr("Labels with a QR code for every exhibit of a set, on a caravan or in a depot.")
                if has_subject
                else self.tr("Nothing to label here yet.")
            )
        elif not has_subject:
            self.status.setText(self.tr("No tour plan to print yet — solve one in the Tour planner."))
        else:
            self.status.setText(self.tr("Route sheets for the crews and a summary of a stored tour plan."))
        plan = self.chosen_plan()
        if plan is not None and plan.status is PlanStatus.DRAFT:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr(
                    "This plan is a draft: every page prints with a draft mark. Approve it in its planner "
                    "to print papers to hand out."
                )
            )

    def chosen_plan(self) -> tour_plans.PlanRow | None:
        """The stored plan chosen (None for labels, or with none to choose)."""
        name = self.plan.currentData()
        return next((p for p in self._plans if p.name == name), None)

    def _document(self) -> Callable[[], bytes] | None:
        """What makes the chosen document of the chosen plan (or set, caravan, depot) in the program's
        language: read from the screen now, run later, off the GUI thread."""
        from caravan_app.services import reports  # reportlab loads with the first PDF, not at start

        subject = self.plan.currentData()
        if subject is None:
            return None
        db, lang = self.context.db, "zh" if QLocale().name().startswith("zh") else "en"
        key = self.document_key
        if key == "labels":
            keyword = LABEL_SCOPES[str(self.scope.currentData())][1]
            return lambda: reports.labels_pdf(db, **{keyword: str(subject)}, lang=lang)
        if key == "rotation":
            return lambda: reports.rotation_pdf(db, str(subject), lang)
        if key == "summary":
            return lambda: reports.summary_pdf(db, str(subject), lang)
        return lambda: reports.route_sheets_pdf(db, str(subject), lang)

    def make(self) -> bytes:
        """The chosen document as PDF bytes, made here and now (b"" when there is nothing to make)."""
        document = self._document()
        return document() if document is not None else b""

    @property
    def making(self) -> bool:
        """A document is being made in the background."""
        return PDFS.busy

    def preview(self, then: Callable[[], object] | None = None) -> None:
        """Make the document in the background and show it when it is ready; then `then`."""
        document = self._document()
        if document is None:
            return
        self.status.setText(self.tr("Making the document…"))

        def show(data: bytes) -> None:
            self.pdf_bytes = data
            self._buffer = load_pdf(self.pdf, data, self)
            self._show_status()
            if then is not None:
                then()

        make_pdf(self, document, show)

    def choose_save(self) -> None:
        path = ask_save_path(self, f"{self.plan.currentData()}-{self.document_key}.pdf")
        if path is not None:
            self.save(path)

    def save(self, path: Path) -> None:
        """Write the previewed document to `path`, making it first if it is not made yet."""

        def write() -> None:
            if write_pdf(self, self.pdf_bytes, path):
                self.status.setText(self.tr("Saved %1").replace("%1", str(path)))

        if self.pdf_bytes:
            write()
        else:
            self.preview(then=write)

    def print_document(self) -> None:
        if self.pdf_bytes:
            print_pdf(self, self.pdf_bytes)
        else:
            self.preview(then=lambda: print_pdf(self, self.pdf_bytes))

    def render_to(self, device: Any) -> int:
        """Draw every page of the previewed document on a paint device (a printer); returns the pages."""
        return render_pdf(self.pdf, device)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Reports and printing"))
        self.document.setItemText(0, self.tr("Route sheets"))
        self.document.setItemText(1, self.tr("Plan summary"))
        self.document.setItemText(2, self.tr("Rotation schedule"))
        self.document.setItemText(3, self.tr("Exhibit labels"))
        self.scope.setItemText(0, self.tr("of a set"))
        self.scope.setItemText(1, self.tr("on a caravan"))
        self.scope.setItemText(2, self.tr("in a depot"))
        self.preview_button.setText(self.tr("Preview"))
        self.save_button.setText(self.tr("Save PDF…"))
        self.print_button.setText(self.tr("Print…"))
        for i, row in enumerate(self._plans):
            self.plan.setItemText(i, f"{row.name} · {enum_label(row.status)}")
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
