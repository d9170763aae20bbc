"""Where the program keeps its data, and which database it uses.

The database URL comes from, in order: the --db option, the CARAVAN_DB_URL variable, or the
default SQLite file in the user's data folder. A plain path is taken as a SQLite file.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from caravan_app.domain.retirement import Thresholds, thresholds_from_dict, thresholds_to_dict
from caravan_app.errors import CaravanError

DB_URL_VARIABLE = "CARAVAN_DB_URL"
PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
RESOURCES_DIR = PROJECT_DIR / "resources"
MIGRATIONS_DIR = PROJECT_DIR / "db"
REFERENCE_DIR = RESOURCES_DIR / "reference"


def data_dir() -> Path:
    """The user's data folder for the program (created on demand by callers)."""
    if override := os.environ.get("CARAVAN_DATA_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "caravan_app"


def settings_file() -> Path:
    """The JSON file of settings that lower layers read too (the retirement thresholds, ...)."""
    return data_dir() / "settings.json"


def _read_settings(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaravanError(f"cannot read the settings file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise CaravanError(f"the settings file {path} does not hold a JSON object")
    return data


def load_thresholds(path: Path | None = None) -> Thresholds:
    """The retirement thresholds in the settings file ("retirement" section); defaults where unset."""
    path = path or settings_file()
    section = _read_settings(path).get("retirement", {})
    if not isinstance(section, dict):
        raise CaravanError(f'the settings file {path}: "retirement" is not an object')
    try:
        return thresholds_from_dict(section)
    except ValueError as exc:
        raise CaravanError(f"the settings file {path} has bad retirement thresholds: {exc}") from exc


def save_thresholds(thresholds: Thresholds, path: Path | None = None) -> Path:
    """Write the thresholds into the settings file, keeping its other sections; returns the file."""
    path = path or settings_file()
    data = _read_settings(path)
    data["retirement"] = thresholds_to_dict(thresholds)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a crash never leaves half a file.
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
    return path


def default_database_path() -> Path:
    return data_dir() / "caravan.db"


def database_url(option: str | None = None) -> URL:
    """The URL to use: the option, else the environment variable, else the default SQLite file."""
    text = option or os.environ.get(DB_URL_VARIABLE) or str(default_database_path())
    return to_url(text)


def to_url(text: str) -> URL:
    """A SQLAlchemy URL from a URL or a SQLite file path; postgresql:// uses psycopg 3."""
    if "://" not in text:
        return make_url(f"sqlite:///{Path(text).expanduser().resolve()}")
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise CaravanError(f"not a database URL or file path: {text!r}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: URL) -> str:
    """A URL fit to show: the password hidden."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database}"
    return url.render_as_string(hide_password=True)
