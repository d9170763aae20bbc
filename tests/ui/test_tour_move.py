"""Moving a visit by hand in the tour planner: the dialog's legal move is stored, locked and undone;
a move that breaks a rule is refused with the rule named and the plan unchanged."""

from __future__ import annotations

import json
from datetime import date, timedelta

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, TourStop
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.tour_planner import TourPlannerPage

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def _place(db: Database, request: str) -> tuple[str, date, bool]:
    with db.session(audited=False) as s:
        stop = s.scalars(
            select(TourStop).join(TourStop.request).where(TourStop.request.has(code=request))
        ).first()
        assert stop is not None
        return stop.trip.caravan.code, stop.show_start.date(), stop.locked


def _move(qtbot: QtBot, page: TourPlannerPage, row: int, caravan: str, day: date) -> None:
    page.itinerary.selectRow(row)
    dialog = page.open_move_dialog()
    assert dialog is not None and dialog.caravan.findText(caravan) >= 0
    dialog.caravan.setCurrentText(caravan)
    dialog.day.setDate(day)
    dialog.accept()
    qtbot.waitUntil(lambda: not page.moving, timeout=60_000)  # moved in the background


def test_a_visit_is_moved_in_the_dialog_undone_and_a_bad_move_refused(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    page.set_dates(FIRST, LAST)
    page.time_limit.setValue(2)
    page.plan_name.setText("hand")
    page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.move_button.text() == "Move visit…"

    # The first visit the dialog can put a week later on its own caravan.
    moved = None
    for row in range(page.itinerary_model.rowCount()):
        request = str(page.itinerary_model.value(row, "request"))
        caravan = str(page.itinerary_model.value(row, "caravan"))
        day = page.itinerary_model.value(row, "day") + timedelta(days=7)
        if day > LAST:
            continue
        before = _place(demo_db, request)
        _move(qtbot, page, row, caravan, day)
        if _place(demo_db, request) != before:
            moved = (request, caravan, day, before)
            break
        assert page.move_note.text().startswith("Not moved: ")
    assert moved is not None
    request, caravan, day, before = moved
    assert _place(demo_db, request) == (caravan, day, True)
    assert page.move_note.text().startswith(f"Moved {request} to {caravan}")
    assert request in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not page.moving, timeout=60_000)
    assert _place(demo_db, request)[:2] == before[:2]
    model = page.itinerary_model
    rows = [r for r in range(model.rowCount()) if model.value(r, "request") == request]
    assert [model.value(r, "caravan") for r in rows] == [before[0]]  # the view reloaded

    # A province caravan (allowed everywhere) that does not fit a shown request's type or themes.
    with demo_db.session(audited=False) as s:
        plan = s.scalar(select(Plan).where(Plan.name == "hand"))
        assert plan is not None
        problem = problem_from_json(json.loads(plan.parameters_json)["problem"])
        version = plan.version
    shown = {str(page.itinerary_model.value(r, "request")): r for r in range(page.itinerary_model.rowCount())}
    wants, wrong = next(
        (r, c)
        for r in problem.requests
        if r.code in shown and r.show_days == 1
        for c in problem.caravans
        if c.owner_level.value == "province"
        and (
            (r.types_allowed and c.type not in r.types_allowed)
            or (r.themes_wanted and not r.themes_wanted & c.themes)
        )
    )
    where = _place(demo_db, wants.code)
    _move(qtbot, page, shown[wants.code], wrong.code, where[1])
    note = page.move_note.text()
    assert note.startswith("Not moved: ")
    assert "does not take a caravan of" in note or "carries none of the themes" in note
    # Worded with the caravan and the venue as staff know them, not as rule codes.
    assert wrong.code in note and wants.venue_name in note and "_" not in note
    assert _place(demo_db, wants.code) == where
    with demo_db.session(audited=False) as s:
        assert s.scalar(select(Plan.version).where(Plan.name == "hand")) == version
