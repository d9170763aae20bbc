"""Benchmark: museum-set rotation on the demo province and on a scaled province.

    python -m bench.rotation [--demo-limit 30] [--scaled-limit 120] [--seed 2027] [--only demo|scaled]

Demo: the demo province's 12 sets and its halls, 8 periods of 2 months from 2027-01-01 (history,
maintenance and the region rule as the program reads them). Scaled: 40 sets (a third of them the
province's, the rest in their cities) and 150 halls at Jiangsu's real county seats, 12 periods of
2 months. Each run prints the time to the first plan, to the proven hosting optimum, the total, the
status, the hosting and truck-km gaps, and whether the independent checker accepts the plan.
Targets: demo proven optimal within 15 s; scaled within 1 % in 120 s and under 2 GB (issue 18).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Point
from caravan_app.planning.rotation import plan_rotation
from caravan_app.planning.rotation_check import check_rotation
from caravan_app.planning.rotation_problem import HostVenue, Place, RotationProblem, RotationSet
from caravan_app.services.database import open_database
from caravan_app.services.demo import build_demo
from caravan_app.services.rotation import build_rotation_problem, rotation_periods
from caravan_app.settings import REFERENCE_DIR

FIRST = date(2027, 1, 1)


def demo_problem(seed: int) -> RotationProblem:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "bench.db"))
        build_demo(db, seed=seed)
        with db.session(audited=False) as s:
            problem = build_rotation_problem(s, rotation_periods(FIRST, 8, 2, 10))
        db.dispose()
    return problem


def scaled_problem(seed: int, sets: int = 40, halls: int = 150, periods: int = 12) -> RotationProblem:
    rng = random.Random(seed)
    with (REFERENCE_DIR / "divisions.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cities = {r["adcode"]: r for r in rows if r["parent"] == "320000"}
    counties = [r for r in rows if r["parent"] in cities]
    depots = {
        c: Place(f"D{c}", r["name"] + "科普物资库", Point(float(r["lat"]), float(r["lon"])))
        for c, r in cities.items()
    }
    venues = []
    for i in range(halls):
        county = counties[i % len(counties)] if i < len(counties) else rng.choice(counties)
        venues.append(
            HostVenue(
                code=f"H{i:03d}",
                name=county["name"] + "科技馆" + ("" if i < len(counties) else f"{i}"),
                county=county["adcode"],
                city=county["parent"],
                location=Point(
                    float(county["lat"]) + rng.uniform(-0.05, 0.05),
                    float(county["lon"]) + rng.uniform(-0.05, 0.05),
                ),
                hall_area_m2=float(rng.randrange(400, 1201, 10)),
                periods=frozenset(t for t in range(periods) if rng.random() < 0.9),
                weight=10 + (10 if rng.random() < 0.13 else 0) + (5 if rng.random() < 0.3 else 0),
                key_county=False,
            )
        )
    out: list[RotationSet] = []
    for i in range(sets):
        city = rng.choice(sorted(cities))
        home = depots["320000"] if i % 3 == 0 and "320000" in depots else depots[city]
        out.append(
            RotationSet(
                code=f"S{i:02d}",
                name=f"流动科技馆 {i}",
                theme="力学",
                hall_area_m2=float(rng.randrange(400, 901, 10)),
                install_days=rng.randint(3, 5),
                uninstall_days=rng.randint(2, 3),
                truck_loads=rng.randint(2, 4),
                home=home,
                start=home,
                unavailable=frozenset({rng.randrange(periods)}) if rng.random() < 0.1 else frozenset(),
                cities=frozenset() if i % 3 == 0 else frozenset({city}),
            )
        )
    codes = [s.code for s in out]
    venues = [
        HostVenue(**{**v.__dict__, "hosted_before": frozenset(c for c in codes if rng.random() < 0.1)})
        for v in venues
    ]
    return RotationProblem(tuple(out), tuple(venues), rotation_periods(FIRST, periods, 2, 10))


def run(label: str, problem: RotationProblem, limit: float, workers: int | None) -> None:
    control = SolveControl(time_limit=limit, workers=workers)
    started = time.monotonic()
    solution = plan_rotation(problem, control)
    wall = time.monotonic() - started
    violations = check_rotation(problem, solution)
    hosting_gap = solution.hosting_gap
    km_gap = solution.km_gap
    print(
        f"{label}: {len(problem.sets)} sets, {len(problem.venues)} halls, {len(problem.periods)} periods, "
        f"limit {limit:g} s, {control.cp_workers} CP-SAT workers"
    )
    print(f"  first plan        {solution.first_solution_seconds or 0:7.2f} s")
    print(
        f"  hosting phase     {solution.hosting_seconds or 0:7.2f} s (gap {100 * (hosting_gap or 0):.2f} %)"
    )
    print(f"  total             {wall:7.2f} s, status {solution.status}")
    hosted = f"{len(solution.stays)} set-periods, weight {solution.hosted_weight}"
    print(f"  hosted            {hosted} (bound {solution.hosted_bound})")
    bound = "-" if solution.truck_km_bound is None else f"{solution.truck_km_bound:,.0f}"
    gap = "-" if km_gap is None else f"{100 * km_gap:.2f} %"
    print(f"  truck-km          {solution.truck_km:,.0f} (bound {bound}, gap {gap})")
    print(f"  checker           {'ok' if not violations else f'{len(violations)} violations'}")
    # The process's peak so far: run --only scaled for the scaled case's own figure.
    print(f"  peak memory       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demo-limit", type=float, default=30.0)
    parser.add_argument("--scaled-limit", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--only", choices=["demo", "scaled"])
    parser.add_argument("--workers", type=int, help="CP-SAT workers (default: one per core)")
    args = parser.parse_args()
    if args.only != "scaled":
        run("demo province", demo_problem(args.seed), args.demo_limit, args.workers)
    if args.only != "demo":
        run("scaled province", scaled_problem(args.seed), args.scaled_limit, args.workers)


if __name__ == "__main__":
    main()
