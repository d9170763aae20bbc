"""Why a set-period of a rotation plan is empty: each rule on a crafted case, and on solved random
provinces a reason for every empty set-period, never "nothing better" where the hosting is proven."""

from __future__ import annotations

import random
from dataclasses import replace

from caravan_app.planning.control import SolveControl
from caravan_app.planning.rotation import plan_rotation
from caravan_app.planning.rotation_problem import Place, RotationProblem, Stay
from caravan_app.planning.rotation_reasons import EmptyCell, EmptyReason, empty_cells
from tests.planning.rotation_cases import hall, periods, random_problem, rotation_set

# A time limit no test reaches: the solves below end by proof.
NEVER = 600.0


def stay(problem: RotationProblem, set_code: str, venue_code: str, period: int) -> Stay:
    p = problem.periods[period]
    return Stay(set_code, venue_code, period, p.changeover[-1], p.end)


def cells(problem: RotationProblem, *stays: Stay) -> dict[tuple[str, int], EmptyCell]:
    return {(c.set_code, c.period): c for c in empty_cells(problem, stays)}


def test_every_rule_is_named_with_its_values() -> None:
    near = hall("V-1", 32.39, 119.42, 3)
    problem = RotationProblem(
        (
            # Still standing in V-1 from an earlier booking through period 1.
            rotation_set(
                "EARLY",
                start=Place("V-1", "V-1 科技馆", near.location),
                start_installed=True,
                stays_at_start=1,
            ),
            rotation_set("FIXING", unavailable=frozenset({1})),
            rotation_set("NANJING", cities=frozenset({"320100"})),
            rotation_set("BIG", hall_area_m2=900.0),
        ),
        (near,),
        periods(3),
    )
    found = cells(problem)
    early = found[("EARLY", 0)]
    assert early.reason is EmptyReason.EARLIER_STAY and [h.venue_code for h in early.halls] == ["V-1"]
    # Back in the plan, V-1 is its history: it never goes back there.
    assert found[("EARLY", 1)].reason is EmptyReason.HOSTED_BEFORE
    assert found[("FIXING", 1)].reason is EmptyReason.MAINTENANCE
    region = found[("NANJING", 0)]
    assert region.reason is EmptyReason.REGION_RULE and region.cities == frozenset({"320100"})
    big = found[("BIG", 2)]
    assert big.reason is EmptyReason.NO_HALL_FITS
    assert (big.needed_m2, big.largest_m2) == (900.0, 800.0)


def test_history_bookings_other_sets_and_the_changeover_are_told_apart() -> None:
    problem = RotationProblem(
        (rotation_set("A"), rotation_set("B"), rotation_set("C")),
        (
            hall("V-1", 32.39, 119.42, 3, hosted_before=frozenset({"C"})),
            hall("V-2", 32.78, 119.44, 3, periods=frozenset({0, 1}), hosted_before=frozenset({"A", "C"})),
        ),
        periods(3),
    )
    found = cells(problem, stay(problem, "A", "V-1", 0), stay(problem, "B", "V-2", 0))
    # A's only hall (V-2 had it before) is V-1, where it stands in period 0.
    again = found[("A", 1)]
    assert again.reason is EmptyReason.HOSTS_IT_ELSEWHEN
    assert [(h.venue_code, h.other_period) for h in again.halls] == [("V-1", 0)]
    # C had both halls before.
    assert found[("C", 0)].reason is EmptyReason.HOSTED_BEFORE
    assert {h.venue_code for h in found[("C", 0)].halls} == {"V-1", "V-2"}
    # B in period 2: V-2 (where it stood) does not host then, V-1 is free.
    assert found[("B", 2)].reason is EmptyReason.NOTHING_BETTER
    assert [h.venue_code for h in found[("B", 2)].halls] == ["V-1"]

    booked = RotationProblem(
        (rotation_set("A"),), (hall("V-1", 32.39, 119.42, 3, periods=frozenset({1})),), periods(3)
    )
    assert cells(booked)[("A", 0)].reason is EmptyReason.HALLS_BOOKED

    one_hall = RotationProblem(
        (rotation_set("A"), rotation_set("B")), (hall("V-1", 32.39, 119.42, 2),), periods(2)
    )
    taken = cells(one_hall, stay(one_hall, "A", "V-1", 0))[("B", 0)]
    assert taken.reason is EmptyReason.HALLS_TAKEN
    assert [(h.venue_code, h.other_set) for h in taken.halls] == [("V-1", "A")]


def test_a_move_or_a_hall_handover_longer_than_the_window_is_the_changeover() -> None:
    # A three-day window: the depot is a day's drive away and installing takes three days.
    far = hall("V-far", 34.2, 117.2, 2)  # 徐州, about 400 km by road from Yangzhou
    problem = RotationProblem((rotation_set("A"),), (far,), periods(2, window=3))
    move = cells(problem)[("A", 0)]
    assert move.reason is EmptyReason.CHANGEOVER
    (note,) = move.halls
    assert (note.move_from, note.move_to, note.window_days) == ("D-YZ", "V-far", 3)
    assert note.days_needed > 3

    # Near the depot the move fits, but the hall's outgoing set must be uninstalled (3 days) in
    # the same window as the incoming one is installed (3 days): six days in a window of five.
    near = hall("V-1", 32.39, 119.42, 2)
    handover = RotationProblem(
        (rotation_set("A", uninstall_days=3), rotation_set("B")), (near,), periods(2, window=5)
    )
    found = cells(handover, stay(handover, "A", "V-1", 0))
    shared = found[("B", 1)]
    assert shared.reason is EmptyReason.CHANGEOVER
    assert [(h.other_set, h.days_needed, h.window_days) for h in shared.halls] == [("A", 6, 5)]


def test_on_solved_provinces_every_empty_set_period_has_one_reason() -> None:
    for seed in range(12):
        rng = random.Random(seed)
        problem = random_problem(
            rng, sets=rng.randint(3, 8), venues=rng.randint(4, 14), count=rng.randint(2, 5), window=6
        )
        # One set no hall is large enough for.
        big = replace(problem.sets[-1], hall_area_m2=5000.0, cities=frozenset(), unavailable=frozenset())
        problem = replace(problem, sets=(*problem.sets[:-1], big))
        solution = plan_rotation(problem, SolveControl(time_limit=NEVER))
        found = empty_cells(problem, solution.stays)
        taken = {(s.set_code, s.period) for s in solution.stays}
        every = {(s.code, p.index) for s in problem.sets for p in problem.periods}
        assert {(c.set_code, c.period) for c in found} == every - taken
        assert len(found) == len(every - taken)
        largest = max(v.hall_area_m2 for v in problem.venues)
        assert {(c.reason, c.largest_m2) for c in found if c.set_code == big.code} == {
            (EmptyReason.NO_HALL_FITS, largest)
        }
        # With the most hosting proven, a hall that was free and within reach would have been used.
        if solution.hosted_weight == solution.hosted_bound:
            assert not [c for c in found if c.reason is EmptyReason.NOTHING_BETTER], seed
