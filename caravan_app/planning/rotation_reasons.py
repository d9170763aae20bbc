"""Why a set stands in no hall in a period of a rotation plan: a reason per empty set-period.

Worked out from the problem and the plan alone, rule by rule, as the model applies them: for each
hall, the first rule that keeps the set out of it in that period, in this order: the region rule,
hall area, the set's history (a hall that had it before the plan), the hall booked outside the plan,
the set standing there in another period of the plan (no set twice in a hall), another set of the
plan standing there, and the changeover window (the set's own moves in and out, and the hall's
outgoing and incoming sets). The cell's reason is the rule that stopped the halls that got
furthest; a hall that passes every rule was free, and the solver left the set in store there.
Before the hall rules come the set's own: still standing on a booking made before the plan, or in
maintenance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from caravan_app.planning.rotation_model import (
    HOME,
    START,
    Node,
    move_days,
    occupants_leaving,
)
from caravan_app.planning.rotation_problem import (
    HostVenue,
    Place,
    RotationProblem,
    RotationSet,
    Stay,
)


class EmptyReason(StrEnum):
    """Why a set is in no hall in a period, from the set's own state to the halls' rules."""

    EARLIER_STAY = "earlier_stay"  # still standing where a booking made before the plan put it
    MAINTENANCE = "maintenance"  # the set is in maintenance
    REGION_RULE = "region_rule"  # no hall in the cities the set may rotate in
    NO_HALL_FITS = "no_hall_fits"  # the halls it may use are smaller than the set needs
    HOSTED_BEFORE = "hosted_before"  # every hall that fits had the set before the plan
    HALLS_BOOKED = "halls_booked"  # the halls left are booked outside the plan in this period
    HOSTS_IT_ELSEWHEN = "hosts_it_elsewhen"  # the halls left have the set in another period of the plan
    HALLS_TAKEN = "halls_taken"  # the halls left hold another set of the plan in this period
    CHANGEOVER = "changeover"  # the halls left cannot be reached or left within the changeover window
    NOTHING_BETTER = "nothing_better"  # a hall was free and reachable; the solver left the set in store


# The hall rules in the order they are applied; a hall that passes all of them is free.
_HALL_RULES = (
    EmptyReason.REGION_RULE,
    EmptyReason.NO_HALL_FITS,
    EmptyReason.HOSTED_BEFORE,
    EmptyReason.HALLS_BOOKED,
    EmptyReason.HOSTS_IT_ELSEWHEN,
    EmptyReason.HALLS_TAKEN,
    EmptyReason.CHANGEOVER,
)


@dataclass(frozen=True)
class HallNote:
    """A hall the reason is about, and what about it: the set standing there (HALLS_TAKEN), the
    period the set stands there itself (HOSTS_IT_ELSEWHEN), or the move that does not fit in its
    window (CHANGEOVER: from where to where, the working days it needs and the window's days)."""

    venue_code: str
    other_set: str = ""
    other_period: int | None = None
    move_from: str = ""  # a venue or depot code
    move_to: str = ""
    days_needed: int = 0
    window_days: int = 0


@dataclass(frozen=True)
class EmptyCell:
    """A set in no hall in a period, and why."""

    set_code: str
    period: int  # 0-based
    reason: EmptyReason
    # The halls that got furthest (for EARLIER_STAY: where the set stands), by hall code.
    halls: tuple[HallNote, ...] = ()
    needed_m2: float = 0.0  # the set's hall area
    largest_m2: float | None = None  # NO_HALL_FITS: the largest hall the region rule leaves it
    cities: frozenset[str] = frozenset()  # the city adcodes the set may rotate in; empty: anywhere


def empty_cells(problem: RotationProblem, stays: Iterable[Stay]) -> tuple[EmptyCell, ...]:
    """A reason for every set-period of the problem that the plan's stays leave empty."""
    plan = _Plan(problem, tuple(stays))
    return tuple(
        plan.why(s, period.index)
        for s in problem.sets
        for period in problem.periods
        if (s.code, period.index) not in plan.at
    )


class _Plan:
    """The problem and a plan's stays, indexed for asking about one set-period after another."""

    def __init__(self, problem: RotationProblem, stays: tuple[Stay, ...]) -> None:
        self.problem = problem
        self.at = {(s.set_code, s.period): s.venue_code for s in stays}
        self.held = {(s.venue_code, s.period): s.set_code for s in stays}
        self.sets = {x.code: x for x in problem.sets}
        self.venues = {v.code: v for v in problem.venues}
        self.occupants = occupants_leaving(problem)

    def why(self, s: RotationSet, t: int) -> EmptyCell:
        if t < s.stays_at_start:
            return EmptyCell(s.code, t, EmptyReason.EARLIER_STAY, (HallNote(s.start.code),), s.hall_area_m2)
        if t in s.unavailable:
            return EmptyCell(s.code, t, EmptyReason.MAINTENANCE, needed_m2=s.hall_area_m2)
        furthest = -1
        notes: list[HallNote] = []
        largest: float | None = None
        for v in self.problem.venues:
            stage, note = self._hall_rule(s, t, v)
            if stage >= 1:  # inside the region
                largest = v.hall_area_m2 if largest is None else max(largest, v.hall_area_m2)
            if stage > furthest:
                furthest, notes = stage, [note]
            elif stage == furthest:
                notes.append(note)
        if furthest < 0:  # a problem without halls
            reason = EmptyReason.REGION_RULE if s.cities else EmptyReason.NO_HALL_FITS
        elif furthest < len(_HALL_RULES):
            reason = _HALL_RULES[furthest]
        else:
            reason = EmptyReason.NOTHING_BETTER
        if reason in (EmptyReason.REGION_RULE, EmptyReason.NO_HALL_FITS):
            notes = []  # every hall of the province or the region: naming them says nothing
        return EmptyCell(
            s.code,
            t,
            reason,
            tuple(notes),
            needed_m2=s.hall_area_m2,
            largest_m2=largest if reason is EmptyReason.NO_HALL_FITS else None,
            cities=s.cities,
        )

    def _hall_rule(self, s: RotationSet, t: int, v: HostVenue) -> tuple[int, HallNote]:
        """The index in _HALL_RULES of the first rule that keeps s out of v in t (len: none does)."""
        note = HallNote(v.code)
        if s.cities and v.city not in s.cities:
            return 0, note
        if v.hall_area_m2 < s.hall_area_m2:
            return 1, note
        if s.code in v.hosted_before or (s.start_installed and v.code == s.start.code):
            return 2, note
        if t not in v.periods:
            return 3, note
        elsewhen = [p.index for p in self.problem.periods if self.at.get((s.code, p.index)) == v.code]
        if elsewhen:
            return 4, HallNote(v.code, other_period=elsewhen[0])
        if (v.code, t) in self.held:
            return 5, HallNote(v.code, other_set=self.held[(v.code, t)])
        blocked = self._changeover(s, t, v)
        if blocked is not None:
            return 6, blocked
        return 7, note

    def _changeover(self, s: RotationSet, t: int, v: HostVenue) -> HallNote | None:
        """The first move that would not fit its window if s stood in v in t; None if all fit."""
        periods = self.problem.periods
        here = Node(v.code, Place(v.code, v.name, v.location), True)
        window = len(periods[t].changeover)
        before = self._position(s, t - 1)
        days = move_days(self.problem, s, before, here)
        if days > window:
            return HallNote(
                v.code, move_from=before.place.code, move_to=v.code, days_needed=days, window_days=window
            )
        # The hall's own window: its outgoing set is uninstalled while this one is installed.
        outgoing = self.sets.get(self.held.get((v.code, t - 1), "")) or self.occupants.get((v.code, t))
        if outgoing is not None and outgoing.uninstall_days + s.install_days > window:
            days = outgoing.uninstall_days + s.install_days
            return HallNote(v.code, other_set=outgoing.code, days_needed=days, window_days=window)
        if t + 1 < len(periods):
            window = len(periods[t + 1].changeover)
            after = self._position(s, t + 1)
            days = move_days(self.problem, s, here, after)
            if days > window:
                return HallNote(
                    v.code, move_from=v.code, move_to=after.place.code, days_needed=days, window_days=window
                )
            incoming = self.sets.get(self.held.get((v.code, t + 1), ""))
            if incoming is not None and s.uninstall_days + incoming.install_days > window:
                days = s.uninstall_days + incoming.install_days
                return HallNote(v.code, other_set=incoming.code, days_needed=days, window_days=window)
        return None

    def _position(self, s: RotationSet, t: int) -> Node:
        """Where s is in period t of the plan (t = -1: before the horizon)."""
        if t < 0 or t < s.stays_at_start:
            return Node(START, s.start, s.start_installed)
        venue = self.venues.get(self.at.get((s.code, t), ""))
        if venue is None:
            return Node(HOME, s.home, False)
        return Node(venue.code, Place(venue.code, venue.name, venue.location), True)
