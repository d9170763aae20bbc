"""A caravan tour plan on the map: a layer per caravan, its trips in shades of its colour,
numbered stops with the date, time, venue and contact, the depots the trips leave from, legs
longer than a threshold marked, and the requests the plan leaves unserved with the reason.

The page defines `window.caravanTour` so that the program showing it can filter it (by caravan,
trip, week and city) and select a trip or a stop on it without drawing it again; a click on a stop,
a trip or an unserved request is written to the console as `caravan-pick {json}` for the program
to follow (see ui/map_pane.py). A page opened on its own works the same without anyone listening.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import folium
from folium.template import Template

from caravan_app.domain.outcomes import UnservedReason
from caravan_app.domain.views import DepotView, PlaceView, StopView, TourPlanView, TripView, UnservedView
from caravan_app.maps.base import (
    DEPOT_COLOUR,
    BindTooltip,
    MapCanvas,
    _Element,
    depot_layer,
    depot_mark,
    esc,
    js_json,
    legend_html,
    new_map,
    palette,
    popup_table,
    shade,
    swatch,
    wgs,
)
from caravan_app.maps.labels import Lang, caravan_type, check_lang, clock, counted, day, km, span, word

LONG_LEG_COLOUR = "#d32f2f"
UNSERVED_COLOUR = "#c62828"
# Stops at one place on different trips are spread around it by this many pixels, so each is reachable.
SPREAD_PX = 13
# A legend longer than this opens folded: at 1366×768 a list of 30 caravans would cover half the map.
LEGEND_OPEN_ROWS = 8

# The words of this map not shared with the others (maps/labels.py holds those): Chinese, English.
_WORDS: dict[str, tuple[str, str]] = {
    "unserved_requests": ("未满足的需求", "Unserved requests"),
    "request": ("需求", "Request"),
    "reason": ("原因", "Reason"),
    "wanted": ("要求", "Wants"),
    "joint": ("可联动", "Joint tour could use"),
    "long_leg": ("长途路段", "Long leg"),
    "long_legs": ("长途路段（超过 {km}）", "Long legs (over {km})"),
    "back_to_depot": ("返回仓库", "back to the depot"),
    "unserved_one": ("未满足的需求", "Unserved request"),
    "type": ("{types}型", "type {types}"),
    "any_type": ("任意车型", "any type"),
    "any_theme": ("任意主题", "any theme"),
    "no_type_or_theme": (
        "没有符合车型和主题的大篷车：需要{types}，主题为{themes}",
        "No caravan of a wanted type and theme: needs {types} with {themes}",
    ),
    "no_permitted_caravan": ("没有获准服务{county}的大篷车", "No caravan may serve {county}"),
    "no_workable_date": (
        "没有大篷车能在允许的工作日到达{venue}",
        "No caravan can reach {venue} on an allowed working day",
    ),
    "capacity": ("能服务{venue}的大篷车都已排满", "Every caravan that could serve {venue} was busy"),
    "fitting": ("{caravan}（{home}，距 {km} 公里）", "{caravan} ({home}, {km} km away)"),
}


def _word(key: str, lang: Lang, **values: object) -> str:
    zh, en = _WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


@dataclass(frozen=True)
class RequestPlace:
    """Where an unserved request's venue stands, for its marker: the place and its city's adcode."""

    place: PlaceView
    city: str


def city_of(county_adcode: str) -> str:
    """The adcode of the city a county-level division belongs to (320321 -> 320300)."""
    return county_adcode[:4] + "00" if len(county_adcode) == 6 else county_adcode


def week_of(d: date) -> str:
    """The Monday of the day's week, as the filter names weeks."""
    return (d - timedelta(days=d.weekday())).isoformat()


def unserved_text(u: UnservedView, lang: Lang) -> str:
    """Why a request is unserved, with its venue, county and what it asked for."""
    if u.reason is UnservedReason.NO_TYPE_OR_THEME:
        types = "/".join(sorted(u.types_wanted))
        return _word(
            "no_type_or_theme",
            lang,
            types=_word("type", lang, types=types) if types else _word("any_type", lang),
            themes="、".join(sorted(u.themes_wanted)) or _word("any_theme", lang),
        )
    if u.reason is UnservedReason.NO_PERMITTED_CARAVAN:
        return _word("no_permitted_caravan", lang, county=u.county)
    if u.reason is UnservedReason.NO_WORKABLE_DATE:
        return _word("no_workable_date", lang, venue=u.venue_name)
    return _word("capacity", lang, venue=u.venue_name)


def render_tour_map(
    plan: TourPlanView,
    lang: str = "zh",
    tiles: str | None = None,
    *,
    unserved_places: Mapping[str, RequestPlace] | None = None,
    long_leg_km: float | None = None,
    heading: bool = True,
) -> str:
    """The plan as one offline HTML page (see caravan_app.maps.base for what "offline" takes).

    With `unserved_places` (by request code) the unserved requests that have one are drawn in a
    layer of their own; with `long_leg_km` every leg longer than that is marked; without `heading`
    the page has no title box (the window showing it names the plan).
    """
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
    canvas = new_map(
        f"{plan.name} — {word('tour_map', language)}", subtitle, language, tiles, focus=focus, heading=heading
    )
    canvas.map.add_child(TourScript(canvas.home))
    by_caravan: dict[str, list[TripView]] = defaultdict(list)
    for trip in sorted(plan.trips, key=lambda t: (t.caravan_code, t.leave_at, t.code)):
        by_caravan[trip.caravan_code].append(trip)
    colours = dict(zip(by_caravan, palette(len(by_caravan)), strict=True))
    legend_rows: list[tuple[str, str]] = []
    keys: list[str] = []
    spread = _Spread()
    for caravan, trips in by_caravan.items():
        colour = colours[caravan]
        first = trips[0]
        label = f"{caravan} {first.plate} ({caravan_type(first.caravan_type, language)})"
        group = canvas.layer(f"{swatch(colour)}{esc(label)}")
        drawn = [
            _draw_trip(group, trip, shade(colour, index, len(trips)), language, long_leg_km, spread)
            for index, trip in enumerate(trips)
        ]
        group.add_child(TripRegistry(drawn))
        stops = sum(len(t.stops) for t in trips)
        legend_rows.append(
            (
                swatch(colour),
                f"{label}: {counted(len(trips), 'trips', language)}, {counted(stops, 'stops', language)}",
            )
        )
        keys.append(caravan)
    legend_rows.append((swatch(DEPOT_COLOUR), word("depot", language)))
    keys.append("")
    if long_leg_km is not None:
        legend_rows.append(
            (swatch(LONG_LEG_COLOUR), _word("long_legs", language, km=km(long_leg_km, language)))
        )
        keys.append("")
    _draw_depots(canvas, {t.depot.code: t.depot for t in plan.trips}, by_caravan, language)
    if unserved_places is not None:
        shown = [u for u in plan.unserved if u.request_code in unserved_places]
        if shown:
            _draw_unserved(canvas, shown, unserved_places, language)
            legend_rows.append((_UNSERVED_SWATCH, f"{_word('unserved_requests', language)}: {len(shown)}"))
            keys.append("")
    canvas.legend(
        legend_html(
            word("caravans", language),
            legend_rows,
            word("trip_shades", language),
            folded=len(legend_rows) > LEGEND_OPEN_ROWS,
            keys=keys,
        ),
        "bottomleft",
    )
    return canvas.render()


_WIDE = ";width:auto;min-width:18px;padding:0 3px;border-radius:9px"  # a marker for days 1–2
_UNSERVED_MARK = (
    '<div class="cv-unserved" style="width:8px;height:8px;border-radius:50%;background:#fff;'
    f'border:2.5px solid {UNSERVED_COLOUR};box-shadow:0 0 2px rgba(0,0,0,0.5)"></div>'
)
_UNSERVED_SWATCH = (
    f'<span class="cv-swatch cv-round" style="background:#fff;border:2px solid {UNSERVED_COLOUR}"></span>'
)


class _Spread:
    """Where a marker goes when others stand on the same point: around it, a few pixels apart."""

    OFFSETS = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1))

    def __init__(self) -> None:
        self.taken: dict[tuple[float, float], int] = defaultdict(int)

    def offset(self, at: tuple[float, float]) -> tuple[int, int]:
        n = self.taken[at]
        self.taken[at] += 1
        dx, dy = self.OFFSETS[n % len(self.OFFSETS)]
        ring = 1 + n // len(self.OFFSETS)
        return dx * SPREAD_PX * ring, dy * SPREAD_PX * ring


@dataclass(frozen=True)
class _DrawnTrip:
    code: str
    caravan: str
    lines: tuple[str, ...]  # the JavaScript names of its polylines
    depot: tuple[float, float]
    stops: list[list[object]]  # one row per marker, as TripRegistry's script reads them


_Leg = tuple[tuple[float, float], tuple[float, float], float, str]


def _legs(trip: TripView, depot: tuple[float, float]) -> list[_Leg]:
    """Each leg of the trip: from, to, km and the venue it leads to (empty for the way back)."""
    points = [depot] + [wgs(s.place) for s in trip.stops] + [depot]
    kms = [s.km_from_previous for s in trip.stops] + [trip.km_back]
    names = [s.venue_name for s in trip.stops] + [""]
    return [(points[i], points[i + 1], kms[i], names[i]) for i in range(len(kms))]


def _groups(stops: Sequence[StopView]) -> list[list[StopView]]:
    """The trip's stops, those following each other at one venue (a show of several days) together:
    one marker for them, or the second day's would hide the first's."""
    groups: list[list[StopView]] = []
    for stop in stops:
        if groups and groups[-1][-1].venue_code == stop.venue_code:
            groups[-1].append(stop)
        else:
            groups.append([stop])
    return groups


def _draw_trip(
    group: folium.FeatureGroup,
    trip: TripView,
    colour: str,
    lang: Lang,
    long_leg_km: float | None,
    spread: _Spread,
) -> _DrawnTrip:
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
    lines = [line.get_name()]
    if long_leg_km is not None:
        for start, end, length, venue in _legs(trip, depot):
            if length <= long_leg_km:
                continue
            leg = folium.PolyLine(
                [start, end],
                color=LONG_LEG_COLOUR,
                weight=3.5,
                opacity=0.75,
                dash_array="6 5",
                className="cv-long",
            )
            towards = venue or _word("back_to_depot", lang)
            what = f"{esc(_word('long_leg', lang))}: {esc(km(length, lang))}"
            leg.add_child(BindTooltip(f"{what}<br>{esc(trip.code)} → {esc(towards)}"))
            leg.add_to(group)
            lines.append(leg.get_name())
    rows: list[list[object]] = []
    for stops in _groups(trip.stops):
        first, last = stops[0], stops[-1]
        at = wgs(first.place)
        seqs = f"{stops[0].seq}–{stops[-1].seq}" if len(stops) > 1 else str(first.seq)
        css = "cv-stop cv-locked" if any(s.locked for s in stops) else "cv-stop"
        wide = len(stops) > 1
        style = f"background:{colour}" + (_WIDE if wide else "")
        size = (34, 22) if wide else (22, 22)
        dx, dy = spread.offset(at)
        rows.append(
            [
                at[0],
                at[1],
                f'<div class="{css}" style="{style}">{seqs}</div>',
                _stop_popup(trip, stops, lang),
                esc(f"{seqs}. {first.venue_name} {span(first.show_start.date(), last.show_start.date())}"),
                first.request_code,
                week_of(first.show_start.date()),
                city_of(first.county_adcode),
                [size[0], size[1]],
                [size[0] // 2 - dx, size[1] // 2 - dy],
            ]
        )
    return _DrawnTrip(trip.code, trip.caravan_code, tuple(lines), depot, rows)


def _stop_popup(trip: TripView, stops: Sequence[StopView], lang: Lang) -> str:
    stop = stops[0]
    seqs = f"{stops[0].seq}–{stops[-1].seq}" if len(stops) > 1 else str(stop.seq)
    title = f"{seqs}. {stop.venue_name}"
    county = stop.county + (f" ({word('key_county', lang)})" if stop.key_county else "")
    days = [
        (word("date", lang), day(stop.show_start.date(), lang)),
        (word("time", lang), clock(stop.show_start, stop.show_end)),
    ]
    for more in stops[1:]:
        days.append((f"{word('date', lang)} ({more.seq})", day(more.show_start.date(), lang)))
        days.append((f"{word('time', lang)} ({more.seq})", clock(more.show_start, more.show_end)))
    rows = [
        *days,
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
    if any(s.locked for s in stops):
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


def _draw_unserved(
    canvas: MapCanvas, unserved: Sequence[UnservedView], places: Mapping[str, RequestPlace], lang: Lang
) -> None:
    group = canvas.layer(f"{_UNSERVED_SWATCH}{esc(_word('unserved_requests', lang))}")
    spread = _Spread()
    rows: list[list[object]] = []
    for u in unserved:
        where = places[u.request_code]
        at = wgs(where.place)
        dx, dy = spread.offset(at)
        table = [
            (_word("request", lang), u.request_code),
            (word("county", lang), u.county),
            (_word("reason", lang), unserved_text(u, lang)),
        ]
        if u.elsewhere:
            table.append(
                (
                    _word("joint", lang),
                    "; ".join(
                        _word("fitting", lang, caravan=f.caravan_code, home=f.home, km=f"{f.km:,.0f}")
                        for f in u.elsewhere[:3]
                    ),
                )
            )
        rows.append(
            [
                at[0],
                at[1],
                _UNSERVED_MARK,
                popup_table(f"{_word('unserved_one', lang)}: {u.venue_name}", table),
                esc(f"{u.venue_name} · {unserved_text(u, lang)}"),
                u.request_code,
                where.city,
                [13, 13],
                [6 - dx, 6 - dy],
            ]
        )
    group.add_child(UnservedRegistry(rows))


# --- the page's script -------------------------------------------------------------------------


class TourScript(_Element):
    """window.caravanTour: what the program showing the page calls to filter and select."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.caravanTour = (function (map, home) {
            var trips = [], unserved = [], chosen = {}, selected = null, fitting = false, moved = false;
            /* Fitted again when the view is resized (the program's panes settle after the page loads),
               until whoever looks at it moves the map. */
            map.on("dragstart", function () { moved = true; });
            map.on("zoomstart", function () { if (!fitting) { moved = true; } });
            map.on("resize", function () { if (!moved) { fit(); } });
            function pick(what) { console.log("caravan-pick " + JSON.stringify(what)); }
            function stopShown(s) {
                return (!chosen.week || s.week === chosen.week) && (!chosen.city || s.city === chosen.city);
            }
            function tripShown(t) {
                if (chosen.caravan && t.caravan !== chosen.caravan) { return false; }
                if (chosen.trip && t.code !== chosen.trip) { return false; }
                return t.stops.some(stopShown);
            }
            function put(group, layer, on) {
                if (on && !group.hasLayer(layer)) { group.addLayer(layer); }
                if (!on && group.hasLayer(layer)) { group.removeLayer(layer); }
            }
            function apply() {
                var caravans = {};
                trips.forEach(function (t) {
                    var on = tripShown(t), lit = !selected || selected.trip === t.code;
                    if (on) { caravans[t.caravan] = true; }
                    t.lines.forEach(function (line, i) {
                        put(t.group, line, on);
                        line.setStyle({
                            opacity: lit ? 0.9 : 0.18,
                            weight: selected && selected.trip === t.code ? t.weights[i] + 2.5 : t.weights[i]
                        });
                        if (selected && selected.trip === t.code && on) { line.bringToFront(); }
                    });
                    t.stops.forEach(function (s) {
                        put(t.group, s.marker, on && stopShown(s));
                        s.marker.setOpacity(lit ? 1 : 0.3);
                        s.marker.setZIndexOffset(lit && selected ? 1000 : 0);
                    });
                });
                unserved.forEach(function (u) {
                    put(u.group, u.marker, !chosen.city || u.city === chosen.city);
                    u.marker.setOpacity(selected ? 0.45 : 1);
                });
                document.querySelectorAll(".cv-legend [data-cv-key]").forEach(function (row) {
                    var key = row.getAttribute("data-cv-key");
                    row.style.display = !key || caravans[key] ? "" : "none";
                });
            }
            function shownBounds() {
                var bounds = L.latLngBounds([]);
                trips.forEach(function (t) {
                    if (selected && selected.trip !== t.code) { return; }
                    if (!selected && !tripShown(t)) { return; }
                    var one = selected && selected.request && t.stops.filter(function (s) {
                        return s.request === selected.request;
                    });
                    (one && one.length ? one : t.stops.filter(stopShown)).forEach(function (s) {
                        bounds.extend(s.marker.getLatLng());
                    });
                    if (!(one && one.length)) { bounds.extend(t.depot); }
                });
                return bounds;
            }
            function fit() {
                fitting = true;
                try { fitNow(); } finally { fitting = false; }
            }
            function fitNow() {
                var filtered = chosen.caravan || chosen.trip || chosen.week || chosen.city;
                var bounds = shownBounds();
                if ((selected || filtered) && bounds.isValid()) {
                    var closest = 10;
                    map.fitBounds(bounds.pad(0.2), {animate: false, maxZoom: closest});
                } else {
                    map.fitBounds(home, {animate: false});
                }
            }
            return {
                addTrip: function (group, code, caravan, lines, depot, rows) {
                    var trip = {
                        group: group, code: code, caravan: caravan, lines: lines, depot: depot, stops: [],
                        weights: lines.map(function (l) { return l.options.weight; })
                    };
                    lines.forEach(function (line) {
                        line.on("click", function () { pick({trip: code}); });
                    });
                    rows.forEach(function (r) {
                        var marker = L.marker([r[0], r[1]], {
                            icon: L.divIcon({
                                className: "cv-icon", html: r[2], iconSize: r[8], iconAnchor: r[9]
                            }),
                            keyboard: false
                        });
                        if (r[3]) { marker.bindPopup(r[3], {maxWidth: 380}); }
                        if (r[4]) { marker.bindTooltip(r[4], {direction: "top"}); }
                        marker.on("click", function () { pick({trip: code, request: r[5]}); });
                        marker.addTo(group);
                        trip.stops.push({marker: marker, request: r[5], week: r[6], city: r[7]});
                    });
                    trips.push(trip);
                },
                addUnserved: function (group, rows) {
                    rows.forEach(function (r) {
                        var marker = L.marker([r[0], r[1]], {
                            icon: L.divIcon({
                                className: "cv-icon", html: r[2], iconSize: r[7], iconAnchor: r[8]
                            }),
                            keyboard: false,
                            zIndexOffset: 500
                        });
                        marker.bindPopup(r[3], {maxWidth: 380});
                        marker.bindTooltip(r[4], {direction: "top"});
                        marker.on("click", function () { pick({unserved: r[5]}); });
                        marker.addTo(group);
                        unserved.push({marker: marker, request: r[5], city: r[6], group: group});
                    });
                },
                /* {caravan, trip, week (its Monday, yyyy-mm-dd), city (adcode)}: what to show. */
                filter: function (f) { chosen = f || {}; moved = false; apply(); fit(); return true; },
                /* A trip (and one of its stops, by request code) to light up and zoom to; null for none. */
                select: function (trip, request) {
                    selected = trip ? {trip: trip, request: request || null} : null;
                    moved = false;
                    apply();
                    fit();
                    if (selected && selected.request) {
                        trips.forEach(function (t) {
                            t.stops.forEach(function (s) {
                                if (t.code === trip && s.request === request && t.group.hasLayer(s.marker)) {
                                    s.marker.openPopup();
                                }
                            });
                        });
                    } else {
                        map.closePopup();
                    }
                    return true;
                },
                showUnserved: function (request) {
                    unserved.forEach(function (u) {
                        if (u.request === request) {
                            map.setView(u.marker.getLatLng(), Math.max(map.getZoom(), 9), {animate: false});
                            u.marker.openPopup();
                        }
                    });
                    return true;
                },
                /* What is on the map now, for the program's tests. */
                state: function () {
                    var shown = 0, lines = 0, left = 0;
                    trips.forEach(function (t) {
                        t.stops.forEach(function (s) { if (t.group.hasLayer(s.marker)) { shown += 1; } });
                        if (t.group.hasLayer(t.lines[0])) { lines += 1; }
                    });
                    unserved.forEach(function (u) { if (u.group.hasLayer(u.marker)) { left += 1; } });
                    return {stops: shown, trips: lines, unserved: left, zoom: map.getZoom(),
                            selected: selected, filter: chosen};
                }
            };
        })({{ this._parent.get_name() }}, {{ this.home|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, home: list[list[float]] | None) -> None:
        super().__init__("TourScript")
        self.home = home


class TripRegistry(_Element):
    """A caravan's trips and their stop markers, handed to window.caravanTour."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {%- for trip in this.trips %}
        window.caravanTour.addTrip({{ this._parent.get_name() }}, {{ trip.code|tojson }},
            {{ trip.caravan|tojson }}, [{{ trip.lines|join(", ") }}], {{ trip.depot|list|tojson }},
            {{ this.rows_json[loop.index0] }});
        {%- endfor %}
        {% endmacro %}
        """
    )

    def __init__(self, trips: Sequence[_DrawnTrip]) -> None:
        super().__init__("TripRegistry")
        self.trips = list(trips)
        self.rows_json = [js_json(t.stops) for t in trips]


class UnservedRegistry(_Element):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.caravanTour.addUnserved({{ this._parent.get_name() }}, {{ this.rows_json }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list[object]]) -> None:
        super().__init__("UnservedRegistry")
        self.rows_json = js_json(rows)
