"""A lower bound on the truck-km of any rotation plan that hosts a given weight: a Lagrangian relaxation.

The km phase's model ties the sets together in three ways: a venue holds one set per period, the
hosted weight is held, and a hall's outgoing and incoming sets share its changeover window. The first
two are moved into the objective with multipliers (mu[v,t] >= 0 per venue and period; lam on the
weight, of free sign when the weight is held as an equality, >= 0 when as a floor) and the third is
dropped. "No set twice in a venue" is moved there too (nu[s,v] >= 0), keeping as rules what it says
of a set's next two moves: it never stands in a hall two periods running nor comes back to it two
periods later. What is left falls apart per set into a shortest path through its positions period by
period, under the model's own rules (rotation_model.position_nodes, the fixed start, locks, a booked
occupant's window, every move that fits its window: all arcs, never the nearest-only ones of a sparse
model). A move costs its truck-km as the plan reports them (km to 0.1 × truck loads, so there is no
rounding to allow for) and a stay in a hall mu + nu - lam·weight. Dropping rules and pricing the
others never raises what a plan hosting the weight costs, so for every choice of multipliers
Σ paths + lam·W - Σ mu - Σ nu is a lower bound; subgradient steps (Polyak's, aimed at a known
plan's km) raise it within a time budget.

The model's own costs are whole km (CP-SAT wants integers); `model_bound` turns CP-SAT's bound on
those into one on reported km by taking off the most the rounding can add over a plan.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from caravan_app.planning.control import SolveControl
from caravan_app.planning.rotation_model import (
    HOME,
    START,
    Node,
    drive_days,
    move_km,
    occupants_leaving,
    position_nodes,
    road_km,
)
from caravan_app.planning.rotation_problem import Place, RotationProblem, RotationSet

# The relaxation's step size starts here and halves after this many steps without a better bound;
# it stops when the step is this small.
FIRST_STEP = 1.0
PATIENCE = 30
LAST_STEP = 1e-4


@dataclass
class _Ladder:
    """One set's positions row by row (row 0: before the horizon) and the moves between rows."""

    index: int  # the set's number in problem.sets
    fixed: list[int]  # per row: how many positions come first that are not halls (home, start)
    halls: list[np.ndarray]  # per row: the venue numbers of the hall positions after those
    venue: list[np.ndarray]  # per row: each position's venue number, -1 for home or start
    # per row: each venue's position in the row, -1 where absent (the last entry too, for venue -1)
    column: list[np.ndarray]
    cost: list[np.ndarray]  # per step: reported truck-km of each move, inf where it does not fit
    slack: list[float]  # per step: the most a move's whole-km model cost exceeds its reported km


class KmRelaxation:
    """Every set's ladder of positions for one problem; the bound for a weight, on demand."""

    def __init__(self, problem: RotationProblem) -> None:
        self.problem = problem
        self.venue_number = {v.code: i for i, v in enumerate(problem.venues)}
        self.weights = np.array([v.weight for v in problem.venues], dtype=float)
        self._table = _PlaceTable(problem)
        locks = {(lk.set_code, lk.period): lk.venue_code for lk in problem.locks}
        occupants = occupants_leaving(problem)
        self.ladders = [self._ladder(i, s, locks, occupants) for i, s in enumerate(problem.sets)]
        # A set left with nowhere to be in some period: no plan at all, so no bound to give.
        self.has_paths = all(len(row) for ladder in self.ladders for row in ladder.venue)
        periods, venues = len(problem.periods), len(problem.venues)
        # Which multipliers price something: the venue-periods and set-venues some path can take.
        self.venue_periods = np.zeros((venues, periods), dtype=bool)
        self.set_venues = np.zeros((len(problem.sets), venues), dtype=bool)
        for ladder in self.ladders:
            for row, halls in enumerate(ladder.halls[1:]):
                self.venue_periods[halls, row] = True
                self.set_venues[ladder.index, halls] = True

    def _ladder(
        self,
        i: int,
        s: RotationSet,
        locks: dict[tuple[str, int], str],
        occupants: dict[tuple[str, int], RotationSet],
    ) -> _Ladder:
        p = self.problem
        rows: list[list[Node]] = []
        for t in range(-1, len(p.periods)):
            nodes = position_nodes(p, s, t)
            if (s.code, t) in locks:
                nodes = [n for n in nodes if n.key == locks[(s.code, t)]]
            window = len(p.periods[t].changeover) if t >= 0 else 0
            # A set booked before this plan must be out of the hall in time for this one's install.
            nodes = [
                n
                for n in nodes
                if (occupant := occupants.get((n.key, t))) is None
                or occupant.uninstall_days + s.install_days <= window
            ]
            rows.append(nodes)
        fixed = [sum(1 for n in row if n.key in (HOME, START)) for row in rows]
        halls = [
            np.array([self.venue_number[n.key] for n in row[k:]], dtype=np.intp)
            for row, k in zip(rows, fixed, strict=True)
        ]
        venue = [
            np.concatenate((np.full(k, -1, dtype=np.intp), h)) for k, h in zip(fixed, halls, strict=True)
        ]
        column = []
        for row in venue:
            where = np.full(len(p.venues) + 1, -1, dtype=np.intp)
            where[row[row >= 0]] = np.flatnonzero(row >= 0)
            column.append(where)
        cost: list[np.ndarray] = []
        slack: list[float] = []
        for t in range(len(p.periods)):
            c, d = self._table.moves(s, rows[t], rows[t + 1], len(p.periods[t].changeover))
            cost.append(c)
            slack.append(d)
        return _Ladder(i, fixed, halls, venue, column, cost, slack)

    def rounding_slack(self) -> float:
        """The most by which any plan's whole-km model cost exceeds its reported truck-km."""
        return sum(sum(ladder.slack) for ladder in self.ladders)

    def model_bound(self, bound: float) -> float:
        """CP-SAT's bound on the whole-km model cost as a bound on reported truck-km."""
        return _whole_km(bound - self.rounding_slack())

    def bound(
        self, weight: int, held_exactly: bool, target: float, seconds: float, control: SolveControl
    ) -> float | None:
        """At most the truck-km of any plan hosting `weight` (exactly, or at least): the best value of
        the relaxation found in `seconds`, aiming its steps at `target` (a plan's km). None when no
        path exists for some set (no plan at all) or the solve was cancelled."""
        if not self.has_paths:
            return None
        deadline = time.monotonic() + seconds
        periods = len(self.problem.periods)
        mu = np.zeros((len(self.problem.venues), periods))
        nu = np.zeros((len(self.problem.sets), len(self.problem.venues)))
        # The weight rule counted in stays of an average hall, so that its step is on the scale of
        # the others (one stay each); lam starts at the plan's km per unit of weight.
        scale = float(self.weights.mean()) if len(self.weights) else 1.0
        lam = target / weight if weight else 0.0
        best = -math.inf
        step, since_better = FIRST_STEP, 0
        while True:
            relaxed = self._paths(mu, nu, lam)
            if relaxed is None:
                return None
            total, at_venue_period, at_set_venue, hosted = relaxed
            value = total + lam * weight - mu.sum() - nu.sum()
            if value > best + 1e-9:
                best, since_better = value, 0
            else:
                since_better += 1
                if since_better >= PATIENCE:
                    step, since_better = step / 2, 0
            if control.cancelled:
                return None
            if best >= target or step < LAST_STEP or time.monotonic() >= deadline:
                break
            g_mu = np.where(self.venue_periods, at_venue_period - 1, 0.0)
            g_nu = np.where(self.set_venues, at_set_venue - 1, 0.0)
            g_lam = (weight - hosted) / scale
            # A multiplier at its floor that the step would push below it does not move.
            g_mu[(mu <= 0) & (g_mu < 0)] = 0.0
            g_nu[(nu <= 0) & (g_nu < 0)] = 0.0
            if not held_exactly and lam <= 0 and g_lam < 0:
                g_lam = 0.0
            norm = float((g_mu**2).sum() + (g_nu**2).sum() + g_lam**2)
            if norm == 0:
                break  # the relaxed paths keep every priced rule: no step improves on them
            size = step * (target - value) / norm
            mu = np.maximum(0.0, mu + size * g_mu)
            nu = np.maximum(0.0, nu + size * g_nu)
            lam += size * g_lam / scale
            if not held_exactly:
                lam = max(0.0, lam)
        return _whole_km(best)

    def _paths(
        self, mu: np.ndarray, nu: np.ndarray, lam: float
    ) -> tuple[float, np.ndarray, np.ndarray, float] | None:
        """Each set's cheapest path under the multipliers: their total, how often each venue-period
        and set-venue is taken, and the weight hosted. None if a set has no path.

        A path never comes back to the hall it stood in two periods before (that would be one set twice
        in a venue): each position keeps its best way in and its best from another position (Christofides,
        Mingozzi and Toth's 2-cycle elimination), which is enough to find the best path without such returns.
        """
        at_venue_period = np.zeros_like(mu)
        at_set_venue = np.zeros_like(nu)
        total = 0.0
        hosted = 0.0
        for ladder in self.ladders:
            stay = [np.zeros(len(ladder.venue[0]))]
            for row in range(1, len(ladder.venue)):
                k, halls = ladder.fixed[row], ladder.halls[row]
                here = np.zeros(len(ladder.venue[row]))
                here[k:] = mu[halls, row - 1] + nu[ladder.index, halls] - lam * self.weights[halls]
                stay.append(here)
            best, second = stay[0], np.full(len(stay[0]), np.inf)
            came_from = np.full(len(stay[0]), -1, dtype=np.intp)  # the venue before each best way in
            steps: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
            for row, cost in enumerate(ladder.cost, start=1):
                to = ladder.venue[row]
                through = best[:, None] + cost
                # Where a position's best way in came from a hall the next row holds, going on to
                # that hall must take its second best way in.
                ahead = ladder.column[row][came_from]
                turns = np.flatnonzero((came_from >= 0) & (ahead >= 0))
                through[turns, ahead[turns]] = second[turns] + cost[turns, ahead[turns]]
                columns = np.arange(len(to))
                first = through.argmin(axis=0)
                best = through[first, columns] + stay[row]
                through[first, columns] = np.inf
                other = through.argmin(axis=0)
                second = through[other, columns] + stay[row]
                back_first = (came_from[first] == to) & (to >= 0)
                back_other = (came_from[other] == to) & (to >= 0)
                steps.append((first, back_first, other, back_other))
                came_from = ladder.venue[row - 1][first]
            end, runner_up = int(best.argmin()), False
            if not math.isfinite(best[end]):
                return None
            total += float(best[end])
            for row in range(len(ladder.cost), 0, -1):
                venue = int(ladder.venue[row][end])
                if venue >= 0:
                    at_venue_period[venue, row - 1] += 1
                    at_set_venue[ladder.index, venue] += 1
                    hosted += self.weights[venue]
                first, first_back, other, other_back = steps[row - 1]
                if runner_up:
                    end, runner_up = int(other[end]), bool(other_back[end])
                else:
                    end, runner_up = int(first[end]), bool(first_back[end])
        return total, at_venue_period, at_set_venue, hosted


class _PlaceTable:
    """Reported km, whole-km model cost per truck load, and drive days between every pair of places,
    each worked out once by the model's own functions, so the bound prices a move exactly as the plan
    and the model do (a vectorised formula could round a hair differently)."""

    def __init__(self, problem: RotationProblem) -> None:
        self.problem = problem
        places: dict[tuple[str, float, float], Place] = {}
        for s in problem.sets:
            for place in (s.home, s.start):
                places.setdefault(_key(place), place)
        for v in problem.venues:
            place = Place(v.code, v.name, v.location)
            places.setdefault(_key(place), place)
        self.number = {key: i for i, key in enumerate(places)}
        listed = list(places.values())
        self.km = np.array([[road_km(problem, a, b) for b in listed] for a in listed])
        self.reported = np.array([[move_km(problem, a, b) for b in listed] for a in listed])
        self.days = np.array([[drive_days(problem, km) for km in row] for row in self.km.tolist()])
        self._key_number: dict[str, int] = {}

    def _keys(self, nodes: list[Node]) -> np.ndarray:
        return np.array(
            [self._key_number.setdefault(n.key, len(self._key_number)) for n in nodes], dtype=np.intp
        )

    def moves(
        self, s: RotationSet, before: list[Node], after: list[Node], window: int
    ) -> tuple[np.ndarray, float]:
        """The reported truck-km of each move from `before` to `after` (inf where it cannot be made),
        and the most a feasible move's model cost exceeds it."""
        a = np.array([self.number[_key(n.place)] for n in before], dtype=np.intp)
        b = np.array([self.number[_key(n.place)] for n in after], dtype=np.intp)
        same = self._keys(before)[:, None] == self._keys(after)[None, :]
        installed = np.array([m.installed for m in before], dtype=bool)
        to_hall = np.array([n.key not in (HOME, START) for n in after], dtype=bool)
        # As rotation_model.move_days: nothing when the set stays, else uninstall, drive, install.
        days = (
            self.days[np.ix_(a, b)]
            + s.uninstall_days * installed[:, None]
            + s.install_days * to_hall[None, :]
        )
        days = np.where(same, 0, days)
        # A set never stands in one hall two periods running (one stay per set and venue).
        fits = (days <= window) & ~(same & to_hall[None, :])
        reported = self.reported[np.ix_(a, b)] * s.truck_loads
        # As rotation_model.arc_cost: np.rint rounds halves to even, as round() does.
        whole = np.rint(self.km[np.ix_(a, b)] * s.truck_loads)
        excess = np.where(fits, whole - reported, 0.0)
        return np.where(fits, reported, np.inf), max(0.0, float(excess.max(initial=0.0)))


def _key(place: Place) -> tuple[str, float, float]:
    return (place.code, place.location.lat, place.location.lon)


def _whole_km(value: float) -> float:
    """A bound in whole km, never above `value` however the float sums fell, never negative."""
    if not math.isfinite(value):
        return 0.0
    return float(max(0, math.floor(value - 1e-6 * max(1.0, abs(value)))))
