"""The command line's wording of plans, reasons and outcomes.

The command line speaks English with the Chinese term beside each figure, as staff read both; the
codes the services return (statuses, reasons, rules, steps) are worded here and nowhere else on
this medium, as the window words them in ui/outcomes.py and the documents in reports/texts.py.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from datetime import date

from caravan_app.domain.figures import ConsolidationFigures, RegroupFigures, RotationFigures, TourFigures
from caravan_app.domain.linkage import IDLE_DAYS, LinkageStep, PlanFigures
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask, TourRule, UnservedReason
from caravan_app.services.linkage import LinkageAdvice
from caravan_app.services.tour_plans import UnservedRow

STATUS = {
    SolveStatus.OPTIMAL: "optimal 最优",
    SolveStatus.FEASIBLE: "feasible 可行",
    SolveStatus.INFEASIBLE: "infeasible 无可行方案",
    SolveStatus.NO_SOLUTION: "no plan found 未找到方案",
    SolveStatus.CANCELLED: "cancelled 已取消",
}

REASON = {
    UnservedReason.NO_TYPE_OR_THEME: "no caravan of a wanted type and theme",
    UnservedReason.NO_PERMITTED_CARAVAN: "no caravan may serve the region",
    UnservedReason.NO_WORKABLE_DATE: "no workable date",
    UnservedReason.CAPACITY: "caravans' days used for others",
}

TASK = {
    SolveTask.TOURS: "the tour planner",
    SolveTask.ROTATION: "the rotation planner",
    SolveTask.MUSEUM_SETS: "the museum-set regrouping",
    SolveTask.CARAVAN_KITS: "the caravan-kit regrouping",
}

STEP = {
    "screening": "screening 评估",
    "sets": "regrouping museum sets 重组流动科技馆套",
    "kits": "regrouping caravan kits 重组大篷车展品",
    "baseline": "planning the baseline tours 基准巡展",
    "what_if": "re-planning 重新规划",
    "storing": "storing 保存",
}


def no_plan(exc: NoPlan) -> str:
    """One line: which solve ended without a plan, why, and what to do."""
    what = TASK[exc.task]
    if exc.status is SolveStatus.CANCELLED:
        why = f"{what} was stopped before it found a plan"
    elif exc.status is SolveStatus.INFEASIBLE:
        why = f"{what} proved that no plan keeps every rule; check the locked placements"
    else:
        why = f"{what} found no plan in the {exc.seconds:.3g} s it had; give it more time (--time-limit)"
    return f"{why}; nothing was stored"


def step(kind: str, caravan: str) -> str:
    text = STEP[kind]
    return f"{text} {caravan}" if caravan else text


def _counts(pairs: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{label} {n}" for label, n in pairs) or "none"


def tour_lines(
    name: str, f: TourFigures, violations: Iterable[tuple[TourRule, str | None, str | None]]
) -> list[str]:
    """A stored tour plan; `violations` as (rule, caravan, request), empty unless there is a bug."""
    found = list(violations)
    out = [
        f"plan {name}: {STATUS[f.status]}, solved in {f.solve_seconds:.1f} s",
        f"requests served 已服务: {f.served} of {f.requests}",
        f"key-county requests served 重点县: {f.key_county_served} of {f.key_county_requests}",
        f"km 里程: {f.km:.0f} in {f.trips} trips",
        "unserved by reason 未满足原因: "
        + _counts((REASON[r], n) for r, n in sorted(f.unserved_by_reason.items())),
        "days on the road per caravan 出车天数: " + _counts(sorted(f.days_on_road.items())),
    ]
    if found:
        out.append(f"checker found {len(found)} violation(s): this is a bug, see the log")
        out += [
            f"  {rule.value}: caravan {caravan or '-'}, request {request or '-'}"
            for rule, caravan, request in found[:20]
        ]
    return out


def unserved_lines(unserved: Sequence[UnservedRow], limit: int = 20) -> list[str]:
    """The unserved requests that a caravan elsewhere fits (what a joint tour could serve), nearest
    caravans first; at most `limit` of them, then how many more."""
    linkable = [u for u in unserved if u.elsewhere]
    if not linkable:
        return []
    out = [f"unserved requests a caravan elsewhere fits 可联动: {len(linkable)}"]
    for u in linkable[:limit]:
        fits = "; ".join(
            f"{f.caravan_code} ({f.home}, {f.km:,.0f} km, {f.days_on_road} of {f.available_days} days out)"
            for f in u.elsewhere
        )
        out.append(f"  {u.request_code} {u.venue_name} ({u.county}), {REASON[u.reason]}: {fits}")
    if len(linkable) > limit:
        out.append(f"  … and {len(linkable) - limit} more (see the plan summary: caravan-app print summary)")
    return out


def rotation_lines(name: str, f: RotationFigures) -> list[str]:
    bound = "" if f.truck_km_bound is None else f" (bound {f.truck_km_bound:,.0f})"
    hosted_bound = "-" if f.hosted_bound is None else f"{f.hosted_bound}"
    return [
        f"stored draft rotation plan {name!r} ({STATUS[f.status]}, {f.solve_seconds:.1f} s)",
        f"  sets 套组: {f.sets}, halls 展厅: {f.halls}, periods 期次: {f.periods}",
        f"  stays 驻展: {f.stays} of {f.set_periods_free} free set-periods",
        f"  hosted weight 加权覆盖: {f.hosted_weight} (bound {hosted_bound})",
        f"  truck-km 运输车公里: {f.truck_km:,.0f}{bound} in {f.moves} moves",
        f"  counties 县区: {f.counties}, key counties 重点县: {f.key_counties}",
    ]


def _regroup_line(label: str, g: RegroupFigures) -> str:
    complete = "-" if g.complete_bound is None else g.complete_bound
    moves = "-" if g.moves_bound is None else g.moves_bound
    return (
        f"{label}: complete {g.complete_before} -> {g.complete} of {g.containers}, "
        f"exhibits moved {g.moved} ({g.km:,.0f} km), {STATUS[g.status]} "
        f"(bounds: complete <= {complete}, moves >= {moves})"
    )


def consolidation_lines(name: str, f: ConsolidationFigures) -> list[str]:
    out = [
        f"consolidation plan {name}: term {f.term}, screened as of {f.as_of}, "
        f"use counted {f.use_window[0]} .. {f.use_window[1]}",
        f"candidates 候选: {f.candidates} ({_counts(f.candidates_by_kind.items())})",
        "by rule 按规则: " + _counts(f.candidates_by_rule.items()),
        "by recommendation 按建议: " + _counts(f.candidates_by_recommendation.items()),
        _regroup_line("museum sets 流动科技馆套", f.sets),
        _regroup_line("caravan kits 大篷车展品", f.kits),
    ]
    b = f.baseline
    source = f"plan {b.plan}" if b.plan else "solved for this run"
    out.append(
        f"what-if baseline ({source}): served {b.served} of {b.requests}, "
        f"key-county requests {b.key_served} of {b.key_requests}, "
        f"key counties {b.key_counties}, {b.km:,.0f} km"
    )
    for w in f.what_ifs:
        label = f"{w.caravan} moved to {w.moved_to_city}" if w.moved_to_city else f"without {w.caravan}"
        out.append(
            f"  {label}: served {w.served[0]:g} -> {w.served[1]:g}, "
            f"key-county requests {w.key_requests_served[0]:g} -> {w.key_requests_served[1]:g}, "
            f"key counties {w.key_counties[0]:g} -> {w.key_counties[1]:g}, "
            f"km {w.km[0]:,.0f} -> {w.km[1]:,.0f}, lost {len(w.lost)}, gained {len(w.gained)}"
        )
    if f.violations:
        out.append(f"checkers found {len(f.violations)} violation(s): this is a bug, see the log")
    out.append(f"done in {f.seconds:.1f} s")
    return out


def parse_date(text: str) -> date:
    """A day as the command line takes it (YYYY-MM-DD), for argparse's `type=`."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


# --- linkage --------------------------------------------------------------------------------------


def linkage_step(step: LinkageStep, number: int) -> str:
    if step is LinkageStep.BASELINE:
        return "planning under the rules as they stand 现行规则 ..."
    if step is LinkageStep.POTENTIAL:
        return "planning with every caravan allowed everywhere 不限地区 ..."
    return f"re-planning with proposal {number} 联动建议 ..."


def _plan_figures_line(label: str, f: PlanFigures) -> str:
    use = f.utilisation
    share = f"{f.served / f.requests:.1%}" if f.requests else "–"
    return (
        f"{label}: served {f.served}/{f.requests} ({share}), key counties {f.key_county_served}/"
        f"{f.key_county_requests}, {f.km:,.0f} km; {len(use.idle)} of {len(use.caravans)} caravans under "
        f"{IDLE_DAYS} days on the road; the busiest 20 % do {use.busiest_share:.0%} of the days"
    )


def linkage_lines(advice: LinkageAdvice) -> list[str]:
    """The advice: the plan under today's rules, the most linkage could bring, each proposal with what
    it brought, and the plan with all of them; places by name."""
    names = advice.region_names

    def caravan(code: str) -> str:
        home = advice.caravan_homes.get(code, "")
        return f"{code} ({names.get(home, home)})" if home else code

    lines = [
        _plan_figures_line("rules as they stand 现行规则", advice.baseline),
        _plan_figures_line("every caravan anywhere 不限地区", advice.potential),
    ]
    if not advice.proposals:
        lines.append("no joint tour would serve more requests 无联动建议")
    for number, proposal in enumerate(advice.proposals, start=1):
        tour, gain = proposal.joint_tour, proposal.gain
        days = ", ".join(f"{code} {change:+d}" for code, change in gain.days_per_caravan.items())
        lines.append(
            f"proposal {number} 联动建议: {', '.join(caravan(c) for c in tour.caravans)} may serve "
            f"{', '.join(names.get(r, r) for r in tour.regions)}: {gain.served:+d} served, "
            f"{gain.key_county:+d} key-county, {gain.township:+d} township, {gain.km:+,.0f} km"
            + (f"; days on the road {days}" if days else "")
        )
    if advice.proposals:
        lines.append(_plan_figures_line("with every proposal 采纳全部建议", advice.with_all_proposals))
    return lines
