"""Bar charts for the reports (reportlab.graphics.charts), in the shipped font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from caravan_app.reports.fonts import register_font
from caravan_app.reports.shapes import CJKDrawing

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
