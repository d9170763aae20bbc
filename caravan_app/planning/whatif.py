"""What a term's tours lose (or gain) when a caravan is retired or moved: re-plan and compare.

The baseline is a tour plan of the term. The what-if keeps every visit the other caravans make in
it as a lock (same caravan, same day), frees the visits of the caravan retired or moved, and lets
the tour planner re-insert what it can — the freed visits and those the baseline left unserved —
within a short time limit. So the other caravans' work is not re-shuffled by chance, and what
changes is what the change itself causes. A request only that caravan was permitted to serve
becomes unserved with the planner's reason (no_permitted_caravan), so lost coverage is real.

A kept one-day visit also starts no earlier than it did in the baseline. The planner's greedy start
inserts locked visits one by one, and two on one day could otherwise land in the reverse order and
crowd out a third; the baseline's own times always fit. Should the planner still refuse a lock (its
improvement step can drop one), the greedy start alone is used; and where the baseline's visits
cannot be kept at all (a plan made on other data), the what-if re-plans the whole term without locks
and says so (`locks_kept` false).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from caravan_app import log
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Lock, TourCaravan, TourProblem, TourSolution, Unserved
from caravan_app.planning.tours import LockError, plan_tours

_log = log.get(log.PLANNING)


@dataclass(frozen=True)
class Coverage:
    """What a plan does for the term, in the figures a director compares."""

    requests: int
    served: int
    key_requests: int  # requests in key-assistance counties
    key_served: int  # of those, served
    key_counties: int  # key-assistance counties with at least one request served
    counties: int  # counties with at least one request served
    km: float


@dataclass(frozen=True)
class WhatIfResult:
    caravan: str
    moved_to: str  # depot code where the caravan is moved; empty when it is retired
    before: Coverage
    after: Coverage
    lost: tuple[Unserved, ...]  # served in the baseline, not after, with the planner's reason
    gained: tuple[str, ...]  # request codes served after but not in the baseline
    problem: TourProblem  # what was solved: the changed fleet, the baseline's other visits locked
    solution: TourSolution
    locks_kept: bool = True


def served_requests(solution: TourSolution) -> set[str]:
    return {s.request for t in solution.trips for s in t.stops}


def coverage(problem: TourProblem, solution: TourSolution) -> Coverage:
    served = served_requests(solution)
    requests = [r for r in problem.requests if r.code in served]
    return Coverage(
        requests=len(problem.requests),
        served=len(requests),
        key_requests=sum(1 for r in problem.requests if r.key_county),
        key_served=sum(1 for r in requests if r.key_county),
        key_counties=len({r.county for r in requests if r.key_county}),
        counties=len({r.county for r in requests}),
        km=round(solution.km, 1),
    )


def baseline_locks(baseline: TourSolution, keep: set[str]) -> dict[str, Lock]:
    """Request code -> caravan and first show day, for the baseline visits of the caravans in `keep`."""
    return {code: lock for code, (lock, _) in _baseline_visits(baseline, keep).items()}


def _baseline_visits(baseline: TourSolution, keep: set[str]) -> dict[str, tuple[Lock, int]]:
    """Request code -> its lock and the minute of the day its first show started."""
    visits: dict[str, tuple[Lock, int]] = {}
    for trip in baseline.trips:
        if trip.caravan not in keep:
            continue
        for stop in sorted(trip.stops, key=lambda s: s.show_start):
            start = stop.show_start
            visits.setdefault(
                stop.request, (Lock(trip.caravan, start.date()), start.hour * 60 + start.minute)
            )
    return visits


def keep_visits(problem: TourProblem, baseline: TourSolution, keep: set[str]) -> TourProblem:
    """The problem with the baseline visits of the caravans in `keep` locked (and one-day ones not
    starting earlier than they did); every other request free, whatever lock it had."""
    visits = _baseline_visits(baseline, keep)
    requests = []
    for r in problem.requests:
        if r.code not in visits:
            requests.append(replace(r, lock=None))
            continue
        lock, minute = visits[r.code]
        # A later first day of a multi-day show would push its last day past the trip's end.
        opens = max(r.open_from, minute) if r.show_days == 1 else r.open_from
        requests.append(replace(r, lock=lock, open_from=opens))
    return replace(problem, requests=tuple(requests))


def changed_problem(problem: TourProblem, caravan: str, moved: TourCaravan | None) -> TourProblem:
    """The problem without the caravan, or with it as `moved` (its depot and owner changed)."""
    caravans = tuple(c for c in problem.caravans if c.code != caravan)
    if moved is not None:
        if moved.code != caravan:
            raise ValueError(f"the moved caravan is {moved.code}, not {caravan}")
        caravans = (*caravans, moved)
    return replace(problem, caravans=caravans)


def what_if(
    problem: TourProblem,
    baseline: TourSolution,
    caravan: str,
    moved: TourCaravan | None = None,
    control: SolveControl | None = None,
) -> WhatIfResult:
    """Re-plan the term without `caravan` (or with it as `moved`) and compare with the baseline."""
    control = control or SolveControl(time_limit=10)
    before = coverage(problem, baseline)
    changed = changed_problem(problem, caravan, moved)
    others = {c.code for c in changed.caravans if c.code != caravan}
    locked = keep_visits(changed, baseline, others)
    locks_kept = True
    if not any(c.code == caravan for c in problem.caravans) and moved is None:
        # Not in the plan's fleet (in the workshop, in reserve): retiring it changes nothing this term.
        locked, solution = problem, baseline
    else:
        try:
            solution = plan_tours(locked, control)
        except LockError as exc:
            _log.info(
                "what-if %s: the full solve dropped a kept visit (%s); using the greedy start", caravan, exc
            )
            try:
                solution = plan_tours(locked, SolveControl(time_limit=0, seed=control.seed))
            except LockError as again:
                _log.warning(
                    "what-if %s: baseline visits cannot be kept (%s); re-planning all", caravan, again
                )
                locks_kept = False
                locked = replace(changed, requests=tuple(replace(r, lock=None) for r in changed.requests))
                solution = plan_tours(locked, SolveControl(time_limit=control.time_limit, seed=control.seed))
    after = coverage(changed, solution)
    served_before, served_after = served_requests(baseline), served_requests(solution)
    # The planner gives every request it leaves out a reason.
    reasons = {u.request: u for u in solution.unserved}
    lost = tuple(reasons[code] for code in sorted(served_before - served_after))
    return WhatIfResult(
        caravan=caravan,
        moved_to=moved.depot_code if moved is not None else "",
        before=before,
        after=after,
        lost=lost,
        gained=tuple(sorted(served_after - served_before)),
        problem=locked,
        solution=solution,
        locks_kept=locks_kept,
    )
