"""Hand edits in the tour planner: the move dialog offers only the caravans and days the checker
accepts, the chosen one is stored, locked and undone; a visit dragged on the timeline moves where it
fits and a drop where it does not names the rule; an unserved request is placed by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caravan_app.domain.outcomes import UnservedReason
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, TourStop
from caravan_app.services import tour_edits
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.tour_dialogs import MoveVisitDialog
from caravan_app.ui.tour_planner import TourPlannerPage

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def _place(db: Database, request: str) -> tuple[str, date, bool] | None:
    with db.session(audited=False) as s:
        stop = s.scalars(
            select(TourStop).join(TourStop.request).where(TourStop.request.has(code=request))
        ).first()
        return None if stop is None else (stop.trip.caravan.code, stop.show_start.date(), stop.locked)


def _plan_version(db: Database) -> int:
    with db.session(audited=False) as s:
        version = s.scalar(select(Plan.version).where(Plan.name == "hand"))
        assert version is not None
        return version


def _solved(window: MainWindow, qtbot: QtBot) -> TourPlannerPage:
    page = window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    page.set_dates(FIRST, LAST)
    page.time_limit.setValue(2)
    page.plan_name.setText("hand")
    page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.detail is not None and page.detail.plan.name == "hand"
    return page


def _dialog_for(qtbot: QtBot, page: TourPlannerPage) -> MoveVisitDialog:
    """The move dialog of the first visit (in itinerary order) that fits somewhere else."""
    model = page.itinerary_model
    for row in range(model.rowCount()):
        page.itinerary.selectRow(row)
        dialog = page.open_move_dialog()
        assert dialog is not None
        qtbot.waitUntil(lambda d=dialog: not d.busy, timeout=60_000)  # worked out in the background
        assert dialog.choices is not None and not dialog.error
        if dialog.choices.choices:
            return dialog
        assert "fits on no other caravan or day" in dialog.status.text()
        dialog.reject()
    raise AssertionError("no visit of a two-week plan fits anywhere else")


def test_the_move_dialog_offers_only_what_fits_and_the_move_is_undone(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = _solved(window, qtbot)
    dialog = _dialog_for(qtbot, page)
    choices = dialog.choices
    assert choices is not None and choices.now is not None
    request, version = dialog.request, _plan_version(demo_db)
    # Every choice offered is one the checker accepts; none is the visit's own place.
    table = dialog.model
    offered = [(table.value(r, "caravan"), table.value(r, "day")) for r in range(table.rowCount())]
    assert offered == [(c.caravan, c.day) for c in choices.choices]
    for caravan, day in offered:
        judged = tour_edits.move_visit(demo_db, "hand", request, caravan, day, version, store=False)
        assert judged.refusal is None
    assert choices.now not in offered
    # A known misfit is absent: a Saturday, on any caravan.
    assert not any(day.weekday() == 5 for _c, day in offered)
    # The caravans it does not fit are listed with a reason in words and place names, not codes.
    assert dialog.refused.count() > 0
    reasons = [dialog.refused.item(i).text() for i in range(dialog.refused.count())]
    assert all("_" not in text for text in reasons)
    # The km each choice adds are shown, fewest first.
    added = [dialog.model.value(r, "km_added") for r in range(dialog.model.rowCount())]
    assert added == sorted(added)

    before = _place(demo_db, request)
    assert before is not None
    caravan, day = offered[0]
    assert dialog.choose(caravan, day)
    dialog.accept()
    qtbot.waitUntil(lambda: not page.moving, timeout=60_000)  # moved in the background
    assert _place(demo_db, request) == (caravan, day, True)
    assert page.move_note.text().startswith(f"Moved {request} (")
    assert request in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not page.moving, timeout=60_000)
    undone = _place(demo_db, request)
    assert undone is not None and undone[:2] == before[:2]  # moved back (a move back locks it too)
    model = page.itinerary_model
    rows = [r for r in range(model.rowCount()) if model.value(r, "request") == request]
    assert {model.value(r, "caravan") for r in rows} == {before[0]}  # the view reloaded


def test_a_visit_dragged_on_the_timeline_moves_only_where_it_fits(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = _solved(window, qtbot)
    dialog = _dialog_for(qtbot, page)
    request = dialog.request
    dialog.reject()
    page.tabs.setCurrentIndex(1)
    timeline = page.timeline
    assert timeline.block_of(request) is not None
    # The drag starts: where the visit fits is worked out in the background and tinted.
    timeline.drag_started.emit(request)
    qtbot.waitUntil(lambda: page.fits is not None, timeout=60_000)
    choices = page.fits
    assert choices is not None and choices.choices
    assert timeline.fits == {(c.caravan, c.day) for c in choices.choices}
    before = _place(demo_db, request)
    assert before is not None

    def drop(caravan: str, day: date) -> None:
        cell = timeline.cell_rect(caravan, day)
        assert cell is not None
        mime = timeline.visit_mime(request)  # kept alive: the event does not own it
        event = QDropEvent(
            QPointF(cell.center()),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        timeline.dropEvent(event)  # as Qt delivers a drop
        qtbot.waitUntil(lambda: not page.moving, timeout=60_000)

    # Dropped on a Saturday of its own caravan: refused with the rule in words, nothing changed.
    saturday = next(d for d in timeline.days if d.weekday() == 5)
    drop(before[0], saturday)
    assert page.move_note.text().startswith("Not moved: ")
    assert saturday.isoformat() in page.move_note.text() and "_" not in page.move_note.text()
    assert _place(demo_db, request) == before

    # Dropped where it fits: moved there and locked.
    target = choices.choices[0]
    drop(target.caravan, target.day)
    assert _place(demo_db, request) == (target.caravan, target.day, True)
    assert request in window.undo_action.text()


def test_an_unserved_request_is_placed_by_hand_where_it_fits(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = _solved(window, qtbot)
    assert page.detail is not None
    # A visit taken out of the plan (as undoing a placement does) is unserved, and sure to fit back.
    trip = min(page.detail.trips, key=lambda t: len(t.stops))
    stop = trip.stops[0]
    where = (trip.caravan_code, stop.show_start.date())
    out = tour_edits.take_out_visit(
        demo_db, "hand", stop.request_code, UnservedReason.CAPACITY, page.detail.plan.version
    )
    assert out.moved
    page.show_selected_plan()
    page.tabs.setCurrentIndex(2)
    model = page.unserved_model
    row = next(r for r in range(model.rowCount()) if model.value(r, "request") == stop.request_code)
    page.unserved.selectRow(row)
    assert page.place_button.isEnabled() and page.place_button.text() == "Place by hand…"
    dialog = page.open_place_dialog()
    assert dialog is not None
    assert dialog.windowTitle() == f"Place request {stop.request_code} by hand"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.choices is not None and dialog.choices.now is None
    assert dialog.choose(*where)
    dialog.accept()
    qtbot.waitUntil(lambda: not page.moving, timeout=60_000)
    assert _place(demo_db, stop.request_code) == (*where, True)
    assert page.place_note.text().startswith(f"Placed {stop.request_code} (")
    rows = [r for r in range(model.rowCount()) if model.value(r, "request") == stop.request_code]
    assert rows == []  # no longer unserved
    # Undone: unserved again, with the reason it had.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not page.moving, timeout=60_000)
    assert _place(demo_db, stop.request_code) is None
    assert any(model.value(r, "request") == stop.request_code for r in range(model.rowCount()))
