"""Museum-set rotation with CP-SAT: which set stands in which venue in each period, and the truck moves.

The model, per set s and period t:
- x[s,v,t] for each venue v that s may stand in during t: the hall is big enough, v hosts in t, s is
  not in maintenance, v never had s (history and earlier periods of this plan), the region rule holds.
- The set's position in each period is one of its x's or "home" (in store); before the horizon it is
  where it stands now. A boolean per pair of consecutive positions (an arc) carries the truck
  kilometres; arcs whose uninstall + drive + install do not fit the changeover window are left out.
  A single possible position needs no booleans at all, so sets in store or in maintenance cost little.
- Each venue holds at most one set per period, and a venue's outgoing set must be uninstalled and its
  incoming set installed in the same window.
- Hosting comes first and kilometres only break ties, solved in phases: (1) maximise Σ weight·x
  without arcs (the changeover rule as "this position forbids those next"), which proves fast;
  (2) a short step keeping that weight moves the plan's halls near the sets' homes; (3) with the
  weight held (as an equality when proven), minimise truck-km over the arcs, hinted by step 2.
  Above MAX_ARCS arcs, step 3 lets each hall reach only its nearest halls and claims no km bound.
The schedule of each move (which window days are uninstall, drive, install) follows from the arcs
chosen; the checker (rotation_check.py) rebuilds and verifies it on its own.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ortools.sat.python import cp_model

from caravan_app import log
from caravan_app.domain.outcomes import RotationRule, SolveStatus
from caravan_app.errors import CaravanError
from caravan_app.planning.control import SolveControl
from caravan_app.planning.cpsat import Callback, outcome, solve_cp
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.rotation_problem import (
    HostVenue,
    Period,
    Place,
    RotationLock,
    RotationProblem,
    RotationSet,
    RotationSolution,
    SetMove,
    Stay,
)

_log = log.get(log.PLANNING)

# CP-SAT workers for the km phase when there are no more cores than these.
PROVING_SUBSOLVERS = ("max_lp", "core")

HOME = "@home"
START = "@start"


class RotationLockError(CaravanError):
    """A lock the rules forbid: the rule it breaks, and its set, venue and period (0-based)."""

    def __init__(self, rule: RotationRule, set_code: str, venue_code: str, period: int, detail: str) -> None:
        self.rule, self.set_code, self.venue_code, self.period = rule, set_code, venue_code, period
        super().__init__(f"lock {set_code} in {venue_code}, period {period + 1}: {detail}")


@dataclass(frozen=True)
class _Node:
    """Where a set is in one period: a venue, its home depot, or where it stood at the start."""

    key: str  # venue code, HOME or START
    place: Place
    installed: bool  # standing in a venue: leaving means uninstalling


def road_km(problem: RotationProblem, a: Place, b: Place) -> float:
    if a.code == b.code:
        return 0.0
    return great_circle_km(a.location, b.location) * problem.road_factor


def drive_days(problem: RotationProblem, km: float) -> int:
    """Working days a truck needs for a move; any move between two places takes at least one."""
    if km <= 0:
        return 0
    return max(1, math.ceil(km / problem.truck_km_per_day - 1e-9))


def move_days(problem: RotationProblem, s: RotationSet, a: _Node, b: _Node) -> int:
    """Window days a set's own move needs: uninstall, drive, install."""
    if a.key == b.key:
        return 0
    days = drive_days(problem, road_km(problem, a.place, b.place))
    if a.installed:
        days += s.uninstall_days
    if b.key not in (HOME, START):
        days += s.install_days
    return days


def allowed_venues(problem: RotationProblem, s: RotationSet, t: int) -> list[HostVenue]:
    """Venues s may stand in during period t, by every rule that needs no other set."""
    if t < s.stays_at_start or t in s.unavailable:
        return []
    return [
        v
        for v in problem.venues
        if t in v.periods
        and v.hall_area_m2 >= s.hall_area_m2
        and s.code not in v.hosted_before
        and (not s.cities or v.city in s.cities)
        and not (s.start_installed and v.code == s.start.code)
    ]


def _occupant_leaving(problem: RotationProblem, venue: str, t: int) -> RotationSet | None:
    """A set booked before this plan that stands in `venue` until period t starts."""
    for s in problem.sets:
        if s.start_installed and s.start.code == venue and s.stays_at_start == t:
            return s
    return None


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


Literal = cp_model.IntVar | bool  # a model literal, or a constant where the position is fixed
Row = list[tuple[_Node, Literal]]


class _Model:
    """The rotation model. Without arcs (phase 1) it maximises hosted weight, with the changeover
    rule as "this position forbids those next"; with arcs (phase 2) it carries the truck-km."""

    def __init__(
        self,
        problem: RotationProblem,
        *,
        arcs: bool,
        nearest: int | None = None,
        keep: dict[str, list[str]] | None = None,
    ) -> None:
        self.problem = problem
        # With `nearest`, a set goes from a hall only to its nearest halls or home, plus the steps of
        # the plan in `keep`: a smaller model for large provinces whose km bound proves nothing.
        self.nearest = nearest
        self.keep = keep or {}
        self.model = cp_model.CpModel()
        self.x: dict[tuple[str, str, int], cp_model.IntVar] = {}
        # positions[s][t + 1]: the nodes set s may be at in period t (row 0: before the horizon).
        self.positions: dict[str, list[Row]] = {}
        self.cost_terms: list[tuple[cp_model.IntVar, int]] = []
        self.fixed_cost = 0
        for s in problem.sets:
            rows = self._rows(s)
            self.positions[s.code] = rows
            if arcs:
                self._arcs(s, rows)
            else:
                self._reachable(s, rows)
        self._one_per_venue()
        self._venue_changeovers()
        for lock in problem.locks:
            self.model.add(self.x[(lock.set_code, lock.venue_code, lock.period)] == 1)

    def _nodes(self, s: RotationSet, t: int) -> list[_Node]:
        home = _Node(HOME, s.home, False)
        if t < 0 or t < s.stays_at_start:
            if s.start.code == s.home.code and not s.start_installed:
                return [home]
            return [_Node(START, s.start, s.start_installed)]
        if t in s.unavailable:
            return [home]
        venues = [
            _Node(v.code, Place(v.code, v.name, v.location), True) for v in allowed_venues(self.problem, s, t)
        ]
        return [home, *venues]

    def _rows(self, s: RotationSet) -> list[Row]:
        m = self.model
        rows: list[Row] = []
        for t in range(-1, len(self.problem.periods)):
            nodes = self._nodes(s, t)
            if len(nodes) == 1:
                rows.append([(nodes[0], True)])
                continue
            row: Row = []
            for node in nodes:
                if node.key == HOME:
                    lit = m.new_bool_var(f"home[{s.code},{t}]")
                else:
                    lit = m.new_bool_var(f"x[{s.code},{node.key},{t}]")
                    self.x[(s.code, node.key, t)] = lit
                row.append((node, lit))
            m.add_exactly_one(lit for _, lit in row)
            rows.append(row)
        return rows

    def _reachable(self, s: RotationSet, rows: list[Row]) -> None:
        """A position rules out the next positions its move cannot reach within the window."""
        p = self.problem
        for t in range(len(p.periods)):
            window = len(p.periods[t].changeover)
            for a, lit_a in rows[t]:
                unreachable = [lit_b for b, lit_b in rows[t + 1] if move_days(p, s, a, b) > window]
                if unreachable:
                    self._at_most_one([lit_a, *unreachable])

    def _at_most_one(self, literals: list[Literal]) -> None:
        variables = [lit for lit in literals if not isinstance(lit, bool)]
        fixed = sum(1 for lit in literals if lit is True)
        if fixed:
            for lit in variables:
                self.model.add(lit == 0)
            if fixed > 1:
                self.model.add_bool_or([])  # two fixed positions that cannot follow: no plan
        elif len(variables) > 1:
            self.model.add_at_most_one(variables)

    def _arcs(self, s: RotationSet, rows: list[Row]) -> None:
        """A boolean per feasible pair of consecutive positions; flow keeps them consistent."""
        p, m = self.problem, self.model
        for t in range(len(p.periods)):
            before, after = rows[t], rows[t + 1]
            window = len(p.periods[t].changeover)
            outgoing: dict[str, list[Literal]] = defaultdict(list)
            incoming: dict[str, list[Literal]] = defaultdict(list)
            kept = self.keep.get(s.code)
            for a, lit_a in before:
                reach = self._reach(a, after, None if kept is None else (kept[t], kept[t + 1]))
                for b, lit_b in after:
                    if (reach is not None and b.key not in reach) or move_days(p, s, a, b) > window:
                        continue
                    cost = round(road_km(p, a.place, b.place) * s.truck_loads)
                    lit: Literal
                    if len(before) == 1:
                        lit = lit_b
                    elif len(after) == 1:
                        lit = lit_a
                    else:
                        lit = m.new_bool_var(f"arc[{s.code},{t},{a.key},{b.key}]")
                        if kept is not None:
                            # A complete hint lets the solver start from the plan it is given at once.
                            m.add_hint(lit, (a.key, b.key) == (kept[t], kept[t + 1]))
                    outgoing[a.key].append(lit)
                    incoming[b.key].append(lit)
                    if lit is True:
                        self.fixed_cost += cost
                    elif cost and not isinstance(lit, bool):
                        self.cost_terms.append((lit, cost))
            for a, lit_a in before:
                self._flow(lit_a, outgoing[a.key])
            for b, lit_b in after:
                self._flow(lit_b, incoming[b.key])

    def _reach(self, a: _Node, after: Row, kept: tuple[str, str] | None) -> set[str] | None:
        """Where a set may go next from `a` in a sparse model (None: anywhere)."""
        if self.nearest is None or a.key in (HOME, START):
            return None
        halls = sorted(
            (road_km(self.problem, a.place, b.place), b.key) for b, _ in after if b.key not in (HOME, START)
        )
        reach = {key for _, key in halls[: self.nearest]} | {HOME, START}
        if kept is not None and kept[0] == a.key:
            reach.add(kept[1])
        return reach

    def hint_home(self, paths: dict[str, list[str]]) -> None:
        """Hint the in-store positions of a plan (its halls are hinted through x)."""
        for code, rows in self.positions.items():
            for t, row in enumerate(rows):
                for node, lit in row:
                    if node.key == HOME and not isinstance(lit, bool):
                        self.model.add_hint(lit, paths[code][t] == HOME)

    def arc_count(self) -> int:
        """Pairs of consecutive positions over all sets: the size of a full arc model."""
        return sum(
            len(r1) * len(r2) for rows in self.positions.values() for r1, r2 in itertools.pairwise(rows)
        )

    def paths(self, chosen: dict[tuple[str, str, int], bool]) -> dict[str, list[str]]:
        """Each set's position key per row (row 0: before the horizon) in a plan."""
        out: dict[str, list[str]] = {}
        for code, rows in self.positions.items():
            path = []
            for t, row in enumerate(rows):
                hall = next(
                    (
                        n.key
                        for n, _ in row
                        if n.key not in (HOME, START) and chosen.get((code, n.key, t - 1))
                    ),
                    None,
                )
                path.append(hall or next(n.key for n, _ in row if n.key in (HOME, START)))
            out[code] = path
        return out

    def _flow(self, position: Literal, arcs: list[Literal]) -> None:
        """Exactly one arc leaves (or enters) a position the set takes, none otherwise."""
        if len(arcs) == 1 and arcs[0] is position:
            return
        literals = [a for a in arcs if not isinstance(a, bool)]
        constant = sum(1 for a in arcs if a is True)
        if position is True:
            self.model.add(sum(literals) + constant == 1)
        else:
            self.model.add(sum(literals) + constant == position)

    def _one_per_venue(self) -> None:
        """One set per venue per period; one stay per set and venue over the horizon."""
        by_venue_period: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
        by_set_venue: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
        for (s_code, v_code, t), lit in self.x.items():
            by_venue_period[(v_code, t)].append(lit)
            by_set_venue[(s_code, v_code)].append(lit)
        for lits in (*by_venue_period.values(), *by_set_venue.values()):
            if len(lits) > 1:
                self.model.add_at_most_one(lits)

    def _venue_changeovers(self) -> None:
        """The outgoing set's uninstall and the incoming set's install share the venue's window."""
        p, m = self.problem, self.model
        sets = {s.code: s for s in p.sets}
        by_venue_period: dict[tuple[str, int], list[tuple[RotationSet, cp_model.IntVar]]] = defaultdict(list)
        for (s_code, v_code, t), lit in self.x.items():
            by_venue_period[(v_code, t)].append((sets[s_code], lit))
        for (v_code, t), incoming in by_venue_period.items():
            window = len(p.periods[t].changeover)
            occupant = _occupant_leaving(p, v_code, t)
            for s, lit in incoming:
                if occupant is not None and occupant.uninstall_days + s.install_days > window:
                    m.add(lit == 0)
                for other, prev in by_venue_period.get((v_code, t - 1), []):
                    if other.uninstall_days + s.install_days > window:
                        m.add_bool_or([prev.Not(), lit.Not()])

    def hosted(self) -> cp_model.LinearExpr:
        venues = {v.code: v for v in self.problem.venues}
        return cp_model.LinearExpr.weighted_sum(
            list(self.x.values()), [venues[v].weight for (_, v, _) in self.x]
        )

    def home_km(self) -> cp_model.LinearExpr:
        """Truck-km from each set's home to each hall it stands in: a linear stand-in for the moves
        that a model without arcs can carry."""
        sets = {s.code: s for s in self.problem.sets}
        venues = {v.code: v for v in self.problem.venues}
        costs = [
            round(road_km(self.problem, sets[s].home, Place(v, "", venues[v].location)) * sets[s].truck_loads)
            for (s, v, _) in self.x
        ]
        return cp_model.LinearExpr.weighted_sum(list(self.x.values()), costs)

    def truck_km(self) -> cp_model.LinearExpr:
        return (
            cp_model.LinearExpr.weighted_sum(
                [lit for lit, _ in self.cost_terms], [cost for _, cost in self.cost_terms]
            )
            + self.fixed_cost
        )


class _Progress(Callback):
    """Reports each better solution: hosted weight and count, the weight bound, and truck-km in phase 2."""

    def __init__(self, built: _Model, control: SolveControl, phase: int, hosted_bound: int | None) -> None:
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
# Above this many arcs the km model is built sparse: each hall reaches only its nearest halls.
MAX_ARCS = 300_000
MIN_NEAREST = 8
# The step between the phases that moves the plan's halls near the sets' homes gets at most this.
NEAR_HOME_SECONDS = 10.0
NEAR_HOME_PHASE = 3


def plan_rotation(
    problem: RotationProblem, control: SolveControl | None = None, workers: int | None = None
) -> RotationSolution:
    """Solve the rotation: most hosted weight first (phase 1), then fewest truck-km keeping that
    weight (phase 2, started from phase 1's plan). Optimal only if both phases are proven."""
    control = control or SolveControl()
    control.start_clock()
    workers = workers or control.cp_workers
    check_locks(problem)
    hosting = _Model(problem, arcs=False)
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
        full = hosting.arc_count()
        nearest = None
        if full > MAX_ARCS:
            positions_count = sum(len(r) for rows in hosting.positions.values() for r in rows)
            nearest = max(MIN_NEAREST, MAX_ARCS // positions_count)
            _log.info("rotation: %d arcs in a full model; each hall reaches its %d nearest", full, nearest)
        driving = _Model(problem, arcs=True, nearest=nearest, keep=hosting.paths(positions))
        if hosting_status is SolveStatus.OPTIMAL:
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
        solver2, status2 = solve_cp(driving.model, control, second, control.remaining, workers, subsolvers)
        driving_status = outcome(status2, control)
        if driving_status.has_plan:
            positions = {key: solver2.boolean_value(lit) for key, lit in driving.x.items()}
            result = _plan_from(problem, driving, positions)
            if nearest is None:
                km_bound = max(0.0, solver2.best_objective_bound)
        if driving_status is not SolveStatus.OPTIMAL or nearest is not None:
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
    near = _Model(problem, arcs=False)
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
    problem: RotationProblem, built: _Model, chosen: dict[tuple[str, str, int], bool]
) -> tuple[tuple[Stay, ...], tuple[SetMove, ...]]:
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
    problem: RotationProblem, s: RotationSet, a: _Node, b: _Node, period: Period, leaving: RotationSet | None
) -> SetMove:
    """Lay the move on the window's working days: uninstall, drive, then install once the hall is free."""
    window = period.changeover
    km = road_km(problem, a.place, b.place)
    uninstall = s.uninstall_days if a.installed else 0
    drive = drive_days(problem, km)
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
        km=round(km, 1),
        truck_loads=s.truck_loads,
        uninstall=tuple(window[:uninstall]),
        drive=tuple(window[uninstall : uninstall + drive]),
        install=tuple(window[install_from : install_from + install]),
    )
