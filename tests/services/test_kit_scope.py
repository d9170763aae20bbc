"""A field kit reaches only its own trip or stay: what an import may touch comes from the database's
copy of what it gave the kit, never from the kit, and accepting a conflict does not widen it
(issue 15, rows 1 and 4). The kits here are forged the way a person with a text editor and a SQLite
browser would: the contents rewritten and the manifest's hashes made to match."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from caravan_app.domain.enums import ExhibitStatus
from caravan_app.domain.kit import CONTENTS_PART
from caravan_app.errors import KitOutOfScope
from caravan_app.persistence.database import Database
from caravan_app.persistence.kit_file import sha256_hex
from caravan_app.persistence.models import Event, Exhibit, KitExport, SetPlacement, TourStop, Trip, Venue
from caravan_app.services.field_kit import open_kit
from caravan_app.services.kit_export import export_placement, export_trip
from caravan_app.services.kit_import import import_kit
from tests.services.test_field_kit import small_trip, state


@pytest.fixture
def planned(planned_week: Database) -> Database:
    return planned_week


def forge(
    path: Path, edit: Callable[[dict[str, Any]], None], manifest_edit: Callable[[dict[str, Any]], None] = id
) -> None:
    """Rewrite the kit's contents (and manifest) and make every hash the file checks match again."""
    with sqlite3.connect(path) as c:
        contents = json.loads(
            c.execute("SELECT bytes FROM parts WHERE name = ?", (CONTENTS_PART,)).fetchone()[0]
        )
        edit(contents)
        data = json.dumps(contents, ensure_ascii=False).encode("utf-8")
        manifest = json.loads(c.execute("SELECT json FROM manifest").fetchone()[0])
        for part in manifest["parts"]:
            if part["name"] == CONTENTS_PART:
                part["size"], part["sha256"] = len(data), sha256_hex(data)
        manifest_edit(manifest)
        c.execute("UPDATE parts SET bytes = ? WHERE name = ?", (data, CONTENTS_PART))
        c.execute("UPDATE manifest SET json = ?", (json.dumps(manifest, ensure_ascii=False),))
        # A kit with no records yet: the chain starts from the kit id.
        c.execute("UPDATE head SET sha256 = ?", (manifest["kit_id"],))
    c.close()


def an_exhibit_not_on(db: Database, trip_code: str) -> tuple[str, str]:
    """An exhibit in use elsewhere (another caravan or a set), as (code, name)."""
    with db.session() as s:
        trip = s.scalars(select(Trip).where(Trip.code == trip_code)).one()
        other = s.scalars(
            select(Exhibit)
            .where(Exhibit.caravan_id != trip.caravan_id, Exhibit.status == ExhibitStatus.IN_USE)
            .order_by(Exhibit.code)
        ).first()
        assert other is not None
        return other.code, other.name_zh


def status_of(db: Database, code: str) -> ExhibitStatus:
    with db.session() as s:
        return s.scalars(select(Exhibit.status).where(Exhibit.code == code)).one()


def add_exhibit(code: str, name: str) -> Callable[[dict[str, Any]], None]:
    def edit(contents: dict[str, Any]) -> None:
        contents["exhibits"].append(
            {"code": code, "name_zh": name, "name_en": "", "theme": "", "condition": "A"}
        )

    return edit


def test_a_forged_exhibit_is_refused_naming_the_record(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    other, name = an_exhibit_not_on(planned, code)
    forge(path, add_exhibit(other, name))
    with open_kit(path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=40)
        kit.record_damage(exhibit=other, kind="loss", description="遗失", on=kit.contents.start)
    before = state(planned)
    with pytest.raises(KitOutOfScope) as refused:
        import_kit(planned, path)
    assert (refused.value.seq, refused.value.field, refused.value.value) == (2, "exhibit", other)
    assert refused.value.code == "kit_out_of_scope"
    assert (refused.value.kind, refused.value.subject) == ("trip", code)
    assert status_of(planned, other) == ExhibitStatus.IN_USE
    assert state(planned) == before  # not even the good record: all or nothing


def test_a_forged_stop_at_another_venue_and_date_is_refused(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    with planned.session() as s:
        trip = s.scalars(select(Trip).where(Trip.code == code)).one()
        ours = {st.venue_id for st in trip.stops}
        elsewhere = s.scalars(select(Venue).where(Venue.id.not_in(ours)).order_by(Venue.code)).first()
        assert elsewhere is not None
        venue = {
            "code": elsewhere.code,
            "name": elsewhere.name,
            "county": "",
            "city": "",
            "address": "",
            "lat": elsewhere.lat,
            "lon": elsewhere.lon,
            "contact_name": "",
            "contact_phone": "",
        }

    def move_first_stop(contents: dict[str, Any]) -> None:
        stop = contents["stops"][0]
        stop["venue_code"] = venue["code"]
        for key in ("arrive_at", "show_start", "show_end"):
            stop[key] = stop[key].replace(stop[key][:4], "2030", 1)
        contents["end"] = "2030-12-31"
        contents["venues"].append(venue)

    forge(path, move_first_stop)
    with open_kit(path) as kit:
        first = kit.contents.stops[0]
        assert first.show_start.year == 2030
        kit.record_show(stop=first.seq, visitors=40)
    before = state(planned)
    with pytest.raises(KitOutOfScope) as refused:
        import_kit(planned, path)
    assert (refused.value.seq, refused.value.field) == (1, "stop")
    assert str(refused.value.value).startswith(venue["code"]) and "2030" in str(refused.value.value)
    assert state(planned) == before
    with planned.session() as s:
        assert s.scalar(select(Event).where(Event.held_on >= date(2030, 1, 1))) is None


def test_a_stay_kit_cannot_widen_its_dates(planned: Database, tmp_path: Path) -> None:
    with planned.session() as s:
        placement = s.scalars(select(SetPlacement).order_by(SetPlacement.code)).first()
        assert placement is not None
        code, end = placement.code, placement.end_on
    path = tmp_path / "stay.ckit"
    export_placement(planned, code, path)
    late = end + timedelta(days=30)

    def widen(contents: dict[str, Any]) -> None:
        contents["end"] = late.isoformat()
        contents["days"].append(late.isoformat())

    forge(path, widen)
    with open_kit(path) as kit:
        kit.record_show(day=late, visitors=500)
    before = state(planned)
    with pytest.raises(KitOutOfScope) as refused:
        import_kit(planned, path)
    assert (refused.value.seq, refused.value.field, refused.value.value) == (1, "day", late)
    assert state(planned) == before


def test_accepting_a_conflict_never_widens_a_foreign_kit(planned: Database, tmp_path: Path) -> None:
    """A kit this database never wrote (another database's, its id unknown here) with the same trip
    code: the conflict may be accepted, but only the trip as it stands here can be touched."""
    code = small_trip(planned)
    path = tmp_path / "foreign.ckit"
    export_trip(planned, code, path)
    other, name = an_exhibit_not_on(planned, code)

    def foreign(manifest: dict[str, Any]) -> None:
        manifest["kit_id"] = str(uuid.uuid4())
        manifest["fingerprint"]["planned"]["caravan"] = "ELSEWHERE-1"

    forge(path, add_exhibit(other, name), foreign)
    with open_kit(path) as kit:
        kit.record_damage(exhibit=other, kind="loss", description="遗失", on=kit.contents.start)
    before = state(planned)
    with pytest.raises(KitOutOfScope) as refused:
        import_kit(planned, path, accept_conflict=True)
    assert (refused.value.seq, refused.value.field, refused.value.value) == (1, "exhibit", other)
    assert status_of(planned, other) == ExhibitStatus.IN_USE
    assert state(planned) == before


def test_a_kit_id_written_for_another_trip_is_refused(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    with planned.session() as s:
        another = s.scalars(select(Trip.code).where(Trip.code != code).order_by(Trip.code)).first()
    assert another is not None

    def retarget(manifest: dict[str, Any]) -> None:
        manifest["code"] = another

    forge(path, lambda contents: contents.update(code=another), retarget)
    with open_kit(path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=40)
    before = state(planned)
    with pytest.raises(KitOutOfScope) as refused:
        import_kit(planned, path, accept_conflict=True)
    assert (refused.value.kind, refused.value.subject) == ("trip", code) and refused.value.value == another
    assert state(planned) == before


def test_an_office_change_accepted_keeps_the_stops_as_exported(planned: Database, tmp_path: Path) -> None:
    """The crew held the show where its kit said; the office moved the stop afterwards. Accepted, the
    event is at the venue and on the day the database gave the kit."""
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    with open_kit(path) as kit:
        first = kit.contents.stops[0]
        kit.record_show(stop=first.seq, visitors=40)
    with planned.session() as s:
        stop = s.scalars(
            select(TourStop).join(Trip).where(Trip.code == code, TourStop.seq == first.seq)
        ).one()
        stop.show_start += timedelta(days=1)
        stop.show_end += timedelta(days=1)
    result = import_kit(planned, path, accept_conflict=True)
    with planned.session() as s:
        event = s.scalars(select(Event).where(Event.code == result.rows[0].code)).one()
        assert (event.venue.code, event.held_on) == (first.venue_code, first.show_start.date())


def test_a_kit_written_before_copies_were_kept_touches_its_trip_as_it_stands(
    planned: Database, tmp_path: Path
) -> None:
    code = small_trip(planned)
    path = tmp_path / "trip.ckit"
    export_trip(planned, code, path)
    with planned.session() as s:
        s.execute(delete(KitExport))
    with open_kit(path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=40)
        kit.record_condition(exhibit=kit.contents.exhibits[0].code, grade="B", checked_on=kit.contents.start)
    assert import_kit(planned, path).counts() == {"show": 1, "condition": 1}


def test_the_copy_kept_holds_codes_not_contacts(planned: Database, tmp_path: Path) -> None:
    code = small_trip(planned)
    manifest = export_trip(planned, code, tmp_path / "trip.ckit")
    with open_kit(tmp_path / "trip.ckit") as kit:
        contents = kit.contents
    with planned.session() as s:
        kept = s.scalars(select(KitExport).where(KitExport.kit_id == manifest.kit_id)).one()
    assert (kept.kind, kept.code) == ("trip", code)
    copy = json.loads(kept.scope)
    assert [s["venue_code"] for s in copy["stops"]] == [s.venue_code for s in contents.stops]
    assert [e["code"] for e in copy["exhibits"]] == [e.code for e in contents.exhibits]
    for venue in contents.venues:
        assert venue.contact_phone not in kept.scope or not venue.contact_phone
        assert venue.name not in kept.scope
