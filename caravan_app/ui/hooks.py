"""Scratch space the screens share: the folder for the map pages they show.

Screens call the services they need with plain imports (checked by import-linter and mypy); there is
no lookup of a service by name here.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

_MAP_FOLDER: list[Path] = []


def map_folder() -> Path:
    """One scratch folder per run for the map pages the screens show, removed when the program ends."""
    if not _MAP_FOLDER:
        folder = Path(tempfile.mkdtemp(prefix="caravan-map-"))
        atexit.register(shutil.rmtree, folder, True)
        _MAP_FOLDER.append(folder)
    return _MAP_FOLDER[0]
