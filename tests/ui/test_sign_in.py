"""Signing in to a shared PostgreSQL database (issue 17): a wrong password is said in plain words in the
dialog, which stays open and gives nothing back; the right one gives a URL that connects; "remember"
keeps the password in the (test's) keyring, and the next start signs in with it without asking; the
status bar names the county account, its level and region. SQLite never asks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from caravan_app.domain.enums import Level
from caravan_app.persistence.database import Database
from caravan_app.settings import to_url
from caravan_app.ui import background, passwords, preferences
from caravan_app.ui.i18n import Languages
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.sign_in import SignInDialog, last_user, password_key, sign_in, start_sign_in
from tests.keyrings import MemoryKeyring
from tests.ui.test_accounts_page import PASSWORD, role_names, server_db, signed_in_as  # noqa: F401

__all__ = ["role_names", "server_db", "signed_in_as"]


@pytest.fixture
def memory(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    memory_keyring.passwords.clear()
    passwords.password_file().unlink(missing_ok=True)
    preferences.set_password_store(passwords.KEYRING)
    return memory_keyring


@pytest.fixture
def county(signed_in_as: Callable[[Level, str, bool], Database]) -> Database:
    return signed_in_as(Level.COUNTY, "320102", False)


def bare(db: Database) -> URL:
    """The database's URL with neither user nor password, as a saved setting would hold it."""
    return db.url._replace(username=None, password=None)


def connects(url: URL) -> bool:
    with psycopg.connect(
        host=url.host, port=url.port or 5432, dbname=url.database, user=url.username, password=url.password
    ) as c:
        return c.execute("SELECT session_user").fetchone() == (url.username,)


def press_ok(dialog: SignInDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def drive(steps: Callable[[SignInDialog], None]) -> None:
    """Run `steps` on the sign-in dialog once `exec` has shown it."""

    def now() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        steps(dialog)

    QTimer.singleShot(0, now)


def test_a_wrong_password_is_said_plainly_and_gives_nothing(
    qtbot: QtBot, county: Database, languages: Languages, memory: MemoryKeyring
) -> None:
    user = str(county.url.username)
    seen: list[str] = []

    def wrong(dialog: SignInDialog) -> None:
        assert (dialog.server.text(), dialog.database.text()) == (
            f"{county.url.host}:{county.url.port or 5432}",
            county.url.database,
        )
        dialog.user.setText(user)
        dialog.password.setText("not-the-password")

        def refused(worked: bool) -> None:
            seen.append(dialog.message.text() if not worked else "signed in")
            assert dialog.isVisible()  # stays open to try again
            dialog.reject()

        dialog.checked.connect(refused)
        press_ok(dialog)

    drive(wrong)
    assert sign_in(bare(county)) is None
    assert seen == [f"The server refused user {user}: wrong name or password."]
    assert memory.passwords == {}


def test_the_right_password_signs_in_and_is_remembered_when_ticked(
    qtbot: QtBot, county: Database, languages: Languages, memory: MemoryKeyring
) -> None:
    user = str(county.url.username)
    dialog = SignInDialog(bare(county))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText(user)
    dialog.password.setText("wrong")
    with qtbot.waitSignal(dialog.checked, timeout=20_000) as first:
        press_ok(dialog)
    assert first.args == [False] and dialog.signed_in_url is None
    assert dialog.message.text() == f"The server refused user {user}: wrong name or password."
    assert "authentication" not in dialog.message.text()

    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.checked, timeout=20_000) as second:
        press_ok(dialog)
    assert second.args == [True] and not dialog.isVisible()
    url = dialog.signed_in_url
    assert url is not None and (url.username, url.password) == (user, PASSWORD)
    assert connects(url)
    key = password_key(bare(county), user)
    assert key == county.url._replace(password=None).render_as_string(hide_password=False)
    assert memory.passwords == {(passwords.SERVICE, key): PASSWORD}
    assert last_user() == user

    # The next start: the remembered password of the last user is used, no dialog shown.
    started = start_sign_in(bare(county))
    assert started is not None and (started.username, started.password) == (user, PASSWORD)


def test_a_remembered_password_that_no_longer_works_asks_again(
    qtbot: QtBot, county: Database, languages: Languages, memory: MemoryKeyring
) -> None:
    user = str(county.url.username)
    passwords.store(password_key(bare(county), user), "an-old-password", passwords.KEYRING)
    preferences.settings().setValue("database/last_user", user)
    shown: list[str] = []

    def look(dialog: SignInDialog) -> None:
        shown.append(dialog.message.text())
        shown.append(dialog.user.text())
        dialog.password.setText(PASSWORD)  # "remember" left unticked: the old password is forgotten
        press_ok(dialog)

    drive(look)
    url = start_sign_in(bare(county))
    assert shown == [f"The server refused user {user}: wrong name or password.", user]
    assert url is not None and connects(url)
    assert memory.passwords == {}


def test_sqlite_never_asks(tmp_path: Path, languages: Languages) -> None:
    url = to_url(str(tmp_path / "caravan.db"))
    assert start_sign_in(url) is url


def test_the_status_bar_names_the_county_account(
    qtbot: QtBot, county: Database, languages: Languages
) -> None:
    win = MainWindow(county, languages)
    win.show()
    try:
        assert win.signed_in_label.text() == f"{county.url.username} · county · 玄武区"
        assert "accounts" not in win.page_keys
        languages.switch("zh_CN")
        QApplication.processEvents()
        assert win.signed_in_label.text().startswith(f"{county.url.username} · ")
        assert win.signed_in_label.text().endswith(" · 玄武区")
    finally:
        languages.switch("en")
        background.shutdown()
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def forget_last_user() -> Iterator[None]:
    yield
    preferences.settings().remove("database/last_user")


def test_settings_say_a_refused_password_in_plain_words(
    county: Database, window: MainWindow, qtbot: QtBot
) -> None:
    """Settings' "test and use" opens a database in the background; a refused password is worded as the
    sign-in dialog words it, never with the driver's text, and the database in use stays."""
    from caravan_app.ui.settings_page import SettingsPage
    from tests.ui.waiting import settings_opened

    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    before = window.context.db
    settings.db_url.setText(
        bare(county).set(username=county.url.username).render_as_string(hide_password=False)
    )
    settings.db_password.setText("not-the-password")
    assert not settings_opened(settings, qtbot)
    assert "wrong name or password" in settings.db_message.text()
    assert "FATAL" not in settings.db_message.text() and "not-the-password" not in settings.db_message.text()
    assert window.context.db is before
    settings.db_password.setText(PASSWORD)
    assert settings_opened(settings, qtbot), settings.db_message.text()
    assert window.context.db.url.username == county.url.username
    window.context.set_database(before)  # the one Settings opened is closed, as switching back does
