"""Cell values: parsing what a user typed (or a cell holds) into a model value, and back to text."""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, time
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from caravan_app.domain.enums import join_themes, split_themes
from caravan_app.domain.weekdays import normalise_weekdays
from caravan_app.persistence.sheet_specs import ColumnSpec, Kind

_INT_LIMIT = 2**31 - 1  # an INTEGER column on PostgreSQL
EXCEL_TEXT_LIMIT = 32767  # characters in a cell; openpyxl would cut the rest off silently


class CellError(ValueError):
    """A cell that cannot be read as its column's kind: the message is the problem's reason in English
    (the command line, the log), `code` and `values` what the window words in its own language."""

    def __init__(self, message: str, code: str, **values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


class Refused:
    """A cell already reported (a formula or an Excel error value), skipped when parsing."""


REFUSED = Refused()

_DATE_TEXT = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATETIME_TEXT = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
)
_TRUE = {"是", "true", "1", "yes", "y"}
_FALSE = {"否", "false", "0", "no", "n"}


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def as_text(raw: object) -> str:
    """A cell's value as the text a user would see, for text columns and for problem reports."""
    if raw is None or isinstance(raw, Refused):
        return ""
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        return str(int(raw))
    if isinstance(raw, datetime):
        if raw.time() == time(0):
            return raw.date().isoformat()
        return raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, time):
        return time_text(raw)
    return str(raw)


def time_text(value: time) -> str:
    return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")


def _parse_int(raw: object) -> int:
    if isinstance(raw, bool):
        raise CellError("not a whole number", "not_integer")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise CellError("not a whole number", "not_integer")
        value = int(raw)
    elif isinstance(raw, str) and re.fullmatch(r"[+-]?\d+(\.0*)?", raw.strip()):
        value = int(raw.strip().split(".")[0])
    else:
        raise CellError("not a whole number", "not_integer")
    if abs(value) > _INT_LIMIT:
        raise CellError("too large", "too_large")
    return value


def _parse_float(raw: object) -> float:
    if isinstance(raw, bool):
        raise CellError("not a number", "not_number")
    if not isinstance(raw, int | float | str):
        raise CellError("not a number", "not_number")
    try:
        value = float(raw.strip() if isinstance(raw, str) else raw)
    except (ValueError, OverflowError):
        raise CellError("not a number", "not_number") from None
    if not math.isfinite(value):
        raise CellError("not a number", "not_number")
    return value


def _parse_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in _TRUE:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _FALSE:
        return False
    raise CellError("not 是 or 否", "not_yes_no")


def _make_date(year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise CellError("no such date", "no_such_date") from None


def _parse_date(raw: object) -> date:
    if isinstance(raw, datetime):
        if raw.time() != time(0):
            raise CellError("a date without a time is expected", "date_only")
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        match = _DATE_TEXT.fullmatch(raw.strip())
        if match:
            return _make_date(*match.groups())
    raise CellError("not a date (YYYY-MM-DD)", "not_date")


def _parse_datetime(raw: object) -> datetime:
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time(0))
    if isinstance(raw, str):
        match = _DATETIME_TEXT.fullmatch(raw.strip())
        if match:
            year, month, day, hour, minute, second, fraction = match.groups()
            day_of = _make_date(year, month, day)
            try:
                moment = time(
                    int(hour or 0), int(minute or 0), int(second or 0), int((fraction or "0").ljust(6, "0"))
                )
            except ValueError:
                raise CellError("no such time", "no_such_time") from None
            return datetime.combine(day_of, moment)
    raise CellError("not a date and time (YYYY-MM-DD HH:MM)", "not_datetime")


_TIME_TEXT = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")


def _parse_time(raw: object) -> time:
    if isinstance(raw, datetime):
        return raw.time()
    if isinstance(raw, time):
        return raw
    if isinstance(raw, str):
        match = _TIME_TEXT.fullmatch(raw.strip())
        if match:
            hour, minute, second = match.groups()
            try:
                return time(int(hour), int(minute), int(second or 0))
            except ValueError:
                raise CellError("no such time", "no_such_time") from None
    raise CellError("not a time (HH:MM)", "not_time")


def _choices(col: ColumnSpec) -> str:
    assert col.enum is not None
    return "、".join(m.zh for m in col.enum)


def _parse_enum_list(col: ColumnSpec, raw: object) -> str:
    assert col.enum is not None
    members = []
    for part in split_themes(as_text(raw)):
        try:
            members.append(col.enum.parse(part).value)
        except ValueError as exc:
            raise CellError(f"{part}: {exc}", "unknown_choice", text=part, choices=_choices(col)) from None
    return join_themes(sorted(set(members), key=members.index))


def parse_cell(col: ColumnSpec, raw: object, length: int | None = None) -> Any:
    """The value a non-blank cell gives a column (a reference stays the referenced row's key).

    Raises CellError, whose message is the reason, for anything it cannot take.
    """
    kind = col.kind
    value: Any
    if kind is Kind.INT:
        value = _parse_int(raw)
    elif kind is Kind.FLOAT:
        value = _parse_float(raw)
    elif kind is Kind.BOOL:
        return _parse_bool(raw)
    elif kind is Kind.DATE:
        return _parse_date(raw)
    elif kind is Kind.DATETIME:
        return _parse_datetime(raw)
    elif kind is Kind.TIME:
        return _parse_time(raw)
    elif kind is Kind.ENUM:
        assert col.enum is not None
        try:
            return col.enum.parse(as_text(raw))
        except ValueError as exc:
            raise CellError(str(exc), "unknown_choice", text=as_text(raw), choices=_choices(col)) from None
    elif kind is Kind.WEEKDAYS:
        try:
            return normalise_weekdays(as_text(raw))
        except ValueError as exc:
            raise CellError(str(exc), "weekdays_invalid") from None
    elif kind is Kind.THEMES:
        value = join_themes(split_themes(as_text(raw)))
    elif kind is Kind.ENUM_LIST:
        value = _parse_enum_list(col, raw)
    elif kind is Kind.REF:
        value = as_text(raw).strip()
    else:
        value = as_text(raw)
        if kind is Kind.JSON:
            try:
                json.loads(value)
            except (ValueError, RecursionError):
                raise CellError("not valid JSON", "not_json") from None
    if isinstance(value, str):
        if length is not None and len(value) > length:
            raise CellError(f"longer than {length} characters", "too_long", length=length)
        # What the export could not write again is refused here, not when the whole database is exported
        # (JSON, the program's own text, is written on into continuation cells instead).
        if len(value) > EXCEL_TEXT_LIMIT and kind is not Kind.JSON:
            raise CellError(
                f"longer than {EXCEL_TEXT_LIMIT} characters, the most an Excel cell holds",
                "excel_too_long",
                length=EXCEL_TEXT_LIMIT,
            )
        control = ILLEGAL_CHARACTERS_RE.search(value)
        if control:
            character = f"U+{ord(control.group()):04X}"
            raise CellError(
                f"holds a control character Excel cannot keep ({character})",
                "control_character",
                character=character,
            )
        if col.pattern and not re.fullmatch(col.pattern[0], value):
            raise CellError(col.pattern[1], col.pattern[2])
    else:
        _check_range(col, value)
    return value


def _check_range(col: ColumnSpec, value: float) -> None:
    low, high = col.minimum, col.maximum
    if low is not None and high is not None and not low <= value <= high:
        raise CellError(
            f"must be between {_number_text(low)} and {_number_text(high)}",
            "between",
            low=_number_text(low),
            high=_number_text(high),
        )
    if low is not None and value < low:
        if low == 0:
            raise CellError("must not be negative", "negative")
        raise CellError(f"must be at least {_number_text(low)}", "at_least", low=_number_text(low))
    if high is not None and value > high:
        raise CellError(f"must be at most {_number_text(high)}", "at_most", high=_number_text(high))


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# A CSV cell starting with one of these is a formula to a spreadsheet that opens the file (OWASP's
# list); apostrophes already before such a start are counted in, so that every text comes back.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def quote_formula(text: str) -> str:
    """Text as a CSV cell: one a spreadsheet would run as a formula gets a leading apostrophe, the mark
    a spreadsheet itself puts before text typed to look like a formula."""
    return "'" + text if _FORMULA_START.match(text) else text


def unquote_formula(cell: str) -> str:
    """A CSV cell's text: the apostrophe `quote_formula` put before a formula's start taken off."""
    return cell[1:] if cell.startswith("'") and _FORMULA_START.match(cell, 1) else cell
