"""A lower bound on the kilometres of any plan that serves a given set of requests.

In any plan every show is reached once and left once: its trip comes in from the depot or from another
show of the same trip, and goes on to another show or back to the depot. So the km of the plan are at
least half the sum, over the shows, of the two cheapest ways in and out of each: from the depots of the
caravans that may serve it (a depot may be both, as for a trip of one show) or from another of the
requests that could share a trip with it (one a caravan may serve as well, with allowed days close
enough for one trip). Each leg of the plan is counted at most twice in that sum, once from each end,
and a leg from or to a depot once, so half the sum cannot exceed the plan's km.

It is a relaxation in seconds, not a tight bound: it ignores the schedule, the trips' lengths in days
and that the cheapest ways in and out of neighbouring shows may be the same leg. The gap it gives is an
upper limit on how far a plan is from the best plan serving the same requests.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from caravan_app.planning.distance import DistanceMatrix
from caravan_app.planning.linkage import permitted
from caravan_app.planning.problem import TourProblem, fits


def km_lower_bound(problem: TourProblem, served: Iterable[str]) -> float:
    """At least the km of any plan of `problem` that serves exactly the requests `served` (codes): the
    larger of the two bounds in the module's note."""
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
    return max(_two_nearest(between, to_depot), _spanning_tree(between, to_depot))


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
