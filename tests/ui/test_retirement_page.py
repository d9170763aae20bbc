"""Retirement and consolidation from the window: a run in its worker thread, candidates with their
evidence; filters by kind, rule, recommendation and decision; a decision on many candidates saved
in one transaction, undone and redone as one step, and refused whole when someone else decided one
of them meanwhile; the caravan kits and their moves on screen; the reports saved as PDF."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caravan_app.domain.enums import CandidateKind, Decision, Recommendation
from caravan_app.persistence.database import Database
from caravan_app.planning.control import SolveControl
from caravan_app.services.consolidation import consolidate
from caravan_app.services.consolidation_views import candidate_rows, regrouping, set_decision
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.pdf_output import PDFS
from caravan_app.ui.retirement_candidates import CandidatesTab
from caravan_app.ui.retirement_page import RetirementPage


def decide(tab: CandidatesTab, qtbot: QtBot, decision: Decision) -> None:
    """Press a decision button and wait for the save, made in the background."""
    assert tab.decide(decision)
    assert not tab.accept_button.isEnabled()  # no second save while one runs
    qtbot.waitUntil(lambda: not tab.saving, timeout=60_000)


@pytest.mark.slow
def test_a_run_lists_candidates_with_evidence_and_decisions_are_undoable(
    window: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    page = window.show_page("retirement")
    assert isinstance(page, RetirementPage)
    tab = page.candidates_tab
    assert page.plan.count() == 0 and "No consolidation plan yet" in page.status.text()
    assert page.run(time_limit=600, what_if_time=0.5)
    assert page.running and not page.run_button.isEnabled()
    qtbot.waitUntil(lambda: not page.running and page.plan.count() == 1, timeout=120_000)
    assert page.steps, "the service's steps were shown while it ran"
    assert page.status.text().startswith("Done:")
    rows = candidate_rows(demo_db)
    assert tab.candidates_model.rowCount() == len(rows) > 0
    assert page.what_if_model.rowCount() > 0

    page.candidates.selectRow(0)
    code = tab.selected_code()
    assert code is not None
    assert tab.evidence_model.rowCount() > 0
    decide(tab, qtbot, Decision.ACCEPTED)
    decided = {r.code: r.decision for r in candidate_rows(demo_db)}
    assert decided[code] is Decision.ACCEPTED
    window.undo_action.trigger()
    assert {r.code: r.decision for r in candidate_rows(demo_db)}[code] is Decision.PENDING
    window.redo_action.trigger()
    assert {r.code: r.decision for r in candidate_rows(demo_db)}[code] is Decision.ACCEPTED
    assert tab.selected_codes() == [code]  # the list was read again, the selection kept
    row = tab.candidates_proxy.source_row(page.candidates.selectionModel().selectedRows()[0].row())
    assert tab.candidates_model.data(tab.candidates_model.index(row, 6)) == "Accepted"

    report = tmp_path / "retirement.pdf"
    page.save_pdf("retirement", report)
    qtbot.waitUntil(lambda: not PDFS.busy, timeout=120_000)  # made in the background
    assert report.read_bytes().startswith(b"%PDF")


@pytest.mark.slow
def test_filters_a_bulk_decision_a_concurrent_one_and_the_kits_on_screen(
    window: MainWindow,
    demo_db: Database,
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = consolidate(
        demo_db,
        "2027-spring",
        name="整合",
        control=SolveControl(time_limit=600, solution_limit=2),
        what_if_time=0.5,
    )
    window.context.bus.data_changed.emit("plans")  # as the run on the screen does
    page = window.show_page("retirement")
    assert isinstance(page, RetirementPage)
    tab = page.candidates_tab
    proxy = tab.candidates_proxy
    qtmodeltester.check(proxy)
    rows = candidate_rows(demo_db)
    assert proxy.rowCount() == len(rows) == summary.figures.candidates

    # Filters by kind, recommendation and rule narrow the list together; the count says so.
    tab.set_filter("kind", "exhibit")
    tab.set_filter("recommendation", "retire")
    to_retire = [
        r for r in rows if r.kind is CandidateKind.EXHIBIT and r.recommendation is Recommendation.RETIRE
    ]
    assert proxy.rowCount() == len(to_retire) > 1
    tab.set_filter("rules", "exhibit_condition")
    in_d = [r for r in to_retire if "exhibit_condition" in r.rules]
    assert 0 < proxy.rowCount() == len(in_d) < len(to_retire)
    assert {tab._code_at(i) for i in range(proxy.rowCount())} == {r.code for r in in_d}
    tab.set_filter("rules", None)
    assert tab.shown.text() == f"{len(to_retire)} of {len(rows)} shown · 0 selected"

    # Select every one shown and accept them: one save, read back from the database.
    tab.select_all_button.click()
    assert tab.shown.text().endswith(f"· {len(to_retire)} selected")
    decide(tab, qtbot, Decision.ACCEPTED)
    accepted = {r.code for r in to_retire}
    decided = {r.code: r.decision for r in candidate_rows(demo_db)}
    assert all(decided[code] is Decision.ACCEPTED for code in accepted)
    assert all(d is Decision.PENDING for code, d in decided.items() if code not in accepted)
    assert f"{len(to_retire)} candidates set to Accepted" in page.status.text()
    tab.set_filter("decision", "accepted")
    assert proxy.rowCount() == len(to_retire)
    # Undone and redone as one step.
    window.undo_action.trigger()
    assert Counter(r.decision for r in candidate_rows(demo_db)) == {Decision.PENDING: len(rows)}
    assert proxy.rowCount() == 0  # none is accepted any more
    window.redo_action.trigger()
    assert proxy.rowCount() == len(to_retire)

    # Someone else decides on one caravan while they are selected here: nothing is saved.
    for column in ("decision", "recommendation"):
        tab.set_filter(column, None)
    tab.set_filter("kind", "caravan")
    caravans = [r for r in candidate_rows(demo_db) if r.kind is CandidateKind.CARAVAN]
    assert proxy.rowCount() == len(caravans) > 2
    tab.select_all_button.click()
    theirs = caravans[1]
    set_decision(demo_db, theirs.code, Decision.REJECTED, theirs.version)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: warnings.append(text) or QMessageBox.Ok
    )
    steps = window.context.undo_stack.count()
    decide(tab, qtbot, Decision.ACCEPTED)
    assert len(warnings) == 1 and theirs.subject in warnings[0] and "none of the" in warnings[0]
    now = {r.code: r.decision for r in candidate_rows(demo_db)}
    assert now[theirs.code] is Decision.REJECTED
    assert all(now[r.code] is Decision.PENDING for r in caravans if r is not theirs)
    assert window.context.undo_stack.count() == steps
    # The list shows their decision now, and the selection is kept to choose again.
    shown = {tab._code_at(i): proxy.index(i, 6).data() for i in range(proxy.rowCount())}
    assert shown[theirs.code] == "Rejected"
    assert len(tab.selected_codes()) == len(caravans)
    decide(tab, qtbot, Decision.ACCEPTED)  # read again: saved
    assert all(
        r.decision is Decision.ACCEPTED for r in candidate_rows(demo_db) if r.kind is CandidateKind.CARAVAN
    )

    # The regrouping tab: the museum sets and every caravan kit, and the moves of the one chosen.
    on_screen = regrouping(demo_db, "整合", "en")
    kits = summary.figures.kits
    page.tabs.setCurrentIndex(1)
    tab_regroup = page.regrouping
    qtmodeltester.check(tab_regroup.containers_proxy)
    assert tab_regroup.containers_model.rowCount() == summary.figures.sets.containers + kits.containers
    assert tab_regroup.moves_model.rowCount() == len(on_screen.moves) > 0
    assert f"{kits.complete} of {kits.containers} complete" in tab_regroup.summary.text()
    tab_regroup.kind.setCurrentIndex(tab_regroup.kind.findData("caravan"))
    assert tab_regroup.containers_proxy.rowCount() == kits.containers > 0
    kit = next(c for c in on_screen.containers if c.kind is CandidateKind.CARAVAN and c.moves_in)
    assert tab_regroup.select(kit.code)
    assert tab_regroup.moves_model.rowCount() == kit.moves_in + kit.moves_out
    assert all(
        kit.code in (tab_regroup.moves_model.value(i, "from") + tab_regroup.moves_model.value(i, "to"))
        for i in range(tab_regroup.moves_model.rowCount())
    )
    assert kit.code in tab_regroup.moves_label.text()
