"""An independent check of a regrouping: every rule re-verified from the problem and the placements.

Shares no code with the model (regroup.py) but the data classes: its own distances, counts and
completeness, so a bug in one is not repeated in the other.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from caravan_app.domain.outcomes import RegroupRule
from caravan_app.planning.regroup import RegroupProblem, RegroupSolution

_EARTH_KM = 6371.0088
_KM_TOLERANCE = 0.06  # moves are reported to 0.1 km


@dataclass(frozen=True)
class RegroupViolation:
    """One broken rule, the item and container it concerns (when known), and why in English, for the log."""

    rule: RegroupRule
    item: str | None
    container: str | None
    message: str

    def __str__(self) -> str:
        return self.message


def _road_km(problem: RegroupProblem, a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h))) * problem.road_factor


def check_regroup(problem: RegroupProblem, solution: RegroupSolution) -> list[RegroupViolation]:
    """Every broken rule of the solution; [] when it holds."""
    problems: list[RegroupViolation] = []

    def bad(rule: RegroupRule, item: str | None, container: str | None, message: str) -> None:
        problems.append(RegroupViolation(rule, item, container, message))

    items = {i.code: i for i in problem.items}
    containers = {c.code: c for c in problem.containers}
    seen = Counter(code for code, _ in solution.placements)
    for code, n in seen.items():
        if code not in items:
            bad(RegroupRule.UNKNOWN_ITEM, code, None, f"placement of unknown item {code}")
        elif n > 1:
            bad(RegroupRule.ITEM_TWICE, code, None, f"item {code} placed {n} times")
    for code in items:
        if code not in seen:
            bad(RegroupRule.ITEM_NOT_PLACED, code, None, f"item {code} is not placed")
    where = dict(solution.placements)

    holds: dict[str, list[str]] = {code: [] for code in containers}
    for code, target in where.items():
        item = items.get(code)
        if item is None:
            continue
        if target and target not in containers:
            bad(
                RegroupRule.UNKNOWN_CONTAINER,
                code,
                target,
                f"item {code} placed in unknown container {target}",
            )
            continue
        if target:
            holds[target].append(code)
            c = containers[target]
            if target != item.container and c.themes is not None and item.theme not in c.themes:
                bad(
                    RegroupRule.WRONG_THEME,
                    code,
                    target,
                    f"item {code} ({item.theme}) joins {target}, which does not take that theme",
                )

    for code, inside in holds.items():
        c = containers[code]
        if len(inside) > c.max_count:
            bad(
                RegroupRule.TOO_MANY,
                None,
                code,
                f"{code} holds {len(inside)} items, more than its {c.max_count}",
            )
        if c.area_m2 is not None:
            floor = sum(items[i].footprint_m2 for i in inside) * problem.space_factor
            if floor > c.area_m2 + 1e-6:
                bad(
                    RegroupRule.TOO_LITTLE_FLOOR,
                    None,
                    code,
                    f"{code} needs {floor:.1f} m² of floor, more than its {c.area_m2:.1f} m²",
                )

    reported = {r.code: r for r in solution.containers}
    for code, c in containers.items():
        themes = Counter(items[i].theme for i in holds[code])
        complete = c.min_count <= len(holds[code]) <= c.max_count and all(
            themes[theme] >= minimum for theme, minimum in c.minimums
        )
        result = reported.get(code)
        if result is None:
            bad(RegroupRule.CONTAINER_MISSING, None, code, f"container {code} missing from the results")
            continue
        if result.after != len(holds[code]):
            bad(
                RegroupRule.RESULT_WRONG,
                None,
                code,
                f"{code}: reported {result.after} items after, holds {len(holds[code])}",
            )
        before = sum(1 for i in items.values() if i.container == code)
        if result.before != before:
            bad(
                RegroupRule.RESULT_WRONG,
                None,
                code,
                f"{code}: reported {result.before} items before, held {before}",
            )
        if result.complete != complete:
            bad(
                RegroupRule.RESULT_WRONG,
                None,
                code,
                f"{code}: reported complete={result.complete}, but it is {complete}",
            )

    expected = {code for code, target in where.items() if code in items and target != items[code].container}
    moved = Counter(m.item for m in solution.moves)
    for code in expected - set(moved):
        bad(RegroupRule.MOVE_MISSING, code, where[code], f"item {code} changes place but has no move")
    for m in solution.moves:
        item = items.get(m.item)
        if item is None or m.item not in expected:
            bad(
                RegroupRule.MOVE_UNEXPECTED,
                m.item,
                m.to_container,
                f"move of {m.item} that does not change its place",
            )
            continue
        if moved[m.item] > 1:
            bad(RegroupRule.MOVE_TWICE, m.item, m.to_container, f"item {m.item} has {moved[m.item]} moves")
        if (m.from_container, m.from_place, m.to_container) != (item.container, item.place, where[m.item]):
            bad(
                RegroupRule.MOVE_WRONG,
                m.item,
                m.to_container,
                f"move of {m.item} says {m.from_container or m.from_place} -> {m.to_container}",
            )
        joined = containers.get(m.to_container)
        km = 0.0
        if joined is not None:
            km = _road_km(
                problem,
                (item.location.lat, item.location.lon),
                (joined.location.lat, joined.location.lon),
            )
        if abs(km - m.km) > _KM_TOLERANCE:
            bad(
                RegroupRule.MOVE_KM,
                m.item,
                m.to_container,
                f"move of {m.item}: {m.km} km reported, {km:.2f} km measured",
            )
    return problems
