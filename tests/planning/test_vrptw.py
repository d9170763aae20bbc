"""The plain VRPTW mode, both engines: Solomon reader, optimum on a tiny instance, the bench checker,
unservable customers, no solution, and cancellation; and the search's own bookkeeping.

No verdict here depends on the machine's speed: searches that must reach something are given a
budget of solutions (SolveControl.solution_limit) under a time limit they never reach, and "no
solution" and "cancelled" are forced (a zero time limit, a cancel before the call or from the
progress callback). The one cancel from another thread only checks that the solve comes back, long
before its time limit, with a plan that holds or none at all."""

from __future__ import annotations

import functools
import itertools
import math
import random
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from bench import checker
from caravan_app.planning.control import Progress, SolveControl
from caravan_app.planning.problem import SolveStatus
from caravan_app.planning.vrptw import (
    Customer,
    VrptwInstance,
    VrptwMethod,
    VrptwSolution,
    read_solomon,
    route_distance,
    solve_vrptw,
)
from caravan_app.planning.vrptw_search import VrptwSearch, _Route

METHODS = pytest.mark.parametrize("method", list(VrptwMethod))

SOLOMON_TEXT = """\
TINY7

VEHICLE
NUMBER     CAPACITY
   3          40

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      50         50          0          0        400          0
    1      60         70         10         20        120         10
    2      70         55         15          0        300         10
    3      35         80          8        150        200         10
    4      20         45         12          0        400         10
    5      40         20         10         40         80         10
    6      75         25         20         60        140         10
    7      55         35          5          0        400         10
"""


def tiny(tmp_path: Path) -> VrptwInstance:
    path = tmp_path / "tiny7.txt"
    path.write_text(SOLOMON_TEXT, encoding="utf-8")
    return read_solomon(path)


def verdict(instance: VrptwInstance, solution: VrptwSolution) -> checker.Verdict:
    return checker.check(instance.customers, instance.capacity, instance.vehicles, solution.routes)


def assert_plan_holds(instance: VrptwInstance, solution: VrptwSolution) -> None:
    """A plan (FEASIBLE) whose routes keep every rule; the customers left out are exactly `unserved`."""
    assert solution.status is SolveStatus.FEASIBLE
    result = verdict(instance, solution)
    assert [p for p in result.problems if "not visited" not in p] == []
    served = sorted(c for route in solution.routes for c in route)
    assert sorted([*served, *solution.unserved]) == list(range(1, len(instance.customers)))
    assert result.distance == pytest.approx(solution.distance)
    assert solution.vehicles == len(solution.routes) <= instance.vehicles
    assert solution.complete == (not solution.unserved)


def assert_no_plan(instance: VrptwInstance, solution: VrptwSolution, status: SolveStatus) -> None:
    assert solution.status is status and not status.has_plan
    assert solution.routes == () and solution.vehicles == 0 and solution.distance == 0
    assert solution.unserved == tuple(range(1, len(instance.customers))) and not solution.complete


# Routing searches never end by themselves (guided local search goes on until stopped): the tests
# stop them after a number of solutions, the same on any machine, with a time limit never reached.
NEVER = 600.0


@functools.cache
def brute_force_optimum(instance: VrptwInstance) -> float:
    """Shortest feasible plan: the best order of every subset, then the best split into ≤ vehicles routes."""
    customers = range(1, len(instance.customers))
    best_route: dict[frozenset[int], float] = {}
    for size in range(1, len(customers) + 1):
        for subset in itertools.combinations(customers, size):
            lengths = []
            for order in itertools.permutations(subset):
                one = checker.check(instance.customers, instance.capacity, 1, [list(order)])
                # The one-route check complains only of the customers outside this route.
                if all("not visited" in p for p in one.problems):
                    lengths.append(one.distance)
            if lengths:
                best_route[frozenset(subset)] = min(lengths)

    everyone = frozenset(customers)
    best: dict[tuple[frozenset[int], int], float] = {}

    def cover(rest: frozenset[int], vehicles: int) -> float:
        if not rest:
            return 0.0
        if vehicles == 0:
            return math.inf
        key = (rest, vehicles)
        if key not in best:
            first = min(rest)  # the route holding the smallest customer, to count each split once
            others = sorted(rest - {first})
            found = math.inf
            for size in range(len(others) + 1):
                for extra in itertools.combinations(others, size):
                    route = frozenset((first, *extra))
                    if route in best_route:
                        found = min(found, best_route[route] + cover(rest - route, vehicles - 1))
            best[key] = found
        return best[key]

    return cover(everyone, instance.vehicles)


def test_reader_reads_a_solomon_file(tmp_path: Path) -> None:
    instance = tiny(tmp_path)
    assert instance.name == "TINY7"
    assert instance.vehicles == 3 and instance.capacity == 40
    assert len(instance.customers) == 8
    assert instance.customers[0] == Customer(50, 50, 0, 0, 400, 0)
    assert instance.customers[3] == Customer(35, 80, 8, 150, 200, 10)
    assert isinstance(instance.customers[3].demand, int)


def test_reader_refuses_customers_out_of_order(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(SOLOMON_TEXT.replace("    2      70", "    9      70"), encoding="utf-8")
    with pytest.raises(ValueError, match="customer numbers"):
        read_solomon(path)


@METHODS
def test_tiny_instance_reaches_the_brute_force_optimum(tmp_path: Path, method: VrptwMethod) -> None:
    instance = tiny(tmp_path)
    optimum = brute_force_optimum(instance)
    # Windows and capacity both shape the optimum: it is longer than either relaxation's.
    no_windows = tuple(c._replace(ready=0, due=400) for c in instance.customers)
    assert optimum > brute_force_optimum(replace(instance, customers=no_windows)) + 1
    assert optimum > brute_force_optimum(replace(instance, capacity=1000)) + 1
    # Both searches are deterministic: OR-Tools reaches the optimum at its 10th solution, ruin and
    # recreate within its first few hundred ruins; 100 solutions (5,000 ruins) leave a margin.
    solution = solve_vrptw(instance, SolveControl(time_limit=NEVER, solution_limit=100), method)
    assert_plan_holds(instance, solution)
    assert solution.complete and verdict(instance, solution).ok
    assert solution.distance == pytest.approx(route_distance(instance, solution.routes))
    # Scaled integer arcs may tie plans that differ in the fourth decimal.
    assert solution.distance == pytest.approx(optimum, abs=0.01)


@METHODS
@pytest.mark.parametrize("solutions", [1, 5, 50])
def test_every_solution_passes_the_checker_and_the_checker_catches_faults(
    tmp_path: Path, solutions: int, method: VrptwMethod
) -> None:
    instance = tiny(tmp_path)
    solution = solve_vrptw(instance, SolveControl(time_limit=NEVER, solution_limit=solutions), method)
    assert_plan_holds(instance, solution)
    result = verdict(instance, solution)
    assert result.ok and result.distance == pytest.approx(solution.distance)

    routes = [list(route) for route in solution.routes]
    everyone_in_one = [[c for route in routes for c in route]]
    assert not checker.check(instance.customers, instance.capacity, instance.vehicles, everyone_in_one).ok
    twice = [*routes, [routes[0][0]]]
    assert any("2 times" in p for p in checker.check(instance.customers, 40, 9, twice).problems)
    late = [[3, 1]]  # 3 opens at 150, 1 closes at 120
    assert any("due time" in p for p in checker.check(instance.customers, 40, 9, late).problems)


@METHODS
def test_unservable_customers_come_back_unserved_with_a_plan(tmp_path: Path, method: VrptwMethod) -> None:
    instance = tiny(tmp_path)
    customers = list(instance.customers)
    customers.append(Customer(95, 95, 5, 0, 10, 10))  # 8: closes before any vehicle can get there
    customers.append(Customer(52, 52, 80, 0, 400, 10))  # 9: heavier than a vehicle carries
    instance = VrptwInstance("unservable", tuple(customers), instance.capacity, instance.vehicles)
    solution = solve_vrptw(instance, SolveControl(time_limit=NEVER, solution_limit=20), method)
    # What was PARTIAL is a plan (FEASIBLE) that lists the customers it leaves out.
    assert_plan_holds(instance, solution)
    assert solution.unserved == (8, 9) and not solution.complete
    served = sorted(c for route in solution.routes for c in route)
    assert served == list(range(1, 8))
    problems = verdict(instance, solution).problems
    assert len(problems) == 1 and "2 customers not visited" in problems[0]


@METHODS
def test_too_small_a_fleet_still_returns_a_plan(tmp_path: Path, method: VrptwMethod) -> None:
    instance = tiny(tmp_path)
    one_vehicle = VrptwInstance("one", instance.customers, instance.capacity, 1)
    # 80 units of demand, one vehicle of 40: no plan serves everyone.
    assert sum(c.demand for c in instance.customers) > instance.capacity
    solution = solve_vrptw(one_vehicle, SolveControl(time_limit=NEVER, solution_limit=5), method)
    assert_plan_holds(one_vehicle, solution)
    assert solution.vehicles == 1 and solution.unserved and not solution.complete


@METHODS
def test_no_time_at_all_gives_no_solution(tmp_path: Path, method: VrptwMethod) -> None:
    """A zero time limit stops the search before its first solution, on any machine."""
    instance = tiny(tmp_path)
    solution = solve_vrptw(instance, SolveControl(time_limit=0), method)
    assert_no_plan(instance, solution, SolveStatus.NO_SOLUTION)


def random_instance(count: int, seed: int) -> VrptwInstance:
    """A Solomon R2-like instance: random places, wide windows, enough to keep a search busy."""
    rng = random.Random(seed)
    customers = [Customer(50, 50, 0, 0, 1000, 0)]
    for _ in range(count):
        x, y = rng.uniform(0, 100), rng.uniform(0, 100)
        ready = rng.uniform(0, 600)
        customers.append(Customer(x, y, rng.randint(1, 30), ready, ready + rng.uniform(100, 300), 10))
    return VrptwInstance(f"random{count}", tuple(customers), capacity=200, vehicles=25)


@METHODS
@pytest.mark.parametrize("count", [7, 80])
def test_a_cancel_before_the_solve_gives_cancelled_and_no_routes(
    tmp_path: Path, count: int, method: VrptwMethod
) -> None:
    instance = tiny(tmp_path) if count == 7 else random_instance(count, seed=7)
    control = SolveControl(time_limit=NEVER)
    control.cancel()
    assert_no_plan(instance, solve_vrptw(instance, control, method), SolveStatus.CANCELLED)


@METHODS
def test_cancel_from_the_progress_callback_returns_the_first_solution(method: VrptwMethod) -> None:
    instance = random_instance(60, seed=3)
    reports: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        reports.append(progress)
        control.cancel()

    # Without the cancel the search would go on for the whole time limit.
    control = SolveControl(time_limit=NEVER, on_progress=on_progress)
    solution = solve_vrptw(instance, control, method)
    # A cancel after a plan was found returns that plan: FEASIBLE, not CANCELLED.
    assert_plan_holds(instance, solution)
    assert reports
    # What came back is the solution last reported.
    assert reports[-1].served == sum(len(route) for route in solution.routes) > 0


@METHODS
def test_cancel_from_another_thread_stops_the_solve(method: VrptwMethod) -> None:
    """The user's cancel comes from the window's thread, at a moment the solve does not choose: it may
    come before the first solution (CANCELLED, no routes) or after (FEASIBLE, the best plan so far).
    Either way the solve comes back long before its time limit."""
    instance = random_instance(80, seed=7)
    control = SolveControl(time_limit=NEVER)
    timer = threading.Timer(0.5, control.cancel)
    timer.start()
    try:
        solution = solve_vrptw(instance, control, method)
    finally:
        timer.cancel()
    assert control.cancelled
    assert solution.seconds < NEVER / 2
    if solution.status is SolveStatus.CANCELLED:
        assert_no_plan(instance, solution, SolveStatus.CANCELLED)
    else:
        assert_plan_holds(instance, solution)


def legs_worked_out_afresh(plan: VrptwSearch) -> list[tuple[list[int], list[list[float]]]]:
    twins = []
    for route in plan.routes:
        twin = _Route(list(route.customers))
        plan._update(twin)
        twins.append((twin.places.tolist(), twin.legs.tolist()))
    return twins


def test_a_routes_times_after_one_insertion_match_those_worked_out_afresh() -> None:
    """Insertion works out only the times that change; the result is what a whole pass gives."""
    plan = VrptwSearch(random_instance(60, seed=11), seed=3)
    rng = random.Random(5)
    inserted = 0
    for customer in rng.sample(sorted(plan.unserved), len(plan.unserved)):
        best = plan.best_insertion(customer)
        if best is None:
            continue
        plan.insert(customer, *best[1:])
        inserted += 1
        assert [(r.places.tolist(), r.legs.tolist()) for r in plan.routes] == legs_worked_out_afresh(plan)
    assert inserted > 40


def test_ruins_tail_swaps_and_restores_keep_every_rule() -> None:
    instance = random_instance(80, seed=7)
    plan = VrptwSearch(instance, seed=1)
    plan.place(sorted(plan.unserved))
    everyone = plan.result()
    for _ in range(200):
        before, state = plan.cost, plan.snapshot()
        taken = plan.ruin_and_recreate()
        assert taken
        result = checker.check(instance.customers, instance.capacity, instance.vehicles, plan.result())
        assert [p for p in result.problems if "not visited" not in p] == []
        assert result.distance == pytest.approx(plan.distance_total)
        plan.restore(state)
        assert plan.cost == pytest.approx(before)
    assert plan.result() == everyone
    length = plan.distance_total
    swapped = 0
    while plan._swap_tails():
        swapped += 1
        assert plan.distance_total < length
        length = plan.distance_total
    assert checker.check(instance.customers, instance.capacity, instance.vehicles, plan.result()).ok
    assert [(r.places.tolist(), r.legs.tolist()) for r in plan.routes] == legs_worked_out_afresh(plan)


def test_the_search_with_a_budget_gives_the_same_plan_every_time() -> None:
    instance = random_instance(50, seed=2)
    first, second = (
        solve_vrptw(instance, SolveControl(time_limit=NEVER, solution_limit=10, seed=4)) for _ in range(2)
    )
    assert first.routes == second.routes
    assert_plan_holds(instance, first)
