"""Reports: a tour plan's route sheets or summary, made by the reports service, previewed here,
saved as PDF or sent to a printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QLocale, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.services import tour_plans
from caravan_app.ui.context import AppContext
from caravan_app.ui.hooks import REPORTS_SERVICE, service_function
from caravan_app.ui.labels import enum_label

_log = log.get(log.UI)

# Document key -> the reports service's function that makes it from a stored tour plan.
DOCUMENTS = {"route_sheets": "route_sheets_pdf", "summary": "summary_pdf"}


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
        self.document = QComboBox()
        self.document.setObjectName("document")
        for key in DOCUMENTS:
            self.document.addItem("", key)
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
        row.addWidget(self.plan)
        row.addWidget(self.document)
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
        self.loaded = False
        self._plans: list[tour_plans.PlanRow] = []
        context.bus.data_changed.connect(lambda _e: self.refresh() if self.loaded else None)
        self.retranslate_ui()

    def showEvent(self, event: Any) -> None:
        if not self.loaded:
            self.refresh()
            if self.plan.count():
                self.preview()
        super().showEvent(event)

    def refresh(self) -> None:
        current = self.plan.currentText()
        self.plan.blockSignals(True)
        self.plan.clear()
        self._plans = tour_plans.tour_plans(self.context.db)
        for row in self._plans:
            self.plan.addItem(f"{row.name} · {enum_label(row.status)}", row.name)
        found = self.plan.findText(current)
        self.plan.setCurrentIndex(max(found, 0))
        self.plan.blockSignals(False)
        self.loaded = True
        self._show_status()

    def _show_status(self) -> None:
        available = service_function(REPORTS_SERVICE, "route_sheets_pdf") is not None
        has_plans = self.plan.count() > 0
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(available and has_plans)
        if not available:
            self.status.setText(self.tr("Printing is not part of this version."))
        elif not has_plans:
            self.status.setText(self.tr("No tour plan to print yet — solve one in the Tour planner."))
        else:
            self.status.setText(self.tr("Route sheets for the crews and a summary of a stored tour plan."))

    def make(self) -> bytes:
        """The chosen document of the chosen plan as PDF bytes, in the program's language."""
        function = service_function(REPORTS_SERVICE, DOCUMENTS[str(self.document.currentData())])
        if function is None or self.plan.currentData() is None:
            return b""
        lang = "zh" if QLocale().name().startswith("zh") else "en"
        return bytes(function(self.context.db, str(self.plan.currentData()), lang))  # type: ignore[operator]

    def preview(self) -> int:
        """Make the document and show it; returns its page count (0 when nothing was made)."""
        try:
            self.pdf_bytes = self.make()
        except Exception as exc:  # a report that cannot be made is shown, not raised
            _log.exception("report failed")
            QMessageBox.warning(self, self.tr("Not printed"), str(exc))
            return 0
        self.pdf.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        return self.pdf.pageCount()

    def choose_save(self) -> None:
        name = f"{self.plan.currentData()}-{self.document.currentData()}.pdf"
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path.home() / name), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> bool:
        if not self.pdf_bytes and not self.preview():
            return False
        try:
            path.write_bytes(self.pdf_bytes)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return False
        self.status.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.pdf_bytes and not self.preview():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, device: Any) -> int:
        """Draw every page on a paint device (a printer); returns the pages drawn."""
        painter = QPainter()
        if not painter.begin(device):
            return 0
        pages = self.pdf.pageCount()
        try:
            for page in range(pages):
                if page:
                    device.newPage()
                area: QRect = painter.viewport()
                size = (
                    self.pdf.pagePointSize(page)
                    .toSize()
                    .scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                )
                image = self.pdf.render(page, QSize(size.width(), size.height()))
                painter.drawImage(QRect(area.topLeft(), size), image)
        finally:
            painter.end()
        return pages

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Reports and printing"))
        self.document.setItemText(0, self.tr("Route sheets"))
        self.document.setItemText(1, self.tr("Plan summary"))
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
