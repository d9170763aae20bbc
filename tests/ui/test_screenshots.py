"""`caravan-app screenshots` works on a copy: the user's database file, settings file and window layout
are byte for byte as they were, while the screens it saved show the plans it made in the copy."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from caravan_app.cli import main
from caravan_app.services.database import open_database
from caravan_app.ui import preferences, screenshots
from caravan_app.ui.i18n import Languages
from caravan_app.ui.main_window import MainWindow


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path, pattern: str = "*") -> dict[str, str]:
    """Every file under `folder` (matching `pattern`) with its digest."""
    return {str(p.relative_to(folder)): _digest(p) for p in sorted(folder.rglob(pattern)) if p.is_file()}


@pytest.fixture
def users_files(
    tmp_path: Path, sqlite_demo: Path, private_settings: Path, qtbot: object, languages: Languages
) -> tuple[Path, Path]:
    """The user's database (the demo) and settings (a window layout and a language saved as the program
    saves them on closing): their folders."""
    folder = tmp_path / "user"
    folder.mkdir()
    shutil.copy(sqlite_demo, folder / "caravan.db")
    db = open_database(str(folder / "caravan.db"))
    window = MainWindow(db, languages)
    window.resize(1000, 700)
    window.show_page("requests")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    db.dispose()
    preferences.set_language("en")
    assert preferences.window_geometry() is not None
    return folder, private_settings


@pytest.mark.slow
def test_screenshots_leave_the_users_database_and_settings_untouched(
    users_files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, languages: Languages
) -> None:
    database_folder, settings_folder = users_files
    database = database_folder / "caravan.db"
    # The settings folder also holds the data folder, where the log goes.
    database_before, settings_before = _files(database_folder), _files(settings_folder, "*.ini")
    assert any(name.endswith(".ini") for name in settings_before)
    geometry, page = preferences.window_geometry(), preferences.last_page()
    monkeypatch.setattr(screenshots, "SHORT_TIME_LIMIT", 3.0)  # the example plan: a short solve will do
    out = tmp_path / "shots"

    argv = ["--db", str(database), "screenshots", "--out", str(out), "--screens", "caravans,tours"]
    assert main([*argv, "--lang", "en", "--size", "1366x768"]) == 0
    languages.switch("en")

    written = sorted(p.name for p in out.glob("*.png"))
    assert "02_caravans.png" in written and "08_tours.png" in written and "08_tours_timeline.png" in written
    assert not any(name.startswith("01_") for name in written)  # only the screens asked for
    shot = QImage(str(out / "02_caravans.png"))
    assert (shot.width(), shot.height()) == (1366, 768)
    # The user's files are as they were, byte for byte: no plan stored, no layout saved, no file beside.
    assert _files(database_folder) == database_before
    assert _files(settings_folder, "*.ini") == settings_before
    assert preferences.window_geometry() == geometry and preferences.last_page() == page
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("SELECT count(*) FROM plans").fetchone() == (0,)
    # And the program's settings are read from where they were again.
    assert Path(
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "x", "y").fileName()
    ).is_relative_to(settings_folder)


def test_the_settings_copy_is_read_and_written_instead_of_the_users(
    private_settings: Path, tmp_path: Path, app: QApplication
) -> None:
    preferences.save_window(QByteArray(b"mine"), QByteArray(b"layout"), 4)
    users = _files(private_settings, "*.ini")
    with screenshots.own_settings(tmp_path / "copy") as copy:
        assert copy.is_relative_to(tmp_path / "copy") and copy.exists()
        assert preferences.last_page() == 4  # the user's settings, read from the copy
        preferences.save_window(QByteArray(b"other"), QByteArray(b"other"), 7)
        assert preferences.last_page() == 7
    assert _files(private_settings, "*.ini") == users
    assert preferences.last_page() == 4 and preferences.window_geometry() == QByteArray(b"mine")
