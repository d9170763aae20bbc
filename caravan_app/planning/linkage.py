"""Linkage (联动): what region rules cost a plan, and which joint tours would win most of it back.

- `utilisation` is each caravan's days on the road against the working days it could have gone.
- `fitting_elsewhere` names, for a request no permitted caravan can serve, the caravans of a wanted type
  and theme that the rules keep from it: nearest first, with how busy they are in the plan.
- `anywhere` is the problem with region rules lifted (every caravan may serve every region): its plan is
  the upper bound on what linkage can bring.
- `propose` reads that plan for the visits made outside the rules to requests the real plan leaves
  unserved, and groups them into joint tours: per city served, the caravans that went there and the
  counties they served, ranked by what they would bring. The caller measures each one by re-planning
  (`with_proposals`, `gain`), since what a grant brings depends on every other grant.
- `advise` does all of it: the plan as the rules stand (the baseline), the plan with them lifted (the
  potential), then the proposals one at a time, each kept only if its re-plan serves more; what a
  proposal brings is the difference to the plan before it. Every plan is checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from caravan_app import log
from caravan_app.domain.enums import Level
from caravan_app.domain.linkage import (
    CaravanUse,
    FittingCaravan,
    JointTourProposal,
    LinkageGain,
    LinkageStep,
    PlanFigures,
    Proposal,
    Utilisation,
)
from caravan_app.domain.outcomes import NoPlan, SolveTask
from caravan_app.errors import CaravanError
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import (
    JointTour,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    UnservedReason,
)
from caravan_app.planning.tours import plan_tours

_log = log.get(log.PLANNING)

ANYWHERE = "anywhere"


# --- fleet use ------------------------------------------------------------------------------------


def working_days(problem: TourProblem) -> list[date]:
    calendar = problem.calendar
    span = (calendar.end - calendar.start).days + 1
    every = (calendar.start + timedelta(days=n) for n in range(span))
    return [day for day in every if calendar.is_working_day(day)]


def utilisation(problem: TourProblem, solution: TourSolution) -> Utilisation:
    """Each caravan's days on the road, shows and km against the working days it was available."""
    days = working_days(problem)
    on_road: dict[str, int] = defaultdict(int)
    shows: dict[str, int] = defaultdict(int)
    km: dict[str, float] = defaultdict(float)
    for trip in solution.trips:
        on_road[trip.caravan] += trip.days
        shows[trip.caravan] += len(trip.stops)
        km[trip.caravan] += trip.km
    uses = [
        CaravanUse(
            caravan=c.code,
            available_days=sum(1 for d in days if d not in c.unavailable),
            days_on_road=on_road[c.code],
            shows=shows[c.code],
            km=km[c.code],
        )
        for c in problem.caravans
    ]
    uses.sort(key=lambda u: (-u.days_on_road, u.caravan))
    return Utilisation(working_days=len(days), caravans=tuple(uses))


# --- who could serve what --------------------------------------------------------------------------


def fits(caravan: TourCaravan, request: TourRequest) -> bool:
    """Of a type the request allows and carrying a theme it wants (empty sets allow anything)."""
    if request.types_allowed and caravan.type not in request.types_allowed:
        return False
    return not request.themes_wanted or bool(request.themes_wanted & caravan.themes)


def permitted(problem: TourProblem, caravan: TourCaravan, request: TourRequest) -> bool:
    """The region rule: a county caravan in its county, a city caravan in its city, a provincial one
    anywhere, and any caravan where a joint tour lists it with the request's county or city."""
    if caravan.owner_level is Level.PROVINCE:
        return True
    home = request.county if caravan.owner_level is Level.COUNTY else request.city
    if home == caravan.region:
        return True
    return any(
        caravan.code in joint.caravans and (request.county in joint.regions or request.city in joint.regions)
        for joint in problem.joint_tours
    )


def _could_go(problem: TourProblem, caravan: TourCaravan, request: TourRequest) -> bool:
    """Some day the request allows is a working day on which the caravan is available."""
    calendar = problem.calendar
    return any(
        calendar.is_working_day(d)
        and d not in caravan.unavailable
        and not (request.is_school and d in calendar.school_holidays)
        for d in request.dates
    )


def fitting_elsewhere(
    problem: TourProblem,
    solution: TourSolution,
    request_code: str,
    limit: int = 3,
    use: Utilisation | None = None,
) -> tuple[FittingCaravan, ...]:
    """The caravans of a wanted type and theme, free on one of the request's days, that the region rule
    keeps from it: nearest depot first, then the least busy. `use` is the plan's utilisation, when the
    caller has it already."""
    request = next((r for r in problem.requests if r.code == request_code), None)
    if request is None:
        return ()
    use = use or utilisation(problem, solution)
    found = []
    for caravan in problem.caravans:
        if not fits(caravan, request) or permitted(problem, caravan, request):
            continue
        if not _could_go(problem, caravan, request):
            continue
        row = use.of(caravan.code)
        found.append(
            FittingCaravan(
                caravan=caravan.code,
                region=caravan.region,
                depot=caravan.depot_code,
                km=round(great_circle_km(caravan.depot, request.location) * problem.road_factor, 1),
                days_on_road=row.days_on_road if row else 0,
                available_days=row.available_days if row else 0,
            )
        )
    found.sort(key=lambda f: (f.km, f.days_on_road, f.caravan))
    return tuple(found[:limit])


# --- the potential and the proposals ----------------------------------------------------------------


def anywhere(problem: TourProblem) -> TourProblem:
    """The problem with region rules lifted: every caravan may serve every county and city."""
    regions = frozenset(r.county for r in problem.requests) | frozenset(r.city for r in problem.requests)
    everyone = JointTour(ANYWHERE, frozenset(c.code for c in problem.caravans), regions)
    return replace(problem, joint_tours=(*problem.joint_tours, everyone))


def with_proposals(problem: TourProblem, proposals: Iterable[JointTourProposal]) -> TourProblem:
    """The problem with each proposal added as a joint tour."""
    added = tuple(
        JointTour(f"proposal {number}", frozenset(p.caravans), frozenset(p.regions))
        for number, p in enumerate(proposals, start=1)
    )
    return replace(problem, joint_tours=(*problem.joint_tours, *added))


def propose(problem: TourProblem, baseline: TourSolution, potential: TourSolution) -> list[JointTourProposal]:
    """Joint tours read off the plan with rules lifted, best first.

    A visit in `potential` by a caravan the rules keep from its request, to a request `baseline` leaves
    unserved, is a grant the rules would have to allow. Grants are grouped by the city of the request:
    one proposal per city, its caravans (those that went there) allowed the counties they served. They
    are ranked by the weight of the requests they bring (priority, key counties, townships count more),
    then by fewer caravans and counties (the more local). Requests the baseline could not serve for
    want of a date or a fitting caravan are never the reason for a proposal.
    """
    requests = {r.code: r for r in problem.requests}
    caravans = {c.code: c for c in problem.caravans}
    unserved = {
        u.request
        for u in baseline.unserved
        if u.reason in (UnservedReason.NO_PERMITTED_CARAVAN, UnservedReason.CAPACITY)
    }
    by_city: dict[str, dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )  # city -> caravan -> requests
    for trip in potential.trips:
        caravan = caravans.get(trip.caravan)
        if caravan is None:
            continue
        for stop in trip.stops:
            request = requests.get(stop.request)
            if request is None or stop.request not in unserved:
                continue
            if permitted(problem, caravan, request) or not fits(caravan, request):
                continue
            by_city[request.city][caravan.code].add(request.code)

    proposals = []
    for grants in by_city.values():
        served = sorted({code for codes in grants.values() for code in codes})
        counties = sorted({requests[code].county for code in served})
        proposals.append(
            (
                -sum(problem.weights.weight(requests[code]) for code in served),
                len(grants) + len(counties),
                JointTourProposal(
                    caravans=tuple(sorted(grants)), regions=tuple(counties), requests=tuple(served)
                ),
            )
        )
    proposals.sort(key=lambda p: (p[0], p[1], p[2].regions))
    return [p for _w, _n, p in proposals]


def merged(proposals: Sequence[JointTourProposal]) -> JointTourProposal:
    """One joint tour holding every caravan, region and request of `proposals`."""
    return JointTourProposal(
        caravans=tuple(sorted({c for p in proposals for c in p.caravans})),
        regions=tuple(sorted({r for p in proposals for r in p.regions})),
        requests=tuple(sorted({r for p in proposals for r in p.requests})),
    )


def gain(problem: TourProblem, before: TourSolution, after: TourSolution) -> LinkageGain:
    """What `after` serves and costs beyond `before`, both plans of `problem`'s requests."""
    requests = {r.code: r for r in problem.requests}

    def served(solution: TourSolution) -> set[str]:
        return {s.request for t in solution.trips for s in t.stops}

    def days(solution: TourSolution) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for trip in solution.trips:
            out[trip.caravan] += trip.days
        return out

    old, new = served(before), served(after)
    old_days, new_days = days(before), days(after)
    changed = {
        code: new_days.get(code, 0) - old_days.get(code, 0)
        for code in sorted(set(old_days) | set(new_days))
        if new_days.get(code, 0) != old_days.get(code, 0)
    }

    def count(codes: Sequence[str] | set[str], test: str) -> int:
        return sum(1 for code in codes if code in requests and getattr(requests[code], test))

    return LinkageGain(
        served=len(new) - len(old),
        key_county=count(new, "key_county") - count(old, "key_county"),
        township=count(new, "township") - count(old, "township"),
        km=after.km - before.km,
        days_per_caravan=changed,
    )


# --- the advice ------------------------------------------------------------------------------------


def plan_figures(problem: TourProblem, solution: TourSolution) -> PlanFigures:
    served = {s.request for t in solution.trips for s in t.stops}
    return PlanFigures(
        requests=len(problem.requests),
        served=len(served),
        key_county_requests=sum(1 for r in problem.requests if r.key_county),
        key_county_served=sum(1 for r in problem.requests if r.key_county and r.code in served),
        township_served=sum(1 for r in problem.requests if r.township and r.code in served),
        km=solution.km,
        utilisation=utilisation(problem, solution),
    )


def _solve(problem: TourProblem, control: SolveControl) -> TourSolution:
    """A checked plan, or NoPlan: the advice is measured on plans the checker passed."""
    solution = plan_tours(problem, control)
    if not solution.status.has_plan:
        raise NoPlan(SolveTask.TOURS, solution.status, control.time_limit)
    violations = check_tours(problem, solution)
    if violations:  # the planner and the checker disagree: a bug, not advice
        raise CaravanError(
            f"the checker found {len(violations)} violation(s) in a linkage re-plan: this is a bug",
            code="checker_found_violations",
            count=len(violations),
        )
    return solution


def advise(
    problem: TourProblem,
    max_joint_tours: int,
    control: SolveControl,
    on_step: Callable[[LinkageStep, int], None] | None = None,
) -> tuple[PlanFigures, PlanFigures, tuple[Proposal, ...]]:
    """The baseline, the potential and the proposals kept, for a problem (see the module's note)."""

    def step(what: LinkageStep, number: int = 0) -> None:
        if on_step is not None:
            on_step(what, number)

    seconds = control.time_limit
    step(LinkageStep.BASELINE)
    baseline = _solve(problem, control.part(seconds))
    step(LinkageStep.POTENTIAL)
    potential_problem = anywhere(problem)
    potential = _solve(potential_problem, control.part(seconds))
    kept: list[Proposal] = []
    before = baseline
    waiting = propose(problem, baseline, potential)
    number, may_merge = 0, True
    while waiting and len(kept) < max_joint_tours and not control.cancelled:
        if may_merge and len(kept) == max_joint_tours - 1 and len(waiting) > 1:
            # The last place takes every grant still waiting, so that a small N still captures most
            # of the potential; should the merged tour bring nothing, the grants are tried one by one.
            candidate, rest = merged(waiting), waiting
            waiting, may_merge = [], False
        else:
            candidate, rest = waiting.pop(0), []
        number += 1
        step(LinkageStep.PROPOSAL, number)
        trial_problem = with_proposals(problem, [p.joint_tour for p in kept] + [candidate])
        trial = _solve(trial_problem, control.part(seconds))
        brought = gain(problem, before, trial)
        # Kept only if it serves more, or as many with more in key counties: with every proposal the
        # plan never serves fewer requests than under the rules as they stand.
        if brought.served < 0 or (brought.served == 0 and brought.key_county <= 0):
            _log.info("linkage: proposal %s brought nothing; left out", candidate.regions)
            waiting = rest or waiting
            continue
        kept.append(Proposal(candidate, brought, plan_figures(problem, trial)))
        before = trial
    return plan_figures(problem, baseline), plan_figures(potential_problem, potential), tuple(kept)
