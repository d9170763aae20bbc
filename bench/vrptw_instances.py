"""Solomon-like VRPTW instances the engine has never seen, written as Solomon text files.

Generated the way Solomon described his sets (1987): 100 customers on a 100 × 100 square, service time
10 (90 for clustered sets), travel time equal to distance; type 1 with a short horizon and small
vehicles (few customers per route), type 2 with a long horizon and large ones. Each customer's window
is centred at a time it can be reached from the depot and back, with a half-width drawn per class;
a quarter of the customers (or, per class, a share) have no window but the horizon. Classes: R
(uniform places), C (clusters), RC (half each). The same seed gives the same files on any machine.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

# class -> (horizon, capacity, service, half-width range, share with a window)
CLASSES = {
    "R1": (230, 200, 10, (5, 30), 0.75),
    "R2": (1000, 1000, 10, (15, 120), 0.75),
    "C1": (1236, 200, 90, (30, 90), 0.75),
    "C2": (3390, 700, 90, (80, 320), 0.75),
    "RC1": (240, 200, 10, (5, 30), 0.75),
    "RC2": (960, 1000, 10, (15, 120), 0.75),
}


def places(kind: str, count: int, rng: random.Random) -> list[tuple[float, float]]:
    def cluster_points(n: int) -> list[tuple[float, float]]:
        centres = [(rng.uniform(10, 90), rng.uniform(10, 90)) for _ in range(max(1, n // 10))]
        found = []
        for _ in range(n):
            cx, cy = rng.choice(centres)
            found.append((min(100.0, max(0.0, rng.gauss(cx, 4))), min(100.0, max(0.0, rng.gauss(cy, 4)))))
        return found

    def uniform(n: int) -> list[tuple[float, float]]:
        return [(rng.uniform(0, 100), rng.uniform(0, 100)) for _ in range(n)]

    if kind.startswith("RC"):
        return cluster_points(count // 2) + uniform(count - count // 2)
    if kind.startswith("C"):
        return cluster_points(count)
    return uniform(count)


def write_instance(folder: Path, kind: str, seed: int, count: int = 100) -> Path:
    """One instance of the class, numbered by seed; the path of its text file."""
    horizon, capacity, service, (narrow, wide), windowed = CLASSES[kind]
    rng = random.Random(f"{kind}-{seed}")
    depot = (50, 50) if not kind.startswith("C") else (40, 50)
    rows = [(0, *depot, 0, 0, horizon, 0)]
    for number, (x, y) in enumerate(places(kind, count, rng), start=1):
        x, y = round(x), round(y)
        leg = math.hypot(x - depot[0], y - depot[1])
        latest = horizon - leg - service
        if latest < leg + 1:  # too far for this horizon: move it nearer the depot
            x, y = round(depot[0] + (x - depot[0]) / 2), round(depot[1] + (y - depot[1]) / 2)
            leg = math.hypot(x - depot[0], y - depot[1])
            latest = horizon - leg - service
        ready, due = 0, horizon
        if rng.random() < windowed:
            centre = rng.uniform(math.ceil(leg), math.floor(latest))
            half = rng.uniform(narrow, wide)
            ready, due = max(0, round(centre - half)), min(math.floor(latest), round(centre + half))
            due = max(due, ready + 1)
        demand = rng.choice([10, 20, 30, 40]) if kind.startswith("C") else rng.randint(1, 41)
        rows.append((number, x, y, demand, ready, due, service))
    path = folder / f"G{kind}_{seed:02d}.txt"
    lines = [
        path.stem,
        "",
        "VEHICLE",
        "NUMBER     CAPACITY",
        f"  25         {capacity}",
        "",
        "CUSTOMER",
        "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME",
        "",
    ]
    lines += ["  ".join(f"{value:>8}" for value in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def generate(folder: Path, per_class: int, first_seed: int = 1) -> list[Path]:
    """`per_class` instances of each class in `folder`."""
    return [
        write_instance(folder, kind, seed)
        for kind in CLASSES
        for seed in range(first_seed, first_seed + per_class)
    ]
