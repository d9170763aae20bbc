"""The rotation planner screen: a solve in its worker thread shown as a sets × periods grid, a stay's
field kit, a stay locked and kept by a re-solve, approval; every set in the grid, and why a cell is
empty."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caravan_app.domain.enums import PlanStatus, SetStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import ExhibitSet, Plan, SetPlacement
from caravan_app.planning.rotation_reasons import EmptyReason
from caravan_app.services.field_kit import open_kit
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.ui.i18n import Languages
from caravan_app.ui.kit_files import KITS
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.rotation_page import LOCK_MARK, RotationPage
from tests.budget import budget


@pytest.mark.slow
def test_a_rotation_is_solved_shown_locked_re_solved_and_approved(
    window: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_page("rotation")
    assert isinstance(page, RotationPage)
    assert page.grid is None and "No rotation plan yet" in page.figures.text()
    page.periods.setValue(3)
    page.time_limit.setValue(600)  # a backstop: the fixture stops each search after two solutions
    page.plan_name.setText("轮换一")
    assert page.start_solve()
    qtbot.waitUntil(lambda: not page.running and page.grid is not None, timeout=120_000)
    grid = page.grid
    assert grid is not None and grid.plan.name == "轮换一"
    assert page.progress_seen, "the solver's progress reached the screen"
    assert page.grid_model.rowCount() == len(grid.sets) > 0
    assert page.grid_model.columnCount() == 1 + len(grid.periods) == 4
    stay = grid.stays[0]
    page.select_stay(stay.set_code, stay.period)
    assert page.selected_stay() == stay and page.lock_button.text() == "Lock stay"
    # The crew that sets the stay up takes its field kit.
    assert page.kit_button.isEnabled() and page.kit_button.text() == "Field kit of this stay…"
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    page.export_kit(stay.code, tmp_path / "stay.ckit")
    qtbot.waitUntil(lambda: bool(asked) and not KITS.busy, timeout=60_000)  # written in the background
    assert "轮换一" in asked[0] and "draft" in asked[0]  # the plan is a draft: asked first
    assert f"Field kit of stay {stay.code} written to" in page.figures.text()
    with open_kit(tmp_path / "stay.ckit") as kit:
        assert (kit.contents.kind, kit.contents.code, kit.contents.facility_code) == (
            "placement",
            stay.code,
            stay.set_code,
        )
        assert [v.code for v in kit.contents.venues] == [stay.venue_code]
        assert kit.contents.start <= stay.start and kit.contents.end >= stay.end
    assert page.toggle_lock()
    assert page.grid is not None and page.grid.stay(stay.set_code, stay.period).locked  # type: ignore[union-attr]
    row = [c for c, _n in page.grid.sets].index(stay.set_code)
    assert LOCK_MARK in page.grid_model.index(row, 1 + stay.period).data()

    assert page.resolve_keeping_locks()
    qtbot.waitUntil(
        lambda: not page.running and page.grid is not None and page.grid.plan.name != "轮换一",
        timeout=120_000,
    )
    with demo_db.session() as s:
        again = s.scalar(select(Plan).where(Plan.name == "轮换一 (re-solved)"))
        assert again is not None
        kept = s.scalars(
            select(SetPlacement).where(SetPlacement.plan_id == again.id, SetPlacement.locked.is_(True))
        ).all()
        assert [(p.exhibit_set.code, p.venue.code, p.period) for p in kept] == [
            (stay.set_code, stay.venue_code, stay.period)
        ]
    assert page.approve()
    with demo_db.session() as s:
        approved = s.scalar(select(Plan).where(Plan.name == "轮换一 (re-solved)"))
        assert approved is not None and approved.status is PlanStatus.APPROVED


def test_every_set_is_in_the_grid_and_an_empty_cell_says_why(
    window: MainWindow, demo_db: Database, qtbot: QtBot, languages: Languages
) -> None:
    plan_rotation_scenario(demo_db, date(2027, 1, 1), 3, 2, name="换展", control=budget())
    page = window.show_page("rotation")
    assert isinstance(page, RotationPage)
    page.refresh_plans()  # the window may have opened on this screen, before the plan was made
    grid = page.grid
    assert grid is not None, page.figures.text()
    with demo_db.session() as s:
        sets = s.scalars(select(ExhibitSet.code).where(ExhibitSet.status != SetStatus.RETIRED)).all()
    assert page.grid_model.rowCount() == len(grid.sets) == len(sets) == 12
    model = page.grid_model
    for row, (code, _name) in enumerate(grid.sets):
        assert model.index(row, 0).data().startswith(code)
        assert code in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)  # its hall area and region
        for column, (period, _a, _b) in enumerate(grid.periods, start=1):
            text = model.index(row, column).data()
            tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            stay, empty = grid.stay(code, period), grid.empty_cell(code, period)
            if stay is not None:
                assert stay.venue_name in text and stay.venue_name in tip
            else:
                assert empty is not None and text and tip and tip != text, (code, period)
    assert f"of {grid.plan.rotation.set_periods_free} free set-periods hosted; empty:" in page.figures.text()

    # MS07 is in maintenance until 2027-03-31; selecting the cell tells why in full, in place names.
    ms07 = [c for c, _n in grid.sets].index("MS07")
    page.grid_view.setCurrentIndex(model.index(ms07, 1))
    assert model.index(ms07, 1).data() == "In maintenance"
    assert page.cell_note.text() == "The set is in maintenance in this period."
    assert not page.lock_button.isEnabled()  # nothing to lock in an empty cell
    standing = next(e for e in grid.empty if e.reason is EmptyReason.EARLIER_STAY)
    page.grid_view.setCurrentIndex(
        model.index([c for c, _n in grid.sets].index(standing.set_code), 1 + standing.period)
    )
    assert standing.halls[0].venue in page.cell_note.text() and "before this plan" in page.cell_note.text()

    languages.switch("zh_CN")  # the grid is worded again in the window's language
    assert page.grid_model.rowCount() == 12 and page.figures.text()
    languages.switch("en")
    assert model.index(ms07, 1).data() == "In maintenance"
