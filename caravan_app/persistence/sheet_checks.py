"""Import, second step: every row of every sheet parsed and checked before anything is written.

Cell kinds and ranges, required values, duplicate keys and unique values, references against the
file and the database, rows' order and one-of checks, and loops of rows referring to themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.persistence.sheet_cells import REFUSED, CellError, Refused, as_text, is_blank, parse_cell
from caravan_app.persistence.sheet_reading import Problems, RawSheet
from caravan_app.persistence.sheet_specs import (
    BY_KEY,
    ENTITIES,
    FACTS,
    ColumnSpec,
    Kind,
    OneOfCheck,
    OrderCheck,
    SheetSpec,
    load_all,
    natural_key,
    normalise,
    row_values,
)


@dataclass
class Row:
    number: int
    values: dict[str, Any]  # attribute -> parsed value (references as keys); only columns in the file
    bad: set[str]  # attributes whose cell has a problem
    key: tuple[Any, ...] | None = None


@dataclass
class Table:
    spec: SheetSpec
    title: str
    order: int  # position in ENTITIES, for sorting problems
    columns: dict[int, ColumnSpec]  # 0-based cell index -> column
    rows: list[Row] = field(default_factory=list)
    # A JSON column's continuation cells (attr -> their cell indexes, in order): text longer than an
    # Excel cell holds is written on across them by the export, and joined again here.
    continued: dict[str, list[int]] = field(default_factory=dict)

    def add(
        self,
        problems: Problems,
        row: int | None,
        attr: str,
        value: object,
        reason: str,
        code: str = "",
        **values: object,
    ) -> None:
        col = self.spec.column(attr) if attr else None
        header = col.header if col else ""
        problems.add(
            self.title, row, header, value, reason, (self.order, self.position(attr)), code=code, **values
        )

    def position(self, attr: str) -> int:
        for index, col in self.columns.items():
            if col.attr == attr:
                return index + 1
        return 0


def continuations(spec: SheetSpec, sheet: RawSheet) -> dict[str, list[int]]:
    """The continuation cells of the sheet's JSON columns: attr -> cell indexes, in order."""
    found: dict[str, dict[int, int]] = {}
    for index, header in enumerate(sheet.headers):
        match = _CONTINUED.fullmatch(normalise(header or ""))
        if match is None:
            continue
        col = _json_columns(spec).get(match.group(1))
        if col is not None:
            found.setdefault(col.attr, {})[int(match.group(2))] = index
    return {attr: [by_n[n] for n in sorted(by_n)] for attr, by_n in found.items()}


_CONTINUED = re.compile(r"(.+)\(续(\d+)\)")  # as normalise() leaves "（续1）"


def _json_columns(spec: SheetSpec) -> dict[str, ColumnSpec]:
    return {normalise(col.header): col for col in spec.columns if col.kind is Kind.JSON}


def bind_columns(spec: SheetSpec, sheet: RawSheet, order: int, problems: Problems) -> dict[int, ColumnSpec]:
    by_header = {normalise(col.header): col for col in spec.columns}
    continued = {index for indexes in continuations(spec, sheet).values() for index in indexes}
    columns: dict[int, ColumnSpec] = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(sheet.headers):
        if header is None:
            if any(index < len(cells) and not is_blank(cells[index]) for _, cells in sheet.rows):
                problems.add(
                    sheet.title,
                    1,
                    get_column_letter(index + 1),
                    "",
                    "a column of data without a header",
                    (order, index + 1),
                    code="no_header",
                )
            continue
        col = by_header.get(normalise(header))
        if col is None and index in continued:
            continue
        if col is None:
            problems.add(
                sheet.title, 1, header, header, "unknown column", (order, index + 1), code="unknown_column"
            )
        elif col.attr in seen:
            problems.add(
                sheet.title,
                1,
                header,
                header,
                f"duplicate column, also column {get_column_letter(seen[col.attr] + 1)}",
                (order, index + 1),
                code="duplicate_column",
                other=get_column_letter(seen[col.attr] + 1),
            )
        else:
            seen[col.attr] = index
            columns[index] = col
    for col in spec.columns:
        if col.required and col.attr not in seen:
            problems.add(
                sheet.title, 1, col.header, "", "missing column", (order, 10_000), code="missing_column"
            )
    return columns


def parse_rows(table: Table, sheet: RawSheet, problems: Problems) -> None:
    spec = table.spec
    for number, cells in sheet.rows:
        row = Row(number, {}, set())
        for index, col in table.columns.items():
            raw = cells[index] if index < len(cells) else None
            if col.attr in table.continued:
                raw = _joined(raw, [cells[i] if i < len(cells) else None for i in table.continued[col.attr]])
            if isinstance(raw, Refused):
                row.bad.add(col.attr)
                continue
            facts = FACTS[(spec.key, col.attr)]
            if isinstance(raw, str) and is_code(spec, col):
                raw = raw.strip()  # a code or plate typed with a space is the same code or plate
            if _is_empty(col, raw):
                if col.required:
                    table.add(problems, number, col.attr, "", "required", "required")
                    row.bad.add(col.attr)
                elif facts.nullable:
                    row.values[col.attr] = None
                elif facts.default is None and col.kind is Kind.TEXT:
                    row.values[col.attr] = ""
                else:
                    row.values[col.attr] = facts.default
                continue
            try:
                row.values[col.attr] = parse_cell(col, raw, facts.length)
            except CellError as exc:
                table.add(problems, number, col.attr, raw, str(exc), exc.code, **exc.values)
                row.bad.add(col.attr)
        if all(attr in row.values for attr in spec.natural_key):
            row.key = natural_key(spec, row.values)
        table.rows.append(row)


def _joined(first: object, rest: list[object]) -> object:
    """A JSON cell and its continuation cells as one text (a refused cell among them stays refused)."""
    parts = [first, *rest]
    if any(isinstance(part, Refused) for part in parts):
        return REFUSED
    if all(is_blank(part) for part in rest):
        return first
    return "".join("" if is_blank(part) else as_text(part) for part in parts)


def is_code(spec: SheetSpec, col: ColumnSpec) -> bool:
    """A text column naming a row (a code, a plate, a key's part): trimmed, and compared trimmed."""
    if col.kind is not Kind.TEXT:
        return False
    unique = any(u.attr == col.attr for u in spec.unique)
    return unique or col.attr in spec.natural_key or col.attr.endswith("code")


def trimmed(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _trimmed_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(trimmed(part) for part in key)


def _is_empty(col: ColumnSpec, raw: object) -> bool:
    """No value: spaces alone are a value only in an optional text column (kept as they are)."""
    if col.kind is Kind.TEXT and not col.required and isinstance(raw, str):
        return raw == ""
    return is_blank(raw)


def _key_text(key: tuple[Any, ...]) -> str:
    return " / ".join(as_text(part) for part in key)


def check_duplicates(table: Table, problems: Problems) -> None:
    spec = table.spec
    first: dict[tuple[Any, ...], int] = {}
    for row in table.rows:
        if row.key is None:
            continue
        if row.key in first:
            table.add(
                problems,
                row.number,
                spec.natural_key[0],
                _key_text(row.key),
                f"duplicate {spec.key_word}, also in row {first[row.key]}",
                "duplicate_key",
                other_row=first[row.key],
            )
            row.key = None  # the first row stands for the key
        else:
            first[row.key] = row.number
    for unique in spec.unique:
        seen: dict[Any, int] = {}
        for row in table.rows:
            value = row.values.get(unique.attr)
            if value is None:
                continue
            if value in seen:
                table.add(
                    problems,
                    row.number,
                    unique.attr,
                    value,
                    f"duplicate {unique.word}, also in row {seen[value]}",
                    "duplicate_key",
                    other_row=seen[value],
                )
            else:
                seen[value] = row.number


class Existing:
    """What the database already holds, loaded once per table (never a query per row).

    Rows are known by their keys trimmed, as the file's are: a code stored with a space (before
    imports trimmed them) is found, and trimmed by the update. Should a trimmed key be stored twice,
    the row whose key has no space stands for it.
    """

    def __init__(self, session: Session, imported: Iterable[SheetSpec]) -> None:
        imported = list(imported)
        referenced = {col.ref for spec in imported for col in spec.columns if col.ref}
        referenced |= {spec.key for spec in imported if len(spec.natural_key) == 1}
        self.keys_by_id: dict[str, dict[int, Any]] = {}
        self.ids_by_key: dict[str, dict[Any, int]] = {}
        for spec in ENTITIES:
            if spec.key not in referenced:
                continue
            key_column = getattr(spec.model, spec.natural_key[0])
            id_column = spec.model.__table__.c.id
            pairs = session.execute(select(id_column, key_column)).all()
            self.keys_by_id[spec.key] = {row_id: trimmed(key) for row_id, key in pairs}
            as_stored_last = sorted(pairs, key=lambda pair: pair[1] == trimmed(pair[1]))
            self.ids_by_key[spec.key] = {trimmed(key): row_id for row_id, key in as_stored_last}
        self.objects: dict[str, dict[tuple[Any, ...], Any]] = {}
        self.values: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
        for spec in imported:
            objects: dict[tuple[Any, ...], Any] = {}
            values: dict[tuple[Any, ...], dict[str, Any]] = {}
            for obj in load_all(session, spec):
                obj_values = row_values(spec, obj, self.keys_by_id)
                stored_key = natural_key(spec, obj_values)
                key = _trimmed_key(stored_key)
                if key in objects and stored_key != key:
                    continue
                objects[key] = obj
                values[key] = obj_values
            self.objects[spec.key] = objects
            self.values[spec.key] = values

    def has(self, entity: str, key: Any) -> bool:
        return key in self.ids_by_key[entity]


def _effective(table: Table, row: Row, existing: Existing) -> dict[str, Any]:
    """The row as it will stand: the file's values over the stored row, or over the defaults."""
    spec = table.spec
    stored = existing.values[spec.key].get(row.key) if row.key is not None else None
    if stored is not None:
        base = dict(stored)
    else:
        base = {col.attr: FACTS[(spec.key, col.attr)].default for col in spec.columns}
    base.update(row.values)
    return base


def check_rows(tables: Mapping[str, Table], existing: Existing, problems: Problems) -> None:
    file_keys = {
        key: {row.key[0] for row in t.rows if row.key}
        for key, t in tables.items()
        if len(t.spec.natural_key) == 1
    }
    for table in tables.values():
        spec = table.spec
        for row in table.rows:
            for col in spec.columns:
                if col.kind is not Kind.REF or col.attr in row.bad:
                    continue
                value = row.values.get(col.attr)
                assert col.ref is not None
                known = existing.has(col.ref, value) or value in file_keys.get(col.ref, ())
                if value is not None and not known:
                    target = BY_KEY[col.ref]
                    reason = f"unknown {target.noun} {target.key_word}"
                    table.add(
                        problems, row.number, col.attr, value, reason, "unknown_reference", entity=target.key
                    )
                    row.bad.add(col.attr)
            values = _effective(table, row, existing)
            for check in spec.checks:
                if any(attr in row.bad for attr in _check_attrs(check)):
                    continue
                if isinstance(check, OrderCheck):
                    earlier, later = values[check.earlier], values[check.later]
                    if (
                        earlier is not None
                        and later is not None
                        and (later < earlier or (check.strict and later == earlier))
                    ):
                        head = spec.column(check.earlier).header
                        table.add(
                            problems,
                            row.number,
                            check.later,
                            later,
                            f"{check.reason} ({head} {as_text(earlier)})",
                            check.code,
                            header=head,
                            earlier=as_text(earlier),
                        )
                else:
                    filled = [values[attr] for attr in check.attrs if values[attr] is not None]
                    if len(filled) > 1 or (not filled and not check.at_most):
                        headers = "/".join(spec.column(attr).header for attr in check.attrs)
                        if check.at_most:
                            reason = f"at most one of these may be filled, found {len(filled)}"
                            code = "at_most_one"
                        else:
                            reason = f"exactly one of these must be filled, found {len(filled)}"
                            code = "exactly_one"
                        problems.add(
                            table.title,
                            row.number,
                            headers,
                            "、".join(map(str, filled)),
                            reason,
                            (table.order, table.position(check.attrs[0])),
                            code=code,
                            count=len(filled),
                        )
        _check_unique_against_database(table, existing, problems)
        _check_parent_loops(table, existing, problems)


def _check_attrs(check: OrderCheck | OneOfCheck) -> tuple[str, ...]:
    return (check.earlier, check.later) if isinstance(check, OrderCheck) else check.attrs


def _check_unique_against_database(table: Table, existing: Existing, problems: Problems) -> None:
    """A unique value (a plate) the file gives a row must not stay on another row of the database.

    Rows are compared as they will stand: a stored row the file gives another value gives up its
    own, so two caravans may swap plates in one file (the upsert makes way for it). Values are
    compared trimmed, as the file's are.
    """
    spec = table.spec
    for unique in spec.unique:
        in_file = {row.key for row in table.rows if row.key is not None and unique.attr in row.values}
        holders = {
            trimmed(values[unique.attr]): key
            for key, values in existing.values[spec.key].items()
            if key not in in_file and values[unique.attr] is not None
        }
        for row in table.rows:
            value = row.values.get(unique.attr)
            other = holders.get(trimmed(value))
            if value is not None and other is not None and other != row.key:
                table.add(
                    problems,
                    row.number,
                    unique.attr,
                    value,
                    f"{unique.word} already used by {spec.noun} {_key_text(other)}",
                    "already_used",
                    entity=spec.key,
                    key=_key_text(other),
                )


def self_refs(spec: SheetSpec) -> list[ColumnSpec]:
    return [col for col in spec.columns if col.ref == spec.key]


def _check_parent_loops(table: Table, existing: Existing, problems: Problems) -> None:
    spec = table.spec
    for col in self_refs(spec):
        stored = existing.values[spec.key].items()
        parent: dict[Any, Any] = {key[0]: values[col.attr] for key, values in stored}
        for row in table.rows:
            if row.key is not None and col.attr in row.values:
                parent[row.key[0]] = row.values[col.attr]
        for row in table.rows:
            if row.key is None or col.attr in row.bad:
                continue
            start = row.key[0]
            seen = {start}
            current = parent.get(start)
            while current is not None and current not in seen:
                seen.add(current)
                current = parent.get(current)
            if current == start:
                table.add(
                    problems,
                    row.number,
                    col.attr,
                    row.values.get(col.attr),
                    "refers back to this row (a loop)",
                    "loop",
                )
