"""The database password lives in the system keyring, never in the settings file; a file only its owner
can read is a fallback the user chooses; a password left in the file by an earlier version moves to the
keyring; with no keyring and no file chosen, saving is refused and nothing is written (issue 15)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from caravan_app.errors import CaravanError
from caravan_app.services.database import open_database
from caravan_app.ui import passwords, preferences
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.settings_page import SettingsPage
from tests.keyrings import MemoryKeyring
from tests.ui.waiting import settings_opened

URL = "postgresql+psycopg://caravan:s3cret@db.example/caravan"
KEY = "postgresql+psycopg://caravan@db.example/caravan"


@pytest.fixture
def memory(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    memory_keyring.passwords.clear()
    passwords.password_file().unlink(missing_ok=True)
    preferences.set_password_store(passwords.KEYRING)
    return memory_keyring


def settings_text(private_settings: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in private_settings.rglob("*.ini"))


def test_the_password_goes_to_the_keyring(memory: MemoryKeyring, private_settings: Path) -> None:
    preferences.save_database_url(URL)
    assert memory.passwords == {(passwords.SERVICE, KEY): "s3cret"}
    assert not passwords.password_file().exists()
    assert "s3cret" not in settings_text(private_settings)
    saved = preferences.saved_database_url()
    assert saved is not None and saved.password == "s3cret"
    # Saved again with no password: forgotten.
    preferences.save_database_url(KEY)
    assert memory.passwords == {}


def test_a_password_left_in_the_file_moves_to_the_keyring(memory: MemoryKeyring) -> None:
    preferences.save_database_url(KEY)  # as an earlier version left it: the URL here, the password apart
    passwords.password_file().parent.mkdir(parents=True, exist_ok=True)
    passwords.password_file().write_text(json.dumps({KEY: "old-secret", "other": "x"}), encoding="utf-8")
    saved = preferences.saved_database_url()
    assert saved is not None and saved.password == "old-secret"
    assert memory.passwords == {(passwords.SERVICE, KEY): "old-secret"}
    assert json.loads(passwords.password_file().read_text(encoding="utf-8")) == {"other": "x"}


def test_no_keyring_refuses_unless_the_file_is_chosen(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, private_settings: Path
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    assert passwords.keyring_name() is None
    before = settings_text(private_settings)
    with pytest.raises(CaravanError) as refused:
        preferences.save_database_url(URL)
    assert refused.value.code == "no_keyring"
    assert not passwords.password_file().exists() and settings_text(private_settings) == before

    preferences.save_database_url(URL, passwords.FILE)
    secret = passwords.password_file()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(secret.parent.stat().st_mode) == 0o700
    assert preferences.password_store() == passwords.FILE
    saved = preferences.saved_database_url()
    assert saved is not None and saved.password == "s3cret"


def test_the_settings_page_saves_to_the_store_chosen(
    window: MainWindow, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    assert "memory" in settings.db_password.placeholderText()
    assert not settings.db_password_in_file.isChecked()
    # A database that opens, then its password saved where the box says.
    opened = tmp_path / "other.db"
    monkeypatch.setattr("caravan_app.ui.settings_page.to_url", lambda _text: preferences.to_url(URL))
    monkeypatch.setattr("caravan_app.ui.settings_page.open_database", lambda _url: open_database(str(opened)))
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    settings.db_url.setText(URL)
    assert not settings_opened(settings, qtbot)
    assert settings.db_message.text().startswith("Not saved: This computer has no system keyring")
    settings.db_password_in_file.setChecked(True)
    assert settings_opened(settings, qtbot), settings.db_message.text()
    assert json.loads(passwords.password_file().read_text(encoding="utf-8")) == {KEY: "s3cret"}
    preferences.set_password_store(passwords.KEYRING)
