"""Benchmark: the demo province's spring term planned at several time limits.

    python -m bench.province [--time-limit 60] [--limits 30,60,120] [--seed 2027]

Builds the demo province in a temporary SQLite file, reads the term's problem once, and for each time
limit solves it, checks the plan with the independent checker and prints: solve time, requests served,
key-county requests served, km per show day, days on the road per caravan, and the key-county requests
left unserved for capacity (the final insertion pass found no caravan with room for them).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from caravan_app.domain.calendar import term
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import TourProblem, TourSolution, UnservedReason
from caravan_app.planning.tours import plan_tours
from caravan_app.services.database import open_database
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_planning import build_tour_problem


def demo_problem(seed: int, term_name: str) -> TourProblem:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "bench.db"))
        build_demo(db, seed=seed)
        spring = term(term_name)
        with db.session(audited=False) as s:
            problem = build_tour_problem(s, spring.start, spring.end)
        db.dispose()
    return problem


def row(problem: TourProblem, solution: TourSolution, wall: float) -> dict[str, object]:
    served = {s.request for t in solution.trips for s in t.stops}
    key = [r for r in problem.requests if r.key_county]
    days: dict[str, int] = {}
    for trip in solution.trips:
        days[trip.caravan] = days.get(trip.caravan, 0) + trip.days
    key_capacity = [
        u.request
        for u in solution.unserved
        if u.reason is UnservedReason.CAPACITY and u.request in {r.code for r in key}
    ]
    return {
        "wall s": round(wall, 1),
        "served": f"{len(served)}/{len(problem.requests)} ({len(served) / len(problem.requests):.1%})",
        "key served": f"{sum(r.code in served for r in key)}/{len(key)}",
        "key unserved for capacity": len(key_capacity),
        "km": round(solution.km),
        "km/show day": round(solution.km / max(1, solution.show_days), 1),
        "days/caravan (median, max)": (
            f"{statistics.median(days.values()) if days else 0:g}, {max(days.values(), default=0)}"
        ),
        "violations": len(check_tours(problem, solution)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--time-limit", type=float, help="one time limit in seconds (instead of --limits)")
    parser.add_argument("--limits", default="30,60,120", help="time limits in seconds, comma-separated")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--term", default="2027-spring")
    args = parser.parse_args()
    limits = [args.time_limit] if args.time_limit else [float(x) for x in args.limits.split(",")]
    problem = demo_problem(args.seed, args.term)
    size = f"{len(problem.requests)} requests, {len(problem.caravans)} caravans"
    print(f"demo seed {args.seed}, {args.term}: {size}")
    rows = []
    for limit in [0.0, *limits]:
        started = time.monotonic()
        # A zero limit is the greedy start alone: what the OR-Tools phase adds shows against it.
        solution = plan_tours(problem, SolveControl(time_limit=limit))
        rows.append(
            {
                "limit s": "greedy only" if limit == 0 else f"{limit:g}",
                **row(problem, solution, time.monotonic() - started),
            }
        )
    headers = list(rows[0])
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in headers]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for r in rows:
        print("  ".join(str(r[h]).ljust(w) for h, w in zip(headers, widths, strict=True)))


if __name__ == "__main__":
    main()
