"""Benchmark: the caravan tour planner on the demo province's spring term and on cases beyond it.

    python -m bench.province [--cases demo-2027,demo-7,...] [--time-limit 30] [--improvement search]
                             [--record]

Cases (see CASES): the demo term for seeds 2027, 7 and 11 under today's rules; the demo with every
caravan allowed everywhere (the linkage potential); the demo province two and four times over (copies
of its requests and caravans, each copy's venues moved a little, so about 860 and 1,720 requests with
50 and 100 caravans). Each case is solved in a process of its own (so that its peak memory is its own),
checked with the independent checker, and printed with: requests served, key-county requests served,
km, a lower bound on the km of any plan serving the same requests (planning/tour_bound.py) and the gap
to it, the best known plan's figures (bench/best_known.json) and the gap to them, the time to the first
plan, peak memory and checker violations. `--improvement ortools` is how the planner improved plans
before the whole-term search (OR-Tools two weeks at a time); `--record` stores a run that beats the best
known (more served, or as many for fewer km) in bench/best_known.json with how it was found.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from caravan_app.domain.calendar import term
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.linkage import anywhere
from caravan_app.planning.problem import Point, TourProblem
from caravan_app.planning.tour_bound import km_lower_bound
from caravan_app.planning.tours import Improvement, plan_tours
from caravan_app.services.database import open_database
from caravan_app.services.demo import build_demo
from caravan_app.services.tour_planning import build_tour_problem

TERM = "2027-spring"
CASES = ("demo-2027", "demo-7", "demo-11", "anywhere-2027", "double-2027", "quad-2027")
BEST_KNOWN = Path(__file__).with_name("best_known.json")


def demo_problem(seed: int, term_name: str = TERM) -> TourProblem:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "bench.db"))
        build_demo(db, seed=seed)
        spring = term(term_name)
        with db.session(audited=False) as s:
            problem = build_tour_problem(s, spring.start, spring.end)
        db.dispose()
    return problem


def scaled(problem: TourProblem, times: int) -> TourProblem:
    """The province `times` over: copy k of each request, venue and caravan gets the suffix -k, and each
    copied venue moves by up to 0.05° each way (fixed by its place in the list, so every run builds the
    same case)."""
    requests, caravans = list(problem.requests), list(problem.caravans)
    venues = {code: n for n, code in enumerate(sorted({r.venue_code for r in problem.requests}))}
    for copy in range(1, times):
        for r in problem.requests:
            n = venues[r.venue_code]  # one place per venue: its requests move together
            step = (n * 7919 + copy * 104729) % 1000 / 1000 - 0.5
            turn = (n * 104729 + copy * 7919) % 1000 / 1000 - 0.5
            requests.append(
                replace(
                    r,
                    code=f"{r.code}-{copy}",
                    venue_code=f"{r.venue_code}-{copy}",
                    location=Point(r.location.lat + step * 0.1, r.location.lon + turn * 0.1),
                    lock=None,
                )
            )
        caravans += [replace(c, code=f"{c.code}-{copy}") for c in problem.caravans]
    return replace(problem, requests=tuple(requests), caravans=tuple(caravans))


def build_case(name: str) -> TourProblem:
    kind, seed = name.rsplit("-", 1)
    problem = demo_problem(int(seed))
    if kind == "demo":
        return problem
    if kind == "anywhere":
        return anywhere(problem)
    return scaled(problem, {"double": 2, "quad": 4}[kind])


def solve_case(problem_file: Path, seconds: float, improvement: Improvement, seed: int) -> dict[str, object]:
    """Solve one pickled case in this process and return its figures (run by `--run`)."""
    problem: TourProblem = pickle.loads(problem_file.read_bytes())
    first: list[float] = []
    control = SolveControl(
        time_limit=seconds, seed=seed, on_progress=lambda p: first.append(p.seconds) if not first else None
    )
    started = time.monotonic()
    solution = plan_tours(problem, control, improvement=improvement)
    wall = time.monotonic() - started
    served = {s.request for t in solution.trips for s in t.stops}
    return {
        "requests": len(problem.requests),
        "caravans": len(problem.caravans),
        "served": len(served),
        "key_served": sum(1 for r in problem.requests if r.key_county and r.code in served),
        "key_requests": sum(1 for r in problem.requests if r.key_county),
        "km": round(solution.km, 1),
        "bound_km": round(km_lower_bound(problem, served), 1),
        "first_plan_s": round(first[0], 2) if first else round(wall, 2),
        "wall_s": round(wall, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "violations": len(check_tours(problem, solution)),
        "single_stop_trips": sum(1 for t in solution.trips if len(t.stops) == 1),
        "trips": [[t.caravan, t.leave.isoformat(), [s.request for s in t.stops]] for t in solution.trips],
    }


def _better(run: dict[str, object], known: dict[str, object] | None) -> bool:
    if known is None:
        return True
    return (int(run["served"]), -float(run["km"])) > (int(known["served"]), -float(known["km"]))  # type: ignore[call-overload]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, of: " + ", ".join(CASES))
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument(
        "--improvement", default=Improvement.SEARCH.value, choices=[i.value for i in Improvement]
    )
    parser.add_argument("--seed", type=int, default=0, help="the search's random seed")
    parser.add_argument("--record", action="store_true", help="store runs that beat the best known")
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)  # a child: solve this pickled case
    args = parser.parse_args()
    improvement = Improvement(args.improvement)
    if args.run is not None:
        print(json.dumps(solve_case(args.run, args.time_limit, improvement, args.seed)))
        return
    best = json.loads(BEST_KNOWN.read_text(encoding="utf-8")) if BEST_KNOWN.exists() else {}
    print(f"{args.time_limit:g} s a plan, improvement {improvement.value}, seed {args.seed}")
    header = (
        f"{'case':<14} {'requests':>8} {'served':>7} {'key':>8} {'km':>9} {'bound':>8} {'gap':>6} "
        f"{'best km':>9} {'vs best':>8} {'1st plan':>8} {'peak MB':>7} {'viol':>4}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for name in args.cases.split(","):
            case_file = Path(folder) / f"{name}.pickle"
            case_file.write_bytes(pickle.dumps(build_case(name)))
            child = [sys.executable, "-m", "bench.province", "--run", str(case_file)]
            child += ["--time-limit", str(args.time_limit), "--improvement", improvement.value]
            child += ["--seed", str(args.seed)]
            run = json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
            known = best.get(name)
            gap = 1 - run["bound_km"] / run["km"] if run["km"] else 0.0
            versus = (
                f"{run['km'] / known['km'] - 1:+.1%}" if known and known["served"] == run["served"] else "—"
            )
            print(
                f"{name:<14} {run['requests']:>8} {run['served']:>7} {run['key_served']:>4}/"
                f"{run['key_requests']:<3} {run['km']:>9,.0f} {run['bound_km']:>8,.0f} "
                f"{gap:>6.1%} {known['km'] if known else 0:>9,.0f} {versus:>8} {run['first_plan_s']:>7.2f}s "
                f"{run['peak_mb']:>7} {run['violations']:>4}"
                + (
                    f"  (best known serves {known['served']})"
                    if known and known["served"] != run["served"]
                    else ""
                )
            )
            if args.record and run["violations"] == 0 and _better(run, known):
                how = f"{improvement.value}, {args.time_limit:g} s, seed {args.seed}"
                best[name] = {key: run[key] for key in ("served", "key_served", "km", "bound_km", "trips")}
                best[name]["how"] = how
                BEST_KNOWN.write_text(json.dumps(best, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
