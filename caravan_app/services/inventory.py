"""Editing the inventory one row at a time: tables to browse, records to edit, exhibits to move.

Every function takes the Database and plain values and is one unit of work. Edits name the
version the user started from; a row someone else saved since raises ConflictError and nothing is
written. References travel as the referenced row's code (a region's adcode), never as ids, so a
caller can show and type them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from caravan_app.domain.enums import (
    CaravanStatus,
    ExhibitStatus,
    RequestStatus,
    SetStatus,
)
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Base,
    Caravan,
    ConditionCheck,
    Depot,
    Exhibit,
    ExhibitSet,
    MaintenanceRecord,
    Movement,
    Region,
    SetMembership,
    Venue,
    VisitRequest,
    Workshop,
)
from caravan_app.persistence.spreadsheet import (
    ColumnSpec,
    Kind,
    OneOfCheck,
    OrderCheck,
    SheetSpec,
    entity_named,
)
from caravan_app.services.set_places import halls_now

__all__ = [
    "ColumnSpec",
    "Kind",
    "OneOfCheck",
    "OrderCheck",
    "SheetSpec",
]

# The entities the inventory screens browse and edit, by their spreadsheet key.
EDITABLE: tuple[str, ...] = (
    "caravans", "exhibits", "exhibit_sets", "venues", "regions", "depots", "requests",
)  # fmt: skip

# Each entity's status value that means "retired" (requests are cancelled instead).
_RETIRED: dict[str, Any] = {
    "caravans": CaravanStatus.RETIRED,
    "exhibits": ExhibitStatus.RETIRED,
    "exhibit_sets": SetStatus.RETIRED,
    "requests": RequestStatus.CANCELLED,
}

PLACE_KINDS: tuple[str, ...] = ("depot", "caravan", "set", "workshop")
_PLACE_MODELS: dict[str, type[Base]] = {
    "depot": Depot,
    "caravan": Caravan,
    "set": ExhibitSet,
    "workshop": Workshop,
}
_PLACE_STATUS: dict[str, ExhibitStatus] = {
    "depot": ExhibitStatus.IN_STORE,
    "caravan": ExhibitStatus.IN_USE,
    "set": ExhibitStatus.IN_USE,
    "workshop": ExhibitStatus.IN_REPAIR,
}


def spec(entity: str) -> SheetSpec:
    """The columns, kinds and checks of an entity (shared with the spreadsheet import)."""
    return entity_named(entity)


def text_length(entity: str, attr: str) -> int | None:
    """The most characters a text column holds, for checking a form before it is saved."""
    column = spec(entity).model.__table__.columns[attr]
    length = getattr(column.type, "length", None)
    return int(length) if isinstance(length, int) else None


def can_retire(entity: str) -> bool:
    return entity in _RETIRED


def retired_value(entity: str) -> Any:
    return _RETIRED[entity]


# --- browsing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableRows:
    """An entity's rows for a table: per row its id, version and one value per column.

    `columns` are the entity's spreadsheet attributes followed by derived ones: "city" (the city
    the row belongs to, for filtering) and, for exhibits, "place" (where it is now), for requests
    "venue_name", for sets "where_now" ("hall:<venue> (<county>)" or "store:<home depot>"). Enum values
    stay enum members and references are the referenced row's code, so a view can label them.
    """

    entity: str
    columns: tuple[str, ...]
    ids: list[int]
    versions: list[int]
    values: list[tuple[Any, ...]]
    region_names: Mapping[str, str]  # adcode -> name, to show region references by name
    depot_names: Mapping[str, str] = field(default_factory=dict)  # code -> name, for depot references

    def column(self, attr: str) -> int:
        return self.columns.index(attr)


def _keys(session: Session, entity: str) -> dict[int, str]:
    """id -> natural key (code or adcode) of every row of an entity."""
    model = spec(entity).model
    key = spec(entity).natural_key[0]
    return {row_id: str(code) for row_id, code in session.execute(select(model.id, getattr(model, key)))}  # type: ignore[attr-defined]


def _cities(session: Session) -> tuple[dict[int, str], dict[str, str]]:
    """Region id -> name of its city (itself for a city or the province), and adcode -> name."""
    rows = session.execute(select(Region.id, Region.adcode, Region.name, Region.parent_id)).all()
    by_id = {r.id: r for r in rows}
    city: dict[int, str] = {}
    for r in rows:
        parent = by_id.get(r.parent_id) if r.parent_id is not None else None
        # a county's parent is its city; a city's parent is the province
        if parent is not None and parent.parent_id is not None:
            city[r.id] = parent.name
        else:
            city[r.id] = r.name
    return city, {r.adcode: r.name for r in rows}


def load_table(db: Database, entity: str, today: date | None = None) -> TableRows:
    """Every row of an entity with the columns of its spreadsheet sheet, in code order (a set's
    "where_now" as on `today`, default the real one)."""
    sheet = spec(entity)
    model: Any = sheet.model
    attrs = [c.attr for c in sheet.columns]
    with db.session(audited=False) as s:
        refs = {c.ref for c in sheet.columns if c.kind is Kind.REF}
        keys = {ref: _keys(s, ref) for ref in refs if ref is not None}
        city_of, region_names = _cities(s)
        region_city = _region_column(s, entity, city_of)
        venue_names: dict[int, str] = (
            {rid: name for rid, name in s.execute(select(VisitRequest.id, Venue.name).join(Venue))}
            if entity == "requests"
            else {}
        )
        depot_names = {code: name for code, name in s.execute(select(Depot.code, Depot.name))}
        where_now: dict[int, str] = {}
        if entity == "exhibit_sets":
            standing = halls_now(s, today or date.today())
            for set_id, depot in s.execute(select(ExhibitSet.id, Depot.name).join(Depot)):
                hall = standing.get(set_id)
                where_now[set_id] = f"hall:{hall[0]} ({hall[1]})" if hall else f"store:{depot}"
        query = select(model.id, model.version, *(getattr(model, a) for a in attrs)).order_by(
            *(getattr(model, k) for k in sheet.natural_key)
        )
        ids: list[int] = []
        versions: list[int] = []
        values: list[tuple[Any, ...]] = []
        ref_positions = [
            (i, keys[c.ref]) for i, c in enumerate(sheet.columns) if c.kind is Kind.REF and c.ref
        ]
        place_positions = (
            [(attrs.index(a), kind) for a, kind in zip(_PLACE_ATTRS, PLACE_KINDS, strict=True)]
            if entity == "exhibits"
            else []
        )
        for row in s.execute(query):
            row_id, version, *cells = row
            raw = list(cells)
            place = ""
            for position, kind in place_positions:
                if raw[position] is not None:
                    place = f"{kind}:{keys[_PLACE_ENTITY[kind]][raw[position]]}"
            for position, by_id in ref_positions:
                if raw[position] is not None:
                    raw[position] = by_id[raw[position]]
            raw.append(region_city.get(row_id, ""))
            if entity == "exhibits":
                raw.append(place)
            if entity == "requests":
                raw.append(venue_names.get(row_id, ""))
            if entity == "exhibit_sets":
                raw.append(where_now.get(row_id, ""))
            ids.append(row_id)
            versions.append(version)
            values.append(tuple(raw))
    extra = {"exhibits": ("place",), "requests": ("venue_name",), "exhibit_sets": ("where_now",)}.get(
        entity, ()
    )
    columns = (*attrs, "city", *extra)
    return TableRows(entity, tuple(columns), ids, versions, values, region_names, depot_names)


_PLACE_ATTRS = ("depot_id", "caravan_id", "set_id", "workshop_id")
_PLACE_ENTITY = {"depot": "depots", "caravan": "caravans", "set": "exhibit_sets", "workshop": "workshops"}


def _region_column(session: Session, entity: str, city_of: dict[int, str]) -> dict[int, str]:
    """Row id -> city name, for the entities that have a place in the province."""
    if entity == "caravans":
        pairs = session.execute(select(Caravan.id, Caravan.owner_region_id))
    elif entity == "venues":
        pairs = session.execute(select(Venue.id, Venue.county_id))
    elif entity == "depots":
        pairs = session.execute(select(Depot.id, Depot.region_id))
    elif entity == "regions":
        pairs = session.execute(select(Region.id, Region.id))
    elif entity == "requests":
        pairs = session.execute(select(VisitRequest.id, Venue.county_id).join(Venue))
    elif entity == "exhibit_sets":
        pairs = session.execute(select(ExhibitSet.id, Depot.region_id).join(Depot))
    else:
        return {}
    return {row_id: city_of.get(region_id, "") for row_id, region_id in pairs}


@dataclass(frozen=True)
class Choice:
    """A row that a reference may point at: its code and a name to show beside it."""

    code: str
    name: str


def choices(db: Database, entity: str) -> list[Choice]:
    """Every row of an entity as (code, name), for a reference picker."""
    model: Any = spec(entity).model
    key = spec(entity).natural_key[0]
    name_attr = {"exhibits": "name_zh", "caravans": "plate"}.get(entity, "name")
    with db.session(audited=False) as s:
        rows = s.execute(select(getattr(model, key), getattr(model, name_attr)).order_by(getattr(model, key)))
        return [Choice(str(code), str(name)) for code, name in rows]


# --- one record ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One row's values by attribute (references as codes) and the version they were read at."""

    entity: str
    id: int
    version: int
    values: Mapping[str, Any]

    @property
    def key(self) -> str:
        return str(self.values[spec(self.entity).natural_key[0]])


def _values_of(session: Session, sheet: SheetSpec, obj: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for col in sheet.columns:
        value = getattr(obj, col.attr)
        if col.kind is Kind.REF and value is not None:
            assert col.ref is not None
            ref_model: Any = spec(col.ref).model
            value = session.scalar(
                select(getattr(ref_model, spec(col.ref).natural_key[0])).where(ref_model.id == value)
            )
        values[col.attr] = value
    return values


def read_record(db: Database, entity: str, row_id: int) -> Record:
    sheet = spec(entity)
    with db.session(audited=False) as s:
        obj: Any = s.get(sheet.model, row_id)
        if obj is None:
            raise CaravanError(f"{sheet.noun} #{row_id} no longer exists; someone else deleted it")
        return Record(entity, row_id, obj.version, _values_of(s, sheet, obj))


def _resolve(session: Session, col: ColumnSpec, code: Any) -> int | None:
    if code is None or code == "":
        return None
    assert col.ref is not None
    ref_model: Any = spec(col.ref).model
    key = spec(col.ref).natural_key[0]
    found = session.scalar(select(ref_model.id).where(getattr(ref_model, key) == code))
    if found is None:
        raise CaravanError(f"{col.attr}: no {spec(col.ref).noun} has the code {code!r}")
    return int(found)


def _assign(session: Session, sheet: SheetSpec, obj: Any, values: Mapping[str, Any]) -> None:
    for attr, value in values.items():
        col = sheet.column(attr)
        setattr(obj, attr, _resolve(session, col, value) if col.kind is Kind.REF else value)


def _checked(session: Session, sheet: SheetSpec, row_id: int, version: int) -> Any:
    """The row as it is now, if nobody saved it since `version`; else ConflictError."""
    obj: Any = session.get(sheet.model, row_id)
    if obj is None:
        raise ConflictError(sheet.model.__tablename__, f"#{row_id}", "it was deleted")
    if obj.version != version:
        key = getattr(obj, sheet.natural_key[0])
        raise ConflictError(sheet.model.__tablename__, str(key), f"version {obj.version}, yours {version}")
    return obj


@dataclass(frozen=True)
class Saved:
    """What a save did: the row's id, its new version and the values it had before."""

    id: int
    version: int
    before: Mapping[str, Any]


def save_record(db: Database, entity: str, row_id: int, version: int, values: Mapping[str, Any]) -> Saved:
    """Write `values` (a subset of the entity's attributes) over the row read at `version`."""
    sheet = spec(entity)
    with db.session() as s:
        obj = _checked(s, sheet, row_id, version)
        before_all = _values_of(s, sheet, obj)
        before = {attr: before_all[attr] for attr in values}
        _assign(s, sheet, obj, values)
        s.flush()
        return Saved(row_id, int(obj.version), before)


def add_record(db: Database, entity: str, values: Mapping[str, Any]) -> Saved:
    """A new row from `values`; attributes left out take the model's defaults."""
    sheet = spec(entity)
    if entity == "exhibits" and not any(values.get(a) for a in _PLACE_ATTRS):
        raise CaravanError("a new exhibit needs a place: a depot, caravan, set or workshop")
    with db.session() as s:
        obj: Any = sheet.model()
        _assign(s, sheet, obj, values)
        s.add(obj)
        s.flush()
        if entity == "exhibits":
            s.add(_movement(obj.id, None, _place_of(obj), "acquired"))
            if obj.set_id is not None:
                s.add(SetMembership(set_id=obj.set_id, exhibit_id=obj.id, joined_on=date.today()))
        return Saved(int(obj.id), int(obj.version), {})


def delete_record(db: Database, entity: str, row_id: int, version: int) -> None:
    """Remove a row that nothing refers to (undoing its addition); rows with a history stay."""
    sheet = spec(entity)
    with db.session() as s:
        obj = _checked(s, sheet, row_id, version)
        if entity == "exhibits":
            moves = s.scalars(select(Movement).where(Movement.exhibit_id == row_id)).all()
            if len(moves) > 1 or any(m.from_depot_id or m.from_caravan_id or m.from_set_id for m in moves):
                raise CaravanError(f"exhibit {obj.code} has been moved since it was added; retire it instead")
            s.execute(delete(Movement).where(Movement.exhibit_id == row_id))
            s.execute(delete(SetMembership).where(SetMembership.exhibit_id == row_id))
        s.delete(obj)


# --- histories -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MovementRow:
    moved_at: datetime
    origin: str  # "kind:code", empty when the exhibit was acquired
    destination: str
    reason: str


@dataclass(frozen=True)
class MaintenanceRow:
    code: str
    kind: str  # MaintenanceKind value
    opened_on: date
    closed_on: date | None
    fault: str
    cost_yuan: float
    workshop: str
    notes: str


@dataclass(frozen=True)
class CheckRow:
    checked_on: date
    grade: str
    context: str
    fault: str
    checked_by: str


def _place_text(session: Session, kind: str, place_id: int | None) -> str:
    if place_id is None:
        return ""
    model: Any = _PLACE_MODELS[kind]
    return f"{kind}:{session.scalar(select(model.code).where(model.id == place_id))}"


def movements(db: Database, exhibit_id: int) -> list[MovementRow]:
    """Where an exhibit has been, newest first."""
    with db.session(audited=False) as s:
        rows = s.scalars(
            select(Movement).where(Movement.exhibit_id == exhibit_id).order_by(Movement.moved_at.desc())
        ).all()
        out = []
        for m in rows:
            origin = next(
                (
                    _place_text(s, kind, getattr(m, f"from_{attr}"))
                    for kind, attr in zip(PLACE_KINDS, _PLACE_ATTRS, strict=True)
                    if getattr(m, f"from_{attr}") is not None
                ),
                "",
            )
            destination = next(
                _place_text(s, kind, getattr(m, f"to_{attr}"))
                for kind, attr in zip(PLACE_KINDS, _PLACE_ATTRS, strict=True)
                if getattr(m, f"to_{attr}") is not None
            )
            out.append(MovementRow(m.moved_at, origin, destination, m.reason))
        return out


def maintenance_log(db: Database, entity: str, row_id: int) -> list[MaintenanceRow]:
    """The maintenance records of an exhibit or a caravan, newest first."""
    column = {"exhibits": MaintenanceRecord.exhibit_id, "caravans": MaintenanceRecord.caravan_id}.get(entity)
    if column is None:
        return []
    with db.session(audited=False) as s:
        shops = {w.id: w.code for w in s.scalars(select(Workshop))}
        rows = s.scalars(
            select(MaintenanceRecord).where(column == row_id).order_by(MaintenanceRecord.opened_on.desc())
        ).all()
        return [
            MaintenanceRow(
                r.code,
                r.kind.value,
                r.opened_on,
                r.closed_on,
                r.fault,
                r.cost_yuan,
                shops.get(r.workshop_id, "") if r.workshop_id else "",
                r.notes,
            )
            for r in rows
        ]


def condition_checks(db: Database, exhibit_id: int) -> list[CheckRow]:
    with db.session(audited=False) as s:
        rows = s.scalars(
            select(ConditionCheck)
            .where(ConditionCheck.exhibit_id == exhibit_id)
            .order_by(ConditionCheck.checked_on.desc())
        ).all()
        return [CheckRow(c.checked_on, c.grade.value, c.context.value, c.fault, c.checked_by) for c in rows]


# --- moving exhibits ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    kind: str  # depot, caravan, set or workshop
    code: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.code}"


def _place_of(obj: Exhibit) -> tuple[str, int]:
    for kind, attr in zip(PLACE_KINDS, _PLACE_ATTRS, strict=True):
        place_id = getattr(obj, attr)
        if place_id is not None:
            return kind, int(place_id)
    raise CaravanError(f"exhibit {obj.code} has no place")  # the database's CHECK forbids this


def _movement(exhibit_id: int, origin: tuple[str, int] | None, to: tuple[str, int], reason: str) -> Movement:
    move = Movement(
        code=f"MV{uuid.uuid4().hex[:20]}",
        exhibit_id=exhibit_id,
        moved_at=datetime.now().replace(microsecond=0),
        reason=reason[:200],
    )
    if origin is not None:
        setattr(move, f"from_{_PLACE_ATTRS[PLACE_KINDS.index(origin[0])]}", origin[1])
    setattr(move, f"to_{_PLACE_ATTRS[PLACE_KINDS.index(to[0])]}", to[1])
    return move


@dataclass(frozen=True)
class Moved:
    version: int
    origin: Place
    status_before: ExhibitStatus


def move_exhibit(
    db: Database,
    exhibit_id: int,
    version: int,
    to: Place,
    reason: str = "",
    status: ExhibitStatus | None = None,
) -> Moved:
    """Move an exhibit: its place, its status, its set membership and a Movement row, in one go.

    The status follows the place (in store, in use, in repair) unless `status` is given; a retired
    or lost exhibit keeps its status.
    """
    if to.kind not in PLACE_KINDS:
        raise CaravanError(f"an exhibit can be in a depot, caravan, set or workshop, not {to.kind!r}")
    with db.session() as s:
        obj: Exhibit = _checked(s, spec("exhibits"), exhibit_id, version)
        model: Any = _PLACE_MODELS[to.kind]
        target = s.scalar(select(model.id).where(model.code == to.code))
        if target is None:
            raise CaravanError(f"no {to.kind} has the code {to.code!r}")
        origin = _place_of(obj)
        if origin == (to.kind, target):
            raise CaravanError(f"exhibit {obj.code} is already in {to.kind} {to.code}")
        origin_place = Place(origin[0], _place_text(s, *origin).split(":", 1)[1])
        status_before = obj.status
        today = date.today()
        if origin[0] == "set":
            membership = s.scalar(
                select(SetMembership).where(
                    SetMembership.exhibit_id == obj.id, SetMembership.left_on.is_(None)
                )
            )
            if membership is not None:
                membership.left_on = max(today, membership.joined_on)
        for attr in _PLACE_ATTRS:
            setattr(obj, attr, None)
        setattr(obj, _PLACE_ATTRS[PLACE_KINDS.index(to.kind)], target)
        if status is not None:
            obj.status = status
        elif obj.status not in (ExhibitStatus.RETIRED, ExhibitStatus.LOST):
            obj.status = _PLACE_STATUS[to.kind]
        s.flush()
        if to.kind == "set":
            # Leaving a set and coming back on the same day reopens that day's membership.
            same_day = s.scalar(
                select(SetMembership).where(
                    SetMembership.exhibit_id == obj.id,
                    SetMembership.set_id == target,
                    SetMembership.joined_on == today,
                )
            )
            if same_day is not None:
                same_day.left_on = None
            else:
                s.add(SetMembership(set_id=target, exhibit_id=obj.id, joined_on=today))
        s.add(_movement(obj.id, origin, (to.kind, target), reason))
        s.flush()
        return Moved(int(obj.version), origin_place, status_before)


@dataclass(frozen=True)
class PlaceChoices:
    """Every place an exhibit can go, by kind."""

    by_kind: Mapping[str, list[Choice]]


def place_choices(db: Database) -> PlaceChoices:
    return PlaceChoices({kind: choices(db, _PLACE_ENTITY[kind]) for kind in PLACE_KINDS})
