"""The shipped web assets: every CDN file folium links to has a local copy, and inlining them
leaves a page with no network reference."""

from __future__ import annotations

import re

import folium
from folium import folium as folium_map

from caravan_app.maps import assets

URL = re.compile(r"https?://")


def test_every_default_folium_asset_has_a_shipped_copy_and_licence() -> None:
    table = assets.assets_by_url()
    defaults = dict(folium_map._default_js) | dict(folium_map._default_css)
    assert set(table) == set(defaults.values())
    dropped = [url for url, asset in table.items() if asset is None]
    assert dropped == [defaults["glyphicons_css"]]
    for asset in filter(None, table.values()):
        assert asset.path.is_file(), asset.path
        folder = asset.path.parent if asset.path.parent.parent == assets.WEB_DIR else asset.path.parent.parent
        assert any(folder.glob("LICENSE*")), f"no licence beside {asset.path}"
    sources = (assets.WEB_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for package in (
        "leaflet",
        "jquery",
        "bootstrap",
        "leaflet.awesome-markers",
        "@fortawesome/fontawesome-free",
    ):
        assert f"`{package}`" in sources


def test_a_plain_folium_map_becomes_offline_with_all_its_default_assets() -> None:
    m = folium.Map(tiles=None)
    folium.Marker([32.06, 118.79], icon=folium.Icon(icon="info-sign")).add_to(m)
    page = m.get_root().render()
    assert URL.search(page)
    offline = assets.inline_links(page)
    assert not URL.search(offline)
    assert "<script src=" not in offline and '<link rel="stylesheet"' not in offline
    # jQuery, Bootstrap, awesome-markers and Font Awesome (its fonts as WOFF2 data) are inside.
    assert "jQuery v3.7.1" in offline and "Bootstrap  v5.2.2" in offline
    assert "L.AwesomeMarkers" in offline and "data:font/woff2;base64," in offline
    assert ".fa-rotate-360{" in offline
    # The TrueType fallbacks are left out: Chromium takes the WOFF2.
    assert "data:font/ttf" not in offline


def test_offline_text_keeps_the_svg_namespace_working_without_a_url() -> None:
    leaflet = assets.asset_text(assets.Asset("leaflet", assets.WEB_DIR / "leaflet" / "leaflet.js"))
    assert not URL.search(leaflet)
    assert 'document.createElementNS(("http:/"+"/www.w3.org/2000/svg"),t)' in leaflet
    assert '<a title="A JavaScript library for interactive maps">' in leaflet
    css = assets.asset_text(assets.Asset("bootstrap_css", assets.WEB_DIR / "bootstrap" / "bootstrap.min.css"))
    assert not URL.search(css) and "data:image/svg+xml;base64," in css
