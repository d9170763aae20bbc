"""The tour map as the planner and the field kit show it: unserved requests in a layer of their own
with their reason, long legs marked, a legend that folds, the days of one show at one venue on one
marker, stops at one place spread apart; and the page's caravanTour answers filters, selections and
clicks in Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import shiboken6

# QtWebEngine must be imported before the QApplication exists (pytest-qt makes it later).
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

from caravan_app.domain.outcomes import UnservedReason
from caravan_app.domain.views import FittingCaravanView, TourPlanView, UnservedView
from caravan_app.maps import render_tour_map, save_map
from caravan_app.maps.tour import LEGEND_OPEN_ROWS, RequestPlace
from tests.maps import samples

URL = re.compile(r"https?://")


def readable(page: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


def _plan() -> tuple[TourPlanView, dict[str, RequestPlace]]:
    """The sample plan with two unserved requests, a two-day show at one venue and a venue two
    trips visit."""
    plan = samples.tour_plan()
    trip1, trip2, trip3 = plan.trips
    # The second day of a two-day show at the first trip's first venue.
    first = trip1.stops[0]
    second_day = replace(
        first,
        seq=2,
        arrive_at=datetime(2027, 3, 2, 8, 0),
        show_start=datetime(2027, 3, 2, 9, 0),
        show_end=datetime(2027, 3, 2, 13, 0),
        km_from_previous=0.0,
    )
    trip1 = replace(trip1, stops=(first, second_day, replace(trip1.stops[1], seq=3)))
    # The second trip goes to the venue the third trip starts at: two markers on one point.
    own = trip2.stops[0]
    at_same = replace(
        trip3.stops[0], seq=1, arrive_at=own.arrive_at, show_start=own.show_start, show_end=own.show_end
    )
    trip2 = replace(trip2, stops=(at_same,))
    unserved = (
        UnservedView(
            "RQ-U1",
            "灌云县图河镇中心小学",
            "灌云县",
            UnservedReason.NO_PERMITTED_CARAVAN,
            elsewhere=(FittingCaravanView("CV20", "灌云县", "灌云县科协", 12.0, 1, 20),),
        ),
        UnservedView("RQ-U2", "泗洪县第一中学", "泗洪县", UnservedReason.CAPACITY),
        UnservedView("RQ-U3", "没有位置的场地", "丰县", UnservedReason.NO_WORKABLE_DATE),
    )
    places = {
        "RQ-U1": RequestPlace(samples.HUAIAN, "320800"),
        "RQ-U2": RequestPlace(samples.SIHONG, "321300"),
    }
    return replace(plan, trips=(trip1, trip2, trip3), unserved=unserved), places


def test_unserved_requests_long_legs_and_a_folding_legend() -> None:
    plan, places = _plan()
    page = render_tour_map(plan, "zh", unserved_places=places, long_leg_km=150, heading=False)
    text = readable(page)
    assert not URL.search(page)
    # The unserved requests with a place, in their own layer, each with its reason and place names.
    assert text.count('class=\\"cv-unserved\\"') == 2
    assert "未满足的需求" in text and "没有获准服务灌云县的大篷车" in text
    assert "能服务泗洪县第一中学的大篷车都已排满" in text and "CV20（灌云县，距 12 公里）" in text
    assert "没有位置的场地" not in text  # no place, no marker
    # Long legs: every leg over 150 km, the way back included.
    legs = [
        km
        for trip in plan.trips
        for km in [s.km_from_previous for s in trip.stops] + [trip.km_back]
        if km > 150
    ]
    assert legs and page.count('"className": "cv-long"') == len(legs)
    assert "长途路段（超过 150 公里）" in text
    # No title box: the window names the plan.
    assert 'class=\\"cv-title' not in page and '"cv-title"' not in page
    # A short legend stands open; each caravan's row is named for the page's filter.
    assert '<details class=\\"cv-fold\\" open>' in text
    assert 'data-cv-key=\\"CV01\\"' in page and 'data-cv-key=\\"CV05\\"' in page


def test_a_long_legend_starts_folded_and_english_words_the_reasons() -> None:
    plan, places = _plan()
    many = tuple(
        replace(plan.trips[2], code=f"T-CV{n:02d}", caravan_code=f"CV{n:02d}")
        for n in range(10, 10 + LEGEND_OPEN_ROWS)
    )
    page = render_tour_map(replace(plan, trips=plan.trips + many), "en", unserved_places=places)
    text = readable(page)
    assert '<details class=\\"cv-fold\\">' in text  # folded: at 1366×768 it must not cover the map
    assert (
        "No caravan may serve 灌云县" in text
        and "Every caravan that could serve 泗洪县第一中学 was busy" in text
    )


def test_the_days_of_one_show_share_a_marker_and_stops_at_one_place_are_spread() -> None:
    plan, places = _plan()
    page = render_tour_map(plan, "zh")
    rows = [
        json.loads(m)
        for m in re.findall(
            r"window\.caravanTour\.addTrip\([^\[]*\[[^\]]*\],\s*\[[^\]]*\],\s*(\[\[.*?\]\])\);", page, re.S
        )
    ]
    markers = [r for trip in rows for r in trip]
    # Trip 1 has three stops but two markers: days 1–2 at one venue, then the next venue.
    assert len(markers) == sum(len(t.stops) for t in plan.trips) - 1
    assert any(">1–2</div>" in r[2] for r in markers)
    # The two markers on one point (two trips at one venue) are drawn apart: their anchors differ.
    same = [r for r in markers if (r[0], r[1]) == (markers[-3][0], markers[-3][1])]
    assert len(same) == 2 and same[0][9] != same[1][9]


# --- in Chromium ---------------------------------------------------------------------------------


class Console(QWebEnginePage):
    def __init__(self, view: QWebEngineView) -> None:
        super().__init__(view)
        self.messages: list[str] = []

    def javaScriptConsoleMessage(  # noqa: N802 - Qt's name
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        self.messages.append(message)


@pytest.fixture
def browser(qtbot: QtBot) -> Iterator[QWebEngineView]:
    view = QWebEngineView()
    view.console = Console(view)  # type: ignore[attr-defined]
    view.setPage(view.console)  # type: ignore[attr-defined]
    view.resize(900, 700)
    view.show()  # shown, so that the map has a size to fit things into
    yield view
    view.close()
    shiboken6.delete(view)


def _js(qtbot: QtBot, view: QWebEngineView, script: str) -> Any:
    answers: list[Any] = []
    view.page().runJavaScript(f"JSON.stringify({script})", 0, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return json.loads(answers[0])


def test_the_page_answers_filters_selections_and_clicks(
    qtbot: QtBot, browser: QWebEngineView, tmp_path: Path
) -> None:
    plan, places = _plan()
    path = save_map(render_tour_map(plan, "zh", unserved_places=places, long_leg_km=150), tmp_path / "t.html")
    with qtbot.waitSignal(browser.loadFinished, timeout=30_000) as blocker:
        browser.load(QUrl.fromLocalFile(str(path)))
    assert blocker.args == [True]
    state = _js(qtbot, browser, "caravanTour.state()")
    assert (state["trips"], state["stops"], state["unserved"]) == (3, 6, 2)
    # One caravan: its trips and stops alone, and only its row of the legend.
    state = _js(qtbot, browser, "(caravanTour.filter({caravan: 'CV05'}), caravanTour.state())")
    assert (state["trips"], state["stops"], state["unserved"]) == (1, 3, 2)
    shown = _js(
        qtbot,
        browser,
        "Array.from(document.querySelectorAll('[data-cv-key]')).filter(r => r.style.display !== 'none')"
        ".map(r => r.getAttribute('data-cv-key'))",
    )
    assert shown == ["CV05"]
    # One city (宿迁市): the trips with a stop there; its unserved request.
    state = _js(qtbot, browser, "(caravanTour.filter({city: '321300'}), caravanTour.state())")
    assert (state["trips"], state["unserved"]) == (1, 1)
    # One week: the trips with a show in the week of 2027-03-08.
    state = _js(qtbot, browser, "(caravanTour.filter({week: '2027-03-08'}), caravanTour.state())")
    assert (state["trips"], state["stops"]) == (1, 1)
    # A trip selected: the map zooms in to it.
    whole = _js(qtbot, browser, "(caravanTour.filter({}), caravanTour.state())")
    chosen = _js(qtbot, browser, "(caravanTour.select('T-CV05-1', null), caravanTour.state())")
    assert chosen["selected"] == {"trip": "T-CV05-1", "request": None} and chosen["zoom"] > whole["zoom"]
    # A click on a stop says which, on the console, for the program to follow.
    _js(qtbot, browser, "(document.querySelector('.cv-stop').click(), true)")
    qtbot.waitUntil(lambda: any(m.startswith("caravan-pick ") for m in browser.console.messages))  # type: ignore[attr-defined]
    picked = next(m for m in browser.console.messages if m.startswith("caravan-pick "))  # type: ignore[attr-defined]
    what = json.loads(picked[len("caravan-pick ") :])
    assert what["trip"] in {t.code for t in plan.trips} and what["request"]
    errors = [m for m in browser.console.messages if "Error" in m]  # type: ignore[attr-defined]
    assert errors == []
