"""School terms and public holidays: which days crews work and schools take shows.

Holidays are the State Council's published days off; make-up working weekends (调休) are not
counted as working days, since caravans do not tour schools on them. The office keeps its own
calendar in the database (Settings → Working calendar); the one below is what a new database starts
with and what code without a database uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
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


TERM_NAME = re.compile(r"\S(.{0,38}\S)?")


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str = ""


@dataclass(frozen=True)
class WorkingCalendar:
    """The school terms and public holidays the planners use."""

    terms: tuple[Term, ...]
    holidays: tuple[Holiday, ...] = ()
    holiday_days: frozenset[date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holiday_days", frozenset(h.day for h in self.holidays))

    def term_names(self) -> list[str]:
        return [t.name for t in self.terms]

    def term(self, name: str) -> Term:
        """The term called `name`; ValueError names the known ones."""
        for t in self.terms:
            if t.name == name.strip():
                return t
        known = ", ".join(self.term_names()) or "none"
        raise ValueError(f"unknown term {name!r}; known terms: {known}")

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a public holiday."""
        return day.weekday() < 5 and day not in self.holiday_days

    def working_days_from(self, first: date, count: int) -> tuple[date, ...]:
        """The first `count` working days on or after `first`."""
        days: list[date] = []
        day = first
        while len(days) < count:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return tuple(days)

    def holidays_between(self, start: date, end: date) -> frozenset[date]:
        return frozenset(d for d in self.holiday_days if start <= d <= end)

    def out_of_term_between(self, start: date, end: date) -> frozenset[date]:
        """Days from start to end that fall in no school term: schools take no shows on them."""
        days = set()
        day = start
        while day <= end:
            if not any(t.start <= day <= t.end for t in self.terms):
                days.add(day)
            day += timedelta(days=1)
        return frozenset(days)


@dataclass(frozen=True)
class CalendarProblem:
    """One thing wrong with a calendar as typed: which table, which row, what (a code the program's
    window words in its own language) and the values involved."""

    table: str  # term | holiday
    row: int
    what: str  # bad_name | name_twice | end_before_start | overlap | day_twice | long_name
    values: tuple[str, ...] = ()

    _ENGLISH = {
        "bad_name": "name {0!r} must be 1 to 40 characters, no outer spaces",
        "name_twice": "name {0!r} is used by term {1} too",
        "end_before_start": "({0}): end {1} is before start {2}",
        "overlap": "({0}): starts {1}, inside {2} (to {3})",
        "day_twice": "{0} is listed twice (also holiday {1})",
        "long_name": "({0}): name is longer than 40 characters",
    }

    def __str__(self) -> str:
        detail = self._ENGLISH[self.what].format(*self.values)
        return f"{self.table} {self.row}{'' if detail.startswith('(') else ':'} {detail}"


def calendar_problems(
    terms: Sequence[Term],
    holidays: Sequence[Holiday],
    term_rows: Sequence[int] | None = None,
    holiday_rows: Sequence[int] | None = None,
) -> list[CalendarProblem]:
    """What is wrong with a calendar as typed, one problem per row and field; empty when it is sound.

    Rows are numbered as given (`term_rows`, `holiday_rows`: the table rows they were typed in).
    """
    problems: list[CalendarProblem] = []
    term_rows = term_rows or range(1, len(terms) + 1)
    holiday_rows = holiday_rows or range(1, len(holidays) + 1)
    seen: dict[str, int] = {}
    for row, t in zip(term_rows, terms, strict=True):
        if not TERM_NAME.fullmatch(t.name):
            problems.append(CalendarProblem("term", row, "bad_name", (t.name,)))
        elif t.name in seen:
            problems.append(CalendarProblem("term", row, "name_twice", (t.name, str(seen[t.name]))))
        else:
            seen[t.name] = row
        if t.end < t.start:
            problems.append(
                CalendarProblem("term", row, "end_before_start", (t.name, str(t.end), str(t.start)))
            )
    ordered = sorted(zip(term_rows, terms, strict=True), key=lambda rt: rt[1].start)
    for (_r, previous), (row, t) in zip(ordered, ordered[1:], strict=False):
        if t.start <= previous.end:
            problems.append(
                CalendarProblem(
                    "term", row, "overlap", (t.name, str(t.start), previous.name, str(previous.end))
                )
            )
    days: dict[date, int] = {}
    for row, h in zip(holiday_rows, holidays, strict=True):
        if h.day in days:
            problems.append(CalendarProblem("holiday", row, "day_twice", (str(h.day), str(days[h.day]))))
        else:
            days[h.day] = row
        if len(h.name) > 40:
            problems.append(CalendarProblem("holiday", row, "long_name", (str(h.day),)))
    return problems


_HOLIDAY_NAMES = {
    (2026, 10): "国庆节、中秋节",
    (2027, 1): "元旦",
    (2027, 2): "春节",
    (2027, 4): "清明节",
    (2027, 5): "劳动节",
    (2027, 6): "端午节",
    (2027, 9): "中秋节",
    (2027, 10): "国庆节",
}

DEFAULT_CALENDAR = WorkingCalendar(
    terms=tuple(Term(f"{y}-{s}", a, b) for (y, s), (a, b) in _TERM_DATES.items()),
    holidays=tuple(Holiday(d, _HOLIDAY_NAMES.get((d.year, d.month), "")) for d in sorted(PUBLIC_HOLIDAYS)),
)


def term(name: str) -> Term:
    """The term named like "2027-spring" in the default calendar; ValueError names the known ones."""
    return DEFAULT_CALENDAR.term(name)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day where it is shorter (31 Jan + 1 = 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday of the default calendar."""
    return DEFAULT_CALENDAR.is_working_day(day)


def working_days_from(first: date, count: int) -> tuple[date, ...]:
    """The first `count` working days on or after `first`, by the default calendar."""
    return DEFAULT_CALENDAR.working_days_from(first, count)
