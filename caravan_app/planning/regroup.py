"""Regrouping surviving exhibits into complete museum sets and caravan kits, with CP-SAT.

The problem: containers (museum sets, or caravans' kits) with a count range (50–60 for a set; a
kit's slots), theme minimums (the set's template), the themes they take, and for sets the floor
area of the hall they tour with; items (exhibits that survive retirement) with a theme, the
container they are in (or none: in a depot's store), where they are, and their footprint.

The model: items that are interchangeable (same theme, same container, same place and point,
same footprint) form a group, and n[g,c] counts the items of group g that end in container c; the rest
of the group ends (or stays) in store. So a kit's 24 exhibits of four themes make four variables
per caravan, not 24.
- Σ_c n[g,c] ≤ |g|; a container holds at most its maximum.
- An item joins only a container that takes its theme; it may always stay where it is.
- Floor area: Σ footprint · n · space_factor ≤ the container's area, where an area is given
  (space_factor: the floor a visitor circuit needs per m² of exhibit footprint).
- complete[c] ⇒ count ≥ minimum and every theme minimum of the template met.
- An item moves when it ends anywhere but where it is (store to store is no move); a move's km is
  the great-circle distance times the road factor from where the item is to the container's place.
Lexicographic objective in three CP-SAT solves, each started from the previous one's answer and
keeping what it reached: (1) most complete containers, (2) fewest items moved, (3) fewest km.
The solution is optimal only if all three are proven; each phase reports its bound.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from caravan_app import log
from caravan_app.planning.control import SolveControl
from caravan_app.planning.cpsat import Callback, outcome, solve_cp
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import DEFAULT_ROAD_FACTOR, Point, SolveStatus

_log = log.get(log.PLANNING)

STORE = ""  # the container code of "in a depot's store, in no container"
# A visitor circuit needs about four times an exhibit's footprint in floor area.
DEFAULT_SPACE_FACTOR = 4.0
# Kilometres are counted in tenths in the model.
KM_SCALE = 10
# Areas are counted in whole dm² (a hundredth of a m²), footprints rounded up so a fit is never claimed
# that is not there.
AREA_SCALE = 100
# Shares of the time limit: phase 1 (complete containers), phase 2 (moves); phase 3 (km) gets the rest.
PHASE_SHARES = (0.4, 0.5)


@dataclass(frozen=True)
class Container:
    """A museum set or a caravan's kit, as the regrouping sees it."""

    code: str
    location: Point
    min_count: int
    max_count: int
    minimums: tuple[tuple[str, int], ...] = ()  # theme minimums of a complete container
    themes: frozenset[str] | None = None  # themes it takes; None: any
    area_m2: float | None = None  # floor area the exhibits must fit in; None: not limited

    def takes(self, theme: str) -> bool:
        return self.themes is None or theme in self.themes


@dataclass(frozen=True)
class Item:
    """A surviving exhibit: its theme, its container (STORE if none), and where it is."""

    code: str
    theme: str
    container: str
    place: str  # code of where it is: its container's, or a depot's
    location: Point
    footprint_m2: float = 0.0


@dataclass(frozen=True)
class RegroupProblem:
    containers: tuple[Container, ...]
    items: tuple[Item, ...]
    road_factor: float = DEFAULT_ROAD_FACTOR
    space_factor: float = DEFAULT_SPACE_FACTOR


@dataclass(frozen=True)
class Move:
    item: str
    from_container: str  # STORE: from a depot's store (from_place says which)
    from_place: str
    to_container: str  # STORE: back to store (only from a container over its limits)
    km: float


@dataclass(frozen=True)
class ContainerResult:
    code: str
    before: int
    after: int
    complete_before: bool
    complete: bool


@dataclass(frozen=True)
class RegroupSolution:
    placements: tuple[tuple[str, str], ...]  # (item, container or STORE) for every item
    moves: tuple[Move, ...]
    containers: tuple[ContainerResult, ...]
    status: SolveStatus
    complete_bound: int | None = None  # no plan completes more containers than this
    moves_bound: int | None = None  # with that many complete, no plan moves fewer items
    km_bound: float | None = None  # with both, no plan drives fewer km
    solve_seconds: float = 0.0

    @property
    def complete(self) -> int:
        return sum(1 for c in self.containers if c.complete)

    @property
    def moved(self) -> int:
        return len(self.moves)

    @property
    def km(self) -> float:
        return round(sum(m.km for m in self.moves), 1)

    @property
    def objective(self) -> tuple[int, int, float]:
        """(complete containers, items moved, km): better is more, then fewer, then fewer."""
        return (self.complete, self.moved, self.km)


@dataclass(frozen=True)
class _Group:
    theme: str
    container: str
    place: str
    location: Point
    footprint: int  # dm², rounded up
    items: tuple[str, ...]  # item codes, sorted


def move_km(problem: RegroupProblem, location: Point, container: Container) -> float:
    return great_circle_km(location, container.location) * problem.road_factor


def _groups(problem: RegroupProblem) -> list[_Group]:
    members: dict[tuple[str, str, str, float, float, int], list[Item]] = defaultdict(list)
    for item in problem.items:
        footprint = math.ceil(item.footprint_m2 * AREA_SCALE - 1e-9)
        key = (item.theme, item.container, item.place, item.location.lat, item.location.lon, footprint)
        members[key].append(item)
    return [
        _Group(theme, container, place, Point(lat, lon), footprint, tuple(sorted(i.code for i in items)))
        for (theme, container, place, lat, lon, footprint), items in sorted(members.items())
    ]


class _Model:
    def __init__(self, problem: RegroupProblem) -> None:
        self.problem = problem
        self.model = cp_model.CpModel()
        self.groups = _groups(problem)
        self.containers = {c.code: c for c in problem.containers}
        self.n: dict[tuple[int, str], cp_model.IntVar] = {}
        self.complete: dict[str, cp_model.IntVar] = {}
        moved_terms: list[cp_model.LinearExprT] = []
        km_terms: list[tuple[cp_model.IntVar, int]] = []
        m = self.model
        for g, group in enumerate(self.groups):
            size = len(group.items)
            placed = []
            for c in problem.containers:
                if not (c.takes(group.theme) or c.code == group.container):
                    continue
                var = m.new_int_var(0, min(size, c.max_count), f"n[{g},{c.code}]")
                self.n[(g, c.code)] = var
                placed.append(var)
                if c.code != group.container:
                    km = round(move_km(problem, group.location, c) * KM_SCALE)
                    if km:
                        km_terms.append((var, km))
            if placed:
                m.add(sum(placed) <= size)
            if group.container == STORE:
                moved_terms.extend(placed)
            elif (g, group.container) in self.n:
                # Every item of the group moves but those that stay.
                moved_terms.append(size - self.n[(g, group.container)])
            else:
                moved_terms.append(size)  # its container is not in the problem: all of it moves
        for c in problem.containers:
            inside = [(g, var) for (g, code), var in self.n.items() if code == c.code]
            count = sum(var for _, var in inside)
            m.add(count <= c.max_count)
            if c.area_m2 is not None:
                room = math.floor(c.area_m2 * AREA_SCALE / problem.space_factor + 1e-9)
                m.add(sum(self.groups[g].footprint * var for g, var in inside) <= room)
            done = m.new_bool_var(f"complete[{c.code}]")
            self.complete[c.code] = done
            m.add(count >= c.min_count).only_enforce_if(done)
            for theme, minimum in c.minimums:
                of_theme = [var for g, var in inside if self.groups[g].theme == theme]
                if not of_theme:
                    if minimum > 0:
                        m.add(done == 0)
                else:
                    m.add(sum(of_theme) >= minimum).only_enforce_if(done)
        self.moved = sum(moved_terms)
        self.km = cp_model.LinearExpr.weighted_sum([v for v, _ in km_terms], [k for _, k in km_terms])
        self.completed = sum(self.complete.values())

    def hint(self, values: dict[tuple[int, str], int]) -> None:
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        for key, var in self.n.items():
            self.model.add_hint(var, values.get(key, 0))

    def stay_where_they_are(self) -> dict[tuple[int, str], int]:
        return {
            (g, group.container): len(group.items)
            for g, group in enumerate(self.groups)
            if (g, group.container) in self.n
        }


class _Progress(Callback):
    def __init__(self, built: _Model, control: SolveControl, phase: int) -> None:
        super().__init__(control)
        self._built = built
        self._phase = phase

    def on_solution_callback(self) -> None:
        complete = sum(int(self.value(v)) for v in self._built.complete.values())
        bound = self.best_objective_bound if self._phase == 1 else None
        km = self.value(self._built.km) / KM_SCALE if self._phase == 3 else None
        self._control.report(self.objective_value, complete, bound, km)
        self.count()


def regroup(
    problem: RegroupProblem, control: SolveControl | None = None, workers: int | None = None
) -> RegroupSolution:
    """Most complete containers, then fewest items moved, then fewest km (three CP-SAT phases)."""
    control = control or SolveControl()
    control.start_clock()
    workers = workers or control.cp_workers
    _check_problem(problem)
    built = _Model(problem)
    _log.info(
        "regroup: %d containers, %d items in %d groups, %d variables",
        len(problem.containers),
        len(problem.items),
        len(built.groups),
        len(built.n),
    )
    m = built.model
    values = built.stay_where_they_are()
    proven = True
    bounds: list[float | None] = [None, None, None]
    objectives = (built.completed, built.moved, built.km)
    for phase, objective in enumerate(objectives, start=1):
        if phase > 1 and (control.cancelled or control.remaining < 0.2):
            proven = False
            break
        if phase == 1:
            m.maximize(objective)
        else:
            m.minimize(objective)
        built.hint(values)
        share = PHASE_SHARES[phase - 1] if phase <= len(PHASE_SHARES) else 1.0
        solver, cp_status = solve_cp(
            built.model, control, _Progress(built, control, phase), control.remaining * share, workers
        )
        status = outcome(cp_status, control)
        if not status.has_plan:
            if phase == 1:
                return RegroupSolution((), (), (), status, solve_seconds=control.elapsed)
            proven = False
            break
        values = {key: int(solver.value(var)) for key, var in built.n.items()}
        reached = round(solver.objective_value)
        bounds[phase - 1] = solver.best_objective_bound
        proven = proven and status is SolveStatus.OPTIMAL
        # Later phases keep what this one reached.
        if phase == 1:
            m.add(objective >= reached)
        else:
            m.add(objective <= reached)
    status = SolveStatus.OPTIMAL if proven else SolveStatus.FEASIBLE
    solution = _solution(problem, built, values, status, control.elapsed)
    return RegroupSolution(
        solution.placements,
        solution.moves,
        solution.containers,
        status,
        complete_bound=None if bounds[0] is None else math.floor(bounds[0] + 1e-6),
        moves_bound=None if bounds[1] is None else math.ceil(bounds[1] - 1e-6),
        km_bound=None if bounds[2] is None else round(max(0.0, bounds[2]) / KM_SCALE, 1),
        solve_seconds=round(control.elapsed, 3),
    )


def _check_problem(problem: RegroupProblem) -> None:
    codes = [c.code for c in problem.containers]
    if len(set(codes)) != len(codes) or STORE in codes:
        raise ValueError("container codes must be distinct and not empty")
    items = [i.code for i in problem.items]
    if len(set(items)) != len(items):
        raise ValueError("item codes must be distinct")
    for c in problem.containers:
        if not 0 <= c.min_count <= c.max_count:
            raise ValueError(f"container {c.code}: count range {c.min_count}..{c.max_count} is empty")


def complete_with(container: Container, themes: list[str]) -> bool:
    """Whether a container holding items of these themes is complete."""
    if not container.min_count <= len(themes) <= container.max_count:
        return False
    return all(themes.count(theme) >= minimum for theme, minimum in container.minimums)


def _solution(
    problem: RegroupProblem,
    built: _Model,
    values: dict[tuple[int, str], int],
    status: SolveStatus,
    seconds: float,
) -> RegroupSolution:
    """Items placed one by one from the group counts: those that stay first, then in container order."""
    where: dict[str, str] = {}
    for g, group in enumerate(built.groups):
        left = list(group.items)
        if (g, group.container) in values:
            for code in left[: values[(g, group.container)]]:
                where[code] = group.container
            left = left[values[(g, group.container)] :]
        for c in problem.containers:
            if c.code == group.container:
                continue
            count = values.get((g, c.code), 0)
            for code in left[:count]:
                where[code] = c.code
            left = left[count:]
        for code in left:
            where[code] = STORE
    items = {i.code: i for i in problem.items}
    moves = tuple(
        Move(
            item=code,
            from_container=items[code].container,
            from_place=items[code].place,
            to_container=target,
            km=0.0
            if target == STORE
            else round(move_km(problem, items[code].location, built.containers[target]), 1),
        )
        for code, target in sorted(where.items())
        if target != items[code].container
    )
    before: dict[str, list[str]] = defaultdict(list)
    after: dict[str, list[str]] = defaultdict(list)
    for item in problem.items:
        before[item.container].append(item.theme)
        after[where[item.code]].append(item.theme)
    results = tuple(
        ContainerResult(
            c.code,
            len(before[c.code]),
            len(after[c.code]),
            complete_with(c, before[c.code]),
            complete_with(c, after[c.code]),
        )
        for c in problem.containers
    )
    placements = tuple(sorted(where.items()))
    return RegroupSolution(placements, moves, results, status, solve_seconds=seconds)
