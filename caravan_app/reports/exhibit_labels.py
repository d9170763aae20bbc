"""Exhibit labels: A4 sheets of 3 x 8 labels of 70 x 37 mm (the common 24-up label stock), each with a
QR code of the exhibit's code, the code and the name.

Labels go to the edge of the sheet, so there is no running header; a faint outline helps when they
are printed on plain paper and cut by hand.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from caravan_app.domain.views import ExhibitView
from caravan_app.errors import CaravanError
from caravan_app.reports.document import INK, MUTED, RULE, qr_code
from caravan_app.reports.fonts import register_font
from caravan_app.reports.texts import Texts


@dataclass(frozen=True)
class LabelSheet:
    """Where the labels sit on an A4 sheet."""

    columns: int = 3
    rows: int = 8
    width: float = 70 * mm
    height: float = 37 * mm
    left: float = 0.0
    top: float = 0.5 * mm  # (297 - 8 x 37) / 2

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


LABELS_3X8 = LabelSheet()
PAD = 3 * mm


def exhibit_labels(
    exhibits: Sequence[ExhibitView], lang: str = "zh", sheet: LabelSheet = LABELS_3X8
) -> bytes:
    """Label sheets for the exhibits, in the order given."""
    t = Texts(lang)
    if not exhibits:
        raise CaravanError("no exhibits to label")
    font = register_font()
    out = io.BytesIO()
    # Else the page preamble names Helvetica, unembedded. (The stubs type the argument wrongly.)
    canvas = Canvas(out, pagesize=A4, pageCompression=1, initialFontName=font)  # type: ignore[arg-type]
    canvas.setTitle(t("labels"))
    canvas.setCreator("caravan_app")
    code_style = ParagraphStyle("code", fontName=font, fontSize=11, leading=13, textColor=INK)
    name_style = ParagraphStyle(
        "name", fontName=font, fontSize=8.5, leading=10.5, wordWrap="CJK", textColor=INK
    )
    theme_style = ParagraphStyle(
        "theme", fontName=font, fontSize=7, leading=8.5, wordWrap="CJK", textColor=MUTED
    )
    page_height = A4[1]
    qr_size = sheet.height - 2 * PAD + 2 * mm
    for index, exhibit in enumerate(exhibits):
        slot = index % sheet.per_page
        if index and slot == 0:
            canvas.showPage()
        row, column = divmod(slot, sheet.columns)
        x = sheet.left + column * sheet.width
        y = page_height - sheet.top - (row + 1) * sheet.height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.setDash(1, 2)
        canvas.rect(x, y, sheet.width, sheet.height)
        canvas.setDash()
        renderPDF.draw(
            qr_code(exhibit.code, qr_size, border=2),
            canvas,
            x + PAD - 1 * mm,
            y + (sheet.height - qr_size) / 2,
        )
        text_x = x + PAD + qr_size
        text_w = sheet.width - (text_x - x) - PAD
        top = y + sheet.height - PAD - 1 * mm
        for text, style, max_h in (
            (exhibit.code, code_style, 13.0),
            (exhibit.name, name_style, 3 * 10.5),
            (t("label_theme", theme=exhibit.theme) if exhibit.theme else "", theme_style, 2 * 8.5),
        ):
            if not text:
                continue
            p = Paragraph(escape(text), style)
            _, h = p.wrap(text_w, max_h)
            if h > max_h:  # a very long name: shrink rather than overrun the label
                p = Paragraph(
                    escape(text),
                    ParagraphStyle(
                        "fit", parent=style, fontSize=style.fontSize * 0.8, leading=style.leading * 0.8
                    ),
                )
                _, h = p.wrap(text_w, max_h)
            p.drawOn(canvas, text_x, top - h)
            top -= h + 1.5 * mm
    canvas.showPage()
    canvas.save()
    return out.getvalue()
