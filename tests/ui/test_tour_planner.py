"""The tour planner screen: a solve in its worker thread with progress and Cancel, the result shown,
a locked visit kept across a re-solve, approval and comparison."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caravan_app.domain.enums import PlanStatus
from caravan_app.domain.outcomes import SolveStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, TourStop, Trip
from caravan_app.ui.background import TaskState
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.plan_compare import COMPARISONS, CompareDialog
from caravan_app.ui.tour_planner import TourPlannerPage

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 5)


def _planner(window: MainWindow) -> TourPlannerPage:
    page = window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    return page


def test_a_solve_reports_progress_can_be_cancelled_and_runs_to_the_end(
    window: MainWindow, demo_db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _planner(window)
    assert page.detail is None and "No tour plan yet" in page.figures.text()
    page.set_dates(FIRST, LAST)
    # No count of solutions and ten minutes: only the cancel can end this solve.
    monkeypatch.setattr(TaskState, "solution_limit", None)
    page.time_limit.setValue(600)
    page.plan_name.setText("cancelled")
    assert page.start_solve()
    qtbot.waitUntil(lambda: bool(page.progress_seen), timeout=120_000)
    assert page.cancel_button.isEnabled() and not page.solve_button.isEnabled()
    assert "requests served" in page.progress_label.text()
    page.cancel_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.solve_button.isEnabled()
    # The first progress comes with the planner's first whole plan: cancelled after it, that plan
    # is kept, checked and stored, as one the search had no time to improve.
    with demo_db.session() as s:
        cancelled = s.scalar(select(Plan).where(Plan.name == "cancelled"))
        assert cancelled is not None and cancelled.solver_status is SolveStatus.FEASIBLE
        assert (cancelled.solve_seconds or 0) < 600

    monkeypatch.setattr(TaskState, "solution_limit", 2)
    page.time_limit.setValue(3)
    page.plan_name.setText("full")
    assert page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.detail is not None and page.detail.plan.name == "full"
    served = page.detail.plan.tour.served
    assert served > 0
    assert page.itinerary_model.rowCount() == page.detail.plan.tour.show_days
    assert page.unserved_model.rowCount() == page.detail.plan.tour.requests - served
    # A request the region rules keep from every caravan that fits names those caravans (联动).
    model = page.unserved_model
    assert model.headerData(model.columns.index("elsewhere"), Qt.Orientation.Horizontal) == (
        "Caravans that fit, elsewhere"
    )
    linked = [u for u in page.detail.unserved if u.elsewhere]
    assert linked, "the demo's rules keep some requests from caravans that fit them"
    for u in linked:
        row = next(r for r in range(model.rowCount()) if model.value(r, "request") == u.request_code)
        shown = str(model.value(row, "elsewhere"))
        nearest = u.elsewhere[0]
        assert shown.startswith(f"{nearest.caravan_code} ({nearest.home}, ") and "days on the road" in shown
    use = page.detail.plan.tour.utilisation
    assert use is not None and len(use.caravans) == len(page.detail.caravans)
    assert (
        page.fleet.text().startswith("Fleet use: ")
        and f"of {len(use.caravans)} caravans idle" in page.fleet.text()
    )
    idle_fitting = {f.caravan_code for u in linked for f in u.elsewhere if f.days_on_road < 5}
    assert bool(page.idle_warning.text()) == bool(idle_fitting)
    assert all(code in page.idle_warning.text() for code in idle_fitting)
    assert page.timeline.block_count() == page.itinerary_model.rowCount()
    assert "Done:" in page.progress_label.text()
    assert f"Served {served} of" in page.figures.text()

    # The map beside the itinerary is drawn off the GUI thread (by services.plan_views).
    qtbot.waitUntil(lambda: not page.map.busy, timeout=120_000)
    assert page.map.shown == "full" and page.map.html_path is not None
    html = page.map.html_path.read_text(encoding="utf-8")
    assert "leaflet" in html.lower() and "full" in html
    assert "http://" not in html and "https://cdn" not in html  # offline: nothing fetched


@pytest.mark.slow
def test_a_locked_visit_is_kept_across_a_re_solve_and_plans_compare_and_approve(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = _planner(window)
    page.set_dates(FIRST, LAST)
    page.time_limit.setValue(2)
    page.plan_name.setText("first")
    page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.itinerary_model.rowCount() > 0
    last = page.itinerary_model.rowCount() - 1
    page.itinerary.selectRow(last)
    kept = (
        page.itinerary_model.value(last, "request"),
        page.itinerary_model.value(last, "caravan"),
        page.itinerary_model.value(last, "day"),
    )
    assert page.lock_button.text() == "Lock visit"
    assert page.toggle_lock()
    with demo_db.session() as s:
        locked = s.scalars(select(TourStop).where(TourStop.locked.is_(True))).all()
        assert len(locked) == 1 and locked[0].request is not None and locked[0].request.code == kept[0]
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    with demo_db.session() as s:
        assert s.scalars(select(TourStop).where(TourStop.locked.is_(True))).all() == []
    window.redo_action.trigger()

    assert page.resolve_keeping_locks()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.detail is not None and page.detail.plan.name == "first (re-solved)"
    with demo_db.session() as s:
        plan = s.scalar(select(Plan).where(Plan.name == "first (re-solved)"))
        assert plan is not None
        again = s.scalars(
            select(TourStop).join(Trip).where(Trip.plan_id == plan.id, TourStop.locked.is_(True))
        ).all()
        # A two-day show locks both of its days.
        assert {(st.request.code if st.request else "", st.trip.caravan.code) for st in again} == {kept[:2]}
        assert (
            min(st.show_start.date() for st in again) <= kept[2] <= max(st.show_start.date() for st in again)
        )

    page.compare()
    dialog = page.compare_dialog
    assert isinstance(dialog, CompareDialog)
    first_served = next(p for p in page.plans if p.name == "first").tour.served
    dialog.first.setCurrentIndex(dialog.first.findText("first"))
    qtbot.waitUntil(
        lambda: (
            not COMPARISONS.busy and dialog.comparison is not None and dialog.comparison.first.name == "first"
        ),
        timeout=60_000,
    )
    assert dialog.model.value(0, "figure") == "Requests served"
    assert dialog.model.value(0, "first") == first_served
    dialog.reject()

    assert page.approve(confirm=False)
    with demo_db.session() as s:
        approved = s.scalar(select(Plan).where(Plan.name == "first (re-solved)"))
        assert approved is not None and approved.status is PlanStatus.APPROVED
    assert page.approve_button.text() == "Return to draft"


def test_a_cap_on_days_per_caravan_spreads_the_plan(window: MainWindow, qtbot: QtBot) -> None:
    page = _planner(window)
    page.set_dates(FIRST, LAST)
    page.time_limit.setValue(2)
    assert page.max_days.value() == 0 and page.max_days.text() == "no cap"
    page.max_days.setValue(2)
    page.plan_name.setText("spread")
    assert page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.detail is not None and page.detail.plan.name == "spread"
    use = page.detail.plan.tour.utilisation
    assert use is not None and max(c.days_on_road for c in use.caravans) <= 2
    days: dict[str, int] = {}
    for trip in page.detail.trips:
        days[trip.caravan_code] = (
            days.get(trip.caravan_code, 0) + (trip.back_at.date() - trip.leave_at.date()).days + 1
        )
    assert days and max(days.values()) <= 2
