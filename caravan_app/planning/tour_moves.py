"""Moving one visit of a plan by hand: the trips it leaves and joins rebuilt exactly as the planner
(planning/tours.py) would schedule them."""

from __future__ import annotations

from datetime import date

from caravan_app.domain.outcomes import MoveRefusal
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import TourProblem, TourRequest, TourSolution, Trip
from caravan_app.planning.search import FIRST_SOLUTION
from caravan_app.planning.tours import _TourModel


def move_visit(
    problem: TourProblem,
    solution: TourSolution,
    request_code: str,
    caravan_code: str,
    day: date,
    alone: bool = False,
) -> TourSolution | MoveRefusal:
    """The plan with one served request moved to `caravan_code`, its first show on `day`.

    The trips it leaves and joins are rescheduled exactly as the planner would, every show kept on its
    day; the moved visit goes where it adds the fewest km among that day's shows. Neither the rules
    nor the request's dates are enforced here, so the checker can name what a move breaks; the
    result is a refusal only when no schedule of the trips exists at all.
    With `alone`, the visit gets a trip of its own that day, whatever else the caravan does then:
    what rules a visit breaks by itself, when the joined trip has no schedule.
    """
    model = _TourModel(problem, SolveControl(), FIRST_SOLUTION.LOCAL_CHEAPEST_INSERTION, assess=False)
    by_code = {r.code: r for r in problem.requests}
    caravans = {c.code: c for c in problem.caravans}
    request = by_code.get(request_code)
    if caravan_code not in caravans:
        return MoveRefusal.UNKNOWN_CARAVAN
    source = next((t for t in solution.trips if any(s.request == request_code for s in t.stops)), None)
    if request is None or source is None:
        return MoveRefusal.NOT_SERVED

    def first_days(trip: Trip) -> list[tuple[TourRequest, int]]:
        seen: dict[str, int] = {}
        for stop in trip.stops:
            if stop.request != request_code and stop.request in by_code:
                seen.setdefault(stop.request, model._day(stop.show_start.date()))
        return [(by_code[code], first) for code, first in seen.items()]

    target_day = model._day(day)
    target_slot = model.slot_for(caravans[caravan_code], target_day, request.show_days, alone)
    joined = (
        None
        if alone
        else next(
            (
                t
                for t in solution.trips
                if t.caravan == caravan_code
                and t.stops
                and model._day(t.stops[0].show_start.date()) in model.slots[target_slot].days
            ),
            None,
        )
    )
    rebuilt: list[Trip] = []
    if source is not joined:
        left = first_days(source)
        if left:
            number = model.slot_for(caravans[source.caravan], left[0][1], left[0][0].show_days)
            trip = model.rebuild(number, left)
            if trip is None:
                return MoveRefusal.SOURCE_UNSCHEDULABLE
            rebuilt.append(trip)
    others = first_days(joined) if joined is not None else []
    best: Trip | None = None
    for position in range(len(others) + 1):
        route = [*others[:position], (request, target_day), *others[position:]]
        if [d for _, d in route] != sorted(d for _, d in route):
            continue
        trip = model.rebuild(target_slot, route)
        if trip is not None and (best is None or trip.km < best.km):
            best = trip
    if best is None:
        return MoveRefusal.NO_SCHEDULE
    rebuilt.append(best)
    trips = [t for t in solution.trips if t is not source and t is not joined] + rebuilt
    trips.sort(key=lambda t: (t.caravan, t.leave))
    return TourSolution(
        tuple(trips), solution.unserved, solution.status, solution.objective, solution.solve_seconds
    )
