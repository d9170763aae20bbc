"""Charts for the reports, in the shipped font: bar charts (reportlab.graphics.charts), and change
charts drawn by hand so that their texts never overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from caravan_app.reports.fonts import register_font
from caravan_app.reports.shapes import CJKDrawing, rect

SERIES_COLOURS = (colors.HexColor("#1d5fa7"), colors.HexColor("#e39b3a"), colors.HexColor("#6a9f58"))


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def bar_chart(
    width: float,
    height: float,
    categories: Sequence[str],
    series: Sequence[Sequence[float]],
    *,
    title: str = "",
    series_names: Sequence[str] = (),
    value_format: str = "{:,.0f}",
) -> Drawing:
    """Vertical bars, one group per category and one colour per series, values printed on the bars."""
    font = register_font()
    drawing = CJKDrawing(width, height)
    top_pad = 14 if title else 4
    legend_w = 60 if series_names else 0
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 22
    chart.width = int(width - chart.x - 8 - legend_w)
    chart.height = int(height - chart.y - top_pad - 10)
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5 if len(categories) > 12 else 7.5
    if len(categories) > 16:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_top(max((v for s in series for v in s), default=0) * 1.12)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labelTextFormat = lambda v: value_format.format(v)
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde3e9")
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 1
    chart.groupSpacing = 6 if len(series) > 1 else 3
    chart.barLabelFormat = lambda v: value_format.format(v)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6 if len(categories) * len(series) > 16 else 7
    chart.barLabels.nudge = 6
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if title:
        drawing.add(String(chart.x, height - 10, title, fontName=font, fontSize=8.5))
    if series_names:
        legend = Legend()
        legend.x, legend.y = int(width - legend_w + 4), chart.y + chart.height
        legend.fontName = font
        legend.fontSize = 7
        legend.alignment = "right"
        legend.dx = legend.dy = 7
        legend.deltay = 10
        legend.colorNamePairs = [
            (SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, name in enumerate(series_names)
        ]
        drawing.add(legend)
    return drawing


# Changes: a decrease and an increase, whatever the measure.
DECREASE_COLOUR = colors.HexColor("#d9822b")
INCREASE_COLOUR = colors.HexColor("#1d5fa7")
ROW_SHADE = colors.HexColor("#f1f4f7")
AXIS_COLOUR = colors.HexColor("#5b6b7b")


@dataclass(frozen=True)
class ChangePanel:
    """One measure of a change chart: its title, the change per row, and how a change is written."""

    title: str
    changes: Sequence[float]
    value_format: str = "{:+,.0f}"

    def text(self, value: float) -> str:
        return "0" if value == 0 else self.value_format.format(value)


def _fit(text: str, font: str, size: float, room: float, smallest: float) -> tuple[str, float]:
    """`text` at the largest size down to `smallest` that fits in `room` points, else cut with '…'."""
    while size > smallest and stringWidth(text, font, size) > room:
        size -= 0.5
    if stringWidth(text, font, size) <= room:
        return text, size
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…", size


def change_chart(
    width: float,
    labels: Sequence[str],
    panels: Sequence[ChangePanel],
    *,
    font_size: float = 7.0,
    row_height: float = 12.0,
) -> Drawing:
    """Horizontal bars of a change (after − before) per row, one panel per measure side by side.

    Rows are named once on the left; each panel has its own zero line and scale, and each bar its
    value written beyond its end. Every text is laid out in room kept for it (the label column, a
    panel's margins sized to its widest value), so no two texts overlap however many rows there are
    or however long their names: names that do not fit are set smaller, then cut.
    """
    font = register_font()
    title_size = font_size + 0.5
    header = title_size + 8
    height = header + row_height * len(labels) + 2
    drawing = CJKDrawing(width, height)
    widest = max((stringWidth(label, font, font_size) for label in labels), default=0)
    label_room = min(widest + 6, width * 0.3)
    panel_width = (width - label_room) / max(len(panels), 1)
    gap, pad = 2.0, 4.0
    for row, label in enumerate(labels):
        y = height - header - row_height * (row + 1)
        if row % 2 == 0:
            drawing.add(rect(0, y, width, row_height, fill=ROW_SHADE, stroke=None))
        text, size = _fit(label, font, font_size, label_room - 4, font_size - 1.5)
        drawing.add(String(2, y + (row_height - size) / 2 + 1, text, fontName=font, fontSize=size))
    for p, panel in enumerate(panels):
        left = label_room + p * panel_width
        title, size = _fit(panel.title, font, title_size, panel_width - 2 * pad, font_size - 1)
        drawing.add(
            String(
                left + panel_width / 2,
                height - title_size - 2,
                title,
                fontName=font,
                fontSize=size,
                textAnchor="middle",
            )
        )
        texts = [panel.text(v) for v in panel.changes]
        value_size = font_size - 0.5
        below = [stringWidth(t, font, value_size) for v, t in zip(panel.changes, texts, strict=True) if v < 0]
        above = [
            stringWidth(t, font, value_size) for v, t in zip(panel.changes, texts, strict=True) if v >= 0
        ]
        left_room = max(below, default=0) + gap if below else 0
        right_room = max(above, default=0) + gap
        most_down = max((-v for v in panel.changes if v < 0), default=0.0)
        most_up = max((v for v in panel.changes if v > 0), default=0.0)
        bar_room = max(panel_width - 2 * pad - left_room - right_room, 1.0)
        scale = bar_room / (most_down + most_up) if most_down + most_up else 0.0
        zero = left + pad + left_room + most_down * scale
        top = height - header
        drawing.add(
            Line(zero, top, zero, top - row_height * len(labels), strokeColor=AXIS_COLOUR, strokeWidth=0.6)
        )
        for row, (value, text) in enumerate(zip(panel.changes, texts, strict=True)):
            y = top - row_height * (row + 1)
            bar_y, bar_h = y + 2.5, row_height - 5
            text_y = y + (row_height - value_size) / 2 + 1
            length = abs(value) * scale
            if value < 0:
                drawing.add(rect(zero - length, bar_y, length, bar_h, fill=DECREASE_COLOUR, stroke=None))
                drawing.add(
                    String(
                        zero - length - gap,
                        text_y,
                        text,
                        fontName=font,
                        fontSize=value_size,
                        textAnchor="end",
                    )
                )
            else:
                if length:
                    drawing.add(rect(zero, bar_y, length, bar_h, fill=INCREASE_COLOUR, stroke=None))
                drawing.add(String(zero + length + gap, text_y, text, fontName=font, fontSize=value_size))
        if p:
            drawing.add(Line(left, 0, left, height, strokeColor=colors.HexColor("#dde3e9"), strokeWidth=0.5))
    return drawing
