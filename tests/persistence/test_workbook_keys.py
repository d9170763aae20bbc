"""Codes and plates are trimmed and compared trimmed, and a clash is judged by the end state (issue 15,
row 14).

A plate typed with a trailing space used to be stored as typed, so two caravans could carry what a
person reads as one plate; and two caravans swapping plates in one workbook broke the database's
unique index half way, with no sheet or row named. Now the import compares values as they will stand
once the file is in: a swap is taken, a real clash is named by sheet, row and column.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from caravan_app.errors import ImportProblem
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import AuditEntry, Caravan, KitImport, SetMove
from tests.persistence.test_spreadsheet import (
    audit_count,
    do_export,
    do_import,
    edit,
    fill_sample,
    header_column,
    key_row,
    rejected,
    set_cell,
)


@pytest.fixture
def sample(db: Database, tmp_path: Path) -> Path:
    fill_sample(db)
    return do_export(db, tmp_path / "sample.xlsx")


def plates(db: Database) -> dict[str, str]:
    with db.session() as s:
        return {c.code: c.plate for c in s.scalars(select(Caravan))}


def only_caravans(book: Any) -> None:
    for name in book.sheetnames:
        if name != "车辆":
            del book[name]


def test_a_plate_with_spaces_is_stored_trimmed(db: Database, sample: Path) -> None:
    set_cell(sample, "车辆", "C-01", "车牌号", " 苏A·K0009 ")
    assert do_import(db, sample).counts("caravans").updated == 1
    assert plates(db) == {"C-01": "苏A·K0009", "C-02": "苏B·K0002"}


def test_a_plate_with_a_trailing_space_clashes_with_the_same_plate(db: Database, sample: Path) -> None:
    def new_caravan(book: Any) -> None:
        only_caravans(book)
        ws = book["车辆"]
        ws.delete_rows(2, 2)
        ws.append(["C-09", "苏B·K0002 ", "IV型", "县级", "320281", "D-WX", 4, 2, "2025-03-01"])

    edit(sample, new_caravan)
    assert rejected(db, sample) == [
        ImportProblem("车辆", 2, "车牌号", "苏B·K0002", "plate already used by caravan C-02")
    ]


def test_two_rows_of_one_file_with_one_plate_but_for_spaces(db: Database, sample: Path) -> None:
    set_cell(sample, "车辆", "C-02", "车牌号", "苏A·K0001\u3000")  # an ideographic space, as IMEs type
    assert rejected(db, sample) == [
        ImportProblem("车辆", 3, "车牌号", "苏A·K0001", "duplicate plate, also in row 2")
    ]


def test_a_plate_stored_with_a_space_before_this_fix_is_compared_trimmed(db: Database, sample: Path) -> None:
    with db.session() as s:
        s.scalars(select(Caravan).where(Caravan.code == "C-02")).one().plate = "苏B·K0002 "

    def new_caravan(book: Any) -> None:
        only_caravans(book)
        ws = book["车辆"]
        ws.delete_rows(2, 2)
        ws.append(["C-09", "苏B·K0002", "IV型", "县级", "320281", "D-WX", 4, 2, "2025-03-01"])

    edit(sample, new_caravan)
    assert rejected(db, sample) == [
        ImportProblem("车辆", 2, "车牌号", "苏B·K0002", "plate already used by caravan C-02")
    ]


def test_two_caravans_swap_plates_in_one_workbook(db: Database, sample: Path) -> None:
    set_cell(sample, "车辆", "C-01", "车牌号", "苏B·K0002")
    set_cell(sample, "车辆", "C-02", "车牌号", "苏A·K0001")
    before_audit = audit_count(db)
    summary = do_import(db, sample)
    assert summary.counts("caravans").updated == 2 and summary.updated == 2
    assert plates(db) == {"C-01": "苏B·K0002", "C-02": "苏A·K0001"}
    with db.session() as s:
        assert sorted(c.version for c in s.scalars(select(Caravan))) == [2, 2]
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.id > before_audit).order_by(AuditEntry.id)
        ).all()
    # Each row's plate from first to last (PostgreSQL's server-written log also holds the stand-in
    # plate the swap passes through: it records every statement).
    net: dict[int | None, list[str]] = {}
    for entry in entries:
        old, new = json.loads(entry.changes)["plate"]
        net.setdefault(entry.row_id, [old, new])[1] = new
    assert sorted(net.values()) == [["苏A·K0001", "苏B·K0002"], ["苏B·K0002", "苏A·K0001"]]
    if db.is_sqlite:
        assert len(entries) == 2


def test_a_new_caravan_takes_the_plate_an_old_one_gives_up(db: Database, sample: Path) -> None:
    def hand_over(book: Any) -> None:
        only_caravans(book)
        ws = book["车辆"]
        ws.cell(row=key_row(ws, "C-02"), column=header_column(ws, "车牌号"), value="苏B·K0003")
        ws.append(["C-09", "苏B·K0002", "IV型", "县级", "320281", "D-WX", 4, 2, "2025-03-01"])

    edit(sample, hand_over)
    summary = do_import(db, sample)
    assert (summary.counts("caravans").inserted, summary.counts("caravans").updated) == (1, 1)
    assert plates(db) == {"C-01": "苏A·K0001", "C-02": "苏B·K0003", "C-09": "苏B·K0002"}


def test_a_swap_with_a_caravan_the_file_leaves_out_is_a_clash(db: Database, sample: Path) -> None:
    def take_c02s_plate(book: Any) -> None:
        only_caravans(book)
        ws = book["车辆"]
        ws.delete_rows(key_row(ws, "C-02"))
        ws.cell(row=key_row(ws, "C-01"), column=header_column(ws, "车牌号"), value="苏B·K0002")

    edit(sample, take_c02s_plate)
    assert rejected(db, sample) == [
        ImportProblem("车辆", 2, "车牌号", "苏B·K0002", "plate already used by caravan C-02")
    ]


def test_codes_and_code_columns_are_trimmed(db: Database, sample: Path) -> None:
    def spaced(book: Any) -> None:
        moves = book["套组运输"]
        moves.cell(row=2, column=header_column(moves, "起点编号"), value=" D-NJ ")
        kits = book["外业包导入"]
        kit_id = kits.cell(row=2, column=header_column(kits, "外业包编号"))
        kit_id.value = f"{kit_id.value} "
        kits.cell(row=2, column=header_column(kits, "数据编号"), value="EV-003\t")
        caravans = book["车辆"]
        caravans.cell(row=key_row(caravans, "C-01"), column=1, value=" C-01 ")

    edit(sample, spaced)
    summary = do_import(db, sample)
    assert summary.inserted == 0 and summary.updated == 0
    with db.session() as s:
        assert s.scalars(select(SetMove.from_code)).all() == ["D-NJ"]
        assert [(k.kit_id[-1], k.row_code) for k in s.scalars(select(KitImport))] == [("1", "EV-003")]


def test_a_code_stored_with_a_space_before_this_fix_is_found_and_trimmed(db: Database, sample: Path) -> None:
    with db.session() as s:
        s.scalars(select(Caravan).where(Caravan.code == "C-02")).one().code = "C-02 "
    summary = do_import(db, sample)
    assert (summary.counts("caravans").inserted, summary.counts("caravans").updated) == (0, 1)
    assert plates(db) == {"C-01": "苏A·K0001", "C-02": "苏B·K0002"}
