"""A caravan tour plan on the map: a layer per caravan, its trips in shades of its colour,
numbered stops with the date, time, venue and contact, and the depots the trips leave from."""

from __future__ import annotations

from collections import defaultdict

import folium

from caravan_app.domain.views import DepotView, StopView, TourPlanView, TripView
from caravan_app.maps.base import (
    DEPOT_COLOUR,
    BindTooltip,
    MapCanvas,
    Mark,
    MarkerLayer,
    depot_layer,
    depot_mark,
    esc,
    legend_html,
    new_map,
    palette,
    popup_table,
    shade,
    swatch,
    wgs,
)
from caravan_app.maps.labels import Lang, caravan_type, check_lang, clock, counted, day, km, span, word


def render_tour_map(plan: TourPlanView, lang: str = "zh", tiles: str | None = None) -> str:
    """The plan as one offline HTML page (see caravan_app.maps.base for what "offline" takes)."""
    language = check_lang(lang)
    served = f"{word('served', language)} {plan.served}/{plan.requests}" if plan.requests else ""
    subtitle = "  ·  ".join(
        part
        for part in (span(plan.start, plan.end), counted(len(plan.trips), "trips", language), served)
        if part
    )
    # One trip (a crew's field kit) opens around its own route; a whole plan on the province.
    focus = (
        [wgs(plan.trips[0].depot.place)] + [wgs(s.place) for s in plan.trips[0].stops]
        if len(plan.trips) == 1
        else None
    )
    canvas = new_map(f"{plan.name} — {word('tour_map', language)}", subtitle, language, tiles, focus=focus)
    by_caravan: dict[str, list[TripView]] = defaultdict(list)
    for trip in sorted(plan.trips, key=lambda t: (t.caravan_code, t.leave_at, t.code)):
        by_caravan[trip.caravan_code].append(trip)
    colours = dict(zip(by_caravan, palette(len(by_caravan)), strict=True))
    legend_rows = []
    for caravan, trips in by_caravan.items():
        colour = colours[caravan]
        first = trips[0]
        label = f"{caravan} {first.plate} ({caravan_type(first.caravan_type, language)})"
        group = canvas.layer(f"{swatch(colour)}{esc(label)}")
        for index, trip in enumerate(trips):
            _draw_trip(group, trip, shade(colour, index, len(trips)), language)
        stops = sum(len(t.stops) for t in trips)
        legend_rows.append(
            (
                swatch(colour),
                f"{label}: {counted(len(trips), 'trips', language)}, {counted(stops, 'stops', language)}",
            )
        )
    legend_rows.append((swatch(DEPOT_COLOUR), word("depot", language)))
    _draw_depots(canvas, {t.depot.code: t.depot for t in plan.trips}, by_caravan, language)
    canvas.legend(
        legend_html(word("caravans", language), legend_rows, word("trip_shades", language)), "bottomleft"
    )
    return canvas.render()


def _draw_trip(group: folium.FeatureGroup, trip: TripView, colour: str, lang: Lang) -> None:
    depot = wgs(trip.depot.place)
    points = [depot] + [wgs(s.place) for s in trip.stops] + [depot]
    line = folium.PolyLine(points, color=colour, weight=2.5, opacity=0.8, className="cv-trip")
    line.add_child(
        BindTooltip(
            f"{esc(trip.code)}<br>{esc(span(trip.leave_at.date(), trip.back_at.date()))} · "
            f"{esc(km(trip.km, lang))}"
        )
    )
    line.add_to(group)
    marks = [
        Mark(
            wgs(stop.place),
            f'<div class="{"cv-stop cv-locked" if stop.locked else "cv-stop"}" '
            f'style="background:{colour}">{stop.seq}</div>',
            popup=_stop_popup(trip, stop, lang),
            tooltip=esc(f"{stop.seq}. {stop.venue_name} {stop.show_start:%m-%d}"),
        )
        for stop in trip.stops
    ]
    group.add_child(MarkerLayer(marks, (22, 22)))


def _stop_popup(trip: TripView, stop: StopView, lang: Lang) -> str:
    title = f"{stop.seq}. {stop.venue_name}"
    county = stop.county + (f" ({word('key_county', lang)})" if stop.key_county else "")
    rows = [
        (word("date", lang), day(stop.show_start.date(), lang)),
        (word("time", lang), clock(stop.show_start, stop.show_end)),
        (word("arrive", lang), f"{stop.arrive_at:%H:%M}"),
        (word("venue", lang), stop.venue_name),
        (word("county", lang), county),
        (word("address", lang), stop.address),
        (word("contact", lang), stop.contact_name),
        (word("phone", lang), stop.contact_phone),
        (word("caravan", lang), f"{trip.caravan_code} {trip.plate}"),
        (word("trip", lang), trip.code),
        (word("km_from_previous", lang), km(stop.km_from_previous, lang)),
    ]
    if stop.locked:
        rows.append(("", word("locked", lang)))
    return popup_table(title, rows)


def _draw_depots(
    canvas: MapCanvas, depots: dict[str, DepotView], by_caravan: dict[str, list[TripView]], lang: Lang
) -> None:
    group = canvas.layer(word("depots", lang))
    caravans_at: dict[str, set[str]] = defaultdict(set)
    for caravan, trips in by_caravan.items():
        for trip in trips:
            caravans_at[trip.depot.code].add(f"{caravan} {trip.plate}")
    marks = [
        depot_mark(depot, lang, [(word("caravans", lang), "、".join(sorted(caravans_at[code])))])
        for code, depot in sorted(depots.items())
    ]
    group.add_child(depot_layer(marks))
