"""`caravan-app plans` and `caravan-app trips`: what is stored, with the codes other commands take."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from caravan_app.cli import main
from caravan_app.cli_desktop import SCREENS
from caravan_app.cli_plans import table
from caravan_app.domain.enums import PlanKind
from caravan_app.services.database import open_database
from caravan_app.services.rotation_grid import rotation_grid
from caravan_app.services.tour_plans import stored_plans, tour_plan_detail_named
from tests.test_cli import one_error_line

TOURS, ROTATION = "三月试排", "扬泰换展"


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARAVAN_DB_URL", raising=False)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo province with a week's tour plan and a small rotation plan, made by the command line."""
    folder = tmp_path_factory.mktemp("planned")
    path = folder / "planned.db"
    db = ["--db", str(path)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CARAVAN_DATA_DIR", str(folder / "data"))
        patch.delenv("CARAVAN_DB_URL", raising=False)
        assert main([*db, "demo"]) == 0
        tours = ["plan", "tours", "--from", "2027-03-01", "--to", "2027-03-05", "--time-limit", "30"]
        assert main([*db, *tours, "--solution-limit", "2", "--name", TOURS]) == 0
        rotation = ["plan", "rotation", "--from", "2027-03-01", "--periods", "2", "--region", "扬州,泰州"]
        assert main([*db, *rotation, "--time-limit", "30", "--solution-limit", "1", "--name", ROTATION]) == 0
    return path


def column(line: str, text: str) -> int:
    """Where `text` starts in `line` on a terminal, a Chinese character taking two columns."""
    before = line[: line.index(text)]
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)


def test_plans_lists_every_plan_with_its_kind_status_dates_and_figures(
    planned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--db", str(planned), "plans"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "2 plan(s) 方案, newest first:"
    assert lines[1].split() == [
        "name",
        "名称",
        "kind",
        "类型",
        "status",
        "状态",
        "dates",
        "日期",
        "solve",
        "求解",
        "figures",
        "指标",
    ]
    rotation, tours = lines[2], lines[3]  # newest first
    db = open_database(str(planned))
    tour_plan = stored_plans(db, PlanKind.TOUR)[0]
    rotation_plan = stored_plans(db, PlanKind.ROTATION)[0]
    db.dispose()
    f = tour_plan.tour
    assert tours.startswith(TOURS) and "tour 巡展" in tours and "draft 草案" in tours
    assert "2027-03-01 .. 2027-03-05" in tours
    assert f"served {f.served} of {f.requests}" in tours and f"{f.trips} trips" in tours
    assert f"{f.km:,.0f} km" in tours
    r = rotation_plan.rotation
    assert rotation.startswith(ROTATION) and "rotation 轮换" in rotation and "draft 草案" in rotation
    assert f"{r.stays} stays of {r.set_periods_free} free set-periods" in rotation
    # The columns line up under the header, Chinese names counted two columns wide.
    assert column(rotation, "rotation") == column(tours, "tour 巡展") == column(lines[1], "kind")

    assert main(["--db", str(planned), "plans", "--kind", "rotation"]) == 0
    out = capsys.readouterr().out
    assert ROTATION in out and TOURS not in out


def test_trips_lists_a_tour_plans_trips_with_their_codes(
    planned: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = open_database(str(planned))
    detail = tour_plan_detail_named(db, TOURS)
    db.dispose()
    assert detail.trips
    capsys.readouterr()
    assert main(["--db", str(planned), "trips", TOURS]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"tour plan 巡展方案 {TOURS} (draft 草案, 2027-03-01 .. 2027-03-05): ")
    for trip in detail.trips:
        line = next(line for line in out.splitlines() if line.startswith(trip.code + " "))
        assert f"{trip.caravan_code} {trip.plate}" in line
        assert f"{trip.leave_at:%Y-%m-%d %H:%M}" in line and f"{trip.back_at:%Y-%m-%d %H:%M}" in line
        assert re.search(rf"\s{len(trip.stops)}\s+{trip.km:,.0f}\s", line), line
        assert trip.stops[0].county in line
    assert "kit export --trip CODE" in out
    # The newest tour plan when none is named; one caravan's trips with --caravan.
    assert main(["--db", str(planned), "trips"]) == 0
    assert capsys.readouterr().out == out
    caravan = detail.trips[0].caravan_code
    assert main(["--db", str(planned), "trips", "--caravan", caravan]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:-1]]
    assert listed == [t.code for t in detail.trips if t.caravan_code == caravan]

    # A code copied from the list is what the trip's documents are asked for by.
    code = detail.trips[-1].code
    sheet = tmp_path / "trip.pdf"
    assert (
        main(["--db", str(planned), "print", "route-sheets", TOURS, "--trip", code, "--out", str(sheet)]) == 0
    )
    assert sheet.exists()


def test_trips_of_a_rotation_plan_lists_its_stays_with_placement_codes(
    planned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(str(planned))
    plan = stored_plans(db, PlanKind.ROTATION)[0]
    grid = rotation_grid(db, plan.id)
    db.dispose()
    capsys.readouterr()
    assert main(["--db", str(planned), "trips", ROTATION]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"rotation plan 轮换方案 {ROTATION} (draft 草案, ")
    for stay in grid.stays:
        line = next(line for line in out.splitlines() if line.startswith(stay.code + " "))
        assert stay.set_code in line and stay.venue_name in line and f"{stay.start:%Y-%m-%d}" in line
    assert "kit export --placement CODE" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["trips", "no such plan"], "no plan named 'no such plan'; `caravan-app plans` lists them"),
        (["trips", TOURS, "--caravan", "CV99"], f"caravan 'CV99' is not in plan '{TOURS}'"),
        (["trips", ROTATION, "--caravan", "CV01"], "--caravan is for tour plans"),
    ],
)
def test_trips_refuses_what_is_not_there_in_one_line(
    planned: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    capsys.readouterr()
    assert main(["--db", str(planned), *argv]) == 1
    assert expected in one_error_line(capsys.readouterr().err)


def test_an_empty_database_has_no_plans_and_no_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "empty.db")
    assert main(["--db", path, "plans"]) == 0
    assert "no plans stored 暂无方案" in capsys.readouterr().out
    assert main(["--db", path, "trips"]) == 1
    assert "no tour plan is stored" in one_error_line(capsys.readouterr().err)


def test_a_table_pads_chinese_as_two_columns() -> None:
    assert table(["a", "b"], [["扬泰", "x"], ["abcde", "y"]], right=frozenset()) == [
        "a      b",
        "扬泰   x",
        "abcde  y",
    ]


def test_the_screenshots_command_knows_every_screen() -> None:
    from caravan_app.ui.main_window import PAGE_KEYS

    assert SCREENS == PAGE_KEYS
