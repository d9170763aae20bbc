"""The lower bound on km (planning/tour_bound.py) never exceeds the km of a plan serving the same
requests: checked against the best order found by trying them all, and against the planner's plans."""

from __future__ import annotations

import itertools
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Calendar
from caravan_app.planning.tour_bound import km_lower_bound
from caravan_app.planning.tours import plan_tours
from tests.planning.test_tours import GENEROUS, MONDAY, caravan, problem, request, served, tour_km


def test_the_bound_is_below_the_best_order_of_one_trip_and_not_trivial() -> None:
    places = [(32.20, 118.70), (31.90, 118.95), (32.15, 118.95), (31.95, 118.65), (32.05, 119.05)]
    requests = [
        request(f"R{i}", lat, lon, dates=frozenset({MONDAY}), show_minutes=45)
        for i, (lat, lon) in enumerate(places)
    ]
    p = problem([caravan()], requests)
    best = min(tour_km(p, order) for order in itertools.permutations(requests))
    bound = km_lower_bound(p, [r.code for r in requests])
    assert 0.5 * best < bound <= best + 1e-9
    assert km_lower_bound(p, []) == 0.0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.floats(31.5, 33.5), st.floats(118.3, 120.5), st.integers(0, 13)), min_size=1, max_size=25
    ),
    st.integers(1, 3),
)
def test_the_bound_never_exceeds_a_plans_km(spots: list[tuple[float, float, int]], caravans: int) -> None:
    requests = [
        request(f"R{i}", lat, lon, dates=frozenset({MONDAY + timedelta(days=day)}), show_minutes=60)
        for i, (lat, lon, day) in enumerate(spots)
    ]
    p = problem(
        [caravan(f"CV{i}") for i in range(caravans)],
        requests,
        calendar=Calendar(MONDAY, MONDAY + timedelta(days=13)),
    )
    solution = plan_tours(p, SolveControl(time_limit=GENEROUS, solution_limit=1))
    assert km_lower_bound(p, served(solution)) <= solution.km + 0.01  # legs are stored to the metre
