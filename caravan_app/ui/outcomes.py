"""Outcomes worded for the window, in its language: solve statuses, why a request is unserved, why a
hand move is refused, and the errors the lower layers raise as codes with values.

Every wording here is a Qt translation (context "Outcomes"); the English of the lower layers is for
the command line and the log, and is never parsed. Place names come with the codes (a venue's name,
a county's name), so a message names places as the reader knows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from caravan_app.domain.linkage import IDLE_DAYS, Utilisation
from caravan_app.domain.outcomes import (
    MoveRefusal,
    NoPlan,
    Refusal,
    RotationRule,
    SolveStatus,
    SolveTask,
    TourRule,
    UnservedReason,
)
from caravan_app.domain.views import FittingCaravanView
from caravan_app.errors import CaravanError, ConflictError, KitHoldsRecords
from caravan_app.planning.rotation import RotationLockError
from caravan_app.planning.tours import LockError
from caravan_app.ui.labels import entity_noun


class MoveRefused(CaravanError):
    """A move made again by undo or redo was refused; the window words the refusal it carries."""

    def __init__(self, refusal: Refusal) -> None:
        self.refusal = refusal
        super().__init__(f"{refusal.request} not moved: {refusal.rule.value}")


def _fill(text: str, *values: object) -> str:
    """Qt's %1, %2 … placeholders, highest first so that %1 never eats the start of %10."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def solve_status(status: SolveStatus) -> str:
    return {
        SolveStatus.OPTIMAL: QCoreApplication.translate("Outcomes", "proven best"),
        SolveStatus.FEASIBLE: QCoreApplication.translate("Outcomes", "feasible"),
        SolveStatus.INFEASIBLE: QCoreApplication.translate("Outcomes", "no plan keeps every rule"),
        SolveStatus.NO_SOLUTION: QCoreApplication.translate("Outcomes", "no plan found in time"),
        SolveStatus.CANCELLED: QCoreApplication.translate("Outcomes", "stopped"),
    }[status]


def unserved_reason(reason: UnservedReason) -> str:
    return {
        UnservedReason.NO_TYPE_OR_THEME: QCoreApplication.translate(
            "Outcomes", "No caravan of a wanted type and theme"
        ),
        UnservedReason.NO_PERMITTED_CARAVAN: QCoreApplication.translate(
            "Outcomes", "No caravan may serve this region"
        ),
        UnservedReason.NO_WORKABLE_DATE: QCoreApplication.translate("Outcomes", "No workable date"),
        UnservedReason.CAPACITY: QCoreApplication.translate("Outcomes", "Caravans fully booked"),
    }[reason]


def unserved_detail(
    reason: UnservedReason, venue: str, county: str, types: Sequence[str] = (), themes: Sequence[str] = ()
) -> str:
    """Why one request is unserved, with its venue, county and what it asked for."""
    if reason is UnservedReason.NO_TYPE_OR_THEME:
        wanted_types = "/".join(sorted(types))
        return _fill(
            QCoreApplication.translate("Outcomes", "Needs %1 with %2"),
            _fill(QCoreApplication.translate("Outcomes", "type %1"), wanted_types)
            if wanted_types
            else QCoreApplication.translate("Outcomes", "any type"),
            "、".join(sorted(themes)) or QCoreApplication.translate("Outcomes", "any theme"),
        )
    if reason is UnservedReason.NO_PERMITTED_CARAVAN:
        return _fill(QCoreApplication.translate("Outcomes", "No caravan may serve %1"), county)
    if reason is UnservedReason.NO_WORKABLE_DATE:
        return _fill(
            QCoreApplication.translate("Outcomes", "No caravan can reach %1 on an allowed working day"), venue
        )
    return QCoreApplication.translate("Outcomes", "Every caravan that could serve it was busy")


def fitting_elsewhere_text(elsewhere: Sequence[FittingCaravanView]) -> str:
    """The caravans of a wanted type and theme that region rules keep from a request, nearest first:
    what a joint tour (联动) could put to work."""
    return QCoreApplication.translate("Outcomes", "; ").join(
        _fill(
            QCoreApplication.translate("Outcomes", "%1 (%2, %3 km away, %4 of %5 days on the road)"),
            f.caravan_code,
            f.home,
            f"{f.km:,.0f}",
            str(f.days_on_road),
            str(f.available_days),
        )
        for f in elsewhere
    )


def fleet_use_text(use: Utilisation) -> str:
    """The fleet's use in a plan: the share of available days on the road, idle caravans, imbalance."""
    return _fill(
        QCoreApplication.translate(
            "Outcomes",
            "Fleet use: %1 of the available days on the road; %2 of %3 caravans idle (under %4 days); "
            "the busiest 20 % do %5 of the days",
        ),
        f"{use.share:.0%}",
        str(len(use.idle)),
        str(len(use.caravans)),
        str(IDLE_DAYS),
        f"{use.busiest_share:.0%}",
    )


def idle_fitting_text(fitting: Sequence[FittingCaravanView]) -> str:
    """A warning when caravans idle in the plan fit requests it leaves out (the rules keep them away);
    empty when there are none."""
    idle = sorted({f.caravan_code for f in fitting if f.days_on_road < IDLE_DAYS})
    if not idle:
        return ""
    return _fill(
        QCoreApplication.translate(
            "Outcomes",
            "Idle caravans fit requests this plan leaves out, but the region rules keep them away: %1. "
            "A joint tour (联动) would let them serve.",
        ),
        QCoreApplication.translate("Outcomes", ", ").join(idle),
    )


def rule_meaning(rule: TourRule | MoveRefusal) -> str:
    """What a tour rule says, for a reader who sees it broken."""
    meanings = {
        MoveRefusal.NO_SCHEDULE: QCoreApplication.translate(
            "Outcomes", "the caravan cannot fit the show into a trip that day"
        ),
        MoveRefusal.SOURCE_UNSCHEDULABLE: QCoreApplication.translate(
            "Outcomes", "the trip the visit leaves could no longer be timed"
        ),
        MoveRefusal.NOT_SERVED: QCoreApplication.translate(
            "Outcomes", "the request is not served in this plan"
        ),
        MoveRefusal.UNKNOWN_CARAVAN: QCoreApplication.translate("Outcomes", "the plan has no such caravan"),
        TourRule.WRONG_TYPE: QCoreApplication.translate(
            "Outcomes", "the caravan's type is not one the request allows"
        ),
        TourRule.NO_WANTED_THEME: QCoreApplication.translate(
            "Outcomes", "the caravan carries none of the request's themes"
        ),
        TourRule.REGION_NOT_PERMITTED: QCoreApplication.translate(
            "Outcomes", "the caravan may not serve the request's region"
        ),
        TourRule.SHOW_DAY_NOT_ALLOWED: QCoreApplication.translate(
            "Outcomes", "the venue does not take a show that day"
        ),
        TourRule.SHOW_NOT_WORKING_DAY: QCoreApplication.translate(
            "Outcomes", "that day is not a working day"
        ),
        TourRule.SHOW_SCHOOL_HOLIDAY: QCoreApplication.translate(
            "Outcomes", "a school's show on a school holiday"
        ),
        TourRule.TRIP_DAY_NOT_WORKING: QCoreApplication.translate(
            "Outcomes", "the trip would run on a day that is not a working day"
        ),
        TourRule.CARAVAN_UNAVAILABLE: QCoreApplication.translate(
            "Outcomes", "the caravan is not available that day"
        ),
        TourRule.TRIPS_OVERLAP: QCoreApplication.translate(
            "Outcomes", "the caravan is on another trip that day"
        ),
        TourRule.TRIP_TOO_LONG: QCoreApplication.translate(
            "Outcomes", "the trip would be longer than the caravan may be away"
        ),
        TourRule.LOCK_BROKEN: QCoreApplication.translate(
            "Outcomes", "another locked visit would no longer be kept"
        ),
        TourRule.ARRIVES_LATE: QCoreApplication.translate(
            "Outcomes", "the crew cannot get there before the show starts"
        ),
        TourRule.BACK_AFTER_CREW_END: QCoreApplication.translate(
            "Outcomes", "the crew would come back after its working day ends"
        ),
        TourRule.LEAVE_BEFORE_CREW_START: QCoreApplication.translate(
            "Outcomes", "the crew would leave before its working day starts"
        ),
        TourRule.SHOW_TOO_EARLY: QCoreApplication.translate(
            "Outcomes", "the show would start before the venue opens or the crew's day starts"
        ),
        TourRule.SHOW_TOO_LATE: QCoreApplication.translate(
            "Outcomes", "the show would end after the venue closes or the crew's day ends"
        ),
        TourRule.MULTI_DAY_NOT_SUCCESSIVE: QCoreApplication.translate(
            "Outcomes", "the days of a multi-day show would not follow each other"
        ),
        TourRule.MULTI_DAY_SPLIT: QCoreApplication.translate(
            "Outcomes", "the days of a multi-day show would be split between trips"
        ),
    }
    return meanings.get(rule) or _fill(
        QCoreApplication.translate("Outcomes", "the plan would break its rule “%1”"), rule.value
    )


def refusal_text(r: Refusal) -> str:
    """Why a hand move was refused, naming the caravan, the day and the places concerned."""
    day = r.day.isoformat() if r.day else ""
    venue = r.venue_name or r.venue
    specific = {
        TourRule.REGION_NOT_PERMITTED: lambda: _fill(
            QCoreApplication.translate(
                "Outcomes", "caravan %1 belongs to %2 and may not serve %3 in %4; no joint tour lets it"
            ),
            r.caravan,
            r.caravan_home,
            venue,
            r.region_name,
        ),
        TourRule.WRONG_TYPE: lambda: _fill(
            QCoreApplication.translate("Outcomes", "%2 does not take a caravan of %1's type"),
            r.caravan,
            venue,
        ),
        TourRule.NO_WANTED_THEME: lambda: _fill(
            QCoreApplication.translate("Outcomes", "caravan %1 carries none of the themes %2 asked for"),
            r.caravan,
            venue,
        ),
        TourRule.SHOW_DAY_NOT_ALLOWED: lambda: _fill(
            QCoreApplication.translate("Outcomes", "%1 does not take a show on %2"), venue, day
        ),
        TourRule.SHOW_NOT_WORKING_DAY: lambda: _fill(
            QCoreApplication.translate("Outcomes", "%1 is not a working day"), day
        ),
        TourRule.SHOW_SCHOOL_HOLIDAY: lambda: _fill(
            QCoreApplication.translate("Outcomes", "%1 is a school holiday at %2"), day, venue
        ),
        TourRule.CARAVAN_UNAVAILABLE: lambda: _fill(
            QCoreApplication.translate("Outcomes", "caravan %1 is not available on %2"), r.caravan, day
        ),
        TourRule.TRIPS_OVERLAP: lambda: _fill(
            QCoreApplication.translate("Outcomes", "caravan %1 is on another trip on %2"), r.caravan, day
        ),
        TourRule.TRIP_DAY_NOT_WORKING: lambda: _fill(
            QCoreApplication.translate(
                "Outcomes", "the trip of caravan %1 would run on %2, not a working day"
            ),
            r.caravan,
            day,
        ),
        TourRule.ARRIVES_LATE: lambda: _fill(
            QCoreApplication.translate("Outcomes", "caravan %1 cannot reach %2 before its show on %3"),
            r.caravan,
            venue,
            day,
        ),
        MoveRefusal.NO_SCHEDULE: lambda: _fill(
            QCoreApplication.translate("Outcomes", "caravan %1 cannot fit the show at %2 into a trip on %3"),
            r.caravan,
            venue,
            day,
        ),
        MoveRefusal.NOT_SERVED: lambda: _fill(
            QCoreApplication.translate("Outcomes", "request %1 is not served in this plan"), r.request
        ),
        MoveRefusal.UNKNOWN_CARAVAN: lambda: _fill(
            QCoreApplication.translate("Outcomes", "the plan has no caravan %1"), r.caravan
        ),
    }.get(r.rule)
    return specific() if specific is not None else rule_meaning(r.rule)


def _solve_task(task: SolveTask) -> str:
    return {
        SolveTask.TOURS: QCoreApplication.translate("Outcomes", "The tour planner"),
        SolveTask.ROTATION: QCoreApplication.translate("Outcomes", "The rotation planner"),
        SolveTask.MUSEUM_SETS: QCoreApplication.translate("Outcomes", "The museum-set regrouping"),
        SolveTask.CARAVAN_KITS: QCoreApplication.translate("Outcomes", "The caravan-kit regrouping"),
    }[task]


def no_plan_text(exc: NoPlan) -> str:
    what = _solve_task(exc.task)
    if exc.status is SolveStatus.CANCELLED:
        return _fill(
            QCoreApplication.translate(
                "Outcomes", "%1 was stopped before it found a plan; nothing was stored."
            ),
            what,
        )
    if exc.status is SolveStatus.INFEASIBLE:
        return _fill(
            QCoreApplication.translate(
                "Outcomes",
                "%1 proved that no plan keeps every rule; nothing was stored. Check the locked placements.",
            ),
            what,
        )
    return _fill(
        QCoreApplication.translate(
            "Outcomes",
            "%1 found no plan in the %2 s it had; nothing was stored. Give it more time and solve again.",
        ),
        what,
        f"{exc.seconds:g}",
    )


def _rotation_lock_text(exc: RotationLockError) -> str:
    why = {
        RotationRule.UNKNOWN_SET: QCoreApplication.translate("Outcomes", "no such set, venue or period"),
        RotationRule.HALL_TOO_SMALL: QCoreApplication.translate(
            "Outcomes", "the hall is smaller than the set needs"
        ),
        RotationRule.VENUE_NOT_HOSTING: QCoreApplication.translate(
            "Outcomes", "the venue does not host in that period"
        ),
        RotationRule.HOSTED_BEFORE: QCoreApplication.translate(
            "Outcomes", "the venue has had this set before"
        ),
        RotationRule.SET_UNAVAILABLE: QCoreApplication.translate(
            "Outcomes", "the set is not available in that period"
        ),
        RotationRule.OUTSIDE_REGION: QCoreApplication.translate(
            "Outcomes", "the venue is outside the set's region"
        ),
        RotationRule.SET_TWICE_IN_PERIOD: QCoreApplication.translate(
            "Outcomes", "the set is locked in another venue in that period"
        ),
        RotationRule.VENUE_TWICE_IN_PERIOD: QCoreApplication.translate(
            "Outcomes", "another set is locked in that venue in that period"
        ),
        RotationRule.VENUE_REPEATED: QCoreApplication.translate(
            "Outcomes", "the set is locked in the same venue twice"
        ),
    }.get(exc.rule, exc.rule.value)
    return _fill(
        QCoreApplication.translate("Outcomes", "The lock of %1 in %2, period %3, cannot be kept: %4."),
        exc.set_code,
        exc.venue_code,
        exc.period + 1,
        why,
    )


def _lock_text(exc: LockError) -> str:
    if exc.reason is None:
        why = QCoreApplication.translate("Outcomes", "its trip that day has no room left for it")
    else:
        why = unserved_reason(exc.reason)
    return _fill(
        QCoreApplication.translate(
            "Outcomes", "Request %1 is locked to caravan %2 on %3, which cannot be kept: %4."
        ),
        exc.request,
        exc.caravan,
        exc.day.isoformat(),
        why,
    )


def _kit_out_of_scope(v: dict[str, object]) -> str:
    names = {
        "exhibit": QCoreApplication.translate("Outcomes", "exhibit"),
        "stop": QCoreApplication.translate("Outcomes", "stop"),
        "day": QCoreApplication.translate("Outcomes", "day"),
        "trip": QCoreApplication.translate("Outcomes", "trip"),
        "placement": QCoreApplication.translate("Outcomes", "museum stay"),
    }
    field, kind = str(v["field"]), str(v["kind"])
    if v["seq"] is None:
        return _fill(
            QCoreApplication.translate(
                "Outcomes", "This kit was written for %1 %2, not for %3; nothing was imported."
            ),
            names.get(kind, kind),
            v["subject"],
            v["value"],
        )
    return _fill(
        QCoreApplication.translate(
            "Outcomes",
            "Record %1 of the kit names %2 %3, which is not part of %4 %5 as this database wrote the kit; "
            "nothing was imported.",
        ),
        v["seq"],
        names.get(field, field),
        v["value"],
        names.get(kind, kind),
        v["subject"],
    )


def _table_noun(table: str) -> str:
    nouns = {
        "joint_tours": QCoreApplication.translate("Outcomes", "joint tour"),
        "joint_tour_caravans": QCoreApplication.translate("Outcomes", "joint tour"),
        "joint_tour_regions": QCoreApplication.translate("Outcomes", "joint tour"),
        "trips": QCoreApplication.translate("Outcomes", "trip"),
        "unserved_requests": QCoreApplication.translate("Outcomes", "plan"),
        "audit_log": QCoreApplication.translate("Outcomes", "audit log"),
        "events": QCoreApplication.translate("Outcomes", "show record"),
        "maintenance_records": QCoreApplication.translate("Outcomes", "maintenance record"),
        "condition_checks": QCoreApplication.translate("Outcomes", "condition check"),
        "movements": QCoreApplication.translate("Outcomes", "exhibit movement"),
        "set_placements": QCoreApplication.translate("Outcomes", "rotation plan"),
        "set_moves": QCoreApplication.translate("Outcomes", "rotation plan"),
        "retirement_candidates": QCoreApplication.translate("Outcomes", "retirement decision"),
        "regroup_moves": QCoreApplication.translate("Outcomes", "regrouping"),
        "school_terms": QCoreApplication.translate("Outcomes", "working calendar"),
        "holidays": QCoreApplication.translate("Outcomes", "working calendar"),
        "kit_exports": QCoreApplication.translate("Outcomes", "field kit"),
        "kit_imports": QCoreApplication.translate("Outcomes", "field kit"),
        "set_memberships": QCoreApplication.translate("Outcomes", "set"),
    }
    return nouns.get(table) or entity_noun(table)


def _not_permitted_text(v: dict[str, object]) -> str:
    """The server's refusal of a change the account may not make, never its SQL."""
    table, row = str(v.get("table") or ""), str(v.get("row") or "")
    noun = _table_noun(table) if table else QCoreApplication.translate("Outcomes", "this")
    what = f"{noun} {row}".strip()
    if v.get("action") == "insert":
        text = QCoreApplication.translate(
            "Outcomes", "The server refused it: your account may not add this %1. Nothing was saved."
        )
        return _fill(text, noun)
    if v.get("action") == "delete":
        text = QCoreApplication.translate(
            "Outcomes", "The server refused it: your account may not delete %1. Nothing was saved."
        )
        return _fill(text, what)
    text = QCoreApplication.translate(
        "Outcomes",
        "The server refused it: your account may not change %1 (it is another region's, or needs a "
        "higher level). Nothing was saved.",
    )
    return _fill(text, what)


def _coded(exc: CaravanError) -> str | None:
    """An error raised with a code, in the window's language; None for a code not worded here."""
    v = exc.values
    templates = {
        "plan_name_taken": lambda: _fill(
            QCoreApplication.translate("Outcomes", "A plan named “%1” exists already; choose another name."),
            v["name"],
        ),
        "database_read_only": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes",
                "Nothing can be saved into %1 now (%2): it is read-only or another program holds it. "
                "Nothing was solved.",
            ),
            v["database"],
            v["reason"],
        ),
        "kit_out_of_scope": lambda: _kit_out_of_scope(v),
        "kit_of_draft": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes", "%1 belongs to the plan “%2”, which is a draft, not approved; no kit was written."
            ),
            _fill(
                QCoreApplication.translate("Outcomes", "Trip %1")
                if v["kind"] == "trip"
                else QCoreApplication.translate("Outcomes", "Stay %1"),
                v["item"],
            ),
            v["plan"],
        ),
        "schema_interrupted": lambda: (
            _fill(
                QCoreApplication.translate(
                    "Outcomes",
                    "An upgrade of %1 was interrupted and left its tables half changed (%2). "
                    "Put the copy %3 in its place; nothing was read or written.",
                ),
                v["path"],
                v["leftover"],
                v["copy"],
            )
            if v.get("copy")
            else _fill(
                QCoreApplication.translate(
                    "Outcomes",
                    "An upgrade of %1 was interrupted and left its tables half changed (%2), and no whole "
                    "copy was found beside it: restore one kept elsewhere. Nothing was read or written.",
                ),
                v["path"],
                v["leftover"],
            )
        ),
        "not_permitted": lambda: _not_permitted_text(v),
        "no_keyring": lambda: QCoreApplication.translate(
            "Outcomes",
            "This computer has no system keyring to keep the password in. Tick “Keep the password in a "
            "file only you can read”, or leave the password empty.",
        ),
        "keyring_refused": lambda: _fill(
            QCoreApplication.translate("Outcomes", "The system keyring refused the password (%1)."),
            v["reason"],
        ),
        "kit_field_invalid": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes",
                "This kit cannot be used: its %1 “%2” is not one this program writes (it may have been "
                "edited outside the program). Ask the office for a new copy.",
            ),
            {
                "kit_id": QCoreApplication.translate("Outcomes", "kit id"),
                "kind": QCoreApplication.translate("Outcomes", "kind"),
                "code": QCoreApplication.translate("Outcomes", "code"),
            }.get(str(v["field"]), str(v["field"])),
            v["value"],
        ),
        "no_plan_named": lambda: _fill(
            QCoreApplication.translate("Outcomes", "There is no plan named “%1”."), v["name"]
        ),
        "plan_gone": lambda: QCoreApplication.translate(
            "Outcomes", "The plan is no longer there; someone may have removed it."
        ),
        "plan_keeps_no_problem": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes",
                "Plan “%1” was not solved by this program, so a move cannot be checked against it.",
            ),
            v["name"],
        ),
        "request_not_served": lambda: _fill(
            QCoreApplication.translate("Outcomes", "Request %1 is not served in this plan."), v["request"]
        ),
        "road_distances_unreadable": lambda: _fill(
            QCoreApplication.translate("Outcomes", "The road distances in %1 cannot be read."), v["path"]
        ),
        "rotation_periods": lambda: QCoreApplication.translate(
            "Outcomes", "Plan at least one period of at least one month."
        ),
        "changeover_days": lambda: QCoreApplication.translate(
            "Outcomes", "The changeover needs at least one working day."
        ),
        "period_too_short": lambda: _fill(
            QCoreApplication.translate("Outcomes", "Period %1 (%2 to %3) is shorter than its changeover."),
            v["period"],
            v["start"],
            v["end"],
        ),
        "no_sets_to_plan": lambda: (
            _fill(
                QCoreApplication.translate("Outcomes", "There are no museum sets to plan in %1."), v["cities"]
            )
            if v.get("cities")
            else QCoreApplication.translate("Outcomes", "There are no museum sets to plan.")
        ),
        "no_exhibits_to_label": lambda: QCoreApplication.translate(
            "Outcomes", "There are no exhibits to label there."
        ),
        "no_tour_plan_yet": lambda: QCoreApplication.translate(
            "Outcomes", "There is no tour plan yet: plan the tours first."
        ),
        "no_rotation_plan_yet": lambda: QCoreApplication.translate(
            "Outcomes", "There is no rotation plan yet: plan the rotation first."
        ),
        "account_name_invalid": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes",
                "“%1” cannot be an account name: use lower-case letters, digits and _ (up to 63), starting "
                "with a letter and not with caravan_ or pg_. Nothing was added.",
            ),
            v["name"],
        ),
        "account_exists": lambda: _fill(
            QCoreApplication.translate("Outcomes", "There is an account %1 already. Nothing was added."),
            v["name"],
        ),
        "account_role_exists": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes",
                "The server has a login %1 already (not an account of this program); choose another "
                "name. Nothing was added.",
            ),
            v["name"],
        ),
        "account_region_unknown": lambda: _fill(
            QCoreApplication.translate("Outcomes", "There is no region with the code %1. Nothing was added."),
            v["region"],
        ),
        "account_region_level": lambda: _fill(
            QCoreApplication.translate(
                "Outcomes",
                "Region %1 is not of the level chosen; choose a region of that level. Nothing was added.",
            ),
            v["region"],
        ),
        "account_password_empty": lambda: QCoreApplication.translate(
            "Outcomes", "An empty password is refused; type one."
        ),
        "account_unknown": lambda: _fill(
            QCoreApplication.translate("Outcomes", "There is no account %1."), v["name"]
        ),
        "accounts_need_postgresql": lambda: QCoreApplication.translate(
            "Outcomes",
            "Accounts are for a shared PostgreSQL database; a SQLite file has one user and no sign-in.",
        ),
        "accounts_need_admin": lambda: QCoreApplication.translate(
            "Outcomes", "Only an administrator may add or change accounts. Nothing was changed."
        ),
    }
    worded = templates.get(exc.code)
    return worded() if worded is not None else None


def error_text(exc: BaseException) -> str:
    """An error as the window shows it: in its language where the error says what it is about."""
    if isinstance(exc, NoPlan):
        return no_plan_text(exc)
    if isinstance(exc, MoveRefused):
        return _fill(QCoreApplication.translate("Outcomes", "Not moved: %1"), refusal_text(exc.refusal))
    if isinstance(exc, LockError):
        return _lock_text(exc)
    if isinstance(exc, RotationLockError):
        return _rotation_lock_text(exc)
    if isinstance(exc, ConflictError):
        return _fill(
            QCoreApplication.translate(
                "Outcomes",
                "%1 was changed by someone else since you opened it; nothing was saved. "
                "Reload it and make your change again.",
            ),
            exc.key,
        )
    if isinstance(exc, KitHoldsRecords):
        return _fill(
            QCoreApplication.translate(
                "Outcomes",
                "%1 is a field kit holding %2 record(s) not yet imported; "
                "import it first or write the new kit to another file.",
            ),
            exc.path,
            exc.waiting,
        )
    if isinstance(exc, CaravanError):
        return _coded(exc) or str(exc)
    return f"{type(exc).__name__}: {exc}"
