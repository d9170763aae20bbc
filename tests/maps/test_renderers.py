"""The map renderers on hand-made views: offline, complete, in both languages."""

from __future__ import annotations

import base64
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from caravan_app.errors import CaravanError
from caravan_app.maps import (
    render_coverage_map,
    render_inventory_map,
    render_rotation_map,
    render_tour_map,
    save_map,
)
from caravan_app.maps.assets import WEB_DIR
from caravan_app.maps.base import boundaries, mercator_angle, tile_source
from caravan_app.maps.coverage import CLASS_COLOURS, classes
from caravan_app.maps.rotation import moves
from tests.maps import samples

URL = re.compile(r"https?://")


def readable(page: str) -> str:
    """The page with the \\uXXXX escapes of its scripts (folium writes labels so) turned into text."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


def stops_in(page: str) -> int:
    # Stop markers are written as JSON data; their HTML class survives as class=\"cv-stop...\".
    return len(re.findall(r'class=\\"cv-stop(?: cv-locked)?\\"', page))


def layers_in(page: str) -> int:
    return page.count("L.featureGroup(")


def font_characters(page: str) -> set[int]:
    """The code points of the inlined map font."""
    match = re.search(r'url\("data:font/woff;base64,([A-Za-z0-9+/=]+)"\)', page)
    assert match, "the map has no inlined font"
    font = TTFont(io.BytesIO(base64.b64decode(match.group(1))))
    return set(font.getBestCmap())


def test_tour_map_is_offline_and_shows_every_trip_and_stop(tmp_path: Path) -> None:
    plan = samples.tour_plan()
    page = render_tour_map(plan)
    saved = save_map(page, tmp_path / "sub" / "tour.html")
    text = saved.read_text(encoding="utf-8")
    assert not URL.search(text)
    # Leaflet and the stylesheets are inside the file, nothing is linked.
    assert "<script src=" not in text and "<link rel=" not in text
    assert "Leaflet 1.9.3" in text
    assert 'url("data:image/png;base64,' in text  # Leaflet's layer-control icon
    stops = sum(len(t.stops) for t in plan.trips)
    assert stops_in(text) == stops == 6
    assert text.count('"className": "cv-trip"') == len(plan.trips)
    # One layer per caravan, plus the boundaries and the depots.
    caravans = {t.caravan_code for t in plan.trips}
    assert layers_in(text) == len(caravans) + 2
    for trip in plan.trips:
        for stop in trip.stops:
            assert stop.venue_name in text and stop.contact_phone in text and stop.county in text
    assert "<title>春季巡展测试 — 大篷车巡展路线图</title>" in text
    assert "苏A·C0001" in text and "联系人" in text and "2027-03-02 (周二)" in text
    assert "徐州市" in text and "睢宁县" in text  # base map labels
    # The subset font covers everything the map writes in Chinese.
    cmap = font_characters(text)
    for word in ("泗洪县第一中学", "春季巡展测试", "联系人", "徐州市", "王老师"):
        assert {ord(c) for c in word} <= cmap
    assert '<html lang="zh-CN">' in text


def test_tour_map_in_english() -> None:
    page = render_tour_map(samples.tour_plan(), lang="en")
    text = readable(page)
    assert "Caravan tour plan" in text and "Contact" in text and "2027-03-02 (Tue)" in text
    assert "Xuzhou 徐州市" in text and "type II" in text
    for chinese in ("联系人", "大篷车巡展路线图", "日期", "周二"):
        assert chinese not in text
    # Data stays as it is: venue names are Chinese in an English map too.
    assert "泗洪县第一中学" in page
    assert not URL.search(page)
    with pytest.raises(CaravanError, match="zh, en"):
        render_tour_map(samples.tour_plan(), lang="fr")


def _opening_bounds(page: str) -> list[list[float]]:
    found = re.search(r"caravanMapSetup\([^,]+, (\[\[.*?\]\])\)", page)
    assert found is not None
    bounds: list[list[float]] = json.loads(found.group(1))
    return bounds


def test_a_plan_opens_on_the_province_and_one_trip_around_its_route() -> None:
    from dataclasses import replace

    from caravan_app.maps.base import wgs

    plan = samples.tour_plan()
    (south, west), (north, east) = boundaries().bounds
    assert _opening_bounds(render_tour_map(plan)) == [[south, west], [north, east]]
    trip = plan.trips[0]
    (s, w), (n, e) = _opening_bounds(render_tour_map(replace(plan, trips=(trip,))))
    points = [wgs(trip.depot.place)] + [wgs(stop.place) for stop in trip.stops]
    assert all(s < lat < n and w < lon < e for lat, lon in points)
    assert (n - s) * (e - w) < (north - south) * (east - west) / 2


def test_one_stay_opens_around_its_move() -> None:
    from dataclasses import replace

    from caravan_app.maps.base import wgs

    plan = samples.rotation_plan()
    (south, west), (north, east) = boundaries().bounds
    assert _opening_bounds(render_rotation_map(plan)) == [[south, west], [north, east]]
    stay = next(s for s in plan.stays if s.from_place != s.place)
    (s, w), (n, e) = _opening_bounds(render_rotation_map(replace(plan, stays=(stay,), returns=())))
    assert all(s < lat < n and w < lon < e for lat, lon in (wgs(stay.place), wgs(stay.from_place)))
    assert (n - s) * (e - w) < (north - south) * (east - west) / 2


def test_rotation_map_has_an_arrow_per_move_and_a_layer_per_period() -> None:
    plan = samples.rotation_plan()
    page = render_rotation_map(plan)
    assert not URL.search(page)
    moved = moves(plan)
    assert len(moved) == len(plan.stays) - 1 == 6  # MS03 stays in 泗洪县 in the second period
    # An arrow per move into a venue and per move back to a depot (dashed).
    assert len(re.findall(r'class=\\"cv-arrow\\"', page)) == len(moved) + len(plan.returns) == 7
    assert page.count('"className": "cv-move"') == len(moved)
    assert page.count('"className": "cv-move cv-return"') == len(plan.returns)
    assert len(re.findall(r'class=\\"cv-set\\"', page)) == len(plan.stays)
    assert layers_in(page) == len({s.period for s in plan.stays}) + 2
    text = readable(page)
    assert "第1期 2027-03-01 – 2027-05-31" in text and "第2期 2027-06-15 – 2027-08-31" in text
    for shown in (
        "飞天梦想",
        "丰县科技馆",
        "110 公里",
        "原地续展",
        "运距",
        "车次",
        "回库存放",
        "虚线：运回仓库",
    ):
        assert shown in text
    english = readable(render_rotation_map(plan, lang="en"))
    assert "Period 2 2027-06-15 – 2027-08-31" in english and "stays where it is" in english


def test_arrows_point_the_way_the_set_moves() -> None:
    assert mercator_angle((32.0, 118.0), (32.0, 119.0)) == pytest.approx(0.0)  # east
    assert mercator_angle((32.0, 118.0), (33.0, 118.0)) == pytest.approx(-90.0)  # north is up
    assert mercator_angle((33.0, 118.0), (32.0, 118.0)) == pytest.approx(90.0)
    assert abs(mercator_angle((32.0, 119.0), (32.0, 118.0))) == pytest.approx(180.0)


def test_coverage_map_shades_every_county_and_outlines_key_counties() -> None:
    view = samples.coverage()
    page = render_coverage_map(view)
    assert not URL.search(page)
    layers = [json.loads(block) for block in re.findall(r"L\.geoJSON\((\{.*?\}), \{", page)]
    shaded = [f for layer in layers for f in layer["features"] if "tooltip" in f["properties"]]
    assert len(shaded) == len(boundaries().counties["features"]) == 95
    by_adcode = {f["properties"]["adcode"]: f["properties"] for f in shaded}
    assert "已举办：12<br>计划：3" in by_adcode["320321"]["tooltip"]
    assert by_adcode["320324"]["style"]["fillColor"] == "#e4e1dc"  # no shows: grey
    assert by_adcode["320102"]["style"]["fillColor"] == CLASS_COLOURS[len(classes([15, 6, 30])) - 1]
    keys = {"320321", "320324"}
    outlined = [layer for layer in layers if {f["properties"]["adcode"] for f in layer["features"]} == keys]
    assert len(outlined) == 1 and '"className": "cv-key"' in page
    assert "覆盖县区 3/95" in page and "重点帮促县覆盖 1/2" in page
    assert "Counties covered 3/95" in render_coverage_map(view, lang="en")


def test_coverage_classes_split_the_counties_with_shows() -> None:
    assert classes([0, 0]) == []
    assert classes([4]) == [(1, 4)]
    ranges = classes(list(range(0, 101)))
    assert len(ranges) == 5 and ranges[0][0] == 1 and ranges[-1][1] == 100
    assert all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_inventory_map_has_depots_caravans_venues_by_kind_and_where_the_sets_stand() -> None:
    view = samples.inventory()
    page = render_inventory_map(view)
    assert not URL.search(page)
    assert len(re.findall(r'class=\\"cv-depot\\"', page)) == len(view.depots)
    assert len(re.findall(r'class=\\"cv-caravan\\"', page)) == len(view.caravans)
    assert len(re.findall(r'class=\\"cv-venue\\"', page)) == len(view.venues)
    assert len(re.findall(r'class=\\"cv-set\\"', page)) == len(view.sets)
    kinds = {v.kind for v in view.venues}
    assert layers_in(page) == len(kinds) + 4  # boundaries, caravans, sets, depots
    text = readable(page)
    for shown in ("学校 (1)", "县科技馆 (1)", "维修中", "600 m²", "省科协流动设施库"):
        assert shown in text
    # A layer of its own: a set in its hall with its dates, the others in store at their depot.
    for shown in (
        "流动科技馆套组 (3)",
        "睢宁县科技馆 (睢宁县)",
        "2026-11-02 – 2027-01-20",
        "在库（常驻仓库）",
    ):
        assert shown in text
    assert "流动科技馆套组 截至 2026-12-04" in text
    english = readable(render_inventory_map(view, lang="en"))
    assert "School (1)" in english and "in maintenance" in english and "学校" not in english
    assert "Museum sets (3)" in english and "Set&#58; in a hall" in english
    assert "Museum sets as on 2026-12-04" in english
    # Without sets (an older view), no sets layer.
    bare = render_inventory_map(replace(view, sets=()))
    assert layers_in(bare) == len(kinds) + 3 and not re.findall(r'class=\\"cv-set\\"', bare)


def test_tiles_from_a_folder_or_a_server(tmp_path: Path) -> None:
    folder = tmp_path / "瓦片"
    (folder / "7" / "106").mkdir(parents=True)
    (folder / "7" / "106" / "52.jpg").write_bytes(b"\xff\xd8")
    local = tile_source(str(folder))
    assert local is not None and not local.remote
    assert local.url == f"{folder.as_uri()}/{{z}}/{{x}}/{{y}}.jpg"
    page = render_tour_map(samples.tour_plan(), tiles=str(folder))
    assert folder.as_uri() in page and not URL.search(page)
    assert "底图瓦片" in readable(page)

    template = tile_source(str(folder) + "/{z}/{x}/{y}.png")
    assert template is not None and template.url == f"{folder.as_uri()}/{{z}}/{{x}}/{{y}}.png"

    server = "http://tiles.example.lan/{z}/{x}/{y}.png"
    page = render_inventory_map(samples.inventory(), tiles=server)
    # The server the user named is the only network address in the file.
    assert URL.findall(page) == ["http://"] and server in page

    with pytest.raises(CaravanError, match="no tile folder"):
        tile_source(str(tmp_path / "missing"))
    with pytest.raises(CaravanError, match=r"\{z\}"):
        tile_source("https://tiles.example.lan/tile.png")
    assert tile_source(None) is None


def test_the_assets_the_maps_use_are_shipped() -> None:
    for path in ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/LICENSE", "caravan/map.css"):
        assert (WEB_DIR / path).is_file()
    page = render_inventory_map(samples.inventory())
    assert (WEB_DIR / "leaflet" / "leaflet.js").read_text(encoding="utf-8")[-2000:] in page
