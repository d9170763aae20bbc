"""Why an import refused a cell, a row or a file, in the window's language: each problem carries its
reason as a code with values (persistence's checks), worded here; a problem without a code keeps its
English reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from caravan_app.errors import ImportProblem
from caravan_app.ui.labels import entity_noun


def _fill(text: str, *values: object) -> str:
    # Highest placeholder first, so %1 does not eat the start of %10.
    for i in range(len(values), 0, -1):
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text


def _noun(entity: str) -> str:
    nouns = {
        "trips": QCoreApplication.translate("ImportReasons", "trip"),
        "workshops": QCoreApplication.translate("ImportReasons", "workshop"),
        "joint_tours": QCoreApplication.translate("ImportReasons", "joint tour"),
        "exhibit_sets": QCoreApplication.translate("ImportReasons", "set"),
    }
    return nouns.get(entity) or entity_noun(entity)


def _templates(v: dict[str, str]) -> dict[str, Callable[[], str]]:
    def order(text: str) -> Callable[[], str]:
        return lambda: _fill(text, v.get("header", ""), v.get("earlier", ""))

    return {
        "not_integer": lambda: QCoreApplication.translate("ImportReasons", "not a whole number"),
        "too_large": lambda: QCoreApplication.translate("ImportReasons", "too large"),
        "not_number": lambda: QCoreApplication.translate("ImportReasons", "not a number"),
        "not_yes_no": lambda: QCoreApplication.translate("ImportReasons", "not 是 or 否"),
        "no_such_date": lambda: QCoreApplication.translate("ImportReasons", "no such date"),
        "date_only": lambda: QCoreApplication.translate("ImportReasons", "a date without a time is expected"),
        "not_date": lambda: QCoreApplication.translate("ImportReasons", "not a date (YYYY-MM-DD)"),
        "no_such_time": lambda: QCoreApplication.translate("ImportReasons", "no such time"),
        "not_datetime": lambda: QCoreApplication.translate(
            "ImportReasons", "not a date and time (YYYY-MM-DD HH:MM)"
        ),
        "not_time": lambda: QCoreApplication.translate("ImportReasons", "not a time (HH:MM)"),
        "unknown_choice": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "“%1” is not one of %2"),
            v.get("text", ""),
            v.get("choices", ""),
        ),
        "weekdays_invalid": lambda: QCoreApplication.translate(
            "ImportReasons", "weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345"
        ),
        "not_json": lambda: QCoreApplication.translate("ImportReasons", "not valid JSON"),
        "too_long": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "longer than %1 characters"), v.get("length", "")
        ),
        "excel_too_long": lambda: _fill(
            QCoreApplication.translate(
                "ImportReasons", "longer than %1 characters, the most an Excel cell holds"
            ),
            v.get("length", ""),
        ),
        "control_character": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "holds a control character Excel cannot keep (%1)"),
            v.get("character", ""),
        ),
        "six_digits": lambda: QCoreApplication.translate("ImportReasons", "must be 6 digits"),
        "between": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "must be between %1 and %2"),
            v.get("low", ""),
            v.get("high", ""),
        ),
        "negative": lambda: QCoreApplication.translate("ImportReasons", "must not be negative"),
        "at_least": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "must be at least %1"), v.get("low", "")
        ),
        "at_most": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "must be at most %1"), v.get("high", "")
        ),
        "no_header": lambda: QCoreApplication.translate("ImportReasons", "a column of data without a header"),
        "unknown_column": lambda: QCoreApplication.translate("ImportReasons", "unknown column"),
        "duplicate_column": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "duplicate column, also column %1"),
            v.get("other", ""),
        ),
        "missing_column": lambda: QCoreApplication.translate("ImportReasons", "missing column"),
        "required": lambda: QCoreApplication.translate("ImportReasons", "required"),
        "duplicate_key": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "duplicate, also in row %1"), v.get("other_row", "")
        ),
        "unknown_reference": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "no %1 with this code"), _noun(v.get("entity", ""))
        ),
        "ends_before_starts": order(
            QCoreApplication.translate("ImportReasons", "ends before it starts (%1 %2)")
        ),
        "closes_before_opens": order(
            QCoreApplication.translate("ImportReasons", "closes before it opens (%1 %2)")
        ),
        "leaves_before_joins": order(
            QCoreApplication.translate("ImportReasons", "leaves before it joins (%1 %2)")
        ),
        "latest_before_earliest": order(
            QCoreApplication.translate("ImportReasons", "latest date before the earliest (%1 %2)")
        ),
        "returns_before_leaves": order(
            QCoreApplication.translate("ImportReasons", "returns before it leaves (%1 %2)")
        ),
        "starts_before_arrival": order(
            QCoreApplication.translate("ImportReasons", "starts before arrival (%1 %2)")
        ),
        "at_most_one": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "at most one of these may be filled, found %1"),
            v.get("count", ""),
        ),
        "exactly_one": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "exactly one of these must be filled, found %1"),
            v.get("count", ""),
        ),
        "already_used": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "already used by %1 %2"),
            _noun(v.get("entity", "")),
            v.get("key", ""),
        ),
        "loop": lambda: QCoreApplication.translate("ImportReasons", "refers back to this row (a loop)"),
        "not_a_workbook": lambda: QCoreApplication.translate(
            "ImportReasons", "not an Excel workbook (.xlsx)"
        ),
        "past_last_column": lambda: _fill(
            QCoreApplication.translate(
                "ImportReasons", "cell %1 is past column %2, the last an import reads"
            ),
            v.get("cell", ""),
            v.get("last", ""),
        ),
        "past_last_row": lambda: _fill(
            QCoreApplication.translate(
                "ImportReasons", "cell %1 is past row %2, the last an import reads (%3 rows of data)"
            ),
            v.get("cell", ""),
            v.get("last", ""),
            v.get("rows", ""),
        ),
        "formula": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "a formula where a value belongs (%1)"),
            v.get("formula", ""),
        ),
        "excel_error": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "an Excel error value (%1)"), v.get("error", "")
        ),
        "merged_cells": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "merged cells are not allowed (%1)"),
            v.get("cells", ""),
        ),
        "not_csv": lambda: QCoreApplication.translate("ImportReasons", "not a CSV text file"),
        "which_table": lambda: QCoreApplication.translate(
            "ImportReasons",
            "cannot tell which table this is: name the file after it (e.g. caravans.csv or 车辆.csv)",
        ),
        "file_kind": lambda: QCoreApplication.translate(
            "ImportReasons", "only .xlsx workbooks and .csv files can be imported"
        ),
        "no_data": lambda: QCoreApplication.translate("ImportReasons", "the file has no data"),
        "unknown_sheet": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "unknown sheet (the sheets are %1)"),
            v.get("sheets", ""),
        ),
        "same_table": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "the same table as sheet %1"), v.get("other", "")
        ),
        "more_problems": lambda: _fill(
            QCoreApplication.translate("ImportReasons", "and %1 more problems"), v.get("count", "")
        ),
    }


# Every code persistence's import checks give a problem; a test holds the sources to this list.
CODES = frozenset(_templates({}))


def reason_text(problem: ImportProblem) -> str:
    """The problem's reason in the window's language (its English reason if it has no code)."""
    worded = _templates(dict(problem.values)).get(problem.code)
    return worded() if worded is not None else problem.reason
