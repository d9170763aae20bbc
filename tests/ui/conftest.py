"""Fixtures for the desktop program's tests: the real widgets on the offscreen platform, English
labels, settings and data files in a temporary folder (never the user's), the demo province."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import text
from sqlalchemy.engine import URL

from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.services.demo import build_demo
from caravan_app.settings import to_url
from caravan_app.ui import background
from caravan_app.ui.background import TaskState
from caravan_app.ui.i18n import Languages
from caravan_app.ui.main_window import MainWindow, create_application
from caravan_app.ui.sandbox import register_scheme
from tests.conftest import PostgresDatabases
from tests.keyrings import MemoryKeyring

# Before pytest-qt makes the QApplication, as Qt wants (the program does it in create_application).
register_scheme()


@pytest.fixture(scope="session", autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Passwords go to a keyring in memory, never to the machine's own."""
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


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


@pytest.fixture(autouse=True)
def background_work(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Searches stop after a count of solutions (the same outcome on a busy machine); whatever a test
    leaves running is cancelled and waited for, as closing the window does."""
    monkeypatch.setattr(TaskState, "solution_limit", 2)
    yield
    background.shutdown()


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    create_application()
    return qapp


@pytest.fixture
def languages(app: QApplication) -> Languages:
    languages = Languages()
    languages.switch("en")
    return languages


@pytest.fixture(scope="session")
def sqlite_demo(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The demo province built once per run in a SQLite file that each test copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(sqlite_template, path)
    db = Database(to_url(str(path)))
    build_demo(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_databases: PostgresDatabases) -> Iterator[URL]:
    """The demo province built once per run in a PostgreSQL database that tests clone."""
    url = pg_databases.create()
    db = Database(url)
    migrate.upgrade(db, backup=False)
    build_demo(db)
    db.dispose()
    yield url
    pg_databases.drop(url)


@pytest.fixture
def demo_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A database of its own holding the demo province, on each backend in turn: a copy of a file
    built once on SQLite, a clone (CREATE DATABASE ... TEMPLATE) of one built once on PostgreSQL."""
    if backend == "sqlite":
        path = tmp_path / "demo.db"
        shutil.copy(request.getfixturevalue("sqlite_demo"), path)
        demo = Database(to_url(str(path)), user="tester")
        yield demo
        demo.dispose()
        return
    template: URL = request.getfixturevalue("pg_demo_template")
    databases: PostgresDatabases = request.getfixturevalue("pg_databases")
    url = template.set(database=f"caravan_test_{uuid.uuid4().hex[:12]}")
    with databases.admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{url.database}" TEMPLATE "{template.database}"'))
    demo = Database(url, user="tester")
    yield demo
    demo.dispose()
    databases.drop(url)


@pytest.fixture
def window(qtbot: object, demo_db: Database, languages: Languages) -> Iterator[MainWindow]:
    win = MainWindow(demo_db, languages)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    background.shutdown()  # the window's work is stopped before its database goes
    # Gone before its database is: no late event (a language switch, a timer) may reach it after.
    win.close()
    win.deleteLater()
    # processEvents() leaves deferred deletes alone; without this the window would outlive the test
    # and answer the next test's language switch with queries on a closed database.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
