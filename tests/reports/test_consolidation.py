"""Retirement and consolidation reports on a hand-made scenario, read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from caravan_app.domain.views import Evidence, RetirementCandidateView
from caravan_app.reports import consolidation_report, retirement_report
from tests.reports.pdf_tools import assert_font_embedded, pages, squeeze
from tests.reports.views import consolidation

PRINTED = date(2027, 1, 20)


def test_consolidation_report_holds_rules_evidence_moves_sets_and_what_ifs(tmp_path: Path) -> None:
    view = consolidation()
    pdf = consolidation_report(view, printed_on=PRINTED)
    text = pages(pdf, tmp_path)
    whole = squeeze("".join(text))
    assert "整合方案报告" in whole and "方案：2027年整合方案" in whole and "编制日期：2027-01-15" in whole
    assert "共评估3项：车辆2辆，展品1件，套组0套。" in whole
    assert "建议：报废1，翻新维修1，调剂使用1。" in whole
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
    assert "展品重组调拨" in whole and "EX-M00017" in whole and "MS05声学奥秘" in whole
    assert "套组完整性" in whole and "流动科技馆·声光电磁探秘" in whole
    assert "334→321" in whole and "12→11" in whole and "48,491→45,210" in whole
    assert "RQ-2027S-0101、RQ-2027S-0102" in whole
    assert "不含CV07" in whole and "CV19调往淮安市" in whole
    assert "评估日期2027-02-15；使用情况按2026-02-15至2027-02-14的记录统计。" in whole
    assert "对比基准：巡展方案“2027春季巡展”，服务334/340个需求，重点县需求112/120。" in whole
    assert "大篷车展品重组：完整配置15→19/22辆，调拨展品41件，3,120公里。" in whole
    assert "超出容量退回库房的展品3件" in whole and "检查程序" not in whole
    for role in ("编制人", "审核人", "批准人", "签名", "日期"):
        assert role in whole
    for i, page in enumerate(text, start=1):
        assert f"第{i}页，共{len(text)}页" in squeeze(page)
    assert_font_embedded(pdf, tmp_path)


def test_retirement_report_leaves_out_the_regrouping(tmp_path: Path) -> None:
    whole = squeeze("".join(pages(retirement_report(consolidation(), printed_on=PRINTED), tmp_path)))
    assert "报废评估报告" in whole and "CV07" in whole and "批准人" in whole and "334→321" in whole
    assert "展品重组调拨" not in whole and "套组完整性" not in whole and "EX-M00017" not in whole


def test_reports_in_english(tmp_path: Path) -> None:
    for render, title in (
        (retirement_report, "Retirement report"),
        (consolidation_report, "Consolidation report"),
    ):
        whole = "\n".join(pages(render(consolidation(), "en", printed_on=PRINTED), tmp_path))
        for label in (
            title,
            "Rule: caravan age (1)",
            "Recommendations",
            "What-if: effect on coverage",
            "Prepared by",
            "Reviewed by",
            "Approved by",
            "retire",
            "accepted",
            "Printed 2027-01-20",
            "without CV07",
            "CV19 moved to 淮安市",
            "Baseline: tour plan",
        ):
            assert label in whole, label
        assert "审核人" not in whole and "规则" not in whole


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
    whole = squeeze("".join(pages(consolidation_report(view, printed_on=PRINTED), tmp_path)))
    assert "没有项目触发评估规则。" in whole and "没有重组调拨。" in whole and "未做假设分析。" in whole
    assert "批准人" in whole


def test_items_to_keep_are_named_not_tabled(tmp_path: Path) -> None:
    """Hundreds of sound exhibits past their nominal life would bury what changes: they get one line."""
    view = consolidation()
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
    many = replace(view, candidates=(*view.candidates, *sound))
    few_pages = len(pages(retirement_report(view, printed_on=PRINTED), tmp_path))
    text = pages(retirement_report(many, printed_on=PRINTED), tmp_path)
    whole = squeeze("".join(text))
    assert "另有300项触发本规则但建议继续使用：EX-K0000、EX-K0001" in whole
    assert "完好展品7" not in whole  # named by code only
    assert len(text) <= few_pages + 2
    assert "建议汇总" in whole
