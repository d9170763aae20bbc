"""Waiting for what a screen does in the background, as a person waits for it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from caravan_app.ui.settings_page import SettingsPage


def settings_opened(settings: SettingsPage, qtbot: QtBot) -> bool:
    """Test and use the database in the form, as its button does; whether it was opened and is in use."""
    settings.test_and_save_database()
    qtbot.waitUntil(lambda: not settings.opening, timeout=60_000)
    return settings.opened
