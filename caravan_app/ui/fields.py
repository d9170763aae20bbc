"""Checking what a user types into an edit form, field by field, with a message that names the
field and the value. The service checks again on save; these checks make Save wait until the form
can be saved at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from PySide6.QtCore import QCoreApplication

from caravan_app.domain.enums import join_themes, split_themes
from caravan_app.domain.weekdays import normalise_weekdays
from caravan_app.services.inventory import ColumnSpec, Kind, OrderCheck


class FieldError(ValueError):
    """The reason a typed value is refused, in the current language."""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _range(col: ColumnSpec, value: float) -> None:
    low, high = col.minimum, col.maximum
    if low is not None and high is not None and not low <= value <= high:
        raise FieldError(
            QCoreApplication.translate("FieldCheck", "must be between %1 and %2")
            .replace("%1", _number(low))
            .replace("%2", _number(high))
        )
    if low is not None and value < low:
        if low == 0:
            raise FieldError(QCoreApplication.translate("FieldCheck", "must not be negative"))
        raise FieldError(
            QCoreApplication.translate("FieldCheck", "must be at least %1").replace("%1", _number(low))
        )
    if high is not None and value > high:
        raise FieldError(
            QCoreApplication.translate("FieldCheck", "must be at most %1").replace("%1", _number(high))
        )


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})[:：](\d{2})")


def parse_text(col: ColumnSpec, text: str, length: int | None = None) -> Any:
    """The value `text` gives a text-typed column (not enums, references or yes/no); FieldError if none.

    Blank gives None; the caller decides whether the field may be blank.
    """
    text = text.strip()
    if text == "":
        return None
    kind = col.kind
    value: Any
    if kind is Kind.INT:
        if not re.fullmatch(r"[+-]?\d+", text):
            raise FieldError(QCoreApplication.translate("FieldCheck", "is not a whole number"))
        value = int(text)
        if abs(value) > 2**31 - 1:
            raise FieldError(QCoreApplication.translate("FieldCheck", "is too large"))
        _range(col, value)
        return value
    if kind is Kind.FLOAT:
        try:
            value = float(text.replace(",", ""))
        except ValueError:
            raise FieldError(QCoreApplication.translate("FieldCheck", "is not a number")) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise FieldError(QCoreApplication.translate("FieldCheck", "is not a number"))
        _range(col, value)
        return value
    if kind is Kind.DATE:
        match = _DATE.fullmatch(text)
        if not match:
            raise FieldError(QCoreApplication.translate("FieldCheck", "is not a date (YYYY-MM-DD)"))
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            raise FieldError(QCoreApplication.translate("FieldCheck", "is no such date")) from None
    if kind is Kind.TIME:
        match = _TIME.fullmatch(text)
        if not match:
            raise FieldError(QCoreApplication.translate("FieldCheck", "is not a time (HH:MM)"))
        try:
            return time(int(match.group(1)), int(match.group(2)))
        except ValueError:
            raise FieldError(QCoreApplication.translate("FieldCheck", "is no such time")) from None
    if kind is Kind.WEEKDAYS:
        try:
            return normalise_weekdays(text)
        except ValueError:
            raise FieldError(
                QCoreApplication.translate(
                    "FieldCheck", "is not weekday digits 1 (Monday) to 7 (Sunday), e.g. 12345"
                )
            ) from None
    if kind is Kind.THEMES:
        value = join_themes(split_themes(text))
    elif kind is Kind.ENUM_LIST:
        from caravan_app.domain.enums import CaravanType

        parts = split_themes(text)
        members = []
        for part in parts:
            try:
                members.append(CaravanType.parse(part).value)
            except ValueError:
                raise FieldError(
                    QCoreApplication.translate("FieldCheck", "names an unknown caravan type: %1").replace(
                        "%1", part
                    )
                ) from None
        value = join_themes(members)
    else:
        value = text
    if length is not None and len(value) > length:
        raise FieldError(
            QCoreApplication.translate("FieldCheck", "is longer than %1 characters").replace(
                "%1", str(length)
            )
        )
    if col.pattern and not re.fullmatch(col.pattern[0], value):
        raise FieldError(
            QCoreApplication.translate("FieldCheck", "must be 6 digits")
            if col.pattern[0] == r"\d{6}"
            else QCoreApplication.translate("FieldCheck", "has the wrong form")
        )
    return value


def text_of(col: ColumnSpec, value: Any) -> str:
    """A stored value as the text its field shows."""
    if value is None:
        return ""
    if col.kind is Kind.TIME and isinstance(value, time):
        return value.strftime("%H:%M")
    if col.kind is Kind.DATE and isinstance(value, date):
        return value.isoformat()
    if col.kind is Kind.FLOAT and isinstance(value, float):
        return _number(value)
    if col.kind in (Kind.THEMES, Kind.ENUM_LIST):
        return "、".join(split_themes(str(value)))
    return str(value)


@dataclass(frozen=True)
class OrderProblem:
    earlier: str
    later: str
    reason: str


def order_problem(check: OrderCheck, values: dict[str, Any]) -> OrderProblem | None:
    """A row-level check (an end before its start) that the values break, if any."""
    first, second = values.get(check.earlier), values.get(check.later)
    if first is None or second is None:
        return None
    if second < first or (check.strict and second == first):
        return OrderProblem(
            check.earlier,
            check.later,
            QCoreApplication.translate("FieldCheck", "comes before %1").replace("%1", "{earlier}"),
        )
    return None
