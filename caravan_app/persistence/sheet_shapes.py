"""The shapes a sheet is declared with: a column's kind, a column, row checks, a whole sheet.
sheet_specs.py declares every entity's sheet with them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from caravan_app.domain.enums import LabelledEnum
from caravan_app.persistence.base import Base

THEMES_SHOWN_WITH = "、"


class Kind(Enum):
    """How a column's value is written in a cell and read back."""

    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"  # 是/否
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"  # a clock time, written HH:MM
    ENUM = "enum"  # the Chinese label (the code is accepted too)
    THEMES = "themes"  # a list, shown joined with 、
    ENUM_LIST = "enum_list"  # several members of `enum`, shown as labels joined with 、, stored as codes
    WEEKDAYS = "weekdays"  # digits 1 (Monday) to 7 (Sunday)
    JSON = "json"  # text that must be valid JSON
    REF = "ref"  # another entity's natural key (its code)


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a sheet: its Chinese header, the model attribute and how cells are read.

    A required column must be in the header row and filled in every row. An optional column may
    be left out of the file (an existing row keeps its value, a new one takes the model's default);
    a blank cell in it means no value (NULL) if the database allows one, else the model's default.
    """

    header: str
    attr: str
    kind: Kind
    required: bool = False
    enum: type[LabelledEnum] | None = None
    ref: str | None = None  # the referenced entity's key, for Kind.REF
    minimum: float | None = None
    maximum: float | None = None
    pattern: tuple[str, str, str] | None = (
        None  # (regular expression, reason when it does not match, its code)
    )


@dataclass(frozen=True)
class OrderCheck:
    """`later` must not be before `earlier` (both present): a row-level copy of a CHECK constraint."""

    earlier: str
    later: str
    reason: str = "ends before it starts"
    strict: bool = False  # `later` must also differ from `earlier`
    code: str = "ends_before_starts"  # the reason, for the window to word


@dataclass(frozen=True)
class OneOfCheck:
    """Exactly one (or, with `at_most`, at most one) of these reference columns is filled."""

    attrs: tuple[str, ...]
    at_most: bool = False


@dataclass(frozen=True)
class UniqueSpec:
    """A unique column other than the natural key (a caravan's plate)."""

    attr: str
    word: str


@dataclass(frozen=True)
class SheetSpec:
    """One entity: its sheet (Chinese name), its English key (for CSV), model, natural key, columns."""

    key: str
    sheet: str
    model: type[Base]
    noun: str  # in reasons: "unknown {noun} {key_word}"
    natural_key: tuple[str, ...]  # attributes; references in it are the referenced row's key
    columns: tuple[ColumnSpec, ...]
    checks: tuple[OrderCheck | OneOfCheck, ...] = ()
    unique: tuple[UniqueSpec, ...] = ()

    @property
    def key_word(self) -> str:
        if len(self.natural_key) > 1:
            return "key"
        return "name" if self.natural_key[0] == "name" else "code"

    def column(self, attr: str) -> ColumnSpec:
        return self._by_attr[attr]

    @cached_property
    def _by_attr(self) -> dict[str, ColumnSpec]:
        return {col.attr: col for col in self.columns}
