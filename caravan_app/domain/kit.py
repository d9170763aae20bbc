"""A field kit's contents and entries as plain data, and the rules a field entry must keep.

A kit (.ckit) carries one caravan trip or one museum-set placement to a laptop with no network: what
the crew needs (stops or days, venues with the one contact each needs, the exhibits on board, the
depot) and the entries the crew records there (a show held or cancelled, an exhibit's condition,
damage or a loss). The file format lives in persistence/kit_file.py, export and import in
services/field_kit.py; this module is shared by both and by the field-mode window.

Entries are stored as JSON payloads; `parse_entry` checks a payload against the kit's contents and
names the field and value it refuses, so the same rules hold when the crew types an entry and when
the office imports it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from caravan_app.domain.enums import ConditionGrade
from caravan_app.domain.kit_manifest import KIT_KINDS as KIT_KINDS
from caravan_app.domain.kit_manifest import KitManifest as KitManifest
from caravan_app.domain.kit_manifest import OfficeChange as OfficeChange
from caravan_app.domain.kit_manifest import PartInfo as PartInfo
from caravan_app.domain.kit_manifest import canonical_json as canonical_json
from caravan_app.domain.kit_manifest import file_name_part as file_name_part
from caravan_app.errors import KitError, KitRecordInvalid

FORMAT = "caravan_app.kit/1"
SHOW, CONDITION, DAMAGE = "show", "condition", "damage"
RECORD_KINDS = (SHOW, CONDITION, DAMAGE)
SHOW_STATUSES = ("held", "cancelled")
DAMAGE_KINDS = ("damage", "loss")
CONTENTS_PART = "contents.json"
ROUTE_SHEET_PART = "route-sheet.pdf"
MAP_PART = "map.html"
CONDITION_FORM_PART = "condition-form.pdf"

# The widths of the central database's columns the entries end up in.
MAX_ACTIVITY = 100
# More visitors than any show draws; a typing slip, and more than the database's whole numbers hold.
MAX_COUNT = 1_000_000
MAX_AUDIENCE = 100
MAX_REASON = 200
MAX_FAULT = 200
MAX_PHOTO_PATH = 260
MAX_CHECKED_BY = 40


# --- contents -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KitVenue:
    code: str
    name: str
    county: str
    city: str
    address: str
    lat: float  # GCJ-02, like the reference data
    lon: float
    contact_name: str
    contact_phone: str


@dataclass(frozen=True)
class KitDepot:
    code: str
    name: str
    address: str
    lat: float
    lon: float


@dataclass(frozen=True)
class KitStop:
    seq: int
    venue_code: str
    arrive_at: datetime
    show_start: datetime
    show_end: datetime
    km_from_previous: float


@dataclass(frozen=True)
class KitExhibit:
    code: str
    name_zh: str
    name_en: str
    theme: str
    condition: str  # the last grade the office knows, A-D


@dataclass(frozen=True)
class KitContents:
    """The trip (its stops) or the placement (its days) and what the crew needs for it."""

    kind: str  # trip | placement
    code: str
    plan_name: str
    facility_code: str  # the caravan's code, or the set's
    facility_name: str  # the caravan's plate, or the set's name
    caravan_type: str  # I-IV for a caravan, empty for a set
    depot: KitDepot
    start: date
    end: date
    stops: tuple[KitStop, ...] = ()  # a trip's stops
    days: tuple[date, ...] = ()  # a placement's open days
    venues: tuple[KitVenue, ...] = ()
    exhibits: tuple[KitExhibit, ...] = ()
    _by_code: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_code.update({f"v:{v.code}": v for v in self.venues})
        self._by_code.update({f"e:{e.code}": e for e in self.exhibits})
        self._by_code.update({f"s:{s.seq}": s for s in self.stops})

    def venue(self, code: str) -> KitVenue:
        found = self._by_code.get(f"v:{code}")
        if not isinstance(found, KitVenue):
            raise KitError(f"the kit has no venue {code!r}")
        return found

    def exhibit(self, code: str) -> KitExhibit | None:
        found = self._by_code.get(f"e:{code}")
        return found if isinstance(found, KitExhibit) else None

    def stop(self, seq: int) -> KitStop | None:
        found = self._by_code.get(f"s:{seq}")
        return found if isinstance(found, KitStop) else None

    def to_json(self) -> str:
        data = {
            "kind": self.kind,
            "code": self.code,
            "plan_name": self.plan_name,
            "facility_code": self.facility_code,
            "facility_name": self.facility_name,
            "caravan_type": self.caravan_type,
            "depot": vars(self.depot),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "stops": [
                {
                    "seq": s.seq,
                    "venue_code": s.venue_code,
                    "arrive_at": s.arrive_at.isoformat(),
                    "show_start": s.show_start.isoformat(),
                    "show_end": s.show_end.isoformat(),
                    "km_from_previous": s.km_from_previous,
                }
                for s in self.stops
            ],
            "days": [d.isoformat() for d in self.days],
            "venues": [vars(v) for v in self.venues],
            "exhibits": [vars(e) for e in self.exhibits],
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> KitContents:
        try:
            data = json.loads(text)
            return cls(
                kind=data["kind"],
                code=data["code"],
                plan_name=data["plan_name"],
                facility_code=data["facility_code"],
                facility_name=data["facility_name"],
                caravan_type=data["caravan_type"],
                depot=KitDepot(**data["depot"]),
                start=date.fromisoformat(data["start"]),
                end=date.fromisoformat(data["end"]),
                stops=tuple(
                    KitStop(
                        seq=int(s["seq"]),
                        venue_code=s["venue_code"],
                        arrive_at=datetime.fromisoformat(s["arrive_at"]),
                        show_start=datetime.fromisoformat(s["show_start"]),
                        show_end=datetime.fromisoformat(s["show_end"]),
                        km_from_previous=float(s["km_from_previous"]),
                    )
                    for s in data["stops"]
                ),
                days=tuple(date.fromisoformat(d) for d in data["days"]),
                venues=tuple(KitVenue(**v) for v in data["venues"]),
                exhibits=tuple(KitExhibit(**e) for e in data["exhibits"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KitError(f"the kit's contents are not readable ({exc})") from exc


# --- entries --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowEntry:
    """A show at a trip's stop (`stop`) or on a day of a placement (`day`): held, or cancelled and why."""

    stop: int | None
    day: date | None
    status: str
    cancel_reason: str
    start: time | None
    end: time | None
    visitors: int
    activity: str
    audience: str  # who came, e.g. 小学生、村民
    feedback: str
    notes: str


@dataclass(frozen=True)
class ConditionEntry:
    exhibit: str
    grade: str
    fault: str
    photo_path: str
    checked_by: str
    checked_on: date


@dataclass(frozen=True)
class DamageEntry:
    exhibit: str
    kind: str  # damage | loss
    description: str
    on: date


Entry = ShowEntry | ConditionEntry | DamageEntry


@dataclass(frozen=True)
class KitRecord:
    """One committed field entry; `sha256` chains it to the record before it."""

    seq: int
    record_id: str
    kind: str
    payload: dict[str, Any]
    recorded_at: datetime
    sha256: str

    @property
    def key(self) -> str:
        return record_key(self.kind, self.payload, self.record_id)


def record_key(kind: str, payload: dict[str, Any], record_id: str) -> str:
    """What a later entry of the same key supersedes: the same stop's (or day's) show, the same
    exhibit's condition on the same day. Each damage or loss stands on its own."""
    if kind == SHOW:
        where = (
            f"stop {payload.get('stop')}" if payload.get("stop") is not None else f"day {payload.get('day')}"
        )
        return f"show {where}"
    if kind == CONDITION:
        return f"condition {payload.get('exhibit')} {payload.get('checked_on')}"
    return f"{kind} {record_id}"


def latest(records: list[KitRecord]) -> list[KitRecord]:
    """The records no later record supersedes, in the order they were made."""
    last: dict[str, KitRecord] = {}
    for record in records:
        last[record.key] = record
    return sorted(last.values(), key=lambda r: r.seq)


class _Checker:
    """Reads one payload's fields, refusing a value with its field's name."""

    def __init__(self, payload: dict[str, Any], seq: int | None) -> None:
        self.payload = payload
        self.seq = seq

    def fail(self, name: str, value: object, reason: str, rule: str, **values: object) -> KitRecordInvalid:
        return KitRecordInvalid(name, value, reason, self.seq, rule=rule, **values)

    def text(self, name: str, limit: int, *, required: bool = False) -> str:
        value = self.payload.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise self.fail(name, value, "is not text", "not_text")
        value = value.strip()
        if required and not value:
            raise self.fail(name, '""', "is required", "required")
        if len(value) > limit:
            raise self.fail(
                name, value[:20] + "…", f"is longer than {limit} characters", "too_long", limit=limit
            )
        return value

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self.payload.get(name)
        if value not in choices:
            raise self.fail(name, value, f"is not one of {', '.join(choices)}", "not_one_of", choices=choices)
        return str(value)

    def count(self, name: str) -> int:
        value = self.payload.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(name, value, "is not a number ≥ 0", "not_count")
        if value > MAX_COUNT:
            raise self.fail(name, value, f"is more than {MAX_COUNT:,}", "too_many", limit=MAX_COUNT)
        return value

    def day(self, name: str, *, required: bool = True) -> date | None:
        value = self.payload.get(name)
        if value is None and not required:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(name, value, "is not a date (YYYY-MM-DD)", "not_date") from None

    def clock(self, name: str) -> time | None:
        value = self.payload.get(name)
        if value in (None, ""):
            return None
        try:
            return time.fromisoformat(str(value))
        except ValueError:
            raise self.fail(name, value, "is not a time (HH:MM)", "not_time") from None


def parse_entry(kind: str, payload: dict[str, Any], contents: KitContents, seq: int | None = None) -> Entry:
    """The entry a payload holds, checked against the kit; KitRecordInvalid names the field and value."""
    c = _Checker(payload, seq)
    if kind == SHOW:
        return _show(c, contents)
    if kind == CONDITION:
        return _condition(c, contents)
    if kind == DAMAGE:
        return _damage(c, contents)
    raise c.fail("kind", kind, f"is not one of {', '.join(RECORD_KINDS)}", "not_one_of", choices=RECORD_KINDS)


def _show(c: _Checker, contents: KitContents) -> ShowEntry:
    stop: int | None = None
    day: date | None = None
    if contents.kind == "trip":
        raw = c.payload.get("stop")
        if isinstance(raw, bool) or not isinstance(raw, int) or contents.stop(raw) is None:
            seqs = ", ".join(str(s.seq) for s in contents.stops)
            raise c.fail(
                "stop", raw, f"is not a stop of trip {contents.code} ({seqs})", "not_a_stop", stops=seqs
            )
        stop = raw
    else:
        day = c.day("day")
        assert day is not None
        if not contents.start <= day <= contents.end:
            raise c.fail(
                "day",
                day,
                f"is not within the stay ({contents.start} – {contents.end})",
                "not_in_stay",
                start=contents.start,
                end=contents.end,
            )
    status = c.choice("status", SHOW_STATUSES)
    reason = c.text("cancel_reason", MAX_REASON, required=status == "cancelled")
    if status == "held" and reason:
        raise c.fail("cancel_reason", reason, "is given for a show that was held", "only_if_cancelled")
    start, end = c.clock("start"), c.clock("end")
    if start is not None and end is not None and end < start:
        raise c.fail(
            "end",
            end.isoformat("minutes"),
            f"is before the start ({start.isoformat('minutes')})",
            "before_start",
            start=start.isoformat("minutes"),
        )
    visitors = c.count("visitors")
    if status == "cancelled" and visitors:
        raise c.fail("visitors", visitors, "is given for a cancelled show", "only_if_held")
    return ShowEntry(
        stop=stop,
        day=day,
        status=status,
        cancel_reason=reason,
        start=start,
        end=end,
        visitors=visitors,
        activity=c.text("activity", MAX_ACTIVITY),
        audience=c.text("audience", MAX_AUDIENCE),
        feedback=c.text("feedback", 4000),
        notes=c.text("notes", 4000),
    )


def _exhibit(c: _Checker, contents: KitContents) -> str:
    code = c.payload.get("exhibit")
    if not isinstance(code, str) or contents.exhibit(code) is None:
        raise c.fail("exhibit", code, "is not an exhibit in this kit", "not_in_kit")
    return code


def _field_day(c: _Checker, name: str, contents: KitContents) -> date:
    day = c.day(name)
    assert day is not None
    # A check or a damage belongs to the trip or the stay, give or take the days of packing.
    slack = timedelta(days=14)
    if not contents.start - slack <= day <= contents.end + slack:
        raise c.fail(
            name,
            day,
            f"is not near the kit's dates ({contents.start} – {contents.end})",
            "not_near_dates",
            start=contents.start,
            end=contents.end,
        )
    return day


def _condition(c: _Checker, contents: KitContents) -> ConditionEntry:
    exhibit = _exhibit(c, contents)
    grade = c.choice("grade", tuple(g.value for g in ConditionGrade))
    return ConditionEntry(
        exhibit=exhibit,
        grade=grade,
        fault=c.text("fault", MAX_FAULT),
        photo_path=c.text("photo_path", MAX_PHOTO_PATH),
        checked_by=c.text("checked_by", MAX_CHECKED_BY),
        checked_on=_field_day(c, "checked_on", contents),
    )


def _damage(c: _Checker, contents: KitContents) -> DamageEntry:
    return DamageEntry(
        exhibit=_exhibit(c, contents),
        kind=c.choice("kind", DAMAGE_KINDS),
        description=c.text("description", MAX_FAULT, required=True),
        on=_field_day(c, "on", contents),
    )


def show_payload(
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
) -> dict[str, Any]:
    return {
        "stop": stop,
        "day": day.isoformat() if day else None,
        "status": status,
        "cancel_reason": cancel_reason,
        "start": start.isoformat("minutes") if start else None,
        "end": end.isoformat("minutes") if end else None,
        "visitors": visitors,
        "activity": activity,
        "audience": audience,
        "feedback": feedback,
        "notes": notes,
    }


def condition_payload(
    *, exhibit: str, grade: str, fault: str = "", photo_path: str = "", checked_by: str = "", checked_on: date
) -> dict[str, Any]:
    return {
        "exhibit": exhibit,
        "grade": grade,
        "fault": fault,
        "photo_path": photo_path,
        "checked_by": checked_by,
        "checked_on": checked_on.isoformat(),
    }


def damage_payload(*, exhibit: str, kind: str, description: str, on: date) -> dict[str, Any]:
    return {"exhibit": exhibit, "kind": kind, "description": description, "on": on.isoformat()}
