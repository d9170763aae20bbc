"""Fixtures for the desktop program's tests: the real widgets on the offscreen platform, English
labels, settings and data files in a temporary folder (never the user's), the demo province."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from caravan_app.persistence.database import Database
from caravan_app.services.demo import build_demo
from caravan_app.settings import to_url
from caravan_app.ui.i18n import Languages
from caravan_app.ui.main_window import MainWindow, create_application


@pytest.fixture(scope="session", autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings and the data folder (passwords, crash log) in a temporary folder for the whole run."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    before = os.environ.get("CARAVAN_DATA_DIR")
    os.environ["CARAVAN_DATA_DIR"] = str(folder / "data")
    yield folder
    if before is None:
        os.environ.pop("CARAVAN_DATA_DIR", None)
    else:
        os.environ["CARAVAN_DATA_DIR"] = before


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    create_application()
    return qapp


@pytest.fixture
def languages(app: QApplication) -> Iterator[Languages]:
    languages = Languages()
    languages.switch("en")
    yield languages
    languages.switch("en")


@pytest.fixture(scope="session")
def sqlite_demo(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The demo province built once per run in a SQLite file that each test copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(sqlite_template, path)
    db = Database(to_url(str(path)))
    build_demo(db)
    db.dispose()
    return path


@pytest.fixture
def demo_db(db: Database, backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The demo province on each backend: a copy of the built file on SQLite, built anew on PostgreSQL."""
    if backend != "sqlite":
        build_demo(db)
        yield db
        return
    path = Path(str(db.url.database))
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(request.getfixturevalue("sqlite_demo"), path)
    demo = Database(db.url, user="tester")
    yield demo
    demo.dispose()


@pytest.fixture
def window(qtbot: object, demo_db: Database, languages: Languages) -> Iterator[MainWindow]:
    win = MainWindow(demo_db, languages)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    tours = win.pages.get("tours")
    if tours is not None:
        tours.shutdown()  # type: ignore[attr-defined]
