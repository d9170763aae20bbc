"""An independent check of a regrouping: every rule re-verified from the problem and the placements.

Shares no code with the model (regroup.py) but the data classes: its own distances, counts and
completeness, so a bug in one is not repeated in the other.
"""

from __future__ import annotations

import math
from collections import Counter

from caravan_app.planning.regroup import RegroupProblem, RegroupSolution

_EARTH_KM = 6371.0088
_KM_TOLERANCE = 0.06  # moves are reported to 0.1 km


def _road_km(problem: RegroupProblem, a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h))) * problem.road_factor


def check_regroup(problem: RegroupProblem, solution: RegroupSolution) -> list[str]:
    """Every broken rule of the solution, in words; [] when it holds."""
    problems: list[str] = []
    items = {i.code: i for i in problem.items}
    containers = {c.code: c for c in problem.containers}
    seen = Counter(code for code, _ in solution.placements)
    for code, n in seen.items():
        if code not in items:
            problems.append(f"placement of unknown item {code}")
        elif n > 1:
            problems.append(f"item {code} placed {n} times")
    for code in items:
        if code not in seen:
            problems.append(f"item {code} is not placed")
    where = dict(solution.placements)

    holds: dict[str, list[str]] = {code: [] for code in containers}
    for code, target in where.items():
        item = items.get(code)
        if item is None:
            continue
        if target and target not in containers:
            problems.append(f"item {code} placed in unknown container {target}")
            continue
        if target:
            holds[target].append(code)
            c = containers[target]
            if target != item.container and c.themes is not None and item.theme not in c.themes:
                problems.append(f"item {code} ({item.theme}) joins {target}, which does not take that theme")

    for code, inside in holds.items():
        c = containers[code]
        if len(inside) > c.max_count:
            problems.append(f"{code} holds {len(inside)} items, more than its {c.max_count}")
        if c.area_m2 is not None:
            floor = sum(items[i].footprint_m2 for i in inside) * problem.space_factor
            if floor > c.area_m2 + 1e-6:
                problems.append(f"{code} needs {floor:.1f} m² of floor, more than its {c.area_m2:.1f} m²")

    reported = {r.code: r for r in solution.containers}
    for code, c in containers.items():
        themes = Counter(items[i].theme for i in holds[code])
        complete = c.min_count <= len(holds[code]) <= c.max_count and all(
            themes[theme] >= minimum for theme, minimum in c.minimums
        )
        result = reported.get(code)
        if result is None:
            problems.append(f"container {code} missing from the results")
            continue
        if result.after != len(holds[code]):
            problems.append(f"{code}: reported {result.after} items after, holds {len(holds[code])}")
        before = sum(1 for i in items.values() if i.container == code)
        if result.before != before:
            problems.append(f"{code}: reported {result.before} items before, held {before}")
        if result.complete != complete:
            problems.append(f"{code}: reported complete={result.complete}, but it is {complete}")

    expected = {code for code, target in where.items() if code in items and target != items[code].container}
    moved = Counter(m.item for m in solution.moves)
    for code in expected - set(moved):
        problems.append(f"item {code} changes place but has no move")
    for m in solution.moves:
        item = items.get(m.item)
        if item is None or m.item not in expected:
            problems.append(f"move of {m.item} that does not change its place")
            continue
        if moved[m.item] > 1:
            problems.append(f"item {m.item} has {moved[m.item]} moves")
        if (m.from_container, m.from_place, m.to_container) != (item.container, item.place, where[m.item]):
            problems.append(f"move of {m.item} says {m.from_container or m.from_place} -> {m.to_container}")
        joined = containers.get(m.to_container)
        km = 0.0
        if joined is not None:
            km = _road_km(
                problem,
                (item.location.lat, item.location.lon),
                (joined.location.lat, joined.location.lon),
            )
        if abs(km - m.km) > _KM_TOLERANCE:
            problems.append(f"move of {m.item}: {m.km} km reported, {km:.2f} km measured")
    return problems
