"""The saved maps run: Chromium (QtWebEngine, offscreen) loads them from disk with no network and
the inlined Leaflet draws every stop, trip, arrow and county, in the inlined font."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6

# QtWebEngine must be imported before the QApplication exists (pytest-qt makes it later).
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

from caravan_app.domain.views import CoverageView, InventoryView, RotationPlanView, TourPlanView
from caravan_app.maps import (
    render_coverage_map,
    render_inventory_map,
    render_rotation_map,
    render_tour_map,
    save_map,
)
from caravan_app.maps.rotation import moves
from tests.maps import samples


class ConsoleRecorder(QWebEnginePage):
    """A page that keeps what its scripts write to the console, to fail on script errors."""

    def __init__(self, view: QWebEngineView) -> None:
        super().__init__(view)  # owned by the view, so both go together
        self.messages: list[str] = []

    def javaScriptConsoleMessage(  # noqa: N802 - Qt's name
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        self.messages.append(f"{level.name} {source}:{line} {message}")


@pytest.fixture
def browser(qtbot: QtBot) -> Iterator[QWebEngineView]:
    view = QWebEngineView()
    view.console = ConsoleRecorder(view)  # type: ignore[attr-defined]
    view.setPage(view.console)  # type: ignore[attr-defined]
    view.resize(1200, 900)
    yield view
    view.close()
    # Now, not at exit: a page still alive when the profile goes makes Qt warn.
    shiboken6.delete(view)


def load(qtbot: QtBot, view: QWebEngineView, path: Path) -> None:
    with qtbot.waitSignal(view.loadFinished, timeout=30_000) as blocker:
        view.load(QUrl.fromLocalFile(str(path)))
    assert blocker.args == [True]


def run_js(qtbot: QtBot, view: QWebEngineView, script: str) -> Any:
    results: list[Any] = []
    view.page().runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return results[0]


def count(qtbot: QtBot, view: QWebEngineView, selector: str) -> int:
    return int(run_js(qtbot, view, f"document.querySelectorAll({selector!r}).length"))


def tour_counts(plan: TourPlanView) -> dict[str, int]:
    return {
        ".cv-stop": sum(len(t.stops) for t in plan.trips),
        "path.cv-trip": len(plan.trips),
        ".cv-depot": len({t.depot.code for t in plan.trips}),
        ".leaflet-control-layers-overlays label": len({t.caravan_code for t in plan.trips}) + 2,
    }


def rotation_counts(plan: RotationPlanView) -> dict[str, int]:
    return {
        ".cv-arrow": len(moves(plan)) + len(plan.returns),
        "path.cv-move": len(moves(plan)) + len(plan.returns),
        "path.cv-return": len(plan.returns),
        ".cv-set": len(plan.stays),
        ".leaflet-control-layers-overlays label": len({s.period for s in plan.stays}) + 2,
    }


def coverage_counts(view: CoverageView) -> dict[str, int]:
    return {"path.cv-county": 95, "path.cv-key": sum(1 for c in view.counties if c.key_county)}


def inventory_counts(view: InventoryView) -> dict[str, int]:
    return {
        ".cv-depot": len(view.depots),
        ".cv-caravan": len(view.caravans),
        ".cv-venue": len(view.venues),
        ".cv-set": len(view.sets),
    }


CASES: dict[str, tuple[Any, Any, Any]] = {
    "tour": (samples.tour_plan, render_tour_map, tour_counts),
    "rotation": (samples.rotation_plan, render_rotation_map, rotation_counts),
    "coverage": (samples.coverage, render_coverage_map, coverage_counts),
    "inventory": (samples.inventory, render_inventory_map, inventory_counts),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_the_saved_map_runs_offline_in_chromium(
    kind: str, qtbot: QtBot, browser: QWebEngineView, tmp_path: Path
) -> None:
    make_view, render, expected = CASES[kind]
    view = make_view()
    path = save_map(render(view), tmp_path / f"{kind}.html")
    load(qtbot, browser, path)
    assert run_js(qtbot, browser, "typeof L === 'object' ? L.version : 'no Leaflet'") == "1.9.3"
    for selector, number in expected(view).items():
        assert count(qtbot, browser, selector) == number, selector
    # The 13 city names of the base map, drawn in the inlined font (not a fallback with boxes).
    assert count(qtbot, browser, ".cv-city-label") == 13
    assert count(qtbot, browser, "path.leaflet-interactive, .leaflet-overlay-pane path") > 95
    qtbot.waitUntil(
        lambda: run_js(qtbot, browser, "document.fonts.check('16px \"Caravan CJK\"', '徐州市')") is True,
        timeout=10_000,
    )
    family = run_js(qtbot, browser, "getComputedStyle(document.querySelector('.cv-city-label')).fontFamily")
    assert str(family).startswith('"Caravan CJK"')
    errors = [m for m in browser.console.messages if "Error" in m]
    assert errors == []


def test_tiles_from_a_local_folder_show_under_the_boundaries(
    qtbot: QtBot, browser: QWebEngineView, tmp_path: Path
) -> None:
    from PIL import Image

    folder = tmp_path / "tiles"
    # Jiangsu's tiles at the zooms the map can open with (6 to 8), whatever the window's size.
    for z in (6, 7, 8):
        n = 2**z
        for x in range(int((116 + 180) / 360 * n), int((122.5 + 180) / 360 * n) + 1):
            for y in range(int(0.36 * n), int(0.42 * n) + 1):
                (folder / str(z) / str(x)).mkdir(parents=True, exist_ok=True)
                Image.new("RGB", (256, 256), (180, 210, 180)).save(folder / str(z) / str(x) / f"{y}.png")
    path = save_map(render_inventory_map(samples.inventory(), tiles=str(folder)), tmp_path / "tiles.html")
    load(qtbot, browser, path)
    qtbot.waitUntil(lambda: count(qtbot, browser, "img.leaflet-tile-loaded") > 0, timeout=10_000)
    sources = run_js(
        qtbot, browser, "[...document.querySelectorAll('img.leaflet-tile-loaded')].map(i => i.src).join(' ')"
    )
    assert all(src.startswith(folder.as_uri()) for src in str(sources).split())
