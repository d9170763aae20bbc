"""The Joint tours screen: a joint tour is added in the dialog, edited, ended and run again, each step
undoable; the planner's problem follows; a stale edit is refused."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from caravan_app.persistence.database import Database
from caravan_app.services import joint_tours
from caravan_app.services.tour_planning import build_tour_problem
from caravan_app.ui.joint_tours_page import JointToursPage
from caravan_app.ui.main_window import MainWindow

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def _find(db: Database, name: str) -> joint_tours.JointTourView | None:
    return next((v for v in joint_tours.joint_tours(db) if v.name == name), None)


def _permits(db: Database, caravan: str, county: str) -> bool:
    with db.session(audited=False) as s:
        problem = build_tour_problem(s, FIRST, LAST)
    return any(caravan in j.caravans and county in j.regions for j in problem.joint_tours)


def test_a_joint_tour_is_added_edited_ended_and_undone(
    window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    page = window.show_page("joint_tours")
    assert isinstance(page, JointToursPage)
    assert window.nav.currentItem().text() == "Joint tours"
    existing = page.model.rowCount()
    assert existing == len(joint_tours.joint_tours(demo_db))  # the demo's two joint tours

    dialog = page.open_dialog(None)
    caravans, regions = joint_tours.choices(demo_db)
    caravan, county = caravans[0][0], next(a for a, text in regions if text.startswith("丰县"))
    dialog.name.setText("丰县联动")
    dialog.tick(dialog.caravans, {caravan})
    dialog.filter.setText("丰县")
    visible = [
        dialog.regions.item(i) for i in range(dialog.regions.count()) if not dialog.regions.item(i).isHidden()
    ]
    assert [item.text() for item in visible] == [f"丰县 {county}"]
    dialog.tick(dialog.regions, {county})
    dialog.accept()
    added = _find(demo_db, "丰县联动")
    assert not warned
    assert added is not None and added.caravans == (caravan,) and added.regions == ((county, "丰县"),)
    assert page.model.rowCount() == existing + 1 and page.selected() == added
    assert _permits(demo_db, caravan, county)

    # Edit: another caravan as well.
    dialog = page.open_dialog(added)
    assert dialog.name.text() == "丰县联动"
    second = caravans[1][0]
    dialog.tick(dialog.caravans, {second})
    dialog.accept()
    edited = _find(demo_db, "丰县联动")
    assert edited is not None and edited.caravans == tuple(sorted((caravan, second)))

    # End it before the plan's first day: the planner no longer uses it; it stays on the list.
    page.select(edited.code)
    page.last_day.setDate(page.last_day.date().fromString("2027-02-28", "yyyy-MM-dd"))
    assert page.end_button.text() == "End after"
    assert page.end_or_resume()
    ended = _find(demo_db, "丰县联动")
    assert ended is not None and ended.ended_on == date(2027, 2, 28)
    assert str(page.model.value(page.model.rowCount() - 1, "state")) == "ended after 2027-02-28"
    assert not _permits(demo_db, caravan, county)

    window.undo_action.trigger()  # the end
    assert _find(demo_db, "丰县联动").ended_on is None  # type: ignore[union-attr]
    assert _permits(demo_db, caravan, county)
    window.undo_action.trigger()  # the edit
    assert _find(demo_db, "丰县联动").caravans == (caravan,)  # type: ignore[union-attr]
    window.undo_action.trigger()  # the addition
    assert _find(demo_db, "丰县联动") is None and page.model.rowCount() == existing
    window.redo_action.trigger()
    assert _find(demo_db, "丰县联动") is not None

    # A change to a joint tour someone else changed since it was read is refused, nothing written.
    stale = _find(demo_db, "丰县联动")
    assert stale is not None
    joint_tours.end_joint_tour(demo_db, stale.id, stale.version, date(2027, 6, 30))
    assert not page.save(stale, joint_tours.draft_of(stale))
    assert warned and "someone else" in warned[0]
    assert _find(demo_db, "丰县联动").ended_on == date(2027, 6, 30)  # type: ignore[union-attr]

    # Ended within the horizon, it still counts, up to its last day.
    current = _find(demo_db, "丰县联动")
    assert current is not None
    joint_tours.end_joint_tour(demo_db, current.id, current.version, date(2027, 3, 5))
    with demo_db.session(audited=False) as s:
        problem = build_tour_problem(s, FIRST, LAST)
    assert [j.last_day for j in problem.joint_tours if j.name == "丰县联动"] == [date(2027, 3, 5)]
