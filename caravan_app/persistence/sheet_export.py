"""Export: every entity as a sheet of an .xlsx workbook, or one entity as CSV, written atomically."""

from __future__ import annotations

import csv
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from caravan_app.domain.enums import split_themes
from caravan_app.errors import CaravanError
from caravan_app.persistence.sheet_cells import EXCEL_TEXT_LIMIT, quote_formula, time_text
from caravan_app.persistence.sheet_specs import (
    ENTITIES,
    THEMES_SHOWN_WITH,
    ColumnSpec,
    Kind,
    SheetSpec,
    continuation_header,
    entity_named,
    load_all,
    natural_key,
    row_values,
)


def _exported_rows(session: Session) -> Iterator[tuple[SheetSpec, list[dict[str, Any]]]]:
    """Each entity's rows (values by attribute, references as keys), ordered by natural key."""
    keys_by_id: dict[str, dict[int, Any]] = {}
    for spec in ENTITIES:
        objects = load_all(session, spec)
        if len(spec.natural_key) == 1:  # first: regions refer to regions
            keys_by_id[spec.key] = {obj.id: getattr(obj, spec.natural_key[0]) for obj in objects}
        rows = [row_values(spec, obj, keys_by_id) for obj in objects]
        rows.sort(key=lambda values: natural_key(spec, values))
        yield spec, rows


def _shown(col: ColumnSpec, value: Any) -> Any:
    """A model value as it is written in a cell: labels for enums, 是/否, themes joined with 、."""
    if value is None:
        return None
    if col.kind is Kind.ENUM:
        return value.zh
    if col.kind is Kind.BOOL:
        return "是" if value else "否"
    if col.kind is Kind.THEMES:
        return THEMES_SHOWN_WITH.join(split_themes(value)) or None
    if col.kind is Kind.ENUM_LIST:
        assert col.enum is not None
        return THEMES_SHOWN_WITH.join(col.enum(code).zh for code in split_themes(value)) or None
    if col.kind is Kind.TIME:
        return time_text(value)
    if isinstance(value, str) and value == "":
        return None
    return value


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _csv_cell(value: Any) -> str:
    """A cell as CSV holds it: text that looks like a formula is written as text (numbers never are)."""
    return quote_formula(value) if isinstance(value, str) else _csv_text(value)


_EXCEL_FIRST_DAY = date(1900, 3, 1)  # Excel's calendar is wrong before this day


def _display_width(value: Any) -> int:
    text = _csv_text(value).split("\n")[0]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(text: str) -> list[str]:
    return [text[i : i + EXCEL_TEXT_LIMIT] for i in range(0, len(text), EXCEL_TEXT_LIMIT)] or [text]


def _write_sheet(book: Any, spec: SheetSpec, rows: list[dict[str, Any]]) -> None:
    sheet = book.create_sheet(spec.sheet)
    bold = Font(bold=True)
    # JSON longer than a cell holds (a solved plan keeps its problem) goes on in continuation columns
    # after the sheet's own, which the import joins again.
    extra: list[tuple[ColumnSpec, int]] = []
    for col in spec.columns:
        if col.kind is Kind.JSON:
            longest = max((len(v[col.attr]) for v in rows if isinstance(v[col.attr], str)), default=0)
            extra += [(col, n) for n in range(1, -(-longest // EXCEL_TEXT_LIMIT))]
    headers = [col.header for col in spec.columns] + [continuation_header(col.header, n) for col, n in extra]
    widths = [_display_width(header) for header in headers]
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = bold
    place = {(col.attr, n): len(spec.columns) + i + 1 for i, (col, n) in enumerate(extra)}
    for row_number, values in enumerate(rows, start=2):
        for index, col in enumerate(spec.columns, start=1):
            value = _shown(col, values[col.attr])
            if value is None:
                continue
            if col.kind is Kind.JSON and isinstance(value, str) and len(value) > EXCEL_TEXT_LIMIT:
                first, *rest = _pieces(value)
                for n, piece in enumerate(rest, start=1):
                    _write_cell(sheet, row_number, place[col.attr, n], piece, spec, col)
                value = first
            _write_cell(sheet, row_number, index, value, spec, col)
            widths[index - 1] = max(widths[index - 1], _display_width(value))
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 6) + 2, 60)


def _write_cell(sheet: Any, row: int, column: int, value: Any, spec: SheetSpec, col: ColumnSpec) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, datetime):
        if value.microsecond or value.date() < _EXCEL_FIRST_DAY:
            # Excel keeps milliseconds at best: such a moment is written as text, read back exactly.
            value = value.isoformat(sep=" ")
        else:
            cell.value = value
            cell.number_format = "yyyy-mm-dd hh:mm:ss"
            return
    elif isinstance(value, date):
        if value < _EXCEL_FIRST_DAY:
            value = value.isoformat()
        else:
            cell.value = value
            cell.number_format = "yyyy-mm-dd"
            return
    if isinstance(value, str):
        if len(value) > EXCEL_TEXT_LIMIT or ILLEGAL_CHARACTERS_RE.search(value):
            raise CaravanError(
                f"cannot export {spec.sheet} row {row}, column {col.header}: Excel cannot hold this text "
                f"(longer than {EXCEL_TEXT_LIMIT} characters or with a control character)"
            )
        cell.value = value
        cell.data_type = "s"  # text, even "=A1" or "#N/A": never a formula or an error value
        cell.number_format = "@"
    elif isinstance(value, float) and float(f"{value:.16g}") != value:
        # openpyxl writes 16 significant digits; this float needs 17 to come back the same.
        cell.value = repr(value)
        cell.data_type = "n"
    else:
        cell.value = value


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file next to `path`, then move it over: no half-written file is left."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise CaravanError(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CaravanError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_workbook(session: Session, path: Path | str) -> dict[str, int]:
    """Every entity as a sheet of a new .xlsx workbook; the number of rows written, by sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    counts: dict[str, int] = {}
    for spec, rows in _exported_rows(session):
        _write_sheet(book, spec, rows)
        counts[spec.sheet] = len(rows)
    _replace_atomically(Path(path), lambda target: book.save(target))
    return counts


def export_csv(session: Session, entity: str, path: Path | str) -> int:
    """One entity (by English key or sheet name) as UTF-8 CSV with a BOM; the number of rows written."""
    spec = entity_named(entity)
    rows: list[dict[str, Any]] = []
    for each, each_rows in _exported_rows(session):
        if each is spec:
            rows = each_rows
            break

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([col.header for col in spec.columns])
            for values in rows:
                writer.writerow([_csv_cell(_shown(col, values[col.attr])) for col in spec.columns])

    _replace_atomically(Path(path), write)
    return len(rows)
