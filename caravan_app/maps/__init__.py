"""Offline maps with folium: a plan, coverage or the inventory in (plain views from
caravan_app.domain.views), one self-contained HTML page out, with no network reference at all.

Every renderer takes `lang` ("zh", the default, or "en") and `tiles` (None, the default, for the
shipped boundaries alone; or a local tile folder or a tile server's URL template).
"""

from __future__ import annotations

from pathlib import Path

from caravan_app.maps.coverage import render_coverage_map
from caravan_app.maps.inventory import render_inventory_map
from caravan_app.maps.rotation import render_rotation_map
from caravan_app.maps.tour import render_tour_map

__all__ = [
    "render_coverage_map",
    "render_inventory_map",
    "render_rotation_map",
    "render_tour_map",
    "save_map",
]


def save_map(page: str, path: Path) -> Path:
    """Write a rendered map as UTF-8 (the page declares it), making the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
