"""Import, first step: a workbook's sheets (or a CSV file) as raw cell values, and the problems found.

Nothing here knows the columns' kinds: formulas, Excel error values and merged cells are reported as
they are met, and the rows are handed to sheet_checks as they stand. Only cells that hold a value are
read, within MAX_ROWS and MAX_COLUMNS, so a file costs what its data costs.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet.cell_range import CellRange

from caravan_app.errors import ImportProblem
from caravan_app.persistence.sheet_cells import REFUSED, Refused, as_text, is_blank, unquote_formula
from caravan_app.persistence.sheet_specs import ENTITIES, SheetSpec, normalise

MAX_PROBLEMS = 1000
# How much of a sheet an import reads: a value past these is refused, naming its cell. They bound
# the time and memory an import takes, whatever a file claims its sheets' dimensions are.
MAX_ROWS = 100_000  # rows of data, below the header row
LAST_ROW = MAX_ROWS + 1
MAX_COLUMNS = 200
SHOWN_VALUE = 200  # characters of a cell's value a problem shows


@dataclass
class RawSheet:
    title: str
    headers: list[str | None]
    rows: list[tuple[int, list[object]]]  # (spreadsheet row number, cell values)
    complete: bool = True  # False: reading stopped at a value past the limits


@dataclass
class Problems:
    """Problems as they are found, sorted for the report by sheet, row and column."""

    items: list[tuple[tuple[int, int, int], ImportProblem]] = field(default_factory=list)

    def add(
        self,
        sheet: str,
        row: int | None,
        column: str,
        value: object,
        reason: str,
        order: tuple[int, int] = (-1, -1),
        *,
        code: str = "",
        **values: object,
    ) -> None:
        """A problem; `reason` in English, `code` and `values` for the window to word."""
        self.add_named(sheet, row, column, value, reason, order, code, values)

    def add_named(
        self,
        sheet: str,
        row: int | None,
        column: str,
        value: object,
        reason: str,
        order: tuple[int, int],
        code: str,
        values: Mapping[str, object],
    ) -> None:
        text = value if isinstance(value, str) else as_text(value)
        if len(text) > SHOWN_VALUE:
            text = text[:SHOWN_VALUE] + "…"
        position = (order[0], row if row is not None else -1, order[1])
        named = tuple((key, str(v)) for key, v in values.items())
        self.items.append((position, ImportProblem(sheet, row, column, text, reason, code, named)))

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> list[ImportProblem]:
        ordered = [problem for _, problem in sorted(self.items, key=lambda pair: pair[0])]
        if len(ordered) > MAX_PROBLEMS:
            more = len(ordered) - MAX_PROBLEMS
            more_problems = ImportProblem(
                "", None, "", "", f"and {more} more problems", "more_problems", (("count", str(more)),)
            )
            ordered = ordered[:MAX_PROBLEMS] + [more_problems]
        return ordered


class _Unreadable(Exception):
    """A sheet's XML cannot be read to its end: the file is damaged."""


class _SheetCells:
    """The cells of a read-only sheet that hold a value, row by row, as the sheet's XML has them.

    openpyxl's iter_rows fills every row out to the sheet's claimed dimensions (or to the row's last
    cell), so one formatted empty cell at XFD1048576, which Excel leaves behind, cost it 17 billion
    cells. The parser beneath it, which its read-only sheet uses too, yields only the cells the file
    holds; the merged ranges are known once the cells are read.
    """

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.merged: list[CellRange] = []

    def rows(self) -> Generator[tuple[int, list[tuple[int, object, str]]], None, None]:
        sheet, book = self.sheet, self.sheet.parent
        try:
            with sheet._get_source() as source:
                parser = WorkSheetParser(
                    source,
                    sheet._shared_strings,
                    data_only=False,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                for number, cells in parser.parse():
                    held = [
                        (c["column"], c["value"], c["data_type"]) for c in cells if c["value"] is not None
                    ]
                    if held:
                        yield number, held
                if parser.merged_cells is not None:
                    self.merged = [CellRange(merged.ref) for merged in parser.merged_cells.mergeCell]
        except Exception as exc:  # XML errors, a shared string that is not there: a damaged file
            raise _Unreadable from exc


def read_xlsx(path: Path, problems: Problems) -> list[RawSheet]:
    name = path.name
    with warnings.catch_warnings():  # openpyxl warns of Excel features it drops; they hold no data
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except Exception:  # zip errors, missing parts, XML errors: all mean the same to the user
            problems.add(name, None, "", "", _NOT_A_WORKBOOK, code="not_a_workbook")
            return []
        try:
            return [_read_sheet(sheet, position, problems) for position, sheet in enumerate(book.worksheets)]
        except _Unreadable:
            problems.add(name, None, "", "", _NOT_A_WORKBOOK, code="not_a_workbook")
            return []
        finally:
            book.close()


_NOT_A_WORKBOOK = "not an Excel workbook (.xlsx)"


def _read_sheet(sheet: Any, position: int, problems: Problems) -> RawSheet:
    title = str(sheet.title)
    order = sheet_order(title, position)
    headers: list[str | None] = []
    rows: list[tuple[int, list[object]]] = []
    cells = _SheetCells(sheet)
    with contextlib.closing(cells.rows()) as held_rows:
        for number, held in held_rows:
            values: list[object] = []
            for column, value, data_type in held:
                if column > MAX_COLUMNS or number > LAST_ROW:
                    if is_blank(value):
                        continue
                    reason, code, limits = _past_the_limits(title, number, column)
                    header = _header_at(headers, column)
                    problems.add_named(title, number, header, value, reason, (order, column), code, limits)
                    return RawSheet(title, headers, rows, complete=False)
                if data_type in ("f", "e"):  # a formula or an Excel error value where a value belongs
                    where = (title, number, _header_at(headers, column), "")
                    if data_type == "f":
                        formula = getattr(value, "text", value)
                        reason = f"a formula where a value belongs ({formula})"
                        problems.add(*where, reason, (order, column), code="formula", formula=formula)
                    else:
                        reason = f"an Excel error value ({value})"
                        problems.add(*where, reason, (order, column), code="excel_error", error=value)
                    value = REFUSED
                if column > len(values):
                    values.extend([None] * (column - len(values)))
                values[column - 1] = value
            if number == 1:
                headers = [
                    None if is_blank(v) or isinstance(v, Refused) else as_text(v).strip() for v in values
                ]
            elif any(not is_blank(v) for v in values):
                rows.append((number, values))
    for merged in cells.merged:
        problems.add(
            title,
            merged.min_row,
            _header_at(headers, merged.min_col),
            "",
            f"merged cells are not allowed ({merged.coord})",
            (order, merged.min_col),
            code="merged_cells",
            cells=merged.coord,
        )
    return RawSheet(title, headers, rows)


def _past_the_limits(title: str, row: int, column: int) -> tuple[str, str, dict[str, object]]:
    """The reason in English, its code and its values."""
    cell = f"{title}!{get_column_letter(column)}{row}"
    if column > MAX_COLUMNS:
        last = get_column_letter(MAX_COLUMNS)
        return (
            f"cell {cell} is past column {last}, the last an import reads",
            "past_last_column",
            {
                "cell": cell,
                "last": last,
            },
        )
    return (
        f"cell {cell} is past row {LAST_ROW}, the last an import reads ({MAX_ROWS} rows of data)",
        "past_last_row",
        {"cell": cell, "last": LAST_ROW, "rows": MAX_ROWS},
    )


def sheet_order(title: str, position: int) -> int:
    """Where a sheet's problems come in the report: in the order of ENTITIES, unknown sheets last."""
    spec = spec_for_sheet(title)
    return ENTITIES.index(spec) if spec else len(ENTITIES) + position


def spec_for_sheet(title: str) -> SheetSpec | None:
    name = normalise(title)
    return next((e for e in ENTITIES if name in (normalise(e.sheet), e.key)), None)


def _header_at(headers: Sequence[str | None], column: int) -> str:
    """The header of a 1-based column, or its letter when it has none."""
    if column <= len(headers) and headers[column - 1]:
        return str(headers[column - 1])
    letter: str = get_column_letter(column)
    return letter


def read_csv(path: Path, problems: Problems) -> list[RawSheet]:
    name = path.name
    data = path.read_bytes()
    text: str | None = None
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in Chinese saves "CSV" as GB18030/GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        problems.add(name, None, "", "", "not a CSV text file", code="not_csv")
        return []
    headers: list[str | None] = []
    rows: list[tuple[int, list[object]]] = []
    width = 0  # values past the last header are reported
    # The whole text is in memory already: a cell longer than the csv module's limit (128 KiB) is
    # read, and refused by its column's checks, which name it.
    field_limit = csv.field_size_limit()
    csv.field_size_limit(max(field_limit, len(text)))
    try:
        # Records are split by the csv module alone: str.splitlines would also split at U+2028,
        # U+2029 and other breaks that the writer leaves unquoted inside a cell.
        for number, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            held = [index for index, cell in enumerate(record) if cell.strip()]
            past = [index for index in held if index >= MAX_COLUMNS or number > LAST_ROW]
            if past:
                column = past[0] + 1
                reason, code, limits = _past_the_limits(name, number, column)
                header = _header_at(headers, column)
                problems.add_named(name, number, header, record[past[0]], reason, (-1, -1), code, limits)
                return [RawSheet(name, headers, rows, complete=False)]
            cells = [unquote_formula(cell) for cell in record[:MAX_COLUMNS]]
            if number == 1:
                headers = [cell.strip() or None for cell in cells]
            elif held:
                rows.append((number, list[object](cells)))
            width = max(width, len(cells))
    except csv.Error:  # past the field limit, if another import has just narrowed it again
        problems.add(name, None, "", "", "not a CSV text file", code="not_csv")
        return []
    finally:
        csv.field_size_limit(field_limit)
    headers += [None] * (width - len(headers))
    return [RawSheet(name, headers, rows)]


def csv_entity(path: Path, sheet: RawSheet, problems: Problems) -> SheetSpec | None:
    stem = normalise(path.stem)
    for spec in ENTITIES:
        if stem in (normalise(spec.key), normalise(spec.sheet)):
            return spec
    found = {normalise(h) for h in sheet.headers if h}
    matches = [spec for spec in ENTITIES if {normalise(c.header) for c in spec.columns} == found]
    if len(matches) == 1:
        return matches[0]
    problems.add(
        sheet.title,
        None,
        "",
        path.stem,
        "cannot tell which table this is: name the file after it (e.g. caravans.csv or 车辆.csv)",
        code="which_table",
    )
    return None
