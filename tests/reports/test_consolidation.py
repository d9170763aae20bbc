"""Retirement and consolidation reports on a hand-made scenario, read back; the what-if change chart
laid out without overlapping texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from caravan_app.domain.figures import ContainerFigures
from caravan_app.domain.views import ConsolidationView, Evidence, RetirementCandidateView, WhatIfView
from caravan_app.reports import consolidation_report, retirement_report
from caravan_app.reports.charts import ChangePanel, change_chart
from tests.reports.pdf_tools import assert_font_embedded, page_count, pages, squeeze
from tests.reports.views import consolidation

PRINTED = date(2027, 1, 20)


def scenario() -> ConsolidationView:
    """The shared scenario, with the thresholds table as the service fills it (setting, value, the
    rules it applies to) and the caravan kits' figures per kit."""
    view = consolidation()
    assert view.kits is not None
    kits = {
        "CV02": ContainerFigures(now=55, survivors=55, after=60, complete_before=False, complete=True),
        "CV15": ContainerFigures(now=22, survivors=22, after=6, complete_before=False, complete=False),
    }
    return replace(
        view,
        thresholds=(
            Evidence("车龄更新年限", "10 年", "车龄达到更新年限（1）"),
            Evidence("车辆更新里程", "100,000 公里", "行驶里程达到更新标准（1）"),
            Evidence("展品状况等级", "D 级", "展品状况为D级（0）"),
        ),
        kits=replace(view.kits, per_container=kits),
    )


def test_retirement_report_holds_thresholds_rules_evidence_and_what_ifs(tmp_path: Path) -> None:
    view = scenario()
    pdf = retirement_report(view, printed_on=PRINTED)
    text = pages(pdf, tmp_path)
    whole = squeeze("".join(text))
    assert "报废评估报告" in whole and "方案：2027年整合方案" in whole and "编制日期：2027-01-15" in whole
    assert "共评估3项：车辆2辆，展品1件，套组0套。" in whole
    assert "建议：报废1，翻新维修1，调剂使用1。" in whole
    # The thresholds table: every setting with its value and the rules it applies to, no empty column.
    assert "评估标准" in whole and "适用规则（触发项数）" in whole
    for e in view.thresholds:
        assert squeeze(e.name + e.value + e.threshold) in whole, e
    for heading in (
        "规则：车龄达到更新年限（1项）",
        "规则：行驶里程达到更新标准（1项）",
        "规则：车辆使用率低（1项）",
        "规则：展品超过使用年限（1项）",
    ):
        assert heading in whole, heading
    for c in view.candidates:
        assert c.code in whole and squeeze(c.name) in whole
        for e in c.evidence:
            assert squeeze(f"{e.name}：{e.value}（{e.threshold}）") in whole
    assert "已采纳" in whole and "未采纳" in whole and "待定" in whole
    assert "334→321" in whole and "12→11" in whole and "48,491→45,210" in whole
    assert "RQ-2027S-0101、RQ-2027S-0102" in whole
    assert "不含CV07" in whole and "CV19调往淮安市" in whole
    # The change chart: each case named once more beside its bars, the changes written on them.
    assert whole.count("不含CV07") >= 3  # summary, table, chart
    for change in ("-13", "+4", "-3,281", "+521", "-1"):
        assert change in whole, change
    assert "条形为调整后与调整前之差" in whole
    assert "评估日期2027-02-15；使用情况按2026-02-15至2027-02-14的记录统计。" in whole
    assert "对比基准：巡展方案“2027春季巡展”，服务334/340个需求，重点县需求112/120。" in whole
    assert "大篷车展品重组：完整配置15→19/22辆，调拨展品41件，3,120公里。" in whole
    for role in ("编制人", "审核人", "批准人", "签名", "日期"):
        assert role in whole
    # The regrouping is the consolidation report's.
    assert "展品重组调拨" not in whole and "套组完整性" not in whole and "EX-M00017" not in whole
    for i, page in enumerate(text, start=1):
        assert f"第{i}页，共{len(text)}页" in squeeze(page)
    assert_font_embedded(pdf, tmp_path)


def test_consolidation_report_refers_to_the_retirement_report_instead_of_repeating_it(tmp_path: Path) -> None:
    view = scenario()
    pdf = consolidation_report(view, printed_on=PRINTED)
    whole = squeeze("".join(pages(pdf, tmp_path)))
    assert "整合方案报告" in whole and "方案：2027年整合方案" in whole
    assert squeeze("见同一方案的《报废评估报告》，本报告不再重复") in whole
    assert "重组时已除去建议报废的展品0件、车辆1辆" in whole
    assert "展品重组调拨" in whole and "EX-M00017" in whole and "MS05声学奥秘" in whole
    assert "套组完整性" in whole and "流动科技馆·声光电磁探秘" in whole
    assert "大篷车展品配置完整15→19/22辆，调拨展品41件，3,120公里。" in whole
    assert "大篷车展品配置" in whole and "CV0255" in whole and "否→是" in whole and "否→否" in whole
    # Redeployment is consolidation; the caravan to retire is the retirement report's.
    assert "车辆调配：对覆盖的影响" in whole and "CV19调往淮安市" in whole and "334→338" in whole
    assert "不含CV07" not in whole
    # Nothing of the retirement report is repeated: no rules, evidence, thresholds or decisions.
    for repeated in ("规则：", "评估规则阈值", "EX-K00123", "光的折射", "已采纳", "建议汇总", "车龄：12.4年"):
        assert repeated not in whole, repeated
    assert "超出容量退回库房的展品3件" in whole and "批准人" in whole
    assert_font_embedded(pdf, tmp_path)


def test_reports_in_english(tmp_path: Path) -> None:
    view = scenario()
    retirement = "\n".join(pages(retirement_report(view, "en", printed_on=PRINTED), tmp_path))
    for label in (
        "Retirement report",
        "Criterion",
        "Rules it applies to (items flagged)",
        "Rule: caravan age (1)",
        "Recommendations",
        "What-if: effect on coverage",
        "Bars show the change, after minus before",
        "Requests served",
        "Key-county requests",
        "Prepared by",
        "Approved by",
        "retire",
        "accepted",
        "Printed 2027-01-20",
        "without CV07",
        "CV19 moved to 淮安市",
        "Baseline: tour plan",
    ):
        assert label in retirement, label
    consolidation = "\n".join(pages(consolidation_report(view, "en", printed_on=PRINTED), tmp_path))
    for label in (
        "Consolidation report",
        "Retirement report of the same scenario",
        "Regrouping moves",
        "Caravan kits",
        "Redeploying caravans: effect on coverage",
        "CV19 moved to 淮安市",
        "Reviewed by",
    ):
        assert label in consolidation, label
    for text in (retirement, consolidation):
        assert "审核人" not in text and "规则" not in text


def test_an_empty_scenario_still_prints(tmp_path: Path) -> None:
    view = replace(
        consolidation(),
        candidates=(),
        moves=(),
        sets=(),
        what_ifs=(),
        baseline=None,
        kits=None,
        as_of=None,
        to_store=0,
    )
    whole = squeeze("".join(pages(retirement_report(view, printed_on=PRINTED), tmp_path)))
    assert "没有项目触发评估规则。" in whole and "未做假设分析。" in whole and "批准人" in whole
    whole = squeeze("".join(pages(consolidation_report(view, printed_on=PRINTED), tmp_path)))
    assert "没有重组调拨。" in whole and "没有建议调配到其他城市的车辆。" in whole and "批准人" in whole


def test_items_to_keep_are_named_not_tabled_and_the_consolidation_report_does_not_grow(
    tmp_path: Path,
) -> None:
    """Hundreds of sound exhibits past their nominal life would bury what changes: they get one line
    in the retirement report, and none in the consolidation report."""
    view = scenario()
    sound = [
        RetirementCandidateView(
            "exhibit",
            f"EX-K{i:04d}",
            f"完好展品{i}",
            ("exhibit_service_life",),
            (Evidence("age", f"{9 + i % 3} years", "8 years"),),
            "keep",
        )
        for i in range(300)
    ]
    costly = [
        RetirementCandidateView(
            "exhibit",
            f"EX-R{i:04d}",
            f"待修展品{i}",
            ("exhibit_service_life", "exhibit_repair_cost"),
            (Evidence("age", "12 years", "8 years"), Evidence("repair cost", "5,000 yuan", "> 3,000 yuan")),
            "refurbish",
        )
        for i in range(400)
    ]
    many = replace(view, candidates=(*view.candidates, *sound, *costly))
    few_pages = page_count(retirement_report(view, printed_on=PRINTED), tmp_path)
    text = pages(retirement_report(many, printed_on=PRINTED), tmp_path)
    whole = squeeze("".join(text))
    assert "另有300项触发本规则但建议继续使用：EX-K0000、EX-K0001" in whole
    assert "完好展品7" not in whole  # named by code only
    assert "待修展品7" in whole and "建议汇总" in whole
    retirement_pages = len(text)
    assert retirement_pages > few_pages + 5
    consolidation_pages = page_count(consolidation_report(many, printed_on=PRINTED), tmp_path)
    assert consolidation_pages == page_count(consolidation_report(view, printed_on=PRINTED), tmp_path)
    assert consolidation_pages * 4 <= retirement_pages


def _text_boxes(drawing: Drawing) -> list[tuple[str, float, float, float, float]]:
    """(text, left, bottom, right, top) of every string in the drawing, as drawn."""
    boxes = []

    def walk(node: Drawing | Group) -> None:
        for item in node.contents:
            if isinstance(item, Group):
                walk(item)
            elif isinstance(item, String):
                width = stringWidth(item.text, item.fontName, item.fontSize)
                left = {"start": item.x, "middle": item.x - width / 2, "end": item.x - width}[item.textAnchor]
                # Glyphs reach a fifth of the size below the baseline and the size above it.
                bottom = item.y - item.fontSize * 0.2
                boxes.append((item.text, left, bottom, left + width, item.y + item.fontSize))

    walk(drawing)
    return boxes


def test_the_change_chart_never_overlaps_its_texts() -> None:
    """Many rows, long names, a lopsided range and tiny changes: every text stays in its own room."""
    cases = [
        "不含 CV01",
        "CV15 调往扬州市",
        "a caravan with a very long name that cannot fit the label column at all, whatever its size",
        *(f"CV{n:02d} moved to 连云港市" for n in range(20, 45)),
    ]
    n = len(cases)
    chart = change_chart(
        180 * 72 / 25.4,
        cases,
        [
            ChangePanel("Requests served", [(-1) ** i * i for i in range(n)]),
            ChangePanel("Key-county requests", [0] * n),
            ChangePanel("Kilometres", [-4703.0, 1730.0, *([1.0] * (n - 3)), 120_000.0]),
            ChangePanel("A measure whose title is far too long for its panel", [i % 3 - 1 for i in range(n)]),
        ],
    )
    boxes = _text_boxes(chart)
    assert len(boxes) == n + 4 + 4 * n  # row names, panel titles, one value per bar
    for text, left, bottom, right, top in boxes:
        assert 0 <= left and right <= chart.width and 0 <= bottom and top <= chart.height, text
    for (a, al, ab, ar, at), (b, bl, bb, br, bt) in combinations(boxes, 2):
        apart = ar <= bl or br <= al or at <= bb or bt <= ab
        assert apart, f"{a!r} overlaps {b!r}"
    texts = {box[0] for box in boxes}
    assert {"-4,703", "+1,730", "+120,000", "0", "+1", "-1"} <= texts
    assert any(t.endswith("…") for t in texts)  # the long name is cut, not run into the bars


def test_what_if_charts_in_the_report_use_the_case_names(tmp_path: Path) -> None:
    """A term with many cases still prints its chart with every case's name on it."""
    view = scenario()
    many = tuple(
        WhatIfView(
            f"CV{n:02d}", "淮安市" if n % 2 else "", 334, 334 - n % 5, 12, 12, 48_000.0, 48_000.0 - n * 10
        )
        for n in range(1, 31)
    )
    whole = squeeze(
        "".join(pages(retirement_report(replace(view, what_ifs=many), printed_on=PRINTED), tmp_path))
    )
    for w in many:
        name = f"{w.caravan_code}调往淮安市" if w.moved_to_city else f"不含{w.caravan_code}"
        assert whole.count(name) >= 3, name  # summary, table and chart
