"""Events for the national platform read back from the workbook, and a venue's calendar parsed back
by hand by the rules of RFC 5545 (line ends, folding, escaping, stable UIDs)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from caravan_app.domain.enums import EventStatus, PlanStatus
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Event,
    ExhibitSet,
    Plan,
    SetPlacement,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.services.platform_export import HEADERS, export_events, fold, venue_ics

TOUR = "三月第一周"
TRICKY = "操场, 礼堂; 备用\\后门\n第二行"


def test_held_events_read_back_from_the_workbook(planned_week: Database, tmp_path: Path) -> None:
    db = planned_week
    with db.session() as s:
        caravan = s.scalars(select(Caravan).order_by(Caravan.code)).first()
        venue = s.scalars(select(Venue).order_by(Venue.code)).first()
        assert caravan is not None and venue is not None
        s.add_all(
            [
                Event(
                    code="EV-T1",
                    venue_id=venue.id,
                    held_on=date(2027, 3, 2),
                    caravan_id=caravan.id,
                    visitors=321,
                    activity="科普进校园",
                    audience="小学生",
                    feedback=TRICKY,
                ),
                Event(
                    code="EV-T3",
                    venue_id=venue.id,
                    held_on=date(2027, 3, 4),
                    caravan_id=caravan.id,
                    visitors=12,
                    activity="=1+1",
                    feedback="=学生很喜欢",
                ),
                Event(
                    code="EV-T2",
                    venue_id=venue.id,
                    held_on=date(2027, 3, 3),
                    caravan_id=caravan.id,
                    status=EventStatus.CANCELLED,
                    cancel_reason="暴雨",
                ),
            ]
        )
    with db.session() as s:
        held = s.scalars(
            select(Event)
            .where(
                Event.held_on.between(date(2026, 1, 1), date(2027, 12, 31)), Event.status == EventStatus.HELD
            )
            .order_by(Event.held_on, Event.code)
        ).all()
        expected_codes = [e.code for e in held]
        vehicles = [
            f"{e.caravan.plate}（{e.caravan.code}）"
            if e.caravan
            else f"{e.exhibit_set.code} {e.exhibit_set.name}"
            for e in held
            if e.caravan or e.exhibit_set
        ]
        set_codes = tuple(s.scalars(select(ExhibitSet.code)))
        here = s.get(Venue, venue.id)
        assert here is not None
        city = here.county.parent.name if here.county.parent else ""
        county = here.county.name
    out = tmp_path / "events.xlsx"
    assert export_events(db, out, start=date(2026, 1, 1), end=date(2027, 12, 31)) == len(expected_codes)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == HEADERS["zh"]
    assert [r[0] for r in rows[1:]] == expected_codes
    ours = next(r for r in rows if r[0] == "EV-T1")
    assert ours[1:] == (
        datetime(2027, 3, 2),
        venue.name,
        county,
        city,
        f"{caravan.plate}（{caravan.code}）",
        "科普进校园",
        321,
        "小学生",
        TRICKY,
    )
    assert "EV-T2" not in {r[0] for r in rows}
    # Text typed in the field stays text: never a formula in the office's spreadsheet.
    typed = next(row for row in openpyxl.load_workbook(out).active.iter_rows() if row[0].value == "EV-T3")
    assert [(c.value, c.data_type) for c in (typed[6], typed[9])] == [("=1+1", "s"), ("=学生很喜欢", "s")]
    # The vehicle: a caravan's plate and code, or a museum set's code and name.
    assert [r[5] for r in rows[1:]] == vehicles
    assert any(v.startswith(set_codes) for v in vehicles)
    english = tmp_path / "events-en.xlsx"
    export_events(db, english, year=2027, lang="en")
    rows = list(openpyxl.load_workbook(english).active.iter_rows(values_only=True))
    assert rows[0] == HEADERS["en"] and all(r[1].year == 2027 for r in rows[1:])
    with pytest.raises(CaravanError, match="unknown language"):
        export_events(db, english, year=2027, lang="fr")


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    logical: list[str] = []
    for line in physical:
        if line.startswith((" ", "\t")):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def unescape(value: str) -> str:
    """A TEXT value as RFC 5545 reads it; a bare comma or semicolon would split it, so none may be."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            assert nxt in "\\;,nN", value
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            assert value[i] not in ",;", value
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_ics(text: str) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def test_folding_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "科普大篷车进校园" * 12
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_a_venues_bookings_round_trip_through_ics(planned_week: Database) -> None:
    db = planned_week
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == TOUR)).one()
        plan.status = PlanStatus.APPROVED
        stop = s.scalars(select(TourStop).join(Trip).order_by(Trip.code, TourStop.seq)).first()
        assert stop is not None
        venue = stop.venue
        venue.address = "青塘街道, 健康路96号; 东门"
        exhibit_set = s.scalars(select(ExhibitSet).order_by(ExhibitSet.code)).first()
        assert exhibit_set is not None
        s.add(
            SetPlacement(
                code="SP-T1",
                set_id=exhibit_set.id,
                venue_id=venue.id,
                start_on=date(2027, 5, 1),
                end_on=date(2027, 6, 30),
            )
        )
        s.add(
            Event(
                code="EV-T9",
                venue_id=venue.id,
                held_on=date(2027, 3, 9),
                caravan_id=stop.trip.caravan_id,
                visitors=88,
                activity=TRICKY,
                audience="初中生",
                started_at=datetime(2027, 3, 9, 9, 0),
                ended_at=datetime(2027, 3, 9, 11, 0),
            )
        )
        s.add(
            Event(
                code="EV-T10",
                venue_id=venue.id,
                held_on=date(2027, 3, 10),
                caravan_id=stop.trip.caravan_id,
                status=EventStatus.CANCELLED,
                cancel_reason="停电",
            )
        )
    with db.session() as s:
        venue = s.scalars(select(Venue).where(Venue.code == venue.code)).one()
        stops = s.scalars(
            select(TourStop).where(TourStop.venue_id == venue.id).order_by(TourStop.show_start)
        ).all()
        expected_stops = {
            f"stop-{st.trip.code}-{st.request.code if st.request else st.seq}@caravan-app": st for st in stops
        }
        earlier = s.scalars(
            select(Event).where(Event.venue_id == venue.id, Event.code.not_in(["EV-T9", "EV-T10"]))
        ).all()
        placements = s.scalars(select(SetPlacement).where(SetPlacement.venue_id == venue.id)).all()
    stamp = datetime(2027, 2, 1, 8, 30, tzinfo=UTC)
    text = venue_ics(db, venue.code, stamp=stamp)
    events = parse_ics(text)
    by_uid = {e["UID"]: e for e in events}
    assert len(by_uid) == len(events) == len(stops) + len(placements) + len(earlier) + 1
    for uid, st in expected_stops.items():
        event = by_uid[uid]
        assert event["DTSTART"] == f"{st.show_start:%Y%m%dT%H%M%S}"
        assert event["DTEND"] == f"{st.show_end:%Y%m%dT%H%M%S}"
        assert event["DTSTAMP"] == "20270201T083000Z"
        assert unescape(event["LOCATION"]) == f"{venue.name}，青塘街道, 健康路96号; 东门"
        assert "\\," in event["LOCATION"] and "\\;" in event["LOCATION"]
    stay = by_uid["placement-SP-T1@caravan-app"]
    assert stay["DTSTART;VALUE=DATE"] == "20270501" and stay["DTEND;VALUE=DATE"] == "20270701"
    held = by_uid["event-EV-T9@caravan-app"]
    assert held["DTSTART"] == "20270309T090000" and held["DTEND"] == "20270309T110000"
    assert unescape(held["SUMMARY"]).startswith(f"已举办：{TRICKY}")
    assert "event-EV-T10@caravan-app" not in by_uid
    # Another export later: the same bookings under the same UIDs, only DTSTAMP moves.
    again = parse_ics(venue_ics(db, venue.code, stamp=stamp + timedelta(days=3)))
    assert [e["UID"] for e in again] == [e["UID"] for e in events]
    assert [{k: v for k, v in e.items() if k != "DTSTAMP"} for e in again] == [
        {k: v for k, v in e.items() if k != "DTSTAMP"} for e in events
    ]
    with pytest.raises(CaravanError, match="no venue 'nowhere'"):
        venue_ics(db, "nowhere")
