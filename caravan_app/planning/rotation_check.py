"""An independent checker of rotation plans: a RotationSolution against every rule of its RotationProblem.

Written from the problem's definition, not from the model (rotation.py): it rebuilds where every
set is in every period from the stays alone, derives the moves that implies, measures kilometres
with its own haversine, and walks each move's days through the changeover window. It never raises on
bad data; unknown codes and impossible dates come back as violations. RULES lists every rule.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from caravan_app.domain.outcomes import ROTATION_RULES, RotationRule
from caravan_app.planning.rotation_problem import (
    HostVenue,
    Period,
    RotationProblem,
    RotationSet,
    RotationSolution,
    SetMove,
)

_EARTH_KM = 6371.0088
_KM_TOLERANCE = 0.1

# Every rule identifier with a one-line description.
RULES = ROTATION_RULES


# Records a violation: rule, set code (when known), message.
_Bad = Callable[[str, "str | None", str], None]


@dataclass(frozen=True)
class RotationViolation:
    """One broken rule, the set it concerns (when known), and why in English, for the log."""

    rule: RotationRule
    set_code: str | None
    message: str


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(min(1.0, max(0.0, h))))


@dataclass(frozen=True)
class _Where:
    """A set's place in one period: code, coordinates, and whether it stands installed there."""

    code: str
    lat: float
    lon: float
    installed: bool
    venue: bool  # a hosting venue of the plan (installing there takes install days)


def check_rotation(problem: RotationProblem, solution: RotationSolution) -> list[RotationViolation]:
    """Every rule the solution breaks; an empty list means the plan is valid."""
    found: list[RotationViolation] = []

    def bad(rule: str, set_code: str | None, message: str) -> None:
        found.append(RotationViolation(RotationRule(rule), set_code, message))

    sets = {s.code: s for s in problem.sets}
    venues = {v.code: v for v in problem.venues}
    periods = {p.index: p for p in problem.periods}
    placed: dict[tuple[str, int], str] = {}
    held: dict[tuple[str, int], str] = {}
    for stay in solution.stays:
        label = f"{stay.set_code} in {stay.venue_code}, period {stay.period + 1}"
        s, v, p = sets.get(stay.set_code), venues.get(stay.venue_code), periods.get(stay.period)
        if s is None:
            bad("unknown_set", stay.set_code, f"{label}: no set {stay.set_code}")
            continue
        if v is None:
            bad("unknown_venue", s.code, f"{label}: no venue {stay.venue_code}")
            continue
        if p is None:
            bad("unknown_period", s.code, f"{label}: the horizon has periods 1 to {len(problem.periods)}")
            continue
        if (s.code, p.index) in placed:
            bad("set_twice_in_period", s.code, f"{label}: also in {placed[(s.code, p.index)]}")
        placed[(s.code, p.index)] = v.code
        if (v.code, p.index) in held:
            bad("venue_twice_in_period", s.code, f"{label}: {v.code} already holds {held[(v.code, p.index)]}")
        held[(v.code, p.index)] = s.code
        _check_stay(problem, s, v, p, stay.open_on, stay.close_on, label, bad)
    for (set_code, venue_code), n in Counter((st.set_code, st.venue_code) for st in solution.stays).items():
        if n > 1:
            bad("venue_repeated", set_code, f"{set_code} stands in {venue_code} {n} times")
    kept = {(st.set_code, st.venue_code, st.period) for st in solution.stays}
    for lock in problem.locks:
        if (lock.set_code, lock.venue_code, lock.period) not in kept:
            bad(
                "lock_broken",
                lock.set_code,
                f"locked: {lock.set_code} in {lock.venue_code}, period {lock.period + 1}; the plan moved it",
            )
    _check_moves(problem, solution, placed, bad)
    _check_figures(problem, solution, bad)
    return found


def _check_stay(
    problem: RotationProblem,
    s: RotationSet,
    v: HostVenue,
    p: Period,
    open_on: date,
    close_on: date,
    label: str,
    bad: _Bad,
) -> None:
    if s.code in v.hosted_before or (s.start_installed and s.start.code == v.code):
        bad("hosted_before", s.code, f"{label}: {v.code} has had {s.code} before")
    if v.hall_area_m2 < s.hall_area_m2:
        bad(
            "hall_too_small", s.code, f"{label}: hall {v.hall_area_m2:g} m², the set needs {s.hall_area_m2:g}"
        )
    if p.index not in v.periods:
        bad("venue_not_hosting", s.code, f"{label}: {v.code} does not host in period {p.index + 1}")
    if p.index in s.unavailable or p.index < s.stays_at_start:
        bad("set_unavailable", s.code, f"{label}: the set is not free in period {p.index + 1}")
    if s.cities and v.city not in s.cities:
        bad("outside_region", s.code, f"{label}: city {v.city} is not one of {', '.join(sorted(s.cities))}")
    opens = (p.changeover[-1] if p.changeover else p.start - timedelta(days=1)) + timedelta(days=1)
    if open_on != opens or close_on != p.end:
        bad(
            "stay_dates",
            s.code,
            f"{label}: open {open_on}..{close_on}, but the period allows {opens}..{p.end}",
        )


def _where_each_period(
    problem: RotationProblem, s: RotationSet, placed: dict[tuple[str, int], str]
) -> list[_Where]:
    """Index 0 is before the horizon; index t+1 is period t."""
    venues = {v.code: v for v in problem.venues}
    start = _Where(s.start.code, s.start.location.lat, s.start.location.lon, s.start_installed, False)
    home = _Where(s.home.code, s.home.location.lat, s.home.location.lon, False, False)
    out = [start]
    for p in problem.periods:
        code = placed.get((s.code, p.index))
        if code is not None and code in venues:
            v = venues[code]
            out.append(_Where(v.code, v.location.lat, v.location.lon, True, True))
        elif p.index < s.stays_at_start:
            out.append(start)
        else:
            out.append(home)
    return out


def _check_moves(
    problem: RotationProblem,
    solution: RotationSolution,
    placed: dict[tuple[str, int], str],
    bad: _Bad,
) -> None:
    sets = {s.code: s for s in problem.sets}
    periods = {p.index: p for p in problem.periods}
    reported: dict[tuple[str, int], list[SetMove]] = defaultdict(list)
    for move in solution.moves:
        if move.set_code not in sets:
            bad("unknown_set", move.set_code, f"a move names no set {move.set_code}")
        elif move.period not in periods:
            bad("unknown_period", move.set_code, f"a move of {move.set_code} into period {move.period + 1}")
        else:
            reported[(move.set_code, move.period)].append(move)
    # When each hall is free in each window: the day after the outgoing set's last uninstall day.
    uninstalled_by: dict[tuple[str, int], tuple[date, str]] = {}
    for move in solution.moves:
        if move.uninstall:
            uninstalled_by[(move.from_code, move.period)] = (max(move.uninstall), move.set_code)
    for s in problem.sets:
        where = _where_each_period(problem, s, placed)
        for p in problem.periods:
            before, after = where[p.index], where[p.index + 1]
            moves = reported.pop((s.code, p.index), [])
            label = f"{s.code} into period {p.index + 1}"
            if before.code == after.code:
                if moves:
                    bad("move_unexpected", s.code, f"{label}: it stays at {before.code} but a move is listed")
                continue
            if not moves:
                bad(
                    "move_missing", s.code, f"{label}: from {before.code} to {after.code} with no move listed"
                )
                continue
            if len(moves) > 1:
                bad("move_unexpected", s.code, f"{label}: {len(moves)} moves listed")
            move = moves[0]
            if move.from_code != before.code or move.to_code != after.code:
                bad(
                    "move_unexpected",
                    s.code,
                    f"{label}: the move goes {move.from_code} → {move.to_code}, "
                    f"the stays say {before.code} → {after.code}",
                )
                continue
            _check_move_days(problem, s, p, move, before, after, uninstalled_by, label, bad)


def _check_move_days(
    problem: RotationProblem,
    s: RotationSet,
    p: Period,
    move: SetMove,
    before: _Where,
    after: _Where,
    uninstalled_by: dict[tuple[str, int], tuple[date, str]],
    label: str,
    bad: _Bad,
) -> None:
    km = _haversine(before.lat, before.lon, after.lat, after.lon) * problem.road_factor
    if not abs(move.km - km) <= _KM_TOLERANCE:
        bad("move_km", s.code, f"{label}: {move.km} km reported, {km:.1f} km by the problem's distances")
    if move.truck_loads != s.truck_loads:
        bad(
            "move_km",
            s.code,
            f"{label}: {move.truck_loads} truck loads reported, the set needs {s.truck_loads}",
        )
    window = set(p.changeover)
    days = [*move.uninstall, *move.drive, *move.install]
    outside = [d for d in days if d not in window]
    if outside:
        bad("move_outside_window", s.code, f"{label}: {', '.join(map(str, outside))} outside the window")
    for first, second in (
        (move.uninstall, move.drive),
        (move.drive, move.install),
        (move.uninstall, move.install),
    ):
        if first and second and max(first) >= min(second):
            bad(
                "move_order",
                s.code,
                f"{label}: uninstall, drive and install days overlap or are out of order",
            )
    if len(days) != len(set(days)):
        bad("move_order", s.code, f"{label}: a day is used twice")
    need_uninstall = s.uninstall_days if before.installed else 0
    if len(move.uninstall) != need_uninstall:
        bad(
            "uninstall_days", s.code, f"{label}: {len(move.uninstall)} uninstall days, needs {need_uninstall}"
        )
    need_install = s.install_days if after.venue else 0
    if len(move.install) != need_install:
        bad("install_days", s.code, f"{label}: {len(move.install)} install days, needs {need_install}")
    need_drive = math.ceil(km / problem.truck_km_per_day - 1e-9) if km > 0 else 0
    need_drive = max(need_drive, 1 if km > 0 else 0)
    if len(move.drive) < need_drive:
        bad(
            "drive_days",
            s.code,
            f"{label}: {len(move.drive)} driving days for {km:.0f} km, needs {need_drive}",
        )
    if after.venue and move.install:
        occupant = uninstalled_by.get((after.code, p.index))
        if occupant is None:
            occupant = _booked_occupant(problem, after.code, p.index)
        if occupant is not None and occupant[1] != s.code and min(move.install) <= occupant[0]:
            bad(
                "hall_not_free",
                s.code,
                f"{label}: installing in {after.code} from {min(move.install)}, "
                f"but {occupant[1]} is uninstalled there until {occupant[0]}",
            )


def _booked_occupant(problem: RotationProblem, venue: str, t: int) -> tuple[date, str] | None:
    """A set booked before the plan leaving this hall in window t, with the last day it needs to go."""
    for s in problem.sets:
        if s.start_installed and s.start.code == venue and s.stays_at_start == t:
            window = problem.periods[t].changeover
            if s.uninstall_days == 0:
                return None
            if s.uninstall_days > len(window):
                return (window[-1] + timedelta(days=1) if window else problem.periods[t].start, s.code)
            return (window[s.uninstall_days - 1], s.code)
    return None


def _check_figures(problem: RotationProblem, solution: RotationSolution, bad: _Bad) -> None:
    venues = {v.code: v for v in problem.venues}
    weight = sum(venues[st.venue_code].weight for st in solution.stays if st.venue_code in venues)
    if weight != solution.hosted_weight:
        bad("figures", None, f"hosted weight {solution.hosted_weight} reported, the stays add up to {weight}")
    truck_km = sum(m.km * m.truck_loads for m in solution.moves)
    if abs(truck_km - solution.truck_km) > max(1.0, 0.001 * truck_km):
        bad("figures", None, f"{solution.truck_km} truck-km reported, the moves add up to {truck_km:.1f}")
