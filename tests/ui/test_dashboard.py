"""The dashboard shows the year's figures from the database, with every caravan and set labelled on
its charts, the year's coverage map and the inventory map."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan, Depot
from caravan_app.services.dashboard import event_years, year_figures
from caravan_app.ui.dashboard import DashboardPage, category_axis, shown_category_labels
from caravan_app.ui.main_window import MainWindow
from tests.services.test_maps import readable


def test_the_dashboard_shows_the_years_figures_and_coverage(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    years = event_years(demo_db)
    assert [page.year.itemData(i) for i in range(page.year.count())] == years
    page.year.setCurrentIndex(page.year.findData(years[0]))
    figures = year_figures(demo_db, years[0])
    assert figures.events > 0 and figures.visitors > 0
    assert page.tiles["events"].value.text() == f"{figures.events:,}"
    assert page.tiles["visitors"].value.text() == f"{figures.visitors:,}"
    assert (
        page.tiles["key_counties"].value.text() == f"{figures.key_counties_covered} / {figures.key_counties}"
    )
    assert (
        sum(c.events for c in figures.caravans) + sum(n for _s, n in figures.stops_per_set) == figures.events
    )
    assert sum(n for _g, n in figures.exhibits_by_condition) > 0
    bars = page.km_chart.chart().series()[0].barSets()[0]  # type: ignore[attr-defined]
    assert [bars.at(i) for i in range(bars.count())] == [c.km for c in figures.caravans]
    assert page.km_chart.chart().title() == "Kilometres per caravan"

    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.coverage.busy, timeout=120_000)
    assert page.coverage.html_path is not None and page.coverage.shown == str(years[0])
    html = page.coverage.html_path.read_text(encoding="utf-8")
    assert str(years[0]) in html and "leaflet" in html.lower()

    # The inventory map: every depot and caravan of the database, and the museum sets' layer.
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not page.inventory.busy and page.inventory.html_path is not None, timeout=120_000)
    assert page.inventory.html_path is not None
    html = readable(page.inventory.html_path.read_text(encoding="utf-8"))
    with demo_db.session(audited=False) as s:
        depots = set(s.scalars(select(Depot.name)))
        caravans = set(s.scalars(select(Caravan.code)))
    assert all(name in html for name in depots) and all(code in html for code in caravans)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (900, 700)])
def test_every_caravan_and_set_is_labelled_on_the_charts(
    window: MainWindow, demo_db: Database, size: tuple[int, int]
) -> None:
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    window.resize(*size)
    for _ in range(5):  # the charts lay out, then their labels are fitted
        QApplication.processEvents()
    figures = page.figures
    assert figures is not None and len(figures.caravans) == 30
    caravans = sorted(c.code for c in figures.caravans)
    # Counted from the drawn chart: Qt hides a label it cannot fit, so each one shown is on the screen.
    assert shown_category_labels(page.km_chart) == caravans
    assert shown_category_labels(page.days_chart) == caravans
    assert shown_category_labels(page.sets_chart) == sorted(code for code, _n in figures.stops_per_set)
    assert shown_category_labels(page.months_chart) == sorted(str(m) for m in range(1, 13))
    if size[0] >= 1366:
        # Not too small to read where the screen is large, and everything in sight without scrolling
        # (the window opened smaller first, as the test's does).
        assert category_axis(page.km_chart).labelsFont().pixelSize() >= 10  # type: ignore[union-attr]
        assert page.figures_area.verticalScrollBar().maximum() == 0
        assert page.figures_area.horizontalScrollBar().maximum() == 0
