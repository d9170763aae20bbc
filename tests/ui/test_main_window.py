"""The main window: navigation, language switch, remembered layout, import and export from the File
menu, settings with the database password kept apart, the crash dialog and the log view."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QByteArray, QRect, Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from caravan_app import log
from caravan_app.persistence.database import Database
from caravan_app.settings import load_thresholds
from caravan_app.ui import crash, preferences
from caravan_app.ui.i18n import Languages
from caravan_app.ui.inventory_page import EntityPage
from caravan_app.ui.log_view import LogDialog, memory_handler
from caravan_app.ui.main_window import PAGE_KEYS, MainWindow
from caravan_app.ui.screen_fit import FRAME_ALLOWANCE, keep_on_screen
from caravan_app.ui.settings_page import SettingsPage
from tests.ui.waiting import settings_opened


def test_every_screen_opens_and_the_status_bar_names_the_database(
    window: MainWindow, demo_db: Database
) -> None:
    assert window.nav.count() == len(PAGE_KEYS) == 12
    for key in PAGE_KEYS:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
    assert window.db_label.text() == f"Database: {demo_db.describe()}"
    assert "password" not in window.db_label.text().lower() or "***" in window.db_label.text()
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_switching_the_language_changes_the_labels(window: MainWindow, languages: Languages) -> None:
    caravans = window.show_page("caravans")
    assert isinstance(caravans, EntityPage)
    caravans.ensure_loaded()
    assert window.nav.item(1).text() == "Caravans"
    assert caravans.add_button.text() == "Add…"
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    QApplication.processEvents()
    assert preferences.language() == "zh_CN"
    assert window.nav.item(1).text() == "车辆"
    assert window.file_menu.title() == "文件(&F)"
    assert caravans.add_button.text() == "新增……"
    assert caravans.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    type_column = caravans.model.columns.index("type")
    assert caravans.proxy.index(0, type_column).data().endswith("型")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    QApplication.processEvents()
    assert window.nav.item(1).text() == "Caravans"
    assert caravans.proxy.index(0, type_column).data().startswith("Type ")
    preferences.set_language("")


def test_the_layout_is_remembered_between_runs(
    qtbot: QtBot, demo_db: Database, languages: Languages, private_settings: Path
) -> None:
    first = MainWindow(demo_db, languages)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show_page("requests")
    first.close()
    assert preferences.last_page() == PAGE_KEYS.index("requests")
    assert list(private_settings.rglob("*.ini")), "settings went somewhere other than the test folder"
    second = MainWindow(demo_db, languages)
    qtbot.addWidget(second)
    assert second.nav.currentRow() == PAGE_KEYS.index("requests")
    assert (second.width(), second.height()) == (760, 560)


@pytest.mark.slow
def test_export_then_a_refused_import_lists_its_problems(
    window: MainWindow, tmp_path: Path, backend: str, qtbot: QtBot
) -> None:
    if backend != "sqlite":
        # The import and export themselves run on both databases in tests/persistence; this is the
        # window's part (menu, problem table, clipboard), and a workbook of the demo takes seconds.
        pytest.skip("the window's import dialog is tested once, on SQLite")
    book = tmp_path / "inventory.xlsx"
    window.export_file(book)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=120_000)  # written in the background
    assert window.statusBar().currentMessage() == f"Exported to {book}"
    workbook = load_workbook(book)
    sheet = workbook["车辆"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("乘员数") + 1, value=99)
    sheet.cell(row=3, column=headers.index("投入使用日期") + 1, value="not a date")
    workbook.save(book)
    window.import_file(book)
    qtbot.waitUntil(lambda: not window.busy_with_files, timeout=120_000)
    dialog = window.import_problems
    assert dialog is not None
    assert dialog.model.rowCount() == 2
    text = dialog.copy_all()
    assert QApplication.clipboard().text() == text
    assert "乘员数\t99" in text and "not a date" in text
    dialog.close()


def test_database_settings_are_tested_and_the_password_kept_apart(
    window: MainWindow, tmp_path: Path, private_settings: Path, qtbot: QtBot
) -> None:
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    settings.db_url.setText("postgresql://caravan@127.0.0.1:1/nowhere")
    settings.db_password.setText("s3cret")
    assert not settings_opened(settings, qtbot)
    assert settings.db_message.text().startswith("Not saved:")
    assert "s3cret" not in settings.db_message.text()

    other = tmp_path / "other.db"
    settings.db_url.setText(str(other))
    assert settings_opened(settings, qtbot), settings.db_message.text()
    assert window.context.db.describe() == f"SQLite {other}"
    assert window.db_label.text() == f"Database: SQLite {other}"
    assert preferences.saved_database_url() is not None

    url = "postgresql+psycopg://caravan:s3cret@db.example/caravan"
    preferences.save_database_url(url)
    ini = "".join(p.read_text(encoding="utf-8") for p in private_settings.rglob("*.ini"))
    assert "s3cret" not in ini and "db.example" in ini
    saved = preferences.saved_database_url()
    assert saved is not None and saved.password == "s3cret"
    preferences.save_database_url(str(other))

    settings.time_limit.setValue(12)
    settings.threshold_boxes["caravan_age_years"].setValue(12)
    settings.threshold_boxes["repair_cost_share"].setValue(40)  # percent
    assert settings.save()
    assert preferences.planning().time_limit == 12
    # The consolidation service reads the thresholds from the program's settings file.
    thresholds = load_thresholds()
    assert thresholds.caravan_age_years == 12 and thresholds.repair_cost_share == 0.4
    settings.threshold_boxes["underuse_share"].setValue(100)
    settings.threshold_boxes["repeated_faults_years"].setValue(2.6)
    assert settings.save() and load_thresholds().repeated_faults_years == 3


def test_an_uncaught_error_is_logged_and_shown_with_the_log_path(qtbot: QtBot, app: QApplication) -> None:
    handler = memory_handler()
    shown: dict[str, str] = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown["text"] = box.text()
        shown["info"] = box.informativeText()
        box.close()

    QTimer.singleShot(0, read_and_close)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        crash.excepthook(ValueError, exc, exc.__traceback__)
    assert "ValueError: boom" in shown["text"] and "log file" in shown["info"]
    assert any("uncaught exception" in line for line in handler.lines)
    dialog = LogDialog()
    qtbot.addWidget(dialog)
    log.get(log.UI).log(logging.WARNING, "a line for the log view")
    assert "a line for the log view" in dialog.text.toPlainText()


def test_the_working_calendar_is_edited_in_settings_and_the_planners_use_it(window: MainWindow) -> None:
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    terms, holidays = settings.terms_table, settings.holidays_table
    assert [terms.text(r, 0) for r in range(terms.rowCount())] == [
        "2026-autumn",
        "2027-spring",
        "2027-autumn",
    ]
    assert holidays.text(0, 0) == "2026-10-01" and holidays.text(0, 1) == "国庆节、中秋节"

    # A bad date is refused naming the row and the field, and the typed rows stay.
    terms.add_row(("2028-spring", "2028-02-30", "2028-07-01"))
    assert not settings.save_calendar()
    assert (
        "Term row 4, First day: '2028-02-30' is not a date (YYYY-MM-DD)" in settings.calendar_message.text()
    )
    assert terms.rowCount() == 4
    # A term inside another is named by the row it was typed in, not by its place in time.
    terms.item(3, 1).setText("2027-06-01")
    assert not settings.save_calendar()
    message = settings.calendar_message.text()
    assert (
        "Term row 4 (2028-spring) starts 2027-06-01, inside 2027-spring (which runs to 2027-07-02)" in message
    )
    terms.item(3, 1).setText("2028-02-21")
    holidays.add_row(("2027-03-10", "全省科普日"))
    assert settings.save_calendar(), settings.calendar_message.text()
    assert settings.calendar_message.text() == "Saved: 4 terms, 40 holidays."

    # The planners' term lists follow at once, and a term's dates come from the stored calendar.
    tours = window.show_page("tours")
    index = tours.term.findData("2028-spring")  # type: ignore[attr-defined]
    assert index >= 0
    tours.term.setCurrentIndex(index)  # type: ignore[attr-defined]
    assert tours.start.date().toString("yyyy-MM-dd") == "2028-02-21"  # type: ignore[attr-defined]
    retirement = window.show_page("retirement")
    assert retirement.term.findData("2028-spring") >= 0  # type: ignore[attr-defined]

    # Someone else saving first is reported, and what was typed here is kept.
    from caravan_app.services.calendar import save_calendar, working_calendar

    now = working_calendar(window.context.db)
    save_calendar(window.context.db, now.calendar, now)  # unchanged: the stamp stays
    extra = replace(now.calendar, holidays=now.calendar.holidays[1:])
    save_calendar(window.context.db, extra, now)
    holidays.add_row(("2027-03-11", "mine"))
    assert not settings.save_calendar()
    assert "changed by someone else" in settings.calendar_message.text()
    assert holidays.text(holidays.rowCount() - 1, 1) == "mine"


# A program run on the offscreen platform with a screen of the given size (Qt's offscreen plugin reads
# its screens from a JSON file): it opens the window as `caravan-app` would, visits every screen and
# reports the screen's available area and the window's frame after each.
FIT_SCRIPT = """
import json, sys
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from caravan_app.persistence.database import Database
from caravan_app.settings import to_url
from caravan_app.ui.i18n import Languages
from caravan_app.ui.main_window import PAGE_KEYS, MainWindow, create_application

app = create_application()
languages = Languages()
languages.switch(sys.argv[3])
window = MainWindow(Database(to_url(sys.argv[1])), languages)
window.show()
app.processEvents()
report = {
    "area": window.screen().availableGeometry().getRect(),
    "opened": window.size().toTuple(),
    "frames": {},
}
for key in PAGE_KEYS:
    window.show_page(key)
    for _ in range(5):
        app.processEvents()
    report["frames"][key] = window.frameGeometry().getRect()
if len(sys.argv) > 4:  # the user makes it this large before closing
    window.resize(int(sys.argv[4]), int(sys.argv[5]))
    app.processEvents()
report["size"] = window.size().toTuple()
window.close()
print(json.dumps(report))
"""


def _run_on_screen(
    tmp_path: Path, database: Path, settings: Path, width: int, height: int, language: str, *resize: int
) -> dict[str, Any]:
    screen = tmp_path / f"screen-{width}x{height}.json"
    screen.write_text(
        json.dumps(
            {
                "synchronousWindowSystem": True,
                "windowFrameMargins": True,
                "screens": [
                    {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
                ],
            }
        ),
        encoding="utf-8",
    )
    environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    result = subprocess.run(
        [sys.executable, "-c", FIT_SCRIPT, str(database), str(settings), language, *map(str, resize)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def _inside(frame: list[int], area: list[int]) -> bool:
    x, y, w, h = frame
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_window_fits_a_laptop_screen(tmp_path: Path, sqlite_demo: Path, language: str) -> None:
    database = tmp_path / "demo.db"
    shutil.copy(sqlite_demo, database)
    # 1366×768: the window, every screen shown in turn, stays inside it, title bar and edges included.
    laptop = _run_on_screen(tmp_path, database, tmp_path / "settings", 1366, 768, language)
    for key, frame in laptop["frames"].items():
        assert _inside(frame, laptop["area"]), f"{key}: {frame} is not inside {laptop['area']}"


def test_a_size_remembered_on_a_large_screen_shrinks_to_a_small_one(
    tmp_path: Path, sqlite_demo: Path
) -> None:
    database = tmp_path / "demo.db"
    shutil.copy(sqlite_demo, database)
    settings = tmp_path / "settings"
    # A desktop: the usual size, with room to spare; the user enlarges the window before closing it.
    desktop = _run_on_screen(tmp_path, database, settings, 1920, 1080, "zh_CN", 1880, 1020)
    assert desktop["opened"] == [1400, 860]
    assert all(_inside(frame, desktop["area"]) for frame in desktop["frames"].values())
    again = _run_on_screen(tmp_path, database, settings, 1920, 1080, "zh_CN")
    assert again["opened"] == [1880, 1020]  # remembered
    # The same settings on a laptop: the remembered size shrinks to fit, every screen inside.
    laptop = _run_on_screen(tmp_path, database, settings, 1366, 768, "zh_CN")
    assert laptop["opened"][0] < 1366 and laptop["opened"][1] < 768
    for key, frame in laptop["frames"].items():
        assert _inside(frame, laptop["area"]), f"{key}: {frame} is not inside {laptop['area']}"


def test_a_window_larger_than_its_screen_is_shrunk_and_moved_onto_it(
    qtbot: QtBot, demo_db: Database, languages: Languages, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The available area (without a taskbar) of a small screen, as the window asks for it.
    area = QRect(0, 0, 1280, 680)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(area))
    preferences.save_window(QByteArray(), QByteArray(), 0)  # nothing remembered: a first start
    window = MainWindow(demo_db, languages)
    qtbot.addWidget(window)
    assert window.width() <= 1280 - FRAME_ALLOWANCE.width()
    assert window.height() <= 680 - FRAME_ALLOWANCE.height()
    window.show()
    assert area.contains(window.frameGeometry())
    # A window the user moved half off the screen and made larger than it comes back onto it.
    window.setGeometry(900, 500, 1500, 900)
    keep_on_screen(window)
    assert area.contains(window.frameGeometry())
    window.close()
