"""Who may serve what in a tour problem: for each request the caravans of a type and theme it allows that the
region rules and joint tours permit (up to a joint tour's last day), the trip slots in which it could
start on one of its days, and, of those, the slots a lone trip could actually do it in; a request no slot
can take gets its reason and never reaches the search."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from caravan_app.domain.enums import Level
from caravan_app.errors import CaravanError
from caravan_app.planning.problem import TourCaravan, TourProblem, TourRequest, Unserved, UnservedReason, fits

if TYPE_CHECKING:  # tours.py imports this module; the model is only named here
    from caravan_app.planning.tours import _TourModel


class LockError(CaravanError):
    """A locked visit cannot be kept: the caravan is not free or cannot reach it that day.

    `reason` says why none of the caravan's days works (an UnservedReason), or is None when the
    caravan could serve it that day but its trip has no room left for it.
    """

    def __init__(self, request: str, caravan: str, day: date, reason: UnservedReason | None) -> None:
        self.request, self.caravan, self.day, self.reason = request, caravan, day, reason
        why = f"that caravan cannot serve it that day ({reason.value})" if reason else "its trip has no room"
        super().__init__(f"request {request} is locked to caravan {caravan} on {day}, but {why}")


def permitted_until(problem: TourProblem, caravan: TourCaravan, request: TourRequest) -> date | None:
    """The last day the caravan may serve the request (date.max: always), or None: never."""
    if caravan.owner_level is Level.PROVINCE:
        return date.max
    home = request.county if caravan.owner_level is Level.COUNTY else request.city
    if home == caravan.region:
        return date.max
    last = [
        joint.last_day or date.max for joint in problem.joint_tours if joint.allows(caravan.code, request)
    ]
    return max(last, default=None)


def show_days(model: _TourModel, request: TourRequest) -> set[int]:
    """The request's allowed days that are working days (and not school holidays for a school)."""
    calendar = model.problem.calendar
    return {
        model._day(d)
        for d in request.dates
        if calendar.is_working_day(d) and not (request.is_school and d in calendar.school_holidays)
    }


def who_may_serve_what(model: _TourModel) -> None:
    """Fill the model's candidate slots and start days for each request, its servable requests, and
    the unserved ones with their reason; a locked visit no slot can take raises LockError."""
    for request in model.problem.requests:
        fitting = [c for c in model.problem.caravans if fits(c, request)]
        until = {c.code: permitted_until(model.problem, c, request) for c in fitting}
        permitted = [c for c in fitting if until[c.code] is not None]
        if request.lock is not None:
            permitted = [c for c in permitted if c.code == request.lock.caravan]
        days = show_days(model, request)
        candidates, past_last_day = [], False
        lone: dict[tuple[str, tuple[int, ...], tuple[int, ...]], bool] = {}
        slots = sorted(n for c in permitted for n in model.slots_of[c.code])
        for number in slots:
            slot = model.slots[number]
            last = until[slot.caravan.code] or date.max
            starts = []
            for position, first in enumerate(slot.days):
                if first not in days:  # the common case, one-day shows, decided here
                    continue
                span = slot.days[position : position + request.show_days]
                if len(span) < request.show_days or any(d not in days for d in span):
                    continue
                if last < date.max and model.start + timedelta(days=span[-1]) > last:
                    past_last_day = True  # past the last day of the joint tours that let it
                    continue
                if request.lock is not None and first != model._day(request.lock.day):
                    continue
                starts.append(first)
            if not starts:
                continue
            model.start_days[(number, request.code)] = tuple(starts)
            # Whether a lone trip can do it depends only on the slot's days and the start days
            # relative to the slot's first: the same for most of a caravan's weeks.
            first_day = slot.days[0]
            shape = (
                slot.caravan.code,
                tuple(d - first_day for d in slot.days),
                tuple(d - first_day for d in starts),
            )
            if shape not in lone:
                lone[shape] = model.schedule(number, [request]) is not None
            if lone[shape]:
                candidates.append(number)
            else:
                del model.start_days[(number, request.code)]
        if candidates:
            model.candidates[request.code] = candidates
            model.servable.append(request)
            continue
        reason = (
            UnservedReason.NO_TYPE_OR_THEME
            if not fitting
            else UnservedReason.NO_PERMITTED_CARAVAN
            if not permitted or past_last_day
            else UnservedReason.NO_WORKABLE_DATE
        )
        if request.lock is not None:
            raise LockError(request.code, request.lock.caravan, request.lock.day, reason)
        model.unserved.append(Unserved(request.code, reason))
