"""A trip's map drawn with reportlab graphics: county boundaries, the depot, numbered stops, the route.

The projection is equirectangular with longitudes scaled by cos(latitude) at the map's centre: at
Jiangsu's size (about 4 degrees) distances and shapes are true to a few per cent, and there is no
browser or tile server to ask. Venues and depots are GCJ-02 and the boundaries WGS-84, so every point
is converted first (else a venue near a county line lands in the wrong county).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.domain.views import PlaceView, TripView
from caravan_app.reports.boundaries import counties
from caravan_app.reports.fonts import register_font
from caravan_app.reports.shapes import CJKDrawing, rect
from caravan_app.reports.texts import Texts

LAND = colors.HexColor("#f4f2ec")
KEY_LAND = colors.HexColor("#fbe2c4")
BORDER = colors.HexColor("#a9a293")
NAME = colors.HexColor("#8a8271")
ROUTE = colors.HexColor("#1d5fa7")
DEPOT = colors.HexColor("#c0392b")
SEA = colors.HexColor("#e6eef5")

MIN_SPAN_DEG = 0.35  # a trip around one town still shows the towns around it
MARGIN_SHARE = 0.15
EARTH_KM_PER_DEG = 111.195


@dataclass(frozen=True)
class Extent:
    west: float
    south: float
    east: float
    north: float
    width: float  # drawing units
    height: float
    k: float = field(init=False)  # cos(latitude) at the centre: a degree of longitude in degrees of latitude
    scale: float = field(init=False)  # drawing units per degree of latitude

    def __post_init__(self) -> None:
        # Kept, not recomputed: xy() runs for every vertex of every county on every map.
        k = math.cos(math.radians((self.south + self.north) / 2))
        object.__setattr__(self, "k", k)
        object.__setattr__(self, "scale", self.width / ((self.east - self.west) * k))

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


LEGEND_HEIGHT = 16.0  # the strip under the map: legend and scale, so neither hides a stop


def trip_map(
    trip: TripView,
    width: float,
    height: float,
    texts: Texts,
    key_counties: frozenset[str] = frozenset(),
) -> Drawing:
    """The trip on a map `width` x `height` points: counties around it, depot, numbered stops, route;
    under it a strip with the legend and a scale bar."""
    font = register_font()
    depot = _wgs84(trip.depot.place)
    stops = [(_wgs84(s.place), s.seq) for s in trip.stops]
    map_height = height - LEGEND_HEIGHT
    extent = fit_extent([depot] + [p for p, _ in stops], width, map_height)
    drawing = CJKDrawing(width, height)
    drawing.add(_legend_strip(texts, font, width, extent, bool(key_counties)))

    area = Group()
    area.translate(0, LEGEND_HEIGHT)
    area.add(rect(0, 0, width, map_height, fill=SEA, stroke=None))
    land = Group()
    # A clip path clips what follows it in the same group: the counties stay inside the frame.
    land.add(
        Path(
            points=[0, 0, width, 0, width, map_height, 0, map_height],
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
            flat = _thinned([extent.xy(lon, lat) for lon, lat in ring])
            if len(flat) >= 6:
                land.add(Polygon(flat, fillColor=fill, strokeColor=BORDER, strokeWidth=0.5))
    area.add(land)

    path = [extent.xy(*depot)] + [extent.xy(*p) for p, _ in stops]
    # Names go where nothing else is: not on a marker or the north arrow, nor on another name (the
    # districts of a city centre would print on top of each other). Counties the trip visits first,
    # then the larger ones.
    taken: list[Box] = [(width - 20, map_height - 28, width, map_height)]
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
        area.add(String(x, y, county.name, fontName=font, fontSize=6.5, fillColor=NAME, textAnchor="middle"))

    if len(path) > 1:
        area.add(PolyLine([v for xy in path for v in xy], strokeColor=ROUTE, strokeWidth=1.3))
        (x0, y0), (x1, y1) = path[-1], path[0]
        area.add(Line(x0, y0, x1, y1, strokeColor=ROUTE, strokeWidth=1.0, strokeDashArray=[3, 2]))

    # Two-day shows and a return to the same venue share a marker: "2,3".
    at_place: dict[tuple[float, float], list[int]] = {}
    for place, seq in stops:
        at_place.setdefault((round(place[0], 5), round(place[1], 5)), []).append(seq)
    dx, dy = extent.xy(*depot)
    area.add(rect(dx - 4.5, dy - 4.5, 9, 9, fill=DEPOT, stroke=colors.white, width=0.8))
    for place, seqs in at_place.items():
        x, y = extent.xy(*place)
        label = ",".join(str(s) for s in seqs)
        radius = max(5.2, stringWidth(label, font, 6.5) / 2 + 2)
        area.add(Circle(x, y, radius, fillColor=ROUTE, strokeColor=colors.white, strokeWidth=0.8))
        area.add(
            String(
                x, y - 2.3, label, fontName=font, fontSize=6.5, fillColor=colors.white, textAnchor="middle"
            )
        )
    area.add(_north(width, map_height, font, texts))
    area.add(rect(0, 0, width, map_height, fill=None, stroke=BORDER, width=0.8))
    drawing.add(area)
    return drawing


Box = tuple[float, float, float, float]  # x0, y0, x1, y1
THIN_POINTS = 1.0  # a boundary vertex closer than this to the last one kept adds nothing on paper


def _thinned(points: list[tuple[float, float]]) -> list[float]:
    """The ring's points less those within THIN_POINTS of the previous kept one, flattened.

    At a whole-province scale most vertices of the boundary file fall on one another; dropping them
    makes a term's route sheets several times faster to write and smaller.
    """
    kept = [points[0]]
    for x, y in points[1:-1]:
        px, py = kept[-1]
        if abs(x - px) + abs(y - py) >= THIN_POINTS:
            kept.append((x, y))
    kept.append(points[-1])
    return [v for xy in kept for v in xy]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _legend_strip(texts: Texts, font: str, width: float, extent: Extent, key_counties: bool) -> Group:
    """Legend items in a row from the left, the scale bar at the right."""
    items = [
        ("depot", texts("map_depot")),
        ("stop", texts("map_stop")),
        ("route", texts("map_out")),
        ("return", texts("map_return")),
    ]
    if key_counties:
        items.append(("key", texts("map_key_county")))
    g = Group()
    y = 4.0
    x = 6.0
    for kind, label in items:
        cx = x + 5
        if kind == "depot":
            g.add(rect(cx - 3, y - 0.5, 6, 6, fill=DEPOT, stroke=None))
        elif kind == "stop":
            g.add(Circle(cx, y + 2.5, 3.2, fillColor=ROUTE, strokeColor=None))
        elif kind == "route":
            g.add(Line(cx - 5, y + 2.5, cx + 5, y + 2.5, strokeColor=ROUTE, strokeWidth=1.3))
        elif kind == "return":
            g.add(
                Line(
                    cx - 5,
                    y + 2.5,
                    cx + 5,
                    y + 2.5,
                    strokeColor=ROUTE,
                    strokeWidth=1.0,
                    strokeDashArray=[3, 2],
                )
            )
        else:
            g.add(rect(cx - 4, y - 0.5, 8, 6, fill=KEY_LAND, stroke=BORDER, width=0.4))
        g.add(String(cx + 8, y, label, fontName=font, fontSize=7, fillColor=colors.black))
        x = cx + 8 + stringWidth(label, font, 7) + 12
    g.add(_scale_bar(extent, font, texts, right=width - 6, y=y))
    return g


def _scale_bar(extent: Extent, font: str, texts: Texts, right: float, y: float) -> Group:
    km_per_unit = EARTH_KM_PER_DEG / extent.scale
    km = _nice_km(extent.width * 0.2 * km_per_unit)
    length = km / km_per_unit
    caption = texts("km_value", km=f"{km:g}")
    x = right - length - stringWidth(caption, font, 6.5) - 4
    g = Group()
    g.add(rect(x, y + 1, length / 2, 3, fill=colors.black, stroke=colors.black, width=0.4))
    g.add(
        rect(
            x + length / 2,
            y + 1,
            length / 2,
            3,
            fill=colors.white,
            stroke=colors.black,
            width=0.4,
        )
    )
    g.add(String(x - 3, y, "0", fontName=font, fontSize=6.5, textAnchor="end"))
    g.add(String(x + length + 3, y, caption, fontName=font, fontSize=6.5, textAnchor="start"))
    return g


def _north(width: float, height: float, font: str, texts: Texts) -> Group:
    g = Group()
    x, y = width - 12, height - 24
    g.add(Polygon([x - 4, y, x, y + 12, x + 4, y], fillColor=colors.black, strokeColor=None))
    g.add(String(x, y + 14, texts("north"), fontName=font, fontSize=7, textAnchor="middle"))
    return g
