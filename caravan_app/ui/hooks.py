"""Scratch space the screens share: the folder for the map pages they show.

Screens call the services they need with plain imports (checked by import-linter and mypy); there is
no lookup of a service by name here.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from pathlib import Path

from caravan_app.persistence.database import Database

_MAP_FOLDER: list[Path] = []


def map_folder() -> Path:
    """One scratch folder per run for the map pages the screens show, removed when the program ends."""
    if not _MAP_FOLDER:
        folder = Path(tempfile.mkdtemp(prefix="caravan-map-"))
        atexit.register(shutil.rmtree, folder, True)
        _MAP_FOLDER.append(folder)
    return _MAP_FOLDER[0]


def map_page(db: Database, name: str) -> Path:
    """Where the page `name` of a map of `db` goes: pages are kept for the run and named by plan id and
    version, which another database reuses for other plans, so each database has a folder of its own."""
    key = hashlib.sha1(db.url.render_as_string(hide_password=True).encode("utf-8")).hexdigest()[:12]
    folder = map_folder() / key
    folder.mkdir(exist_ok=True)
    return folder / name
