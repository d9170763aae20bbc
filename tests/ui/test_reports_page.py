"""Printing from the window: a stored tour plan's route sheets previewed, saved and printed."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from caravan_app.persistence.database import Database
from caravan_app.planning.control import SolveControl
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.reports_page import ReportsPage


def test_route_sheets_are_previewed_saved_and_printed(
    window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    plan_term_tours(
        demo_db, date(2027, 3, 1), date(2027, 3, 3), name="印刷", control=SolveControl(time_limit=1)
    )
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.refresh()
    assert page.plan.currentData() == "印刷"
    pages = page.preview()
    assert pages >= 1 and page.pdf_bytes.startswith(b"%PDF")
    out = tmp_path / "sheets.pdf"
    assert page.save(out)
    assert out.read_bytes() == page.pdf_bytes

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert page.render_to(printer) == pages
    assert printed.read_bytes().startswith(b"%PDF")

    page.document.setCurrentIndex(page.document.findData("summary"))
    assert page.preview() >= 1
    try:
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        pytest.skip("pdftotext is not installed")
    assert "Route" in text or "行程" in text
