"""The figures staff report upward for a year: events, visitors, counties reached, kilometres and
days on the road per caravan, fleet use, exhibits by condition and stops per set."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from caravan_app.domain.enums import CaravanStatus, ConditionGrade, EventStatus, ExhibitStatus
from caravan_app.domain.linkage import CaravanUse, Utilisation
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan, Event, Exhibit, ExhibitSet, Region, Venue
from caravan_app.services.calendar import calendar_in


@dataclass(frozen=True)
class CaravanYear:
    code: str
    events: int
    days_on_road: int
    km: float


@dataclass(frozen=True)
class YearFigures:
    year: int
    events: int
    visitors: int
    counties_covered: int
    counties: int
    key_counties_covered: int
    key_counties: int
    key_counties_missed: tuple[str, ...]  # names
    caravans: tuple[CaravanYear, ...]
    exhibits_by_condition: tuple[tuple[str, int], ...]  # grade, exhibits not retired or lost
    stops_per_set: tuple[tuple[str, int], ...]  # set code, museum events in the year
    visitors_by_month: tuple[int, ...]  # 12 months
    # Caravans in service: days with a show held against the year's working days (the office calendar).
    utilisation: Utilisation | None = None


def event_years(db: Database) -> list[int]:
    """The years that have events, newest first."""
    with db.session(audited=False) as s:
        days = s.scalars(select(Event.held_on).distinct()).all()
    return sorted({d.year for d in days}, reverse=True)


def year_figures(db: Database, year: int) -> YearFigures:
    first, last = date(year, 1, 1), date(year, 12, 31)
    # A show cancelled in the field is kept as an event but reached no one.
    in_year = (Event.held_on >= first, Event.held_on <= last, Event.status == EventStatus.HELD)
    with db.session(audited=False) as s:
        events = s.execute(
            select(
                Event.held_on,
                Event.visitors,
                Event.km_driven,
                Event.caravan_id,
                Event.set_id,
                Venue.county_id,
            )
            .join(Venue, Venue.id == Event.venue_id)
            .where(*in_year)
        ).all()
        county_rows = s.execute(
            select(Region.id, Region.name, Region.is_key_county).where(Region.division.is_not(None))
        ).all()
        caravan_codes: dict[int, str] = {
            cid: code for cid, code in s.execute(select(Caravan.id, Caravan.code))
        }
        set_codes: dict[int, str] = {
            sid: code for sid, code in s.execute(select(ExhibitSet.id, ExhibitSet.code))
        }
        grades: dict[ConditionGrade, int] = {
            grade: int(n)
            for grade, n in s.execute(
                select(Exhibit.condition, func.count())
                .where(Exhibit.status.not_in((ExhibitStatus.RETIRED, ExhibitStatus.LOST)))
                .group_by(Exhibit.condition)
            )
        }
        in_service = {
            cid for cid in s.scalars(select(Caravan.id).where(Caravan.status == CaravanStatus.IN_SERVICE))
        }
        office = calendar_in(s)
    working = sum(
        1 for n in range((last - first).days + 1) if office.is_working_day(first + timedelta(days=n))
    )
    covered = {e.county_id for e in events}
    key = [(cid, name) for cid, name, is_key in county_rows if is_key]
    km: Counter[int] = Counter()
    shows: Counter[int] = Counter()
    days: dict[int, set[date]] = {}
    stops: Counter[int] = Counter()
    months = [0] * 12
    for e in events:
        months[e.held_on.month - 1] += e.visitors
        if e.caravan_id is not None:
            km[e.caravan_id] += e.km_driven
            shows[e.caravan_id] += 1
            days.setdefault(e.caravan_id, set()).add(e.held_on)
        if e.set_id is not None:
            stops[e.set_id] += 1
    caravans = tuple(
        CaravanYear(code, shows[cid], len(days.get(cid, ())), round(km[cid], 1))
        for cid, code in sorted(caravan_codes.items(), key=lambda item: item[1])
    )
    return YearFigures(
        year=year,
        events=len(events),
        visitors=sum(e.visitors for e in events),
        counties_covered=len(covered & {cid for cid, _n, _k in county_rows}),
        counties=len(county_rows),
        key_counties_covered=sum(1 for cid, _name in key if cid in covered),
        key_counties=len(key),
        key_counties_missed=tuple(name for cid, name in key if cid not in covered),
        caravans=caravans,
        exhibits_by_condition=tuple((g.value, int(grades.get(g, 0))) for g in ConditionGrade),
        stops_per_set=tuple(
            (code, stops[sid]) for sid, code in sorted(set_codes.items(), key=lambda i: i[1])
        ),
        visitors_by_month=tuple(months),
        utilisation=Utilisation(
            working_days=working,
            caravans=tuple(
                sorted(
                    (
                        CaravanUse(code, working, len(days.get(cid, ())), shows[cid], km[cid])
                        for cid, code in caravan_codes.items()
                        if cid in in_service or cid in days
                    ),
                    key=lambda u: (-u.days_on_road, u.caravan),
                )
            ),
        ),
    )
