"""The office's working calendar: the school terms and public holidays every planner reads.

It lives in the database so that every planner in the office plans on the same days. A save
replaces the whole calendar in one transaction, and only if nobody changed it since it was read.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.calendar import Holiday, Term, WorkingCalendar, calendar_problems
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Holiday as HolidayRow
from caravan_app.persistence.models import SchoolTerm


@dataclass(frozen=True)
class StoredCalendar:
    """A calendar as read, with the stamp a later save checks against."""

    calendar: WorkingCalendar
    stamp: tuple[tuple[str, int], ...]


def calendar_in(session: Session) -> WorkingCalendar:
    terms = session.scalars(select(SchoolTerm).order_by(SchoolTerm.start_on)).all()
    holidays = session.scalars(select(HolidayRow).order_by(HolidayRow.day)).all()
    return WorkingCalendar(
        terms=tuple(Term(t.name, t.start_on, t.end_on) for t in terms),
        holidays=tuple(Holiday(h.day, h.name) for h in holidays),
    )


def _stamp(session: Session) -> tuple[tuple[str, int], ...]:
    terms = session.execute(select(SchoolTerm.name, SchoolTerm.version)).all()
    days = session.execute(select(HolidayRow.day, HolidayRow.version)).all()
    return tuple(sorted([(f"term {n}", v) for n, v in terms] + [(f"holiday {d}", v) for d, v in days]))


def working_calendar(db: Database) -> StoredCalendar:
    with db.session(audited=False) as s:
        return StoredCalendar(calendar_in(s), _stamp(s))


def term_in(session: Session, name: str) -> Term:
    """The term called `name` in the stored calendar; the error names the known terms."""
    try:
        return calendar_in(session).term(name)
    except ValueError as exc:
        raise CaravanError(str(exc)) from None


def term_named(db: Database, name: str) -> Term:
    with db.session(audited=False) as s:
        return term_in(s, name)


def save_calendar(db: Database, calendar: WorkingCalendar, read: StoredCalendar) -> StoredCalendar:
    """Replace the stored calendar by `calendar`, if it is still as `read`; returns it as saved."""
    problems = calendar_problems(calendar.terms, calendar.holidays)
    if problems:
        raise CaravanError("calendar not saved: " + "; ".join(str(p) for p in problems))
    with db.session() as s:
        if _stamp(s) != read.stamp:
            raise ConflictError("working calendar", "", "terms or holidays were saved by someone else")
        old_terms = {t.name: t for t in s.scalars(select(SchoolTerm))}
        old_days = {h.day: h for h in s.scalars(select(HolidayRow))}
        wanted_terms = {t.name: t for t in calendar.terms}
        wanted_days = {h.day: h for h in calendar.holidays}
        # Rows that stay are updated in place, so the audit log shows edits rather than churn.
        for name in old_terms.keys() - wanted_terms.keys():
            s.delete(old_terms[name])
        for day in old_days.keys() - wanted_days.keys():
            s.delete(old_days[day])
        s.flush()
        for name, t in wanted_terms.items():
            row = old_terms.get(name)
            if row is None:
                s.add(SchoolTerm(name=name, start_on=t.start, end_on=t.end))
            elif (row.start_on, row.end_on) != (t.start, t.end):
                row.start_on, row.end_on = t.start, t.end
        for day, h in wanted_days.items():
            hrow = old_days.get(day)
            if hrow is None:
                s.add(HolidayRow(day=day, name=h.name))
            elif hrow.name != h.name:
                hrow.name = h.name
        s.flush()
        return StoredCalendar(calendar_in(s), _stamp(s))
