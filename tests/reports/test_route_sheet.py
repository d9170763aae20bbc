"""Route sheets read back with pdftotext: every stop, fact and form is there, in either language."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, Group
from reportlab.platypus import Flowable, Table

from caravan_app.errors import CaravanError
from caravan_app.reports import route_sheets
from caravan_app.reports.route_sheet import CHECKS, route_sheet_story
from caravan_app.reports.texts import Texts
from tests.reports.pdf_tools import assert_font_embedded, page_count, pages, squeeze
from tests.reports.views import long_trip, second_trip, small_trip, tour_plan

PRINTED = date(2027, 2, 20)


def test_every_stop_fact_and_form_is_printed(tmp_path: Path) -> None:
    plan = tour_plan()
    pdf = route_sheets(plan, printed_on=PRINTED)
    text = pages(pdf, tmp_path)
    whole = squeeze("".join(text))
    t = Texts("zh")
    for trip in plan.trips:
        for value in (trip.code, trip.caravan_code, trip.plate, trip.depot.name, t.km(trip.km)):
            assert squeeze(value) in whole, value
        for stop in trip.stops:
            for value in (
                stop.venue_name,
                stop.address,
                stop.contact_name,
                stop.contact_phone,
                t.km(stop.km_from_previous),
            ):
                assert squeeze(value) in whole, value
            assert f"{stop.show_start:%H:%M}-{stop.show_end:%H:%M}" in whole
        for exhibit in trip.load:
            # Once in the load list, once in the condition form.
            assert whole.count(exhibit.code) == 2, exhibit.code
    for day in ("2027-03-01周一", "2027-03-02周二", "2027-03-08周一"):
        assert day in whole
    for key in CHECKS:
        assert squeeze(t(key)) in whole
    for label in ("行程路线图", "逐日行程", "随车展品清单", "出车前检查表", "展品状况记录表", "夜宿地点"):
        assert label in whole
    # The trip with names on its roster prints them; the other leaves its crew size in blank lines.
    assert "王强、李娜" in whole
    first_page = squeeze(text[0])
    assert "1.____" in first_page and "2.____" in first_page and "3.____" not in first_page
    assert_font_embedded(pdf, tmp_path)


def test_each_trip_starts_a_page_and_counts_its_own_pages(tmp_path: Path) -> None:
    plan = tour_plan()
    text = [squeeze(p) for p in pages(route_sheets(plan, printed_on=PRINTED), tmp_path)]
    starts = [i for i, p in enumerate(text) if "科普大篷车行程单行程编号" in p]
    assert len(starts) == len(plan.trips)
    for page in text:
        assert "方案：2027春季巡展测试" in page and "打印日期2027-02-20" in page
    for n, (start, trip) in enumerate(zip(starts, plan.trips, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        count = end - start
        for i, page in enumerate(text[start:end], start=1):
            assert f"第{i}页，共{count}页" in page
            assert f"行程编号{trip.code}" in page


def test_english_labels(tmp_path: Path) -> None:
    pdf = route_sheets(tour_plan(), "en", printed_on=PRINTED)
    text = pages(pdf, tmp_path)
    whole = "\n".join(text)
    for label in (
        "Science caravan route sheet",
        "Day-by-day schedule",
        "Load list",
        "Pre-departure checklist",
        "Exhibit condition form",
        "Fire extinguisher",
        "Overnight at",
        "Printed 2027-02-20",
        "2027-03-01 Mon",
        "Type II",
    ):
        assert label in whole, label
    assert re.search(r"Page 1 of \d", text[0])
    for chinese_label in ("逐日行程", "随车展品清单", "打印日期", "第 1 页"):
        assert chinese_label not in whole
    # Data stays as stored.
    assert "丰县凤城中心小学" in squeeze(whole)
    assert_font_embedded(pdf, tmp_path)


def _drawings(flowables: list[Any]) -> list[Any]:
    """Every drawing node in a story, looking inside tables and groups."""
    out: list[Any] = []
    for item in flowables:
        if isinstance(item, Table):
            out += _drawings([cell for row in item._cellvalues for cell in row])
        elif isinstance(item, (Drawing, Group)):
            out.append(item)
            out += _drawings(list(item.contents))
        elif isinstance(item, (list, tuple)):
            out += _drawings(list(item))
        else:
            out.append(item)
    return out


def test_the_qr_code_holds_the_trip_code() -> None:
    plan = tour_plan()
    story: list[Flowable] = route_sheet_story(plan, list(plan.trips), Texts("zh"))
    codes = [node.value for node in _drawings(story) if isinstance(node, QrCodeWidget)]
    assert codes == [trip.code for trip in plan.trips]


def test_a_long_trip_splits_across_pages_with_its_header_repeated(tmp_path: Path) -> None:
    trip = long_trip(45)
    text = [squeeze(p) for p in pages(route_sheets(tour_plan(trip), printed_on=PRINTED), tmp_path)]
    header = ("序号", "到达", "展出时间", "场地", "地址", "联系人/电话", "公里")
    with_header = [i for i, p in enumerate(text) if all(h in p for h in header)]
    assert len(with_header) >= 2, "the schedule should run over more than one page"
    assert with_header == list(range(with_header[0], with_header[-1] + 1))
    # Every day and stop is there once, across the pages.
    whole = "".join(text)
    for n in range(1, 46):
        assert f"第{n}天" in whole
    assert "第46天" not in whole
    form_header = ("编号", "名称", "出发时等级", "返回时等级", "故障描述", "签名")
    assert sum(all(h in p for h in form_header) for p in text) >= 2


def test_trips_can_be_chosen_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    plan = tour_plan()
    one = route_sheets(plan, trip_codes=[second_trip().code], printed_on=PRINTED)
    whole = squeeze("".join(pages(one, tmp_path)))
    assert second_trip().code in whole and small_trip().code not in whole
    assert page_count(one, tmp_path) < page_count(route_sheets(plan, printed_on=PRINTED), tmp_path)
    with pytest.raises(CaravanError, match="no trip NOPE"):
        route_sheets(plan, trip_codes=["NOPE"])
    with pytest.raises(CaravanError, match="no trips"):
        route_sheets(replace(plan, trips=()))
    with pytest.raises(CaravanError, match="unknown language"):
        route_sheets(plan, "fr")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_stop_has_a_show_record_with_the_platforms_fields(lang: str, tmp_path: Path) -> None:
    from caravan_app.services.platform_export import HEADERS

    plan = tour_plan(small_trip(), long_trip(9))
    t = Texts(lang)
    whole = squeeze("".join(pages(route_sheets(plan, lang, printed_on=PRINTED), tmp_path)))
    stops = sum(len(trip.stops) for trip in plan.trips)
    # The platform asks per event for what the plan cannot know: activity, visitors, audience, feedback;
    # the sheet asks the crew for them in the platform's own words.
    activity, visitors, audience, feedback = HEADERS[lang][6:10]
    assert [t("show_activity"), t("show_visitors"), t("show_audience"), t("show_feedback")] == [
        activity,
        visitors,
        audience,
        feedback,
    ]
    for key in ("show_activity", "show_audience", "show_feedback", "show_signature", "show_note"):
        assert whole.count(squeeze(t(key))) >= stops, key  # the help line names some of them too
    held = squeeze(t("show_held_boxes")).split("□")[1]
    assert whole.count(f"□{held}") == stops
    for trip in plan.trips:
        for stop in trip.stops:
            head = f"{stop.seq}·{squeeze(t.day(stop.show_start.date()))}·{squeeze(stop.venue_name)}"
            assert head in whole, head
