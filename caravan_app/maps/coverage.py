"""Coverage on the map: every county shaded by the shows held and planned there, the provincial
key-assistance counties outlined, and a legend of the classes."""

from __future__ import annotations

import copy
from typing import Any

from caravan_app.domain.views import CountyCoverage, CoverageView
from caravan_app.maps.base import (
    GeoJsonLayer,
    boundaries,
    colon_rows,
    esc,
    legend_html,
    new_map,
    swatch,
)
from caravan_app.maps.labels import Lang, check_lang, word

# ColorBrewer YlGnBu, light to dark; no shows at all is a neutral grey, so that a gap stands out.
CLASS_COLOURS = ("#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")
NONE_COLOUR = "#e4e1dc"
KEY_COLOUR = "#c2185b"


def classes(totals: list[int]) -> list[tuple[int, int]]:
    """Up to five ranges (first, last) of shows that split the counties with any into even groups."""
    shown = sorted(t for t in totals if t > 0)
    if not shown:
        return []
    uppers: list[int] = []
    for k in range(1, len(CLASS_COLOURS)):
        upper = shown[min(len(shown) - 1, round(k * len(shown) / len(CLASS_COLOURS)) - 1)]
        if upper < shown[-1] and (not uppers or upper > uppers[-1]):
            uppers.append(upper)
    uppers.append(shown[-1])
    ranges, low = [], 1
    for upper in uppers:
        ranges.append((low, upper))
        low = upper + 1
    return ranges


def class_colour(total: int, ranges: list[tuple[int, int]]) -> str:
    if total <= 0:
        return NONE_COLOUR
    for index, (_, last) in enumerate(ranges):
        if total <= last:
            return CLASS_COLOURS[index]
    return CLASS_COLOURS[len(ranges) - 1]


def render_coverage_map(view: CoverageView, lang: str = "zh", tiles: str | None = None) -> str:
    language = check_lang(lang)
    base = boundaries()
    by_adcode = {c.adcode: c for c in view.counties}
    features = base.counties["features"]
    totals = {f["properties"]["adcode"]: _total(by_adcode.get(f["properties"]["adcode"])) for f in features}
    ranges = classes(list(totals.values()))
    covered = sum(1 for t in totals.values() if t > 0)
    keys = [c for c in view.counties if c.key_county]
    subtitle = f"{word('counties_covered', language)} {covered}/{len(features)}"
    if keys:
        key_covered = sum(1 for c in keys if _total(c) > 0)
        subtitle += f"  ·  {word('key_covered', language)} {key_covered}/{len(keys)}"
    canvas = new_map(f"{view.title} — {word('coverage_map', language)}", subtitle, language, tiles)

    shaded = copy.deepcopy(base.counties)
    for feature in shaded["features"]:
        adcode = feature["properties"]["adcode"]
        county = by_adcode.get(adcode)
        feature["properties"]["style"] = {"fillColor": class_colour(totals[adcode], ranges)}
        feature["properties"]["tooltip"] = _tooltip(feature["properties"]["name"], county, language)
    group = canvas.layer(esc(word("shows_held_planned", language)))
    group.add_child(
        GeoJsonLayer(
            shaded,
            {"color": "#8c8780", "weight": 0.7, "fillOpacity": 0.9, "className": "cv-county"},
            interactive=True,
        )
    )
    key_adcodes = {c.adcode for c in keys}
    outlined: dict[str, Any] = {
        "type": "FeatureCollection",
        "features": [f for f in base.counties["features"] if f["properties"]["adcode"] in key_adcodes],
    }
    key_group = canvas.layer(f"{swatch('transparent', 'cv-key')}{esc(word('key_counties', language))}")
    key_group.add_child(
        GeoJsonLayer(outlined, {"color": KEY_COLOUR, "weight": 3.2, "fill": False, "className": "cv-key"})
    )
    canvas.legend(_legend(ranges, bool(keys), language), "bottomleft")
    return canvas.render()


def _total(county: CountyCoverage | None) -> int:
    return 0 if county is None else county.held + county.planned


def _tooltip(name: str, county: CountyCoverage | None, lang: Lang) -> str:
    held = county.held if county else 0
    planned = county.planned if county else 0
    heading = f"<b>{esc(name)}</b>"
    if county is not None and county.key_county:
        heading += f" ({esc(word('key_county', lang))})"
    rows = [(word("held", lang), str(held)), (word("planned", lang), str(planned))]
    return heading + "<br>" + colon_rows(rows, lang)


def _legend(ranges: list[tuple[int, int]], with_keys: bool, lang: Lang) -> str:
    rows = [(swatch(NONE_COLOUR), "0")]
    for index, (first, last) in enumerate(ranges):
        rows.append((swatch(CLASS_COLOURS[index]), str(first) if first == last else f"{first}–{last}"))
    if with_keys:
        rows.append((swatch("transparent", "cv-key"), word("key_counties", lang)))
    return legend_html(word("shows_held_planned", lang), rows)
