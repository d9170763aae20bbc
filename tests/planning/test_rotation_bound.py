"""The truck-km bound of the rotation: never above the km of a proven optimal plan, given where the
km model is sparse, and above zero where every plan must move a set.

Only guarantees are asserted, never how close the bound comes: the relaxation is given a time budget,
and whatever it reaches within it must still be a bound. Optima are those CP-SAT proves (status
OPTIMAL) on cases it proves in milliseconds, with a time limit no test reaches.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caravan_app.planning import rotation
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Point, SolveStatus
from caravan_app.planning.rotation import plan_rotation
from caravan_app.planning.rotation_bound import KmRelaxation
from caravan_app.planning.rotation_check import check_rotation
from caravan_app.planning.rotation_problem import Place, RotationLock, RotationProblem, RotationSolution
from tests.planning.rotation_cases import base_problem, random_problem

NEVER = 600.0
BUDGET = 5.0  # seconds for the relaxation; whatever it reaches by then must be a bound


def proven(problem: RotationProblem) -> RotationSolution:
    solution = plan_rotation(problem, SolveControl(time_limit=NEVER))
    assert solution.status is SolveStatus.OPTIMAL
    return solution


def relaxed(problem: RotationProblem, solution: RotationSolution, held_exactly: bool = True) -> float:
    bound = KmRelaxation(problem).bound(
        solution.hosted_weight, held_exactly, solution.truck_km, BUDGET, SolveControl()
    )
    assert bound is not None
    return bound


def standing_and_locked() -> RotationProblem:
    """MS-A still stands installed in 高邮 for period 0, and MS-B is locked into 仪征 in period 1."""
    base = base_problem()
    standing = replace(
        base.sets[0],
        start=Place("V-GY", "高邮", Point(32.78, 119.44)),
        start_installed=True,
        stays_at_start=1,
    )
    venues = tuple(replace(v, periods=frozenset({1, 2})) if v.code == "V-GY" else v for v in base.venues)
    return replace(
        base, sets=(standing, base.sets[1]), venues=venues, locks=(RotationLock("MS-B", "V-YZ", 1),)
    )


@pytest.mark.parametrize("make", [base_problem, standing_and_locked])
def test_bound_is_at_most_the_proven_optimum_and_above_zero(make: Callable[[], RotationProblem]) -> None:
    problem = make()
    solution = proven(problem)
    assert solution.truck_km_bound is not None and 0 < solution.truck_km_bound <= solution.truck_km
    # Every plan hosting the weight moves a set out of its depot: the relaxation sees it too.
    assert 0 < relaxed(problem, solution) <= solution.truck_km
    assert 0 < relaxed(problem, solution, held_exactly=False) <= solution.truck_km


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    sets=st.integers(1, 5),
    venues=st.integers(1, 6),
    count=st.integers(1, 4),
    window=st.sampled_from([6, 8, 10]),
)
def test_bound_is_never_above_a_proven_optimum(
    seed: int, sets: int, venues: int, count: int, window: int
) -> None:
    problem = random_problem(random.Random(seed), sets, venues, count, window=window, province_wide=0.7)
    solution = proven(problem)
    assert solution.truck_km_bound is not None and 0 <= solution.truck_km_bound <= solution.truck_km
    assert 0 <= relaxed(problem, solution) <= solution.truck_km


def test_a_sparse_km_model_reports_the_relaxation_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forced into the sparse km model (every case above MAX_ARCS), the solve claims no optimum but
    reports the relaxation's bound, which no plan of the same weight can beat."""
    monkeypatch.setattr(rotation, "MAX_ARCS", 0)
    problem = base_problem()
    solution = plan_rotation(problem, SolveControl(time_limit=NEVER))
    assert solution.status is SolveStatus.FEASIBLE and check_rotation(problem, solution) == []
    assert solution.truck_km_bound is not None and 0 < solution.truck_km_bound <= solution.truck_km
    monkeypatch.undo()
    assert solution.truck_km_bound <= proven(problem).truck_km


def test_a_cancelled_relaxation_gives_no_bound() -> None:
    problem = base_problem()
    control = SolveControl()
    control.cancel()
    assert KmRelaxation(problem).bound(70, True, 500.0, BUDGET, control) is None
