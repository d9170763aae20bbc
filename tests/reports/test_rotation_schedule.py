"""The rotation schedule read back: the halls of every set per period, the moves with their truck-km,
the totals, and the running header and footer on every page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from caravan_app.reports import rotation_schedule
from tests.maps.samples import rotation_plan
from tests.reports.pdf_tools import assert_font_embedded, pages, squeeze


def test_the_schedule_holds_halls_moves_and_totals(tmp_path: Path) -> None:
    plan = rotation_plan()
    # The planner's changeover days for one move: uninstall to install.
    first = replace(plan.stays[0], changeover=(date(2027, 2, 24), date(2027, 2, 27)))
    plan = replace(plan, stays=(first, *plan.stays[1:]))
    pdf = rotation_schedule(plan, printed_on=date(2027, 2, 20))
    text = pages(pdf, tmp_path, layout=True)
    whole = squeeze("".join(text))
    assert "流动科技馆轮换计划表" in whole and "方案：徐州区域巡展" in whole
    for code in ("MS01", "MS02", "MS03", "MS04"):
        assert code in whole
    for venue in ("丰县科技馆", "睢宁县科技馆", "邳州市科技馆", "泗洪县科技馆", "清江浦区科技馆"):
        assert venue in whole
    for day in ("2027-03-01", "2027-05-31", "2027-06-15", "2027-08-31"):
        assert day in whole
    # MS04 sits the second period out in the provincial depot.
    assert "在库：省科协流动设施库" in whole
    # One move row: set, name, from, to (county), km, loads, truck-km, changeover days.
    assert "MS01飞天梦想徐州市科协仓库丰县科技馆（丰县）110333002-24—02-27" in whole
    # Truck-km: 110·3 + 80·3 + 240·3 + 190·3 into period 1; 150·3 + 160·3 + 190·2 into period 2.
    assert "合计620121,860" in whole and "合计50081,310" in whole
    assert "运输车公里3,170" in whole and "驻展（套组·期）7" in whole
    # MS03 stays where it is in period 2: no move listed for it there.
    second = whole[whole.index("第2期（2027-06-15起）换展") :]
    assert "MS03" not in second.split("合计")[0]
    for n, page in enumerate(text, start=1):
        flat = squeeze(page)
        assert f"第{n}页，共{len(text)}页" in flat and "打印日期2027-02-20" in flat
        assert "方案：徐州区域巡展" in flat
    assert_font_embedded(pdf, tmp_path)


def test_english_labels_and_a_long_plan_splits_its_grid(tmp_path: Path) -> None:
    plan = rotation_plan()
    # Eight periods: the sets × periods grid is printed in two parts, none squeezed past reading.
    periods = tuple((date(2027, m, 1), date(2027, m, 25)) for m in range(1, 9))
    stays = tuple(
        replace(s, period=p, period_start=periods[p][0], period_end=periods[p][1])
        for p in range(8)
        for s in plan.stays
        if s.period == 0
    )
    long_plan = replace(plan, periods=periods, stays=stays, returns=())
    pdf = rotation_schedule(long_plan, "en", printed_on=date(2027, 2, 20))
    text = pages(pdf, tmp_path, layout=True)
    whole = squeeze("".join(text))
    assert "Travellingmuseumrotationschedule" in whole and "Plan:徐州区域巡展" in whole
    assert "Period8" in whole and "2027-08-25" in whole
    assert "Truck-km" in whole and f"Page1of{len(text)}" in whole
    assert_font_embedded(pdf, tmp_path)
