"""Drawing helpers: drawings that start in the shipped font, and rectangles styled in one call."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.colors import Color

from caravan_app.reports.fonts import register_font


class CJKDrawing(Drawing):
    """A Drawing whose renderer starts in the shipped font.

    A plain Drawing starts in Helvetica, which puts an unembedded standard font into the PDF even
    when no text of the drawing uses it.
    """

    def __init__(self, width: float, height: float, *nodes: Any, **kw: Any) -> None:
        kw.setdefault("initialFontName", register_font())
        super().__init__(width, height, *nodes, **kw)


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    fill: Color | None = None,
    stroke: Color | None = None,
    width: float = 1.0,
    opacity: float | None = None,
) -> Rect:
    """A rectangle with its fill and outline (None: none)."""
    shape = Rect(x, y, w, h)
    shape.fillColor = fill
    shape.strokeColor = stroke
    shape.strokeWidth = width
    if opacity is not None:
        shape.fillOpacity = opacity
    return shape
