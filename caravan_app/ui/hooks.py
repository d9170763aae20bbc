"""Where screens meet services that other parts of the program provide as they are built.

Rotation planning, retirement and consolidation, maps and printing are separate services; a
screen asks here whether one is present and, if it is not, says so plainly instead of showing
anything made up. Each hook names the module it looks for.
"""

from __future__ import annotations

import atexit
import importlib
import importlib.util
import shutil
import tempfile
from pathlib import Path
from types import ModuleType

from caravan_app import log

_log = log.get(log.UI)

ROTATION_SERVICE = "caravan_app.services.rotation"
CONSOLIDATION_SERVICE = "caravan_app.services.consolidation"
MAPS_SERVICE = "caravan_app.services.maps"
REPORTS_SERVICE = "caravan_app.services.reports"


def optional_service(name: str) -> ModuleType | None:
    """The service module, or None when this version does not have it (or it cannot load)."""
    if importlib.util.find_spec(name) is None:
        return None
    try:
        return importlib.import_module(name)
    except Exception:  # a half-built service must not keep the program from starting
        _log.exception("service %s is present but failed to load", name)
        return None


def service_function(module: str, function: str) -> object | None:
    service = optional_service(module)
    return getattr(service, function, None) if service is not None else None


_MAP_FOLDER: list[Path] = []


def map_folder() -> Path:
    """One scratch folder per run for the map pages the screens show, removed when the program ends."""
    if not _MAP_FOLDER:
        folder = Path(tempfile.mkdtemp(prefix="caravan-map-"))
        atexit.register(shutil.rmtree, folder, True)
        _MAP_FOLDER.append(folder)
    return _MAP_FOLDER[0]
