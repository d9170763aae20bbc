"""The planner's search over the whole term (planning/tour_search.py): what it guarantees whatever the
clock, on problems small enough to know the answer. Solves get a solution budget (a fixed number of
ruins), never a time they must reach; plan quality under a time limit is measured in bench/province.py."""

from __future__ import annotations

import itertools
from datetime import timedelta

from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Calendar, Lock, TourProblem, TourSolution
from caravan_app.planning.tours import Improvement, plan_tours
from tests.planning.test_tours import GENEROUS, MONDAY, caravan, problem, request, served, tour_km


def searched(p: TourProblem, solutions: int = 1) -> TourSolution:
    solution = plan_tours(p, SolveControl(time_limit=GENEROUS, solution_limit=solutions))
    assert solution.status.has_plan and check_tours(p, solution) == []
    return solution


def greedy(p: TourProblem) -> TourSolution:
    return plan_tours(p, SolveControl(time_limit=0))  # no time to improve: the greedy plan


def test_a_request_the_greedy_plan_blocks_gets_served_by_moving_the_one_in_its_way() -> None:
    # One caravan, two weeks. A (priority 5) may show on either Monday, B (4) only on the first; each
    # takes a whole day. The greedy plan puts A on the first Monday, where it costs no more, and has no
    # day left for B; the search moves A to the second Monday and serves both.
    second_monday = MONDAY + timedelta(days=7)
    whole_day = {"show_minutes": 480, "open_from": 8 * 60, "open_to": 17 * 60}
    a = request("A", 32.06, 118.80, dates=frozenset({MONDAY, second_monday}), priority=5, **whole_day)
    b = request("B", 32.07, 118.81, dates=frozenset({MONDAY}), priority=4, **whole_day)
    p = problem([caravan()], [a, b], calendar=Calendar(MONDAY, MONDAY + timedelta(days=11)))
    assert served(greedy(p)) == {"A"}
    solution = searched(p)
    assert served(solution) == {"A", "B"}
    days = {s.request: s.show_start.date() for t in solution.trips for s in t.stops}
    assert days == {"A": second_monday, "B": MONDAY}


def test_the_search_finds_the_shortest_order_of_a_day_s_shows() -> None:
    # Six short shows around Nanjing, one caravan: the best order is known by trying them all.
    places = [
        (32.20, 118.70),
        (31.90, 118.95),
        (32.15, 118.95),
        (31.95, 118.65),
        (32.05, 119.05),
        (32.0, 118.8),
    ]
    requests = [
        request(f"R{i}", lat, lon, dates=frozenset({MONDAY}), show_minutes=45)
        for i, (lat, lon) in enumerate(places)
    ]
    p = problem([caravan()], requests)
    solution = searched(p)
    assert served(solution) == {r.code for r in requests}
    best = min(tour_km(p, order) for order in itertools.permutations(requests))
    assert len(solution.trips) == 1 and abs(solution.km - best) < 1e-3


def test_the_search_never_serves_less_than_the_greedy_plan_and_keeps_locked_visits() -> None:
    # A term-sized instance with a locked visit: the search starts from the greedy plan and keeps only
    # better plans, and the locked visit stays on its caravan and day.
    weeks = 4
    days = frozenset(MONDAY + timedelta(days=i) for i in range(7 * weeks))
    requests = [
        request(
            f"R{i:03d}",
            31.5 + (i * 37 % 100) / 40,
            118.5 + (i * 53 % 100) / 40,
            dates=days,
            priority=1 + i % 5,
        )
        for i in range(80)
    ]
    locked_day = MONDAY + timedelta(days=9)
    requests[0] = request("R000", 32.05, 118.78, dates=days, lock=Lock("CV1", locked_day))
    p = problem(
        [caravan(f"CV{i}") for i in range(3)],
        requests,
        calendar=Calendar(MONDAY, MONDAY + timedelta(days=7 * weeks - 1)),
    )
    first, solution = greedy(p), searched(p, solutions=5)  # a hundred ruins, whole trips among them
    assert check_tours(p, first) == []
    assert solution.objective <= first.objective
    assert len(served(solution)) >= len(served(first))
    stop = next(
        (t.caravan, s.show_start.date()) for t in solution.trips for s in t.stops if s.request == "R000"
    )
    assert stop == ("CV1", locked_day)


def test_the_same_budget_gives_the_same_plan() -> None:
    requests = [
        request(f"R{i}", 31.6 + i / 30, 118.5 + (i * 7 % 10) / 20, priority=1 + i % 5) for i in range(25)
    ]
    p = problem([caravan("CV1"), caravan("CV2")], requests)
    assert searched(p).trips == searched(p).trips


def test_the_old_improvement_by_blocks_is_still_there_for_the_bench() -> None:
    requests = [request(f"R{i}", 31.6 + i / 30, 118.5 + (i * 7 % 10) / 20) for i in range(12)]
    p = problem([caravan("CV1"), caravan("CV2")], requests)
    for how in Improvement:
        solution = plan_tours(p, SolveControl(time_limit=GENEROUS, solution_limit=1), improvement=how)
        assert check_tours(p, solution) == [] and served(solution) == {r.code for r in requests}
