"""The field-kit commands: kit export / show / import, export-events and ics, on a demo file with a
one-week tour plan made through the command line itself."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from caravan_app.cli import main
from caravan_app.domain.enums import PlanStatus
from caravan_app.persistence.models import SetPlacement, TourStop, Trip
from caravan_app.services.database import open_database
from caravan_app.services.field_kit import open_kit
from caravan_app.services.tour_plans import set_plan_status, tour_plans
from tests.reports.pdf_tools import pages, squeeze


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARAVAN_DB_URL", raising=False)


@pytest.fixture(scope="module")
def planned_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-kit")
    path = folder / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    plan = ["--db", str(path), "plan", "tours", "--from", "2027-03-01", "--to", "2027-03-05"]
    assert main([*plan, "--time-limit", "2", "--name", "三月第一周"]) == 0
    return path


@pytest.fixture
def demo_file(planned_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    # SQLite's backup API: the commands leave the plan in the WAL file, which a file copy would miss.
    with closing(sqlite3.connect(planned_file)) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)
    return path


def trip_code(path: Path) -> str:
    db = open_database(str(path))
    with db.session() as s:
        trips = s.scalars(select(Trip).order_by(Trip.code)).all()
        code = min(trips, key=lambda t: (len(t.stops), t.code)).code
    db.dispose()
    return code


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_export_show_record_import_and_again(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = trip_code(demo_file)
    kit = tmp_path / "trip.ckit"
    # The plan is a draft: its kit is written when asked for with --draft.
    assert main(["--db", str(demo_file), "kit", "export", "--trip", code, "--out", str(kit), "--draft"]) == 0
    out = capsys.readouterr().out
    assert f"wrote the kit of trip {code} to {kit}" in out and "KiB" in out

    assert main(["kit", "show", str(kit)]) == 0
    shown = capsys.readouterr()
    manifest = json.loads(shown.out)
    assert manifest["code"] == code and manifest["format"] == "caravan_app.kit/1"
    assert {p["name"] for p in manifest["parts"]} == {"contents.json", "route-sheet.pdf", "map.html"}
    assert "0 field record(s); the file verifies" in shown.err

    with open_kit(kit) as field:
        stop = field.contents.stops[0]
        field.record_show(stop=stop.seq, visitors=66, start=time(9), end=time(11), audience="小学生")
        field.record_condition(
            exhibit=field.contents.exhibits[0].code, grade="B", checked_on=stop.show_start.date()
        )

    # A new export over it would lose the crew's records: refused, unless forced (to another file here).
    export = ["--db", str(demo_file), "kit", "export", "--trip", code, "--draft", "--out"]
    assert main([*export, str(kit)]) == 1
    assert "holding 2 record(s) not yet imported" in one_error_line(capsys.readouterr().err)
    spare = tmp_path / "spare.ckit"
    assert main([*export, str(spare)]) == 0
    with open_kit(spare) as other:
        other.record_show(stop=stop.seq, visitors=1)
    assert main([*export, str(spare), "--force"]) == 0
    capsys.readouterr()

    assert main(["--db", str(demo_file), "kit", "import", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "1 show(s), 1 condition check(s), 0 damage or loss record(s)" in out
    assert "record 1: created events EV-K" in out and "held, 66 visitors" in out

    assert main(["--db", str(demo_file), "kit", "import", str(kit)]) == 0
    assert "already imported, nothing changed" in capsys.readouterr().out


def test_a_placement_kit(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(str(demo_file))
    with db.session() as s:
        code = s.scalars(select(SetPlacement.code).order_by(SetPlacement.code)).first()
    db.dispose()
    assert code is not None
    kit = tmp_path / "stay.ckit"
    args = ["--db", str(demo_file), "kit", "export", "--placement", code, "--out", str(kit), "--lang", "en"]
    assert main(args) == 0
    assert "condition-form.pdf" in capsys.readouterr().out
    assert main(["kit", "show", str(kit)]) == 0
    assert json.loads(capsys.readouterr().out)["condition_form"] == "condition-form.pdf"


def test_refused_kits_print_one_line(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = trip_code(demo_file)
    kit = tmp_path / "trip.ckit"
    assert main(["--db", str(demo_file), "kit", "export", "--trip", code, "--out", str(kit), "--draft"]) == 0
    with open_kit(kit) as field:
        field.record_show(stop=field.contents.stops[0].seq, visitors=5)
    capsys.readouterr()

    # The office moved the trip's first show by an hour.
    db = open_database(str(demo_file))
    with db.session() as s:
        stop = s.scalars(select(TourStop).join(Trip).where(Trip.code == code, TourStop.seq == 1)).one()
        stop.show_start = stop.show_start.replace(minute=(stop.show_start.minute + 5) % 60)
    db.dispose()
    assert main(["--db", str(demo_file), "kit", "import", str(kit)]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert f"trip {code} was changed in the office since the kit was exported: stop 1 show_start" in line
    assert main(["--db", str(demo_file), "kit", "import", str(kit), "--accept-conflict"]) == 0
    assert "accepted office change: stop 1 show_start" in capsys.readouterr().out

    broken = tmp_path / "broken.ckit"
    shutil.copy(kit, broken)
    with sqlite3.connect(broken) as c:
        c.execute("UPDATE parts SET bytes = bytes || x'00' WHERE name = 'route-sheet.pdf'")
    c.close()
    assert main(["kit", "show", str(broken)]) == 1
    assert "part route-sheet.pdf was changed since export" in one_error_line(capsys.readouterr().err)

    cut = tmp_path / "cut.ckit"
    cut.write_bytes(kit.read_bytes()[: kit.stat().st_size // 2])
    assert main(["--db", str(demo_file), "kit", "import", str(cut)]) == 1
    assert "cut.ckit is damaged or truncated" in one_error_line(capsys.readouterr().err)

    assert main(["--db", str(demo_file), "kit", "export", "--trip", "NO-SUCH", "--out", str(cut)]) == 1
    assert one_error_line(capsys.readouterr().err) == "error: no trip 'NO-SUCH'"


def test_a_draft_trips_kit_is_refused_without_draft(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = trip_code(demo_file)
    kit = tmp_path / "trip.ckit"
    export = ["--db", str(demo_file), "kit", "export", "--trip", code, "--out", str(kit)]
    assert main(export) == 1
    line = one_error_line(capsys.readouterr().err)
    assert f"trip {code} belongs to the draft plan '三月第一周', which is not approved" in line
    assert "give --draft" in line and not kit.exists()

    assert main([*export, "--draft"]) == 0
    assert (
        "the plan '三月第一周' is a draft: the kit's sheets and map are marked DRAFT"
        in capsys.readouterr().out
    )
    with open_kit(kit) as field:
        sheet, page = field.part("route-sheet.pdf"), field.part("map.html").decode("utf-8")
    assert all("草案·未经批准，请勿分发" in squeeze(text) for text in pages(sheet, tmp_path))
    assert "【草案 · 未经批准】三月第一周" in page

    db = open_database(str(demo_file))
    plan = next(p for p in tour_plans(db) if p.name == "三月第一周")
    set_plan_status(db, plan.id, plan.version, PlanStatus.APPROVED)
    db.dispose()
    approved = tmp_path / "approved.ckit"
    assert main([*export[:-1], str(approved)]) == 0  # approved: no --draft needed, and no mark
    assert "is a draft" not in capsys.readouterr().out
    with open_kit(approved) as field:
        sheet, page = field.part("route-sheet.pdf"), field.part("map.html").decode("utf-8")
    assert not any("草案" in text for text in pages(sheet, tmp_path)) and "草案" not in page


def test_platform_workbook_and_venue_calendar(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "events.xlsx"
    args = [
        "--db",
        str(demo_file),
        "export-events",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
        "--out",
        str(book),
    ]
    assert main(args) == 0
    written = int(capsys.readouterr().out.split()[1])
    rows = list(openpyxl.load_workbook(book).active.iter_rows(values_only=True))
    assert written > 0 and len(rows) == written + 1 and rows[0][:2] == ("活动编号", "日期")

    db = open_database(str(demo_file))
    with db.session() as s:
        venue = s.scalars(select(SetPlacement).order_by(SetPlacement.code)).first()
        assert venue is not None
        venue_code = venue.venue.code
    db.dispose()
    calendar = tmp_path / "venue.ics"
    assert main(["--db", str(demo_file), "ics", "--venue", venue_code, "--out", str(calendar)]) == 0
    out = capsys.readouterr().out
    data = calendar.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert f"wrote {data.count(b'BEGIN:VEVENT')} booking(s) of venue {venue_code}" in out
    assert data.count(b"BEGIN:VEVENT") >= 1
