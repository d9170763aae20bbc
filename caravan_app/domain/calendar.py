"""School terms and public holidays: which days crews work and schools take shows.

Holidays are the State Council's published days off; make-up working weekends (调休) are not
counted as working days, since caravans do not tour schools on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Term:
    """A school term: the days schools are open for shows."""

    name: str  # e.g. "2027-spring"
    start: date
    end: date


# Spring terms run from late February to early July, autumn terms from September to mid-January.
_TERM_DATES = {
    ("2026", "autumn"): (date(2026, 9, 1), date(2027, 1, 22)),
    ("2027", "spring"): (date(2027, 2, 22), date(2027, 7, 2)),
    ("2027", "autumn"): (date(2027, 9, 1), date(2028, 1, 21)),
}


def _span(first: date, last: date) -> frozenset[date]:
    return frozenset(first + timedelta(days=i) for i in range((last - first).days + 1))


PUBLIC_HOLIDAYS: frozenset[date] = (
    _span(date(2026, 10, 1), date(2026, 10, 8))  # National Day and Mid-Autumn
    | _span(date(2027, 1, 1), date(2027, 1, 3))  # New Year
    | _span(date(2027, 2, 5), date(2027, 2, 11))  # Spring Festival
    | _span(date(2027, 4, 3), date(2027, 4, 5))  # Qingming
    | _span(date(2027, 5, 1), date(2027, 5, 5))  # Labour Day
    | _span(date(2027, 6, 9), date(2027, 6, 11))  # Dragon Boat
    | _span(date(2027, 9, 15), date(2027, 9, 17))  # Mid-Autumn
    | _span(date(2027, 10, 1), date(2027, 10, 7))  # National Day
)


def term(name: str) -> Term:
    """The term named like "2027-spring"; ValueError names the known ones."""
    match = re.fullmatch(r"(\d{4})-(spring|autumn)", name.strip())
    if match is None or (match.group(1), match.group(2)) not in _TERM_DATES:
        known = ", ".join(f"{y}-{s}" for y, s in _TERM_DATES)
        raise ValueError(f"unknown term {name!r}; known terms: {known}")
    start, end = _TERM_DATES[(match.group(1), match.group(2))]
    return Term(name.strip(), start, end)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day where it is shorter (31 Jan + 1 = 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in PUBLIC_HOLIDAYS


def working_days_from(first: date, count: int) -> tuple[date, ...]:
    """The first `count` working days on or after `first`."""
    days: list[date] = []
    day = first
    while len(days) < count:
        if is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)
