"""What the province has and where: depots, the caravans parked at each depot, the venues by kind,
and where the museum sets stand (in a hall, or in store at their home depot), each a layer."""

from __future__ import annotations

from collections import defaultdict

import folium

from caravan_app.domain.views import CaravanView, DepotView, InventoryView, SetStandView, VenueView
from caravan_app.maps.base import (
    DEPOT_COLOUR,
    Mark,
    MarkerLayer,
    depot_layer,
    depot_mark,
    esc,
    legend_html,
    new_map,
    popup_table,
    swatch,
    wgs,
)
from caravan_app.maps.labels import (
    Lang,
    caravan_status,
    caravan_type,
    check_lang,
    set_status,
    span,
    venue_kind,
    word,
)

VENUE_COLOURS = {
    "school": "#1f78b4",
    "township_centre": "#33a02c",
    "community": "#ff7f00",
    "village": "#b15928",
    "science_hall": "#6a3d9a",
    "other": "#7f7f7f",
}
STATUS_COLOURS = {
    "in_service": "#2e7d32",
    "maintenance": "#ef6c00",
    "reserve": "#607d8b",
    "retired": "#212121",
}
# Caravans at one depot stand in rows of this many above it, so none hides another.
_PER_ROW = 6
_CARAVAN_SIZE = (20, 14)
# Sets: in a hall, in store, in maintenance (wherever it is).
SET_COLOURS = {"hall": "#c2185b", "store": "#3949ab", "maintenance": "#ef6c00"}
# Sets in store stand in rows of this many beside their depot; a set in a hall just above the hall.
_SETS_PER_ROW = 3
_SET_SIZE = (40, 16)


def render_inventory_map(view: InventoryView, lang: str = "zh", tiles: str | None = None) -> str:
    language = check_lang(lang)
    subtitle = (
        f"{word('depots', language)} {len(view.depots)}  ·  {word('caravans', language)} {len(view.caravans)}"
        f"  ·  {word('venues', language)} {len(view.venues)}"
    )
    if view.sets:
        subtitle += f"  ·  {word('museum_sets', language)} {len(view.sets)}"
    canvas = new_map(word("inventory_map", language), subtitle, language, tiles)

    by_kind: dict[str, list[VenueView]] = defaultdict(list)
    for venue in sorted(view.venues, key=lambda v: v.code):
        by_kind[venue.kind].append(venue)
    kinds = [k for k in VENUE_COLOURS if k in by_kind] + sorted(k for k in by_kind if k not in VENUE_COLOURS)
    for kind in kinds:
        colour = VENUE_COLOURS.get(kind, VENUE_COLOURS["other"])
        label = f"{venue_kind(kind, language)} ({len(by_kind[kind])})"
        group = canvas.layer(f"{swatch(colour, 'cv-round')}{esc(label)}")
        group.add_child(MarkerLayer([_venue_mark(v, colour, language) for v in by_kind[kind]], (10, 10)))

    at_depot: dict[str, list[CaravanView]] = defaultdict(list)
    for caravan in sorted(view.caravans, key=lambda c: c.code):
        at_depot[caravan.depot_code].append(caravan)
    depots = {d.code: d for d in view.depots}
    caravan_marks = []
    for caravans in at_depot.values():
        for index, caravan in enumerate(caravans):
            caravan_marks.append(_caravan_mark(caravan, index, len(caravans), depots, language))
    canvas.layer(word("caravans", language)).add_child(
        MarkerLayer(caravan_marks, _CARAVAN_SIZE, z_offset=600)
    )

    if view.sets:
        _sets_layer(canvas.layer(f"{word('museum_sets', language)} ({len(view.sets)})"), view, language)

    depot_marks = []
    for depot in sorted(view.depots, key=lambda d: d.code):
        listed = "、".join(f"{c.code} {c.plate}" for c in at_depot.get(depot.code, []))
        depot_marks.append(depot_mark(depot, language, [(word("caravans", language), listed)]))
    canvas.layer(word("depots", language)).add_child(depot_layer(depot_marks))

    rows = [
        (swatch(VENUE_COLOURS.get(k, VENUE_COLOURS["other"]), "cv-round"), venue_kind(k, language))
        for k in kinds
    ]
    rows += [
        (swatch(colour), f"{word('caravan', language)}: {caravan_status(status, language)}")
        for status, colour in STATUS_COLOURS.items()
        if any(c.status == status for c in view.caravans)
    ]
    note = ""
    if view.sets:
        a_set = word("set", language)
        rows += [
            (swatch(SET_COLOURS["hall"]), f"{a_set}: {word('in_hall', language)}"),
            (swatch(SET_COLOURS["store"]), f"{a_set}: {word('in_store_at_home', language)}"),
            (swatch(SET_COLOURS["maintenance"]), f"{a_set}: {set_status('maintenance', language)}"),
        ]
        if view.day:
            note = f"{word('museum_sets', language)} {word('as_on', language)} {view.day.isoformat()}"
    rows.append((swatch(DEPOT_COLOUR), word("depot", language)))
    canvas.legend(legend_html(word("legend", language), rows, note), "bottomleft")
    return canvas.render()


def _sets_layer(group: folium.FeatureGroup, view: InventoryView, lang: Lang) -> None:
    """A mark per set where it stands: above its hall, or in rows beside its home depot."""
    in_store: dict[tuple[float, float], list[SetStandView]] = defaultdict(list)
    marks = []
    for stand in sorted(view.sets, key=lambda s: s.code):
        if stand.in_hall:
            marks.append(_set_mark(stand, 0, -(_SET_SIZE[1] // 2 + 6), lang))
        else:
            in_store[(stand.place.lat, stand.place.lon)].append(stand)
    for stands in in_store.values():
        for index, stand in enumerate(stands):
            # Right of the depot (caravans stand above it, the city's name may be under it).
            column, row = index % _SETS_PER_ROW, index // _SETS_PER_ROW
            dx = 10 + 3 + _SET_SIZE[0] // 2 + column * (_SET_SIZE[0] + 3)
            dy = row * (_SET_SIZE[1] + 3)
            marks.append(_set_mark(stand, dx, dy, lang))
    group.add_child(MarkerLayer(marks, _SET_SIZE, z_offset=700))


def _set_mark(stand: SetStandView, dx: int, dy: int, lang: Lang) -> Mark:
    if stand.status == "maintenance":
        colour = SET_COLOURS["maintenance"]
    else:
        colour = SET_COLOURS["hall" if stand.in_hall else "store"]
    where = f"{stand.where} ({stand.county})" if stand.county else stand.where
    rows = [
        (word("theme", lang), stand.theme),
        (word("status", lang), set_status(stand.status, lang)),
        (word("where_now", lang), where if stand.in_hall else f"{where}, {word('in_store', lang)}"),
        (word("on_show", lang), span(stand.start, stand.end) if stand.start and stand.end else ""),
        (word("needs_hall", lang), f"{stand.hall_area_m2:,.0f} m²"),
    ]
    return Mark(
        wgs(stand.place),
        f'<div class="cv-set" style="background:{colour};transform:translate({dx}px,{dy}px)">'
        f"{esc(stand.code)}</div>",
        popup=popup_table(f"{word('set', lang)} {stand.code} {stand.name}", rows),
        tooltip=esc(f"{stand.code} {stand.name} · {stand.where}"),
    )


def _venue_mark(venue: VenueView, colour: str, lang: Lang) -> Mark:
    rows = [
        (word("kind", lang), venue_kind(venue.kind, lang)),
        (word("county", lang), venue.county),
        (word("hall_area", lang), f"{venue.hall_area_m2:,.0f} m²" if venue.hall_area_m2 else ""),
    ]
    return Mark(
        wgs(venue.place),
        f'<div class="cv-venue" style="background:{colour}"></div>',
        popup=popup_table(venue.name, rows),
        tooltip=esc(venue.name),
    )


def _caravan_mark(
    caravan: CaravanView, index: int, count: int, depots: dict[str, DepotView], lang: Lang
) -> Mark:
    in_row = min(count - index // _PER_ROW * _PER_ROW, _PER_ROW)
    column, row = index % _PER_ROW, index // _PER_ROW
    dx = round((column - (in_row - 1) / 2) * (_CARAVAN_SIZE[0] + 3))
    dy = -(_CARAVAN_SIZE[1] + 6) * (row + 1)
    colour = STATUS_COLOURS.get(caravan.status, STATUS_COLOURS["reserve"])
    depot = depots.get(caravan.depot_code)
    rows = [
        (word("plate", lang), caravan.plate),
        (word("type", lang), caravan_type(caravan.type, lang)),
        (word("status", lang), caravan_status(caravan.status, lang)),
        (word("depot", lang), depot.name if depot else caravan.depot_code),
    ]
    return Mark(
        wgs(caravan.place),
        f'<div class="cv-caravan" style="background:{colour};transform:translate({dx}px,{dy}px)">'
        f"{esc(caravan.type)}</div>",
        popup=popup_table(f"{word('caravan', lang)} {caravan.code}", rows),
        tooltip=esc(f"{caravan.code} {caravan.plate}"),
    )
