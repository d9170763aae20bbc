"""The tour checker on hand-made plans: a valid one passes, and each rule broken alone is reported.

The world: four caravans (province, Suzhou city, Kunshan county, Jiangyin county) and six requests
in Jiangsu over two weeks from Monday 2027-03-01, with a holiday on Thursday 2027-03-11.
Every caravan drives at 60 km/h, so a leg of d km takes exactly d minutes; crews work 08:00–18:00
and drive at most 300 minutes a day. Kilometres come from `distance_km` (great circle × 1.3 unless a
table is given) and every time in the valid plan is that arithmetic, spelt out in `simple_trip`.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from caravan_app.domain.enums import CaravanType, Level
from caravan_app.domain.outcomes import TourRule
from caravan_app.planning.check import RULES, Violation, check_tours, distance_km, great_circle_km
from caravan_app.planning.problem import (
    Calendar,
    JointTour,
    Lock,
    Point,
    SolveStatus,
    Stop,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    Trip,
    Unserved,
    UnservedReason,
)

MONDAY = date(2027, 3, 1)


def day(n: int) -> date:
    """The n-th day of the horizon: day(0) is Monday 2027-03-01, day(5) Saturday, day(10) the holiday."""
    return MONDAY + timedelta(days=n)


def at(d: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute, second))


HORIZON = [day(n) for n in range(14)]
WEEKDAYS = frozenset(d for d in HORIZON if d.isoweekday() <= 5)
HOLIDAY = day(10)  # Thursday 2027-03-11
CALENDAR = Calendar(
    start=day(0), end=day(13), holidays=frozenset({HOLIDAY}), school_holidays=frozenset({day(11)})
)

PROVINCE = TourCaravan(
    code="CV-P",
    type=CaravanType.II,
    themes=frozenset({"space", "health"}),
    owner_level=Level.PROVINCE,
    region="320000",
    depot_code="D-NJ",
    depot=Point(32.06, 118.80),
)
SUZHOU = TourCaravan(
    code="CV-SZ",
    type=CaravanType.III,
    themes=frozenset({"energy", "health"}),
    owner_level=Level.CITY,
    region="320500",
    depot_code="D-SZ",
    depot=Point(31.30, 120.62),
    unavailable=frozenset({day(4)}),
)
KUNSHAN = TourCaravan(
    code="CV-KS",
    type=CaravanType.IV,
    themes=frozenset({"space"}),
    owner_level=Level.COUNTY,
    region="320583",
    depot_code="D-KS",
    depot=Point(31.38, 120.98),
)
JIANGYIN = TourCaravan(
    code="CV-JY",
    type=CaravanType.IV,
    themes=frozenset({"energy"}),
    owner_level=Level.COUNTY,
    region="320281",
    depot_code="D-JY",
    depot=Point(31.91, 120.28),
)


def request(
    code: str, venue: str, name: str, lat: float, lon: float, county: str, city: str, **more: object
) -> TourRequest:
    fields: dict[str, object] = {
        "code": code,
        "venue_code": venue,
        "venue_name": name,
        "location": Point(lat, lon),
        "county": county,
        "city": city,
        "key_county": False,
        "township": False,
        "dates": WEEKDAYS,
        "open_from": 9 * 60,
        "open_to": 17 * 60,
        "show_minutes": 90,
    }
    fields.update(more)
    return TourRequest(**fields)  # type: ignore[arg-type]


REQUESTS = (
    request(
        "RQ-KS1", "V-KS1", "Kunshan No. 1 Primary School", 31.40, 121.00, "320583", "320500",
        open_from=8 * 60 + 30, open_to=16 * 60 + 30, show_minutes=120, is_school=True,
        types_allowed=frozenset({CaravanType.III, CaravanType.IV}), themes_wanted=frozenset({"space"}),
        lock=Lock("CV-KS", day(0)),
    ),
    request("RQ-TC", "V-TC", "Shaxi Township Centre", 31.57, 121.10, "320585", "320500", township=True),
    request("RQ-KS2", "V-KS2", "Zhouzhuang Community", 31.12, 120.85, "320583", "320500",
            open_from=13 * 60, show_minutes=60),
    request("RQ-SH", "V-SH", "Suzhou Science Hall", 31.32, 120.72, "320571", "320500",
            show_minutes=180, show_days=2, themes_wanted=frozenset({"space", "health"})),
    request("RQ-LYG", "V-LYG", "Lianyungang Haizhou School", 34.60, 119.22, "320703", "320700",
            show_minutes=120),
    request("RQ-JY", "V-JY", "Jiangyin Village Hall", 31.83, 120.35, "320281", "320200",
            dates=frozenset(HORIZON), themes_wanted=frozenset({"energy"})),
)  # fmt: skip

PROBLEM = TourProblem(caravans=(PROVINCE, SUZHOU, KUNSHAN, JIANGYIN), requests=REQUESTS, calendar=CALENDAR)


# ---------------------------------------------------------------------------------------------
# Building plans by hand.


def drive_minutes(km: float, speed_kmh: float = 60.0) -> float:
    return km / speed_kmh * 60


def find(problem: TourProblem, code: str) -> TourRequest:
    return next(r for r in problem.requests if r.code == code)


def caravan_of(problem: TourProblem, code: str) -> TourCaravan:
    return next(c for c in problem.caravans if c.code == code)


def simple_trip(
    problem: TourProblem,
    caravan_code: str,
    leave: datetime,
    visits: list[tuple[str, datetime]],
    locked: frozenset[str] = frozenset(),
) -> Trip:
    """A trip whose every drive ends within the crew day it starts in, so no night stop is needed.

    Arithmetic: a leg of d km takes d / speed × 60 minutes; the first leg sets off at `leave`, each
    later one at the previous show's end; arrive = set-off + drive; show_end = show_start +
    show_minutes; back = last show end + the drive home. The asserts hold the assumption: each drive
    ends by the crew's day end, within the day's 300-minute allowance, before its show starts.
    """
    caravan = caravan_of(problem, caravan_code)
    place_code, place = caravan.depot_code, caravan.depot
    setting_off = leave
    driven: dict[date, float] = {}
    stops: list[Stop] = []

    def leg(start: datetime, km: float) -> datetime:
        minutes = drive_minutes(km, caravan.speed_kmh)
        if minutes == 0:
            return start
        driven[start.date()] = driven.get(start.date(), 0.0) + minutes
        assert driven[start.date()] <= caravan.max_drive_minutes_per_day
        end = start + timedelta(minutes=minutes)
        assert end.date() == start.date() and end.time() <= time(caravan.crew_day_end // 60)
        return end

    for code, show_start in visits:
        wanted = find(problem, code)
        km = distance_km(problem, place_code, place, wanted.venue_code, wanted.location)
        arrive = leg(setting_off, km)
        assert arrive <= show_start, f"{code}: arrives {arrive}, show at {show_start}"
        show_end = show_start + timedelta(minutes=wanted.show_minutes)
        stops.append(Stop(code, wanted.venue_code, arrive, show_start, show_end, km, locked=code in locked))
        place_code, place, setting_off = wanted.venue_code, wanted.location, show_end
    km_back = distance_km(problem, place_code, place, caravan.depot_code, caravan.depot)
    back = leg(setting_off, km_back)
    return Trip(caravan_code, leave, back, tuple(stops), km_back)


def base_trips(problem: TourProblem = PROBLEM) -> tuple[Trip, ...]:
    """The valid plan's trips, in this order (indices used by the tests):

    0. CV-KS, Mon 03-01: Kunshan school (locked there that day), 09:00–11:00.
    1. CV-SZ, Tue 03-02: Shaxi township centre 09:30–11:00, then Zhouzhuang 13:00–14:00.
    2. CV-SZ, Wed 03-03 – Thu 03-04: Suzhou Science Hall, two show days 09:00–12:00 (a 0 km leg between).
    3. CV-JY, Fri 03-05: Jiangyin village hall 10:00–11:30.
    """
    return (
        simple_trip(
            problem, "CV-KS", at(day(0), 8), [("RQ-KS1", at(day(0), 9))], locked=frozenset({"RQ-KS1"})
        ),
        simple_trip(
            problem, "CV-SZ", at(day(1), 8), [("RQ-TC", at(day(1), 9, 30)), ("RQ-KS2", at(day(1), 13))]
        ),
        simple_trip(problem, "CV-SZ", at(day(2), 8), [("RQ-SH", at(day(2), 9)), ("RQ-SH", at(day(3), 9))]),
        simple_trip(problem, "CV-JY", at(day(4), 8), [("RQ-JY", at(day(4), 10))]),
    )


UNSERVED = (Unserved("RQ-LYG", UnservedReason.CAPACITY),)


def base_solution(problem: TourProblem = PROBLEM) -> TourSolution:
    return TourSolution(trips=base_trips(problem), unserved=UNSERVED, status=SolveStatus.FEASIBLE)


def with_trips(solution: TourSolution, *trips: Trip) -> TourSolution:
    return replace(solution, trips=tuple(trips))


def with_trip(solution: TourSolution, index: int, trip: Trip) -> TourSolution:
    trips = list(solution.trips)
    trips[index] = trip
    return replace(solution, trips=tuple(trips))


def with_stop(solution: TourSolution, trip_index: int, stop_index: int, **changes: object) -> TourSolution:
    trip = solution.trips[trip_index]
    stops = list(trip.stops)
    stops[stop_index] = replace(stops[stop_index], **changes)  # type: ignore[arg-type]
    return with_trip(solution, trip_index, replace(trip, stops=tuple(stops)))


def shifted(trip: Trip, days: int) -> Trip:
    """The same trip, every moment moved by whole days."""
    delta = timedelta(days=days)
    stops = tuple(
        replace(s, arrive=s.arrive + delta, show_start=s.show_start + delta, show_end=s.show_end + delta)
        for s in trip.stops
    )
    return replace(trip, leave=trip.leave + delta, back=trip.back + delta, stops=stops)


def with_request(problem: TourProblem, code: str, **changes: object) -> TourProblem:
    requests = tuple(replace(r, **changes) if r.code == code else r for r in problem.requests)  # type: ignore[arg-type]
    return replace(problem, requests=requests)


def with_caravan(problem: TourProblem, code: str, **changes: object) -> TourProblem:
    caravans = tuple(replace(c, **changes) if c.code == code else c for c in problem.caravans)  # type: ignore[arg-type]
    return replace(problem, caravans=caravans)


def violations(problem: TourProblem, solution: TourSolution) -> list[Violation]:
    found = check_tours(problem, solution)
    for v in found:
        assert isinstance(v.rule, TourRule) and v.rule in RULES, v
        assert v.message
    return found


def rules(problem: TourProblem, solution: TourSolution) -> set[TourRule]:
    return {v.rule for v in violations(problem, solution)}


# ---------------------------------------------------------------------------------------------
# Distances.


def test_great_circle_of_one_degree_of_latitude() -> None:
    one_degree = 6371.0088 * math.pi / 180
    assert great_circle_km(Point(31.0, 120.0), Point(32.0, 120.0)) == pytest.approx(one_degree, rel=1e-12)
    assert great_circle_km(Point(31.0, 120.0), Point(31.0, 120.0)) == 0.0


def test_distance_is_great_circle_times_road_factor_in_either_order() -> None:
    a, b = Point(31.0, 120.0), Point(32.0, 120.0)
    one_degree = 6371.0088 * math.pi / 180
    assert distance_km(PROBLEM, "A", a, "B", b) == pytest.approx(one_degree * 1.3)
    assert distance_km(PROBLEM, "B", b, "A", a) == distance_km(PROBLEM, "A", a, "B", b)
    assert distance_km(replace(PROBLEM, road_factor=1.0), "A", a, "B", b) == pytest.approx(one_degree)


def test_distance_table_is_used_in_either_order_when_given() -> None:
    a, b, c = Point(31.0, 120.0), Point(32.0, 120.0), Point(33.0, 120.0)
    problem = replace(PROBLEM, distance_km=(("A", "B", 12.5),))
    assert distance_km(problem, "A", a, "B", b) == 12.5
    assert distance_km(problem, "B", b, "A", a) == 12.5
    assert distance_km(problem, "A", a, "C", c) == pytest.approx(great_circle_km(a, c) * 1.3)


# ---------------------------------------------------------------------------------------------
# The valid plan.


def test_hand_made_plan_is_valid() -> None:
    solution = base_solution()
    assert violations(PROBLEM, solution) == []
    # The numbers the plan rests on, so a change in the distance rule shows here first.
    trips = solution.trips
    assert trips[0].stops[0].km_from_previous == pytest.approx(3.80, abs=0.01)
    assert trips[1].stops[0].km_from_previous == pytest.approx(70.91, abs=0.01)  # Suzhou depot to Shaxi
    assert trips[1].stops[0].arrive.replace(microsecond=0) == at(day(1), 9, 10, 54)
    assert trips[2].stops[1].km_from_previous == 0.0
    assert trips[2].stops[1].arrive == trips[2].stops[0].show_end  # 0 km: the crew is already there
    assert trips[2].back.date() == day(3)


def test_distance_table_is_used_when_given() -> None:
    # The table says Kunshan depot to the school is 10 km (the great circle says 3.8): the plan built
    # on 3.8 km is now wrong in both directions, and one built on the table's 10 km is right.
    problem = replace(PROBLEM, distance_km=(("D-KS", "V-KS1", 10.0),))
    assert rules(problem, base_solution()) == {
        TourRule.STOP_KM_WRONG,
        TourRule.KM_BACK_WRONG,
        TourRule.ARRIVE_MISMATCH,
        TourRule.BACK_TOO_EARLY,
    }
    solution = base_solution(problem)
    assert solution.trips[0].stops[0].km_from_previous == 10.0 and solution.trips[0].km_back == 10.0
    assert solution.trips[0].stops[0].arrive == at(day(0), 8, 10)
    assert violations(problem, solution) == []


# ---------------------------------------------------------------------------------------------
# Rule 1: requests.


def test_request_served_twice() -> None:
    solution = base_solution()
    again = shifted(solution.trips[0], 1)
    again = replace(again, stops=(replace(again.stops[0], locked=False),))
    assert rules(PROBLEM, with_trips(solution, *solution.trips, again)) == {TourRule.REQUEST_TWICE}


def test_unknown_request() -> None:
    solution = with_stop(base_solution(), 3, 0, request="RQ-NOPE")
    found = violations(PROBLEM, solution)
    assert {v.rule for v in found} == {TourRule.UNKNOWN_REQUEST, TourRule.REQUEST_MISSING}
    unknown = next(v for v in found if v.rule == TourRule.UNKNOWN_REQUEST)
    assert (unknown.caravan, unknown.request) == ("CV-JY", "RQ-NOPE")


def test_venue_mismatch() -> None:
    solution = with_stop(base_solution(), 3, 0, venue_code="V-ELSEWHERE")
    assert rules(PROBLEM, solution) == {TourRule.VENUE_MISMATCH}


def hall_trip(leave_day: int, show_days: list[int]) -> Trip:
    """CV-SZ to Suzhou Science Hall (12.7 km: leave 08:00, arrive 08:13), a show at 09:00 on each day."""
    visits = [("RQ-SH", at(day(n), 9)) for n in show_days]
    return simple_trip(PROBLEM, "CV-SZ", at(day(leave_day), 8), visits)


@pytest.mark.parametrize(
    ("trips", "expected"),
    [
        pytest.param([hall_trip(2, [2])], {TourRule.MULTI_DAY_COUNT}, id="one-day-short"),
        pytest.param([hall_trip(7, [7, 8, 9])], {TourRule.MULTI_DAY_COUNT}, id="one-day-too-many"),
        pytest.param(
            [hall_trip(2, [2]), hall_trip(3, [3])], {TourRule.MULTI_DAY_SPLIT}, id="split-over-two-trips"
        ),
        pytest.param([hall_trip(7, [7, 9])], {TourRule.MULTI_DAY_NOT_SUCCESSIVE}, id="a-day-skipped"),
        pytest.param(
            [
                simple_trip(
                    PROBLEM, "CV-SZ", at(day(2), 8), [("RQ-SH", at(day(2), 9)), ("RQ-SH", at(day(2), 13))]
                )
            ],
            {TourRule.MULTI_DAY_NOT_SUCCESSIVE},
            id="twice-on-one-day",
        ),
        # Wednesday and Friday around Thursday's holiday are successive working days; the trip away
        # over the holiday is what is wrong.
        pytest.param(
            [hall_trip(9, [9, 11])], {TourRule.TRIP_DAY_NOT_WORKING}, id="successive-across-holiday"
        ),
    ],
)
def test_multi_day_show(trips: list[Trip], expected: set[TourRule]) -> None:
    base = base_solution()
    solution = with_trips(base, base.trips[0], base.trips[1], *trips, base.trips[3])
    assert rules(PROBLEM, solution) == expected


@pytest.mark.parametrize(
    ("unserved", "expected"),
    [
        pytest.param(
            (*UNSERVED, Unserved("RQ-JY", UnservedReason.CAPACITY)), {TourRule.SERVED_AND_UNSERVED}, id="both"
        ),
        pytest.param((), {TourRule.REQUEST_MISSING}, id="neither"),
        pytest.param(UNSERVED + UNSERVED, {TourRule.UNSERVED_TWICE}, id="unserved-twice"),
        pytest.param(
            (*UNSERVED, Unserved("RQ-NOPE", UnservedReason.CAPACITY)),
            {TourRule.UNKNOWN_UNSERVED},
            id="unknown",
        ),
    ],
)
def test_served_or_unserved_exactly_once(unserved: tuple[Unserved, ...], expected: set[TourRule]) -> None:
    assert rules(PROBLEM, replace(base_solution(), unserved=unserved)) == expected


# ---------------------------------------------------------------------------------------------
# Rule 2: caravans and trips.


def test_trip_days() -> None:
    base = base_solution()
    jiangyin = base.trips[3]  # Friday 03-05; the village hall is open every day of the horizon
    on_saturday = with_trip(base, 3, shifted(jiangyin, 1))
    assert rules(PROBLEM, on_saturday) == {TourRule.TRIP_DAY_NOT_WORKING, TourRule.SHOW_NOT_WORKING_DAY}
    on_holiday = with_trip(base, 3, shifted(jiangyin, 6))
    assert rules(PROBLEM, on_holiday) == {TourRule.TRIP_DAY_NOT_WORKING, TourRule.SHOW_NOT_WORKING_DAY}
    # Away over the weekend, back on Monday: the shows are fine, the days away are not.
    over_weekend = with_trip(base, 3, replace(jiangyin, back=jiangyin.back + timedelta(days=3)))
    assert rules(PROBLEM, over_weekend) == {TourRule.TRIP_DAY_NOT_WORKING}


def test_caravan_unavailable() -> None:
    base = base_solution()
    # CV-SZ is unavailable on Friday 03-05.
    assert rules(PROBLEM, with_trip(base, 1, shifted(base.trips[1], 3))) == {TourRule.CARAVAN_UNAVAILABLE}


def test_trip_too_long() -> None:
    problem = with_caravan(PROBLEM, "CV-SZ", max_trip_days=1)
    assert rules(problem, base_solution()) == {TourRule.TRIP_TOO_LONG}


def test_leave_before_crew_start() -> None:
    base = base_solution()
    # Leaving early is reported, but the drive itself still starts at 08:00, so the arrival holds.
    solution = with_trip(base, 0, replace(base.trips[0], leave=at(day(0), 7, 30)))
    assert rules(PROBLEM, solution) == {TourRule.LEAVE_BEFORE_CREW_START}


def test_back_after_crew_end() -> None:
    base = base_solution()
    solution = with_trip(base, 0, replace(base.trips[0], back=at(day(0), 18, 30)))
    assert rules(PROBLEM, solution) == {TourRule.BACK_AFTER_CREW_END}


def test_back_before_leave() -> None:
    base = base_solution()
    solution = with_trip(base, 0, replace(base.trips[0], back=at(day(0), 7)))
    assert TourRule.BACK_BEFORE_LEAVE in rules(PROBLEM, solution)


def test_overlapping_trips() -> None:
    # CV-SZ's Tuesday done as two trips: the township centre in the morning, home at 12:11, then out
    # again at 12:15 to Zhouzhuang (38.5 km, arriving 12:54 for 13:00). Each trip is fine; the two
    # share Tuesday.
    base = base_solution()
    morning = simple_trip(PROBLEM, "CV-SZ", at(day(1), 8), [("RQ-TC", at(day(1), 9, 30))])
    afternoon = simple_trip(PROBLEM, "CV-SZ", at(day(1), 12, 15), [("RQ-KS2", at(day(1), 13))])
    solution = with_trips(base, base.trips[0], morning, afternoon, base.trips[2], base.trips[3])
    assert rules(PROBLEM, solution) == {TourRule.TRIPS_OVERLAP}


def test_empty_trip() -> None:
    base = base_solution()
    empty = Trip("CV-P", at(day(0), 8), at(day(0), 9), (), 0.0)
    assert rules(PROBLEM, with_trips(base, *base.trips, empty)) == {TourRule.EMPTY_TRIP}


def test_unknown_caravan() -> None:
    base = base_solution()
    found = violations(PROBLEM, with_trip(base, 3, replace(base.trips[3], caravan="CV-NOPE")))
    assert [(v.rule, v.caravan) for v in found] == [(TourRule.UNKNOWN_CARAVAN, "CV-NOPE")]


# ---------------------------------------------------------------------------------------------
# Rule 3: shows.


def school_trip(show_hour: int, show_minute: int = 0, problem: TourProblem = PROBLEM) -> Trip:
    """CV-KS to the Kunshan school on Monday (3.8 km: arrive 08:03:48), the show at the given time."""
    return simple_trip(
        problem,
        "CV-KS",
        at(day(0), 8),
        [("RQ-KS1", at(day(0), show_hour, show_minute))],
        frozenset({"RQ-KS1"}),
    )


OPEN_LATE = with_request(PROBLEM, "RQ-KS1", open_to=20 * 60)


def late_school_trip() -> Trip:
    """The school open till 20:00, the show 16:30–18:30: past crew hours, so the crew drives home (3.8 km)
    the next morning at 08:00 and is back at 08:03:48 on Tuesday."""
    trip = school_trip(9, problem=OPEN_LATE)
    stop = replace(trip.stops[0], show_start=at(day(0), 16, 30), show_end=at(day(0), 18, 30))
    return replace(trip, stops=(stop,), back=trip.back + timedelta(days=1, hours=-3))


def test_show_on_a_day_the_venue_does_not_allow() -> None:
    problem = with_request(PROBLEM, "RQ-KS2", dates=WEEKDAYS - {day(1)})
    assert rules(problem, base_solution()) == {TourRule.SHOW_DAY_NOT_ALLOWED}


def test_show_on_a_school_holiday() -> None:
    problem = replace(PROBLEM, calendar=replace(CALENDAR, school_holidays=frozenset({day(0)})))
    assert rules(problem, base_solution()) == {TourRule.SHOW_SCHOOL_HOLIDAY}
    # The same day is no problem for a venue that is not a school.
    problem = with_request(problem, "RQ-KS1", is_school=False)
    assert rules(problem, base_solution()) == set()


@pytest.mark.parametrize(
    ("trip", "problem", "expected"),
    [
        pytest.param(school_trip(8, 20), PROBLEM, {TourRule.SHOW_TOO_EARLY}, id="before-opening-08:30"),
        pytest.param(school_trip(15), PROBLEM, {TourRule.SHOW_TOO_LATE}, id="ends-17:00-after-closing-16:30"),
        pytest.param(late_school_trip(), OPEN_LATE, {TourRule.SHOW_TOO_LATE}, id="ends-18:30-after-crew-end"),
        pytest.param(
            school_trip(8, 10, with_request(PROBLEM, "RQ-KS1", open_from=7 * 60)),
            with_request(PROBLEM, "RQ-KS1", open_from=7 * 60),
            set(),
            id="venue-open-from-07:00-show-at-08:10",
        ),
    ],
)
def test_show_within_hours(trip: Trip, problem: TourProblem, expected: set[TourRule]) -> None:
    assert rules(problem, with_trip(base_solution(), 0, trip)) == expected


def test_show_before_crew_start_even_if_the_venue_is_open() -> None:
    problem = with_request(PROBLEM, "RQ-KS1", open_from=7 * 60)
    trip = school_trip(9, problem=problem)
    early = replace(trip.stops[0], show_start=at(day(0), 7, 50), show_end=at(day(0), 9, 50))
    found = rules(problem, with_trip(base_solution(), 0, replace(trip, stops=(early,))))
    # The crew cannot be there before 08:03 either, nor has the trip left by 07:50.
    assert found == {TourRule.SHOW_TOO_EARLY, TourRule.ARRIVES_LATE, TourRule.SHOW_OUTSIDE_TRIP}


def test_show_wrong_length() -> None:
    solution = with_stop(base_solution(), 0, 0, show_end=at(day(0), 10, 40))  # 100 minutes, not 120
    found = violations(PROBLEM, solution)
    assert [v.rule for v in found] == [TourRule.SHOW_WRONG_LENGTH]
    assert "100 minutes instead of 120" in found[0].message


def test_show_crossing_midnight() -> None:
    solution = with_stop(base_solution(), 0, 0, show_start=at(day(0), 23), show_end=at(day(1), 1))
    assert {TourRule.SHOW_CROSSES_MIDNIGHT, TourRule.SHOW_TOO_LATE} <= rules(PROBLEM, solution)


def test_stops_out_of_order() -> None:
    base = base_solution()
    trip = base.trips[1]
    swapped = replace(trip, stops=(trip.stops[1], trip.stops[0]))
    assert TourRule.STOPS_OUT_OF_ORDER in rules(PROBLEM, with_trip(base, 1, swapped))


# ---------------------------------------------------------------------------------------------
# Rules 4 and 5: fit and region permission.


def test_wrong_type() -> None:
    problem = with_request(PROBLEM, "RQ-KS1", types_allowed=frozenset({CaravanType.I, CaravanType.II}))
    assert rules(problem, base_solution()) == {TourRule.WRONG_TYPE}


def test_no_wanted_theme() -> None:
    problem = with_request(PROBLEM, "RQ-KS1", themes_wanted=frozenset({"ocean", "agriculture"}))
    assert rules(problem, base_solution()) == {TourRule.NO_WANTED_THEME}


# CV-JY moved to Yixing (320282, also in Wuxi city) no longer covers its Jiangyin request (320281).
YIXING_JY = with_caravan(PROBLEM, "CV-JY", region="320282")


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        pytest.param(YIXING_JY, {TourRule.REGION_NOT_PERMITTED}, id="county-caravan-outside-its-county"),
        pytest.param(
            with_caravan(PROBLEM, "CV-SZ", region="320200"),
            {TourRule.REGION_NOT_PERMITTED},
            id="city-caravan-outside-its-city",
        ),
        pytest.param(
            replace(
                YIXING_JY, joint_tours=(JointTour("Taihu", frozenset({"CV-JY"}), frozenset({"320281"})),)
            ),
            set(),
            id="joint-tour-lists-the-county",
        ),
        pytest.param(
            replace(
                YIXING_JY, joint_tours=(JointTour("Taihu", frozenset({"CV-JY"}), frozenset({"320200"})),)
            ),
            set(),
            id="joint-tour-lists-the-city",
        ),
        pytest.param(
            replace(
                YIXING_JY, joint_tours=(JointTour("Taihu", frozenset({"CV-KS"}), frozenset({"320281"})),)
            ),
            {TourRule.REGION_NOT_PERMITTED},
            id="joint-tour-of-another-caravan",
        ),
    ],
)
def test_region_permission(problem: TourProblem, expected: set[TourRule]) -> None:
    found = violations(problem, base_solution())
    assert {v.rule for v in found} == expected
    for v in found:
        assert v.caravan is not None and v.request is not None
        assert v.caravan in v.message and v.request in v.message


# ---------------------------------------------------------------------------------------------
# Rule 6: locks.


@pytest.mark.parametrize(
    ("problem", "solution", "expected"),
    [
        pytest.param(
            PROBLEM, with_stop(base_solution(), 0, 0, locked=False), {TourRule.LOCK_BROKEN}, id="flag-missing"
        ),
        pytest.param(
            with_request(PROBLEM, "RQ-KS1", lock=Lock("CV-KS", day(1))),
            base_solution(),
            {TourRule.LOCK_BROKEN, TourRule.LOCKED_FLAG_WRONG},
            id="served-on-another-day",
        ),
        pytest.param(
            with_request(PROBLEM, "RQ-KS1", lock=Lock("CV-P", day(0))),
            base_solution(),
            {TourRule.LOCK_BROKEN, TourRule.LOCKED_FLAG_WRONG},
            id="served-by-another-caravan",
        ),
        pytest.param(
            PROBLEM,
            replace(
                with_trips(base_solution(), *base_solution().trips[1:]),
                unserved=(*UNSERVED, Unserved("RQ-KS1", UnservedReason.CAPACITY)),
            ),
            {TourRule.LOCK_BROKEN},
            id="locked-request-unserved",
        ),
        pytest.param(
            PROBLEM, with_stop(base_solution(), 3, 0, locked=True), {TourRule.LOCKED_FLAG_WRONG}, id="no-lock"
        ),
    ],
)
def test_locks(problem: TourProblem, solution: TourSolution, expected: set[TourRule]) -> None:
    assert rules(problem, solution) == expected


def test_lock_on_a_multi_day_request_holds_the_whole_run() -> None:
    # Locked on Thursday, the second of the science hall's two days: both stops may carry the flag.
    problem = with_request(PROBLEM, "RQ-SH", lock=Lock("CV-SZ", day(3)))
    solution = with_stop(with_stop(base_solution(), 2, 0, locked=True), 2, 1, locked=True)
    assert rules(problem, solution) == set()


# ---------------------------------------------------------------------------------------------
# Rules 7 and 8: kilometres, times and driving.


@pytest.mark.parametrize(
    ("part", "error", "expected"),
    [
        pytest.param("stop", 0.2, {TourRule.STOP_KM_WRONG}, id="stop-0.2-km-over"),
        pytest.param("stop", -0.2, {TourRule.STOP_KM_WRONG}, id="stop-0.2-km-under"),
        pytest.param("stop", 0.04, set(), id="stop-0.04-km-over-is-within-tolerance"),
        pytest.param("stop", math.nan, {TourRule.STOP_KM_WRONG}, id="stop-nan"),
        pytest.param("back", -0.2, {TourRule.KM_BACK_WRONG}, id="back-0.2-km-under"),
        pytest.param("back", 0.04, set(), id="back-0.04-km-over-is-within-tolerance"),
    ],
)
def test_kilometres(part: str, error: float, expected: set[TourRule]) -> None:
    base = base_solution()
    # CV-SZ's Tuesday: the second stop's leg is from the township centre, not from the depot.
    trip = base.trips[1]
    if part == "stop":
        solution = with_stop(base, 1, 1, km_from_previous=trip.stops[1].km_from_previous + error)
    else:
        solution = with_trip(base, 1, replace(trip, km_back=trip.km_back + error))
    assert rules(PROBLEM, solution) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(5.0, {TourRule.ARRIVE_MISMATCH}), (-5.0, {TourRule.ARRIVE_MISMATCH}), (0.5, set()), (-0.9, set())],
)
def test_reported_arrival_must_match_the_rebuilt_one(minutes: float, expected: set[TourRule]) -> None:
    base = base_solution()
    arrive = base.trips[0].stops[0].arrive + timedelta(minutes=minutes)
    assert rules(PROBLEM, with_stop(base, 0, 0, arrive=arrive)) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"), [(-2.0, {TourRule.BACK_TOO_EARLY}), (-0.5, set()), (60.0, set())]
)
def test_reported_return_may_not_be_earlier_than_the_rebuilt_one(
    minutes: float, expected: set[TourRule]
) -> None:
    base = base_solution()
    trip = base.trips[0]
    assert (
        rules(PROBLEM, with_trip(base, 0, replace(trip, back=trip.back + timedelta(minutes=minutes))))
        == expected
    )


@pytest.mark.parametrize(("minute", "late"), [(2, "1.8 minutes"), (3, "0.8 minutes"), (4, None)])
def test_arrival_after_show_start(minute: int, late: str | None) -> None:
    # With the school open from 07:00, the crew arrives at 08:03:48 (3.8 km): a show at 08:02 or even
    # 08:03 starts before they are there (no tolerance here), one at 08:04 does not.
    problem = with_request(PROBLEM, "RQ-KS1", open_from=7 * 60)
    base = base_solution(problem)
    assert base.trips[0].stops[0].arrive.replace(microsecond=0) == at(day(0), 8, 3, 48)
    show = at(day(0), 8, minute)
    solution = with_stop(base, 0, 0, show_start=show, show_end=show + timedelta(minutes=120))
    found = violations(problem, solution)
    if late is None:
        assert found == []
    else:
        assert [v.rule for v in found] == [TourRule.ARRIVES_LATE]
        assert f"{late} after the show starts at 2027-03-01 08:0{minute}" in found[0].message


# The long leg: a table puts Lianyungang 330 km from the Nanjing depot, more than a day's 300 minutes.
LONG = replace(PROBLEM, distance_km=(("D-NJ", "V-LYG", 330.0),))


def long_trip(show: datetime, arrive: datetime, back: datetime) -> Trip:
    """CV-P to Lianyungang in the second week (Mon 03-08 to Wed 03-10), with the given times."""
    stop = Stop("RQ-LYG", "V-LYG", arrive, show, show + timedelta(minutes=120), 330.0)
    return Trip("CV-P", at(day(7), 8), back, (stop,), 330.0)


def long_solution(trip: Trip) -> TourSolution:
    return TourSolution(trips=(*base_trips(LONG), trip), unserved=(), status=SolveStatus.FEASIBLE)


def test_long_leg_takes_two_days() -> None:
    # Monday: leave 08:00, drive 300 min to 13:00, the day's allowance is gone; night stop.
    # Tuesday: 30 min more, arrive 08:30; show 09:00–11:00; drive home: 270 min (Tuesday already has
    # 30) to 15:30; Wednesday: the last 60 min from 08:00, home at 09:00.
    trip = long_trip(show=at(day(8), 9), arrive=at(day(8), 8, 30), back=at(day(9), 9))
    assert violations(LONG, long_solution(trip)) == []


def test_return_leg_counts_the_mornings_driving() -> None:
    # Were Tuesday's 30 min of the morning forgotten, the crew would drive 300 min from 11:00 and be
    # home at Wednesday 08:30; they are home at 09:00 only.
    trip = long_trip(show=at(day(8), 9), arrive=at(day(8), 8, 30), back=at(day(9), 8, 30))
    assert rules(LONG, long_solution(trip)) == {TourRule.BACK_TOO_EARLY}


def test_arrival_later_than_show_start_because_of_the_daily_driving_limit() -> None:
    # Without the limit the crew would arrive on Monday at 13:30 and show at 15:00; with it they
    # arrive on Tuesday at 08:30.
    trip = long_trip(show=at(day(7), 15), arrive=at(day(7), 13, 30), back=at(day(8), 17))
    found = violations(LONG, long_solution(trip))
    late = [v for v in found if v.rule == TourRule.ARRIVES_LATE]
    assert len(late) == 1
    assert {v.rule for v in found} <= {
        TourRule.ARRIVES_LATE,
        TourRule.ARRIVE_MISMATCH,
        TourRule.BACK_TOO_EARLY,
    }
    message = late[0].message
    for part in ("CV-P", "2027-03-08 08:00", "RQ-LYG", "Lianyungang Haizhou School", "V-LYG", "330.0 km"):
        assert part in message
    # 15:00 Monday to 08:30 Tuesday.
    assert "2027-03-09 08:30" in message and "1050 minutes after" in message
    assert (late[0].caravan, late[0].request) == ("CV-P", "RQ-LYG")


# ---------------------------------------------------------------------------------------------
# Bad data is reported, never raised.


def test_bad_data_is_reported_not_raised() -> None:
    base = base_solution()
    # A speed of zero, and a trip back in the year 9999.
    problem = with_caravan(PROBLEM, "CV-KS", speed_kmh=0.0)
    far = replace(base.trips[3], back=datetime(9999, 12, 31, 12))
    found = rules(problem, with_trip(base, 3, far))
    assert {TourRule.CARAVAN_CANNOT_DRIVE, TourRule.TRIP_TOO_LONG, TourRule.TRIP_DAY_NOT_WORKING} <= found
    # A show too long to add to a date at all.
    problem = with_request(PROBLEM, "RQ-JY", show_minutes=10**15)
    assert rules(problem, base) == {TourRule.UNREADABLE_DATA}
    # Codes used twice in the problem.
    duplicate = replace(PROBLEM, requests=(*REQUESTS, REQUESTS[0]), caravans=(*PROBLEM.caravans, KUNSHAN))
    assert rules(duplicate, base) == {TourRule.DUPLICATE_REQUEST_CODE, TourRule.DUPLICATE_CARAVAN_CODE}
    # Nothing known at all.
    stranger = Trip(
        "CV-?", at(day(0), 8), at(day(0), 9), (replace(base.trips[0].stops[0], request="R-?"),), 1.0
    )
    found = rules(PROBLEM, with_trip(base, 0, stranger))
    # RQ-KS1, the request the trip did serve, is now missing, and its lock with it.
    assert found == {
        TourRule.UNKNOWN_CARAVAN,
        TourRule.UNKNOWN_REQUEST,
        TourRule.REQUEST_MISSING,
        TourRule.LOCK_BROKEN,
    }


def test_aware_datetimes_are_read_as_local_wall_clock() -> None:
    china = timezone(timedelta(hours=8))
    base = base_solution()
    trip = base.trips[0]
    stop = trip.stops[0]
    aware_stop = replace(
        stop,
        arrive=stop.arrive.replace(tzinfo=china),
        show_start=stop.show_start.replace(tzinfo=china),
        show_end=stop.show_end.replace(tzinfo=china),
    )
    aware = replace(trip, leave=trip.leave.replace(tzinfo=china), stops=(aware_stop,))
    assert violations(PROBLEM, with_trip(base, 0, aware)) == []


# ---------------------------------------------------------------------------------------------
# Property: plans built by a simple rule are accepted; a small mutation of one is rejected.

COUNTY_DEPOTS = {"320583": Point(31.38, 120.98), "320281": Point(31.91, 120.28)}
CITY_OF = {"320583": "320500", "320281": "320200"}
# A province caravan between the two counties: every leg is under 100 km, so under 100 minutes.
PROPERTY_CARAVANS = (
    replace(PROVINCE, depot_code="D-MID", depot=Point(31.60, 120.60)),
    replace(KUNSHAN, code="CV-320583"),
    replace(JIANGYIN, code="CV-320281", themes=frozenset({"space"})),
)
WORKING_DAYS = sorted(d for d in HORIZON if CALENDAR.is_working_day(d))


@st.composite
def planned(draw: st.DrawFn) -> tuple[TourProblem, TourSolution]:
    """Two to six requests near the two county depots, each served on a free day or left unserved.

    One stop per trip: leave at 08:00, drive (under 100 min), show at the later of the arrival (to the
    next whole minute) and the opening time (08:00–10:00), drive home. All of it ends by 15:00.
    """
    requests: list[TourRequest] = []
    for i in range(draw(st.integers(2, 6))):
        county = draw(st.sampled_from(sorted(COUNTY_DEPOTS)))
        centre = COUNTY_DEPOTS[county]
        offset = st.floats(-0.1, 0.1, allow_nan=False)
        requests.append(
            request(
                f"R{i}", f"V{i}", f"Venue {i}", centre.lat + draw(offset), centre.lon + draw(offset),
                county, CITY_OF[county],
                dates=frozenset(draw(st.sets(st.sampled_from(WORKING_DAYS), min_size=1))),
                open_from=draw(st.sampled_from([480, 510, 540, 570, 600])),
                show_minutes=draw(st.integers(30, 180)),
            )
        )  # fmt: skip
    problem = TourProblem(caravans=PROPERTY_CARAVANS, requests=tuple(requests), calendar=CALENDAR)
    busy: set[tuple[str, date]] = set()
    trips: list[Trip] = []
    unserved: list[Unserved] = []
    for wanted in requests:
        caravan = draw(st.sampled_from(["CV-P", f"CV-{wanted.county}"]))
        free = sorted(d for d in wanted.dates if (caravan, d) not in busy)
        if not free:
            unserved.append(Unserved(wanted.code, UnservedReason.CAPACITY))
            continue
        show_day = draw(st.sampled_from(free))
        busy.add((caravan, show_day))
        depot = caravan_of(problem, caravan)
        km = distance_km(problem, depot.depot_code, depot.depot, wanted.venue_code, wanted.location)
        arrival = 8 * 60 + math.ceil(drive_minutes(km))
        start = max(arrival, wanted.open_from)
        show = datetime.combine(show_day, time()) + timedelta(minutes=start)
        trips.append(simple_trip(problem, caravan, at(show_day, 8), [(wanted.code, show)]))
    return problem, TourSolution(tuple(trips), tuple(unserved), SolveStatus.FEASIBLE)


PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(planned())
def test_plans_built_by_the_rules_are_accepted(plan: tuple[TourProblem, TourSolution]) -> None:
    problem, solution = plan
    assert violations(problem, solution) == []


@PROPERTY_SETTINGS
@given(planned(), st.sampled_from(["shift_day", "km", "other_county"]), st.data())
def test_a_mutated_plan_is_rejected(
    plan: tuple[TourProblem, TourSolution], mutation: str, data: st.DataObject
) -> None:
    problem, solution = plan
    assume(solution.trips)
    index = data.draw(st.integers(0, len(solution.trips) - 1))
    trip = solution.trips[index]
    stop = trip.stops[0]
    if mutation == "shift_day":
        one_day = timedelta(days=1)
        mutated = with_stop(
            solution, index, 0, show_start=stop.show_start + one_day, show_end=stop.show_end + one_day
        )
        assert violations(problem, mutated)
    elif mutation == "km":
        mutated = with_stop(solution, index, 0, km_from_previous=stop.km_from_previous + 1.0)
        assert TourRule.STOP_KM_WRONG in rules(problem, mutated)
    else:
        county = find(problem, stop.request).county
        other = next(c for c in COUNTY_DEPOTS if c != county)
        mutated = with_trip(solution, index, replace(trip, caravan=f"CV-{other}"))
        assert TourRule.REGION_NOT_PERMITTED in rules(problem, mutated)
