"""Museum-set rotation with CP-SAT: which set stands in which venue in each period, and the truck moves.

The model and the rules of a set's positions and moves are in rotation_model.py.
Hosting comes first and kilometres only break ties, solved in phases: (1) maximise Σ weight·x
without arcs (the changeover rule as "this position forbids those next"), which proves fast;
(2) a short step keeping that weight moves the plan's halls near the sets' homes; (3) with the
weight held (as an equality when proven), minimise truck-km over the arcs, hinted by step 2.
Above MAX_ARCS arcs, step 3 lets each hall reach only its nearest halls, so its km bound proves
nothing; a Lagrangian relaxation over every arc (rotation_bound.py) gives the bound instead.
The schedule of each move (which window days are uninstall, drive, install) follows from the arcs
chosen; the checker (rotation_check.py) rebuilds and verifies it on its own.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta

from caravan_app import log
from caravan_app.domain.outcomes import RotationRule, SolveStatus
from caravan_app.errors import CaravanError
from caravan_app.planning.control import SolveControl
from caravan_app.planning.cpsat import Callback, outcome, solve_cp
from caravan_app.planning.rotation_bound import KmRelaxation
from caravan_app.planning.rotation_model import (
    HOME,
    START,
    Node,
    RotationModel,
    drive_days,
    move_km,
    road_km,
)
from caravan_app.planning.rotation_problem import (
    Period,
    RotationLock,
    RotationProblem,
    RotationSet,
    RotationSolution,
    SetMove,
    Stay,
)

_log = log.get(log.PLANNING)

_Plan = tuple[tuple[Stay, ...], tuple[SetMove, ...]]

# CP-SAT workers for the km phase when there are no more cores than these.
PROVING_SUBSOLVERS = ("max_lp", "core")


class RotationLockError(CaravanError):
    """A lock the rules forbid: the rule it breaks, and its set, venue and period (0-based)."""

    def __init__(self, rule: RotationRule, set_code: str, venue_code: str, period: int, detail: str) -> None:
        self.rule, self.set_code, self.venue_code, self.period = rule, set_code, venue_code, period
        super().__init__(f"lock {set_code} in {venue_code}, period {period + 1}: {detail}")


def check_locks(problem: RotationProblem) -> None:
    """Raise RotationLockError for a lock no plan can keep, naming the rule it breaks."""
    sets = {s.code: s for s in problem.sets}
    venues = {v.code: v for v in problem.venues}
    seen_set: dict[tuple[str, int], str] = {}
    seen_venue: dict[tuple[str, int], str] = {}
    for lock in problem.locks:

        def refuse(rule: RotationRule, detail: str, lock: RotationLock = lock) -> RotationLockError:
            return RotationLockError(rule, lock.set_code, lock.venue_code, lock.period, detail)

        s, v = sets.get(lock.set_code), venues.get(lock.venue_code)
        if s is None or v is None or lock.period not in range(len(problem.periods)):
            raise refuse(RotationRule.UNKNOWN_SET, "no such set, venue or period")
        if v.hall_area_m2 < s.hall_area_m2:
            raise refuse(
                RotationRule.HALL_TOO_SMALL,
                f"the hall ({v.hall_area_m2:.0f} m²) is smaller than the set needs ({s.hall_area_m2:.0f} m²)",
            )
        if lock.period not in v.periods:
            raise refuse(RotationRule.VENUE_NOT_HOSTING, "the venue does not host in that period")
        if s.code in v.hosted_before or (s.start_installed and v.code == s.start.code):
            raise refuse(RotationRule.HOSTED_BEFORE, "the venue has had this set before")
        if lock.period < s.stays_at_start or lock.period in s.unavailable:
            raise refuse(RotationRule.SET_UNAVAILABLE, "the set is not available in that period")
        if s.cities and v.city not in s.cities:
            raise refuse(RotationRule.OUTSIDE_REGION, "the venue is outside the set's region")
        label = f"lock {lock.set_code} in {lock.venue_code}, period {lock.period + 1}"
        for key, seen, rule in (
            ((s.code, lock.period), seen_set, RotationRule.SET_TWICE_IN_PERIOD),
            ((v.code, lock.period), seen_venue, RotationRule.VENUE_TWICE_IN_PERIOD),
        ):
            if key in seen:
                raise refuse(rule, f"clashes with {seen[key]}")
            seen[key] = label
    by_set: dict[str, list[RotationLock]] = defaultdict(list)
    for lock in problem.locks:
        by_set[lock.set_code].append(lock)
    for locks in by_set.values():
        venues_locked = [lk.venue_code for lk in locks]
        if len(venues_locked) != len(set(venues_locked)):
            again = next(lk for lk in locks if venues_locked.count(lk.venue_code) > 1)
            raise RotationLockError(
                RotationRule.VENUE_REPEATED,
                again.set_code,
                again.venue_code,
                again.period,
                "locks put the set in the same venue twice",
            )


class _Progress(Callback):
    """Reports each better solution: hosted weight and count, the weight bound, and truck-km in phase 2."""

    def __init__(
        self, built: RotationModel, control: SolveControl, phase: int, hosted_bound: int | None
    ) -> None:
        super().__init__(control)
        self._built = built
        self._phase = phase
        self._hosted_bound = hosted_bound
        self._weights = {v.code: v.weight for v in built.problem.venues}
        self.first_at: float | None = None

    def on_solution_callback(self) -> None:
        if self.first_at is None:
            self.first_at = self._control.elapsed
        on = [key for key, lit in self._built.x.items() if self.boolean_value(lit)]
        weight = sum(self._weights[v] for _, v, _ in on)
        if self._phase == 1:
            self._control.report(weight, len(on), self.best_objective_bound)
        elif self._phase == NEAR_HOME_PHASE:
            self._control.report(weight, len(on), self._hosted_bound)
        else:
            self._control.report(weight, len(on), self._hosted_bound, km=self.objective_value)
        self.count()


# Phase 1 (hosting) gets at most this share of the time limit; phase 2 (kilometres) the rest.
HOSTING_SHARE = 0.6
# Above this many arcs the km model is built sparse: each hall reaches only its nearest halls. CP-SAT's
# memory grows with the arcs: on the 40-set case (bench.rotation) 300,000 peaked at 2.0-2.06 GB with two
# workers, 150,000 at 1.4 GB, and the plans' km were no worse (136,400 against 137,800-144,700).
MAX_ARCS = 150_000
MIN_NEAREST = 8
# The relaxation's km bound gets at most this many seconds and this share of the time left.
BOUND_SECONDS = 10.0
BOUND_SHARE = 0.2
# The step between the phases that moves the plan's halls near the sets' homes gets at most this.
NEAR_HOME_SECONDS = 10.0
NEAR_HOME_PHASE = 3


def plan_rotation(
    problem: RotationProblem, control: SolveControl | None = None, workers: int | None = None
) -> RotationSolution:
    """Solve the rotation: most hosted weight first (phase 1), then fewest truck-km keeping that
    weight (phase 3, started from phase 1's plan moved near home), with a bound on those km.
    Optimal only if both phases are proven."""
    control = control or SolveControl()
    control.start_clock()
    workers = workers or control.cp_workers
    check_locks(problem)
    hosting = RotationModel(problem, arcs=False)
    hosting.model.maximize(hosting.hosted())
    _log.info(
        "rotation: %d sets, %d venues, %d periods, %d stay variables",
        len(problem.sets),
        len(problem.venues),
        len(problem.periods),
        len(hosting.x),
    )
    first = _Progress(hosting, control, 1, None)
    solver1, status1 = solve_cp(hosting.model, control, first, control.remaining * HOSTING_SHARE, workers)
    hosting_status = outcome(status1, control)
    if not hosting_status.has_plan:
        return RotationSolution((), (), hosting_status, solve_seconds=control.elapsed)
    hosting_seconds = control.elapsed
    positions = {key: solver1.boolean_value(lit) for key, lit in hosting.x.items()}
    weight = round(solver1.objective_value)
    weight_bound = math.floor(solver1.best_objective_bound + 1e-6)
    if not control.cancelled and control.remaining > 1.0:
        positions = _near_home(problem, control, positions, weight, weight_bound, workers)
    result = _plan_from(problem, hosting, positions)
    km_bound: float | None = None
    status = hosting_status
    if not control.cancelled and control.remaining > 0.5:
        hosted = (weight, weight_bound, hosting_status is SolveStatus.OPTIMAL)
        result, km_bound, proven = _fewest_km(problem, control, hosting, positions, result, hosted, workers)
        if not proven:
            status = SolveStatus.FEASIBLE
    else:
        # No time was left to minimise the truck-km: the plan hosts the most, its km are not proven.
        status = SolveStatus.FEASIBLE
    stays, moves = result
    return RotationSolution(
        stays=stays,
        moves=moves,
        status=status,
        hosted_weight=sum(_weights(problem)[st.venue_code] for st in stays),
        hosted_bound=weight_bound,
        truck_km=round(sum(mv.truck_km for mv in moves), 1),
        truck_km_bound=km_bound,
        solve_seconds=control.elapsed,
        first_solution_seconds=first.first_at,
        hosting_seconds=hosting_seconds,
    )


def _fewest_km(
    problem: RotationProblem,
    control: SolveControl,
    hosting: RotationModel,
    positions: dict[tuple[str, str, int], bool],
    result: _Plan,
    hosted: tuple[int, int, bool],
    workers: int,
) -> tuple[_Plan, float | None, bool]:
    """Phase 3: the fewest truck-km keeping the weight, started from `positions` (`result` as a plan).
    `hosted`: the weight, its bound and whether it is proven the most (then it is held exactly).
    Returns the plan, a bound on the km of any plan hosting the weight, and whether the plan's km
    are proven the least."""
    weight, weight_bound, held_exactly = hosted
    km_bound: float | None = None
    full = hosting.arc_count()
    nearest = None
    if full > MAX_ARCS:
        positions_count = sum(len(r) for rows in hosting.positions.values() for r in rows)
        nearest = max(MIN_NEAREST, MAX_ARCS // positions_count)
        _log.info("rotation: %d arcs in a full model; each hall reaches its %d nearest", full, nearest)
    driving = RotationModel(problem, arcs=True, nearest=nearest, keep=hosting.paths(positions))
    if held_exactly:
        # No plan hosts more: saying so helps the km phase's relaxation and search.
        driving.model.add(driving.hosted() == weight)
    else:
        driving.model.add(driving.hosted() >= weight)
    driving.model.minimize(driving.truck_km())
    for key, lit in driving.x.items():
        driving.model.add_hint(lit, positions.get(key, False))
    driving.hint_home(hosting.paths(positions))
    second = _Progress(driving, control, 2, weight_bound)
    # On a machine of two cores CP-SAT's own pair of workers rarely proves the km phase; its
    # LP-heavy workers do (the demo in about 9 s instead of not within 15).
    subsolvers = PROVING_SUBSOLVERS if workers <= len(PROVING_SUBSOLVERS) else ()
    # Time is kept for the relaxation's bound, in case CP-SAT's proves nothing (always, where the model
    # is sparse). It runs after CP-SAT, so it adds nothing to the solve's peak memory.
    reserve = min(BOUND_SECONDS, control.remaining * BOUND_SHARE)
    solver, status = solve_cp(
        driving.model, control, second, control.remaining - reserve, workers, subsolvers
    )
    driving_status = outcome(status, control)
    if driving_status.has_plan:
        positions = {key: solver.boolean_value(lit) for key, lit in driving.x.items()}
        result = _plan_from(problem, driving, positions)
    proven = nearest is None and driving_status is SolveStatus.OPTIMAL
    model_bound = solver.best_objective_bound if nearest is None and driving_status.has_plan else None
    del driving, solver, second  # the relaxation's memory comes out of theirs
    relax = not proven and not control.cancelled and control.remaining > 0.5
    if model_bound is None and not relax:
        return result, None, proven
    relaxation = KmRelaxation(problem)
    if model_bound is not None:
        km_bound = relaxation.model_bound(model_bound)
    if relax:
        relaxed = _relaxed_bound(relaxation, control, weight, held_exactly, result)
        if relaxed is not None:
            km_bound = max(km_bound or 0.0, relaxed)
    return result, km_bound, proven


def _relaxed_bound(
    relaxation: KmRelaxation, control: SolveControl, weight: int, held_exactly: bool, plan: _Plan
) -> float | None:
    target = sum(mv.truck_km for mv in plan[1])
    bound = relaxation.bound(weight, held_exactly, target, min(BOUND_SECONDS, control.remaining), control)
    _log.info("rotation: the relaxation bounds the truck-km at %s (plan %.0f)", bound, target)
    return bound


def _near_home(
    problem: RotationProblem,
    control: SolveControl,
    positions: dict[tuple[str, str, int], bool],
    weight: int,
    weight_bound: int,
    workers: int,
) -> dict[tuple[str, str, int], bool]:
    """Among plans of the same hosted weight, one with halls near the sets' homes: a quick model
    without arcs whose plan is a far better start for the km phase than an arbitrary one."""
    near = RotationModel(problem, arcs=False)
    near.model.add(near.hosted() >= weight)
    near.model.minimize(near.home_km())
    for key, lit in near.x.items():
        near.model.add_hint(lit, positions.get(key, False))
    seconds = min(NEAR_HOME_SECONDS, control.remaining * 0.2)
    progress = _Progress(near, control, NEAR_HOME_PHASE, weight_bound)
    solver, status = solve_cp(near.model, control, progress, seconds, workers)
    if outcome(status, control).has_plan:
        return {key: solver.boolean_value(lit) for key, lit in near.x.items()}
    return positions


def _weights(problem: RotationProblem) -> dict[str, int]:
    return {v.code: v.weight for v in problem.venues}


def _plan_from(
    problem: RotationProblem, built: RotationModel, chosen: dict[tuple[str, str, int], bool]
) -> _Plan:
    """Stays and scheduled moves from where each set is in each period."""
    locked = {(lk.set_code, lk.venue_code, lk.period) for lk in problem.locks}
    keys = built.paths(chosen)
    where = {
        code: [next(n for n, _ in row if n.key == key) for row, key in zip(rows, keys[code], strict=True)]
        for code, rows in built.positions.items()
    }
    stays: list[Stay] = []
    moves: list[SetMove] = []
    for period in problem.periods:
        t = period.index
        # Who leaves which hall in this window, so that an incoming set waits for it.
        leaving = {
            where[other.code][t].place.code: other
            for other in problem.sets
            if where[other.code][t].installed and where[other.code][t].key != where[other.code][t + 1].key
        }
        for s in problem.sets:
            a, b = where[s.code][t], where[s.code][t + 1]
            if b.key not in (HOME, START):
                stays.append(
                    Stay(s.code, b.key, t, _day_after(period), period.end, (s.code, b.key, t) in locked)
                )
            if a.key != b.key:
                moves.append(_move(problem, s, a, b, period, leaving.get(b.place.code)))
    return tuple(stays), tuple(moves)


def _day_after(period: Period) -> date:
    last = period.changeover[-1] if period.changeover else period.start - timedelta(days=1)
    return last + timedelta(days=1)


def _move(
    problem: RotationProblem, s: RotationSet, a: Node, b: Node, period: Period, leaving: RotationSet | None
) -> SetMove:
    """Lay the move on the window's working days: uninstall, drive, then install once the hall is free."""
    window = period.changeover
    uninstall = s.uninstall_days if a.installed else 0
    drive = drive_days(problem, road_km(problem, a.place, b.place))
    install_from = uninstall + drive
    to_venue = b.key not in (HOME, START)
    if to_venue and leaving is not None and leaving.code != s.code:
        install_from = max(install_from, leaving.uninstall_days)
    install = s.install_days if to_venue else 0
    return SetMove(
        set_code=s.code,
        period=period.index,
        from_code=a.place.code,
        to_code=b.place.code,
        km=move_km(problem, a.place, b.place),
        truck_loads=s.truck_loads,
        uninstall=tuple(window[:uninstall]),
        drive=tuple(window[uninstall : uninstall + drive]),
        install=tuple(window[install_from : install_from + install]),
    )
