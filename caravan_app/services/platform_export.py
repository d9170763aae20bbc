"""What leaves the program for others: events in the national caravan platform's per-event fields
(as an Excel workbook), and a venue's bookings as an iCalendar file its staff can subscribe to.

The national platform (CAST's science-popularisation service platform) asks per event: the date, the
place (venue, county, city), the vehicle (caravan or museum set), the activity, the audience (how
many, and who) and the feedback. Only shows held are exported; a cancelled one was no event.

The calendar follows RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
character), text escaped, one VEVENT per booking with a UID that stays the same on every export so
a calendar program updates the booking instead of adding it again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from caravan_app.domain.enums import EventStatus, PlanStatus
from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Event, Plan, Region, SetPlacement, TourStop, Trip, Venue
from caravan_app.services.maps import coverage_window

HEADERS = {
    "zh": (
        "活动编号",
        "日期",
        "场地",
        "县（市、区）",
        "设区市",
        "车辆/展品套",
        "活动内容",
        "观众人数",
        "观众类型",
        "反馈意见",
    ),
    "en": (
        "Event",
        "Date",
        "Venue",
        "County",
        "City",
        "Vehicle",
        "Activity",
        "Visitors",
        "Audience",
        "Feedback",
    ),
}
PRODID = "-//caravan_app//field bookings//ZH"
UID_DOMAIN = "caravan-app"
BOOKED_PLANS = (PlanStatus.APPROVED, PlanStatus.PUBLISHED)


@dataclass(frozen=True)
class PlatformEvent:
    """One held event in the platform's fields."""

    code: str
    held_on: date
    venue: str
    county: str
    city: str
    vehicle: str  # the caravan's plate and code, or the set's code and name
    activity: str
    visitors: int
    audience: str
    feedback: str

    def cells(self) -> tuple[str | int | date, ...]:
        return (
            self.code,
            self.held_on,
            self.venue,
            self.county,
            self.city,
            self.vehicle,
            self.activity,
            self.visitors,
            self.audience,
            self.feedback,
        )


def platform_events(
    db: Database, *, start: date | None = None, end: date | None = None, year: int | None = None
) -> list[PlatformEvent]:
    """The shows held in a year or between two dates (the latest year's when neither is given)."""
    with db.session(audited=False) as s:
        first, last = coverage_window(s, year, start, end)
        events = s.scalars(
            select(Event)
            .options(
                joinedload(Event.venue).joinedload(Venue.county).joinedload(Region.parent),
                joinedload(Event.caravan),
                joinedload(Event.exhibit_set),
            )
            .where(Event.held_on >= first, Event.held_on <= last, Event.status == EventStatus.HELD)
            .order_by(Event.held_on, Event.code)
        ).all()
        rows = []
        for e in events:
            if e.caravan is not None:
                vehicle = f"{e.caravan.plate}（{e.caravan.code}）"
            else:
                assert e.exhibit_set is not None
                vehicle = f"{e.exhibit_set.code} {e.exhibit_set.name}"
            county = e.venue.county
            rows.append(
                PlatformEvent(
                    code=e.code,
                    held_on=e.held_on,
                    venue=e.venue.name,
                    county=county.name,
                    city=county.parent.name if county.parent else "",
                    vehicle=vehicle,
                    activity=e.activity,
                    visitors=e.visitors,
                    audience=e.audience,
                    feedback=e.feedback,
                )
            )
    return rows


def export_events(
    db: Database,
    out: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    year: int | None = None,
    lang: str = "zh",
) -> int:
    """Write the held events as a workbook for the national platform; returns how many were written."""
    if lang not in HEADERS:
        raise CaravanError(f"unknown language {lang!r}; use zh or en")
    rows = platform_events(db, start=start, end=end, year=year)
    book = Workbook()
    sheet = book.active
    sheet.title = "活动" if lang == "zh" else "Events"
    sheet.append(HEADERS[lang])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row.cells())
        # Text typed in the field stays text: "=…" must not become a formula in the office's Excel.
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for cell in sheet["B"][1:]:
        cell.number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDEFGHIJ", (20, 12, 28, 14, 10, 22, 20, 10, 14, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())
    return len(rows)


# --- iCalendar ------------------------------------------------------------------------------------


def ics_escape(text: str) -> str:
    """TEXT as RFC 5545 writes it: backslash, semicolon, comma and newline escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded at 75 octets, continuation lines starting with a space."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            # A continuation line's leading space counts towards its 75 octets.
            current, size, limit = char, width, 74
        else:
            current += char
            size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


@dataclass(frozen=True)
class Booking:
    uid: str
    summary: str
    description: str
    start: date | datetime
    end: date | datetime  # exclusive for a whole-day booking, as iCalendar has it


def _moment(value: date | datetime, name: str) -> str:
    if isinstance(value, datetime):
        # Floating local time: the venue's own clock, whatever the reader's time zone.
        return f"{name}:{value:%Y%m%dT%H%M%S}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def venue_bookings(db: Database, venue_code: str) -> tuple[Venue, list[Booking]]:
    """The caravan visits of approved tour plans, the set placements and the shows held at a venue."""
    with db.session(audited=False) as s:
        venue = s.scalar(select(Venue).options(joinedload(Venue.county)).where(Venue.code == venue_code))
        if venue is None:
            raise CaravanError(f"no venue {venue_code!r}")
        bookings: list[Booking] = []
        stops = s.scalars(
            select(TourStop)
            .join(Trip, Trip.id == TourStop.trip_id)
            .join(Plan, Plan.id == Trip.plan_id)
            .options(joinedload(TourStop.trip).joinedload(Trip.caravan), joinedload(TourStop.request))
            .where(TourStop.venue_id == venue.id, Plan.status.in_(BOOKED_PLANS))
            .order_by(TourStop.show_start)
        ).all()
        for stop in stops:
            caravan = stop.trip.caravan
            key = stop.request.code if stop.request else str(stop.seq)
            bookings.append(
                Booking(
                    uid=f"stop-{stop.trip.code}-{key}@{UID_DOMAIN}",
                    summary=f"科普大篷车 {caravan.code}（{caravan.plate}）",
                    description=f"行程 {stop.trip.code}，第{stop.seq}站；到达 {stop.arrive_at:%H:%M}",
                    start=stop.show_start,
                    end=stop.show_end,
                )
            )
        placements = s.scalars(
            select(SetPlacement)
            .outerjoin(Plan, Plan.id == SetPlacement.plan_id)
            .options(joinedload(SetPlacement.exhibit_set))
            .where(
                SetPlacement.venue_id == venue.id,
                or_(SetPlacement.plan_id.is_(None), Plan.status.in_(BOOKED_PLANS)),
            )
            .order_by(SetPlacement.start_on)
        ).all()
        for p in placements:
            bookings.append(
                Booking(
                    uid=f"placement-{p.code}@{UID_DOMAIN}",
                    summary=f"流动科技馆 {p.exhibit_set.code} {p.exhibit_set.name}",
                    description=f"展期 {p.start_on} — {p.end_on}；主题：{p.exhibit_set.theme}",
                    start=p.start_on,
                    end=p.end_on + timedelta(days=1),
                )
            )
        events = s.scalars(
            select(Event)
            .options(joinedload(Event.caravan), joinedload(Event.exhibit_set))
            .where(Event.venue_id == venue.id, Event.status == EventStatus.HELD)
            .order_by(Event.held_on, Event.code)
        ).all()
        for e in events:
            facility = e.caravan.code if e.caravan else e.exhibit_set.code if e.exhibit_set else ""
            start: date | datetime = e.started_at or e.held_on
            end: date | datetime = e.ended_at or (e.held_on + timedelta(days=1))
            if isinstance(start, datetime) != isinstance(end, datetime):
                start, end = e.held_on, e.held_on + timedelta(days=1)
            bookings.append(
                Booking(
                    uid=f"event-{e.code}@{UID_DOMAIN}",
                    summary=f"已举办：{e.activity or '科普活动'}（{facility}）",
                    description=f"观众 {e.visitors} 人" + (f"，{e.audience}" if e.audience else ""),
                    start=start,
                    end=end,
                )
            )
        s.expunge(venue)
    return venue, bookings


def venue_ics(db: Database, venue_code: str, *, stamp: datetime | None = None) -> str:
    """The venue's bookings as an iCalendar (RFC 5545) text with CRLF line ends."""
    venue, bookings = venue_bookings(db, venue_code)
    now = (stamp or datetime.now(UTC)).astimezone(UTC)
    # GEO is WGS-84; venues are stored in GCJ-02.
    lat, lon = gcj02_to_wgs84(venue.lat, venue.lon)
    geo = f"{lat:.6f};{lon:.6f}"
    location = ics_escape(f"{venue.name}，{venue.address}" if venue.address else venue.name)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(venue.name)}",
    ]
    for b in bookings:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{b.uid}",
            f"DTSTAMP:{now:%Y%m%dT%H%M%SZ}",
            _moment(b.start, "DTSTART"),
            _moment(b.end, "DTEND"),
            f"SUMMARY:{ics_escape(b.summary)}",
            f"LOCATION:{location}",
            f"GEO:{geo}",
            f"DESCRIPTION:{ics_escape(b.description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_venue_ics(db: Database, venue_code: str, out: Path) -> int:
    """Write the venue's calendar to `out`; returns how many bookings it holds."""
    text = venue_ics(db, venue_code)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(text.encode("utf-8"))
    return text.count("BEGIN:VEVENT")
