"""Printing a rotation schedule from the Rotation planner, and the rotation schedule, exhibit labels and a
draft's route sheets from the Reports screen; a field kit of a draft's trip written only when the user
says so: real PDFs written and read back."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caravan_app.domain.enums import PlanStatus
from caravan_app.domain.kit import KitManifest
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, Trip
from caravan_app.planning.control import SolveControl
from caravan_app.reports.texts import Texts
from caravan_app.services.field_kit import open_kit
from caravan_app.services.reports import exhibit_views
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.services.tour_plans import set_plan_status, tour_plans
from caravan_app.ui.i18n import Languages
from caravan_app.ui.kit_files import KITS, export_kit_file
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.pdf_output import PDFS
from caravan_app.ui.reports_page import ReportsPage
from caravan_app.ui.rotation_page import RotationPage
from tests.budget import budget
from tests.reports.pdf_tools import pages as pdf_pages
from tests.reports.pdf_tools import squeeze


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


WEEK = "三月第一周"


def _week(db: Database) -> str:
    """A one-week tour plan of the demo, a draft as every plan is when solved; the shortest trip."""
    plan_term_tours(db, date(2027, 3, 1), date(2027, 3, 5), name=WEEK, control=SolveControl(time_limit=2))
    with db.session(audited=False) as s:
        trips = s.scalars(select(Trip).join(Plan).where(Plan.name == WEEK).order_by(Trip.code)).all()
        return min(trips, key=lambda t: (len(t.stops), t.code)).code


def _approve(db: Database, name: str) -> None:
    row = next(p for p in tour_plans(db) if p.name == name)
    set_plan_status(db, row.id, row.version, PlanStatus.APPROVED)


def test_a_kit_of_a_draft_trip_is_written_only_when_the_user_says_so(
    demo_db: Database, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, languages: Languages
) -> None:
    trip = _week(demo_db)
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _title, text, *_a: asked.append(text) or next(answers)
    )
    written: list[KitManifest] = []

    refused = tmp_path / "refused.ckit"
    export_kit_file(parent, demo_db, "trip", trip, refused, "zh", written.append)
    qtbot.waitUntil(lambda: bool(asked) and not KITS.busy, timeout=60_000)
    assert f"Trip {trip} belongs to the plan “{WEEK}”, which is a draft, not approved" in asked[0]
    assert not refused.exists() and not written  # asked first: nothing was done

    kit = tmp_path / "draft.ckit"
    export_kit_file(parent, demo_db, "trip", trip, kit, "zh", written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=120_000)
    assert len(asked) == 2 and kit.exists() and written[0].code == trip
    mark = squeeze(Texts("zh")("draft_mark"))
    with open_kit(kit) as field:
        sheet, page = field.part("route-sheet.pdf"), field.part("map.html").decode("utf-8")
    text = pdf_pages(sheet, tmp_path)
    assert text and all(squeeze(p).count(mark) == 1 for p in text)
    assert f"【草案 · 未经批准】{WEEK}" in page

    # Approved: written without a question, and with no mark.
    _approve(demo_db, WEEK)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a: pytest.fail("an approved plan's kit needs no question")
    )
    approved = tmp_path / "approved.ckit"
    export_kit_file(parent, demo_db, "trip", trip, approved, "zh", written.append)
    qtbot.waitUntil(lambda: len(written) == 2, timeout=120_000)
    with open_kit(approved) as field:
        assert "草案" not in "".join(pdf_pages(field.part("route-sheet.pdf"), tmp_path))


def test_the_reports_screen_prints_a_drafts_route_sheets_marked_on_every_page(
    window: MainWindow, demo_db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    _week(demo_db)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.refresh()
    assert page.document_key == "route_sheets" and page.plan.currentData() == WEEK
    assert "This plan is a draft: every page prints with a draft mark" in page.status.text()
    out = tmp_path / "draft.pdf"
    page.save(out)
    qtbot.waitUntil(lambda: not page.making and out.exists(), timeout=120_000)
    mark = squeeze(Texts("en")("draft_mark"))
    text = pdf_pages(out.read_bytes(), tmp_path)
    assert len(text) > 1 and all(squeeze(p).count(mark) == 1 for p in text)

    _approve(demo_db, WEEK)
    page.refresh()  # as a change of the plan tells the screen
    assert page.pdf_bytes == b""  # the preview of the draft is not printed as the approved plan's
    assert "draft" not in page.status.text()
    out = tmp_path / "approved.pdf"
    page.save(out)
    qtbot.waitUntil(lambda: not page.making and out.exists(), timeout=120_000)
    assert mark not in squeeze("".join(pdf_pages(out.read_bytes(), tmp_path)))
