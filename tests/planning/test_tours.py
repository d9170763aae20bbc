"""The tour planner on small problems: known optima, reasons, locks, cancel, and every plan checked.

No verdict here depends on the machine's speed. The planner's greedy plan is deterministic and the
OR-Tools improvement keeps a block's result only if the whole plan gets better, so the tests give
the improvement a budget of solutions (SolveControl.solution_limit) under a time limit it never
reaches. The budget must be one the search can reach: guided local search does not stop by itself,
and where a problem has fewer solutions than the budget (one request, one caravan) it would go on
until the time limit; such problems get a budget of one solution. Cancels are forced (before the
call, from the progress callback); the one from another thread only checks that the solve comes
back long before its time limit with a plan that holds, or none.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caravan_app.domain.enums import CaravanType, Level
from caravan_app.planning.check import check_tours, distance_km
from caravan_app.planning.control import Progress, SolveControl
from caravan_app.planning.problem import (
    Calendar,
    JointTour,
    Lock,
    Point,
    SolveStatus,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    UnservedReason,
)
from caravan_app.planning.tour_json import problem_from_json, problem_to_json
from caravan_app.planning.tours import LockError, plan_tours

MONDAY = date(2027, 3, 1)
WEEK = frozenset(MONDAY + timedelta(days=i) for i in range(5))
NANJING = Point(32.05, 118.78)
# County and city adcodes used below: 江宁区 320115 in 南京 320100, 沛县 320322 in 徐州 320300.
JIANGNING, NANJING_CITY, PEIXIAN, XUZHOU_CITY = "320115", "320100", "320322", "320300"


def caravan(code: str = "CV1", **changes: object) -> TourCaravan:
    values: dict[str, object] = {
        "code": code,
        "type": CaravanType.III,
        "themes": frozenset({"力学", "数学"}),
        "owner_level": Level.PROVINCE,
        "region": "320000",
        "depot_code": f"D-{code}",
        "depot": NANJING,
    }
    values.update(changes)
    return TourCaravan(**values)  # type: ignore[arg-type]


def request(code: str, lat: float, lon: float, **changes: object) -> TourRequest:
    values: dict[str, object] = {
        "code": code,
        "venue_code": f"V-{code}",
        "venue_name": f"场地{code}",
        "location": Point(lat, lon),
        "county": JIANGNING,
        "city": NANJING_CITY,
        "key_county": False,
        "township": False,
        "dates": WEEK,
        "open_from": 8 * 60,
        "open_to": 17 * 60,
        "show_minutes": 180,
    }
    values.update(changes)
    return TourRequest(**values)  # type: ignore[arg-type]


def problem(caravans: list[TourCaravan], requests: list[TourRequest], **changes: object) -> TourProblem:
    values: dict[str, object] = {
        "caravans": tuple(caravans),
        "requests": tuple(requests),
        "calendar": Calendar(MONDAY, MONDAY + timedelta(days=4)),
    }
    values.update(changes)
    return TourProblem(**values)  # type: ignore[arg-type]


# Never reached when the solution budget is: a test that takes this long has a budget its
# problem cannot reach (see the module's docstring), not a slow machine.
GENEROUS = 60.0
# A time limit no solve reaches: it ends by a cancel.
NEVER = 600.0


def solve(p: TourProblem, solutions: int = 1) -> TourSolution:
    """The plan after at most `solutions` solutions of each block's search; checked, and complete."""
    solution = plan_tours(p, SolveControl(time_limit=GENEROUS, solution_limit=solutions))
    assert solution.status is SolveStatus.FEASIBLE
    assert check_tours(p, solution) == []
    assert served(solution) | {u.request for u in solution.unserved} == {r.code for r in p.requests}
    return solution


def served(solution: TourSolution) -> set[str]:
    return {s.request for t in solution.trips for s in t.stops}


def reasons(solution: TourSolution) -> dict[str, UnservedReason]:
    return {u.request: u.reason for u in solution.unserved}


# --- known optima -------------------------------------------------------------------------------


def tour_km(p: TourProblem, order: tuple[TourRequest, ...]) -> float:
    depot = p.caravans[0]
    places = [(depot.depot_code, depot.depot)] + [(r.venue_code, r.location) for r in order]
    places.append(places[0])
    return sum(distance_km(p, a, pa, b, pb) for (a, pa), (b, pb) in itertools.pairwise(places))


def test_one_caravan_serves_everything_in_the_shortest_order() -> None:
    """Five venues around Nanjing, one show a day: all served, in the order with fewest km."""
    requests = [
        request("A", 32.20, 118.70),
        request("B", 31.95, 118.85),
        request("C", 32.10, 119.00),
        request("D", 31.80, 118.60),
        request("E", 32.30, 118.95),
    ]
    p = problem([caravan()], requests, calendar=Calendar(MONDAY, MONDAY + timedelta(days=4)))
    solution = solve(p, solutions=10)
    assert served(solution) == {"A", "B", "C", "D", "E"}
    best = min(tour_km(p, order) for order in itertools.permutations(requests))
    # One trip of the whole week is the cheapest way (a trip per day would drive back each night).
    assert solution.km == pytest.approx(best, abs=0.5)


def test_priority_decides_when_capacity_is_short() -> None:
    """One caravan, one free day, three requests: the heaviest is served."""
    one_day = frozenset({MONDAY})
    p = problem(
        [caravan()],
        [
            request("LOW", 32.2, 118.7, dates=one_day, priority=2, show_minutes=400),
            request("KEY", 32.1, 119.0, dates=one_day, priority=3, key_county=True, show_minutes=400),
            request("MID", 31.9, 118.8, dates=one_day, priority=4, show_minutes=400),
        ],
    )
    solution = solve(p, solutions=10)
    assert served(solution) == {"KEY"}  # weight 3 × 2 beats 4
    assert reasons(solution) == {"LOW": UnservedReason.CAPACITY, "MID": UnservedReason.CAPACITY}


# --- reasons ------------------------------------------------------------------------------------


def test_each_unserved_reason() -> None:
    county_van = caravan("CV-PX", owner_level=Level.COUNTY, region=PEIXIAN, type=CaravanType.IV)
    p = problem(
        [caravan(), county_van],
        [
            request("THEME", 32.1, 118.8, themes_wanted=frozenset({"航空航天"})),
            request("TYPE", 32.1, 118.8, types_allowed=frozenset({CaravanType.I})),
            # Only the Peixian van is type IV, and it may not leave its county.
            request("REGION", 32.1, 118.8, types_allowed=frozenset({CaravanType.IV})),
            request("SUNDAY", 32.1, 118.8, dates=frozenset({MONDAY - timedelta(days=1)})),
            request("OK", 32.1, 118.9),
        ],
    )
    solution = solve(p)
    assert reasons(solution) == {
        "THEME": UnservedReason.NO_TYPE_OR_THEME,
        "TYPE": UnservedReason.NO_TYPE_OR_THEME,
        "REGION": UnservedReason.NO_PERMITTED_CARAVAN,
        "SUNDAY": UnservedReason.NO_WORKABLE_DATE,
    }
    assert served(solution) == {"OK"}


def test_county_and_city_caravans_stay_home_unless_a_joint_tour_lets_them() -> None:
    county_van = caravan("CV-PX", owner_level=Level.COUNTY, region=PEIXIAN)
    city_van = caravan("CV-XZ", owner_level=Level.CITY, region=XUZHOU_CITY)
    far = request("NJ", 32.1, 118.8)  # in Jiangning, Nanjing
    p = problem([county_van, city_van], [far])
    assert reasons(solve(p)) == {"NJ": UnservedReason.NO_PERMITTED_CARAVAN}
    joint = JointTour("徐宁联动", frozenset({"CV-XZ"}), frozenset({NANJING_CITY}))
    solution = solve(problem([county_van, city_van], [far], joint_tours=(joint,)))
    assert [t.caravan for t in solution.trips] == ["CV-XZ"]


def test_a_joint_tour_lets_a_caravan_go_only_until_its_last_day() -> None:
    city_van = caravan("CV-XZ", owner_level=Level.CITY, region=XUZHOU_CITY)
    tuesday, thursday = MONDAY + timedelta(days=1), MONDAY + timedelta(days=3)
    joint = JointTour("徐宁联动", frozenset({"CV-XZ"}), frozenset({NANJING_CITY}), last_day=tuesday)
    late = request("NJ", 32.1, 118.8, dates=frozenset({thursday}))
    assert reasons(solve(problem([city_van], [late], joint_tours=(joint,)))) == {
        "NJ": UnservedReason.NO_PERMITTED_CARAVAN
    }
    either = request("NJ", 32.1, 118.8, dates=frozenset({tuesday, thursday}))
    p = problem([city_van], [either], joint_tours=(joint,))
    solution = solve(p)
    assert [s.show_start.date() for t in solution.trips for s in t.stops] == [tuesday]
    assert check_tours(p, solution) == []
    assert problem_from_json(problem_to_json(p)).joint_tours == (joint,)
    # The checker holds the same line: with the tour ending the day before, that show breaks the rule.
    ended = problem([city_van], [either], joint_tours=(replace(joint, last_day=MONDAY),))
    assert [v.rule.value for v in check_tours(ended, solution)] == ["region_not_permitted"]


def test_a_distant_venue_takes_a_night_on_the_road() -> None:
    """Nanjing to Xiangshui is more than a day's driving allowance: the crew stops for the night."""
    xiangshui = request("XS", 34.20, 119.58, dates=WEEK - {MONDAY})
    p = problem([caravan(max_drive_minutes_per_day=240)], [xiangshui])
    solution = solve(p)
    trip = solution.trips[0]
    assert trip.stops[0].show_start.date() > trip.leave.date()
    assert trip.days >= 2


def test_two_day_show_takes_two_successive_days() -> None:
    p = problem([caravan()], [request("TWO", 32.1, 118.9, show_days=2), request("ONE", 32.2, 118.7)])
    solution = solve(p, solutions=10)
    stops = [s for t in solution.trips for s in t.stops if s.request == "TWO"]
    assert [s.show_start.date() for s in stops][1] - stops[0].show_start.date() == timedelta(days=1)


# --- locks and cancel ---------------------------------------------------------------------------


def test_a_locked_visit_stays_where_the_planner_put_it_across_solves() -> None:
    thursday = MONDAY + timedelta(days=3)
    requests = [
        request("A", 32.20, 118.70),
        request("B", 31.95, 118.85, lock=Lock("CV2", thursday)),
        request("C", 32.10, 119.00),
    ]
    p = problem([caravan("CV1"), caravan("CV2")], requests)
    for _ in range(2):
        solution = solve(p, solutions=10)
        [stop] = [s for t in solution.trips for s in t.stops if s.request == "B"]
        [trip] = [t for t in solution.trips if stop in t.stops]
        assert trip.caravan == "CV2" and stop.show_start.date() == thursday and stop.locked
        assert served(solution) == {"A", "B", "C"}


def test_an_impossible_lock_is_refused_with_a_reason() -> None:
    sunday = MONDAY - timedelta(days=1)
    p = problem([caravan()], [request("A", 32.2, 118.7, lock=Lock("CV1", sunday))])
    with pytest.raises(LockError, match="A is locked to caravan CV1") as refused:
        plan_tours(p, SolveControl(time_limit=GENEROUS))
    error = refused.value
    assert (error.request, error.caravan, error.day) == ("A", "CV1", sunday)
    assert error.reason is UnservedReason.NO_WORKABLE_DATE


def many_requests(count: int) -> TourProblem:
    """A term-sized problem: a few provincial caravans, requests spread over Jiangsu."""
    weeks = 8
    days = frozenset(MONDAY + timedelta(days=i) for i in range(7 * weeks))
    requests = [
        request(f"R{i:03d}", 31.5 + (i * 37 % 100) / 40, 118.5 + (i * 53 % 100) / 40, dates=days)
        for i in range(count)
    ]
    caravans = [caravan(f"CV{i}") for i in range(4)]
    return problem(caravans, requests, calendar=Calendar(MONDAY, MONDAY + timedelta(days=7 * weeks - 1)))


def test_a_cancel_before_the_solve_gives_cancelled_and_no_plan() -> None:
    p = many_requests(120)
    control = SolveControl(time_limit=NEVER)
    control.cancel()
    solution = plan_tours(p, control)
    assert solution.status is SolveStatus.CANCELLED and not solution.status.has_plan
    assert solution.trips == () and solution.unserved == ()


def test_a_cancel_at_the_first_plan_returns_the_greedy_plan() -> None:
    """The first progress report is the greedy plan; a cancel there returns it, as FEASIBLE."""
    p = many_requests(120)
    seen: list[Progress] = []
    control = SolveControl(time_limit=NEVER)

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        control.cancel()

    control.on_progress = on_progress
    solution = plan_tours(p, control)
    assert solution.status is SolveStatus.FEASIBLE
    assert len(seen) == 1 and seen[0].objective == solution.objective
    assert seen[0].served == len(served(solution)) > 0
    assert check_tours(p, solution) == []
    greedy = plan_tours(p, SolveControl(time_limit=0))  # no time to improve: the greedy plan
    assert greedy.trips == solution.trips and greedy.unserved == solution.unserved


def test_cancel_from_another_thread_stops_a_long_solve() -> None:
    """The window's cancel comes at a moment the solve does not choose: before the greedy plan is
    complete (CANCELLED, nothing) or after (FEASIBLE, the best plan so far). Either way the solve
    comes back long before its time limit."""
    p = many_requests(120)
    control = SolveControl(time_limit=NEVER)
    timer = threading.Timer(0.5, control.cancel)
    timer.start()
    try:
        solution = plan_tours(p, control)
    finally:
        timer.cancel()
    assert control.cancelled and solution.solve_seconds < NEVER / 2
    if solution.status is SolveStatus.CANCELLED:
        assert solution.trips == () and solution.unserved == ()
    else:
        assert solution.status is SolveStatus.FEASIBLE
        assert check_tours(p, solution) == []


def test_progress_is_reported() -> None:
    seen: list[Progress] = []
    p = many_requests(30)
    solution = plan_tours(p, SolveControl(time_limit=GENEROUS, solution_limit=3, on_progress=seen.append))
    assert check_tours(p, solution) == []
    assert seen and seen[0].served > 0
    # The greedy plan and every better plan kept are reported, so the final one is among them.
    assert any(s.objective == solution.objective and s.served == len(served(solution)) for s in seen)


# --- any plan the engine returns passes the checker ----------------------------------------------

points = st.tuples(st.floats(31.6, 32.6), st.floats(118.4, 119.4))


@st.composite
def small_problems(draw: st.DrawFn) -> TourProblem:
    caravans = []
    for i in range(draw(st.integers(1, 3))):
        level = draw(st.sampled_from([Level.PROVINCE, Level.CITY, Level.COUNTY]))
        region = {Level.PROVINCE: "320000", Level.CITY: NANJING_CITY, Level.COUNTY: JIANGNING}[level]
        lat, lon = draw(points)
        caravans.append(
            caravan(
                f"CV{i}",
                owner_level=level,
                region=region,
                depot=Point(lat, lon),
                type=draw(st.sampled_from(list(CaravanType))),
                max_drive_minutes_per_day=draw(st.sampled_from([120, 240, 300])),
                max_trip_days=draw(st.integers(1, 5)),
                unavailable=frozenset(draw(st.sets(st.sampled_from(sorted(WEEK)), max_size=2))),
            )
        )
    requests = []
    for i in range(draw(st.integers(1, 6))):
        lat, lon = draw(points)
        open_from = draw(st.sampled_from([7 * 60, 8 * 60, 9 * 60, 13 * 60]))
        requests.append(
            request(
                f"R{i}",
                lat,
                lon,
                dates=frozenset(draw(st.sets(st.sampled_from(sorted(WEEK)), min_size=1))),
                open_from=open_from,
                open_to=open_from + draw(st.sampled_from([180, 240, 420, 600])),
                show_minutes=draw(st.sampled_from([60, 120, 180])),
                show_days=draw(st.sampled_from([1, 1, 1, 2])),
                county=draw(st.sampled_from([JIANGNING, PEIXIAN])),
                priority=draw(st.integers(1, 5)),
                types_allowed=frozenset(draw(st.sets(st.sampled_from(list(CaravanType)), max_size=2))),
            )
        )
    return problem(caravans, requests)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems(), st.sampled_from([1, 3, 10]))
def test_every_plan_passes_the_checker(p: TourProblem, solutions: int) -> None:
    # Whatever plan the search stops at, by its budget of solutions or by the clock (a problem
    # may have fewer solutions than the budget), passes the checker: the verdict does not depend
    # on where the search stopped, so a short time limit keeps this quick.
    solution = plan_tours(p, SolveControl(time_limit=0.3, solution_limit=solutions))
    assert solution.status is SolveStatus.FEASIBLE
    assert check_tours(p, solution) == []
    assert served(solution) | {u.request for u in solution.unserved} == {r.code for r in p.requests}


def test_a_cap_on_days_per_caravan_spreads_the_work_and_is_kept() -> None:
    # Five one-day shows in the week, each allowed only on its own day: one caravan could do them all.
    days = sorted(WEEK)
    shows = [request(f"R{i}", 31.95 + i / 100, 118.80, dates=frozenset({day})) for i, day in enumerate(days)]
    uncapped = solve(problem([caravan("CV1"), caravan("CV2")], shows))
    assert uncapped.requests_served == 5
    capped_problem = problem([caravan("CV1"), caravan("CV2")], shows, max_days_per_caravan=3)
    capped = solve(capped_problem)
    assert check_tours(capped_problem, capped) == []
    away: dict[str, int] = {}
    for trip in capped.trips:
        away[trip.caravan] = away.get(trip.caravan, 0) + trip.days
    assert capped.requests_served == 5 and max(away.values()) <= 3 and len(away) == 2
    # A cap that leaves no room: nothing is served, for want of capacity.
    none = solve(problem([caravan("CV1")], shows, max_days_per_caravan=0))
    assert none.trips == () and {u.reason for u in none.unserved} == {UnservedReason.CAPACITY}
    # The cap travels with the problem.
    assert problem_from_json(problem_to_json(capped_problem)).max_days_per_caravan == 3
