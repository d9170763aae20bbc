"""The .ckit file on its own (no central database): written and read back, one transaction per
record, and refused with a clear message when truncated, not a kit, tampered with or of another
format or schema version."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from caravan_app.domain.kit import (
    CONTENTS_PART,
    FORMAT,
    KitContents,
    KitDepot,
    KitExhibit,
    KitManifest,
    KitStop,
    KitVenue,
)
from caravan_app.errors import KitError
from caravan_app.persistence import migrate
from caravan_app.persistence.kit_file import KitFile, chain_hash, sha256_hex, write_kit

SCHEMA = migrate.head_revision()


def sample_contents() -> KitContents:
    """A two-stop trip with three exhibits on board, made by hand."""
    venues = (
        KitVenue(
            "V32032101",
            "丰县实验小学",
            "丰县",
            "徐州市",
            "中阳大道1号",
            34.69,
            116.59,
            "张老师",
            "13800000001",
        ),
        KitVenue(
            "V32032102", "凤城镇文化站", "丰县", "徐州市", "凤城镇", 34.70, 116.60, "李站长", "13800000002"
        ),
    )
    return KitContents(
        kind="trip",
        code="P1-CV01-20270301",
        plan_name="三月第一周",
        facility_code="CV01",
        facility_name="苏C·K0001",
        caravan_type="IV",
        depot=KitDepot("D3203", "徐州市科协车库", "徐州市", 34.26, 117.18),
        start=date(2027, 3, 1),
        end=date(2027, 3, 3),
        stops=(
            KitStop(1, venues[0].code, *(datetime(2027, 3, 2, h) for h in (8, 9, 12)), 88.5),
            KitStop(2, venues[1].code, *(datetime(2027, 3, 3, h) for h in (8, 9, 12)), 6.2),
        ),
        venues=venues,
        exhibits=(
            KitExhibit("EX-00001", "雅各布天梯", "Jacob's ladder", "声光电磁", "A"),
            KitExhibit("EX-00002", "混沌摆", "Chaotic pendulum", "力学", "B"),
            KitExhibit("EX-00003", "莫比乌斯带", "Möbius strip", "数学", "C"),
        ),
    )


def sample_manifest(schema: str = SCHEMA) -> KitManifest:
    return KitManifest(
        format=FORMAT,
        schema_version=schema,
        kit_id="6f1c2b9e-8a55-4a51-9a6e-3f0c2d1e4b77",
        kind="trip",
        code="P1-CV01-20270301",
        exported_at=datetime(2027, 2, 26, 10, 0),
        exported_by="tester",
        fingerprint={"planned": {"caravan": "CV01"}, "versions": {"trip": 1}},
        condition_form="route-sheet.pdf",
    )


PDF_BYTES = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def make_kit(path: Path) -> KitManifest:
    parts = [
        (CONTENTS_PART, "application/json", sample_contents().to_json().encode("utf-8")),
        ("route-sheet.pdf", "application/pdf", PDF_BYTES),
        ("map.html", "text/html; charset=utf-8", "<html><body>离线地图 map</body></html>".encode()),
    ]
    return write_kit(path, sample_manifest(), parts)


@pytest.fixture
def kit_path(tmp_path: Path) -> Path:
    path = tmp_path / "trip.ckit"
    make_kit(path)
    return path


def test_written_kit_reads_back_and_is_one_file(kit_path: Path) -> None:
    with KitFile.open(kit_path, SCHEMA) as kit:
        assert kit.manifest.code == "P1-CV01-20270301"
        assert [p.name for p in kit.manifest.parts] == [CONTENTS_PART, "route-sheet.pdf", "map.html"]
        assert kit.part("route-sheet.pdf") == PDF_BYTES
        info = kit.manifest.part_info("route-sheet.pdf")
        assert info.size == len(PDF_BYTES) and info.sha256 == sha256_hex(PDF_BYTES)
        assert KitContents.from_json(kit.part(CONTENTS_PART).decode()) == sample_contents()
        assert kit.records() == []
        kit.append("show", {"stop": 1, "visitors": 3})
    # A rollback journal, removed after each commit: nothing lies beside the kit.
    assert sorted(p.name for p in kit_path.parent.iterdir()) == ["trip.ckit"]
    with sqlite3.connect(kit_path) as c:
        assert c.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_records_are_chained_and_survive_reopening(kit_path: Path) -> None:
    with KitFile.open(kit_path, SCHEMA) as kit:
        made = [kit.append("condition", {"exhibit": f"EX-0000{i}", "grade": "B"}) for i in (1, 2, 3)]
    assert [r.seq for r in made] == [1, 2, 3]
    previous = sample_manifest().kit_id
    with sqlite3.connect(kit_path) as c:
        rows = c.execute("SELECT seq, record_id, kind, payload, recorded_at, sha256 FROM records").fetchall()
    for seq, record_id, kind, payload, at, digest in rows:
        assert digest == chain_hash(previous, seq, record_id, kind, at, payload)
        previous = digest
    with KitFile.open(kit_path, SCHEMA) as kit:
        assert kit.records() == made


def test_a_truncated_kit_is_refused(kit_path: Path) -> None:
    data = kit_path.read_bytes()
    kit_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(KitError, match=r"trip\.ckit is damaged or truncated"):
        KitFile.open(kit_path, SCHEMA)
    kit_path.write_bytes(data[:60])
    with pytest.raises(KitError, match="damaged or truncated"):
        KitFile.open(kit_path, SCHEMA)


def test_a_file_that_is_no_kit_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.ckit"
    text.write_text("not a kit at all, just some notes\n" * 10)
    with pytest.raises(KitError, match="not a field kit"):
        KitFile.open(text, SCHEMA)
    other = tmp_path / "other.ckit"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(KitError, match="an SQLite file but not a field kit"):
        KitFile.open(other, SCHEMA)
    with pytest.raises(KitError, match="no kit file"):
        KitFile.open(tmp_path / "missing.ckit", SCHEMA)


def test_a_changed_byte_in_a_part_names_the_part(kit_path: Path) -> None:
    data = bytearray(kit_path.read_bytes())
    at = data.index(bytes(range(100, 140)))
    data[at] ^= 0xFF
    kit_path.write_bytes(bytes(data))
    with pytest.raises(KitError, match=r"part route-sheet\.pdf was changed since export"):
        KitFile.open(kit_path, SCHEMA)


def test_a_record_edited_outside_the_program_is_named(kit_path: Path) -> None:
    with KitFile.open(kit_path, SCHEMA) as kit:
        for visitors in (10, 20, 30):
            kit.append("show", {"stop": 1, "visitors": visitors})
    with sqlite3.connect(kit_path) as c:
        c.execute("UPDATE records SET payload = replace(payload, '20', '2000') WHERE seq = 2")
    with pytest.raises(KitError, match="record 2 was changed outside the program"):
        KitFile.open(kit_path, SCHEMA)
    with sqlite3.connect(kit_path) as c:
        c.execute("UPDATE records SET payload = replace(payload, '2000', '20') WHERE seq = 2")
        c.execute("DELETE FROM records WHERE seq = 2")
    with pytest.raises(KitError, match=r"record 2 is missing \(the next is 3\)"):
        KitFile.open(kit_path, SCHEMA)


def test_records_cut_from_the_end_are_found(kit_path: Path) -> None:
    with KitFile.open(kit_path, SCHEMA) as kit:
        for visitors in (10, 20, 30):
            kit.append("show", {"stop": visitors // 10, "visitors": visitors})
    with sqlite3.connect(kit_path) as c:
        c.execute("DELETE FROM records WHERE seq = 3")
    with pytest.raises(KitError, match=r"records after 2 were removed outside the program \(the kit had 3\)"):
        KitFile.open(kit_path, SCHEMA)


def test_another_schema_or_format_is_refused(kit_path: Path) -> None:
    with pytest.raises(KitError, match=f"made by schema {SCHEMA}, this program has 9999"):
        KitFile.open(kit_path, "9999")
    with sqlite3.connect(kit_path) as c:
        manifest = json.loads(c.execute("SELECT json FROM manifest").fetchone()[0])
        manifest["format"] = "caravan_app.kit/2"
        c.execute("UPDATE manifest SET json = ?", (json.dumps(manifest),))
    with pytest.raises(KitError, match="kit of format 'caravan_app.kit/2'; this program reads"):
        KitFile.open(kit_path, SCHEMA)


def test_a_part_the_manifest_does_not_list_is_refused(kit_path: Path) -> None:
    with sqlite3.connect(kit_path) as c:
        c.execute("INSERT INTO parts (name, bytes) VALUES ('extra.bin', x'00')")
    with pytest.raises(KitError, match="parts its manifest does not list: extra.bin"):
        KitFile.open(kit_path, SCHEMA)


def test_writing_a_kit_replaces_the_target_whole(tmp_path: Path) -> None:
    path = tmp_path / "trip.ckit"
    path.write_bytes(b"an older kit")
    manifest = make_kit(path)
    with KitFile.open(path, SCHEMA) as kit:
        assert kit.manifest == manifest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.ckit"]
