"""CSV export and import of text that a spreadsheet or a line splitter would misread (issue 15, rows 11, 13).

Text that starts like a formula is written with a leading apostrophe, as spreadsheets do, so that
opening the file runs nothing; the import takes the apostrophe off again. Line and paragraph
separators inside a cell stay inside it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from caravan_app.errors import ImportProblem
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Venue, VisitRequest
from caravan_app.persistence.spreadsheet import export_csv
from tests.persistence.test_spreadsheet import do_import, fill_sample, rejected, snapshot

HOSTILE_NAMES = {
    "V-001": '=HYPERLINK("http://example.com/x","点我")',
    "V-002": "+cmd|' /C calc'!A0",
    "V-003": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def csv_records(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def export_venues(db: Database, path: Path) -> list[list[str]]:
    with db.session() as s:
        export_csv(s, "venues", path)
    return csv_records(path)


def test_formula_looking_text_is_written_as_text(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    with db.session() as s:
        for venue in s.scalars(select(Venue)):
            venue.name = HOSTILE_NAMES[venue.code]
        venue.contact_phone = "-1+1"
    path = tmp_path / "venues.csv"
    records = export_venues(db, path)
    names = {record[0]: record[1] for record in records[1:]}
    assert names == {code: "'" + name for code, name in HOSTILE_NAMES.items()}
    # No cell of the file starts as a formula does, whatever its column.
    assert not [cell for record in records for cell in record if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # The import takes the apostrophe off: the file changes nothing.
    before = snapshot(db)
    assert do_import(db, path).counts("venues").unchanged == 3
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "name",
    ["'=1+1", "''@x", "'quoted'", "'", "-", "\t=1", "\r=1", "=", "it's =1"],
)
def test_apostrophes_and_formula_marks_round_trip(db: Database, tmp_path: Path, name: str) -> None:
    fill_sample(db)
    with db.session() as s:
        s.scalars(select(Venue).where(Venue.code == "V-002")).one().name = name
    path = tmp_path / "venues.csv"
    export_venues(db, path)
    before = snapshot(db)
    assert do_import(db, path).counts("venues").unchanged == 3
    assert snapshot(db) == before


def test_a_hand_made_csv_may_quote_a_formula_as_a_spreadsheet_does(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "venues.csv"
    records = export_venues(db, path)
    records[2][1] = "'=展厅"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(records)
    assert do_import(db, path).counts("venues").updated == 1
    with db.session() as s:
        assert s.scalars(select(Venue.name).where(Venue.code == records[2][0])).one() == "=展厅"


# ---------------------------------------------------------------------------------------------------
# Line and paragraph separators (row 13).

SEPARATED = "第一段\u2028第二行\u2029第二段\x85下一行"  # none of them makes the writer quote the cell


def test_line_and_paragraph_separators_in_a_note_round_trip(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    with db.session() as s:
        s.scalars(select(VisitRequest).where(VisitRequest.code == "Q-001")).one().notes = SEPARATED
    path = tmp_path / "requests.csv"
    with db.session() as s:
        export_csv(s, "requests", path)
    before = snapshot(db)
    assert do_import(db, path).counts("requests").unchanged == 3
    assert snapshot(db) == before


def test_a_bad_row_after_a_separated_note_is_named_by_its_own_row(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    with db.session() as s:
        s.scalars(select(VisitRequest).where(VisitRequest.code == "Q-001")).one().notes = SEPARATED
    path = tmp_path / "requests.csv"
    with db.session() as s:
        export_csv(s, "requests", path)
    records = csv_records(path)
    assert [record[0] for record in records[1:]] == ["Q-001", "Q-002", "Q-003"]
    priority = records[0].index("优先级")
    records[2][priority] = "9"  # Q-002, row 3 of the file as a spreadsheet shows it
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(records)
    assert rejected(db, path) == [ImportProblem("requests.csv", 3, "优先级", "9", "must be between 1 and 5")]
