"""The shipped county boundaries (WGS-84 GeoJSON), read once and kept as plain rings for drawing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from caravan_app.settings import REFERENCE_DIR

COUNTIES_FILE = REFERENCE_DIR / "counties.geojson"

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs


@dataclass(frozen=True)
class County:
    adcode: str
    name: str
    rings: tuple[Ring, ...]  # outer rings of its polygons; holes do not matter at map scale
    west: float
    south: float
    east: float
    north: float
    label_at: tuple[float, float]  # (lon, lat) at the centroid of its largest polygon, for the name
    area: float  # square degrees, to name the larger counties first where names would collide

    def meets(self, west: float, south: float, east: float, north: float) -> bool:
        return self.west <= east and self.east >= west and self.south <= north and self.north >= south


def _area_and_centroid(ring: Ring) -> tuple[float, tuple[float, float]]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


@cache
def counties(path: Path = COUNTIES_FILE) -> tuple[County, ...]:
    """Every county polygon in the file; `gb` is "156" followed by the adcode."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        rings = tuple(tuple((float(x), float(y)) for x, y, *_ in polygon[0]) for polygon in polygons)
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        largest = max(rings, key=lambda r: _area_and_centroid(r)[0])
        gb = str(feature["properties"].get("gb", ""))
        out.append(
            County(
                adcode=gb[3:] if gb.startswith("156") else gb,
                name=str(feature["properties"].get("name", "")),
                rings=rings,
                west=min(xs),
                south=min(ys),
                east=max(xs),
                north=max(ys),
                label_at=_area_and_centroid(largest)[1],
                area=sum(_area_and_centroid(r)[0] for r in rings),
            )
        )
    return tuple(out)


def county_names() -> dict[str, str]:
    """Adcode -> name of every county in the boundary file."""
    return {c.adcode: c.name for c in counties()}
