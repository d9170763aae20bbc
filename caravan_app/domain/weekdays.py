"""Opening weekdays of a venue, written as the digits 1 (Monday) to 7 (Sunday), e.g. "12345"."""

from __future__ import annotations

from datetime import date

ALL_WEEKDAYS = "1234567"
SCHOOL_WEEKDAYS = "12345"


def normalise_weekdays(text: str) -> str:
    """Sorted unique digits 1–7; ValueError for anything else or for no day at all."""
    digits = [c for c in str(text).strip() if not c.isspace() and c not in ",、，;"]
    if not digits or any(c not in ALL_WEEKDAYS for c in digits):
        raise ValueError("weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345")
    return "".join(sorted(set(digits)))


def is_open_on(weekdays: str, day: date) -> bool:
    return str(day.isoweekday()) in weekdays
