"""Retirement screening and consolidation (报废、整合) of a term: screen, regroup, re-plan, store.

`consolidate` reads the fleet, the exhibits and the sets with their maintenance and use, applies the
retirement rules (domain/retirement.py) with the thresholds kept in settings, regroups the exhibits
that survive the retire recommendations into museum sets and into caravan kits (planning/regroup.py),
re-plans the term without each caravan recommended for retirement and with each caravan recommended
for redeployment moved to the city that lacks one most (planning/whatif.py), and stores it all as a
consolidation plan in one transaction. `consolidation_view` turns a stored plan into the view the
retirement and consolidation reports print; `set_decision` records a director's decision.

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
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caravan_app import log
from caravan_app.domain import retirement
from caravan_app.domain.calendar import Term
from caravan_app.domain.enums import (
    CandidateKind,
    CaravanStatus,
    EventStatus,
    ExhibitStatus,
    ExhibitUse,
    Level,
    PlanKind,
    PlanStatus,
    Recommendation,
    SetStatus,
    split_themes,
)
from caravan_app.domain.figures import (
    ConsolidationFigures,
    ContainerFigures,
    CoverageFigures,
    RegroupFigures,
    WhatIfFigures,
)
from caravan_app.domain.outcomes import NoPlan, SolveStatus, SolveTask
from caravan_app.domain.retirement import Candidate, Thresholds
from caravan_app.domain.sets import TemplateError, parse_template
from caravan_app.errors import CaravanError
from caravan_app.persistence.audit import current_user
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    MaintenanceRecord,
    Plan,
    Region,
    RegroupMove,
    RetirementCandidate,
    SetPlacement,
    Venue,
    Workshop,
)
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import (
    Point,
    TourCaravan,
    TourProblem,
    TourSolution,
)
from caravan_app.planning.regroup import STORE, Container, Item, RegroupProblem, RegroupSolution, regroup
from caravan_app.planning.regroup_check import check_regroup
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.planning.tours import plan_tours
from caravan_app.planning.whatif import WhatIfResult, coverage, what_if
from caravan_app.services.calendar import term_in
from caravan_app.services.plan_names import refuse_taken, store_plan
from caravan_app.services.tour_planning import build_tour_problem, stored_tour_solution
from caravan_app.settings import load_thresholds

_log = log.get(log.PLANNING)

SET_MIN_COUNT = 50
SET_MAX_COUNT = 60
KIT_OWN_THEME_SHARE = 0.5
USE_WINDOW_DAYS = 365
# Of the regrouping time limit, the museum sets get this share and the caravan kits the rest.
SETS_TIME_SHARE = 0.4


# --- reading the facts --------------------------------------------------------------------------


def _use_window(session: Session, as_of: date) -> tuple[date, date]:
    """The 365 days ending on the last event recorded before `as_of` (or on the day before it)."""
    last = session.scalar(select(func.max(Event.held_on)).where(Event.held_on < as_of))
    end = last or as_of - timedelta(days=1)
    return end - timedelta(days=USE_WINDOW_DAYS - 1), end


def _observed(start: date, end: date, since: date | None) -> int:
    first = max(start, since) if since else start
    return max(0, (end - first).days + 1)


def _maintenance(session: Session) -> dict[tuple[str, int], list[retirement.Maintenance]]:
    records: dict[tuple[str, int], list[retirement.Maintenance]] = defaultdict(list)
    for row in session.scalars(select(MaintenanceRecord)):
        fact = retirement.Maintenance(row.opened_on, row.kind, row.cost_yuan)
        if row.caravan_id is not None:
            records[("caravan", row.caravan_id)].append(fact)
        elif row.exhibit_id is not None:
            records[("exhibit", row.exhibit_id)].append(fact)
    return records


@dataclass(frozen=True)
class _Facts:
    caravans: list[Caravan]
    exhibits: list[Exhibit]
    sets: list[ExhibitSet]
    caravan_facts: list[retirement.CaravanFacts]
    exhibit_facts: list[retirement.ExhibitFacts]
    set_facts: list[retirement.SetFacts]


def _read_facts(session: Session, window: tuple[date, date]) -> _Facts:
    start, end = window
    caravans = list(
        session.scalars(select(Caravan).where(Caravan.status != CaravanStatus.RETIRED).order_by(Caravan.code))
    )
    exhibits = list(
        session.scalars(
            select(Exhibit)
            .where(Exhibit.status.not_in((ExhibitStatus.RETIRED, ExhibitStatus.LOST)))
            .order_by(Exhibit.code)
        )
    )
    sets = list(
        session.scalars(
            select(ExhibitSet).where(ExhibitSet.status != SetStatus.RETIRED).order_by(ExhibitSet.code)
        )
    )
    records = _maintenance(session)
    shows: dict[int, list[date]] = defaultdict(list)
    stops: Counter[int] = Counter()
    events = session.execute(
        select(Event.caravan_id, Event.set_id, Event.held_on).where(
            Event.held_on.between(start, end), Event.status == EventStatus.HELD
        )
    )
    for caravan_id, set_id, held_on in events:
        if caravan_id is not None:
            shows[caravan_id].append(held_on)
        elif set_id is not None:
            stops[set_id] += 1
    caravan_facts = [
        retirement.CaravanFacts(
            code=c.code,
            in_service_since=c.in_service_since,
            odometer_km=c.odometer_km,
            value_yuan=c.value_yuan,
            maintenance=tuple(records[("caravan", c.id)]),
            days_on_road=len(set(shows[c.id])),
            shows=len(shows[c.id]),
            observed_days=_observed(start, end, c.in_service_since),
        )
        for c in caravans
    ]
    exhibit_facts = [
        retirement.ExhibitFacts(
            code=e.code,
            acquired_on=e.acquired_on,
            service_life_years=e.service_life_years,
            condition=e.condition,
            value_yuan=e.value_yuan,
            maintenance=tuple(records[("exhibit", e.id)]),
        )
        for e in exhibits
    ]
    set_facts = [
        retirement.SetFacts(s.code, stops=stops[s.id], observed_days=_observed(start, end, s.formed_on))
        for s in sets
    ]
    return _Facts(caravans, exhibits, sets, caravan_facts, exhibit_facts, set_facts)


# --- regrouping inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Origin:
    """Where an exhibit really is: what a RegroupMove row records as its origin."""

    set_id: int | None = None
    caravan_id: int | None = None
    depot_id: int | None = None


def _point(row: Depot | Venue | Workshop) -> Point:
    return Point(row.lat, row.lon)


def _kit_minimums(caravan: Caravan) -> tuple[tuple[str, int], ...]:
    themes = split_themes(caravan.themes)
    if not themes:
        return ()
    each = int(caravan.exhibit_slots * KIT_OWN_THEME_SHARE // len(themes))
    return tuple((theme, each) for theme in themes)


def _set_location(session: Session, exhibit_set: ExhibitSet, depots: dict[int, Depot]) -> Point:
    """Where a touring set stands (its latest recorded placement), else its home depot."""
    if exhibit_set.status is SetStatus.TOURING:
        venue = session.scalar(
            select(Venue)
            .join(SetPlacement, SetPlacement.venue_id == Venue.id)
            .where(SetPlacement.set_id == exhibit_set.id, SetPlacement.plan_id.is_(None))
            .order_by(SetPlacement.start_on.desc())
            .limit(1)
        )
        if venue is not None:
            return _point(venue)
    return _point(depots[exhibit_set.home_depot_id])


def _regroup_problems(
    session: Session, facts: _Facts, retired: set[tuple[CandidateKind, str]]
) -> tuple[RegroupProblem, RegroupProblem, dict[str, _Origin]]:
    """The museum-set and the caravan-kit regrouping problems, and each exhibit's real origin."""
    depots = {d.id: d for d in session.scalars(select(Depot))}
    workshops = {w.id: w for w in session.scalars(select(Workshop))}
    sets = [s for s in facts.sets if (CandidateKind.SET, s.code) not in retired]
    kits = [c for c in facts.caravans if (CandidateKind.CARAVAN, c.code) not in retired]
    set_codes = {s.id: s.code for s in sets}
    kit_codes = {c.id: c.code for c in kits}
    caravan_by_id = {c.id: c for c in facts.caravans}
    set_containers = []
    for s in sets:
        try:
            minimums = parse_template(s.template)
        except TemplateError as exc:
            raise CaravanError(f"set {s.code} has a template that cannot be read: {exc}") from exc
        set_containers.append(
            Container(
                code=s.code,
                location=_set_location(session, s, depots),
                min_count=SET_MIN_COUNT,
                max_count=SET_MAX_COUNT,
                minimums=tuple(minimums.items()),
                themes=frozenset(minimums) | {s.theme},
                area_m2=s.hall_area_m2,
            )
        )
    kit_containers = [
        Container(
            code=c.code,
            location=_point(depots[c.home_depot_id]),
            min_count=c.exhibit_slots,
            max_count=c.exhibit_slots,
            minimums=_kit_minimums(c),
        )
        for c in kits
    ]
    set_location = {c.code: c.location for c in set_containers}
    kit_location = {c.code: c.location for c in kit_containers}
    museum_items: list[Item] = []
    kit_items: list[Item] = []
    origins: dict[str, _Origin] = {}
    for e in facts.exhibits:
        if (CandidateKind.EXHIBIT, e.code) in retired:
            continue
        footprint = e.length_cm * e.width_cm / 10_000
        container, place, where = STORE, "", None
        if e.set_id is not None:
            origins[e.code] = _Origin(set_id=e.set_id)
            if e.set_id in set_codes:
                container = place = set_codes[e.set_id]
                where = set_location[container]
        elif e.caravan_id is not None:
            origins[e.code] = _Origin(caravan_id=e.caravan_id)
            if e.caravan_id in kit_codes:
                container = place = kit_codes[e.caravan_id]
                where = kit_location[container]
            elif e.caravan_id in caravan_by_id:
                # The kit of a caravan to be retired: spares at its depot.
                depot = depots[caravan_by_id[e.caravan_id].home_depot_id]
                place, where = depot.code, _point(depot)
        elif e.depot_id is not None:
            origins[e.code] = _Origin(depot_id=e.depot_id)
            place, where = depots[e.depot_id].code, _point(depots[e.depot_id])
        elif e.workshop_id is not None:
            origins[e.code] = _Origin()
            place, where = workshops[e.workshop_id].code, _point(workshops[e.workshop_id])
        if where is None:
            continue  # in a set or caravan that is itself retired: not part of this regrouping
        if e.use is ExhibitUse.MUSEUM_SET:
            museum_items.append(Item(e.code, e.theme, container, place, where, footprint))
        else:
            # Kits count slots, not floor: their exhibits group better without a footprint.
            kit_items.append(Item(e.code, e.theme, container, place, where))
    return (
        RegroupProblem(tuple(set_containers), tuple(museum_items)),
        RegroupProblem(tuple(kit_containers), tuple(kit_items)),
        origins,
    )


# --- the what-if baseline -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Baseline:
    label: str  # the stored plan's name, or empty when solved here
    problem: TourProblem
    solution: TourSolution


def _baseline(db: Database, school_term: Term, control: SolveControl) -> _Baseline:
    """The newest tour plan of exactly the term, else one solved under `control` (not stored)."""
    seconds = control.time_limit
    with db.session(audited=False) as s:
        plan = s.scalar(
            select(Plan)
            .where(
                Plan.kind == PlanKind.TOUR,
                Plan.horizon_start == school_term.start,
                Plan.horizon_end == school_term.end,
            )
            .order_by(Plan.created_at.desc(), Plan.id.desc())
            .limit(1)
        )
        if plan is not None:
            stored = json.loads(plan.parameters_json).get("problem")
            problem = (
                problem_from_json(stored)
                if stored
                else build_tour_problem(s, school_term.start, school_term.end)
            )
            return _Baseline(plan.name, problem, stored_tour_solution(s, plan))
        problem = build_tour_problem(s, school_term.start, school_term.end)
    solution = plan_tours(problem, control)
    if not solution.status.has_plan:
        raise NoPlan(SolveTask.TOURS, solution.status, seconds)
    return _Baseline("", problem, solution)


# --- what-if cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    caravan: str
    moved: TourCaravan | None
    city: str  # the city moved to (name), empty when retired


def _fits(caravan: TourCaravan, problem: TourProblem, request_code: str) -> bool:
    request = next(r for r in problem.requests if r.code == request_code)
    if request.types_allowed and caravan.type not in request.types_allowed:
        return False
    return not request.themes_wanted or bool(request.themes_wanted & caravan.themes)


def _what_if_cases(session: Session, candidates: tuple[Candidate, ...], baseline: _Baseline) -> list[_Case]:
    """Without each caravan recommended for retirement; each one recommended for redeployment moved
    to the city whose unserved requests it could take most, one city per caravan."""
    rows = {c.code: c for c in session.scalars(select(Caravan))}
    regions = {r.id: r for r in session.scalars(select(Region))}
    city_depots = {
        regions[d.region_id].adcode: d
        for d in session.scalars(select(Depot).where(Depot.owner_level == Level.CITY).order_by(Depot.code))
    }
    unserved = [u.request for u in baseline.solution.unserved]
    city_of = {r.code: r.city for r in baseline.problem.requests}
    in_plan = {c.code: c for c in baseline.problem.caravans}
    cases: list[_Case] = []
    taken: set[str] = set()
    for candidate in candidates:
        if candidate.kind is not CandidateKind.CARAVAN:
            continue
        if candidate.recommendation is Recommendation.RETIRE:
            cases.append(_Case(candidate.code, None, ""))
        elif candidate.recommendation is Recommendation.REDEPLOY:
            row = rows[candidate.code]
            home = regions[row.owner_region_id]
            own_city = (
                home.adcode
                if row.owner_level is Level.CITY
                else regions.get(home.parent_id or -1, home).adcode
            )
            planned = in_plan.get(row.code) or TourCaravan(
                code=row.code,
                type=row.type,
                themes=frozenset(split_themes(row.themes)),
                owner_level=row.owner_level,
                region=home.adcode,
                depot_code="",
                depot=Point(0.0, 0.0),
            )
            wanted: Counter[str] = Counter(
                city_of[code] for code in unserved if _fits(planned, baseline.problem, code)
            )
            choices = [
                (n, city)
                for city, n in wanted.items()
                if city in city_depots and city != own_city and city not in taken
            ]
            if not choices:
                continue
            _, city = max(choices)
            taken.add(city)
            depot = city_depots[city]
            if row.owner_level is Level.PROVINCE:
                # A provincial caravan may serve anywhere already: only its depot moves.
                moved = replace(planned, depot_code=depot.code, depot=_point(depot))
            else:
                moved = replace(
                    planned, owner_level=Level.CITY, region=city, depot_code=depot.code, depot=_point(depot)
                )
            cases.append(_Case(row.code, moved, regions[depot.region_id].name))
    return cases


def _what_if_figures(case: _Case, result: WhatIfResult) -> WhatIfFigures:
    b, a = result.before, result.after
    return WhatIfFigures(
        caravan=case.caravan,
        moved_to_depot=result.moved_to or "",
        moved_to_city=case.city,
        served=(b.served, a.served),
        key_requests_served=(b.key_served, a.key_served),
        key_counties=(b.key_counties, a.key_counties),
        counties=(b.counties, a.counties),
        km=(b.km, a.km),
        lost=tuple((u.request, u.reason) for u in result.lost),
        gained=tuple(result.gained),
        locks_kept=result.locks_kept,
        solve_seconds=result.solution.solve_seconds,
    )


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
    control: SolveControl | None = None,
    what_if_time: float = 10.0,
    thresholds: Thresholds | None = None,
    as_of: date | None = None,
    on_step: Callable[[ConsolidationStep, str], None] | None = None,
) -> ConsolidationSummary:
    """Screen, regroup and re-plan the term, and store it all as a consolidation plan named `name`.

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
    name = name or default_plan_name(school_term.name)
    db.check_writable()  # before the solves, not after them

    step(ConsolidationStep.SCREENING, "")
    with db.session(audited=False) as s:
        if chosen_name:
            refuse_taken(s, name)
        window = _use_window(s, as_of)
        facts = _read_facts(s, window)
        candidates = retirement.screen(
            as_of, thresholds, facts.caravan_facts, facts.exhibit_facts, facts.set_facts
        )
        retired = {(c.kind, c.code) for c in candidates if c.recommendation is Recommendation.RETIRE}
        sets_problem, kits_problem, origins = _regroup_problems(s, facts, retired)
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
    baseline = _baseline(db, school_term, control.part(what_if_time))
    with db.session(audited=False) as s:
        cases = _what_if_cases(s, candidates, baseline)
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
        what_ifs.append(_what_if_figures(case, result))
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
    origins: dict[str, _Origin],
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
            origin = origins.get(move.item, _Origin())
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
