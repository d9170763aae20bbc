"""The tour planner's linked views: a trip selected on the timeline is selected in the itinerary and
shown on the map; a click on the map selects in the other two; a filter by caravan (or city, or
week) narrows all three; long legs are marked."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from caravan_app.ui import preferences
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.map_pane import MapPane
from caravan_app.ui.tour_planner import TourPlannerPage

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def _solved(window: MainWindow, qtbot: QtBot) -> TourPlannerPage:
    page = window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    page.set_dates(FIRST, LAST)
    page.time_limit.setValue(2)
    page.plan_name.setText("linked")
    page.start_solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=120_000)
    assert page.detail is not None and page.detail.plan.name == "linked"
    # The map beside the views: drawn in the background, then loaded into the web view.
    qtbot.waitUntil(lambda: not page.map.busy and page.map.loaded, timeout=120_000)
    return page


def _map_state(qtbot: QtBot, pane: MapPane) -> dict[str, Any]:
    """What the map page shows now, as its caravanTour.state() says (asked again while a page being
    replaced by a newer drawing has not run its script yet: a busy machine is slow to get there)."""
    answers: list[Any] = []

    def ask() -> bool:
        if answers and answers[-1] is ...:
            return False  # a question in flight
        if answers and answers[-1] not in (None, "null"):
            return True
        answers.append(...)
        pane.run_script(
            "window.caravanTour ? JSON.stringify(caravanTour.state()) : 'null'",
            lambda answer: answers.append(answer),
        )
        return False

    qtbot.waitUntil(ask, timeout=30_000)
    state = json.loads(str(answers[-1]))
    assert isinstance(state, dict), answers
    return state


def _selected_requests(page: TourPlannerPage) -> list[tuple[str, str]]:
    model = page.itinerary_model
    return [
        (str(model.value(i.row(), "trip_code")), str(model.value(i.row(), "request")))
        for i in page.itinerary.selectionModel().selectedRows()
    ]


def test_a_trip_chosen_on_the_timeline_is_selected_in_the_itinerary_and_shown_on_the_map(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _solved(window, qtbot)
    assert page.detail is not None
    trip = max(page.detail.trips, key=lambda t: len(t.stops))
    page.tabs.setCurrentIndex(1)
    timeline = page.timeline
    # A double click on one of the trip's shows, as the mouse does it, chooses the whole trip.
    block = timeline.block_of(trip.stops[0].request_code)
    assert block is not None
    QTest.mouseDClick(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, block.center())
    assert timeline.selected_trip == trip.code and timeline.selected_request == ""
    # Every stop of the trip is selected in the itinerary, and nothing else.
    assert sorted(_selected_requests(page)) == sorted((trip.code, s.request_code) for s in trip.stops)
    # The map is asked to show it, and does.
    assert f'caravanTour.select("{trip.code}", null)' in page.map.state_script
    qtbot.waitUntil(lambda: _map_state(qtbot, page.map)["selected"] == {"trip": trip.code, "request": None})

    # One show clicked on the timeline: that stop alone.
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, block.center())
    first = trip.stops[0].request_code
    assert {r for _t, r in _selected_requests(page)} == {first}
    qtbot.waitUntil(lambda: _map_state(qtbot, page.map)["selected"] == {"trip": trip.code, "request": first})
    assert page.move_button.isEnabled()

    # A stop clicked on the map selects it in the itinerary and on the timeline.
    other = next(t for t in page.detail.trips if t.code != trip.code)
    picked = other.stops[-1].request_code
    page.map.run_script(
        f"console.log('caravan-pick ' + JSON.stringify({{trip: '{other.code}', request: '{picked}'}}))"
    )
    qtbot.waitUntil(lambda: timeline.selected_trip == other.code, timeout=10_000)
    assert timeline.selected_request == picked
    assert {r for _t, r in _selected_requests(page)} == {picked}


def test_a_filter_by_caravan_narrows_all_three_views(window: MainWindow, qtbot: QtBot) -> None:
    page = _solved(window, qtbot)
    assert page.detail is not None
    caravan = max(
        page.detail.caravans,
        key=lambda c: sum(len(t.stops) for t in page.detail.trips if t.caravan_code == c),
    )
    trips = [t for t in page.detail.trips if t.caravan_code == caravan]
    stops = sum(len(t.stops) for t in trips)
    everything = _map_state(qtbot, page.map)
    assert everything["trips"] == len(page.detail.trips)
    # On a small screen the solve and plan panels give their room to the views.
    assert page.left_panel.isVisible()
    page.panel_button.setChecked(False)
    assert not page.left_panel.isVisible() and page.panel_button.toolTip() == "Show the Solve and Plan panels"
    bar = page.filter_bar
    bar.caravan.setCurrentIndex(bar.caravan.findData(caravan))
    # The itinerary: that caravan's visits only.
    model = page.itinerary_model
    assert model.rowCount() == stops
    assert {model.value(r, "caravan") for r in range(model.rowCount())} == {caravan}
    assert bar.count.text() == f"{stops} of {sum(len(t.stops) for t in page.detail.trips)} visits shown"
    # The timeline: that caravan's row and trips.
    assert page.timeline.rows == [caravan]
    assert sorted(page.timeline.trips_drawn()) == sorted(t.code for t in trips)
    # The map: told the filter, it shows that caravan's trips alone.
    assert f'caravanTour.filter({{"caravan": "{caravan}"}})' in page.map.state_script
    qtbot.waitUntil(lambda: _map_state(qtbot, page.map)["trips"] == len(trips), timeout=10_000)
    # The trip chooser offers that caravan's trips; choosing one narrows to it.
    assert bar.trip.count() == len(trips) + 1
    bar.trip.setCurrentIndex(1)
    assert {model.value(r, "trip_code") for r in range(model.rowCount())} == {bar.trip.currentData()}
    qtbot.waitUntil(lambda: _map_state(qtbot, page.map)["trips"] == 1, timeout=10_000)
    bar.clear()
    assert model.rowCount() == sum(len(t.stops) for t in page.detail.trips)
    qtbot.waitUntil(lambda: _map_state(qtbot, page.map)["trips"] == len(page.detail.trips), timeout=10_000)

    # By city: the itinerary's visits, the timeline's blocks and the map's stops of that city only.
    city = bar.city.itemData(1)
    bar.city.setCurrentIndex(1)
    name = bar.city.currentText()
    assert model.rowCount() > 0 and {model.value(r, "city") for r in range(model.rowCount())} == {name}
    assert page.timeline.block_count() == model.rowCount()
    assert _map_state(qtbot, page.map)["filter"] == {"city": city}
    unserved = page.unserved_model
    assert {unserved.value(r, "city") for r in range(unserved.rowCount())} <= {name}


def test_long_legs_are_marked_over_the_threshold_in_settings(window: MainWindow, qtbot: QtBot) -> None:
    before = preferences.planning()
    try:
        # A low threshold, so that a two-week plan surely has legs over it.
        preferences.set_planning(preferences.PlanningSettings(before.time_limit, before.road_distances, 30.0))
        page = _solved(window, qtbot)
        assert page.detail is not None
        model = page.itinerary_model
        marked = [r for r in range(model.rowCount()) if model.value(r, "long_leg")]
        expected = sum(
            (s.km_from_previous > 30) or (s is t.stops[-1] and t.km_back > 30)
            for t in page.detail.trips
            for s in t.stops
        )
        assert len(marked) == expected > 0
        km = model.columns.index("km")
        assert model.data(model.index(marked[0], km), Qt.ItemDataRole.BackgroundRole) is not None
        assert page.map.html_path is not None and page.map.html_path.name.endswith("-30.html")
        assert "cv-long" in page.map.html_path.read_text(encoding="utf-8")
    finally:
        preferences.set_planning(before)
