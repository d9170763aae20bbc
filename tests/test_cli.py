"""The command line: each command's output, and failures as one clear line with no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caravan_app.cli import main
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan
from caravan_app.services.database import open_database


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARAVAN_DB_URL", raising=False)


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_db_status_on_a_new_file_creates_nothing_but_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert f"to {migrate.head_revision()}" in out
    assert main(["db", "status", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"schema revision: {migrate.head_revision()}" in out
    assert "caravans 车辆: 0" in out


def test_database_url_from_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("CARAVAN_DB_URL", str(path))
    assert main(["db", "upgrade"]) == 0
    assert path.exists()
    assert str(path) in capsys.readouterr().out


def test_backup_of_a_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.db"
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    copy = tmp_path / "copy.db"
    assert main(["--db", str(path), "db", "backup", "--out", str(copy)]) == 0
    assert str(copy) in capsys.readouterr().out
    db = open_database(str(copy), upgrade=False)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.dispose()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--db", "nosuchdriver://x/y", "db", "status"], "cannot use database"),
        (["--db", "postgresql://nobody:pw@127.0.0.1:1/none", "db", "status"], "cannot open"),
        (["import", "{tmp}/missing.xlsx"], "missing.xlsx"),
        (["export", "{tmp}/out.txt"], "use a .xlsx or .csv file"),
        (["export", "{tmp}/out.csv"], "--entity"),
    ],
)
def test_failures_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    if "--db" not in argv:
        argv = ["--db", str(tmp_path / "x.db"), *argv]
    assert main(argv) == 1
    assert expected in one_error_line(capsys.readouterr().err)


def test_first_start_fills_the_demo_province_then_demo_refuses_a_full_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from caravan_app.services.demo import build_demo
    from caravan_app.ui import main_window

    # The window and its splash are tested in tests/ui; here their event loop would wait for a user.
    opened: list[tuple[str, bool]] = []

    def run_desktop(db: Database, language: str | None = None, *, first_start: bool = False) -> int:
        opened.append((db.describe(), first_start))
        if first_start:
            build_demo(db)  # what the splash does while it shows the steps (tests/ui/test_first_start.py)
        return 0

    monkeypatch.setattr(main_window, "run_desktop", run_desktop)
    path = tmp_path / "first.db"
    assert main(["--db", str(path)]) == 0
    assert "first start" in capsys.readouterr().out
    assert main(["--db", str(path)]) == 0  # the second start is not a first one
    assert "first start" not in capsys.readouterr().out
    assert opened == [(f"SQLite {path}", True), (f"SQLite {path}", False)]
    assert main(["--db", str(path), "demo"]) == 1
    one_error_line(capsys.readouterr().err)
    db = open_database(str(path))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Caravan)) == 30
    db.dispose()


def test_module_entry_point_shows_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "caravan_app", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("demo", "import", "export", "db"):
        assert command in result.stdout


@pytest.mark.slow
def test_plan_tours_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.db"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    argv = [
        "--db",
        str(path),
        "plan",
        "tours",
        "--term",
        "2027-spring",
        "--time-limit",
        "3",
        "--name",
        "试排",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "plan 试排:" in out and "requests served 已服务:" in out and "key-county requests served" in out
    assert "unserved by reason" in out and "days on the road per caravan" in out
    # Requests the region rules keep from caravans that fit them, with those caravans (联动).
    assert "unserved requests a caravan elsewhere fits 可联动:" in out and " days out)" in out
    out_file = tmp_path / "plan.json"
    assert main(["--db", str(path), "plan", "export", "试排", "--json", str(out_file)]) == 0
    assert out_file.exists()
    assert main(["--db", str(path), "plan", "tours", "--term", "2031-winter"]) == 1
    assert "unknown term" in one_error_line(capsys.readouterr().err)
    # With both days given no term is looked up, so a calendar without the default term still plans.
    argv = ["--db", str(path), "plan", "tours", "--term", "2031-winter", "--from", "2027-03-01"]
    assert main([*argv, "--to", "2027-03-02", "--time-limit", "1", "--name", "两天"]) == 0
    assert "plan 两天:" in capsys.readouterr().out


def test_plan_rotation_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rotation.db"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    argv = ["--db", str(path), "plan", "rotation", "--from", "2027-01-01", "--periods", "3"]
    argv += ["--period-months", "2", "--region", "扬州,泰州", "--time-limit", "5", "--name", "扬泰换展"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "stored draft rotation plan '扬泰换展'" in out and "sets 套组: 4" in out
    assert "hosted weight 加权覆盖" in out and "truck-km 运输车公里" in out
    out_file = tmp_path / "rotation.json"
    assert main(["--db", str(path), "plan", "export", "扬泰换展", "--json", str(out_file)]) == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["format"] == "caravan_app.rotation/1" and data["solution"]["stays"]
    assert main(["--db", str(path), "plan", "rotation", "--from", "2027-01-01", "--region", "火星"]) == 1
    assert "no city '火星'" in one_error_line(capsys.readouterr().err)
    assert main(["--db", str(path), "plan", "rotation", "--from", "2027-01-01", "--periods", "0"]) == 1
    assert "at least one period" in one_error_line(capsys.readouterr().err)
