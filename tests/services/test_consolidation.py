"""Consolidating the demo term end to end: screen, regroup, what-if, store, view, decide."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caravan_app.cli import main
from caravan_app.domain import retirement
from caravan_app.domain.calendar import term
from caravan_app.domain.enums import CandidateKind, Decision, PlanKind, Recommendation
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask
from caravan_app.domain.retirement import Thresholds
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan, Exhibit, Plan, RegroupMove, RetirementCandidate
from caravan_app.planning.control import SolveControl
from caravan_app.services.consolidation import ConsolidationStep, consolidate
from caravan_app.services.consolidation_views import (
    candidate_rows,
    consolidation_view,
    regrouping,
    set_decision,
    set_decisions,
)
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.settings import save_thresholds
from tests.reports.pdf_tools import pages, squeeze


@pytest.mark.slow
def test_demo_term_is_consolidated_stored_viewed_and_decided(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_demo(db)
    # The thresholds kept in settings are the ones used: a stricter age limit flags more caravans.
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path))
    save_thresholds(Thresholds(caravan_age_years=9))
    steps: list[tuple[ConsolidationStep, str]] = []
    summary = consolidate(
        db,
        "2027-spring",
        name="整合一",
        # A count of solutions, not seconds, bounds each search: the same run on a busy machine.
        control=SolveControl(time_limit=600, solution_limit=3),
        what_if_time=0.5,  # a re-plan always has the planner's first plan, whatever the time
        on_step=lambda step, caravan: steps.append((step, caravan)),
    )
    f = summary.figures
    assert steps[0] == (ConsolidationStep.SCREENING, "") and steps[-1] == (ConsolidationStep.STORING, "")
    assert [caravan for step, caravan in steps if step is ConsolidationStep.WHAT_IF] == [
        w.caravan for w in f.what_ifs
    ]
    assert f.violations == ()
    assert f.baseline.plan == ""  # no tour plan stored for the term: one was solved for the run
    assert f.candidates == sum(f.candidates_by_kind.values()) == sum(f.candidates_by_recommendation.values())
    assert f.candidates_by_rule["caravan_age"] >= 9
    kits, sets = f.kits, f.sets
    assert kits.status.has_plan and sets.status.has_plan
    assert kits.complete_bound is not None and kits.complete <= kits.complete_bound

    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "整合一")).one()
        assert plan.kind is PlanKind.CONSOLIDATION
        assert json.loads(plan.parameters_json)["thresholds"]["caravan_age_years"] == 9
        rows = s.scalars(
            select(RetirementCandidate)
            .where(RetirementCandidate.plan_id == plan.id)
            .order_by(RetirementCandidate.code)
        ).all()
        assert len(rows) == f.candidates and rows[0].code == f"P{plan.id}-RC0001"
        assert all(r.decision is Decision.PENDING for r in rows)
        by_kind = {kind: [r for r in rows if r.kind is kind] for kind in CandidateKind}
        assert by_kind[CandidateKind.CARAVAN] and by_kind[CandidateKind.EXHIBIT]
        for row in rows:
            hits = [retirement.hit_from_json(h) for h in json.loads(row.evidence_json)]
            assert {h.rule for h in hits} == set(row.rules.split(";"))
        # Every caravan at least 9 years in service is flagged for age.
        old = {
            c.code
            for c in s.scalars(select(Caravan))
            if c.status.value != "retired"
            and retirement.years_between(c.in_service_since, term("2027-spring").start) >= 9
        }
        flagged = {r.caravan.code for r in by_kind[CandidateKind.CARAVAN] if "caravan_age" in r.rules}
        assert flagged == old
        moves = s.scalars(select(RegroupMove).where(RegroupMove.plan_id == plan.id)).all()
        assert len(moves) == kits.moved + sets.moved - kits.to_store - sets.to_store > 0
        retired_exhibits = {
            r.exhibit_id for r in rows if r.recommendation is Recommendation.RETIRE and r.exhibit_id
        }
        assert not retired_exhibits & {m.exhibit_id for m in moves}
        moved_kit = s.get(Exhibit, next(m.exhibit_id for m in moves if m.to_caravan_id))
        assert moved_kit is not None and moved_kit.use.value == "caravan_kit"
        # What-ifs: one per caravan recommended for retirement, and per redeployed caravan given a city.
        retire = {
            r.caravan.code
            for r in by_kind[CandidateKind.CARAVAN]
            if r.recommendation is Recommendation.RETIRE
        }
    assert {w.caravan for w in f.what_ifs if not w.moved_to_city} == retire
    for w in f.what_ifs:
        assert w.served[0] == f.baseline.served and w.locks_kept
        assert w.served[1] == w.served[0] - len(w.lost) + len(w.gained)
        # Gained are requests the baseline left unserved that the re-plan fits between the kept visits.
        assert not set(w.gained) & set(w.lost)

    for lang in ("zh", "en"):
        view = consolidation_view(db, "整合一", lang)
        assert view.term == "2027-spring" and len(view.candidates) == f.candidates
        assert len(view.moves) == len(moves) and len(view.sets) == sets.containers
        assert len(view.what_ifs) == len(f.what_ifs)
        # Every setting and fixed standard, with its value and the rules it applies to (flagged counts).
        assert len(view.thresholds) == len(retirement.THRESHOLD_LABELS) + len(retirement.FIXED_STANDARDS)
        assert all(e.name and e.value and e.threshold for e in view.thresholds)
        age = retirement.rule_name("caravan_age", lang)
        assert any(e.value.startswith("9") and age in e.threshold for e in view.thresholds)
        caravan_view = next(c for c in view.candidates if c.kind == "caravan")
        assert all(e.value and e.threshold for e in caravan_view.evidence)

        # The regrouping as the screen shows it: every set and every caravan kit, and every move.
        shown = regrouping(db, "整合一", lang)
        by_kind = Counter(c.kind for c in shown.containers)
        assert (
            by_kind[CandidateKind.SET] == sets.containers
            and by_kind[CandidateKind.CARAVAN] == kits.containers
        )
        assert len(shown.moves) == len(moves) and all(c.name for c in shown.containers)
        assert sum(c.moves_in for c in shown.containers) == len(moves)
        kit = next(c for c in shown.containers if c.kind is CandidateKind.CARAVAN and c.moves_in)
        assert sum(1 for m in shown.moves if m.to_code == kit.code) == kit.moves_in
    zh_view = consolidation_view(db, None, "zh")  # the newest plan
    assert zh_view.name == "整合一" and zh_view.what_ifs[0].caravan_code == f.what_ifs[0].caravan

    # Decisions: saved over the version read; a stale version is refused and nothing is written.
    first, second = candidate_rows(db, "整合一")[:2]
    version = set_decision(db, first.code, Decision.ACCEPTED, first.version)
    assert version == first.version + 1
    with pytest.raises(ConflictError, match="changed by someone else"):
        set_decision(db, first.code, "rejected", first.version)
    set_decision(db, second.code, "不同意", second.version)
    decided = {r.code: r.decision for r in candidate_rows(db, "整合一")}
    assert decided[first.code] is Decision.ACCEPTED and decided[second.code] is Decision.REJECTED

    # Many at once, in one transaction: one stale version among them and none is saved.
    rows = candidate_rows(db, "整合一", "en")
    assert all(r.name for r in rows)
    bulk = [r for r in rows if r.decision is Decision.PENDING][:5]
    stale = {r.code: (Decision.ACCEPTED, r.version) for r in bulk} | {first.code: ("accepted", first.version)}
    with pytest.raises(ConflictError, match="changed by someone else") as refused:
        set_decisions(db, stale)
    assert refused.value.key == first.code
    untouched = {r.code: r for r in bulk}
    assert all(r.decision is Decision.PENDING for r in candidate_rows(db, "整合一") if r.code in untouched)
    versions = set_decisions(db, {r.code: (Decision.REJECTED, r.version) for r in bulk})
    after = {r.code: r for r in candidate_rows(db, "整合一")}
    assert all(
        after[code].decision is Decision.REJECTED and after[code].version == v for code, v in versions.items()
    )
    assert set_decisions(db, {}) == {}
    view = consolidation_view(db, "整合一", "en")
    assert {c.decision for c in view.candidates} == {"accepted", "rejected", ""}
    with pytest.raises(CaravanError, match="no retirement candidate"):
        set_decision(db, "P0-RC9999", Decision.ACCEPTED, 1)
    with pytest.raises(CaravanError, match="exists already"):
        consolidate(db, "2027-spring", name="整合一", control=SolveControl(time_limit=1))
    with pytest.raises(CaravanError, match="no consolidation plan named"):
        consolidation_view(db, "没有")


@pytest.mark.slow
def test_the_command_line_consolidates_against_the_newest_tour_plan_and_prints_the_reports(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_demo(db)
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path))  # default thresholds, logs in tmp_path
    spring = term("2027-spring")
    tours = plan_term_tours(db, spring.start, spring.end, name="春季", control=SolveControl(time_limit=2))
    url = db.url.render_as_string(hide_password=False)
    args = ["--db", url, "consolidate", "--name", "整合二", "--time-limit", "600", "--solution-limit", "2"]
    args += ["--what-if-time", "0.5"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "what-if baseline (plan 春季)" in out and "candidates 候选:" in out and "checkers found" not in out
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "整合二")).one()
        baseline = json.loads(plan.figures_json)["baseline"]
        assert s.scalar(select(func.count()).select_from(Plan)) == 2
    assert (baseline["plan"], baseline["served"], baseline["km"]) == (
        "春季",
        tours.figures.served,
        tours.figures.km,
    )

    printed: dict[str, list[str]] = {}
    for what, lang, title in (
        ("retirement", "zh", "报废评估报告"),
        ("consolidation", "en", "Consolidation report"),
    ):
        pdf = tmp_path / f"{what}.pdf"
        assert main(["--db", url, "print", what, "整合二", "--lang", lang, "--out", str(pdf)]) == 0
        printed[what] = pages(pdf.read_bytes(), tmp_path)
        assert squeeze(title) in squeeze("".join(printed[what])) and "整合二" in "".join(printed[what])
    retirement_text = squeeze("".join(printed["retirement"]))
    # The thresholds table shows every threshold's value beside the rules it applies to.
    for line in (
        "车龄更新年限10年车龄达到更新年限",
        "车辆更新里程100,000公里行驶里程达到更新标准",
        "反复故障维修次数3次",
    ):
        assert line in retirement_text, line
    # The consolidation report names the retirement report instead of repeating its pages.
    consolidation_text = squeeze("".join(printed["consolidation"]))
    assert squeeze("are in the Retirement report of the same scenario") in consolidation_text
    assert "Caravankits" in consolidation_text and "caravanmileage" not in consolidation_text
    assert len(printed["consolidation"]) * 3 <= len(printed["retirement"])
    assert main(["--db", url, "print", "retirement", "没有", "--out", str(tmp_path / "x.pdf")]) == 1


def test_a_time_limit_too_short_for_the_museum_sets_says_so_in_one_line_and_stores_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_demo(db)
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path))
    with db.session() as s:
        plans_before = s.scalar(select(func.count()).select_from(Plan))
    url = db.url.render_as_string(hide_password=False)
    # No time at all: the regrouping starts no search, on a fast machine or a busy one.
    assert main(["--db", url, "consolidate", "--name", "整合三", "--time-limit", "0"]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert "museum-set regrouping found no plan" in lines[0] and "--time-limit" in lines[0]
    assert "nothing was stored" in lines[0] and "bug" not in captured.out + captured.err
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Plan)) == plans_before
        assert s.scalar(select(func.count()).select_from(RetirementCandidate)) == 0
        assert s.scalar(select(func.count()).select_from(RegroupMove)) == 0

    with pytest.raises(NoPlan) as raised:
        consolidate(db, "2027-spring", name="整合三", control=SolveControl(time_limit=0))
    assert (raised.value.task, raised.value.status) == (SolveTask.MUSEUM_SETS, SolveStatus.NO_SOLUTION)


def test_every_rule_has_a_line_in_the_reports_thresholds_table() -> None:
    """A setting names the rules that use it, a rule without a setting has its fixed standard: the
    table leaves no rule out and no column empty."""
    assert set(retirement.THRESHOLD_RULES) == set(retirement.THRESHOLD_LABELS)
    covered = {rule for rules in retirement.THRESHOLD_RULES.values() for rule in rules}
    assert covered | set(retirement.FIXED_STANDARDS) == set(retirement.RULES)
    for lang in retirement.LANGUAGES:
        lines = retirement.criteria_text(Thresholds(repair_cost_share=0.25), lang)
        assert all(label and value and rules for label, value, rules in lines)
        assert ("25%", ("caravan_repair_cost", "exhibit_repair_cost")) in [(v, r) for _l, v, r in lines]
