"""What every printed document shares: paragraph styles, tables that split across pages, and pages that
carry the plan's name, the print date and "page N of M".

Page numbers need the page count, which is known only once the story is laid out, so the canvas keeps
every page and draws the running header and footer when it saves. A document made of sections (the
route sheets of a plan, one per trip) numbers the pages of each section on their own, so a crew's
sheets read "page 1 of 3" whatever else was printed with them.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from fontTools.pens.basePen import BasePen
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from caravan_app.reports.fonts import FONT_FILE, register_font
from caravan_app.reports.shapes import CJKDrawing
from caravan_app.reports.texts import Texts

MARGIN = 15 * mm
HEADER_GAP = 9 * mm  # between the running header line and the frame
INK = colors.HexColor("#1f2d3d")
MUTED = colors.HexColor("#5b6b7b")
RULE = colors.HexColor("#9aa7b4")
HEAD_FILL = colors.HexColor("#e3e9ef")
BAND_FILL = colors.HexColor("#f4f6f8")
ACCENT = colors.HexColor("#1d5fa7")
CELL_FONT_SIZE = 8
CELL_PADDING = 3


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle


@cache
def styles() -> Styles:
    font = register_font()

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        # CJK wrapping breaks between any two Chinese characters; without it a long venue
        # name or address has no space to break at and runs out of its cell.
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, wordWrap="CJK", **kw)

    return Styles(
        title=style("title", 16, spaceAfter=2 * mm, textColor=ACCENT),
        heading=style("heading", 11.5, spaceBefore=4 * mm, spaceAfter=2 * mm, textColor=ACCENT),
        body=style("body", 9, spaceAfter=1.5 * mm),
        small=style("small", 7.5, textColor=MUTED),
        small_center=style("small_center", 7.5, textColor=MUTED, alignment=TA_CENTER),
        cell=style("cell", 8),
        cell_head=style("cell_head", 8, textColor=INK),
        cell_right=style("cell_right", 8, alignment=TA_RIGHT),
        cell_center=style("cell_center", 8, alignment=TA_CENTER),
    )


def qr_code(value: str, size: float, border: int = 3) -> Drawing:
    """A QR code of `value`, `size` points square, quiet zone of `border` modules included."""
    drawing = CJKDrawing(size, size)
    drawing.add(QrCodeWidget(value, barWidth=size, barHeight=size, barBorder=border, barLevel="M"))
    return drawing


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped: names may hold & or <)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style or styles().body)


def markup(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of reportlab markup the caller built (and escaped) itself."""
    return Paragraph(text, style or styles().body)


# A table cell: text (wrapped into a paragraph), a flowable, a list of flowables or nothing.
Cell = Any


class Raw(str):
    """Cell text set as it is, on one line: codes, times, numbers. Much cheaper than a paragraph,
    which matters in a term's route sheets (tens of thousands of cells); it keeps its spaces too."""


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    align: str = "",
    extra: Sequence[tuple[Any, ...]] = (),
    banded: bool = True,
    min_row_height: float | None = None,
) -> LongTable:
    """A table whose header row repeats on every page it spans; text cells wrap (CJK-aware).

    `align` gives each column's alignment as a letter (l, r, c); strings become paragraphs of
    the matching style, other cells (drawings, nested tables) go in as they are.
    """
    s = styles()
    by_letter = {"l": s.cell, "r": s.cell_right, "c": s.cell_center}
    aligns = (align or "l" * len(widths)).ljust(len(widths), "l")

    font = register_font()
    room = [w - 2 * CELL_PADDING for w in widths]

    def cell(value: Cell, column: int) -> Cell:
        if isinstance(value, str) and not isinstance(value, Raw):
            # Text that fits on one line needs no paragraph (they cost a parse each, and a term's
            # route sheets have tens of thousands of cells).
            if "\n" not in value and stringWidth(value, font, CELL_FONT_SIZE) <= room[column]:
                return Raw(value)
            return para(value, by_letter[aligns[column]])
        return value

    data: list[list[Cell]] = [[cell(h, i) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, CELL_FONT_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if banded and len(data) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, BAND_FILL]))
    sides = {"r": "RIGHT", "c": "CENTER"}
    commands += [("ALIGN", (i, 0), (i, -1), sides[a]) for i, a in enumerate(aligns) if a in sides]
    commands += extra
    heights = None
    if min_row_height is not None:
        heights = [None] + [min_row_height] * len(rows)
    return LongTable(
        data,
        colWidths=list(widths),
        rowHeights=heights,
        repeatRows=1,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


def layout_table(
    rows: Sequence[Sequence[Cell]], widths: Sequence[float], commands: Sequence[tuple[Any, ...]]
) -> Table:
    """A table that only lays things out (no header, no split); plain string cells use the shipped font."""
    return Table(
        [list(row) for row in rows],
        hAlign="LEFT",
        colWidths=list(widths),
        style=TableStyle([("FONT", (0, 0), (-1, -1), register_font(), 8), *commands]),
    )


class SectionStart(Flowable):
    """Marks where a section (one trip's sheets) begins; the pages after it count as that section."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__()
        self.key = key
        self.label = label
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas: Any = self.canv
        canvas.caravan_section = (self.key, self.label)


@dataclass(frozen=True)
class PageInfo:
    number: int  # within the section (the whole document when it has none)
    count: int
    section_label: str


# Plan statuses whose documents may be handed out; any other (a draft) prints with the draft mark.
HANDED_OUT = ("approved", "published")


def is_draft(status: str) -> bool:
    return status not in HANDED_OUT


@dataclass(frozen=True)
class Running:
    """What the running header and footer say."""

    title: str  # the document, e.g. 科普大篷车行程单
    plan_name: str  # or the scenario's name; empty leaves it out
    printed_on: date
    texts: Texts
    label: str = "plan"  # the text key naming what `plan_name` is: a plan, or the horizon it covers
    # A plan not approved: every page says so, above the header and across the page, so a sheet
    # handed out by mistake is not taken for the plan in force.
    draft: bool = False


def _draw_running(canvas: Canvas, running: Running, page: PageInfo, pagesize: tuple[float, float]) -> None:
    width, height = pagesize
    font = register_font()
    t = running.texts
    top = height - MARGIN + 2 * mm
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setFont(font, 8)
    label = t(running.label)
    left = f"{label}：{running.plan_name}" if t.lang == "zh" else f"{label}: {running.plan_name}"
    canvas.drawString(MARGIN, top, left if running.plan_name else running.title)
    right = running.title + (f"  ·  {page.section_label}" if page.section_label else "")
    canvas.drawRightString(width - MARGIN, top, right)
    canvas.line(MARGIN, top - 1.5 * mm, width - MARGIN, top - 1.5 * mm)
    bottom = MARGIN - 7 * mm
    canvas.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
    canvas.drawString(MARGIN, bottom, t("printed_on", date=running.printed_on.isoformat()))
    canvas.drawRightString(width - MARGIN, bottom, t("page_of", n=page.number, m=page.count))
    canvas.restoreState()
    if running.draft:
        _draw_draft(canvas, t, pagesize)


DRAFT_INK = colors.HexColor("#c0392b")
FILL_NON_ZERO = 1  # reportlab.pdfgen.canvas.FILL_NON_ZERO, which its type stubs lack


class _OutlinePen(BasePen):  # type: ignore[misc]  # fontTools has no type hints
    """A glyph's outline drawn into a reportlab path, scaled and moved (quadratic curves become
    cubic ones in BasePen)."""

    def __init__(self, glyphs: Any, path: Any, scale: float, dx: float) -> None:
        super().__init__(glyphs)  # composite glyphs draw their parts from it
        self.path, self.scale, self.dx = path, scale, dx

    def _xy(self, point: tuple[float, float]) -> tuple[float, float]:
        return self.dx + point[0] * self.scale, point[1] * self.scale

    def _moveTo(self, p: tuple[float, float]) -> None:
        self.path.moveTo(*self._xy(p))

    def _lineTo(self, p: tuple[float, float]) -> None:
        self.path.lineTo(*self._xy(p))

    def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]) -> None:
        self.path.curveTo(*self._xy(p1), *self._xy(p2), *self._xy(p3))

    def _closePath(self) -> None:
        self.path.close()


@cache
def _font_file() -> Any:
    from fontTools.ttLib import TTFont

    # From bytes: a TTFont read lazily from a path keeps the file open for the life of the process.
    return TTFont(io.BytesIO(FONT_FILE.read_bytes()), lazy=True)


def _draw_word_outline(canvas: Canvas, word: str, size: float) -> None:
    """`word` centred on the origin as filled outlines, not text: the draft mark across a page is
    for the eye, and as text it would break into the words a reader (or pdftotext) takes from the page."""
    font = _font_file()
    scale = size / font["head"].unitsPerEm
    cmap, glyphs, metrics = font.getBestCmap(), font.getGlyphSet(), font["hmtx"]
    names = [cmap.get(ord(ch), ".notdef") for ch in word]
    width = sum(metrics[name][0] for name in names) * scale
    path = canvas.beginPath()
    x = -width / 2
    for name in names:
        glyphs[name].draw(_OutlinePen(glyphs, path, scale, x))
        x += metrics[name][0] * scale
    canvas.translate(0, -size * 0.35)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)  # TrueType's winding rule


def _draw_draft(canvas: Canvas, t: Texts, pagesize: tuple[float, float]) -> None:
    """The draft mark: a line in red above the running header, and a large word across the page,
    light enough to read the page through it."""
    width, height = pagesize
    font = register_font()
    canvas.saveState()
    canvas.setFillColor(DRAFT_INK)
    canvas.setFont(font, 9)
    canvas.drawCentredString(width / 2, height - MARGIN + 6.5 * mm, t("draft_mark"))
    canvas.setFillAlpha(0.12)
    word = t("draft_watermark")
    size = min(150.0, 0.75 * min(width, height) / max(1.0, stringWidth(word, font, 1)))
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    _draw_word_outline(canvas, word, size)
    canvas.restoreState()


def _canvas_maker(running: Running, pagesize: tuple[float, float]) -> Callable[..., Canvas]:
    class RunningCanvas(Canvas):
        """Holds back every page until the count is known, then draws header and footer on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.caravan_section: tuple[str, str] = ("", "")
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            # reportlab's own way to begin a fresh page without emitting one (the stubs omit it).
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            counts = Counter(state["caravan_section"][0] for state in self._held)
            seen: Counter[str] = Counter()
            for state in self._held:
                self.__dict__.update(state)
                key, label = state["caravan_section"]
                seen[key] += 1
                _draw_running(self, running, PageInfo(seen[key], counts[key], label), pagesize)
                super().showPage()
            super().save()

    return RunningCanvas


def render(
    story: list[Flowable],
    running: Running,
    *,
    pagesize: tuple[float, float] = A4,
    author: str = "caravan_app",
) -> bytes:
    """The story laid out on pages with the running header and footer, as PDF bytes."""
    register_font()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP - 4 * mm,
        bottomMargin=MARGIN,
        title=f"{running.title} {running.plan_name}".strip(),
        author=author,
        creator="caravan_app",
        invariant=False,
        # Else every page's preamble names Helvetica, a font the PDF would reference but not embed.
        initialFontName=register_font(),
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_maker(running, pagesize))
    return out.getvalue()
