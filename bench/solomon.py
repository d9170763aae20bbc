"""Solomon VRPTW benchmark: our engine beside OR-Tools routing, PyVRP and VROOM, distance only, free fleet.

    python -m bench.solomon --dir ../shared/bench/solomon --time-limit 10 \
        [--solvers ours,or-tools,pyvrp,vroom] [--seed 0] [--json OUT]
    python -m bench.solomon --generate 2 ...    # 12 new Solomon-like instances instead

For every Solomon-format .txt file in the folder, each solver runs in turn (one at a time, one thread,
the same time limit, the same integer matrices scaled by DISTANCE_SCALE); every solution is checked by
bench.checker in double precision, and distances are the checker's, recomputed from the routes. Gaps
are to BKS.csv's bks_distance_only column. "ours" is solve_vrptw's default, the planner's ruin-and-
recreate search (vrptw_search.py); "or-tools" is solve_vrptw on OR-Tools routing with guided local
search. PyVRP and VROOM are optional: a solver that is not installed is reported and skipped.
The table ends with ours/peer distance ratios per instance and their mean.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import checker, peers, vrptw_instances
from caravan_app.planning.control import SolveControl
from caravan_app.planning.vrptw import (
    DISTANCE_SCALE,
    VrptwInstance,
    VrptwMethod,
    read_solomon,
    solve_vrptw,
)

SOLVERS = ("ours", "or-tools", "pyvrp", "vroom")
# Whom "ours" is compared with, distance over distance.
OTHERS = ("or-tools", "pyvrp", "vroom")


@dataclass(frozen=True)
class Run:
    distance: float | None  # None: no solution
    vehicles: int
    seconds: float
    gap: float | None  # percent above bks_distance_only
    verdict: str
    routes: list[list[int]]


def solve_ours(instance: VrptwInstance, time_limit: float, seed: int, method: VrptwMethod) -> list[list[int]]:
    solution = solve_vrptw(instance, SolveControl(time_limit=time_limit, seed=seed), method)
    return [list(route) for route in solution.routes]


def runner(name: str, seed: int) -> Callable[[VrptwInstance, float], list[list[int]]]:
    if name == "ours":
        return lambda instance, limit: solve_ours(instance, limit, seed, VrptwMethod.SEARCH)
    if name == "or-tools":
        return lambda instance, limit: solve_ours(instance, limit, seed, VrptwMethod.ORTOOLS)
    if name == "pyvrp":
        return lambda instance, limit: peers.solve_pyvrp(instance, limit, seed)
    return peers.solve_vroom


def read_bks(folder: Path) -> dict[str, float]:
    path = folder / "BKS.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["instance"]: float(row["bks_distance_only"]) for row in csv.DictReader(handle)}


def run_one(path: Path, solver: str, time_limit: float, seed: int, bks: float | None) -> Run:
    instance = read_solomon(path)
    rows = checker.read_rows(path)
    started = time.monotonic()
    routes = runner(solver, seed)(instance, time_limit)
    seconds = time.monotonic() - started
    if not routes:
        return Run(None, 0, seconds, None, "no solution", [])
    verdict = checker.check(rows.customers, rows.capacity, rows.vehicles, routes)
    gap = 100.0 * (verdict.distance / bks - 1.0) if bks else None
    return Run(verdict.distance, verdict.vehicles, seconds, gap, str(verdict), routes)


def ratio(a: Run | None, b: Run | None) -> float | None:
    """a's distance over b's, when both solved the instance and passed the checker."""
    if a is None or b is None or a.distance is None or b.distance is None:
        return None
    return a.distance / b.distance if a.verdict == b.verdict == "ok" else None


def figure(value: float | None, form: str) -> str:
    return "-" if value is None else format(value, form)


def print_table(results: dict[str, dict[str, Run]], solvers: list[str], time_limit: float) -> None:
    head = ["instance"]
    for s in solvers:
        head += [f"{s} dist", "veh", "s", "gap %", "check"]
    pairs = [("ours", p) for p in OTHERS if "ours" in solvers and p in solvers]
    head += [f"{o}/{p}" for o, p in pairs]
    lines = [head]
    for name, runs in results.items():
        line = [name]
        for s in solvers:
            run = runs.get(s)
            if run is None:
                line += ["-"] * 5
                continue
            line += [
                figure(run.distance, ".2f"),
                str(run.vehicles),
                f"{run.seconds:.1f}",
                figure(run.gap, "+.2f"),
                run.verdict,
            ]
        line += [figure(ratio(runs.get(o), runs.get(p)), ".4f") for o, p in pairs]
        lines.append(line)
    mean = ["mean"]
    for s in solvers:
        good = [r[s] for r in results.values() if s in r and r[s].verdict == "ok"]
        gaps = [run.gap for run in good if run.gap is not None]
        solved = len(good)
        mean += [
            "",
            "",
            "",
            figure(statistics.fmean(gaps) if gaps else None, "+.2f"),
            f"{solved}/{len(results)} ok",
        ]
    worst = ["worst", *[""] * (len(mean) - 1)]
    for o, p in pairs:
        ratios = [x for r in results.values() if (x := ratio(r.get(o), r.get(p))) is not None]
        mean.append(figure(statistics.fmean(ratios) if ratios else None, ".4f"))
        worst.append(figure(max(ratios) if ratios else None, ".4f"))
    lines.append(mean)
    lines.append(worst)
    widths = [max(len(line[i]) for line in lines if i < len(line)) for i in range(len(head))]
    print(f"\nSolomon VRPTW, distance only (free fleet), {time_limit:g} s per solver and instance, 1 thread")
    for number, line in enumerate(lines):
        if number == len(lines) - 2:
            print("  ".join("-" * w for w in widths))
        cells = [cell.rjust(w) for cell, w in zip(line[1:], widths[1:], strict=True)]
        print("  ".join([line[0].ljust(widths[0]), *cells]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.solomon", description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="folder of Solomon .txt files and BKS.csv")
    parser.add_argument(
        "--generate",
        type=int,
        default=0,
        metavar="N",
        help="instead of --dir: N new Solomon-like instances of each class (bench/vrptw_instances.py)",
    )
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per solver and instance")
    parser.add_argument("--solvers", default="ours,or-tools,pyvrp,vroom", help=", ".join(SOLVERS))
    parser.add_argument("--instances", default="", help="comma-separated names to run (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write distances, vehicles, times and routes here")
    args = parser.parse_args(argv)

    solvers = []
    for name in (s.strip() for s in args.solvers.split(",") if s.strip()):
        if name not in SOLVERS:
            parser.error(f"unknown solver {name!r}; choose from {', '.join(SOLVERS)}")
        if name in peers.PEERS and not peers.available(name):
            package = "pyvroom" if name == "vroom" else name
            print(f"{package} is not installed (pip install -e '.[bench]'): {name} skipped", file=sys.stderr)
            continue
        solvers.append(name)
    if args.generate:
        folder = Path(tempfile.mkdtemp(prefix="vrptw-"))
        paths = vrptw_instances.generate(folder, args.generate)
        print(f"{len(paths)} generated instances in {folder} (no best-known figures: compare the ratios)")
    elif args.dir is not None:
        folder = args.dir
        paths = sorted(args.dir.glob("*.txt"))
    else:
        parser.error("give --dir or --generate")
    wanted = {n.strip().upper() for n in args.instances.split(",") if n.strip()}
    if wanted:
        paths = [p for p in paths if p.stem.upper() in wanted]
    if not paths:
        parser.error(f"no Solomon .txt files in {folder}")
    bks = read_bks(folder)

    results: dict[str, dict[str, Run]] = {}
    for path in paths:
        name = path.stem
        results[name] = {}
        for solver in solvers:
            run = run_one(path, solver, args.time_limit, args.seed, bks.get(name))
            results[name][solver] = run
            print(
                f"{name:8} {solver:10} {figure(run.distance, '10.2f')} {run.vehicles:3d} veh "
                f"{run.seconds:6.1f} s  gap {figure(run.gap, '+.2f')} %  {run.verdict}",
                flush=True,
            )
    print_table(results, solvers, args.time_limit)
    if args.json:
        document = {
            "time_limit": args.time_limit,
            "objective": "total distance, free fleet, double precision recomputed from the routes",
            "distance_scale": DISTANCE_SCALE,
            "seed": args.seed,
            "instances": {
                name: {solver: asdict(run) for solver, run in runs.items()} for name, runs in results.items()
            },
        }
        args.json.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
