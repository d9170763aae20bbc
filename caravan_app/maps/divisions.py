"""The province, city and county boundaries every map is drawn on (resources/reference, WGS-84), with
a point to label each division by."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.maps import assets
from caravan_app.settings import REFERENCE_DIR

# Decimal places kept of the boundary coordinates: 4 is about 10 m, far finer than the map needs.
_BOUNDARY_DIGITS = 4


@dataclass(frozen=True)
class Division:
    adcode: str
    name: str
    label_at: tuple[float, float]  # WGS-84 (lat, lon) inside the division


@dataclass(frozen=True)
class Boundaries:
    province: dict[str, Any]
    cities: dict[str, Any]
    counties: dict[str, Any]
    city_labels: tuple[Division, ...]
    county_labels: tuple[Division, ...]
    bounds: tuple[tuple[float, float], tuple[float, float]]  # (south, west), (north, east)


def _round_coords(coords: Any) -> Any:
    if isinstance(coords[0], int | float):
        return [round(coords[0], _BOUNDARY_DIGITS), round(coords[1], _BOUNDARY_DIGITS)]
    return [_round_coords(c) for c in coords]


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    """The outer rings of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def _inside(ring: list[list[float]], x: float, y: float) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _label_point(geometry: dict[str, Any], seat: tuple[float, float] | None) -> tuple[float, float]:
    """Where a division's name goes: the centroid of its largest part if that lies inside it (most
    do), else its seat, else any vertex."""
    largest = max(_rings(geometry), key=lambda r: _ring_area_centroid(r)[0])
    _, x, y = _ring_area_centroid(largest)
    if _inside(largest, x, y):
        return round(y, 5), round(x, 5)
    if seat is not None:
        return seat
    return largest[0][1], largest[0][0]


def _load(name: str) -> dict[str, Any]:
    path = REFERENCE_DIR / f"{name}.geojson"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise assets.MapAssetError(f"cannot read the boundaries {path}: {exc}") from exc
    for feature in data["features"]:
        feature["geometry"]["coordinates"] = _round_coords(feature["geometry"]["coordinates"])
        properties = feature["properties"]
        feature["properties"] = {"name": properties["name"], "adcode": properties["gb"][3:]}
    return data


@cache
def boundaries() -> Boundaries:
    seats: dict[str, tuple[float, float]] = {}
    with (REFERENCE_DIR / "divisions.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            seats[row["adcode"]] = gcj02_to_wgs84(float(row["lat"]), float(row["lon"]))
    province, cities, counties = _load("province"), _load("cities"), _load("counties")

    def labels(data: dict[str, Any]) -> tuple[Division, ...]:
        return tuple(
            Division(
                f["properties"]["adcode"],
                f["properties"]["name"],
                _label_point(f["geometry"], seats.get(f["properties"]["adcode"])),
            )
            for f in data["features"]
        )

    xs = [p[0] for f in province["features"] for r in _rings(f["geometry"]) for p in r]
    ys = [p[1] for f in province["features"] for r in _rings(f["geometry"]) for p in r]
    return Boundaries(
        province=province,
        cities=cities,
        counties=counties,
        city_labels=labels(cities),
        county_labels=labels(counties),
        bounds=((min(ys), min(xs)), (max(ys), max(xs))),
    )
