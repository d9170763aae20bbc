"""The tour planner's Linkage tab: advice in the background, proposals shown with place names, accepted
as joint tours (undoable in the window) and the term re-planned with them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from caravan_app.persistence.database import Database
from caravan_app.persistence.models import AuditEntry, JointTour
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.pdf_output import PDFS
from caravan_app.ui.tour_planner import TourPlannerPage
from tests.reports.pdf_tools import pages, squeeze

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def _joint_tours(db: Database) -> int:
    with db.session(audited=False) as s:
        return int(s.scalar(select(func.count()).select_from(JointTour)) or 0)


def test_linkage_is_advised_printed_accepted_undone_and_redone(
    window: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    page = window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    page.set_dates(FIRST, LAST)
    page.time_limit.setValue(2)
    page.plan_name.setText("before")
    assert page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)

    tab = page.linkage
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(3) == "Linkage (联动)"
    tab.max_tours.setValue(1)  # one joint tour: every grant the rules would have to allow
    tab.seconds.setValue(2)
    assert tab.start()
    assert not tab.advise_button.isEnabled() and tab.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.running, timeout=300_000)
    advice = tab.advice
    assert advice is not None, tab.status.text()
    assert len(advice.proposals) == 1 and tab.model.rowCount() == 1
    assert tab.status.text() == "Joint tours proposed: 1."
    lines = tab.figures.text().splitlines()
    assert lines[0].startswith("Rules as they stand: ") and lines[1].startswith("Every caravan anywhere: ")
    proposal = advice.proposals[0]
    # Places by name, not by adcode.
    shown_regions = str(tab.model.value(0, "regions"))
    assert all(advice.region_names[r] in shown_regions for r in proposal.joint_tour.regions)
    assert not any(r in shown_regions for r in proposal.joint_tour.regions)
    assert tab.model.value(0, "served") == f"{proposal.gain.served:+d}"

    # The proposal printed for the director, made in the background.
    assert tab.print_button.isEnabled() and tab.print_button.text() == "Print the proposal (PDF)…"
    pdf = tmp_path / "linkage.pdf"
    tab.print_to(pdf)
    qtbot.waitUntil(lambda: not PDFS.busy, timeout=120_000)
    text = squeeze("".join(pages(pdf.read_bytes(), tmp_path)))
    assert squeeze("Linkage proposal") in text and squeeze("Rules as they stand") in text
    assert all(squeeze(advice.region_names[r]) in text for r in proposal.joint_tour.regions)
    assert tab.status.text() == f"Saved {pdf}"

    before, audited = _joint_tours(demo_db), 0
    with demo_db.session(audited=False) as s:
        audited = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    assert tab.accept()
    assert _joint_tours(demo_db) == before + 1
    with demo_db.session(audited=False) as s:
        assert int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0) > audited
    assert page.solving  # the term is re-planned with the new joint tour, keeping the locks
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.detail is not None and page.detail.plan.name == "before (re-solved)"

    assert "Accept joint tours (1)" in window.undo_action.text()
    window.undo_action.trigger()
    assert _joint_tours(demo_db) == before
    window.redo_action.trigger()
    assert _joint_tours(demo_db) == before + 1
