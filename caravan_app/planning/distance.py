"""Distances between places: great-circle times a road factor, or a road table when one is given.

Offline by default. A table of venue pairs (imported from a CSV) overrides the estimate for the
pairs it lists. The matrix is built once per problem and indexed by place number.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from caravan_app.planning.problem import Point

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(a: Point, b: Point) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _great_circle_matrix(points: Sequence[Point], road_factor: float) -> np.ndarray:
    """Every pair's great-circle km times the road factor, computed at once (a province's thousands of
    places would take seconds one pair at a time)."""
    lat = np.radians([p.lat for p in points])
    lon = np.radians([p.lon for p in points])
    h = (
        np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
        + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
    )
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h))) * road_factor
    np.fill_diagonal(km, 0.0)
    return np.asarray(km, dtype=float)


class DistanceMatrix:
    """Road kilometres between numbered places, each place known by a code and a point."""

    def __init__(
        self,
        codes: Sequence[str],
        points: Sequence[Point],
        road_factor: float,
        table: Sequence[tuple[str, str, float]] = (),
    ) -> None:
        self.codes = list(codes)
        self.index = {code: i for i, code in enumerate(self.codes)}
        # Lists of lists: the planners read single entries, which lists serve faster than arrays.
        self.km: list[list[float]] = _great_circle_matrix(points, road_factor).tolist()
        known: set[tuple[int, int]] = set()
        for a, b, km in table:
            if a in self.index and b in self.index:
                i, j = self.index[a], self.index[b]
                self.km[i][j] = km
                known.add((i, j))
                if (j, i) not in known:  # a table listing one direction is taken as symmetric
                    self.km[j][i] = km

    def between(self, a: str, b: str) -> float:
        return self.km[self.index[a]][self.index[b]]


def read_distance_csv(path: Path) -> tuple[tuple[str, str, float], ...]:
    """Rows `from,to,km` (a header row is allowed) from a CSV file of road distances."""
    rows: list[tuple[str, str, float]] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        for number, row in enumerate(csv.reader(f), start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) < 3:
                raise ValueError(f"{path.name} row {number}: expected from,to,km")
            try:
                km = float(row[2])
            except ValueError:
                if number == 1:
                    continue  # the header
                raise ValueError(f"{path.name} row {number}, column km: {row[2]!r} is not a number") from None
            if km < 0:
                raise ValueError(f"{path.name} row {number}, column km: {km} must not be negative")
            rows.append((row[0].strip(), row[1].strip(), km))
    return tuple(rows)
