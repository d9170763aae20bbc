"""What a solve, a checker or a hand edit comes back with, as codes: never as sentences.

Planners return a SolveStatus; an unserved request carries an UnservedReason; a checker names the
TourRule, RotationRule or RegroupRule a plan breaks; a refused hand move names its rule or a
MoveRefusal. Each travels with structured values (caravan, request, venue, region, day) and is
worded where it is shown, in the reader's language: the window (Qt translations), the printed
documents (reports/texts.py) and the command line. The English one-liners here describe the codes
for the log and for readers of the code; nothing parses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from caravan_app.domain.enums import LabelledEnum
from caravan_app.errors import CaravanError


class SolveStatus(LabelledEnum):
    """What a solve found. Only OPTIMAL and FEASIBLE come with a plan."""

    OPTIMAL = "optimal"  # a plan, proven the best by the solver's own bound
    FEASIBLE = "feasible"  # a plan that keeps every rule; the search stopped before a proof
    INFEASIBLE = "infeasible"  # proven: no plan keeps every rule (e.g. locks that contradict)
    NO_SOLUTION = "no_solution"  # the time ran out before any plan was found
    CANCELLED = "cancelled"  # the user stopped the solve before any plan was found

    @property
    def has_plan(self) -> bool:
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)

    @classmethod
    def labels(cls) -> dict[str, str]:  # as a workbook shows them
        return {
            "optimal": "最优",
            "feasible": "可行",
            "infeasible": "无可行方案",
            "no_solution": "未找到方案",
            "cancelled": "已取消",
        }

    @classmethod
    def read(cls, stored: str) -> SolveStatus:
        """A status as stored by any version: 'no solution', 'partial' and upper-case spellings too."""
        text = stored.strip().lower().replace(" ", "_")
        return cls.FEASIBLE if text == "partial" else cls(text)

    @classmethod
    def parse(cls, text: str) -> SolveStatus:
        try:
            return cls.read(text)
        except ValueError:
            return super().parse(text)


class UnservedReason(LabelledEnum):
    """Why a request is not in the plan; the first that applies is given."""

    NO_TYPE_OR_THEME = "no_type_or_theme"  # no caravan of a wanted type carrying a wanted theme
    NO_PERMITTED_CARAVAN = "no_permitted_caravan"  # none of those may serve the request's region
    NO_WORKABLE_DATE = "no_workable_date"  # none of those can get there on an allowed working day
    CAPACITY = "capacity"  # it could be served, but the caravans' days were used for others

    @classmethod
    def labels(cls) -> dict[str, str]:  # as a workbook shows them
        return {
            "no_type_or_theme": "没有符合车型或主题的大篷车",
            "no_permitted_caravan": "没有可跨区服务该地区的大篷车",
            "no_workable_date": "没有可行的日期",
            "capacity": "运力已排满",
        }


class TourRule(StrEnum):
    """A rule of a caravan tour plan, as the independent checker (planning/check.py) names it."""

    DUPLICATE_CARAVAN_CODE = "duplicate_caravan_code"
    DUPLICATE_REQUEST_CODE = "duplicate_request_code"
    UNKNOWN_REQUEST = "unknown_request"
    VENUE_MISMATCH = "venue_mismatch"
    REQUEST_TWICE = "request_twice"
    MULTI_DAY_COUNT = "multi_day_count"
    MULTI_DAY_SPLIT = "multi_day_split"
    MULTI_DAY_NOT_SUCCESSIVE = "multi_day_not_successive"
    SERVED_AND_UNSERVED = "served_and_unserved"
    UNSERVED_TWICE = "unserved_twice"
    UNKNOWN_UNSERVED = "unknown_unserved"
    REQUEST_MISSING = "request_missing"
    UNKNOWN_CARAVAN = "unknown_caravan"
    EMPTY_TRIP = "empty_trip"
    BACK_BEFORE_LEAVE = "back_before_leave"
    TRIP_DAY_NOT_WORKING = "trip_day_not_working"
    CARAVAN_UNAVAILABLE = "caravan_unavailable"
    TRIP_TOO_LONG = "trip_too_long"
    LEAVE_BEFORE_CREW_START = "leave_before_crew_start"
    BACK_AFTER_CREW_END = "back_after_crew_end"
    TRIPS_OVERLAP = "trips_overlap"
    SHOW_DAY_NOT_ALLOWED = "show_day_not_allowed"
    SHOW_NOT_WORKING_DAY = "show_not_working_day"
    SHOW_SCHOOL_HOLIDAY = "show_school_holiday"
    SHOW_WRONG_LENGTH = "show_wrong_length"
    SHOW_TOO_EARLY = "show_too_early"
    SHOW_TOO_LATE = "show_too_late"
    SHOW_CROSSES_MIDNIGHT = "show_crosses_midnight"
    SHOW_OUTSIDE_TRIP = "show_outside_trip"
    STOPS_OUT_OF_ORDER = "stops_out_of_order"
    WRONG_TYPE = "wrong_type"
    NO_WANTED_THEME = "no_wanted_theme"
    REGION_NOT_PERMITTED = "region_not_permitted"
    LOCK_BROKEN = "lock_broken"
    LOCKED_FLAG_WRONG = "locked_flag_wrong"
    STOP_KM_WRONG = "stop_km_wrong"
    KM_BACK_WRONG = "km_back_wrong"
    CARAVAN_CANNOT_DRIVE = "caravan_cannot_drive"
    ARRIVES_LATE = "arrives_late"
    ARRIVE_MISMATCH = "arrive_mismatch"
    BACK_TOO_EARLY = "back_too_early"
    UNREADABLE_DATA = "unreadable_data"


TOUR_RULES: dict[TourRule, str] = {
    TourRule.DUPLICATE_CARAVAN_CODE: "two caravans of the problem share a code",
    TourRule.DUPLICATE_REQUEST_CODE: "two requests of the problem share a code",
    TourRule.UNKNOWN_REQUEST: "a stop names a request the problem does not have",
    TourRule.VENUE_MISMATCH: "a stop's venue is not its request's venue",
    TourRule.REQUEST_TWICE: "a one-day request is served by more than one stop",
    TourRule.MULTI_DAY_COUNT: "a request of N show days is not served by exactly N stops",
    TourRule.MULTI_DAY_SPLIT: "the stops of a multi-day request are not consecutive stops of one trip",
    TourRule.MULTI_DAY_NOT_SUCCESSIVE: "the days of a multi-day request are not successive working days",
    TourRule.SERVED_AND_UNSERVED: "a request is both served and listed as unserved",
    TourRule.UNSERVED_TWICE: "a request is listed as unserved more than once",
    TourRule.UNKNOWN_UNSERVED: "an unserved entry names a request the problem does not have",
    TourRule.REQUEST_MISSING: "a request is neither served nor listed as unserved",
    TourRule.UNKNOWN_CARAVAN: "a trip names a caravan the problem does not have",
    TourRule.EMPTY_TRIP: "a trip has no stop",
    TourRule.BACK_BEFORE_LEAVE: "a trip comes back before it leaves",
    TourRule.TRIP_DAY_NOT_WORKING: "a day of a trip is not a working day of the calendar",
    TourRule.CARAVAN_UNAVAILABLE: "a day of a trip is one of the caravan's unavailable days",
    TourRule.TRIP_TOO_LONG: "a trip lasts more days than the caravan's max_trip_days",
    TourRule.LEAVE_BEFORE_CREW_START: "a trip leaves before the crew's day starts",
    TourRule.BACK_AFTER_CREW_END: "a trip comes back after the crew's day ends",
    TourRule.TRIPS_OVERLAP: "two trips of one caravan share a day",
    TourRule.SHOW_DAY_NOT_ALLOWED: "a show is on a day not among the request's dates",
    TourRule.SHOW_NOT_WORKING_DAY: "a show is on a day that is not a working day",
    TourRule.SHOW_SCHOOL_HOLIDAY: "a school's show is on a school holiday",
    TourRule.SHOW_WRONG_LENGTH: "a show does not last exactly the request's show_minutes",
    TourRule.SHOW_TOO_EARLY: "a show starts before the venue opens or the crew's day starts",
    TourRule.SHOW_TOO_LATE: "a show ends after the venue closes or the crew's day ends",
    TourRule.SHOW_CROSSES_MIDNIGHT: "a show ends on a later date than it starts",
    TourRule.SHOW_OUTSIDE_TRIP: "a show is not between the trip's leaving and its return",
    TourRule.STOPS_OUT_OF_ORDER: "a show starts before the previous show of its trip ends",
    TourRule.WRONG_TYPE: "the caravan's type is not one the request allows",
    TourRule.NO_WANTED_THEME: "the caravan carries none of the request's wanted themes",
    TourRule.REGION_NOT_PERMITTED: "the caravan may not serve the request's region",
    TourRule.LOCK_BROKEN: "a locked request is not served, marked locked, by the lock's caravan on its day",
    TourRule.LOCKED_FLAG_WRONG: "a stop marked locked does not match a lock of its request",
    TourRule.STOP_KM_WRONG: "a stop's km_from_previous is not the distance from the previous place",
    TourRule.KM_BACK_WRONG: "a trip's km_back is not the distance from the last venue to the depot",
    TourRule.CARAVAN_CANNOT_DRIVE: "the caravan's speed is not a positive number, so no drive can be timed",
    TourRule.ARRIVES_LATE: "the rebuilt driving schedule reaches a stop after its show starts",
    TourRule.ARRIVE_MISMATCH: "a stop's reported arrival differs from the rebuilt one by more than a minute",
    TourRule.BACK_TOO_EARLY: "the rebuilt driving schedule reaches the depot after the reported return",
    TourRule.UNREADABLE_DATA: "a value could not be read at all (e.g. a date out of range)",
}


class MoveRefusal(StrEnum):
    """Why a hand move of a visit was refused when no checker rule says it."""

    NO_SCHEDULE = "no_schedule"  # the caravan cannot fit the show into a trip that day
    SOURCE_UNSCHEDULABLE = "source_unschedulable"  # the trip the visit leaves can no longer be timed
    NOT_SERVED = "not_served"  # the request is not served in this plan
    UNKNOWN_CARAVAN = "unknown_caravan"  # the plan has no such caravan


class RotationRule(StrEnum):
    """A rule of a museum-set rotation plan, as planning/rotation_check.py names it."""

    UNKNOWN_SET = "unknown_set"
    UNKNOWN_VENUE = "unknown_venue"
    UNKNOWN_PERIOD = "unknown_period"
    SET_TWICE_IN_PERIOD = "set_twice_in_period"
    VENUE_TWICE_IN_PERIOD = "venue_twice_in_period"
    VENUE_REPEATED = "venue_repeated"
    HOSTED_BEFORE = "hosted_before"
    HALL_TOO_SMALL = "hall_too_small"
    VENUE_NOT_HOSTING = "venue_not_hosting"
    SET_UNAVAILABLE = "set_unavailable"
    OUTSIDE_REGION = "outside_region"
    LOCK_BROKEN = "lock_broken"
    STAY_DATES = "stay_dates"
    MOVE_MISSING = "move_missing"
    MOVE_UNEXPECTED = "move_unexpected"
    MOVE_KM = "move_km"
    MOVE_OUTSIDE_WINDOW = "move_outside_window"
    MOVE_ORDER = "move_order"
    UNINSTALL_DAYS = "uninstall_days"
    INSTALL_DAYS = "install_days"
    DRIVE_DAYS = "drive_days"
    HALL_NOT_FREE = "hall_not_free"
    FIGURES = "figures"


ROTATION_RULES: dict[RotationRule, str] = {
    RotationRule.UNKNOWN_SET: "a stay or move names a set the problem does not have",
    RotationRule.UNKNOWN_VENUE: "a stay names a venue the problem does not have",
    RotationRule.UNKNOWN_PERIOD: "a stay or move names a period outside the horizon",
    RotationRule.SET_TWICE_IN_PERIOD: "a set stands in two venues in one period",
    RotationRule.VENUE_TWICE_IN_PERIOD: "a venue holds two sets in one period",
    RotationRule.VENUE_REPEATED: "a set stands in the same venue twice in the horizon",
    RotationRule.HOSTED_BEFORE: "a venue gets a set it has had before",
    RotationRule.HALL_TOO_SMALL: "the venue's hall is smaller than the set needs",
    RotationRule.VENUE_NOT_HOSTING: "the venue does not host in that period",
    RotationRule.SET_UNAVAILABLE: "the set is in maintenance or still on an earlier stay in that period",
    RotationRule.OUTSIDE_REGION: "the venue is outside the cities the set may rotate in",
    RotationRule.LOCK_BROKEN: "a locked stay is not in the plan",
    RotationRule.STAY_DATES: "a stay does not open after the changeover or close on the period's last day",
    RotationRule.MOVE_MISSING: "a set changes place between periods but no move says so",
    RotationRule.MOVE_UNEXPECTED: "a move does not match where the set is before and after",
    RotationRule.MOVE_KM: "a move's kilometres differ from great-circle distance times the road factor",
    RotationRule.MOVE_OUTSIDE_WINDOW: "a move's uninstall, drive or install days are not working days",
    RotationRule.MOVE_ORDER: "a move's days are not in the order uninstall, drive, install without overlap",
    RotationRule.UNINSTALL_DAYS: "a move uninstalls for a number of days other than the set needs",
    RotationRule.INSTALL_DAYS: "a move installs for a number of days other than the set needs",
    RotationRule.DRIVE_DAYS: "a move drives on fewer days than its kilometres need",
    RotationRule.HALL_NOT_FREE: "a set is installed before the outgoing set is uninstalled from the hall",
    RotationRule.FIGURES: "the solution's hosted weight or truck-kilometres do not add up",
}


class RegroupRule(StrEnum):
    """A rule of a regrouping of exhibits into sets or kits, as planning/regroup_check.py names it."""

    UNKNOWN_ITEM = "unknown_item"  # a placement names an item the problem does not have
    ITEM_TWICE = "item_twice"  # an item is placed more than once
    ITEM_NOT_PLACED = "item_not_placed"  # an item has no placement
    UNKNOWN_CONTAINER = "unknown_container"  # an item is placed in a container the problem does not have
    WRONG_THEME = "wrong_theme"  # an item joins a container that does not take its theme
    TOO_MANY = "too_many"  # a container holds more items than it may
    TOO_LITTLE_FLOOR = "too_little_floor"  # a set's exhibits need more floor than its hall has
    CONTAINER_MISSING = "container_missing"  # a container has no result
    RESULT_WRONG = "result_wrong"  # a container's reported counts or completeness are not what it holds
    MOVE_MISSING = "move_missing"  # an item changes place without a move
    MOVE_UNEXPECTED = "move_unexpected"  # a move of an item that stays where it is
    MOVE_TWICE = "move_twice"  # an item has more than one move
    MOVE_WRONG = "move_wrong"  # a move's from or to is not where the item was or goes
    MOVE_KM = "move_km"  # a move's kilometres are not the distance measured


class SolveTask(StrEnum):
    """Which solve a NoPlan is about."""

    TOURS = "tours"  # a caravan tour plan (also a what-if or baseline re-plan)
    ROTATION = "rotation"  # a museum-set rotation
    MUSEUM_SETS = "museum_sets"  # regrouping exhibits into museum sets
    CARAVAN_KITS = "caravan_kits"  # regrouping exhibits into caravan kits


class NoPlan(CaravanError):
    """A solve ended without a plan (status INFEASIBLE, NO_SOLUTION or CANCELLED): nothing was checked
    or stored. `seconds` is the time the solve had; the window and the command line word it."""

    def __init__(self, task: SolveTask, status: SolveStatus, seconds: float) -> None:
        self.task, self.status, self.seconds = task, status, seconds
        what = {
            SolveTask.TOURS: "the tour planner",
            SolveTask.ROTATION: "the rotation planner",
            SolveTask.MUSEUM_SETS: "the museum-set regrouping",
            SolveTask.CARAVAN_KITS: "the caravan-kit regrouping",
        }[task]
        if status is SolveStatus.CANCELLED:
            why = f"{what} was stopped before it found a plan"
        elif status is SolveStatus.INFEASIBLE:
            why = f"{what} proved that no plan keeps every rule (locked placements that contradict?)"
        else:
            why = f"{what} found no plan in the {seconds:g} s it had; give it more time (--time-limit)"
        super().__init__(f"{why}; nothing was stored")


@dataclass(frozen=True)
class Refusal:
    """Why a hand edit was refused: a checker rule or a MoveRefusal, and what it concerns.

    Codes identify things; the names beside them are the places as the reader knows them (the
    venue's name, the request's county, the region the caravan belongs to), looked up where the
    refusal was made so that whoever words it needs no database.
    """

    rule: TourRule | MoveRefusal
    caravan: str = ""
    request: str = ""
    day: date | None = None
    venue: str = ""  # venue code
    venue_name: str = ""
    region_name: str = ""  # the request's county, for a region rule
    caravan_home: str = ""  # the region the caravan belongs to (province, city or county name)
