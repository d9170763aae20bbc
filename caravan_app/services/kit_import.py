"""Taking a field kit back: its latest records become events, condition checks and maintenance needs.

Each row made gets a code derived from the kit and the record, and kit_imports remembers every record
taken, so a second import of the same kit changes nothing and a kit with more records brings only
those. A trip or placement changed in the office since export is a conflict the user must accept.

What a kit may touch comes from the database, never from the kit: the copy of the trip's stops or the
stay's dates and the exhibits on board that the database kept when it wrote the kit (kit_exports), or,
for a kit it has no copy of, the trip or placement as it stands. A record outside that is refused,
naming the record, and accepting a conflict does not widen it.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.enums import CheckContext, ConditionGrade, EventStatus, ExhibitStatus, MaintenanceKind
from caravan_app.domain.kit import (
    CONDITION,
    DAMAGE,
    SHOW,
    ConditionEntry,
    DamageEntry,
    Entry,
    KitContents,
    KitManifest,
    KitRecord,
    OfficeChange,
    ShowEntry,
    canonical_json,
    latest,
    parse_entry,
)
from caravan_app.errors import KitConflict, KitOutOfScope, KitRecordInvalid
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    ConditionCheck,
    Event,
    Exhibit,
    ExhibitSet,
    KitExport,
    KitImport,
    MaintenanceRecord,
    Venue,
)
from caravan_app.services.field_kit import open_kit
from caravan_app.services.kit_export import current_contents

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


def _given(
    s: Session, manifest: KitManifest
) -> tuple[KitContents | None, dict[str, Any], dict[str, Any] | None]:
    """What the database gave the kit (None if it has no copy and the trip or placement is gone), the
    fingerprint at export, and the fingerprint now (None if gone)."""
    exported = s.scalar(select(KitExport).where(KitExport.kit_id == manifest.kit_id))
    current = current_contents(s, manifest.kind, manifest.code)
    now = current[1] if current else None
    if exported is not None:
        if (exported.kind, exported.code) != (manifest.kind, manifest.code):
            # The kit's id is one this database wrote for another trip or placement.
            raise KitOutOfScope(exported.kind, exported.code, None, manifest.kind, manifest.code)
        return KitContents.from_json(exported.scope), json.loads(exported.fingerprint), now
    # Written before the database kept copies, or by another database: the trip or placement as it
    # stands is all it may touch, and its own fingerprint is only compared.
    return (current[0] if current else None), manifest.fingerprint, now


def _in_scope(record: KitRecord, kit: KitContents, given: KitContents | None) -> Entry:
    """The record's entry, checked first against the kit (as the crew typed it), then against what the
    database gave the kit; the second refusal is KitOutOfScope, naming the record."""
    entry = parse_entry(record.kind, record.payload, kit, record.seq)
    if given is None:
        raise KitOutOfScope(kit.kind, kit.code, record.seq, kit.kind, kit.code)
    try:
        entry = parse_entry(record.kind, record.payload, given, record.seq)
    except KitRecordInvalid as exc:
        raise KitOutOfScope(given.kind, given.code, record.seq, exc.field, exc.value) from exc
    if isinstance(entry, ShowEntry) and entry.stop is not None:
        # The stop the crew was shown must be the stop the database gave: same venue, same day.
        ours, theirs = given.stop(entry.stop), kit.stop(entry.stop)
        assert ours is not None and theirs is not None
        if (ours.venue_code, ours.show_start.date()) != (theirs.venue_code, theirs.show_start.date()):
            shown = f"{theirs.venue_code} {theirs.show_start.date()}"
            raise KitOutOfScope(given.kind, given.code, record.seq, "stop", shown)
    return entry


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
                raise KitRecordInvalid(field, code, "is not in this database", seq, rule="not_in_database")
            self._ids[key] = found
        return self._ids[key]

    def exhibit(self, code: str, seq: int) -> Exhibit:
        exhibit = self.s.scalar(select(Exhibit).where(Exhibit.code == code))
        if exhibit is None:
            raise KitRecordInvalid("exhibit", code, "is not in this database", seq, rule="not_in_database")
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
        given, exported, current = _given(s, manifest)
        changes = _describe_changes(manifest.kind, exported, current)
        if changes and not accept_conflict:
            raise KitConflict(f"{manifest.kind} {manifest.code}", changes)
        # Accepting a conflict takes the records in; it never widens what they may touch.
        entries = {r.seq: _in_scope(r, contents, given) for r in new}
        assert given is not None  # _in_scope refused every record otherwise
        newest = {r.key: r for r in latest(records)}
        earlier = list(
            s.scalars(select(KitImport).where(KitImport.subject == subject).order_by(KitImport.id))
        )
        # The row each key made in an earlier import of any kit of this subject; a later record updates it.
        made: dict[str, str] = {t.record_key: t.row_code for t in earlier if t.row_code}
        rows = _Rows(s, given)
        result: list[ImportedRow] = []
        checked_exhibits: set[int] = set()
        stay = given.kind == "placement"
        stay_days: dict[date, ShowEntry] = {}
        stay_code = next((t.row_code for t in earlier if t.kind == SHOW and t.row_code), None)
        if stay:
            for t in earlier:
                if t.kind == SHOW and t.action != "superseded":
                    try:
                        day_entry = parse_entry(SHOW, json.loads(t.payload), given, t.seq)
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
                table, code, summary = _apply(s, rows, given, record, entry, fresh, existing)
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
                    imported_by=db.user_name,
                )
            )
            result.append(ImportedRow(record.seq, record.kind, action, table, code, summary, entry))
        if stay and stay_days and any(r.table == "events" for r in result):
            values = _stay_values(stay_days, given, rows, new[0].seq)
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
