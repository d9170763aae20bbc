"""Every entity as a sheet of an Excel workbook (or one entity as CSV), with Chinese headers, and back.

One declarative table, `ENTITIES`, says for each entity its sheet, its natural key and its columns;
one engine exports, reads, checks and upserts them all. A reference to another row is always that
row's code (its adcode, a plan's name), never a database id, so a workbook moves between databases.

An import is all or nothing: the whole file is read and every row of every sheet is checked (cell
types, ranges, dates in order, references against the file and the database, duplicate keys) before
anything is written. Any problem raises ImportRejected listing them all, each with its sheet, row,
column, value and reason. Only a clean file is upserted by natural key, in dependency order, through
the ORM (so versions are bumped and the audit log is written); the caller's unit of work commits.

The work is split by step: sheet_specs (the layout), sheet_cells (cell values), sheet_export,
sheet_reading and sheet_checks; this module runs an import and keeps the public names in one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import schema, update
from sqlalchemy.orm import Session

from caravan_app.errors import CaravanError, ImportRejected
from caravan_app.persistence.sheet_cells import CellError, parse_cell
from caravan_app.persistence.sheet_checks import (
    Existing,
    Row,
    Table,
    bind_columns,
    check_duplicates,
    check_rows,
    continuations,
    parse_rows,
    self_refs,
    trimmed,
)
from caravan_app.persistence.sheet_export import export_csv, export_workbook
from caravan_app.persistence.sheet_reading import (
    MAX_PROBLEMS,
    Problems,
    csv_entity,
    read_csv,
    read_xlsx,
    sheet_order,
    spec_for_sheet,
)
from caravan_app.persistence.sheet_specs import (
    ENTITIES,
    THEMES_SHOWN_WITH,
    ColumnSpec,
    Kind,
    OneOfCheck,
    OrderCheck,
    SheetSpec,
    UniqueSpec,
    entity_named,
)

__all__ = [
    "ENTITIES",
    "MAX_PROBLEMS",
    "THEMES_SHOWN_WITH",
    "CellError",
    "ColumnSpec",
    "ImportSummary",
    "Kind",
    "OneOfCheck",
    "OrderCheck",
    "SheetCounts",
    "SheetSpec",
    "UniqueSpec",
    "entity_named",
    "export_csv",
    "export_workbook",
    "import_file",
    "parse_cell",
]


@dataclass(frozen=True)
class SheetCounts:
    sheet: str
    key: str
    inserted: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, sheet by sheet, in dependency order."""

    sheets: tuple[SheetCounts, ...]

    def counts(self, entity: str) -> SheetCounts:
        spec = entity_named(entity)
        for counts in self.sheets:
            if counts.key == spec.key:
                return counts
        return SheetCounts(spec.sheet, spec.key, 0, 0, 0)

    @property
    def inserted(self) -> int:
        return sum(c.inserted for c in self.sheets)

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.sheets)

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.sheets)

    def __str__(self) -> str:
        lines = [
            f"{c.sheet} ({c.key}): {c.inserted} new, {c.updated} updated, {c.unchanged} unchanged"
            for c in self.sheets
        ]
        lines.append(f"in all: {self.inserted} new, {self.updated} updated, {self.unchanged} unchanged")
        return "\n".join(lines)


def _read(path: Path, problems: Problems) -> list[Table]:
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheets = read_xlsx(path, problems)
        empty_reason, empty_code = "the workbook has no data", "no_data"
    elif suffix == ".csv":
        sheets = read_csv(path, problems)
        empty_reason, empty_code = "the file has no data", "no_data"
    else:
        problems.add(
            name,
            None,
            "",
            path.suffix,
            "only .xlsx workbooks and .csv files can be imported",
            code="file_kind",
        )
        return []
    if (problems and not sheets) or not all(sheet.complete for sheet in sheets):
        return []  # a sheet past the limits is refused as a whole: its rows are not checked
    if not any(sheet.rows for sheet in sheets):
        problems.add(name, None, "", "", empty_reason, code=empty_code)
        return []
    tables: dict[str, Table] = {}
    titles: dict[str, str] = {}
    for position, sheet in enumerate(sheets):
        spec: SheetSpec | None
        if suffix == ".csv":
            spec = csv_entity(path, sheet, problems)
        else:
            spec = spec_for_sheet(sheet.title)
            if spec is None:
                if sheet.rows or any(sheet.headers):
                    choices = "、".join(e.sheet for e in ENTITIES)
                    reason = f"unknown sheet (the sheets are {choices})"
                    problems.add(
                        sheet.title,
                        None,
                        "",
                        sheet.title,
                        reason,
                        (sheet_order(sheet.title, position), 0),
                        code="unknown_sheet",
                        sheets=choices,
                    )
                continue
        if spec is None:
            continue
        if spec.key in tables:
            problems.add(
                sheet.title,
                None,
                "",
                sheet.title,
                f"the same table as sheet {titles[spec.key]}",
                code="same_table",
                other=titles[spec.key],
            )
            continue
        order = ENTITIES.index(spec)
        table = Table(
            spec,
            sheet.title,
            order,
            bind_columns(spec, sheet, order, problems),
            continued=continuations(spec, sheet),
        )
        parse_rows(table, sheet, problems)
        tables[spec.key] = table
        titles[spec.key] = sheet.title
    return [tables[spec.key] for spec in ENTITIES if spec.key in tables]


def import_file(session: Session, path: Path | str) -> ImportSummary:
    """Upsert a workbook (.xlsx, any of the sheets) or one entity (.csv) by natural key.

    Every problem in the file raises ImportRejected before anything is written; the caller's unit
    of work then rolls back. When the file is clean, new rows are inserted and changed ones updated
    in dependency order (rows the file does not mention are left as they are); the caller commits.
    """
    path = Path(path)
    if not path.is_file():  # no file to find problems in: one plain error
        raise CaravanError(f"cannot import {path}: no such file")
    problems = Problems()
    with session.no_autoflush:
        tables = _read(path, problems)
        for table in tables:
            check_duplicates(table, problems)
        existing = Existing(session, [t.spec for t in tables]) if tables else None
        if existing is not None:
            check_rows({t.spec.key: t for t in tables}, existing, problems)
    if problems:
        raise ImportRejected(problems.report())
    if existing is None:
        return ImportSummary(())
    return ImportSummary(tuple(_upsert(session, table, existing) for table in tables))


def _upsert(session: Session, table: Table, existing: Existing) -> SheetCounts:
    spec = table.spec
    stored_objects = existing.objects[spec.key]
    stored_values = existing.values[spec.key]
    inserted: list[tuple[Row, Any]] = []
    updates: list[tuple[Row, Any, dict[str, Any]]] = []
    unchanged = 0
    for row in table.rows:
        assert row.key is not None
        obj = stored_objects.get(row.key)
        if obj is None:
            inserted.append((row, spec.model()))
            continue
        current = stored_values[row.key]
        changes = {attr: value for attr, value in row.values.items() if current[attr] != value}
        if changes:
            updates.append((row, obj, changes))
        else:
            unchanged += 1

    _make_way(session, table, existing, updates)

    # New rows in layers, so that a row referring to another new row of its own table follows it.
    parent_attrs = [col.attr for col in self_refs(spec)]
    pending = inserted
    while pending:
        waiting = {row.key[0] for row, _ in pending if row.key}
        ready = [
            (row, obj)
            for row, obj in pending
            if not any(row.values.get(attr) in waiting for attr in parent_attrs)
        ]
        if not ready:  # a loop: refused while checking, so this cannot happen
            raise CaravanError(f"{spec.sheet}: rows refer to each other in a loop")
        for row, obj in ready:
            _assign(spec, obj, row.values, existing)
            session.add(obj)
        session.flush()
        _remember(spec, ready, existing)
        done = {id(obj) for _, obj in ready}
        pending = [(row, obj) for row, obj in pending if id(obj) not in done]

    for _, obj, changes in updates:
        _assign(spec, obj, changes, existing)
    if updates:
        session.flush()
    return SheetCounts(spec.sheet, spec.key, len(inserted), len(updates), unchanged)


def _make_way(
    session: Session, table: Table, existing: Existing, updates: Sequence[tuple[Row, Any, dict[str, Any]]]
) -> None:
    """A unique value (a plate) that a row of the file takes from another row is first moved off it.

    The database checks a unique index row by row, so two caravans swapping plates (checked as they
    will stand) would break it half way. The stand-in is written past the ORM, so the row's version
    goes up once and its audit entry shows the old value and the new (PostgreSQL's audit trigger
    sees the stand-in too).
    """
    spec = table.spec
    model_table = cast(schema.Table, spec.model.__table__)  # declarative models are mapped to tables
    for unique in spec.unique:
        taken = {trimmed(row.values[unique.attr]) for row in table.rows if row.values.get(unique.attr)}
        for row, obj, changes in updates:
            assert row.key is not None
            held = existing.values[spec.key][row.key][unique.attr]
            if unique.attr in changes and held is not None and trimmed(held) in taken:
                stand_in = update(model_table).where(model_table.c.id == obj.id)
                session.execute(stand_in.values({unique.attr: f" ~{obj.id}"}))


def _assign(spec: SheetSpec, obj: Any, values: Mapping[str, Any], existing: Existing) -> None:
    for attr, value in values.items():
        col = spec.column(attr)
        if col.kind is Kind.REF and value is not None:
            assert col.ref is not None
            value = existing.ids_by_key[col.ref][value]
        setattr(obj, attr, value)


def _remember(spec: SheetSpec, rows: Sequence[tuple[Row, Any]], existing: Existing) -> None:
    """New rows' ids, for the rows after them that refer to them."""
    if spec.key not in existing.ids_by_key:
        return
    for row, obj in rows:
        assert row.key is not None
        existing.ids_by_key[spec.key][row.key[0]] = obj.id
        existing.keys_by_id[spec.key][obj.id] = row.key[0]
