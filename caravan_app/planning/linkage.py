"""Linkage (联动): what region rules cost a plan, and which joint tours would win most of it back.

- `utilisation` is each caravan's days on the road against the working days it could have gone.
- `fitting_elsewhere` names, for a request no permitted caravan can serve, the caravans of a wanted type
  and theme that the rules keep from it: nearest first, with how busy they are in the plan.
- `anywhere` is the problem with region rules lifted (every caravan may serve every region): its plan is
  the upper bound on what linkage can bring.
- `propose` takes the requests the real plan leaves unserved for want of a permitted caravan (or of
  its days) and the plan with rules lifted serves, and per city of those requests proposes the fewest
  caravans that fit them, nearest first and the least busy among the near, each allowed the counties of
  the requests it takes; with fewer places than cities, the nearest proposals merge. The caller measures
  each one by re-planning (`with_proposals`, `gain`), since what a grant brings depends on every other.
- `advise` does all of it: the plan as the rules stand (the baseline), the plan with them lifted (the
  potential), then the proposals one at a time, each kept only if its re-plan serves more; what a
  proposal brings is the difference to the plan before it. Key-county requests the re-plans still
  leave out get one more caravan in the nearest proposal. Every plan is checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from caravan_app import log
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
    Point,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    UnservedReason,
    fits,
)
from caravan_app.planning.tour_options import permitted_until
from caravan_app.planning.tours import plan_tours

_log = log.get(log.PLANNING)

ANYWHERE = "anywhere"
# How much farther than the nearest caravan that fits a request a proposal may look for one: a grant to
# a caravan much farther away brings long legs for what a nearer one would do.
REACH_KM = 60.0
# Rounds in which the advisor extends a proposal for key-county requests its plans still leave unserved.
REPAIR_ROUNDS = 2


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


def permitted(problem: TourProblem, caravan: TourCaravan, request: TourRequest) -> bool:
    """The region rule: a county caravan in its county, a city caravan in its city, a provincial one
    anywhere, and any caravan where a joint tour lists it with the request's county or city (on some
    day: a joint tour's last day is the planner's to apply)."""
    return permitted_until(problem, caravan, request) is not None


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


class _Grants:
    """Who a proposal may let serve what: for each request the rules leave unserved and the plan with
    them lifted serves, the caravans that fit it, could go on one of its days and are not permitted,
    nearest first, and how many days each caravan has to spare in the plan as the rules stand."""

    def __init__(self, problem: TourProblem, baseline: TourSolution, potential: TourSolution) -> None:
        self.problem = problem
        self.requests = {r.code: r for r in problem.requests}
        unserved = {
            u.request
            for u in baseline.unserved
            if u.reason in (UnservedReason.NO_PERMITTED_CARAVAN, UnservedReason.CAPACITY)
        }
        served_anywhere = {s.request for t in potential.trips for s in t.stops}
        self.targets = sorted(unserved & served_anywhere)
        use = utilisation(problem, baseline)
        self.days_on_road = {c.caravan: c.days_on_road for c in use.caravans}
        self.spare = {c.caravan: c.available_days - c.days_on_road for c in use.caravans}
        self.km: dict[tuple[str, str], float] = {}
        self._choices: dict[str, list[str]] = {}

    def choices(self, code: str) -> list[str]:
        """The caravans that fit the request, could go on one of its days and are not permitted, the
        nearest first and none beyond REACH_KM farther than it (an empty list when none fits)."""
        if code not in self._choices:
            request = self.requests[code]
            fitting = [
                c
                for c in self.problem.caravans
                if fits(c, request)
                and not permitted(self.problem, c, request)
                and _could_go(self.problem, c, request)
            ]
            for c in fitting:
                self.km[c.code, code] = great_circle_km(c.depot, request.location) * self.problem.road_factor
            fitting.sort(key=lambda c: (self.km[c.code, code], c.code))
            reach = self.km[fitting[0].code, code] + REACH_KM if fitting else 0.0
            self._choices[code] = [c.code for c in fitting if self.km[c.code, code] <= reach]
        return self._choices[code]

    def weight(self, codes: Iterable[str]) -> float:
        return sum(self.problem.weights.weight(self.requests[code]) for code in codes)

    def cover(self, targets: Sequence[str]) -> JointTourProposal | None:
        """The fewest caravans, nearest and least busy first, that between them fit `targets`; each
        takes no more requests than it has days to spare (a show's days each: a tour does a show a day)."""
        uncovered = {code for code in targets if self.choices(code)}
        grants: dict[str, list[str]] = defaultdict(list)
        while uncovered:
            best: tuple[tuple[float, int, float], str, list[str]] | None = None
            for caravan in sorted({c for code in uncovered for c in self.choices(code)}):
                reachable = sorted(
                    (code for code in uncovered if caravan in self.choices(code)),
                    key=lambda code: self.km[caravan, code],
                )
                taken, days = [], self.spare.get(caravan, 0)
                for code in reachable:
                    need = self.requests[code].show_days
                    if need <= days:
                        taken.append(code)
                        days -= need
                if not taken:
                    continue
                mean_km = sum(self.km[caravan, code] for code in taken) / len(taken)
                score = (self.weight(taken), -self.days_on_road.get(caravan, 0), -mean_km)
                if best is None or score > best[0]:
                    best = (score, caravan, taken)
            if best is None:
                break
            _score, caravan, taken = best
            grants[caravan].extend(taken)
            self.spare[caravan] -= sum(self.requests[code].show_days for code in taken)
            uncovered -= set(taken)
        if not grants:
            return None
        served = sorted({code for codes in grants.values() for code in codes})
        return JointTourProposal(
            caravans=tuple(sorted(grants)),
            regions=tuple(sorted({self.requests[code].county for code in served})),
            requests=tuple(served),
        )

    def centre(self, proposal: JointTourProposal) -> Point:
        points = [self.requests[code].location for code in proposal.requests]
        return Point(sum(p.lat for p in points) / len(points), sum(p.lon for p in points) / len(points))


def propose(
    problem: TourProblem, baseline: TourSolution, potential: TourSolution, places: int | None = None
) -> list[JointTourProposal]:
    """Joint tours for the requests the rules leave unserved and the plan with them lifted serves,
    best first.

    One proposal per city of those requests: the fewest caravans that fit them, nearest first and the
    least busy among the near (none farther than REACH_KM beyond the nearest that fits), each allowed the
    counties of the requests it takes. With `places` fewer than the cities, the two proposals nearest each
    other are merged until they fit, so that every proposal stays as local as the number allows. They are
    ranked by the weight of the requests they bring (priority, key counties, townships count more), then
    by fewer caravans and counties. Requests nobody could serve for want of a date, a type or a theme are
    never the reason for a proposal; the plan with rules lifted shows which requests linkage can reach.
    """
    grants = _Grants(problem, baseline, potential)
    by_city: dict[str, list[str]] = defaultdict(list)
    for code in grants.targets:
        by_city[grants.requests[code].city].append(code)
    ranked = sorted(by_city.values(), key=lambda codes: (-grants.weight(codes), codes))
    proposals = [p for p in (grants.cover(codes) for codes in ranked) if p is not None]
    while places is not None and len(proposals) > max(places, 1):
        a, b = min(
            ((i, j) for i in range(len(proposals)) for j in range(i + 1, len(proposals))),
            key=lambda pair: great_circle_km(
                grants.centre(proposals[pair[0]]), grants.centre(proposals[pair[1]])
            ),
        )
        joined = merged([proposals[a], proposals[b]])
        proposals = [p for n, p in enumerate(proposals) if n not in (a, b)] + [joined]
    proposals.sort(key=lambda p: (-grants.weight(p.requests), len(p.caravans) + len(p.regions), p.regions))
    return proposals


def _extended(grants: _Grants, proposal: JointTourProposal, missing: Iterable[str]) -> JointTourProposal:
    """`proposal` also allowing, for each of the `missing` requests, the nearest caravan that fits it and
    is not in the proposal yet (or the nearest that fits, when all are) and the request's county."""
    caravans, regions, requests = set(proposal.caravans), set(proposal.regions), set(proposal.requests)
    for code in missing:
        choices = grants.choices(code)
        if not choices:
            continue
        fresh = [c for c in choices if c not in caravans]
        caravans.add((fresh or choices)[0])
        regions.add(grants.requests[code].county)
        requests.add(code)
    return replace(
        proposal,
        caravans=tuple(sorted(caravans)),
        regions=tuple(sorted(regions)),
        requests=tuple(sorted(requests)),
    )


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
    if on_step is not None:
        on_step(LinkageStep.BASELINE, 0)
    baseline = _solve(problem, control.part(control.time_limit))
    if on_step is not None:
        on_step(LinkageStep.POTENTIAL, 0)
    potential_problem = anywhere(problem)
    potential = _solve(potential_problem, control.part(control.time_limit))
    kept = advise_from(problem, baseline, potential, max_joint_tours, control, on_step)
    return plan_figures(problem, baseline), plan_figures(potential_problem, potential), kept


def advise_from(
    problem: TourProblem,
    baseline: TourSolution,
    potential: TourSolution,
    max_joint_tours: int,
    control: SolveControl,
    on_step: Callable[[LinkageStep, int], None] | None = None,
) -> tuple[Proposal, ...]:
    """The proposals kept, given the plans as the rules stand and with them lifted.

    Each proposal is tried on top of those kept before it and kept only if its re-plan serves more, or
    as many with more in key counties: with every proposal the plan never serves fewer requests than
    under the rules as they stand. Then, for key-county requests the plan with rules lifted serves and
    the last re-plan still leaves out, the nearest proposal is extended by the caravan nearest each and
    its county; kept on the same terms, it moves to the end, its gain what it first brought and what the
    extension brought.
    """
    grants = _Grants(problem, baseline, potential)
    kept: list[Proposal] = []
    before = baseline
    number = 0

    def trial(proposals: Sequence[JointTourProposal]) -> tuple[TourSolution, LinkageGain]:
        nonlocal number
        number += 1
        if on_step is not None:
            on_step(LinkageStep.PROPOSAL, number)
        solution = _solve(with_proposals(problem, proposals), control.part(control.time_limit))
        return solution, gain(problem, before, solution)

    for candidate in propose(problem, baseline, potential, places=max_joint_tours):
        if control.cancelled:
            break
        solution, brought = trial([p.joint_tour for p in kept] + [candidate])
        if not _better(brought):
            _log.info("linkage: proposal %s brought nothing; left out", candidate.regions)
            continue
        kept.append(Proposal(candidate, brought, plan_figures(problem, solution)))
        before = solution

    served_anywhere = {s.request for t in potential.trips for s in t.stops}
    for _round in range(REPAIR_ROUNDS):
        served = {s.request for t in before.trips for s in t.stops}
        missing = sorted(
            code
            for code in served_anywhere - served
            if grants.requests[code].key_county and grants.choices(code)
        )
        if not missing or not kept or control.cancelled:
            break
        nearest = min(
            range(len(kept)),
            key=lambda n: great_circle_km(
                grants.centre(kept[n].joint_tour), grants.requests[missing[0]].location
            ),
        )
        wider = _extended(grants, kept[nearest].joint_tour, missing)
        others = [p for n, p in enumerate(kept) if n != nearest]
        solution, brought = trial([p.joint_tour for p in others] + [wider])
        if not _better(brought):
            break
        first = kept[nearest].gain
        kept = [*others, Proposal(wider, _sum(first, brought), plan_figures(problem, solution))]
        before = solution
    return tuple(kept)


def _better(brought: LinkageGain) -> bool:
    return brought.served > 0 or (brought.served == 0 and brought.key_county > 0)


def _sum(a: LinkageGain, b: LinkageGain) -> LinkageGain:
    days = {
        code: a.days_per_caravan.get(code, 0) + b.days_per_caravan.get(code, 0)
        for code in {*a.days_per_caravan, *b.days_per_caravan}
    }
    return LinkageGain(
        served=a.served + b.served,
        key_county=a.key_county + b.key_county,
        township=a.township + b.township,
        km=a.km + b.km,
        days_per_caravan={code: n for code, n in sorted(days.items()) if n},
    )
