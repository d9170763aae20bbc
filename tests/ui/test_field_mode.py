"""Field mode driven through its widgets: a trip's kit exported, shows, conditions and damage recorded
in the field window, a crash between entries, then File → Import kit into the central database
(twice, and once after the office changed the trip)."""

from __future__ import annotations

import shutil
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from caravan_app.domain.enums import EventStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import ConditionCheck, Event, MaintenanceRecord, TourStop, Trip
from caravan_app.planning.control import SolveControl
from caravan_app.services.field_kit import open_kit
from caravan_app.services.kit_export import export_trip
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.ui.field_mode import FieldWindow
from caravan_app.ui.i18n import Languages
from caravan_app.ui.kit_files import KITS, KitImportDialog
from caravan_app.ui.main_window import MainWindow


def _trip_kit(db: Database, out: Path) -> tuple[str, Path]:
    plan_term_tours(db, date(2027, 3, 1), date(2027, 3, 3), name="field", control=SolveControl(time_limit=2))
    with db.session(audited=False) as s:
        # The trip with the most stops, so the show form has several to step through.
        code = s.scalars(
            select(Trip.code).join(TourStop).group_by(Trip.code).order_by(func.count().desc(), Trip.code)
        ).first()
    assert code is not None
    export_trip(db, code, out)
    return code, out


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session(audited=False) as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(ConditionCheck)) or 0,
            s.scalar(select(func.count()).select_from(MaintenanceRecord)) or 0,
        )


def test_a_trip_is_recorded_in_field_mode_and_imported_from_the_file_menu(
    window: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, kit_path = _trip_kit(demo_db, tmp_path / "trip.ckit")
    field = window.open_kit(kit_path)
    assert isinstance(field, FieldWindow)
    assert field.heading.text() == f"Trip {code}"
    stops = len(field.contents.stops)
    assert field.route_model.rowCount() == stops >= 1
    assert field.exhibit_model.rowCount() == len(field.contents.exhibits) > 0
    assert f"0 of {stops} shows recorded" in field.subheading.text()

    # The first stop held, with the planned times filled in and the crew's figures typed.
    field.show_where.setCurrentIndex(0)
    field.show_start.setTime(field.show_start.time().addSecs(15 * 60))
    start = field.show_start.time()
    field.visitors.setValue(230)
    field.activity.setText("科学表演")
    field.audience.setText("小学三至六年级学生")
    field.feedback.setPlainText("学生很喜欢机器人展品")
    assert field.record_show()
    assert field.saved_label.text().startswith("Entry 1 saved to the kit at")
    assert field.route_model.index(0, 9).data() == "held, 230 visitors"
    if stops > 1:
        assert field.show_where.currentIndex() == 1  # on to the next stop
        field.show_status.setCurrentIndex(1)
        field.cancel_reason.setText("暴雨，学校停课")
        assert field.record_show()
        assert field.route_model.index(1, 9).data() == "cancelled: 暴雨，学校停课"

    # A refused value is named and nothing is written; the typed text stays.
    exhibit = field.contents.exhibits[0].code
    field.exhibit_code.setCurrentIndex(field.exhibit_code.findData(exhibit))
    field.grade.setCurrentIndex(2)  # C
    field.fault.setText("触摸屏失灵" * 50)
    before = len(field.kit.records())
    assert not field.record_condition()
    assert field.message.text().startswith("Not saved: Fault: 触摸屏失灵")
    assert field.message.text().endswith("is longer than 200 characters")
    assert len(field.kit.records()) == before and field.fault.text().startswith("触摸屏失灵")
    field.fault.setText("触摸屏失灵")
    assert field.record_condition()
    field.damage_text.setText("运输中外壳开裂")
    assert field.record_damage()
    assert field.exhibit_model.index(0, 4).data() == "C"
    assert "damaged: 运输中外壳开裂" in field.exhibit_model.index(0, 6).data()
    recorded = len(field.kit.records())

    # The battery dies while the next entry is being typed: a copy of the file as it is now is what
    # the crew finds on restarting; it verifies and holds every recorded entry, and only those.
    field.damage_text.setText("typed but never recorded")
    crashed = tmp_path / "after-crash.ckit"
    shutil.copy(kit_path, crashed)
    with open_kit(crashed) as reopened:
        assert [r.seq for r in reopened.records()] == list(range(1, recorded + 1))
    field.close()

    # File → Import kit: events, the condition check and the maintenance need arrive once.
    events, checks, repairs = _counts(demo_db)
    window.import_kit(kit_path)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=60_000)  # imported in the background
    dialog = window.kit_import
    assert isinstance(dialog, KitImportDialog)
    shown = dialog.text.toPlainText()
    shows = 2 if len(field.contents.stops) > 1 else 1
    assert shown.startswith(
        f"Kit of trip {code}: {shows} shows, 1 condition checks, 1 damage or loss records."
    )
    assert "Entry 1, show: new EV-" in shown
    dialog.close()
    held_and_cancelled = 2 if stops > 1 else 1
    assert _counts(demo_db) == (events + held_and_cancelled, checks + 1, repairs + 1)
    with demo_db.session(audited=False) as s:
        held = s.scalars(select(Event).where(Event.feedback == "学生很喜欢机器人展品")).one()
        assert (
            held.status is EventStatus.HELD and held.visitors == 230 and held.audience == "小学三至六年级学生"
        )
        assert held.started_at is not None and held.started_at.time() == time(start.hour(), start.minute())
        if stops > 1:
            cancelled = s.scalars(select(Event).where(Event.cancel_reason == "暴雨，学校停课")).one()
            assert cancelled.status is EventStatus.CANCELLED

    window.import_kit(kit_path)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=60_000)
    again = window.kit_import
    assert (
        isinstance(again, KitImportDialog) and "already imported, nothing changed" in again.text.toPlainText()
    )
    again.close()
    assert _counts(demo_db) == (events + held_and_cancelled, checks + 1, repairs + 1)


def test_a_kit_whose_trip_changed_in_the_office_is_put_to_the_user(
    window: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    code, kit_path = _trip_kit(demo_db, tmp_path / "trip.ckit")
    with open_kit(kit_path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=80)
    with demo_db.session() as s:
        stop = s.scalars(select(TourStop).join(Trip).where(Trip.code == code).order_by(TourStop.seq)).first()
        assert stop is not None
        # The office moves the first show an hour later after the kit left.
        planned = stop.show_start
        stop.show_start, stop.show_end = (
            stop.show_start + timedelta(hours=1),
            stop.show_end + timedelta(hours=1),
        )
    moved = f"stop 1, show start: {planned:%Y-%m-%d %H:%M} → {planned + timedelta(hours=1):%Y-%m-%d %H:%M}"
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def ask(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return choice

        return ask

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    before = _counts(demo_db)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.import_kit(kit_path)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=60_000)
    assert window.kit_import is None
    assert asked and f"{code} was changed in the office since the kit was exported" in asked[0]
    assert moved in asked[0]
    assert _counts(demo_db) == before

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.import_kit(kit_path)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=60_000)
    dialog = window.kit_import
    assert (
        isinstance(dialog, KitImportDialog)
        and f"Accepted office change: {moved}" in dialog.text.toPlainText()
    )
    dialog.close()
    assert _counts(demo_db)[0] == before[0] + 1

    # A damaged file is refused with its message and changes nothing.
    broken = tmp_path / "broken.ckit"
    broken.write_bytes(kit_path.read_bytes()[: kit_path.stat().st_size // 2])
    window.import_kit(broken)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=60_000)
    assert window.kit_import is None
    assert warnings and "broken.ckit" in warnings[-1]
    assert _counts(demo_db)[0] == before[0] + 1


def test_field_mode_follows_the_language(
    window: MainWindow, demo_db: Database, languages: Languages, tmp_path: Path
) -> None:
    _code, kit_path = _trip_kit(demo_db, tmp_path / "trip.ckit")
    field = window.open_kit(kit_path)
    assert isinstance(field, FieldWindow)
    assert field.record_show_button.text() == "Record show"
    languages.switch("zh_CN")
    QApplication.processEvents()  # a window of its own hears the change through the event queue
    try:
        assert field.record_show_button.text() == "记录展演"
        assert field.tabs.tabText(2) == "车载展品"
        # A refusal in the crew's language, naming the field by its label on the form.
        field.show_status.setCurrentIndex(1)
        assert not field.record_show()
        assert field.message.text() == '未保存：取消原因："" 为必填项'
    finally:
        languages.switch("en")
    field.close()


def test_kit_open_runs_field_mode_and_a_damaged_kit_is_refused(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from caravan_app import cli
    from caravan_app.ui import field_mode

    opened: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(field_mode, "run_field_mode", lambda path, lang: opened.append((path, lang)) or 0)
    assert cli.main(["kit", "open", str(tmp_path / "a.ckit"), "--lang", "zh_CN"]) == 0
    assert opened == [(tmp_path / "a.ckit", "zh_CN")]

    monkeypatch.undo()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    half = tmp_path / "half.ckit"
    half.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    assert cli.main(["kit", "open", str(half), "--lang", "en"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "half.ckit" in err and shown and "half.ckit" in shown[0]


def test_the_tour_planner_writes_the_kit_of_the_selected_trip(
    window: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    from caravan_app.ui.tour_planner import TourPlannerPage

    plan_term_tours(
        demo_db, date(2027, 3, 1), date(2027, 3, 2), name="kit", control=SolveControl(time_limit=2)
    )
    page = window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    page.refresh_plans(select_name="kit")
    # Approved, so its kits go out with no question (a draft's kit asks first: tests/ui/test_printing.py).
    assert page.approve(confirm=False)
    assert not page.kit_button.isEnabled()
    page.itinerary.selectRow(0)
    assert page.kit_button.isEnabled() and page.kit_button.text() == "Field kit of this trip…"
    trip = page.trip_of_stop[page.itinerary_model.row_id(0)]
    path = tmp_path / "selected.ckit"
    page.export_kit(trip, path)
    qtbot.waitUntil(lambda: not KITS.busy, timeout=60_000)  # written in the background
    assert f"Field kit of trip {trip} written to" in page.hand_move_note.text()
    with open_kit(path) as kit:
        assert kit.contents.code == trip
        venue = str(page.itinerary_model.value(0, "venue"))
        assert venue in {kit.contents.venue(s.venue_code).name for s in kit.contents.stops}

    # Writing over a kit whose records the office has not imported asks first.
    with open_kit(path) as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=12)
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or next(answers)
    )
    page.export_kit(trip, path)
    qtbot.waitUntil(lambda: not KITS.busy, timeout=60_000)
    assert "holds 1 field records the office has not imported" in asked[0]
    with open_kit(path) as kit:
        assert len(kit.records()) == 1
    page.export_kit(trip, path)
    qtbot.waitUntil(lambda: not KITS.busy, timeout=60_000)
    assert len(asked) == 2
    with open_kit(path) as kit:
        assert kit.records() == []

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    page.export_kit("no-such-trip", tmp_path / "none.ckit")
    qtbot.waitUntil(lambda: not KITS.busy, timeout=60_000)
    assert warned and "no-such-trip" in warned[0] and not (tmp_path / "none.ckit").exists()
