"""Moving one visit of a plan by hand (or placing an unserved request, or taking a visit out): the
trips it leaves and joins rebuilt exactly as the planner (planning/tours.py) would schedule them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from caravan_app.domain.outcomes import MoveRefusal, UnservedReason
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import TourProblem, TourRequest, TourSolution, Trip, Unserved
from caravan_app.planning.search import FIRST_SOLUTION
from caravan_app.planning.tours import _TourModel


class VisitMoves:
    """Hand moves on one plan. The planner's schedule is set up once, so that many moves of one
    visit (every caravan and day it could go to) can be worked out one after another."""

    def __init__(self, problem: TourProblem, solution: TourSolution) -> None:
        self.problem = problem
        self.solution = solution
        self.model = _TourModel(
            problem, SolveControl(), FIRST_SOLUTION.LOCAL_CHEAPEST_INSERTION, assess=False
        )
        self.by_code = {r.code: r for r in problem.requests}
        self.caravans = {c.code: c for c in problem.caravans}

    def _first_days(self, trip: Trip, leaving: str) -> list[tuple[TourRequest, int]]:
        """The trip's requests but `leaving`, each with its first show day."""
        seen: dict[str, int] = {}
        for stop in trip.stops:
            if stop.request != leaving and stop.request in self.by_code:
                seen.setdefault(stop.request, self.model._day(stop.show_start.date()))
        return [(self.by_code[code], first) for code, first in seen.items()]

    def _source(self, request_code: str) -> Trip | None:
        return next((t for t in self.solution.trips if any(s.request == request_code for s in t.stops)), None)

    def _without(self, source: Trip, request_code: str) -> Trip | None | MoveRefusal:
        """The trip `source` rebuilt without the request: None when nothing is left of it."""
        left = self._first_days(source, request_code)
        if not left:
            return None
        model = self.model
        number = model.slot_for(self.caravans[source.caravan], left[0][1], left[0][0].show_days)
        trip = model.rebuild(number, left)
        return MoveRefusal.SOURCE_UNSCHEDULABLE if trip is None else trip

    def move(
        self,
        request_code: str,
        caravan_code: str,
        day: date,
        alone: bool = False,
        request: TourRequest | None = None,
    ) -> TourSolution | MoveRefusal:
        """The plan with the request's visit on `caravan_code`, its first show on `day`.

        A served request leaves its trip; an unserved one leaves the unserved list. The trips it
        leaves and joins are rescheduled exactly as the planner would, every show kept on its day;
        the moved visit goes where it adds the fewest km among that day's shows. Neither the rules
        nor the request's dates are enforced here, so the checker can name what a move breaks; the
        result is a refusal only when no schedule of the trips exists at all.
        With `alone`, the visit gets a trip of its own that day, whatever else the caravan does then:
        what rules a visit breaks by itself, when the joined trip has no schedule.
        `request` is the request as moved (with the lock the move gives it), if not the problem's.
        """
        model = self.model
        request = request or self.by_code.get(request_code)
        if caravan_code not in self.caravans:
            return MoveRefusal.UNKNOWN_CARAVAN
        if request is None:
            return MoveRefusal.NOT_SERVED
        source = self._source(request_code)
        placed = source is None
        if placed and not any(u.request == request_code for u in self.solution.unserved):
            return MoveRefusal.NOT_SERVED
        target_day = model._day(day)
        target_slot = model.slot_for(self.caravans[caravan_code], target_day, request.show_days, alone)
        joined = (
            None
            if alone
            else next(
                (
                    t
                    for t in self.solution.trips
                    if t.caravan == caravan_code
                    and t.stops
                    and model._day(t.stops[0].show_start.date()) in model.slots[target_slot].days
                ),
                None,
            )
        )
        rebuilt: list[Trip] = []
        if source is not None and source is not joined:
            rest = self._without(source, request_code)
            if isinstance(rest, MoveRefusal):
                return rest
            if rest is not None:
                rebuilt.append(rest)
        others = self._first_days(joined, request_code) if joined is not None else []
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
        trips = [t for t in self.solution.trips if t is not source and t is not joined] + rebuilt
        trips.sort(key=lambda t: (t.caravan, t.leave))
        unserved = tuple(u for u in self.solution.unserved if u.request != request_code)
        return replace(self.solution, trips=tuple(trips), unserved=unserved)

    def take_out(self, request_code: str, reason: UnservedReason) -> TourSolution | MoveRefusal:
        """The plan with the request's visit taken out of its trip and listed unserved for `reason`
        (how a placement by hand is undone)."""
        source = self._source(request_code)
        if source is None:
            return MoveRefusal.NOT_SERVED
        rest = self._without(source, request_code)
        if isinstance(rest, MoveRefusal):
            return rest
        trips = [t for t in self.solution.trips if t is not source] + ([rest] if rest is not None else [])
        trips.sort(key=lambda t: (t.caravan, t.leave))
        unserved = (*self.solution.unserved, Unserved(request_code, reason))
        return replace(self.solution, trips=tuple(trips), unserved=unserved)


def move_visit(
    problem: TourProblem,
    solution: TourSolution,
    request_code: str,
    caravan_code: str,
    day: date,
    alone: bool = False,
) -> TourSolution | MoveRefusal:
    """One move on a plan (see VisitMoves.move)."""
    return VisitMoves(problem, solution).move(request_code, caravan_code, day, alone)
