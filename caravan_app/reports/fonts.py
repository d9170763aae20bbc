"""The shipped CJK TrueType font, registered once with reportlab so every PDF embeds (a subset of) it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from caravan_app.settings import RESOURCES_DIR

FONT_FILE = RESOURCES_DIR / "fonts" / "wqy-microhei-gb2312.ttf"
FONT = "WenQuanYiMicroHei"


@cache
def register_font(path: Path = FONT_FILE) -> str:
    """The font's reportlab name, after registering it (once per process: parsing it takes a while).

    The font has no bold or italic face, so <b> and <i> in paragraphs map to the same face
    instead of failing; headings stand out by size and colour.
    """
    pdfmetrics.registerFont(TTFont(FONT, str(path)))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return FONT
