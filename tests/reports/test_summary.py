"""The plan summary read back: per-caravan figures and totals, key counties, unserved with reasons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart

from caravan_app.reports import plan_summary
from caravan_app.reports.summary import caravan_figures, summary_story
from caravan_app.reports.texts import Texts
from tests.reports.pdf_tools import assert_font_embedded, pages, squeeze
from tests.reports.views import long_trip, tour_plan


def test_summary_holds_the_figures_per_caravan_and_totals(tmp_path: Path) -> None:
    plan = tour_plan()
    pdf = plan_summary(plan, printed_on=date(2027, 2, 20))
    whole = squeeze("".join(pages(pdf, tmp_path, layout=True)))
    assert "巡展方案汇总" in whole and "方案：2027春季巡展测试" in whole
    assert "2027-03-01周一—2027-03-12周五" in whole and "状态：草案" in whole
    assert "已服务需求3/6（50%）" in whole
    # Served in key counties: 丰县 and 睢宁县; unserved there: RQ-T-101 in 灌南县 and RQ-T-103 in 丰县.
    assert "重点帮促县已服务需求2/4" in whole
    for figures in plan.per_caravan:
        assert (
            f"{figures.caravan_code}{figures.plate}{figures.days_on_road}{figures.shows}{figures.km:,.0f}"
            in whole
        )
    assert "合计33287" in whole  # 2 + 1 days, 2 + 1 shows, 177.1 + 110 km
    # Key counties: 丰县 and 睢宁县 have shows, 灌云县 and 灌南县 none.
    assert "4个重点帮促县中已覆盖2个" in whole
    for county in ("丰县", "睢宁县", "灌云县", "灌南县"):
        assert county in whole
    # Unserved, with the planner's reasons in words.
    assert "运力已排满1" in whole and "没有可跨区服务该地区的大篷车1" in whole and "合计3" in whole
    assert "没有符合车型或主题的大篷车1" in whole
    for code in ("RQ-T-101", "RQ-T-102", "RQ-T-103"):
        assert code in whole
    # Each reason worded in the document's language, with the county's name and what was wanted.
    assert "没有大篷车可服务灌南县" in whole and "能服务的大篷车都已排满" in whole
    assert "需要II型，主题为力学" in whole
    assert_font_embedded(pdf, tmp_path)


def test_summary_in_english(tmp_path: Path) -> None:
    pdf = plan_summary(tour_plan(), "en", printed_on=date(2027, 2, 20))
    whole = "\n".join(pages(pdf, tmp_path))
    for label in (
        "Tour plan summary",
        "Per caravan",
        "Key-county coverage",
        "2 of 4 key counties covered",
        "Unserved requests",
        "no caravan may serve this region",
        "No caravan may serve 灌南县",
        "Needs Type II with 力学",
        "Page 1 of",
        "Days on road",
    ):
        assert label in whole, label
    assert "巡展方案汇总" not in whole and "运力已排满" not in whole


def test_the_chart_shows_km_per_caravan() -> None:
    plan = tour_plan()
    charts = [
        node
        for drawing in summary_story(plan, Texts("zh"))
        for node in getattr(drawing, "contents", [])
        if isinstance(node, VerticalBarChart)
    ]
    assert len(charts) == 1
    assert charts[0].data == [[f.km for f in plan.per_caravan]]
    assert charts[0].categoryAxis.categoryNames == [f.caravan_code for f in plan.per_caravan]


def test_figures_are_counted_from_trips_when_the_view_has_none() -> None:
    trip = long_trip(10)
    plan = tour_plan(trip)
    from dataclasses import replace

    counted = caravan_figures(replace(plan, per_caravan=()))
    assert [(f.caravan_code, f.days_on_road, f.shows) for f in counted] == [("CV01", 10, 10)]
    assert counted[0].km == trip.km
