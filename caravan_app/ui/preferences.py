"""The program's settings, stored with QSettings (organisation "caravan_app"), and the database
password, kept apart in the system keyring (or a file only its owner can read, if the user chooses).

Typed accessors with defaults live here so every screen reads a setting the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from sqlalchemy.engine import URL

from caravan_app.settings import to_url
from caravan_app.ui import passwords

ORGANISATION = "caravan_app"
APPLICATION = "caravan_app"
SETTINGS_VERSION = 1


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def _get(key: str, default: Any) -> Any:
    value = settings().value(key, default)
    if isinstance(default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(default, int) and not isinstance(default, bool):
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default
    if isinstance(default, float):
        try:
            return float(str(value))
        except (TypeError, ValueError):
            return default
    return value if value is not None else default


def _set(key: str, value: Any) -> None:
    s = settings()
    s.setValue(key, value)
    s.setValue("settings_version", SETTINGS_VERSION)
    s.sync()


# --- window ----------------------------------------------------------------------------------------


def window_geometry() -> QByteArray | None:
    value = settings().value("window/geometry")
    return value if isinstance(value, QByteArray) else None


def window_state() -> QByteArray | None:
    value = settings().value("window/state")
    return value if isinstance(value, QByteArray) else None


def save_window(geometry: QByteArray, state: QByteArray, page: int) -> None:
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)
    s.setValue("window/page", page)
    s.sync()


def last_page() -> int:
    return int(_get("window/page", 0))


# --- language ---------------------------------------------------------------------------------------


def language() -> str:
    """The chosen language code, or "" to follow the system."""
    return str(_get("language", ""))


def set_language(code: str) -> None:
    _set("language", code)


# --- planning -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanningSettings:
    time_limit: float = 60.0  # seconds a tour solve may take
    road_distances: str = ""  # CSV of road km (from,to,km); empty: great-circle times the road factor
    long_leg_km: float = 200.0  # a leg of a trip longer than this is marked on the map and the itinerary


def planning() -> PlanningSettings:
    return PlanningSettings(
        float(_get("planning/time_limit", 60.0)),
        str(_get("planning/road_distances", "")),
        float(_get("planning/long_leg_km", 200.0)),
    )


def set_planning(value: PlanningSettings) -> None:
    _set("planning/time_limit", value.time_limit)
    _set("planning/road_distances", value.road_distances)
    _set("planning/long_leg_km", value.long_leg_km)


# --- database --------------------------------------------------------------------------------------


def _url_key(url: URL) -> str:
    return url._replace(password=None).render_as_string(hide_password=False)


def password_store() -> str:
    """Where the database password is kept: "keyring" (the default) or "file" (the user's choice)."""
    where = str(_get("database/password_store", passwords.KEYRING))
    return where if where in (passwords.KEYRING, passwords.FILE) else passwords.KEYRING


def set_password_store(where: str) -> None:
    _set("database/password_store", where)


def save_database_url(text: str, where: str | None = None) -> URL:
    """Remember a database: its URL without the password in the settings, the password apart."""
    url = to_url(text)
    key = _url_key(url)
    where = where or password_store()
    passwords.store(key, str(url.password) if url.password else None, where)
    set_password_store(where)
    _set("database/url", key)
    return url


def saved_database_url() -> URL | None:
    """The database chosen in Settings, with its password put back; None if none was chosen."""
    text = str(_get("database/url", "") or "")
    if not text:
        return None
    url = to_url(text)
    password = passwords.load(_url_key(url), password_store())
    return url.set(password=password) if password else url
