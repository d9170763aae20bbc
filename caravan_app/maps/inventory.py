"""What the province has and where: depots, the caravans parked at each depot, and the venues
by kind, each a layer."""

from __future__ import annotations

from collections import defaultdict

from caravan_app.domain.views import CaravanView, DepotView, InventoryView, VenueView
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


def render_inventory_map(view: InventoryView, lang: str = "zh", tiles: str | None = None) -> str:
    language = check_lang(lang)
    subtitle = (
        f"{word('depots', language)} {len(view.depots)}  ·  {word('caravans', language)} {len(view.caravans)}"
        f"  ·  {word('venues', language)} {len(view.venues)}"
    )
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
    rows.append((swatch(DEPOT_COLOUR), word("depot", language)))
    canvas.legend(legend_html(word("legend", language), rows), "bottomleft")
    return canvas.render()


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
