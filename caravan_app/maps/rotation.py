"""A museum-set rotation plan on the map: a layer per period, each set's truck move into its venue
as a line in the set's colour with an arrow pointing the way, and the venue labelled with the set."""

from __future__ import annotations

import math
from collections import defaultdict

import folium

from caravan_app.domain.views import RotationPlanView, SetMoveView
from caravan_app.maps.base import (
    DEPOT_COLOUR,
    BindPopup,
    BindTooltip,
    Mark,
    MarkerLayer,
    arrow_html,
    depot_layer,
    depot_mark,
    esc,
    legend_html,
    mercator_angle,
    mercator_point,
    new_map,
    palette,
    popup_table,
    swatch,
    wgs,
)
from caravan_app.maps.labels import Lang, check_lang, counted, km, period, span, word

# Closer than this (km, as the crow flies) a set has not moved: no line, no arrow.
_SAME_PLACE_KM = 0.05


def moves(plan: RotationPlanView) -> list[SetMoveView]:
    """The stays that needed a truck move: the set came from somewhere else."""
    return [s for s in plan.stays if _distance_km(s) > _SAME_PLACE_KM]


def _distance_km(stay: SetMoveView) -> float:
    (lat1, lon1), (lat2, lon2) = (stay.from_place.lat, stay.from_place.lon), (stay.place.lat, stay.place.lon)
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def render_rotation_map(plan: RotationPlanView, lang: str = "zh", tiles: str | None = None) -> str:
    language = check_lang(lang)
    driven = moves(plan) + list(plan.returns)
    road = sum(s.km for s in driven)
    truck = sum(s.km * s.truck_loads for s in driven)
    everything = plan.stays + plan.returns
    numbers = {s.period for s in everything}
    subtitle_parts = [
        counted(len(numbers), "periods", language),
        f"{word('move_km', language)} {km(road, language)}",
        f"{word('truck_km', language)} {km(truck, language)}",
    ]
    if everything:
        first_day = min(s.period_start for s in everything)
        subtitle_parts.insert(0, span(first_day, max(s.period_end for s in everything)))
    # One stay (a crew's field kit) opens around its hall and where the set comes from.
    focus = [wgs(everything[0].place), wgs(everything[0].from_place)] if len(everything) == 1 else None
    canvas = new_map(
        f"{plan.name} — {word('rotation_map', language)}",
        "  ·  ".join(subtitle_parts),
        language,
        tiles,
        focus=focus,
    )
    sets = sorted({(s.set_code, s.set_name, s.theme) for s in everything})
    colours = dict(zip((code for code, _, _ in sets), palette(len(sets)), strict=True))
    by_period: dict[int, list[SetMoveView]] = defaultdict(list)
    for stay in sorted(everything, key=lambda s: (s.period, s.set_code)):
        by_period[stay.period].append(stay)
    returns = set(plan.returns)
    # Sets that stand in one venue in different periods are stacked, earliest at the bottom.
    stacked: dict[str, int] = defaultdict(int)
    for number, stays in sorted(by_period.items()):
        # The stays carry their period's dates, so a plan whose periods are not all listed still reads.
        first, last = min(s.period_start for s in stays), max(s.period_end for s in stays)
        group = canvas.layer(f"{esc(period(number, language))} {esc(span(first, last))}")
        arrows, venues = [], []
        for stay in stays:
            colour = colours[stay.set_code]
            back = stay in returns
            if _distance_km(stay) > _SAME_PLACE_KM:
                arrows.append(_draw_move(group, stay, colour, back, language))
            if not back:
                shift = stacked[stay.venue_code] * -17
                stacked[stay.venue_code] += 1
                venues.append(
                    Mark(
                        wgs(stay.place),
                        f'<div class="cv-set" style="background:{colour};transform:translateY({shift}px)">'
                        f"{esc(stay.set_code)}·{stay.period + 1}</div>",
                        popup=_popup(stay, language),
                        tooltip=esc(f"{stay.set_code} {stay.set_name} · {stay.venue_name}"),
                    )
                )
        group.add_child(MarkerLayer(arrows, (18, 18), interactive=False))
        group.add_child(MarkerLayer(venues, (46, 16), z_offset=400))
    depots = canvas.layer(word("depots", language))
    depots.add_child(depot_layer([depot_mark(d, language) for d in plan.depots]))
    rows = [(swatch(colours[code]), f"{code} {name} ({theme})") for code, name, theme in sets]
    rows.append((swatch(DEPOT_COLOUR), word("depot", language)))
    note = word("returns_dashed", language) if plan.returns else ""
    canvas.legend(legend_html(word("set", language), rows, note), "bottomleft")
    return canvas.render()


def _draw_move(group: folium.FeatureGroup, stay: SetMoveView, colour: str, back: bool, lang: Lang) -> Mark:
    """The truck move's line (dashed back to a depot), with its popup; returns its arrowhead."""
    start, end = wgs(stay.from_place), wgs(stay.place)
    line = folium.PolyLine(
        [start, end],
        color=colour,
        weight=3,
        opacity=0.9,
        dash_array="6 6" if back else None,
        className="cv-move cv-return" if back else "cv-move",
    )
    line.add_child(
        BindTooltip(
            f"{esc(stay.set_code)} {esc(stay.from_name)} → {esc(stay.venue_name)} ({esc(km(stay.km, lang))})"
        )
    )
    if back:
        rows = [
            (word("period", lang), f"{period(stay.period, lang)}: {word('in_store', lang)}"),
            (word("from", lang), stay.from_name),
            (word("depot", lang), stay.venue_name),
            (word("move_km", lang), km(stay.km, lang)),
            (word("truck_loads", lang), str(stay.truck_loads)),
        ]
        line.add_child(BindPopup(popup_table(f"{stay.set_code} {stay.set_name}", rows)))
    line.add_to(group)
    return Mark(mercator_point(start, end, 0.55), arrow_html(mercator_angle(start, end), colour))


def _popup(stay: SetMoveView, lang: Lang) -> str:
    moved = _distance_km(stay) > _SAME_PLACE_KM
    rows = [
        (word("theme", lang), stay.theme),
        (word("period", lang), f"{period(stay.period, lang)}: {span(stay.period_start, stay.period_end)}"),
        (word("venue", lang), stay.venue_name),
        (word("county", lang), stay.county),
        (word("from", lang), stay.from_name if moved else word("stays_put", lang)),
        (word("move_km", lang), km(stay.km, lang) if moved else ""),
        (word("truck_loads", lang), str(stay.truck_loads) if moved else ""),
    ]
    if stay.locked:
        rows.append(("", word("locked", lang)))
    return popup_table(f"{stay.set_code} {stay.set_name}", rows)
