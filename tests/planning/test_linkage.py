"""Linkage on a hand-made province: two counties of one city; one has requests only the other county's
caravan fits, and that caravan stands idle. The advisor must propose exactly that joint tour, and the
re-plan with it must serve them. Fleet use counts days against the days each caravan could go.

Solves get a budget of one solution per block under a time limit they never reach (see test_tours.py):
the greedy plan serves every request a permitted caravan can reach, whatever the machine's speed.
"""

from __future__ import annotations

import pytest

from caravan_app.domain.enums import CaravanType, Level
from caravan_app.domain.outcomes import NoPlan
from caravan_app.planning.check import check_tours
from caravan_app.planning.control import SolveControl
from caravan_app.planning.linkage import (
    advise,
    anywhere,
    fitting_elsewhere,
    permitted,
    propose,
    utilisation,
    with_proposals,
)
from caravan_app.planning.problem import Point, SolveStatus, TourProblem, TourSolution, UnservedReason
from caravan_app.planning.tours import plan_tours
from tests.planning.test_tours import MONDAY, caravan, problem, request

# 江宁区 and 溧水区, both in 南京.
JIANGNING, LISHUI, NANJING_CITY = "320115", "320117", "320100"
JIANGNING_DEPOT, LISHUI_DEPOT = Point(31.95, 118.84), Point(31.65, 119.02)


def province() -> TourProblem:
    home = caravan(
        "CV-JN", type=CaravanType.III, owner_level=Level.COUNTY, region=JIANGNING, depot=JIANGNING_DEPOT
    )
    # The neighbour's van is the only type II: idle at home, where nobody asks for it.
    neighbour = caravan(
        "CV-LS",
        type=CaravanType.II,
        owner_level=Level.COUNTY,
        region=LISHUI,
        depot=LISHUI_DEPOT,
        unavailable=frozenset({MONDAY}),
    )
    wants_type_two = [
        request(
            f"R{i}", 31.90 + i / 100, 118.80, types_allowed=frozenset({CaravanType.II}), key_county=i == 1
        )
        for i in range(1, 4)
    ]
    served_at_home = request("R-home", 31.93, 118.86, types_allowed=frozenset({CaravanType.III}))
    # Nobody has a type IV: no joint tour can help it, and none may be proposed for it.
    nobody_fits = request("R-none", 31.92, 118.83, types_allowed=frozenset({CaravanType.IV}))
    return problem([home, neighbour], [*wants_type_two, served_at_home, nobody_fits])


def plan(p: TourProblem) -> TourSolution:
    solution = plan_tours(p, SolveControl(time_limit=600, solution_limit=1))
    assert solution.status.has_plan and check_tours(p, solution) == []
    return solution


def served(solution: TourSolution) -> set[str]:
    return {s.request for t in solution.trips for s in t.stops}


def test_the_rules_leave_the_neighbours_requests_unserved_and_name_the_idle_caravan_that_fits() -> None:
    p = province()
    baseline = plan(p)
    reasons = {u.request: u.reason for u in baseline.unserved}
    assert reasons == {
        "R1": UnservedReason.NO_PERMITTED_CARAVAN,
        "R2": UnservedReason.NO_PERMITTED_CARAVAN,
        "R3": UnservedReason.NO_PERMITTED_CARAVAN,
        "R-none": UnservedReason.NO_TYPE_OR_THEME,
    }
    fitting = fitting_elsewhere(p, baseline, "R1")
    assert [f.caravan for f in fitting] == ["CV-LS"]
    assert fitting[0].region == LISHUI and fitting[0].days_on_road == 0
    assert 30 < fitting[0].km < 60  # from 溧水 to 江宁, by the road estimate
    assert fitting_elsewhere(p, baseline, "R-none") == ()  # no caravan of a wanted type anywhere


def test_fleet_use_counts_days_on_the_road_against_the_days_each_caravan_could_go() -> None:
    p = province()
    use = utilisation(p, plan(p))
    assert use.working_days == 5
    home, neighbour = use.of("CV-JN"), use.of("CV-LS")
    assert home is not None and neighbour is not None
    assert (home.available_days, neighbour.available_days) == (5, 4)  # CV-LS is away on Monday
    assert home.days_on_road >= 1 and home.shows == 1 and neighbour.days_on_road == 0
    assert use.idle == ("CV-JN", "CV-LS")  # both under five days on the road
    assert use.busiest_share == 1.0  # one caravan does every day


def test_the_advisor_proposes_the_one_joint_tour_and_the_re_plan_serves_the_requests() -> None:
    p = province()
    baseline = plan(p)
    potential_problem = anywhere(p)
    potential = plan(potential_problem)
    assert served(potential) == {"R1", "R2", "R3", "R-home"}  # the most linkage can bring

    proposals = propose(p, baseline, potential)
    assert [(x.caravans, x.regions) for x in proposals] == [(("CV-LS",), (JIANGNING,))]
    assert set(proposals[0].requests) == {"R1", "R2", "R3"}
    linked = with_proposals(p, proposals)
    neighbour = next(c for c in linked.caravans if c.code == "CV-LS")
    assert all(permitted(linked, neighbour, r) for r in linked.requests if r.county == JIANGNING)
    assert served(plan(linked)) == {"R1", "R2", "R3", "R-home"}


def test_the_advice_measures_each_proposal_by_re_planning() -> None:
    p = province()
    steps: list[tuple[str, int]] = []
    baseline, potential, proposals = advise(
        p,
        max_joint_tours=4,
        control=SolveControl(time_limit=600, solution_limit=1),
        on_step=lambda step, number: steps.append((step.value, number)),
    )
    assert steps == [("baseline", 0), ("potential", 0), ("proposal", 1)]
    assert (baseline.served, potential.served) == (1, 4)
    assert len(proposals) == 1
    proposal = proposals[0]
    assert proposal.joint_tour.caravans == ("CV-LS",) and proposal.joint_tour.regions == (JIANGNING,)
    assert (proposal.gain.served, proposal.gain.key_county) == (3, 1)
    assert proposal.gain.km > 0 and proposal.gain.days_per_caravan["CV-LS"] > 0
    assert proposal.figures.served == 4 and proposal.figures.key_county_served == 1
    assert baseline.utilisation.of("CV-LS") is not None and "CV-LS" in baseline.utilisation.idle


def test_a_cancelled_advice_stops_before_any_plan_and_says_so() -> None:
    control = SolveControl(time_limit=600, solution_limit=1)
    control.cancel()
    with pytest.raises(NoPlan) as raised:
        advise(province(), max_joint_tours=4, control=control)
    assert raised.value.status is SolveStatus.CANCELLED


def test_with_fewer_places_than_cities_the_nearest_proposals_merge() -> None:
    # A second city's county (沛县, in 徐州) asks for the neighbour's type too.
    p = province()
    far = request(
        "R-pei", 34.72, 116.94, county="320322", city="320300", types_allowed=frozenset({CaravanType.II})
    )
    p = problem(list(p.caravans), [*p.requests, far])
    baseline = plan(p)
    potential = plan(anywhere(p))
    assert "R-pei" in served(potential)
    assert len(propose(p, baseline, potential)) == 2  # one per city
    _base, _potential, proposals = advise(
        p, max_joint_tours=1, control=SolveControl(time_limit=600, solution_limit=1)
    )
    assert len(proposals) == 1
    merged = proposals[0].joint_tour
    assert merged.caravans == ("CV-LS",) and merged.regions == (JIANGNING, "320322")
    assert proposals[0].figures.served == 5


def test_the_proposal_takes_the_nearest_caravan_that_fits_not_a_far_one() -> None:
    # A second idle type II van, in 沛县 (徐州) some 330 km away: as able, but too far to propose.
    p = province()
    far_van = caravan(
        "CV-PX", type=CaravanType.II, owner_level=Level.COUNTY, region="320322", depot=Point(34.72, 116.94)
    )
    p = problem([*p.caravans, far_van], list(p.requests))
    proposals = propose(p, plan(p), plan(anywhere(p)))
    assert [(x.caravans, x.regions) for x in proposals] == [(("CV-LS",), (JIANGNING,))]


def test_a_key_county_request_the_re_plan_still_leaves_out_gets_one_more_caravan() -> None:
    # Two key-county shows of a whole working day each, both only on Tuesday: the neighbour's van has
    # the days to spare for both but can do one a day, so the advisor adds the next nearest van (高淳).
    tuesday = frozenset({MONDAY.replace(day=2)})
    home = caravan(
        "CV-JN", type=CaravanType.III, owner_level=Level.COUNTY, region=JIANGNING, depot=JIANGNING_DEPOT
    )
    neighbour = caravan(
        "CV-LS", type=CaravanType.II, owner_level=Level.COUNTY, region=LISHUI, depot=LISHUI_DEPOT
    )
    next_one = caravan(
        "CV-GC", type=CaravanType.II, owner_level=Level.COUNTY, region="320118", depot=Point(31.33, 118.88)
    )
    whole_day = {"dates": tuesday, "show_minutes": 480, "key_county": True}
    requests = [
        request(code, lat, 118.80, types_allowed=frozenset({CaravanType.II}), **whole_day)
        for code, lat in (("R1", 31.90), ("R2", 31.92))
    ]
    p = problem([home, neighbour, next_one], requests)
    baseline, potential = plan(p), plan(anywhere(p))
    assert served(baseline) == set() and served(potential) == {"R1", "R2"}
    first = propose(p, baseline, potential)
    assert [(x.caravans, x.regions) for x in first] == [(("CV-LS",), (JIANGNING,))]
    assert len(served(plan(with_proposals(p, first)))) == 1  # one van, one show a day

    steps: list[int] = []
    _base, _potential, proposals = advise(
        p,
        max_joint_tours=4,
        control=SolveControl(time_limit=600, solution_limit=1),
        on_step=lambda step, number: steps.append(number),
    )
    assert steps == [0, 0, 1, 2]  # baseline, potential, the proposal, the proposal extended
    assert len(proposals) == 1
    extended = proposals[0]
    assert extended.joint_tour.caravans == ("CV-GC", "CV-LS") and extended.joint_tour.regions == (JIANGNING,)
    assert (extended.gain.served, extended.gain.key_county) == (2, 2)  # both steps together
    assert extended.figures.served == 2 and extended.figures.key_county_served == 2
