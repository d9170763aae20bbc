"""The Accounts screen (issue 17): an administrator adds a county account through the dialog and the new
login signs in; Disable stops it signing in; a bad name is refused in words and adds nothing; the screen
is in the navigation only for an administrator (never for a county account, nor on SQLite).

Roles belong to the server, not to one database: every test names its own and drops them after."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from caravan_app.domain.enums import Level
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Region
from caravan_app.services import accounts
from caravan_app.ui import background
from caravan_app.ui.accounts_page import AccountDialog, AccountsPage
from caravan_app.ui.i18n import Languages
from caravan_app.ui.main_window import MainWindow
from tests.conftest import open_empty_database

PASSWORD = "admin-pw-1"


def add_regions(db: Database) -> None:
    with db.session(audited=False) as s:
        province = Region(adcode="320000", name="江苏省", level=Level.PROVINCE, lat=32.06, lon=118.76)
        city = Region(
            adcode="320100", name="南京市", level=Level.CITY, lat=32.06, lon=118.80, parent=province
        )
        s.add_all(
            [
                province,
                city,
                Region(
                    adcode="320102", name="玄武区", level=Level.COUNTY, lat=32.05, lon=118.80, parent=city
                ),
                Region(
                    adcode="320104", name="秦淮区", level=Level.COUNTY, lat=32.02, lon=118.79, parent=city
                ),
            ]
        )


@pytest.fixture
def server_db(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated PostgreSQL database with a province, a city and two counties, as the superuser."""
    db = open_empty_database("postgresql", tmp_path, request)  # skipped with no server configured
    add_regions(db)
    yield db
    db.dispose()


@pytest.fixture
def role_names(server_db: Database) -> Iterator[list[str]]:
    """Names for new roles, dropped at the end whatever the test did."""
    names: list[str] = []
    yield names
    with server_db.engine.begin() as c:
        c.execute(text("DELETE FROM caravan_auth.accounts WHERE role_name = ANY(:n)"), {"n": names})
        for name in names:
            c.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


def new_name(names: list[str]) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    names.append(name)
    return name


@pytest.fixture
def signed_in_as(
    server_db: Database, role_names: list[str]
) -> Iterator[Callable[[Level, str, bool], Database]]:
    """An account made by the superuser, and a Database signed in as it (its user and password in the
    URL, as the sign-in dialog leaves it)."""
    opened: list[Database] = []

    def make(level: Level, adcode: str, admin: bool) -> Database:
        name = new_name(role_names)
        accounts.add_account(server_db, name, level, adcode, PASSWORD, admin=admin)
        db = Database(server_db.url.set(username=name, password=PASSWORD))
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.dispose()


def open_window(qtbot: QtBot, db: Database, languages: Languages) -> MainWindow:
    win = MainWindow(db, languages)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    return win


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    background.shutdown()
    for win in made:
        win.close()
        win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for win in made:
        win.context.db.dispose()  # a database the test switched to, so that its role can be dropped


def can_sign_in(db: Database, name: str, password: str) -> bool:
    url = db.url
    try:
        with psycopg.connect(
            host=url.host, port=url.port or 5432, dbname=url.database, user=name, password=password
        ) as c:
            return c.execute("SELECT session_user").fetchone() == (name,)
    except psycopg.OperationalError:
        return False


def fill(dialog: AccountDialog, name: str, level: Level, adcode: str, password: str, again: str) -> None:
    dialog.name.setText(name)
    dialog.level.setCurrentIndex(dialog.level.findData(level))
    assert dialog.select_region(adcode)
    dialog.password.setText(password)
    dialog.password_again.setText(again)


def ok(dialog: AccountDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_an_administrator_adds_a_county_user_who_signs_in_then_disables_it(
    qtbot: QtBot,
    server_db: Database,
    signed_in_as: Callable[[Level, str, bool], Database],
    role_names: list[str],
    languages: Languages,
    windows: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = signed_in_as(Level.PROVINCE, "320000", True)
    win = open_window(qtbot, admin, languages)
    windows.append(win)
    assert "accounts" in win.page_keys
    assert win.nav.item(win.page_keys.index("accounts")).text() == "Accounts"
    assert win.signed_in_label.text() == f"{admin.url.username} · province · 江苏省 · administrator"
    page = win.show_page("accounts")
    assert isinstance(page, AccountsPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AccountDialog) and dialog.isVisible()
    # The region list follows the level: the counties only, by name and code.
    dialog.level.setCurrentIndex(dialog.level.findData(Level.COUNTY))
    assert [dialog.region.itemText(i) for i in range(dialog.region.count())] == [
        "玄武区 (320102)",
        "秦淮区 (320104)",
    ]
    # Two passwords that differ are caught in the dialog, which stays open.
    clerk = new_name(role_names)
    fill(dialog, clerk, Level.COUNTY, "320102", "clerk-pw-1", "clerk-pw-2")
    ok(dialog)
    assert dialog.isVisible() and "differ" in dialog.message.text()
    assert clerk not in [a.name for a in accounts.list_accounts(server_db)]

    dialog.password_again.setText("clerk-pw-1")
    ok(dialog)
    assert not dialog.isVisible()
    assert can_sign_in(server_db, clerk, "clerk-pw-1")
    listed = {a.name: a for a in accounts.list_accounts(server_db)}
    assert (listed[clerk].level, listed[clerk].region_adcode, listed[clerk].is_admin) == (
        Level.COUNTY,
        "320102",
        False,
    )
    row = next(r for r in range(page.model.rowCount()) if page.model.value(r, "name") == clerk)
    shown = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert shown[:5] == [clerk, "County level", "玄武区 (320102)", "", "Active"]
    assert page.selected() is not None and page.selected().name == clerk  # type: ignore[union-attr]

    asked: list[str] = []

    def answer(_parent: Any, _title: str, question: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    assert asked and clerk in asked[0]
    assert not can_sign_in(server_db, clerk, "clerk-pw-1")
    assert {a.name: a for a in accounts.list_accounts(server_db)}[clerk].disabled
    assert page.model.index(row, COLUMN_STATE).data() == "Disabled: may not sign in"
    assert not page.disable_button.isEnabled()


COLUMN_STATE = 4


def test_a_bad_name_is_refused_in_words_and_adds_nothing(
    qtbot: QtBot,
    server_db: Database,
    signed_in_as: Callable[[Level, str, bool], Database],
    languages: Languages,
    windows: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = signed_in_as(Level.PROVINCE, "320000", True)
    win = open_window(qtbot, admin, languages)
    windows.append(win)
    page = win.show_page("accounts")
    assert isinstance(page, AccountsPage)
    before = [a.name for a in accounts.list_accounts(server_db)]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message, *_a: warnings.append(message))
    dialog = page.open_add_dialog()
    fill(dialog, "Li Ming", Level.COUNTY, "320104", "pw-123", "pw-123")
    ok(dialog)
    assert warnings == [
        "“Li Ming” cannot be an account name: use lower-case letters, digits and _ (up to 63), starting "
        "with a letter and not with caravan_ or pg_. Nothing was added."
    ]
    assert dialog.isVisible()  # to correct the name
    assert [a.name for a in accounts.list_accounts(server_db)] == before
    dialog.reject()


def test_the_accounts_screen_is_not_there_for_a_county_user(
    qtbot: QtBot,
    signed_in_as: Callable[[Level, str, bool], Database],
    languages: Languages,
    windows: list[MainWindow],
) -> None:
    admin = signed_in_as(Level.PROVINCE, "320000", True)
    county = signed_in_as(Level.COUNTY, "320102", False)
    win = open_window(qtbot, county, languages)
    windows.append(win)
    assert "accounts" not in win.page_keys
    assert "Accounts" not in [win.nav.item(i).text() for i in range(win.nav.count())]
    assert "Accounts" not in [a.text() for a in win.view_menu.actions()]
    with pytest.raises(ValueError):
        win.show_page("accounts")
    assert win.signed_in_label.text() == f"{county.url.username} · county · 玄武区"

    # Another database opened from Settings: the administrator's screen comes and goes with the account.
    win.context.set_database(Database(admin.url))
    assert win.page_keys[-1] == "accounts" and win.nav.item(win.nav.count() - 1).text() == "Accounts"
    win.show_page("accounts")
    win.context.set_database(Database(county.url))
    assert "accounts" not in win.page_keys and win.nav.count() == 12
    assert win.stack.count() == 12 and win.nav.currentRow() == 0


def test_no_accounts_screen_without_an_administrator_account(
    qtbot: QtBot, db: Database, languages: Languages, windows: list[MainWindow]
) -> None:
    """SQLite: the login name alone; PostgreSQL as a server role with no account (the tests' superuser):
    its name, and no Accounts screen either."""
    from caravan_app.persistence.audit import current_user

    win = open_window(qtbot, db, languages)
    windows.append(win)
    assert "accounts" not in win.page_keys and win.nav.count() == 12
    if db.is_sqlite:
        assert win.signed_in_label.text() == current_user()
    else:
        assert win.signed_in_label.text() == f"{db.url.username} · server role, no account"
