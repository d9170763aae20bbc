"""Field kits: a caravan trip or a museum-set placement exported to one .ckit file, run offline on a
laptop (the field-mode window records through FieldKit), and imported back in one transaction.

Export reads the trip or placement, the venues it needs (with only their contact name and phone),
the exhibits on board and the crew's depot, and packs them with the existing route sheet (or the
rotation schedule page and a condition form for a set's stay) and the existing offline map.

Import turns the kit's latest records into events, condition checks and maintenance needs. Each row
made gets a code derived from the kit and the record, and kit_imports remembers every record taken,
so a second import of the same kit changes nothing and a kit with more records brings only those.
A trip or placement changed in the office since export is a conflict the user must accept.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from caravan_app.domain.enums import CheckContext, ConditionGrade, EventStatus, ExhibitStatus, MaintenanceKind
from caravan_app.domain.kit import (
    CONDITION,
    CONDITION_FORM_PART,
    CONTENTS_PART,
    DAMAGE,
    FORMAT,
    MAP_PART,
    ROUTE_SHEET_PART,
    SHOW,
    ConditionEntry,
    DamageEntry,
    Entry,
    KitContents,
    KitDepot,
    KitExhibit,
    KitManifest,
    KitRecord,
    KitStop,
    KitVenue,
    OfficeChange,
    ShowEntry,
    canonical_json,
    condition_payload,
    damage_payload,
    latest,
    parse_entry,
    show_payload,
)
from caravan_app.domain.views import DepotView, ExhibitView, PlaceView, RotationPlanView, SetMoveView
from caravan_app.domain.weekdays import is_open_on
from caravan_app.errors import CaravanError, KitConflict, KitError, KitHoldsRecords, KitRecordInvalid
from caravan_app.maps import render_rotation_map, render_tour_map
from caravan_app.persistence import migrate
from caravan_app.persistence.audit import current_user
from caravan_app.persistence.database import Database
from caravan_app.persistence.kit_file import KitFile, unverified_records, write_kit
from caravan_app.persistence.models import (
    Caravan,
    ConditionCheck,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    KitImport,
    MaintenanceRecord,
    Region,
    SetPlacement,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.reports import rotation_schedule, route_sheets
from caravan_app.reports.condition_form import condition_form
from caravan_app.services.reports import GONE, tour_plan_view
from caravan_app.services.rotation_views import road_km, rotation_plan_view

PDF, HTML, JSON = "application/pdf", "text/html; charset=utf-8", "application/json"


# --- the kit on the laptop ------------------------------------------------------------------------


class FieldKit:
    """An open, verified kit: what the field-mode window shows and records into.

    Every record_* call checks the entry against the kit (KitRecordInvalid names the field and value)
    and saves it to the file in its own transaction before returning.
    """

    def __init__(self, file: KitFile) -> None:
        self._file = file
        self.path = file.path
        self.manifest = file.manifest
        self.contents = KitContents.from_json(file.part(CONTENTS_PART).decode("utf-8"))

    def part(self, name: str) -> bytes:
        return self._file.part(name)

    def records(self) -> list[KitRecord]:
        """Every record in the order made, superseded ones included."""
        return self._file.records()

    def latest(self) -> list[KitRecord]:
        """The records no later one of the same key supersedes: what an import takes."""
        return latest(self.records())

    def entry(self, record: KitRecord) -> Entry:
        return parse_entry(record.kind, record.payload, self.contents, record.seq)

    def record_show(
        self,
        *,
        stop: int | None = None,
        day: date | None = None,
        status: str = "held",
        cancel_reason: str = "",
        start: time | None = None,
        end: time | None = None,
        visitors: int = 0,
        activity: str = "",
        audience: str = "",
        feedback: str = "",
        notes: str = "",
    ) -> KitRecord:
        """A show at a trip's stop (its seq) or on a day of a placement, held or cancelled with a reason."""
        payload = show_payload(
            stop=stop,
            day=day,
            status=status,
            cancel_reason=cancel_reason,
            start=start,
            end=end,
            visitors=visitors,
            activity=activity,
            audience=audience,
            feedback=feedback,
            notes=notes,
        )
        return self._record(SHOW, payload)

    def record_condition(
        self,
        *,
        exhibit: str,
        grade: str,
        fault: str = "",
        photo_path: str = "",
        checked_by: str = "",
        checked_on: date | None = None,
    ) -> KitRecord:
        payload = condition_payload(
            exhibit=exhibit,
            grade=grade,
            fault=fault,
            photo_path=photo_path,
            checked_by=checked_by,
            checked_on=checked_on or date.today(),
        )
        return self._record(CONDITION, payload)

    def record_damage(
        self, *, exhibit: str, kind: str = "damage", description: str, on: date | None = None
    ) -> KitRecord:
        """Damage to an exhibit, or its loss."""
        payload = damage_payload(exhibit=exhibit, kind=kind, description=description, on=on or date.today())
        return self._record(DAMAGE, payload)

    def _record(self, kind: str, payload: dict[str, Any]) -> KitRecord:
        parse_entry(kind, payload, self.contents)
        return self._file.append(kind, payload)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> FieldKit:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_kit(path: Path) -> FieldKit:
    """Open and verify a kit; needs no central database. KitError says why a kit is refused."""
    file = KitFile.open(Path(path), migrate.head_revision())
    try:
        return FieldKit(file)
    except BaseException:
        file.close()
        raise


# --- export ---------------------------------------------------------------------------------------


def _sha(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def trip_fingerprint(trip: Trip) -> dict[str, Any]:
    """The trip as planned (caravan, times, stops) and the row versions, to tell later whether the
    office changed it."""
    planned = {
        "caravan": trip.caravan.code,
        "leave_at": trip.leave_at.isoformat(),
        "back_at": trip.back_at.isoformat(),
        "stops": [
            {
                "seq": s.seq,
                "venue": s.venue.code,
                "show_start": s.show_start.isoformat(),
                "show_end": s.show_end.isoformat(),
            }
            for s in sorted(trip.stops, key=lambda s: s.seq)
        ],
    }
    versions = {"trip": trip.version, "stops": {str(s.seq): s.version for s in trip.stops}}
    return {"planned": planned, "planned_sha256": _sha(planned), "versions": versions}


def placement_fingerprint(placement: SetPlacement) -> dict[str, Any]:
    planned = {
        "set": placement.exhibit_set.code,
        "venue": placement.venue.code,
        "start_on": placement.start_on.isoformat(),
        "end_on": placement.end_on.isoformat(),
    }
    return {"planned": planned, "planned_sha256": _sha(planned), "versions": {"placement": placement.version}}


def _kit_venue(venue: Venue) -> KitVenue:
    county: Region = venue.county
    return KitVenue(
        code=venue.code,
        name=venue.name,
        county=county.name,
        city=county.parent.name if county.parent else "",
        address=venue.address,
        lat=venue.lat,
        lon=venue.lon,
        contact_name=venue.contact_name,
        contact_phone=venue.contact_phone,
    )


def _kit_depot(depot: Depot) -> KitDepot:
    return KitDepot(code=depot.code, name=depot.name, address=depot.address, lat=depot.lat, lon=depot.lon)


def _kit_exhibits(exhibits: list[Exhibit]) -> tuple[KitExhibit, ...]:
    return tuple(
        KitExhibit(
            code=e.code, name_zh=e.name_zh, name_en=e.name_en, theme=e.theme, condition=e.condition.value
        )
        for e in sorted(exhibits, key=lambda e: e.code)
    )


def _manifest(
    kind: str, code: str, fingerprint: dict[str, Any], by: str | None, now: datetime | None
) -> KitManifest:
    return KitManifest(
        format=FORMAT,
        schema_version=migrate.head_revision(),
        kit_id=str(uuid.uuid4()),
        kind=kind,
        code=code,
        exported_at=(now or datetime.now()).replace(microsecond=0),
        exported_by=by if by is not None else current_user(),
        fingerprint=fingerprint,
    )


def _refuse_to_lose_records(db: Database, out: Path, force: bool) -> None:
    if force or not out.exists():
        return
    found = unverified_records(out)
    if found is None or not found[1]:
        return
    kit_id, record_ids = found
    with db.session(audited=False) as s:
        taken = set(s.scalars(select(KitImport.record_id).where(KitImport.kit_id == kit_id)))
    waiting = [r for r in record_ids if r not in taken]
    if waiting:
        raise KitHoldsRecords(str(out), len(waiting))


def export_trip(
    db: Database,
    code: str,
    out: Path,
    *,
    lang: str = "zh",
    exported_by: str | None = None,
    now: datetime | None = None,
    force: bool = False,
) -> KitManifest:
    """Write the kit of one caravan trip to `out`; returns its manifest. A kit at `out` whose records
    are not all imported is not replaced unless `force` (KitHoldsRecords)."""
    _refuse_to_lose_records(db, Path(out), force)
    with db.session(audited=False) as s:
        trip = s.scalar(
            select(Trip)
            .options(
                joinedload(Trip.plan),
                joinedload(Trip.caravan).joinedload(Caravan.home_depot),
                selectinload(Trip.stops)
                .joinedload(TourStop.venue)
                .joinedload(Venue.county)
                .joinedload(Region.parent),
            )
            .where(Trip.code == code)
        )
        if trip is None:
            raise CaravanError(f"no trip {code!r}")
        plan_view = tour_plan_view(s, trip.plan.name, lang)
        trip_view = next(t for t in plan_view.trips if t.code == code)
        # Only this trip: the other trips' venues and contacts stay in the office.
        view = replace(
            plan_view,
            trips=(trip_view,),
            unserved=(),
            per_caravan=tuple(f for f in plan_view.per_caravan if f.caravan_code == trip_view.caravan_code),
        )
        stops = sorted(trip.stops, key=lambda st: st.seq)
        venues = {st.venue.code: _kit_venue(st.venue) for st in stops}
        exhibits = list(
            s.scalars(
                select(Exhibit).where(Exhibit.caravan_id == trip.caravan_id, Exhibit.status.not_in(GONE))
            )
        )
        contents = KitContents(
            kind="trip",
            code=trip.code,
            plan_name=trip.plan.name,
            facility_code=trip.caravan.code,
            facility_name=trip.caravan.plate,
            caravan_type=trip.caravan.type.value,
            depot=_kit_depot(trip.caravan.home_depot),
            start=trip.leave_at.date(),
            end=trip.back_at.date(),
            stops=tuple(
                KitStop(
                    seq=st.seq,
                    venue_code=st.venue.code,
                    arrive_at=st.arrive_at,
                    show_start=st.show_start,
                    show_end=st.show_end,
                    km_from_previous=st.km_from_previous,
                )
                for st in stops
            ),
            venues=tuple(venues[c] for c in dict.fromkeys(st.venue.code for st in stops)),
            exhibits=_kit_exhibits(exhibits),
        )
        manifest = _manifest("trip", trip.code, trip_fingerprint(trip), exported_by, now)
    sheet = route_sheets(view, lang, trip_codes=[code], printed_on=manifest.exported_at.date())
    # The map's title speaks of this trip: its own days, not the plan's term and served count.
    trip_only = replace(
        view,
        name=f"{view.name} · {code}",
        start=trip_view.leave_at.date(),
        end=trip_view.back_at.date(),
        requests=0,
        served=0,
    )
    page = render_tour_map(trip_only, lang)
    parts = [
        (CONTENTS_PART, JSON, contents.to_json().encode("utf-8")),
        (ROUTE_SHEET_PART, PDF, sheet),
        (MAP_PART, HTML, page.encode("utf-8")),
    ]
    # The route sheet ends with the checklist and the condition form.
    return write_kit(Path(out), replace(manifest, condition_form=ROUTE_SHEET_PART), parts)


def export_placement(
    db: Database,
    code: str,
    out: Path,
    *,
    lang: str = "zh",
    exported_by: str | None = None,
    now: datetime | None = None,
    force: bool = False,
) -> KitManifest:
    """Write the kit of one museum set's stay in a venue to `out`; returns its manifest. A kit at `out`
    whose records are not all imported is not replaced unless `force` (KitHoldsRecords)."""
    _refuse_to_lose_records(db, Path(out), force)
    with db.session(audited=False) as s:
        placement = s.scalar(
            select(SetPlacement)
            .options(
                joinedload(SetPlacement.plan),
                joinedload(SetPlacement.exhibit_set).joinedload(ExhibitSet.home_depot),
                joinedload(SetPlacement.venue).joinedload(Venue.county).joinedload(Region.parent),
            )
            .where(SetPlacement.code == code)
        )
        if placement is None:
            raise CaravanError(f"no set placement {code!r}")
        exhibit_set, venue = placement.exhibit_set, placement.venue
        depot = exhibit_set.home_depot
        exhibits = list(
            s.scalars(select(Exhibit).where(Exhibit.set_id == exhibit_set.id, Exhibit.status.not_in(GONE)))
        )
        days = []
        day = placement.start_on
        while day <= placement.end_on:
            if is_open_on(venue.open_weekdays, day):
                days.append(day)
            day += timedelta(days=1)
        plan_name = placement.plan.name if placement.plan else ""
        contents = KitContents(
            kind="placement",
            code=placement.code,
            plan_name=plan_name,
            facility_code=exhibit_set.code,
            facility_name=exhibit_set.name,
            caravan_type="",
            depot=_kit_depot(depot),
            start=placement.start_on,
            end=placement.end_on,
            days=tuple(days),
            venues=(_kit_venue(venue),),
            exhibits=_kit_exhibits(exhibits),
        )
        depot_view = DepotView(depot.code, depot.name, PlaceView(depot.lat, depot.lon), depot.address)
        here = PlaceView(venue.lat, venue.lon)
        stay = SetMoveView(
            set_code=exhibit_set.code,
            set_name=exhibit_set.name,
            theme=exhibit_set.theme,
            period=0,
            period_start=placement.start_on,
            period_end=placement.end_on,
            venue_code=venue.code,
            venue_name=venue.name,
            county=venue.county.name,
            county_adcode=venue.county.adcode,
            place=here,
            from_name=depot.name,
            from_place=depot_view.place,
            km=road_km(depot_view.place, here),
            truck_loads=exhibit_set.truck_loads,
            locked=placement.locked,
        )
        if placement.plan is not None and placement.period is not None:
            # The move the plan makes into this stay (from the hall before, or from a depot), shown
            # as the kit's one period.
            planned = rotation_plan_view(s, placement.plan.name)
            stay = next(
                (
                    replace(m, period=0)
                    for m in planned.stays
                    if m.set_code == exhibit_set.code and m.period == placement.period
                ),
                stay,
            )
        view = RotationPlanView(
            name=f"{plan_name} · {placement.code}" if plan_name else placement.code,
            start=placement.start_on,
            periods=((placement.start_on, placement.end_on),),
            stays=(stay,),
            depots=(depot_view,),
            status=placement.plan.status.value if placement.plan else "approved",
        )
        load = tuple(
            ExhibitView(
                code=e.code,
                name=e.name_en if lang == "en" and e.name_en else e.name_zh,
                theme=e.theme,
                condition=e.condition.value,
                weight_kg=e.weight_kg,
            )
            for e in sorted(exhibits, key=lambda e: e.code)
        )
        manifest = _manifest("placement", placement.code, placement_fingerprint(placement), exported_by, now)
        title = f"{exhibit_set.code} {exhibit_set.name} — {venue.name}"
    printed = manifest.exported_at.date()
    parts = [
        (CONTENTS_PART, JSON, contents.to_json().encode("utf-8")),
        (ROUTE_SHEET_PART, PDF, rotation_schedule(view, lang, printed_on=printed)),
        (MAP_PART, HTML, render_rotation_map(view, lang).encode("utf-8")),
        (CONDITION_FORM_PART, PDF, condition_form(title, load, lang, plan_name=code, printed_on=printed)),
    ]
    return write_kit(Path(out), replace(manifest, condition_form=CONDITION_FORM_PART), parts)


# --- import ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedRow:
    """One record taken in: the row it made or updated, or that a later record superseded it."""

    seq: int
    kind: str  # show, condition, damage
    action: str  # created, updated, superseded
    table: str  # events, condition_checks, maintenance_records; empty when superseded
    code: str
    summary: str
    entry: Entry | None = None  # what was recorded, for a window to word in its own language


@dataclass(frozen=True)
class ImportResult:
    kit_id: str
    kind: str  # trip | placement
    code: str
    rows: tuple[ImportedRow, ...] = ()
    already_imported: bool = False
    # What changed in the office since export, when the import was made anyway.
    accepted_changes: tuple[OfficeChange, ...] = ()

    def counts(self) -> dict[str, int]:
        """Rows created or updated, per record kind."""
        counts: dict[str, int] = defaultdict(int)
        for row in self.rows:
            if row.action != "superseded":
                counts[row.kind] += 1
        return dict(counts)

    def lines(self) -> list[str]:
        head = f"kit {self.kit_id} ({self.kind} {self.code})"
        if self.already_imported:
            return [f"{head}: already imported, nothing changed"]
        counts = self.counts()
        lines = [
            f"{head}: {counts.get(SHOW, 0)} show(s), {counts.get(CONDITION, 0)} condition check(s), "
            f"{counts.get(DAMAGE, 0)} damage or loss record(s)"
        ]
        lines += [f"  accepted office change: {c}" for c in self.accepted_changes]
        lines += [
            f"  record {r.seq}: {r.action} {r.table + ' ' if r.table else ''}{r.code} {r.summary}".rstrip()
            for r in self.rows
        ]
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())


def derived_code(prefix: str, kit_id: str, record_id: str) -> str:
    """A row's code made from the kit and the record, the same however often it is imported."""
    digest = hashlib.sha256(f"{kit_id}/{record_id}".encode()).hexdigest()[:14].upper()
    return f"{prefix}-K{digest}"


def _describe_changes(kind: str, before: dict[str, Any], now: dict[str, Any] | None) -> list[OfficeChange]:
    """What changed between the fingerprint at export and the trip or placement now."""
    if now is None:
        return [OfficeChange("gone", (kind,))]
    old, new = before.get("planned", {}), now["planned"]
    changes: list[OfficeChange] = []
    for name in sorted(set(old) | set(new)):
        if name == "stops" or old.get(name) == new.get(name):
            continue
        changes.append(OfficeChange("field", (name, str(old.get(name)), str(new.get(name)))))
    old_stops = {s["seq"]: s for s in old.get("stops", [])}
    new_stops = {s["seq"]: s for s in new.get("stops", [])}
    for seq in sorted(set(old_stops) | set(new_stops)):
        a, b = old_stops.get(seq), new_stops.get(seq)
        if a is None:
            changes.append(OfficeChange("stop_added", (str(seq), b["venue"] if b else "")))
        elif b is None:
            changes.append(OfficeChange("stop_removed", (str(seq), a["venue"])))
        else:
            for name in ("venue", "show_start", "show_end"):
                if a[name] != b[name]:
                    changes.append(OfficeChange("stop_field", (str(seq), name, str(a[name]), str(b[name]))))
    if not changes and before.get("versions") != now["versions"]:
        changes.append(OfficeChange("saved_again", (str(before.get("versions")), str(now["versions"]))))
    return changes


def _current_fingerprint(s: Session, manifest: KitManifest) -> dict[str, Any] | None:
    if manifest.kind == "trip":
        trip = s.scalar(
            select(Trip)
            .options(joinedload(Trip.caravan), selectinload(Trip.stops).joinedload(TourStop.venue))
            .where(Trip.code == manifest.code)
        )
        return trip_fingerprint(trip) if trip else None
    placement = s.scalar(
        select(SetPlacement)
        .options(joinedload(SetPlacement.exhibit_set), joinedload(SetPlacement.venue))
        .where(SetPlacement.code == manifest.code)
    )
    return placement_fingerprint(placement) if placement else None


class _Rows:
    """Looks up by code the rows records refer to; a code the database lacks names the record."""

    def __init__(self, s: Session, contents: KitContents) -> None:
        self.s = s
        self.contents = contents
        self._ids: dict[tuple[type[Any], str], int] = {}

    def id_of(self, model: type[Venue | Caravan | ExhibitSet], code: str, seq: int, field: str) -> int:
        key = (model, code)
        if key not in self._ids:
            found = self.s.scalar(select(model.id).where(model.code == code))
            if found is None:
                raise KitRecordInvalid(field, code, "is not in this database", seq)
            self._ids[key] = found
        return self._ids[key]

    def exhibit(self, code: str, seq: int) -> Exhibit:
        exhibit = self.s.scalar(select(Exhibit).where(Exhibit.code == code))
        if exhibit is None:
            raise KitRecordInvalid("exhibit", code, "is not in this database", seq)
        return exhibit


def _show_values(entry: ShowEntry, contents: KitContents, rows: _Rows, seq: int) -> dict[str, Any]:
    # A trip's show; a set's stay is one event summed over its days (_stay_values).
    assert contents.kind == "trip" and entry.stop is not None
    stop = contents.stop(entry.stop)
    assert stop is not None
    held_on = stop.show_start.date()
    venue_code = stop.venue_code
    facility = {"caravan_id": rows.id_of(Caravan, contents.facility_code, seq, "caravan"), "set_id": None}
    km = stop.km_from_previous if entry.status == "held" else 0.0
    return {
        "venue_id": rows.id_of(Venue, venue_code, seq, "venue"),
        "held_on": held_on,
        **facility,
        "visitors": entry.visitors,
        "km_driven": km,
        "activity": entry.activity,
        "notes": entry.notes,
        "status": EventStatus(entry.status),
        "cancel_reason": entry.cancel_reason,
        "started_at": datetime.combine(held_on, entry.start) if entry.start else None,
        "ended_at": datetime.combine(held_on, entry.end) if entry.end else None,
        "audience": entry.audience,
        "feedback": entry.feedback,
    }


def _apply(
    s: Session,
    rows: _Rows,
    contents: KitContents,
    record: KitRecord,
    entry: Entry,
    code: str,
    existing: str | None,
) -> tuple[str, str, str]:
    """Make (or, for a superseding record, update) the row of one record: (table, code, summary)."""
    seq = record.seq
    if isinstance(entry, ShowEntry):
        values = _show_values(entry, contents, rows, seq)
        event = s.scalar(select(Event).where(Event.code == existing)) if existing else None
        if event is None:
            event = Event(code=code, **values)
            s.add(event)
        else:
            for name, value in values.items():
                setattr(event, name, value)
        where = f"stop {entry.stop}" if entry.stop is not None else str(entry.day)
        what = (
            f"held, {entry.visitors} visitors"
            if entry.status == "held"
            else f"cancelled: {entry.cancel_reason}"
        )
        return "events", event.code, f"{where} {values['held_on']}: {what}"
    if isinstance(entry, ConditionEntry):
        exhibit = rows.exhibit(entry.exhibit, seq)
        check = s.scalar(select(ConditionCheck).where(ConditionCheck.code == existing)) if existing else None
        values = {
            "exhibit_id": exhibit.id,
            "checked_on": entry.checked_on,
            "grade": ConditionGrade(entry.grade),
            "context": CheckContext.FIELD,
            "fault": entry.fault,
            "checked_by": entry.checked_by,
            "photo_path": entry.photo_path,
        }
        if check is None:
            check = ConditionCheck(code=code, **values)
            s.add(check)
        else:
            for name, value in values.items():
                setattr(check, name, value)
        return "condition_checks", check.code, f"{entry.exhibit} grade {entry.grade} on {entry.checked_on}"
    assert isinstance(entry, DamageEntry)
    exhibit = rows.exhibit(entry.exhibit, seq)
    s.add(
        MaintenanceRecord(
            code=code,
            exhibit_id=exhibit.id,
            kind=MaintenanceKind.REPAIR,
            opened_on=entry.on,
            fault=entry.description,
            notes=f"{entry.kind} reported in the field ({contents.kind} {contents.code}, record {seq})",
        )
    )
    if entry.kind == "loss":
        # A lost exhibit keeps its last place: the one-place rule holds, and that is where it went missing.
        exhibit.status = ExhibitStatus.LOST
    return "maintenance_records", code, f"{entry.exhibit} {entry.kind} on {entry.on}: {entry.description}"


_PREFIX = {SHOW: "EV", CONDITION: "CC", DAMAGE: "MR"}


def _stay_values(days: dict[date, ShowEntry], contents: KitContents, rows: _Rows, seq: int) -> dict[str, Any]:
    """A set's stay as its one event: the open days' visitors summed, the closed days and why."""
    held = sorted((d, e) for d, e in days.items() if e.status == "held")
    closed = sorted((d, e) for d, e in days.items() if e.status != "held")
    first_day = held[0][0] if held else min(days)
    first, last = (held[0][1], held[-1][1]) if held else (None, None)
    audiences = list(dict.fromkeys(e.audience for _d, e in held if e.audience))
    notes = [f"{len(held)} day(s) open, {len(closed)} closed"]
    notes += [f"{d:%m-%d} closed: {e.cancel_reason}" for d, e in closed]
    notes += [f"{d:%m-%d}: {e.notes}" for d, e in sorted(days.items()) if e.notes]
    return {
        "venue_id": rows.id_of(Venue, contents.venues[0].code, seq, "venue"),
        "held_on": first_day,
        "set_id": rows.id_of(ExhibitSet, contents.facility_code, seq, "set"),
        "caravan_id": None,
        "visitors": sum(e.visitors for _d, e in held),
        "km_driven": 0.0,
        "activity": next((e.activity for _d, e in held if e.activity), "")[:100],
        "notes": "\n".join(notes),
        "status": EventStatus.HELD if held else EventStatus.CANCELLED,
        "cancel_reason": "" if held else "; ".join(f"{d:%m-%d}: {e.cancel_reason}" for d, e in closed)[:200],
        "started_at": datetime.combine(held[0][0], first.start) if first and first.start else None,
        "ended_at": datetime.combine(held[-1][0], last.end) if last and last.end else None,
        "audience": "、".join(audiences)[:100],
        "feedback": "\n".join(f"{d:%m-%d}: {e.feedback}" for d, e in held if e.feedback),
    }


def import_kit(
    db: Database, path: Path, *, accept_conflict: bool = False, now: datetime | None = None
) -> ImportResult:
    """Take a kit's new records into the database in one transaction; see the module docstring.

    Rows are shared by every kit of the same trip or placement: a second kit's show at the same stop
    updates the event the first one made rather than adding another, and a set's stay stays one event
    whose figures are summed again over every day recorded in any of its kits.
    """
    with open_kit(Path(path)) as kit:
        manifest, contents, records = kit.manifest, kit.contents, kit.records()
    at = (now or datetime.now()).replace(microsecond=0)
    subject = f"{manifest.kind}:{manifest.code}"
    with db.session() as s:
        taken = list(s.scalars(select(KitImport).where(KitImport.kit_id == manifest.kit_id)))
        seen = {t.record_id for t in taken}
        new = [r for r in records if r.record_id not in seen]
        if not new:
            # A kit with no records yet has nothing to import, but it was not imported either.
            done = bool(records)
            return ImportResult(manifest.kit_id, manifest.kind, manifest.code, already_imported=done)
        changes = _describe_changes(manifest.kind, manifest.fingerprint, _current_fingerprint(s, manifest))
        if changes and not accept_conflict:
            raise KitConflict(f"{manifest.kind} {manifest.code}", changes)
        entries = {r.seq: parse_entry(r.kind, r.payload, contents, r.seq) for r in new}
        newest = {r.key: r for r in latest(records)}
        earlier = list(
            s.scalars(select(KitImport).where(KitImport.subject == subject).order_by(KitImport.id))
        )
        # The row each key made in an earlier import of any kit of this subject; a later record updates it.
        made: dict[str, str] = {t.record_key: t.row_code for t in earlier if t.row_code}
        rows = _Rows(s, contents)
        result: list[ImportedRow] = []
        checked_exhibits: set[int] = set()
        stay = contents.kind == "placement"
        stay_days: dict[date, ShowEntry] = {}
        stay_code = next((t.row_code for t in earlier if t.kind == SHOW and t.row_code), None)
        if stay:
            for t in earlier:
                if t.kind == SHOW and t.action != "superseded":
                    try:
                        day_entry = parse_entry(SHOW, json.loads(t.payload), contents, t.seq)
                    except (KitRecordInvalid, ValueError):
                        continue  # a day no longer part of the stay
                    if isinstance(day_entry, ShowEntry) and day_entry.day is not None:
                        stay_days[day_entry.day] = day_entry
        stay_new = stay_code is None
        stay_code = stay_code or derived_code("EV", subject, "stay")
        for record in new:
            entry = entries[record.seq]
            if newest[record.key] is not record:
                table, code, action, summary = "", "", "superseded", f"by record {newest[record.key].seq}"
            elif stay and isinstance(entry, ShowEntry):
                assert entry.day is not None
                action = "updated" if record.key in made else "created"
                stay_days[entry.day] = entry
                table, code = "events", stay_code
                what = (
                    f"open, {entry.visitors} visitors"
                    if entry.status == "held"
                    else f"closed: {entry.cancel_reason}"
                )
                summary = f"{entry.day}: {what}"
                made[record.key] = code
            else:
                existing = made.get(record.key)
                fresh = derived_code(_PREFIX[record.kind], manifest.kit_id, record.record_id)
                table, code, summary = _apply(s, rows, contents, record, entry, fresh, existing)
                action = "updated" if existing else "created"
                made[record.key] = code
                if isinstance(entry, ConditionEntry):
                    checked_exhibits.add(rows.exhibit(entry.exhibit, record.seq).id)
            s.add(
                KitImport(
                    kit_id=manifest.kit_id,
                    record_id=record.record_id,
                    seq=record.seq,
                    kind=record.kind,
                    subject=subject,
                    record_key=record.key,
                    payload=canonical_json(record.payload),
                    row_table=table,
                    row_code=code,
                    action=action,
                    imported_at=at,
                    imported_by=current_user(),
                )
            )
            result.append(ImportedRow(record.seq, record.kind, action, table, code, summary, entry))
        if stay and stay_days and any(r.table == "events" for r in result):
            values = _stay_values(stay_days, contents, rows, new[0].seq)
            event = None if stay_new else s.scalar(select(Event).where(Event.code == stay_code))
            if event is None:
                s.add(Event(code=stay_code, **values))
            else:
                for name, value in values.items():
                    setattr(event, name, value)
        s.flush()
        # An exhibit's grade is its latest check's, whichever kit or office desk it came from: a
        # check dated earlier than one already held does not set the grade back.
        for exhibit_id in checked_exhibits:
            grade = s.scalar(
                select(ConditionCheck.grade)
                .where(ConditionCheck.exhibit_id == exhibit_id)
                .order_by(ConditionCheck.checked_on.desc(), ConditionCheck.id.desc())
                .limit(1)
            )
            exhibit = s.get(Exhibit, exhibit_id)
            if exhibit is not None and grade is not None:
                exhibit.condition = grade
    return ImportResult(
        manifest.kit_id,
        manifest.kind,
        manifest.code,
        rows=tuple(result),
        accepted_changes=tuple(changes),
    )


def kit_summary(path: Path) -> KitManifest:
    """The manifest of a verified kit (for `kit show`)."""
    with open_kit(Path(path)) as kit:
        return kit.manifest


__all__ = [
    "FieldKit",
    "ImportResult",
    "ImportedRow",
    "KitError",
    "export_placement",
    "export_trip",
    "import_kit",
    "open_kit",
]
