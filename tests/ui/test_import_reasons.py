"""An import's reasons travel as codes with values and are worded in the window's language: every code
the import's checks give has a wording, and a refused workbook's problems read in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from caravan_app.errors import ImportRejected
from caravan_app.persistence import sheet_cells, sheet_specs, spreadsheet
from caravan_app.persistence.database import Database
from caravan_app.services.inventory_io import import_inventory
from caravan_app.ui.i18n import Languages
from caravan_app.ui.import_reasons import CODES, reason_text

PERSISTENCE = Path(__file__).resolve().parents[2] / "caravan_app" / "persistence"


def _codes_in_sources() -> set[str]:
    """The codes the import's sources give: code="…", CellError(message, "…"), a check's code=,
    a pattern's third part, and the codes handed on by name."""
    found: set[str] = set()
    names = (
        "sheet_cells.py",
        "sheet_checks.py",
        "sheet_reading.py",
        "spreadsheet.py",
        "sheet_specs.py",
        "sheet_shapes.py",
    )
    for name in names:
        text = (PERSISTENCE / name).read_text(encoding="utf-8")
        found |= set(re.findall(r'\bcode="([a-z_]+)"', text))
        found |= set(
            re.findall(r'CellError\(\s*(?:f?"[^"]*"|str\(exc\)|col\.pattern\[1\]),\s*"([a-z_]+)"', text)
        )
        found |= set(re.findall(r'"([a-z_]+)",\s*\{', text))  # _past_the_limits' codes
        found |= set(re.findall(r'\bpattern=\(r"[^"]*", "[^"]*", "([a-z_]+)"\)', text))
        found |= set(re.findall(r'ImportProblem\([^)]*?"([a-z_]+)", \(\("', text, re.S))
        found |= set(re.findall(r'table\.add\([^)]*?(?:"[^"]*"|\breason),\s*"([a-z_]+)"', text, re.S))
        found |= set(re.findall(r'\bcode = "([a-z_]+)"', text))
        found |= set(re.findall(r'empty_code = "[^"]*", "([a-z_]+)"', text))
        found |= set(re.findall(r'"[^"\n]*",\n\s*"([a-z_]+)",?\n', text))  # a reason, then its code
        found |= set(re.findall(r'\bcode: str = "([a-z_]+)"', text))
    # The reason-then-code pattern also meets a module's __all__: its names are not codes.
    exported = {
        name for module in (spreadsheet, sheet_specs, sheet_cells) for name in getattr(module, "__all__", ())
    }
    return found - exported


def test_every_code_the_import_gives_is_worded() -> None:
    given = _codes_in_sources()
    assert {"not_integer", "between", "unknown_reference", "closes_before_opens", "six_digits"} <= given
    assert given <= CODES, given - CODES


@pytest.fixture
def zh(app: object) -> Languages:
    languages = Languages()
    languages.switch("zh_CN")
    yield languages
    languages.switch("en")


def test_a_refused_workbook_reads_in_chinese(db: Database, tmp_path: Path, zh: Languages) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "车辆"
    sheet.append(["车辆编号", "车牌号", "车型", "展位数", "乘员数"])
    sheet.append(["C-01", "苏A·K0001", "V型", "三十", 20])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(ImportRejected) as refused:
        import_inventory(db, path)
    problems = refused.value.problems
    by_column = {p.column: p for p in problems}
    assert by_column["展位数"].code == "not_integer"
    assert reason_text(by_column["展位数"]) == "不是整数"
    assert by_column["车型"].code == "unknown_choice"
    assert reason_text(by_column["车型"]).startswith("“V型”不是以下之一")
    assert all(re.search(r"[\u4e00-\u9fff]", reason_text(p)) for p in problems), [
        reason_text(p) for p in problems
    ]
