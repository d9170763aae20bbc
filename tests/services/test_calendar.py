"""The working calendar kept in the database, and the planners reading it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from caravan_app.domain.calendar import DEFAULT_CALENDAR, Holiday, Term, WorkingCalendar
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.services.calendar import save_calendar, term_named, working_calendar
from caravan_app.services.rotation import rotation_periods


def test_a_new_database_starts_with_the_default_calendar(db: Database) -> None:
    # The migration writes the calendar out by value; it must say what the program's default says.
    assert working_calendar(db).calendar == DEFAULT_CALENDAR
    assert term_named(db, "2027-spring") == Term("2027-spring", date(2027, 2, 22), date(2027, 7, 2))


def test_saving_replaces_terms_and_holidays_and_planners_read_them(db: Database) -> None:
    read = working_calendar(db)
    summer = Term("2027-summer camp", date(2027, 7, 10), date(2027, 8, 20))
    extra = Holiday(date(2027, 7, 14), "全省科普日")
    wanted = WorkingCalendar(
        terms=(*read.calendar.terms, summer),
        holidays=tuple(h for h in read.calendar.holidays if h.day.year == 2027) + (extra,),
    )
    saved = save_calendar(db, wanted, read)
    again = working_calendar(db)
    assert saved == again
    assert term_named(db, "2027-summer camp") == summer
    assert date(2026, 10, 1) not in again.calendar.holiday_days
    assert again.calendar.holiday_days == wanted.holiday_days
    assert not again.calendar.is_working_day(date(2027, 7, 14))  # a Wednesday, now a holiday
    # The rotation planner's changeover window skips the new holiday.
    (period,) = rotation_periods(date(2027, 7, 12), 1, 2, 5, again.calendar)
    assert period.changeover == (
        date(2027, 7, 12),
        date(2027, 7, 13),
        date(2027, 7, 15),
        date(2027, 7, 16),
        date(2027, 7, 19),
    )


def test_a_bad_calendar_is_refused_naming_the_row_and_nothing_changes(db: Database) -> None:
    read = working_calendar(db)
    backwards = Term("2028-spring", date(2028, 7, 1), date(2028, 2, 20))
    overlapping = Term("2027-late", date(2027, 6, 1), date(2027, 8, 1))
    twice = Holiday(read.calendar.holidays[0].day, "again")
    bad = WorkingCalendar(
        terms=(*read.calendar.terms, backwards, overlapping), holidays=(*read.calendar.holidays, twice)
    )
    with pytest.raises(CaravanError) as caught:
        save_calendar(db, bad, read)
    message = str(caught.value)
    assert "end 2028-02-20 is before start 2028-07-01" in message
    assert "(2027-late): starts 2027-06-01, inside 2027-spring (to 2027-07-02)" in message
    assert f"{twice.day} is listed twice" in message
    assert working_calendar(db) == read


def test_a_calendar_changed_by_someone_else_is_not_overwritten(db: Database) -> None:
    mine, theirs = working_calendar(db), working_calendar(db)
    fewer = replace(theirs.calendar, holidays=theirs.calendar.holidays[1:])
    save_calendar(db, fewer, theirs)
    with pytest.raises(ConflictError, match="working calendar"):
        save_calendar(db, replace(mine.calendar, terms=mine.calendar.terms[:1]), mine)
    assert working_calendar(db).calendar == fewer


def test_an_unknown_term_names_the_known_ones(db: Database) -> None:
    with pytest.raises(
        CaravanError, match="unknown term '2030-spring'; known terms: 2026-autumn, 2027-spring"
    ):
        term_named(db, "2030-spring")
