"""Field kits end to end on the demo province with a one-week tour plan: export a trip or a set's
stay, record in the field through FieldKit (what the field-mode window uses), import, and compare
the central database row by row; refused kits, conflicts and a killed recorder change nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from caravan_app.domain.enums import (
    CheckContext,
    ConditionGrade,
    EventStatus,
    ExhibitStatus,
    MaintenanceKind,
)
from caravan_app.domain.kit import CONDITION_FORM_PART, CONTENTS_PART, MAP_PART, ROUTE_SHEET_PART
from caravan_app.errors import KitConflict, KitError, KitRecordInvalid
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.kit_file import KitFile
from caravan_app.persistence.models import (
    AuditEntry,
    Base,
    ConditionCheck,
    Event,
    Exhibit,
    KitImport,
    MaintenanceRecord,
    Plan,
    SetPlacement,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.services.field_kit import FieldKit, open_kit
from caravan_app.services.kit_export import export_placement, export_trip
from caravan_app.services.kit_import import derived_code, import_kit
from tests.budget import budget
from tests.persistence.test_kit_file import make_kit
from tests.reports.pdf_tools import pages, squeeze


@pytest.fixture
def planned(planned_week: Database) -> Database:
    return planned_week


def small_trip(db: Database) -> str:
    """A trip with two or three stops whose caravan carries at least three exhibits."""
    with db.session() as s:
        trips = s.scalars(select(Trip).order_by(Trip.code)).all()
        loads = dict(
            s.execute(
                select(Exhibit.caravan_id, func.count())
                .where(Exhibit.caravan_id.is_not(None))
                .group_by(Exhibit.caravan_id)
            ).all()
        )
        fitting = [t for t in trips if 2 <= len(t.stops) <= 3 and loads.get(t.caravan_id, 0) >= 3]
        assert fitting, "the one-week plan has no small trip"
        return min(fitting, key=lambda t: (len(t.stops), t.code)).code


def row_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as c:
        return {
            t.name: c.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def state(db: Database) -> tuple[dict[str, int], list[tuple[Any, ...]]]:
    """Row counts of every table and every exhibit's condition, status and version."""
    with db.session() as s:
        exhibits = [
            tuple(r)
            for r in s.execute(
                select(Exhibit.code, Exhibit.condition, Exhibit.status, Exhibit.version).order_by(
                    Exhibit.code
                )
            )
        ]
    return row_counts(db), exhibits


def record_a_trip(kit: FieldKit) -> None:
    """Two shows (the first entered twice: the second entry wins), one cancelled; two checks; a loss."""
    c = kit.contents
    first, second = c.stops[0], c.stops[1]
    e1, e2, e3 = c.exhibits[:3]
    day1, day2 = first.show_start.date(), second.show_start.date()
    kit.record_show(stop=first.seq, visitors=80, activity="科普进校园")
    kit.record_show(
        stop=first.seq,
        visitors=95,
        start=time(9, 0),
        end=time(11, 30),
        activity="科普进校园",
        audience="小学生",
        feedback="学生很喜欢，希望明年再来",
        notes="操场展出",
    )
    kit.record_show(stop=second.seq, status="cancelled", cancel_reason="暴雨，学校停课")
    kit.record_condition(
        exhibit=e1.code,
        grade="C",
        fault="电源接触不良",
        photo_path="photos/e1.jpg",
        checked_by="王师傅",
        checked_on=day1,
    )
    kit.record_condition(exhibit=e2.code, grade="A", checked_by="王师傅", checked_on=day1)
    kit.record_damage(exhibit=e3.code, kind="loss", description="撤展时遗失", on=day2)


def test_export_record_import_gives_exactly_the_recorded_rows(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    manifest = export_trip(planned, code, path, exported_by="测试员")
    assert manifest.condition_form == ROUTE_SHEET_PART
    assert {p.name for p in manifest.parts} == {CONTENTS_PART, ROUTE_SHEET_PART, MAP_PART}
    with open_kit(path) as kit:
        # The map is titled by this trip and its own days, not by the plan's term and figures.
        page = kit.part(MAP_PART).decode("utf-8")
        assert f"三月第一周 · {code}" in page and "已服务需求" not in page
        record_a_trip(kit)
        records, latest = kit.records(), kit.latest()
        contents = kit.contents
    assert len(records) == 6 and [r.seq for r in latest] == [2, 3, 4, 5, 6]
    with planned.session() as s:
        caravan_id = s.scalar(select(Trip.caravan_id).where(Trip.code == code))
    before = row_counts(planned)

    result = import_kit(planned, path)

    assert result.counts() == {"show": 2, "condition": 2, "damage": 1}
    assert [(r.seq, r.action) for r in result.rows] == [(1, "superseded")] + [
        (n, "created") for n in range(2, 7)
    ]
    after = row_counts(planned)
    grown = {t: after[t] - before[t] for t in after if after[t] != before[t]}
    assert grown == {
        "events": 2,
        "condition_checks": 2,
        "maintenance_records": 1,
        "kit_imports": 6,
        "audit_log": grown.get("audit_log", 0),
    }
    first, second = contents.stops[0], contents.stops[1]
    e1, e2, e3 = contents.exhibits[:3]
    day1, day2 = first.show_start.date(), second.show_start.date()
    kit_id = manifest.kit_id
    with planned.session() as s:
        venue = {
            v.code: v.id
            for v in s.scalars(select(Venue).where(Venue.code.in_([first.venue_code, second.venue_code])))
        }
        events = s.scalars(select(Event).where(Event.code.like("EV-K%")).order_by(Event.held_on)).all()
        assert [
            (
                e.code,
                e.venue_id,
                e.held_on,
                e.caravan_id,
                e.set_id,
                e.status,
                e.cancel_reason,
                e.visitors,
                e.km_driven,
                e.started_at,
                e.ended_at,
                e.activity,
                e.audience,
                e.feedback,
                e.notes,
            )
            for e in events
        ] == [
            (
                derived_code("EV", kit_id, records[1].record_id),
                venue[first.venue_code],
                day1,
                caravan_id,
                None,
                EventStatus.HELD,
                "",
                95,
                pytest.approx(first.km_from_previous),
                datetime.combine(day1, time(9, 0)),
                datetime.combine(day1, time(11, 30)),
                "科普进校园",
                "小学生",
                "学生很喜欢，希望明年再来",
                "操场展出",
            ),
            (
                derived_code("EV", kit_id, records[2].record_id),
                venue[second.venue_code],
                day2,
                caravan_id,
                None,
                EventStatus.CANCELLED,
                "暴雨，学校停课",
                0,
                0.0,
                None,
                None,
                "",
                "",
                "",
                "",
            ),
        ]
        checks = s.scalars(
            select(ConditionCheck).where(ConditionCheck.code.like("CC-K%")).order_by(ConditionCheck.code)
        ).all()
        assert sorted(
            (c.exhibit.code, c.checked_on, c.grade, c.context, c.fault, c.checked_by, c.photo_path)
            for c in checks
        ) == sorted(
            [
                (
                    e1.code,
                    day1,
                    ConditionGrade.C,
                    CheckContext.FIELD,
                    "电源接触不良",
                    "王师傅",
                    "photos/e1.jpg",
                ),
                (e2.code, day1, ConditionGrade.A, CheckContext.FIELD, "", "王师傅", ""),
            ]
        )
        needs = s.scalars(select(MaintenanceRecord).where(MaintenanceRecord.code.like("MR-K%"))).all()
        assert [(m.code, m.exhibit.code, m.kind, m.opened_on, m.closed_on, m.fault) for m in needs] == [
            (
                derived_code("MR", kit_id, records[5].record_id),
                e3.code,
                MaintenanceKind.REPAIR,
                day2,
                None,
                "撤展时遗失",
            )
        ]
        by_code = {
            x.code: x for x in s.scalars(select(Exhibit).where(Exhibit.code.in_([e1.code, e2.code, e3.code])))
        }
        assert (
            by_code[e1.code].condition is ConditionGrade.C and by_code[e2.code].condition is ConditionGrade.A
        )
        # Lost where it was: still on the caravan, so the one-place rule holds with no movement.
        assert by_code[e3.code].status is ExhibitStatus.LOST and by_code[e3.code].caravan_id == caravan_id
        taken = s.scalars(select(KitImport).where(KitImport.kit_id == kit_id).order_by(KitImport.seq)).all()
        assert [t.record_id for t in taken] == [r.record_id for r in records]
        # The import is audited under the importing user, like any other change.
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.table_name == "events"))
            == 2
        )


def test_importing_twice_changes_nothing_and_later_records_come_in_alone(
    planned: Database, tmp_path: Path
) -> None:
    path = tmp_path / "trip.ckit"
    export_trip(planned, small_trip(planned), path)
    with open_kit(path) as kit:
        record_a_trip(kit)
        second_stop = kit.contents.stops[1].seq
    import_kit(planned, path)
    before = state(planned)

    again = import_kit(planned, path)

    assert again.already_imported and again.rows == ()
    assert "already imported, nothing changed" in str(again)
    assert state(planned) == before

    # The show of the second stop took place after all: the new entry updates the cancelled event.
    with open_kit(path) as kit:
        kit.record_show(stop=second_stop, visitors=40, audience="村民")
        cancelled = kit.records()[2]
    more = import_kit(planned, path)
    assert [(r.seq, r.action, r.table) for r in more.rows] == [(7, "updated", "events")]
    counts, exhibits = state(planned)
    assert exhibits == before[1]
    assert {t: n for t, n in counts.items() if n != before[0][t]} == {
        "kit_imports": before[0]["kit_imports"] + 1,
        "audit_log": counts["audit_log"],
    }
    with planned.session() as s:
        event = s.scalars(select(Event).where(Event.code == more.rows[0].code)).one()
        assert event.code == derived_code("EV", open_kit_id(path), cancelled.record_id)
        assert (event.status, event.visitors, event.audience, event.cancel_reason) == (
            EventStatus.HELD,
            40,
            "村民",
            "",
        )


def open_kit_id(path: Path) -> str:
    with open_kit(path) as kit:
        return kit.manifest.kit_id


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _change_part_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    at = data.index(b"leaflet")  # inside map.html
    data[at] = ord("L")
    path.write_bytes(bytes(data))


def _edit_record(path: Path) -> None:
    with sqlite3.connect(path) as c:
        c.execute(
            "UPDATE records SET payload = replace(payload, '\"visitors\":95', '\"visitors\":950')"
            " WHERE seq = 2"
        )
    c.close()


def _old_schema(path: Path) -> None:
    with sqlite3.connect(path) as c:
        manifest = json.loads(c.execute("SELECT json FROM manifest").fetchone()[0])
        manifest["schema_version"] = "0003"
        c.execute("UPDATE manifest SET json = ?", (json.dumps(manifest),))
    c.close()


REFUSALS = {
    "truncated": (_truncate, r"trip\.ckit is damaged or truncated"),
    "changed part": (_change_part_byte, r"part map\.html was changed since export"),
    "edited record": (_edit_record, r"record 2 was changed outside the program"),
    "wrong version": (_old_schema, rf"made by schema 0003, this program has {migrate.head_revision()}"),
}


@pytest.mark.parametrize("damage", list(REFUSALS))
def test_damaged_kits_are_refused_and_change_nothing(planned: Database, tmp_path: Path, damage: str) -> None:
    path = tmp_path / "trip.ckit"
    export_trip(planned, small_trip(planned), path)
    with open_kit(path) as kit:
        record_a_trip(kit)
    spoil, message = REFUSALS[damage]
    spoil(path)
    before = state(planned)
    with pytest.raises(KitError, match=message):
        import_kit(planned, path)
    assert state(planned) == before


def test_bad_data_in_a_record_names_it_and_nothing_is_written(planned: Database, tmp_path: Path) -> None:
    path = tmp_path / "trip.ckit"
    export_trip(planned, small_trip(planned), path)
    with open_kit(path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=12)
        schema = kit.manifest.schema_version
    # Written past the checks, with a valid hash chain: as a program of another make might.
    with KitFile.open(path, schema) as raw:
        raw.append("show", {"stop": 2, "status": "held", "visitors": -3})
    before = state(planned)
    with pytest.raises(KitRecordInvalid, match="^record 2: visitors: -3 is not a number ≥ 0$"):
        import_kit(planned, path)
    assert state(planned) == before


def test_a_trip_changed_in_the_office_is_a_conflict_until_accepted(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    with open_kit(path) as kit:
        record_a_trip(kit)
    with planned.session() as s:
        stop = s.scalars(select(TourStop).join(Trip).where(Trip.code == code, TourStop.seq == 1)).one()
        old = stop.show_start
        stop.show_start += timedelta(hours=1)
        stop.show_end += timedelta(hours=1)
    before = state(planned)
    with pytest.raises(KitConflict) as refused:
        import_kit(planned, path)
    expected = f"stop 1 show_start {old.isoformat()} → {(old + timedelta(hours=1)).isoformat()}"
    assert expected in str(refused.value) and "--accept-conflict" in str(refused.value)
    assert state(planned) == before

    result = import_kit(planned, path, accept_conflict=True)
    assert expected in [str(c) for c in result.accepted_changes]
    assert result.counts() == {"show": 2, "condition": 2, "damage": 1}


def test_the_kit_holds_only_the_contacts_the_trip_needs(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path, exported_by="测试员")
    data = path.read_bytes()

    def present(text: str) -> bool:
        escaped = json.dumps(text)[1:-1].encode()  # as folium writes non-ASCII text into the page
        return text.encode("utf-8") in data or escaped in data

    with planned.session() as s:
        trip = s.scalars(select(Trip).where(Trip.code == code)).one()
        needed = {st.venue.code for st in trip.stops}
        contacts = {
            (v.contact_name, v.contact_phone) for v in s.scalars(select(Venue).where(Venue.code.in_(needed)))
        }
        others = s.execute(
            select(Venue.contact_name, Venue.contact_phone).where(Venue.code.not_in(needed))
        ).all()
        staff = set(s.scalars(select(ConditionCheck.checked_by).distinct())) | set(
            s.scalars(select(Plan.created_by).distinct())
        )
    for name, phone in contacts:
        assert present(name) and present(phone)
    kept_names = {name for name, _ in contacts}
    leaked = [phone for _, phone in others if phone and present(phone)]
    leaked += [name for name, _ in others if len(name) >= 3 and name not in kept_names and present(name)]
    # ASCII login names such as "root" are words of the map's scripts too; staff names are Chinese.
    leaked += [name for name in staff if not name.isascii() and name != "测试员" and present(name)]
    assert leaked == []


def test_a_set_placement_kit_records_days_and_imports_as_the_sets_events(
    planned: Database, tmp_path: Path
) -> None:
    with planned.session() as s:
        placement = s.scalars(
            select(SetPlacement).order_by(SetPlacement.end_on.desc(), SetPlacement.code)
        ).first()
        assert placement is not None
        code, set_id, set_code = placement.code, placement.set_id, placement.exhibit_set.code
        venue_id, weekdays = placement.venue_id, placement.venue.open_weekdays
        start, end = placement.start_on, placement.end_on
    path = tmp_path / "stay.ckit"
    manifest = export_placement(planned, code, path)
    assert manifest.kind == "placement" and manifest.condition_form == CONDITION_FORM_PART
    with open_kit(path) as kit:
        contents = kit.contents
        assert contents.days and all(
            start <= d <= end and str(d.isoweekday()) in weekdays for d in contents.days
        )
        form = squeeze("".join(pages(kit.part(CONDITION_FORM_PART), tmp_path)))
        schedule = squeeze("".join(pages(kit.part(ROUTE_SHEET_PART), tmp_path)))
        assert "展品状况记录表" in form and all(e.code in form for e in contents.exhibits)
        assert set_code in schedule
        day = contents.days[0]
        kit.record_show(day=day, visitors=1200, activity="流动科技馆巡展", audience="中小学生、家长")
        kit.record_condition(exhibit=contents.exhibits[0].code, grade="B", checked_on=day)
        with pytest.raises(KitRecordInvalid, match=f"day: {end + timedelta(days=1)} is not within the stay"):
            kit.record_show(day=end + timedelta(days=1), visitors=3)
    result = import_kit(planned, path)
    assert result.counts() == {"show": 1, "condition": 1}
    with planned.session() as s:
        event = s.scalars(select(Event).where(Event.code == result.rows[0].code)).one()
        assert (event.set_id, event.caravan_id, event.venue_id, event.held_on, event.visitors) == (
            set_id,
            None,
            venue_id,
            day,
            1200,
        )


def test_entries_are_checked_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "trip.ckit"
    make_kit(path)
    with open_kit(path) as kit:
        day = kit.contents.start
        cases = [
            (lambda: kit.record_show(stop=1, visitors=-3), "visitors: -3 is not a number ≥ 0"),
            (
                lambda: kit.record_show(stop=9, visitors=3),
                r"stop: 9 is not a stop of trip P1-CV01-20270301 \(1, 2\)",
            ),
            (lambda: kit.record_show(stop=1, status="cancelled"), 'cancel_reason: "" is required'),
            (
                lambda: kit.record_show(stop=1, start=time(11), end=time(9)),
                r"end: 09:00 is before the start \(11:00\)",
            ),
            (
                lambda: kit.record_condition(exhibit="EX-00001", grade="E", checked_on=day),
                "grade: E is not one of A, B, C, D",
            ),
            (
                lambda: kit.record_condition(exhibit="EX-99999", grade="A", checked_on=day),
                "exhibit: EX-99999 is not an exhibit in this kit",
            ),
            (
                lambda: kit.record_damage(exhibit="EX-00002", kind="theft", description="x", on=day),
                "kind: theft is not one of damage, loss",
            ),
        ]
        for attempt, message in cases:
            with pytest.raises(KitRecordInvalid, match=message):
                attempt()
        assert kit.records() == []


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from caravan_app.services.field_kit import open_kit

    kit = open_kit(sys.argv[1])
    connection = kit._file._connection
    # A tiny page cache makes SQLite write the entry's pages into the file before the commit, so
    # the kill leaves a half-written file and a hot journal, as a flat battery would.
    connection.execute("PRAGMA cache_size=1")
    for code in ("EX-00001", "EX-00002", "EX-00003"):
        kit.record_condition(exhibit=code, grade="B", checked_on=date(2027, 3, 2))
        print("committed", code, flush=True)

    def kill_at_commit(statement):
        if statement.strip().upper() == "COMMIT":
            print("journal", os.path.exists(sys.argv[1] + "-journal"), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    connection.set_trace_callback(kill_at_commit)
    kit.record_show(stop=1, visitors=10, feedback="很好" * 1900, notes="x" * 4000)
    print("not reached", flush=True)
    """
)


def test_a_recorder_killed_mid_entry_loses_only_that_entry(tmp_path: Path) -> None:
    path = tmp_path / "trip.ckit"
    make_kit(path)
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert run.stdout.split("\n")[:4] == [
        "committed EX-00001",
        "committed EX-00002",
        "committed EX-00003",
        "journal True",
    ]
    assert Path(f"{path}-journal").exists()
    # Reopening rolls the hot journal back: the three committed entries, and the file verifies.
    with open_kit(path) as kit:
        assert [(r.seq, r.kind, r.payload["exhibit"]) for r in kit.records()] == [
            (1, "condition", "EX-00001"),
            (2, "condition", "EX-00002"),
            (3, "condition", "EX-00003"),
        ]
        kit.record_show(stop=1, visitors=10)
    assert not Path(f"{path}-journal").exists()
    with open_kit(path) as kit:
        assert len(kit.records()) == 4
    assert os.path.getsize(path) > 0


# --- what the review of the first version found ---------------------------------------------------


def test_two_kits_of_one_trip_share_the_shows_event(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    first, second = tmp_path / "a.ckit", tmp_path / "b.ckit"
    export_trip(planned, code, first)
    export_trip(planned, code, second)  # a second copy for the same crew, e.g. a re-export
    with open_kit(first) as kit:
        stop = kit.contents.stops[0].seq
        kit.record_show(stop=stop, visitors=100)
    with open_kit(second) as kit:
        kit.record_show(stop=stop, visitors=120, feedback="第二台电脑的记录")
    made = import_kit(planned, first).rows[0]
    again = import_kit(planned, second).rows[0]
    assert (made.action, again.action, again.code) == ("created", "updated", made.code)
    with planned.session() as s:
        events = s.scalars(select(Event).where(Event.code == made.code)).all()
        assert [(e.visitors, e.feedback) for e in events] == [(120, "第二台电脑的记录")]
        assert (
            s.scalar(select(func.count()).select_from(KitImport).where(KitImport.row_code == made.code)) == 2
        )


def test_a_grade_is_the_latest_checks_whatever_the_order_of_entry(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    with open_kit(path) as kit:
        exhibit = kit.contents.exhibits[0].code
        day1, day2 = kit.contents.start, kit.contents.start + timedelta(days=1)
        kit.record_condition(exhibit=exhibit, grade="D", fault="屏幕碎裂", checked_on=day2)
    import_kit(planned, path)
    with open_kit(path) as kit:
        # Entered later, but checked a day earlier: it does not set the grade back.
        kit.record_condition(exhibit=exhibit, grade="A", checked_on=day1)
    import_kit(planned, path)
    with planned.session() as s:
        grades = s.execute(
            select(ConditionCheck.checked_on, ConditionCheck.grade)
            .join(Exhibit)
            .where(Exhibit.code == exhibit, ConditionCheck.checked_on >= day1)
            .order_by(ConditionCheck.checked_on)
        ).all()
        assert [tuple(g) for g in grades] == [(day1, ConditionGrade.A), (day2, ConditionGrade.D)]
        assert s.scalar(select(Exhibit.condition).where(Exhibit.code == exhibit)) is ConditionGrade.D


def test_a_stay_is_one_event_summed_over_the_days_of_all_its_kits(planned: Database, tmp_path: Path) -> None:
    with planned.session() as s:
        placement = s.scalars(
            select(SetPlacement).order_by(SetPlacement.end_on.desc(), SetPlacement.code)
        ).first()
        assert placement is not None
        code, set_id = placement.code, placement.set_id
    events_before = row_counts(planned)["events"]
    first, second = tmp_path / "a.ckit", tmp_path / "b.ckit"
    export_placement(planned, code, first)
    with open_kit(first) as kit:
        d1, d2, d3 = kit.contents.days[:3]
        kit.record_show(day=d1, visitors=1000, start=time(9, 0), end=time(17, 0), audience="中小学生")
        kit.record_show(day=d2, status="cancelled", cancel_reason="停电闭馆")
    result = import_kit(planned, first)
    assert {r.code for r in result.rows} == {result.rows[0].code}  # both days, one event
    export_placement(planned, code, second)
    with open_kit(second) as kit:
        kit.record_show(day=d3, visitors=500, start=time(9, 0), end=time(16, 30), audience="家长")
        kit.record_show(day=d1, visitors=1100, start=time(9, 0), end=time(17, 0), audience="中小学生")
    later = import_kit(planned, second)
    assert [r.action for r in later.rows] == ["created", "updated"]
    assert row_counts(planned)["events"] == events_before + 1
    with planned.session() as s:
        event = s.scalars(select(Event).where(Event.code == result.rows[0].code)).one()
        assert (event.set_id, event.held_on, event.visitors, event.status) == (
            set_id,
            d1,
            1600,
            EventStatus.HELD,
        )
        assert event.started_at == datetime.combine(d1, time(9, 0))
        assert event.ended_at == datetime.combine(d3, time(16, 30))
        assert event.audience == "中小学生、家长"
        assert f"{d2:%m-%d} closed: 停电闭馆" in event.notes and "2 day(s) open, 1 closed" in event.notes


def test_a_kit_whose_records_are_not_imported_is_not_replaced(planned: Database, tmp_path: Path) -> None:
    from caravan_app.errors import KitHoldsRecords

    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    export_trip(planned, code, path)  # no records yet: replaced
    with open_kit(path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=40)
        kit_id = kit.manifest.kit_id
    with pytest.raises(KitHoldsRecords, match=r"holding 1 record\(s\) not yet imported"):
        export_trip(planned, code, path)
    with open_kit(path) as kit:
        assert kit.manifest.kit_id == kit_id and len(kit.records()) == 1
    import_kit(planned, path)
    export_trip(planned, code, path)  # all imported: nothing is lost by replacing it
    with open_kit(path) as kit:
        assert kit.manifest.kit_id != kit_id and kit.records() == []
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=41)
    export_trip(planned, code, path, force=True)
    with open_kit(path) as kit:
        assert kit.records() == []


def test_a_lost_exhibit_is_not_on_board_in_the_next_kit(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    export_trip(planned, code, tmp_path / "a.ckit")
    with open_kit(tmp_path / "a.ckit") as kit:
        lost = kit.contents.exhibits[0].code
        kit.record_damage(exhibit=lost, kind="loss", description="撤展时遗失", on=kit.contents.start)
    import_kit(planned, tmp_path / "a.ckit")
    export_trip(planned, code, tmp_path / "b.ckit")
    with open_kit(tmp_path / "b.ckit") as kit:
        assert lost not in {e.code for e in kit.contents.exhibits} and kit.contents.exhibits


def test_a_visitor_count_beyond_belief_is_refused(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    export_trip(planned, code, tmp_path / "a.ckit")
    with open_kit(tmp_path / "a.ckit") as kit:
        with pytest.raises(KitRecordInvalid, match="visitors: 3000000000 is more than 1,000,000"):
            kit.record_show(stop=kit.contents.stops[0].seq, visitors=3_000_000_000)
        assert kit.records() == []


def test_a_planned_stays_kit_shows_the_move_into_it(planned: Database, tmp_path: Path) -> None:
    from datetime import date

    from caravan_app.services.rotation import plan_rotation_scenario

    plan_rotation_scenario(
        planned,
        date(2027, 1, 1),
        3,
        2,
        name="扬泰换展",
        cities=["扬州", "泰州"],
        control=budget(),
    )
    with planned.session() as s:
        stays = s.scalars(
            select(SetPlacement)
            .join(Plan)
            .where(Plan.name == "扬泰换展", SetPlacement.period > 0)
            .order_by(SetPlacement.period, SetPlacement.code)
        ).all()
        moved = []
        for stay in stays:
            before = s.scalars(
                select(SetPlacement).where(
                    SetPlacement.plan_id == stay.plan_id,
                    SetPlacement.set_id == stay.set_id,
                    SetPlacement.period == stay.period - 1,
                )
            ).first()
            if before is not None and before.venue_id != stay.venue_id:
                moved.append((stay.code, before.venue.name, stay.venue.name))
    assert moved, "the plan moves no set from one hall to another"
    code, previous, here = moved[0]
    export_placement(planned, code, tmp_path / "stay.ckit")
    with open_kit(tmp_path / "stay.ckit") as kit:
        page = kit.part(MAP_PART).decode("utf-8")
        schedule = squeeze("".join(pages(kit.part(ROUTE_SHEET_PART), tmp_path)))
    # The truck comes from the hall the set stood in before, not from its depot.
    assert f"{previous} → {here}" in page and f"扬泰换展 · {code}" in page
    assert squeeze(previous) in schedule
