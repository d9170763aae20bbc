"""The trip map: projection, extent, what is drawn and where."""

from __future__ import annotations

import math
from typing import Any

import pytest
from reportlab.graphics.shapes import Circle, Group, Polygon, PolyLine, Rect, String

from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.reports.boundaries import counties, county_names
from caravan_app.reports.texts import Texts
from caravan_app.reports.trip_map import LEGEND_HEIGHT, MIN_SPAN_DEG, fit_extent, trip_map
from tests.reports.views import small_trip


def _nodes(group: Any) -> list[Any]:
    out = []
    for node in group.contents:
        out.append(node)
        if isinstance(node, Group):
            out += _nodes(node)
    return out


def test_the_extent_holds_the_points_with_the_drawings_aspect_and_cos_lat_scaling() -> None:
    points = [(117.0, 34.0), (118.0, 34.5)]
    extent = fit_extent(points, 400, 200)
    for lon, lat in points:
        assert extent.contains(lon, lat, inset=10)
    x0, y0 = extent.xy(117.0, 34.0)
    x1, _ = extent.xy(118.0, 34.0)
    _, y1 = extent.xy(117.0, 35.0)
    # One degree of longitude is cos(latitude) of one degree of latitude on the map.
    assert (x1 - x0) / (y1 - y0) == pytest.approx(math.cos(math.radians((extent.south + extent.north) / 2)))
    assert extent.xy(extent.east, extent.north) == pytest.approx((400, 200))
    # One place alone still gets a neighbourhood around it.
    lonely = fit_extent([(118.0, 32.0)], 300, 300)
    assert lonely.north - lonely.south >= MIN_SPAN_DEG


def test_the_boundaries_are_the_95_counties() -> None:
    assert len(counties()) == 95
    names = county_names()
    assert names["320321"] == "丰县" and names["321324"] == "泗洪县"


def test_the_map_draws_counties_depot_stops_and_route_at_their_wgs84_places() -> None:
    trip = small_trip()
    width, height = 500.0, 300.0
    drawing = trip_map(trip, width, height, Texts("zh"), frozenset({"320321"}))
    nodes = _nodes(drawing)
    polygons = [n for n in nodes if isinstance(n, Polygon)]
    assert len(polygons) >= 3
    strings = {n.text for n in nodes if isinstance(n, String)}
    assert {"1", "2"} <= strings  # the stop numbers
    assert "仓库" in strings and "重点帮促县" in strings
    assert strings & {"丰县", "沛县", "铜山区", "云龙区", "鼓楼区", "泉山区", "贾汪区"}
    route = [n for n in nodes if isinstance(n, PolyLine)]
    assert len(route) == 1 and len(route[0].points) == 2 * (len(trip.stops) + 1)

    # The route starts at the depot converted to WGS-84, in the map area above the legend strip.
    lat, lon = gcj02_to_wgs84(trip.depot.place.lat, trip.depot.place.lon)
    extent = fit_extent(
        [(lon, lat)] + [tuple(reversed(gcj02_to_wgs84(s.place.lat, s.place.lon))) for s in trip.stops],
        width,
        height - LEGEND_HEIGHT,
    )
    assert route[0].points[:2] == pytest.approx(list(extent.xy(lon, lat)))
    raw = extent.xy(trip.depot.place.lon, trip.depot.place.lat)
    assert route[0].points[:2] != pytest.approx(list(raw), abs=0.5)  # GCJ-02 would be off by ~0.5 km
    circles = [n for n in nodes if isinstance(n, Circle) and n.r > 5]
    assert len(circles) == len(trip.stops)
    for c in circles:
        assert 0 <= c.cx <= width and 0 <= c.cy <= height - LEGEND_HEIGHT
    depot_marks = [n for n in nodes if isinstance(n, Rect) and n.width == 9]
    assert len(depot_marks) == 1
