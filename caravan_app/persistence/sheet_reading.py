"""Import, first step: a workbook's sheets (or a CSV file) as raw cell values, and the problems found.

Nothing here knows the columns' kinds: formulas, Excel error values and merged cells are reported as
they are met, and the rows are handed to sheet_checks as they stand.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from caravan_app.errors import ImportProblem
from caravan_app.persistence.sheet_cells import REFUSED, Refused, as_text, is_blank, unquote_formula
from caravan_app.persistence.sheet_specs import ENTITIES, SheetSpec, normalise

MAX_PROBLEMS = 1000


@dataclass
class RawSheet:
    title: str
    headers: list[str | None]
    rows: list[tuple[int, list[object]]]  # (spreadsheet row number, cell values)


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
    ) -> None:
        text = value if isinstance(value, str) else as_text(value)
        position = (order[0], row if row is not None else -1, order[1])
        self.items.append((position, ImportProblem(sheet, row, column, text, reason)))

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> list[ImportProblem]:
        ordered = [problem for _, problem in sorted(self.items, key=lambda pair: pair[0])]
        if len(ordered) > MAX_PROBLEMS:
            more = len(ordered) - MAX_PROBLEMS
            ordered = ordered[:MAX_PROBLEMS] + [ImportProblem("", None, "", "", f"and {more} more problems")]
        return ordered


def read_xlsx(path: Path, problems: Problems) -> list[RawSheet]:
    name = path.name
    try:
        with warnings.catch_warnings():  # openpyxl warns of Excel features it drops; they hold no data
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=False)
    except Exception:  # zip errors, missing parts, XML errors: all mean the same to the user
        problems.add(name, None, "", "", "not an Excel workbook (.xlsx)")
        return []
    sheets: list[RawSheet] = []
    for position, sheet in enumerate(book.worksheets):
        title = str(sheet.title)
        order = sheet_order(title, position)
        headers: list[str | None] = []
        rows: list[tuple[int, list[object]]] = []
        for cells in sheet.iter_rows():
            values: list[object] = []
            for cell in cells:
                value = cell.value
                if cell.data_type == "f":
                    formula = getattr(value, "text", value)
                    problems.add(
                        title,
                        cell.row,
                        _header_at(headers, cell.column),
                        "",
                        f"a formula where a value belongs ({formula})",
                        (order, cell.column),
                    )
                    value = REFUSED
                elif cell.data_type == "e":
                    problems.add(
                        title,
                        cell.row,
                        _header_at(headers, cell.column),
                        "",
                        f"an Excel error value ({value})",
                        (order, cell.column),
                    )
                    value = REFUSED
                values.append(value)
            row_number = cells[0].row if cells else 0
            if row_number == 1:
                headers = [
                    None if is_blank(v) or isinstance(v, Refused) else as_text(v).strip() for v in values
                ]
            elif any(not is_blank(v) for v in values):
                rows.append((row_number, values))
        for merged in sheet.merged_cells.ranges:
            problems.add(
                title,
                merged.min_row,
                _header_at(headers, merged.min_col),
                "",
                f"merged cells are not allowed ({merged.coord})",
                (order, merged.min_col),
            )
        sheets.append(RawSheet(title, headers, rows))
    return sheets


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
        problems.add(name, None, "", "", "not a CSV text file")
        return []
    # Records are split by the csv module alone: str.splitlines would also split at U+2028, U+2029
    # and other breaks that the writer leaves unquoted inside a cell.
    records = [
        [unquote_formula(cell) for cell in record] for record in csv.reader(io.StringIO(text, newline=""))
    ]
    if not records:
        return [RawSheet(name, [], [])]
    width = max(len(record) for record in records)  # values past the last header are reported
    headers: list[str | None] = [h.strip() or None for h in records[0]] + [None] * (width - len(records[0]))
    rows = [
        (number, list[object](values))
        for number, values in enumerate(records[1:], start=2)
        if any(v.strip() for v in values)
    ]
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
    )
    return None
