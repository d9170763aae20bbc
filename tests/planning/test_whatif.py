"""What-if re-planning: coverage lost when the only permitted caravan of a region goes, work another
caravan absorbs, a caravan moved to where it is lacking, and the other caravans' visits kept.

Solves have a budget of solutions, not seconds (see tests/planning/test_tours.py): the baseline 10,
a re-plan around locked visits 1, since it may have no second solution and guided local search
would then go on until the time limit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from caravan_app.domain.enums import CaravanType, Level
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import (
    Calendar,
    Point,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    UnservedReason,
)
from caravan_app.planning.tours import plan_tours
from caravan_app.planning.whatif import coverage, keep_visits, served_requests, what_if

MONDAY = date(2027, 3, 1)
WEEK = frozenset(MONDAY + timedelta(days=i) for i in range(5))
NANJING, XUZHOU = Point(32.05, 118.78), Point(34.26, 117.18)
FENGXIAN, XUZHOU_CITY = "320321", "320300"  # 丰县 (a key-assistance county) in 徐州
JIANGNING, NANJING_CITY = "320115", "320100"  # 江宁区 in 南京


def caravan(code: str, level: Level, region: str, depot: Point, **changes: object) -> TourCaravan:
    values: dict[str, object] = {
        "code": code,
        "type": CaravanType.III,
        "themes": frozenset({"力学"}),
        "owner_level": level,
        "region": region,
        "depot_code": f"D-{code}",
        "depot": depot,
    }
    values.update(changes)
    return TourCaravan(**values)  # type: ignore[arg-type]


def request(code: str, at: Point, county: str, city: str, key: bool = False) -> TourRequest:
    return TourRequest(
        code=code,
        venue_code=f"V-{code}",
        venue_name=f"场地{code}",
        location=at,
        county=county,
        city=city,
        key_county=key,
        township=False,
        dates=WEEK,
        open_from=8 * 60,
        open_to=17 * 60,
        show_minutes=180,
    )


def near(p: Point, d: float) -> Point:
    return Point(p.lat + d, p.lon - d)


def the_term() -> TourProblem:
    """Xuzhou's own city caravan serves 丰县; a Nanjing county caravan serves 江宁区."""
    xuzhou = caravan("CV-XZ", Level.CITY, XUZHOU_CITY, XUZHOU)
    jiangning = caravan("CV-JN", Level.COUNTY, JIANGNING, NANJING)
    requests = [
        request(f"FX{i}", near(XUZHOU, 0.05 * (i + 1)), FENGXIAN, XUZHOU_CITY, key=True) for i in range(3)
    ]
    requests += [request(f"JN{i}", near(NANJING, 0.04 * (i + 1)), JIANGNING, NANJING_CITY) for i in range(3)]
    return TourProblem((xuzhou, jiangning), tuple(requests), Calendar(MONDAY, MONDAY + timedelta(days=4)))


GENEROUS = 60.0  # never reached: each solve ends at its budget of solutions


def baseline(problem: TourProblem) -> TourSolution:
    solution = plan_tours(problem, SolveControl(time_limit=GENEROUS, solution_limit=10))
    assert check_tours(problem, solution) == []
    return solution


def replan() -> SolveControl:
    return SolveControl(time_limit=GENEROUS, solution_limit=1)


def visits(solution: TourSolution) -> dict[str, tuple[str, date]]:
    return {s.request: (t.caravan, s.show_start.date()) for t in solution.trips for s in t.stops}


def test_removing_the_only_permitted_caravan_of_a_region_loses_its_requests() -> None:
    problem = the_term()
    base = baseline(problem)
    assert served_requests(base) == {r.code for r in problem.requests}
    result = what_if(problem, base, "CV-XZ", control=replan())

    assert result.before.served == 6 and result.after.served == 3
    assert (result.before.key_served, result.after.key_served) == (3, 0)
    assert (result.before.key_counties, result.after.key_counties) == (1, 0)
    assert (result.before.counties, result.after.counties) == (2, 1)
    assert [u.request for u in result.lost] == ["FX0", "FX1", "FX2"]
    assert {u.reason for u in result.lost} == {UnservedReason.NO_PERMITTED_CARAVAN}
    assert result.after.km < result.before.km and result.gained == ()
    # The other caravan's visits are kept as they were, on the same days.
    kept = {code: v for code, v in visits(base).items() if v[0] == "CV-JN"}
    assert {code: visits(result.solution)[code] for code in kept} == kept
    assert result.locks_kept
    assert "CV-XZ" not in {c.code for c in result.problem.caravans}
    assert check_tours(result.problem, result.solution) == []


def test_work_another_caravan_may_do_is_re_inserted_not_lost() -> None:
    problem = the_term()
    provincial = caravan("CV-SU", Level.PROVINCE, "320000", NANJING)
    problem = replace(problem, caravans=(*problem.caravans, provincial))
    base = baseline(problem)
    assert any(t.caravan == "CV-XZ" for t in base.trips)
    result = what_if(problem, base, "CV-XZ", control=replan())
    # The provincial caravan drives up from Nanjing: nothing is lost, the km grow.
    assert result.lost == () and result.after.served == result.before.served == 6
    assert result.after.key_counties == 1
    assert result.after.km > result.before.km
    assert check_tours(result.problem, result.solution) == []
    assert {v[0] for code, v in visits(result.solution).items() if code.startswith("FX")} == {"CV-SU"}


def test_moving_a_caravan_to_a_city_that_lacks_one_gains_coverage() -> None:
    problem = the_term()
    # Xuzhou has no caravan of its own in this term; Nanjing has two county caravans.
    spare = caravan("CV-JN2", Level.COUNTY, JIANGNING, NANJING)
    problem = replace(problem, caravans=(problem.caravans[1], spare))
    base = baseline(problem)
    assert base.requests_served == 3
    moved = replace(spare, owner_level=Level.CITY, region=XUZHOU_CITY, depot_code="D-XZ", depot=XUZHOU)
    result = what_if(problem, base, "CV-JN2", moved=moved, control=replan())
    assert result.moved_to == "D-XZ"
    assert result.gained == ("FX0", "FX1", "FX2") and result.lost == ()
    assert (result.before.key_counties, result.after.key_counties) == (0, 1)
    assert result.after.served == 6


def test_a_caravan_outside_the_plan_changes_nothing() -> None:
    problem = the_term()
    base = baseline(problem)
    result = what_if(problem, base, "CV-NOT-IN-SERVICE", control=replan())
    assert result.after == result.before and result.lost == () and result.solution is base
    assert coverage(problem, base).served == 6


def test_kept_visits_are_locked_and_start_no_earlier_than_in_the_baseline() -> None:
    problem = the_term()
    two_days = replace(request("JN9", near(NANJING, 0.2), JIANGNING, NANJING_CITY), show_days=2)
    problem = replace(problem, requests=(*problem.requests, two_days))
    base = baseline(problem)
    kept = keep_visits(problem, base, {"CV-JN"})
    starts = {s.request: s.show_start for t in base.trips for s in t.stops if t.caravan == "CV-JN"}
    for r in kept.requests:
        if r.code.startswith("FX"):
            assert r.lock is None  # the other caravan's visits are free
            continue
        first = min(s.show_start for t in base.trips for s in t.stops if s.request == r.code)
        assert r.lock is not None and (r.lock.caravan, r.lock.day) == ("CV-JN", first.date())
        minute = first.hour * 60 + first.minute
        assert r.open_from == (minute if r.show_days == 1 else 8 * 60)
    assert set(starts) == {r.code for r in kept.requests if r.lock is not None}
    # The baseline itself keeps every kept visit: re-planning the same fleet reproduces them.
    again = plan_tours(kept, replan())
    assert check_tours(kept, again) == []
    assert {k: v for k, v in visits(again).items() if k in starts} == {
        k: v for k, v in visits(base).items() if k in starts
    }
