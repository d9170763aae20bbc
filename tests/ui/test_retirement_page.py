"""Retirement and consolidation from the window: a run in its worker thread, candidates with their
evidence, a decision saved, undone and redone, and the reports saved as PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from caravan_app.domain.enums import Decision
from caravan_app.persistence.database import Database
from caravan_app.services.consolidation_views import candidate_rows
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.pdf_output import PDFS
from caravan_app.ui.retirement_page import RetirementPage


@pytest.mark.slow
def test_a_run_lists_candidates_with_evidence_and_decisions_are_undoable(
    window: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    page = window.show_page("retirement")
    assert isinstance(page, RetirementPage)
    assert page.plan.count() == 0 and "No consolidation plan yet" in page.status.text()
    assert page.run(time_limit=600, what_if_time=0.5)
    assert page.running and not page.run_button.isEnabled()
    qtbot.waitUntil(lambda: not page.running and page.plan.count() == 1, timeout=120_000)
    assert page.steps, "the service's steps were shown while it ran"
    assert page.status.text().startswith("Done:")
    rows = candidate_rows(demo_db)
    assert page.candidates_model.rowCount() == len(rows) > 0
    assert page.what_if_model.rowCount() > 0

    page.candidates.selectRow(0)
    code = page.selected_code()
    assert code is not None
    assert page.evidence_model.rowCount() > 0
    assert page.decide(Decision.ACCEPTED)
    decided = {r.code: r.decision for r in candidate_rows(demo_db)}
    assert decided[code] is Decision.ACCEPTED
    window.undo_action.trigger()
    assert {r.code: r.decision for r in candidate_rows(demo_db)}[code] is Decision.PENDING
    window.redo_action.trigger()
    assert {r.code: r.decision for r in candidate_rows(demo_db)}[code] is Decision.ACCEPTED
    assert (
        page.candidates_model.value(page.candidates.selectionModel().selectedRows()[0].row(), "decision")
        == "Accepted"
    )

    report = tmp_path / "retirement.pdf"
    page.save_pdf("retirement", report)
    qtbot.waitUntil(lambda: not PDFS.busy, timeout=120_000)  # made in the background
    assert report.read_bytes().startswith(b"%PDF")
