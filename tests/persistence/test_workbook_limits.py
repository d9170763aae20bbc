"""Workbooks and CSV files bounded by their data (issue 15, rows 6 and 12).

A reader that believes a sheet's claimed dimensions pays for every cell in them: one formatted empty
cell at XFD1048576, which Excel leaves behind, made a 5 KB workbook cost minutes and gigabytes. The
import reads the cells that hold values, within limits on rows, columns and cell length that name
the sheet and cell; and text the export could not write again is refused when it comes in.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from caravan_app.errors import ImportProblem
from caravan_app.persistence.database import Database
from caravan_app.persistence.spreadsheet import ENTITIES, export_csv
from tests.persistence.test_spreadsheet import (
    do_export,
    do_import,
    edit,
    fill_sample,
    header_column,
    key_row,
    rejected,
)

LONG_NOTE = "长" * 100_000  # past Excel's 32,767 characters a cell


@pytest.fixture
def sample(db: Database, tmp_path: Path) -> Path:
    fill_sample(db)
    return do_export(db, tmp_path / "sample.xlsx")


def one_region_workbook(path: Path) -> Path:
    """A small workbook of one region, with one formatted empty cell at XFD1048576."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "地区"
    sheet.append(["地区代码", "名称", "级别", "纬度", "经度"])
    sheet.append(["320000", "江苏省", "省级", 32.06, 118.79])
    sheet["XFD1048576"].fill = PatternFill("solid", fgColor="FFFF00")  # a style and no value
    book.save(path)
    return path


# The import of the workbook above in a process of its own, whose address space may grow by 512 MB
# at most: a reader that fills out the sheet's claimed 17 billion cells fails there at once.
BOUNDED_IMPORT = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from caravan_app.persistence.database import Database
    from caravan_app.persistence.migrate import upgrade
    from caravan_app.persistence.spreadsheet import import_file
    from caravan_app.settings import to_url

    db = Database(to_url(sys.argv[2]))
    upgrade(db, backup=False)
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    size = pages * resource.getpagesize()
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    soft = size + 512 * 2**20
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    with db.session() as s:
        summary = import_file(s, Path(sys.argv[1]))
    print(json.dumps({c.key: c.inserted for c in summary.sheets}))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="the memory bound is set with RLIMIT_AS")
def test_a_formatted_empty_cell_at_the_last_cell_costs_nothing(tmp_path: Path) -> None:
    path = one_region_workbook(tmp_path / "regions.xlsx")
    assert path.stat().st_size < 6000
    assert 'dimension ref="A1:XFD1048576"' in read_part(path, "xl/worksheets/sheet1.xml")
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED_IMPORT, str(path), str(tmp_path / "bounded.db")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CARAVAN_DATA_DIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.splitlines()[-1]) == {"regions": 1}


def read_part(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def patch_sheets(path: Path, change: Callable[[str, str], str]) -> Path:
    """The workbook with each sheet's XML changed by `change(sheet name, xml)`.

    A hostile file is built this way: openpyxl itself (and so the edit() helper) goes through every
    cell up to the sheet's last one, which is what these files make expensive.
    """
    names = [spec.sheet for spec in ENTITIES]  # the export writes the sheets in this order
    patched = path.with_name("patched.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            part = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if part:
                data = change(names[int(part.group(1)) - 1], data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    patched.replace(path)
    return path


def add_row(xml: str, row: str) -> str:
    """A sheet's XML with `row` (a <row> element) after its rows, and dimensions that take it in."""
    last = re.findall(r'<c r="([A-Z]+\d+)"', row)[-1]
    xml = re.sub(r'<dimension ref="([A-Z]+\d+):[^"]*"\s*/>', rf'<dimension ref="\1:{last}"/>', xml)
    assert "</sheetData>" in xml
    return xml.replace("</sheetData>", row + "</sheetData>")


def style_far_cells(name: str, xml: str) -> str:
    """Formatted empty cells far past the data, as Excel leaves them."""
    return add_row(xml, '<row r="1048576"><c r="ZZ1048576" s="1"/><c r="XFD1048576" s="1"/></row>')


def test_a_styled_empty_cell_beside_the_data_is_not_data(db: Database, sample: Path) -> None:
    patch_sheets(sample, style_far_cells)
    summary = do_import(db, sample)
    assert summary.updated == 0 and summary.inserted == 0


def test_a_value_past_the_last_column_read_names_its_sheet_and_cell(db: Database, sample: Path) -> None:
    edit(sample, lambda book: book["场地"].cell(row=3, column=201, value="多余"))
    assert rejected(db, sample) == [
        ImportProblem("场地", 3, "GS", "多余", "cell 场地!GS3 is past column GR, the last an import reads")
    ]


def test_a_value_past_the_last_row_read_names_its_sheet_and_cell(db: Database, sample: Path) -> None:
    far = '<row r="100002"><c r="A100002" t="inlineStr"><is><t>C-99</t></is></c></row>'
    patch_sheets(sample, lambda name, xml: add_row(xml, far) if name == "车辆" else xml)
    assert rejected(db, sample) == [
        ImportProblem(
            "车辆",
            100_002,
            "车辆编号",
            "C-99",
            "cell 车辆!A100002 is past row 100001, the last an import reads (100000 rows of data)",
        )
    ]


def test_a_csv_value_past_the_last_column_read(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "workshops.csv"
    with db.session() as s:
        export_csv(s, "workshops", path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[2] += "," * 195 + "多余"  # column 201
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert rejected(db, path) == [
        ImportProblem(
            "workshops.csv",
            3,
            "GS",
            "多余",
            "cell workshops.csv!GS3 is past column GR, the last an import reads",
        )
    ]


def test_a_csv_past_the_last_row_read(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "holidays.csv"
    days = [f"{2000 + i // 365}-01-01" for i in range(100_001)]  # the values do not matter
    path.write_text("日期,名称\n" + "".join(f"{day},假日\n" for day in days), encoding="utf-8")
    assert rejected(db, path) == [
        ImportProblem(
            "holidays.csv",
            100_002,
            "日期",
            days[-1],
            "cell holidays.csv!A100002 is past row 100001, the last an import reads (100000 rows of data)",
        )
    ]


# ---------------------------------------------------------------------------------------------------
# Text the export could not write again (row 12).


def notes_csv(db: Database, tmp_path: Path, note: str) -> tuple[Path, int]:
    """The requests as CSV with `note` in Q-002's notes; the row it is in."""
    fill_sample(db)
    path = tmp_path / "requests.csv"
    with db.session() as s:
        export_csv(s, "requests", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    notes = records[0].index("备注")
    row = next(i for i, record in enumerate(records) if record[0] == "Q-002")
    records[row][notes] = note
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(records)
    return path, row + 1


def test_a_note_longer_than_an_excel_cell_is_refused_at_import(db: Database, tmp_path: Path) -> None:
    path, row = notes_csv(db, tmp_path, LONG_NOTE)
    problems = rejected(db, path)
    assert problems == [
        ImportProblem(
            "requests.csv",
            row,
            "备注",
            "长" * 200 + "…",
            "longer than 32767 characters, the most an Excel cell holds",
        )
    ]
    do_export(db, tmp_path / "all.xlsx")  # the database can still be exported whole


def test_a_note_of_exactly_an_excel_cell_is_taken(db: Database, tmp_path: Path) -> None:
    path, _ = notes_csv(db, tmp_path, "长" * 32_767)
    assert do_import(db, path).counts("requests").updated == 1
    do_export(db, tmp_path / "all.xlsx")


def test_a_long_note_in_a_workbook_is_refused_at_import(db: Database, sample: Path) -> None:
    def long_note(book: Any) -> None:
        sheet = book["需求"]
        cell = sheet.cell(row=key_row(sheet, "Q-002"), column=header_column(sheet, "备注"))
        cell._value, cell.data_type = LONG_NOTE, "s"  # openpyxl would cut it to 32,767; Excel would not

    edit(sample, long_note)
    problems = rejected(db, sample)
    assert [(p.sheet, p.column, p.reason) for p in problems] == [
        ("需求", "备注", "longer than 32767 characters, the most an Excel cell holds")
    ]


def test_a_control_character_excel_cannot_keep_is_refused_at_import(db: Database, tmp_path: Path) -> None:
    path, row = notes_csv(db, tmp_path, "铃声\x07响起")
    assert rejected(db, path) == [
        ImportProblem(
            "requests.csv",
            row,
            "备注",
            "铃声\x07响起",
            "holds a control character Excel cannot keep (U+0007)",
        )
    ]
    do_export(db, tmp_path / "all.xlsx")


def test_a_sheet_whose_xml_breaks_off_is_a_damaged_workbook(db: Database, sample: Path) -> None:
    patch_sheets(sample, lambda name, xml: xml[: xml.index("</sheetData>") - 20] if name == "车辆" else xml)
    damaged = ImportProblem("sample.xlsx", None, "", "", "not an Excel workbook (.xlsx)")
    assert rejected(db, sample) == [damaged]


def test_json_longer_than_a_cell_goes_on_in_continuation_columns(
    db: Database, second_db: Database, tmp_path: Path
) -> None:
    """A solved plan keeps its problem as JSON far longer than an Excel cell: the export writes it on
    across continuation columns ("参数(JSON)（续1）" …) and the import joins it again, byte for byte."""
    from sqlalchemy import select

    from caravan_app.persistence.models import Plan

    fill_sample(db)
    problem = {"problem": {"sets": [{"code": f"MS{i:04d}", "name": "长" * 40} for i in range(2_000)]}}
    long_json = json.dumps(problem, ensure_ascii=False)
    assert len(long_json) > 2 * 32_767
    with db.session() as s:
        plan = s.scalars(select(Plan)).first()
        assert plan is not None
        plan.parameters_json = long_json
    path = do_export(db, tmp_path / "long.xlsx")
    sheet = openpyxl.load_workbook(path, read_only=True)["方案"]
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "参数(JSON)（续1）" in headers and "参数(JSON)（续2）" in headers
    do_import(second_db, path)
    with second_db.session() as s:
        assert s.scalars(select(Plan.parameters_json).where(Plan.name == plan.name)).one() == long_json
