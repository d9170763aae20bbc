"""Lower bounds on the kilometres of any plan that serves a given set of requests, three of them:

1. Ways in and out. In any plan every show is reached once and left once: its trip comes in from the
   depot or from another show of the same trip, and goes on to another show or back to the depot. So
   the plan's km are at least half the sum, over the shows, of the two cheapest ways in and out of
   each: from the depots of the caravans that may serve it (a depot may be both, as for a trip of one
   show) or from another request that could share a trip with it (one a caravan may serve as well,
   with allowed days close enough for one trip). Each leg is counted at most twice, once from each
   end, so half the sum cannot exceed the plan's km.
2. A spanning tree. Taking every depot as one place, a plan's legs join every show to it, so they
   weigh at least the cheapest tree doing so over the same possible legs.
3. Trips the dates allow (a linear programme, solved with GLOP): each served request is shared out
   over the trip slots that could take it (a permitted caravan's run of days holding one of its days,
   that a lone trip could do); no slot holds more show time than its crew days; and a slot's trip
   drives at least twice as far as from its depot to the farthest request it holds.

None is tight: they ignore the daily driving limit and the direction of each show from the depot, so
the gap they give is an upper limit on how far a plan is from the best plan serving the same requests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from ortools.linear_solver import pywraplp

from caravan_app.planning.control import SolveControl
from caravan_app.planning.distance import DistanceMatrix
from caravan_app.planning.linkage import permitted
from caravan_app.planning.problem import TourProblem, TourRequest, fits
from caravan_app.planning.tours import _TourModel


def km_lower_bound(problem: TourProblem, served: Iterable[str], lp_seconds: float = 120.0) -> float:
    """At least the km of any plan of `problem` that serves exactly the requests `served` (codes): the
    largest of the three bounds in the module's note (the last given `lp_seconds` at most)."""
    chosen = set(served)
    requests = [r for r in problem.requests if r.code in chosen]
    if not requests:
        return 0.0
    depots = {c.depot_code: c.depot for c in problem.caravans}
    venues = {r.venue_code: r.location for r in requests}
    codes = list(depots) + [v for v in venues if v not in depots]
    points = [depots.get(c) or venues[c] for c in codes]
    matrix = DistanceMatrix(codes, points, problem.road_factor, problem.distance_km)
    caravans = list(problem.caravans)
    may = np.array(
        [[fits(c, r) and permitted(problem, c, r) for c in caravans] for r in requests], dtype=np.int32
    )
    depot_rows = np.array([matrix.index[c.depot_code] for c in caravans])
    venue_rows = np.array([matrix.index[r.venue_code] for r in requests])
    km = np.array(matrix.km)
    # From each request to the nearest depot of a caravan that may serve it.
    to_depot = np.where(may.T > 0, km[np.ix_(depot_rows, venue_rows)], np.inf).min(axis=0)
    # Two requests may share a trip if a caravan may serve both and some allowed days of theirs lie
    # within one trip's length (read from the span of each one's days, which allows more: still a bound).
    longest = max(c.max_trip_days for c in caravans)
    first = np.array([min(d.toordinal() for d in r.dates) for r in requests])
    last = np.array([max(d.toordinal() for d in r.dates) for r in requests])
    apart = np.maximum(first[:, None] - last[None, :], first[None, :] - last[:, None])
    share = ((may @ may.T) > 0) & (apart < longest)
    np.fill_diagonal(share, False)
    between = np.where(share, km[np.ix_(venue_rows, venue_rows)], np.inf)
    simple = max(_two_nearest(between, to_depot), _spanning_tree(between, to_depot))
    return max(simple, trips_lower_bound(problem, chosen, lp_seconds) or 0.0)


def _two_nearest(between: np.ndarray, to_depot: np.ndarray) -> float:
    """Half the sum, over the shows, of the two cheapest ways in and out (a depot may be both)."""
    nearest = (
        np.sort(between, axis=1)[:, :2] if between.shape[1] >= 2 else np.full((len(to_depot), 2), np.inf)
    )
    ways = np.sort(np.concatenate([nearest, to_depot[:, None], to_depot[:, None]], axis=1), axis=1)
    return float(ways[:, :2].sum() / 2)


def _spanning_tree(between: np.ndarray, to_depot: np.ndarray) -> float:
    """The cheapest tree joining every show to the depots taken as one place (Prim's algorithm)."""
    count = len(to_depot)
    cost = to_depot.astype(float).copy()  # the cheapest way of each show into the tree, the depots first
    joined = np.zeros(count, dtype=bool)
    total = 0.0
    for _ in range(count):
        waiting = np.where(joined, np.inf, cost)
        nearest = int(np.argmin(waiting))
        if not np.isfinite(waiting[nearest]):
            break
        total += float(waiting[nearest])
        joined[nearest] = True
        cost = np.minimum(cost, between[nearest])
    return total


def trips_lower_bound(problem: TourProblem, served: Iterable[str], seconds: float = 120.0) -> float | None:
    """A lower bound from the trips the dates allow: a linear relaxation in which each served request is
    shared out over the trip slots that could take it (its caravans' weeks with one of its days, that a
    lone trip could do), no slot holds more show time than its crew days, and a slot's trip drives at
    least twice as far as from its depot to the farthest request it holds. None if the LP solver did not
    finish within `seconds`."""
    chosen = set(served)
    model = _TourModel(problem, SolveControl(time_limit=0), 0)
    requests = [r for r in model.servable if r.code in chosen]
    if not requests:
        return 0.0
    solver = pywraplp.Solver.CreateSolver("GLOP")
    solver.SetTimeLimit(int(seconds * 1000))
    km, index = model.distances.km, model.distances.index
    trip: dict[int, Any] = {}  # slot number -> its trip's km (an LP variable)
    used: dict[int, list[tuple[TourRequest, Any]]] = {}  # slot number -> (request, its share)
    for request in requests:
        shares = []
        for number in model.candidates[request.code]:
            share = solver.NumVar(0.0, 1.0, "")
            shares.append(share)
            used.setdefault(number, []).append((request, share))
        solver.Add(solver.Sum(shares) == 1)
    for number, held in used.items():
        slot = model.slots[number]
        caravan = slot.caravan
        trip[number] = cost = solver.NumVar(0.0, solver.infinity(), "")
        depot = index[caravan.depot_code]
        crew = len(slot.days) * (caravan.crew_day_end - caravan.crew_day_start)
        solver.Add(solver.Sum([r.show_minutes * r.show_days * share for r, share in held]) <= crew)
        for request, share in held:
            solver.Add(cost >= 2 * km[depot][index[request.venue_code]] * share)
    solver.Minimize(solver.Sum(list(trip.values())))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    return float(solver.Objective().Value())
