"""Printing from the window: a stored tour plan's route sheets previewed, saved and printed."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from caravan_app.persistence.database import Database
from caravan_app.planning.control import SolveControl
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.reports_page import ReportsPage


def test_route_sheets_are_previewed_saved_and_printed(
    window: MainWindow, demo_db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    plan_term_tours(
        demo_db, date(2027, 3, 1), date(2027, 3, 3), name="印刷", control=SolveControl(time_limit=1)
    )
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.refresh()
    assert page.plan.currentData() == "印刷"
    page.preview()
    assert page.making  # made in the background
    qtbot.waitUntil(lambda: not page.making, timeout=120_000)
    pages = page.pdf.pageCount()
    assert pages >= 1 and page.pdf_bytes.startswith(b"%PDF")
    out = tmp_path / "sheets.pdf"
    page.save(out)
    assert str(out) in page.status.text()
    assert out.read_bytes() == page.pdf_bytes

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert page.render_to(printer) == pages
    assert printed.read_bytes().startswith(b"%PDF")

    page.document.setCurrentIndex(page.document.findData("summary"))
    page.preview()
    qtbot.waitUntil(lambda: not page.making, timeout=120_000)
    assert page.pdf.pageCount() >= 1
    try:
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        pytest.skip("pdftotext is not installed")
    assert "Route" in text or "行程" in text


def test_events_for_the_national_platform_and_a_venues_calendar_are_saved(
    window: MainWindow, demo_db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtCore import QDate
    from sqlalchemy import func, select

    from caravan_app.domain.enums import EventStatus
    from caravan_app.persistence.models import Event, Venue

    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    bar = page.exports
    assert bar.venue.count() == 562  # every demo venue to choose from
    with demo_db.session(audited=False) as s:
        held = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(
                Event.held_on.between(date(2026, 3, 1), date(2026, 3, 31)), Event.status == EventStatus.HELD
            )
        )
        busiest = s.execute(
            select(Venue.code, func.count()).join(Event).group_by(Venue.code).order_by(func.count().desc())
        ).first()
    assert held and busiest is not None
    bar.first.setDate(QDate(2026, 3, 1))
    bar.last.setDate(QDate(2026, 3, 31))
    out = tmp_path / "march.xlsx"
    bar.export_events(out)
    qtbot.waitUntil(lambda: not bar.busy, timeout=60_000)  # written in the background
    assert bar.message.text().startswith(f"{held} events written to")
    sheet = load_workbook(out).active
    assert sheet.max_row == held + 1 and sheet.cell(1, 1).value == "Event"

    bar.last.setDate(QDate(2026, 2, 1))
    bar.export_events(tmp_path / "backwards.xlsx")
    assert not bar.busy  # refused at once
    assert "the last day 2026-02-01 is before the first 2026-03-01" in bar.message.text()
    assert not (tmp_path / "backwards.xlsx").exists()

    venue, events = busiest
    ics = tmp_path / "venue.ics"
    bar.export_ics(venue, ics)
    qtbot.waitUntil(lambda: not bar.busy, timeout=60_000)
    text = ics.read_bytes().decode("utf-8")  # as written: RFC 5545 lines end in CRLF
    count = text.count("BEGIN:VEVENT")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and count >= events
    assert bar.message.text() == f"{count} bookings of {venue} written to {ics}"
    bar.export_ics("NO-SUCH", tmp_path / "none.ics")
    qtbot.waitUntil(lambda: not bar.busy, timeout=60_000)
    assert bar.message.text().startswith("Not written: ")
    assert "NO-SUCH" in bar.message.text()
