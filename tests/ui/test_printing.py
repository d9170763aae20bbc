"""Printing a rotation schedule from the Rotation planner, and the rotation schedule and exhibit labels
from the Reports screen: real PDFs written and read back."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services.reports import exhibit_views
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.pdf_output import PDFS
from caravan_app.ui.reports_page import ReportsPage
from caravan_app.ui.rotation_page import RotationPage
from tests.budget import budget


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _rotation(db: Database) -> str:
    plan_rotation_scenario(
        db,
        date(2027, 1, 1),
        3,
        2,
        name="扬泰印刷",
        cities=["扬州", "泰州"],
        control=budget(),
    )
    return "扬泰印刷"


def test_the_rotation_planner_saves_its_schedule(
    window: MainWindow, demo_db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    page = window.show_page("rotation")
    assert isinstance(page, RotationPage)
    assert not page.print_button.isEnabled()  # nothing to print before a plan is stored
    name = _rotation(demo_db)
    page.refresh_plans(select_name=name)
    assert page.grid is not None and page.grid.plan.name == name
    assert page.print_button.isEnabled() and page.print_button.text() == "Print…"
    assert [a.text() for a in page.print_menu.actions()] == ["Save PDF…", "Send to printer…"]
    out = tmp_path / "rotation.pdf"
    page.save_schedule(out)
    qtbot.waitUntil(lambda: not PDFS.busy, timeout=120_000)  # made in the background
    assert out.read_bytes().startswith(b"%PDF")
    text = _text(out)
    assert "Travelling museum rotation schedule" in text and name in text
    for set_code, _name in page.grid.sets:
        if any(st.set_code == set_code for st in page.grid.stays):
            assert set_code in text
    assert str(out) in page.figures.text()


@pytest.mark.slow
def test_reports_screen_prints_the_rotation_schedule_and_labels(
    window: MainWindow, demo_db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    name = _rotation(demo_db)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.document.setCurrentIndex(page.document.findData("rotation"))
    page.refresh()
    assert page.document.currentText() == "Rotation schedule"
    assert not page.scope.isVisibleTo(page)
    assert page.plan.currentData() == name
    page.preview()
    qtbot.waitUntil(lambda: not page.making, timeout=120_000)
    pages = page.pdf.pageCount()
    assert pages >= 1
    out = tmp_path / "rotation.pdf"
    page.save(out)
    assert "Travelling museum rotation schedule" in _text(out)

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.render_to(printer) == pages

    page.document.setCurrentIndex(page.document.findData("labels"))
    assert page.document.currentText() == "Exhibit labels"
    assert page.scope.isVisibleTo(page)
    for scope, shown in (("set", "of a set"), ("caravan", "on a caravan"), ("depot", "in a depot")):
        page.scope.setCurrentIndex(page.scope.findData(scope))
        assert page.scope.currentText() == shown
        assert page.plan.count() > 0
        # The first with exhibits: a new caravan or an empty depot has none to label.
        for index in range(page.plan.count()):
            page.plan.setCurrentIndex(index)
            page.pdf_bytes = b""
            try:
                made = page.make()
            except CaravanError:  # none there to label
                continue
            if made:
                break
        else:
            pytest.fail(f"no {scope} with exhibits to label")
        out = tmp_path / f"labels-{scope}.pdf"
        page.save(out)
        qtbot.waitUntil(lambda: not page.making, timeout=120_000)
        text = _text(out)
        keyword = {"set": "set_code", "caravan": "caravan_code", "depot": "depot_code"}[scope]
        with demo_db.session(audited=False) as s:
            exhibits = exhibit_views(s, **{keyword: str(page.plan.currentData())})
        assert exhibits and all(e.code in text for e in exhibits)
