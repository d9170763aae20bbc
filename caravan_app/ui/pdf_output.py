"""A PDF the reports service made, saved to a file or drawn on a printer: shared by the Reports screen
and the planners' own Print buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from caravan_app import log
from caravan_app.errors import CaravanError
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)

# Documents are made one at a time, in the order asked for: reportlab and the database are shared.
PDFS = Queue()


def make_pdf(parent: QWidget, make: Callable[[], bytes], then: Callable[[bytes], object]) -> None:
    """Make a document in the background (a term's route sheets take seconds) and hand its bytes to
    `then` on the GUI thread; a document that cannot be made is shown, in the window's language."""

    def work(_state: TaskState) -> bytes:
        return make()

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            _log.error("a document could not be made", exc_info=exc)
        QMessageBox.warning(parent, QCoreApplication.translate("PdfOutput", "Not printed"), error_text(exc))

    Operation(parent, work, "pdf").success(then).failure(failed).run(PDFS)


def save_pdf_to(
    parent: QWidget, make: Callable[[], bytes], path: Path, saved: Callable[[Path], None]
) -> None:
    """Make a document in the background and write it to `path`; `saved` is told when it is there."""

    def write(data: bytes) -> None:
        if data and write_pdf(parent, data, path):
            saved(path)

    make_pdf(parent, make, write)


def load_pdf(document: QPdfDocument, data: bytes, owner: QObject) -> QBuffer:
    """Load PDF bytes into a document; the buffer returned must live as long as the document reads it."""
    document.close()
    buffer = QBuffer(owner)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def render_pdf(document: QPdfDocument, device: Any) -> int:
    """Draw every page on a paint device (a printer); returns the pages drawn."""
    painter = QPainter()
    if not painter.begin(device):
        return 0
    pages = document.pageCount()
    try:
        for page in range(pages):
            if page:
                device.newPage()
            area: QRect = painter.viewport()
            size = (
                document.pagePointSize(page).toSize().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            )
            image = document.render(page, QSize(size.width(), size.height()))
            painter.drawImage(QRect(area.topLeft(), size), image)
    finally:
        painter.end()
    return pages


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    path, _f = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PdfOutput", "Save PDF"),
        str(Path.home() / suggested),
        QCoreApplication.translate("PdfOutput", "PDF files (*.pdf)"),
    )
    return Path(path) if path else None


def write_pdf(parent: QWidget, data: bytes, path: Path) -> bool:
    try:
        path.write_bytes(data)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("PdfOutput", "Not saved"), str(exc))
        return False
    return True


def print_pdf(parent: QWidget, data: bytes) -> int:
    """Ask for a printer and print the PDF on it; returns the pages printed (0 when cancelled)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    document = QPdfDocument(parent)
    buffer = load_pdf(document, data, parent)
    try:
        return render_pdf(document, printer)
    finally:
        document.close()
        buffer.close()
        buffer.deleteLater()
        document.deleteLater()
