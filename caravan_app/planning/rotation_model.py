"""The rotation's CP-SAT model and the rules of a set's positions and moves, which the km bound shares.

The model, per set s and period t:
- x[s,v,t] for each venue v that s may stand in during t: the hall is big enough, v hosts in t, s is
  not in maintenance, v never had s (history and earlier periods of this plan), the region rule holds.
- The set's position in each period is one of its x's or "home" (in store); before the horizon it is
  where it stands now. A boolean per pair of consecutive positions (an arc) carries the truck
  kilometres; arcs whose uninstall + drive + install do not fit the changeover window are left out.
  A single possible position needs no booleans at all, so sets in store or in maintenance cost little.
- Each venue holds at most one set per period, and a venue's outgoing set must be uninstalled and its
  incoming set installed in the same window.
Without arcs the changeover rule is "this position forbids those next", which proves hosting fast.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.rotation_problem import HostVenue, Place, RotationProblem, RotationSet

HOME = "@home"
START = "@start"


@dataclass(frozen=True)
class Node:
    """Where a set is in one period: a venue, its home depot, or where it stood at the start."""

    key: str  # venue code, HOME or START
    place: Place
    installed: bool  # standing in a venue: leaving means uninstalling


def road_km(problem: RotationProblem, a: Place, b: Place) -> float:
    if a.code == b.code:
        return 0.0
    return great_circle_km(a.location, b.location) * problem.road_factor


def move_km(problem: RotationProblem, a: Place, b: Place) -> float:
    """Road km of one truck as a plan reports a move: to 0.1 km."""
    return round(road_km(problem, a, b), 1)


def drive_days(problem: RotationProblem, km: float) -> int:
    """Working days a truck needs for a move; any move between two places takes at least one."""
    if km <= 0:
        return 0
    return max(1, math.ceil(km / problem.truck_km_per_day - 1e-9))


def move_days(problem: RotationProblem, s: RotationSet, a: Node, b: Node) -> int:
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


def position_nodes(problem: RotationProblem, s: RotationSet, t: int) -> list[Node]:
    """Where s may be in period t (t = -1: before the horizon), by every rule that needs no other set."""
    home = Node(HOME, s.home, False)
    if t < 0 or t < s.stays_at_start:
        if s.start.code == s.home.code and not s.start_installed:
            return [home]
        return [Node(START, s.start, s.start_installed)]
    if t in s.unavailable:
        return [home]
    venues = [Node(v.code, Place(v.code, v.name, v.location), True) for v in allowed_venues(problem, s, t)]
    return [home, *venues]


def occupants_leaving(problem: RotationProblem) -> dict[tuple[str, int], RotationSet]:
    """(venue, t): a set booked before this plan that stands in the venue until period t starts."""
    out: dict[tuple[str, int], RotationSet] = {}
    for s in problem.sets:
        if s.start_installed:
            out.setdefault((s.start.code, s.stays_at_start), s)
    return out


def arc_cost(problem: RotationProblem, s: RotationSet, a: Node, b: Node) -> int:
    """What a move costs in the model: its truck-km to the whole km, as CP-SAT wants integers."""
    return round(road_km(problem, a.place, b.place) * s.truck_loads)


Literal = cp_model.IntVar | bool  # a model literal, or a constant where the position is fixed
Row = list[tuple[Node, Literal]]


class RotationModel:
    """The rotation model. Without arcs it carries hosted weight, with the changeover rule as "this
    position forbids those next"; with arcs it carries the truck-km too."""

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
        # the plan in `keep`: a smaller model for large provinces, whose own km bound proves nothing
        # (rotation_bound.py gives one).
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

    def _rows(self, s: RotationSet) -> list[Row]:
        m = self.model
        rows: list[Row] = []
        for t in range(-1, len(self.problem.periods)):
            nodes = position_nodes(self.problem, s, t)
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
                    cost = arc_cost(p, s, a, b)
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

    def _reach(self, a: Node, after: Row, kept: tuple[str, str] | None) -> set[str] | None:
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
        occupants = occupants_leaving(p)
        for (v_code, t), incoming in by_venue_period.items():
            window = len(p.periods[t].changeover)
            occupant = occupants.get((v_code, t))
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
