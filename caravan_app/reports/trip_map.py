"""A trip's map drawn with reportlab graphics: county boundaries, the depot, numbered stops, the route.

The projection is equirectangular with longitudes scaled by cos(latitude) at the map's centre: at
Jiangsu's size (about 4 degrees) distances and shapes are true to a few per cent, and there is no
browser or tile server to ask. Venues and depots are GCJ-02 and the boundaries WGS-84, so every point
is converted first (else a venue near a county line lands in the wrong county).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.domain.views import PlaceView, TripView
from caravan_app.reports.boundaries import counties
from caravan_app.reports.fonts import CJKDrawing, register_font
from caravan_app.reports.texts import Texts

LAND = colors.HexColor("#f4f2ec")
KEY_LAND = colors.HexColor("#fbe2c4")
BORDER = colors.HexColor("#a9a293")
NAME = colors.HexColor("#8a8271")
ROUTE = colors.HexColor("#1d5fa7")
DEPOT = colors.HexColor("#c0392b")
SEA = colors.HexColor("#e6eef5")

MIN_SPAN_DEG = 0.35  # a trip around one town still shows the towns around it
MARGIN_SHARE = 0.12
EARTH_KM_PER_DEG = 111.195


@dataclass(frozen=True)
class Extent:
    west: float
    south: float
    east: float
    north: float
    width: float  # drawing units
    height: float

    @property
    def k(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:  # drawing units per degree of latitude
        return self.width / ((self.east - self.west) * self.k)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.k * self.scale, (lat - self.south) * self.scale

    def contains(self, lon: float, lat: float, inset: float = 0.0) -> bool:
        x, y = self.xy(lon, lat)
        return inset <= x <= self.width - inset and inset <= y <= self.height - inset


def fit_extent(points: Iterable[tuple[float, float]], width: float, height: float) -> Extent:
    """The smallest lon/lat box around the points, plus a margin, with the drawing's aspect ratio."""
    pts = list(points)
    lons = [p[0] for p in pts]
    lats = [p[1] for p in pts]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    k = math.cos(math.radians((south + north) / 2))
    span = max((east - west) * k, north - south, MIN_SPAN_DEG)
    pad = span * MARGIN_SHARE
    # In projected degrees (longitudes times k) the box must have the drawing's aspect ratio.
    cx, cy = (west + east) / 2, (south + north) / 2
    w = max((east - west) * k, MIN_SPAN_DEG) + 2 * pad
    h = max(north - south, MIN_SPAN_DEG * height / width) + 2 * pad
    if w / h < width / height:
        w = h * width / height
    else:
        h = w * height / width
    return Extent(cx - w / (2 * k), cy - h / 2, cx + w / (2 * k), cy + h / 2, width, height)


def _wgs84(place: PlaceView) -> tuple[float, float]:
    lat, lon = gcj02_to_wgs84(place.lat, place.lon)
    return lon, lat


def _nice_km(max_km: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200):
        if step >= max_km / 2:
            return float(step)
    return 200.0


def trip_map(
    trip: TripView,
    width: float,
    height: float,
    texts: Texts,
    key_counties: frozenset[str] = frozenset(),
) -> Drawing:
    """The trip on a map `width` x `height` points: counties around it, depot, numbered stops, route."""
    font = register_font()
    depot = _wgs84(trip.depot.place)
    stops = [(_wgs84(s.place), s.seq) for s in trip.stops]
    extent = fit_extent([depot] + [p for p, _ in stops], width, height)
    drawing = CJKDrawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=SEA, strokeColor=None))

    land = Group()
    # A clip path clips what follows it in the same group: the counties stay inside the frame.
    land.add(
        Path(
            points=[0, 0, width, 0, width, height, 0, height],
            operators=[0, 1, 1, 1, 3],
            isClipPath=1,
            strokeColor=None,
            fillColor=None,
        )
    )
    shown = [c for c in counties() if c.meets(extent.west, extent.south, extent.east, extent.north)]
    for county in shown:
        fill = KEY_LAND if county.adcode in key_counties else LAND
        for ring in county.rings:
            flat = [v for lon, lat in ring for v in extent.xy(lon, lat)]
            land.add(Polygon(flat, fillColor=fill, strokeColor=BORDER, strokeWidth=0.5))
    drawing.add(land)

    path = [extent.xy(*depot)] + [extent.xy(*p) for p, _ in stops]
    legend = _legend(texts, font, height, key_counties)
    # Names go where nothing else is: not on a marker, the legend or the scale, nor on another name
    # (the districts of a city centre would print on top of each other). Counties the trip visits first,
    # then the larger ones.
    taken: list[Box] = [_bounds(legend), (0, 0, 70, 26), (width - 20, height - 28, width, height)]
    taken += [(x - 7, y - 7, x + 7, y + 7) for x, y in path]
    visited = {s.county_adcode for s in trip.stops}
    for county in sorted(shown, key=lambda c: (c.adcode not in visited, -c.area)):
        if not extent.contains(*county.label_at, inset=10):
            continue
        x, y = extent.xy(*county.label_at)
        half = stringWidth(county.name, font, 6.5) / 2
        box = (x - half - 1, y - 2.5, x + half + 1, y + 7)
        if any(_overlap(box, other) for other in taken):
            continue
        taken.append(box)
        drawing.add(
            String(x, y, county.name, fontName=font, fontSize=6.5, fillColor=NAME, textAnchor="middle")
        )

    route = Group()
    if len(path) > 1:
        route.add(PolyLine([v for xy in path for v in xy], strokeColor=ROUTE, strokeWidth=1.3))
        x0, y0 = path[-1]
        x1, y1 = path[0]
        route.add(Line(x0, y0, x1, y1, strokeColor=ROUTE, strokeWidth=1.0, strokeDashArray=[3, 2]))
    drawing.add(route)

    # Two-day shows and a return to the same venue share a marker: "2,3".
    at_place: dict[tuple[float, float], list[int]] = {}
    for place, seq in stops:
        at_place.setdefault((round(place[0], 5), round(place[1], 5)), []).append(seq)
    dx, dy = extent.xy(*depot)
    drawing.add(Rect(dx - 4.5, dy - 4.5, 9, 9, fillColor=DEPOT, strokeColor=colors.white, strokeWidth=0.8))
    for place, seqs in at_place.items():
        x, y = extent.xy(*place)
        label = ",".join(str(s) for s in seqs)
        radius = max(5.2, stringWidth(label, font, 6.5) / 2 + 2)
        drawing.add(Circle(x, y, radius, fillColor=ROUTE, strokeColor=colors.white, strokeWidth=0.8))
        drawing.add(
            String(
                x, y - 2.3, label, fontName=font, fontSize=6.5, fillColor=colors.white, textAnchor="middle"
            )
        )

    drawing.add(legend)
    drawing.add(_scale_bar(extent, font, texts))
    drawing.add(_north(width, height, font, texts))
    drawing.add(Rect(0, 0, width, height, fillColor=None, strokeColor=BORDER, strokeWidth=0.8))
    return drawing


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _bounds(group: Group) -> Box:
    x0, y0, x1, y1 = group.getBounds()
    return (x0, y0, x1, y1)


def _legend(texts: Texts, font: str, height: float, key_counties: frozenset[str]) -> Group:
    items = [
        ("depot", texts("map_depot")),
        ("stop", texts("map_stop")),
        ("route", texts("map_out")),
        ("return", texts("map_return")),
    ]
    if key_counties:
        items.append(("key", texts("map_key_county")))
    row = 10.0
    box_w = 14 + max(stringWidth(label, font, 7) for _, label in items) + 6
    g = Group()
    top = height - 5
    g.add(
        Rect(
            5,
            top - row * len(items) - 4,
            box_w,
            row * len(items) + 4,
            fillColor=colors.white,
            fillOpacity=0.85,
            strokeColor=BORDER,
            strokeWidth=0.4,
        )
    )
    for i, (kind, label) in enumerate(items):
        y = top - row * (i + 1) + 1
        cx = 12
        if kind == "depot":
            g.add(Rect(cx - 3, y - 1, 6, 6, fillColor=DEPOT, strokeColor=None))
        elif kind == "stop":
            g.add(Circle(cx, y + 2, 3.2, fillColor=ROUTE, strokeColor=None))
        elif kind == "route":
            g.add(Line(cx - 5, y + 2, cx + 5, y + 2, strokeColor=ROUTE, strokeWidth=1.3))
        elif kind == "return":
            g.add(
                Line(cx - 5, y + 2, cx + 5, y + 2, strokeColor=ROUTE, strokeWidth=1.0, strokeDashArray=[3, 2])
            )
        else:
            g.add(Rect(cx - 4, y - 1, 8, 6, fillColor=KEY_LAND, strokeColor=BORDER, strokeWidth=0.4))
        g.add(String(cx + 8, y, label, fontName=font, fontSize=7, fillColor=colors.black))
    return g


def _scale_bar(extent: Extent, font: str, texts: Texts) -> Group:
    km_per_unit = EARTH_KM_PER_DEG / extent.scale
    km = _nice_km(extent.width * 0.25 * km_per_unit)
    length = km / km_per_unit
    g = Group()
    x, y = 8.0, 8.0
    g.add(Rect(x - 3, y - 3, length + 6, 14, fillColor=colors.white, fillOpacity=0.85, strokeColor=None))
    g.add(Rect(x, y, length / 2, 3, fillColor=colors.black, strokeColor=colors.black, strokeWidth=0.4))
    g.add(
        Rect(
            x + length / 2,
            y,
            length / 2,
            3,
            fillColor=colors.white,
            strokeColor=colors.black,
            strokeWidth=0.4,
        )
    )
    g.add(String(x, y + 5, "0", fontName=font, fontSize=6, textAnchor="start"))
    g.add(
        String(
            x + length, y + 5, texts("km_value", km=f"{km:g}"), fontName=font, fontSize=6, textAnchor="end"
        )
    )
    return g


def _north(width: float, height: float, font: str, texts: Texts) -> Group:
    g = Group()
    x, y = width - 12, height - 24
    g.add(Polygon([x - 4, y, x, y + 12, x + 4, y], fillColor=colors.black, strokeColor=None))
    g.add(String(x, y + 14, texts("north"), fontName=font, fontSize=7, textAnchor="middle"))
    return g
