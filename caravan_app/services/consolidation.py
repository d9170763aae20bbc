"""Retirement screening and consolidation (报废、整合) of a term: screen, regroup, re-plan, store.

`consolidate` reads the fleet, the exhibits and the sets with their maintenance and use, applies the
retirement rules (domain/retirement.py) with the thresholds kept in settings, regroups the exhibits
that survive the retire recommendations into museum sets and into caravan kits (planning/regroup.py),
re-plans the term without each caravan recommended for retirement and with each caravan recommended
for redeployment moved to the city that lacks one most (planning/whatif.py), and stores it all as a
consolidation plan in one transaction. What it reads is gathered in `consolidation_inputs`, the
what-if cases in `consolidation_what_if`; `consolidation_views` reads a stored plan back for the
screen and the reports, and records a director's decisions.

Choices made here, documented because the reports and the screen show their results:
- Screening is as of the term's first day. Use (shows, days on the road, set stops) is counted over
  the 365 days ending on the last recorded event before that day, so a term that starts after the
  records end is judged on the last full year on record.
- A museum set is complete with 50–60 exhibits meeting its template; it takes exhibits of its
  template's themes and its own; its exhibits' footprint, times the space factor, must fit its hall.
- A caravan's kit is complete when it fills its exhibit slots with at least half of them in the
  caravan's own themes, spread evenly (slots ÷ 2 ÷ themes each); a kit takes exhibits of any theme.
- Exhibits recommended for retirement, and the kits of caravans recommended for retirement, leave
  their containers; the kits' exhibits are spares at that caravan's depot.
- What-if baseline: the newest tour plan covering exactly the term, else a plan solved here (not
  stored) within the what-if time limit.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from caravan_app import log
from caravan_app.domain import retirement
from caravan_app.domain.calendar import Term
from caravan_app.domain.enums import CandidateKind, PlanKind, PlanStatus, Recommendation
from caravan_app.domain.figures import (
    ConsolidationFigures,
    ContainerFigures,
    CoverageFigures,
    RegroupFigures,
    WhatIfFigures,
)
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask
from caravan_app.domain.retirement import Candidate, Thresholds
from caravan_app.persistence.audit import current_user
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan, RegroupMove, RetirementCandidate
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.regroup import STORE, RegroupSolution, regroup
from caravan_app.planning.regroup_check import check_regroup
from caravan_app.planning.whatif import coverage, what_if
from caravan_app.services import permissions
from caravan_app.services.calendar import term_in
from caravan_app.services.consolidation_inputs import (
    KIT_OWN_THEME_SHARE,
    SET_MAX_COUNT,
    SET_MIN_COUNT,
    Origin,
    read_facts,
    regroup_problems,
    use_window,
)
from caravan_app.services.consolidation_what_if import baseline_plan, what_if_cases, what_if_figures
from caravan_app.services.plan_names import refuse_taken, store_plan
from caravan_app.settings import load_thresholds

_log = log.get(log.PLANNING)

# Of the regrouping time limit, the museum sets get this share and the caravan kits the rest.
SETS_TIME_SHARE = 0.4


# --- consolidate --------------------------------------------------------------------------------


class ConsolidationStep(StrEnum):
    """The steps of a run, in order, as `on_step` hears them."""

    SCREENING = "screening"
    SETS = "sets"  # regrouping museum sets
    KITS = "kits"  # regrouping caravan kits
    BASELINE = "baseline"  # the tour plan the what-ifs compare with
    WHAT_IF = "what_if"  # re-planning without one caravan, or with it moved
    STORING = "storing"


@dataclass(frozen=True)
class ConsolidationSummary:
    """What `consolidate` reports: the stored plan's name and its figures."""

    name: str
    figures: ConsolidationFigures


def default_plan_name(term_name: str) -> str:
    return f"{term_name} consolidation {datetime.now():%Y-%m-%d %H:%M:%S}"


def consolidate(
    db: Database,
    term_name: str = "2027-spring",
    *,
    name: str | None = None,
    default_name: str | None = None,
    control: SolveControl | None = None,
    what_if_time: float = 10.0,
    thresholds: Thresholds | None = None,
    as_of: date | None = None,
    on_step: Callable[[ConsolidationStep, str], None] | None = None,
) -> ConsolidationSummary:
    """Screen, regroup and re-plan the term, and store it all as a consolidation plan named `name`
    (refused before any work if taken), or, unnamed, `default_name` (worded by the caller in its
    language; " (2)" added if taken by then).

    `control` limits the regrouping (its time limit is shared by the sets and the kits); each
    what-if re-plan gets `what_if_time` seconds. `thresholds` default to those kept in settings;
    `as_of` to the term's first day. `on_step` hears each step as it starts (with the caravan of a
    what-if). Raises NoPlan, storing nothing, when a regrouping finds no plan in its time.
    """
    started = time.monotonic()
    control = control or SolveControl(time_limit=30)
    control.start_clock()
    step = on_step or (lambda _step, _caravan: None)
    with db.session(audited=False) as s:
        school_term = term_in(s, term_name)
    thresholds = thresholds or load_thresholds()
    as_of = as_of or school_term.start
    chosen_name = name is not None
    name = name or default_name or default_plan_name(school_term.name)
    db.check_writable()  # before the solves, not after them
    permissions.require_province(db, "plans")  # a city's or county's account may not store it

    step(ConsolidationStep.SCREENING, "")
    with db.session(audited=False) as s:
        if chosen_name:
            refuse_taken(s, name)
        window = use_window(s, as_of)
        facts = read_facts(s, window)
        candidates = retirement.screen(
            as_of, thresholds, facts.caravan_facts, facts.exhibit_facts, facts.set_facts
        )
        retired = {(c.kind, c.code) for c in candidates if c.recommendation is Recommendation.RETIRE}
        sets_problem, kits_problem, origins = regroup_problems(s, facts, retired)
        candidate_ids = {
            CandidateKind.CARAVAN: {c.code: c.id for c in facts.caravans},
            CandidateKind.EXHIBIT: {e.code: e.id for e in facts.exhibits},
            CandidateKind.SET: {x.code: x.id for x in facts.sets},
        }
        current = {x.code: sum(1 for e in facts.exhibits if e.set_id == x.id) for x in facts.sets}

    step(ConsolidationStep.SETS, "")
    sets_time = control.remaining * SETS_TIME_SHARE
    sets_solution = regroup(sets_problem, control.part(sets_time))
    if not sets_solution.status.has_plan:
        raise NoPlan(SolveTask.MUSEUM_SETS, sets_solution.status, round(sets_time, 1))
    step(ConsolidationStep.KITS, "")
    kits_time = control.remaining
    kits_solution = regroup(kits_problem, control.part(kits_time))
    if not kits_solution.status.has_plan:
        raise NoPlan(SolveTask.CARAVAN_KITS, kits_solution.status, round(kits_time, 1))
    violations = [f"sets: {v.rule.value}: {v.message}" for v in check_regroup(sets_problem, sets_solution)]
    violations += [f"kits: {v.rule.value}: {v.message}" for v in check_regroup(kits_problem, kits_solution)]

    step(ConsolidationStep.BASELINE, "")
    baseline = baseline_plan(db, school_term, control.part(what_if_time))
    with db.session(audited=False) as s:
        cases = what_if_cases(s, candidates, baseline)
    what_ifs: list[WhatIfFigures] = []
    for case in cases:
        if control.cancelled:
            break
        step(ConsolidationStep.WHAT_IF, case.caravan)
        result = what_if(
            baseline.problem,
            baseline.solution,
            case.caravan,
            case.moved,
            control.part(what_if_time),
        )
        if not result.solution.status.has_plan:
            break  # stopped by the user: the cases measured so far are kept
        violations += [
            f"what-if {case.caravan}: {v.rule.value}: {v.message}"
            for v in check_tours(result.problem, result.solution)
        ]
        what_ifs.append(what_if_figures(case, result))
    for violation in violations:
        _log.error("consolidation checker: %s", violation)

    base = coverage(baseline.problem, baseline.solution)
    figures = ConsolidationFigures(
        term=school_term.name,
        as_of=as_of.isoformat(),
        use_window=(window[0].isoformat(), window[1].isoformat()),
        candidates=len(candidates),
        candidates_by_kind=dict(Counter(c.kind.value for c in candidates)),
        candidates_by_rule={
            rule: n for rule in retirement.RULES if (n := sum(1 for c in candidates if rule in c.rules))
        },
        candidates_by_recommendation={
            r.value: n for r in Recommendation if (n := sum(1 for c in candidates if c.recommendation is r))
        },
        sets=_regroup_figures(sets_solution, current),
        kits=_regroup_figures(kits_solution, None),
        baseline=CoverageFigures(
            plan=baseline.label,
            requests=base.requests,
            served=base.served,
            key_requests=base.key_requests,
            key_served=base.key_served,
            key_counties=base.key_counties,
            counties=base.counties,
            km=base.km,
        ),
        what_ifs=tuple(what_ifs),
        violations=tuple(violations),
        seconds=round(time.monotonic() - started, 1),
    )
    parameters = {
        "term": school_term.name,
        "as_of": as_of.isoformat(),
        "thresholds": retirement.thresholds_to_dict(thresholds),
        "use_window": list(figures.use_window),
        "time_limit": control.time_limit,
        "what_if_time": what_if_time,
        "seed": control.seed,
        "set_count": [SET_MIN_COUNT, SET_MAX_COUNT],
        "kit_own_theme_share": KIT_OWN_THEME_SHARE,
        "space_factor": sets_problem.space_factor,
    }
    step(ConsolidationStep.STORING, "")
    name, _plan = store_plan(
        db,
        name,
        chosen_name,
        lambda s, free: _store(
            s,
            free,
            school_term,
            candidates,
            candidate_ids,
            (sets_solution, kits_solution),
            origins,
            parameters,
            figures,
        ),
    )
    return ConsolidationSummary(name, figures)


def _regroup_figures(solution: RegroupSolution, current: dict[str, int] | None) -> RegroupFigures:
    """Figures of one regrouping; `current` (sets only): what each set holds now, retirements included."""
    return RegroupFigures(
        status=solution.status,
        containers=len(solution.containers),
        complete_before=sum(1 for c in solution.containers if c.complete_before),
        complete=solution.complete,
        complete_bound=solution.complete_bound,
        moved=solution.moved,
        moves_bound=solution.moves_bound,
        km=solution.km,
        km_bound=solution.km_bound,
        to_store=sum(1 for m in solution.moves if m.to_container == STORE),
        solve_seconds=solution.solve_seconds,
        per_container={
            c.code: ContainerFigures(
                now=current.get(c.code, c.before) if current is not None else c.before,
                survivors=c.before,
                after=c.after,
                complete_before=c.complete_before,
                complete=c.complete,
            )
            for c in solution.containers
        },
    )


def _store(
    session: Session,
    name: str,
    school_term: Term,
    candidates: tuple[Candidate, ...],
    ids: dict[CandidateKind, dict[str, int]],
    solutions: tuple[RegroupSolution, RegroupSolution],
    origins: dict[str, Origin],
    parameters: dict[str, Any],
    figures: ConsolidationFigures,
) -> Plan:
    sets_solution, kits_solution = solutions
    both_proven = sets_solution.status is kits_solution.status is SolveStatus.OPTIMAL
    bounds = [sets_solution.complete_bound, kits_solution.complete_bound]
    plan = Plan(
        name=name,
        kind=PlanKind.CONSOLIDATION,
        horizon_start=school_term.start,
        horizon_end=school_term.end,
        status=PlanStatus.DRAFT,
        created_at=datetime.now().replace(microsecond=0),
        created_by=current_user(),
        solver_status=SolveStatus.OPTIMAL if both_proven else SolveStatus.FEASIBLE,
        # Complete sets and kits after regrouping, and the most any regrouping could complete.
        objective=float(sets_solution.complete + kits_solution.complete),
        bound=float(sum(b for b in bounds if b is not None)) if None not in bounds else None,
        solve_seconds=figures.seconds,
        parameters_json=json.dumps(parameters, ensure_ascii=False),
        figures_json=json.dumps(figures.to_json(), ensure_ascii=False),
    )
    session.add(plan)
    session.flush()
    for number, candidate in enumerate(candidates, start=1):
        subject = ids[candidate.kind][candidate.code]
        session.add(
            RetirementCandidate(
                code=f"P{plan.id}-RC{number:04d}",
                plan_id=plan.id,
                kind=candidate.kind,
                caravan_id=subject if candidate.kind is CandidateKind.CARAVAN else None,
                exhibit_id=subject if candidate.kind is CandidateKind.EXHIBIT else None,
                set_id=subject if candidate.kind is CandidateKind.SET else None,
                rules=";".join(candidate.rules),
                evidence_json=json.dumps(
                    [retirement.hit_to_json(h) for h in candidate.evidence], ensure_ascii=False
                ),
                recommendation=candidate.recommendation,
            )
        )
    exhibits = ids[CandidateKind.EXHIBIT]
    sets = ids[CandidateKind.SET]
    caravans = ids[CandidateKind.CARAVAN]
    for solution, targets, into_set in ((sets_solution, sets, True), (kits_solution, caravans, False)):
        for move in solution.moves:
            if move.to_container == STORE:
                continue  # a move back to store has no row; the figures count it
            origin = origins.get(move.item, Origin())
            target = targets[move.to_container]
            session.add(
                RegroupMove(
                    plan_id=plan.id,
                    exhibit_id=exhibits[move.item],
                    from_set_id=origin.set_id,
                    from_caravan_id=origin.caravan_id,
                    from_depot_id=origin.depot_id,
                    to_set_id=target if into_set else None,
                    to_caravan_id=None if into_set else target,
                    km=move.km,
                )
            )
    return plan
