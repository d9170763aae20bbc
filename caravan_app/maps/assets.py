"""The map's scripts, stylesheets, images and font, read from resources/web and put inside the HTML.

A saved map must open anywhere with no network: on a laptop at an exhibition site, or from a copy
mailed to a crew. Links to files beside the HTML break as soon as it is copied alone, and branca's
download mode breaks the relative url() inside stylesheets, so every asset is inlined: scripts and
stylesheets as text, the images and fonts they use as data: URIs, and the Chinese font subset to
the characters the map shows (a few hundred kB instead of the 1.3 MB of the shipped TTF).

The copies in resources/web are kept exactly as published; the changes that make them offline
(their own web addresses taken out of licence banners and Leaflet's attribution link, XML
namespace names split so that no "http://" text remains) are made here, when inlining.
"""

from __future__ import annotations

import base64
import io
import mimetypes
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from folium import folium as folium_map

from caravan_app.errors import CaravanError
from caravan_app.settings import RESOURCES_DIR

WEB_DIR = RESOURCES_DIR / "web"
FONT_FILE = RESOURCES_DIR / "fonts" / "wqy-microhei-gb2312.ttf"
FONT_FAMILY = "Caravan CJK"
OWN_CSS = WEB_DIR / "caravan" / "map.css"
OWN_JS = WEB_DIR / "caravan" / "map.js"

# folium's names for its default assets -> the local copy (relative to resources/web).
# Bootstrap 3's glyphicons stylesheet is not on the npm registry; it only serves folium.Icon with
# prefix="glyphicon", which the maps do not use, so its link is dropped (None).
LOCAL_COPIES: dict[str, str | None] = {
    "leaflet": "leaflet/leaflet.js",
    "jquery": "jquery/jquery.min.js",
    "bootstrap": "bootstrap/bootstrap.bundle.min.js",
    "awesome_markers": "awesome-markers/leaflet.awesome-markers.min.js",
    "leaflet_css": "leaflet/leaflet.css",
    "bootstrap_css": "bootstrap/bootstrap.min.css",
    "glyphicons_css": None,
    "awesome_markers_font_css": "fontawesome/css/all.min.css",
    "awesome_markers_css": "awesome-markers/leaflet.awesome-markers.css",
    "awesome_rotate_css": "folium/leaflet.awesome.rotate.min.css",
}

_SVG_NS = "http://www.w3.org/2000/svg"
# In script text the namespace is a string literal; split it so no "http://" is left in the file.
_SVG_NS_SPLIT = '("http:/"+"/www.w3.org/2000/svg")'
_URL = re.compile(r"https?://")


class MapAssetError(CaravanError):
    """A map would need something from the network, or a shipped asset is missing."""


@dataclass(frozen=True)
class Asset:
    name: str
    path: Path

    @property
    def is_css(self) -> bool:
        return self.path.suffix == ".css"


def _folium_urls() -> dict[str, str]:
    return dict(folium_map._default_js) | dict(folium_map._default_css)


@cache
def assets_by_url() -> dict[str, Asset | None]:
    """Every CDN address folium links to by default -> the shipped copy (None: dropped on purpose)."""
    table: dict[str, Asset | None] = {}
    for name, url in _folium_urls().items():
        if name not in LOCAL_COPIES:
            raise MapAssetError(f"folium links to {url} ({name}) and no local copy is named for it")
        local = LOCAL_COPIES[name]
        table[url] = Asset(name, WEB_DIR / local) if local else None
    return table


def folium_url(name: str) -> str:
    return _folium_urls()[name]


def data_uri(path: Path) -> str:
    if not path.is_file():
        raise MapAssetError(f"a map asset is missing: {path}")
    kind = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf"}.get(path.suffix)
    kind = kind or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
# A font listed as WOFF2 and TrueType: the browser takes the WOFF2, so the TTF is not inlined.
_TTF_FALLBACK = re.compile(r""",\s*url\(\s*['"]?[^'")]+\.ttf['"]?\s*\)\s*format\(\s*['"]truetype['"]\s*\)""")
_SVG_DATA = re.compile(r"""url\(\s*(['"])data:image/svg\+xml,(.*?)\1\s*\)""")


def _svg_as_base64(match: re.Match[str]) -> str:
    from urllib.parse import unquote

    svg = unquote(match.group(2))
    return f'url("data:image/svg+xml;base64,{base64.b64encode(svg.encode("utf-8")).decode("ascii")}")'


def inline_css(css: str, base: Path) -> str:
    """A stylesheet with every relative url() turned into a data: URI of the file it names."""
    css = _TTF_FALLBACK.sub("", css)
    # SVG images written as text carry their namespace; as base64 they work the same.
    css = _SVG_DATA.sub(_svg_as_base64, css)

    def embed(match: re.Match[str]) -> str:
        target = match.group(2).strip()
        if target.startswith(("data:", "#")):
            return match.group(0)
        if _URL.match(target):
            raise MapAssetError(f"a stylesheet in {base} loads {target} from the network")
        return f'url("{data_uri((base / target.split("?")[0].split("#")[0]).resolve())}")'

    return _CSS_URL.sub(embed, css)


def offline_text(text: str) -> str:
    """Script or stylesheet text with no "http://" or "https://" left (see the module docstring)."""
    # Leaflet's attribution prefix links to its home page; the name stays, the link goes.
    text = text.replace('<a href="https://leafletjs.com" title=', "<a title=")
    # An SVG written into HTML needs no namespace attribute.
    text = text.replace(f'xmlns="{_SVG_NS}" ', "")
    text = text.replace(f'"{_SVG_NS}"', _SVG_NS_SPLIT)
    # What is left are home pages and licence links in comments and messages: keep the address
    # readable, without the scheme that would make it a network reference.
    return _URL.sub("", text)


def asset_text(asset: Asset) -> str:
    if not asset.path.is_file():
        raise MapAssetError(f"a map asset is missing: {asset.path}")
    text = asset.path.read_text(encoding="utf-8")
    if asset.is_css:
        text = inline_css(text, asset.path.parent)
    return offline_text(text)


def _safe_in_tag(text: str, tag: str) -> str:
    # A literal closing tag inside inlined text would end the element early.
    return re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)


def style_block(css: str) -> str:
    return f"<style>\n{_safe_in_tag(css, 'style')}\n</style>"


def script_block(js: str) -> str:
    return f"<script>\n{_safe_in_tag(js, 'script')}\n</script>"


_SCRIPT_LINK = re.compile(r'<script src="([^"]+)"></script>')
_CSS_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"\s*/>')


def inline_links(html: str) -> str:
    """The page with each linked CDN script and stylesheet replaced by its shipped copy, inline."""
    table = assets_by_url()

    def replace(match: re.Match[str]) -> str:
        url = match.group(1)
        if url not in table:
            raise MapAssetError(f"the map links to {url}, which is not shipped in {WEB_DIR}")
        asset = table[url]
        if asset is None:
            return ""
        text = asset_text(asset)
        return style_block(text) if asset.is_css else script_block(text)

    html = _SCRIPT_LINK.sub(replace, html)
    return _CSS_LINK.sub(replace, html)


def font_face(text: str) -> str:
    """An @font-face rule with the shipped CJK font cut down to the characters in `text` (WOFF)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    if not FONT_FILE.is_file():
        raise MapAssetError(f"the map font is missing: {FONT_FILE}")
    wanted = {c for c in text if ord(c) > 0x7F} | {chr(c) for c in range(0x20, 0x7F)}
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13]  # keep the copyright and licence names
    font = TTFont(str(FONT_FILE))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(wanted)))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    font.close()
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: normal; font-weight: normal; '
        f'src: url("data:font/woff;base64,{encoded}") format("woff"); }}'
    )


def own_css() -> str:
    return offline_text(OWN_CSS.read_text(encoding="utf-8"))


def own_js() -> str:
    return offline_text(OWN_JS.read_text(encoding="utf-8"))


def network_references(html: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Every http:// or https:// in the text (with what follows), less the addresses allowed."""
    found = []
    for match in _URL.finditer(html):
        tail = html[match.start() : match.start() + 120]
        if not any(tail.startswith(a) for a in allowed):
            found.append(tail.split('"')[0].split("'")[0].split()[0])
    return found
