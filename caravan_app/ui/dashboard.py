"""The dashboard: the year's figures that staff report upward, as numbers and charts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QLocale, QMargins, QSize, Qt
from PySide6.QtGui import QCursor, QFont, QFontInfo, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsTextItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.services import dashboard
from caravan_app.services.dashboard import YearFigures
from caravan_app.ui.context import AppContext
from caravan_app.ui.hooks import map_page
from caravan_app.ui.labels import enum_labels
from caravan_app.ui.map_pane import MapPane
from caravan_app.ui.outcomes import fleet_use_text

_log = log.get(log.UI)

# Qt Charts hides a category label that would overlap its neighbour or stick out past the axis, so the
# labels' font shrinks until each fits the room its bar has, to no less than this (pixels)...
SMALLEST_LABEL = 8
# ...with this much room between two labels (pixels; less and Qt hides every other one).
LABEL_GAP = 4.0
# A chart of many categories is never narrower (or, lying down, lower) than this per category, so that
# even the smallest labels fit; the page scrolls on a screen too small for that.
ROOM_PER_CATEGORY = 14


class Tile(QFrame):
    """One headline figure with its caption."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName(f"{name}_value")
        self.value.setStyleSheet("font-size: 22px; font-weight: bold; color: #1f4e79;")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class ChartView(QChartView):
    """A chart that asks for no more than its minimum and takes the room it is given: a graphics view
    asks for its current size, which would keep the figures scrolling once they had scrolled."""

    def sizeHint(self) -> QSize:
        return self.minimumSize().expandedTo(QSize(100, 100))


def _chart_view(name: str) -> QChartView:
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    view = ChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    chart.plotAreaChanged.connect(lambda _area, v=view: fit_category_labels(v))
    return view


def category_axis(view: QChartView) -> QBarCategoryAxis | None:
    return next((a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis)), None)


def fit_category_labels(view: QChartView) -> None:
    """Every category label of the chart shown: the labels' font is the widget's, made smaller where
    the bars have less room than a label takes along the axis."""
    axis = category_axis(view)
    count = axis.count() if axis is not None else 0
    if axis is None or count == 0:
        return
    area = view.chart().plotArea()
    lying = axis.alignment() in (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight)
    room = (area.height() if lying else area.width()) / count
    font = QFont(view.font())
    size = QFontInfo(font).pixelSize()
    font.setPixelSize(size)
    upright = not lying and axis.labelsAngle() == 0  # then a label takes its width along the axis

    def extent(f: QFont) -> float:
        metrics = QFontMetricsF(f)
        if upright:
            return max(metrics.horizontalAdvance(label) for label in axis.categories())
        return metrics.height()

    while size > SMALLEST_LABEL and extent(font) + LABEL_GAP > room:
        size -= 1
        font.setPixelSize(size)
    if axis.labelsFont() != font:
        axis.setLabelsFont(font)


def shown_category_labels(view: QChartView) -> list[str]:
    """The category labels the chart draws (Qt hides those it cannot fit)."""
    axis = category_axis(view)
    categories = set(axis.categories()) if axis is not None else set()
    return sorted(
        item.toPlainText()
        for item in view.scene().items()
        if isinstance(item, QGraphicsTextItem) and item.isVisible() and item.toPlainText() in categories
    )


class DashboardPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_dashboard")
        self.context = context
        self.figures: YearFigures | None = None
        self.year_label = QLabel()
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        self.tiles = {
            name: Tile(name)
            for name in ("events", "visitors", "counties", "key_counties", "km", "days", "fleet_use")
        }
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        self.km_chart = _chart_view("km_chart")
        self.days_chart = _chart_view("days_chart")
        self.condition_chart = _chart_view("condition_chart")
        self.sets_chart = _chart_view("sets_chart")
        self.months_chart = _chart_view("months_chart")
        self.missed = QLabel()
        self.missed.setObjectName("key_counties_missed")
        self.missed.setWordWrap(True)
        self.fleet = QLabel()
        self.fleet.setObjectName("fleet_use")
        self.fleet.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.km_chart, 0, 0)
        grid.addWidget(self.days_chart, 0, 1)
        grid.addWidget(self.months_chart, 1, 0)
        charts_right = QHBoxLayout()
        charts_right.addWidget(self.condition_chart)
        charts_right.addWidget(self.sets_chart)
        grid.addLayout(charts_right, 1, 1)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addLayout(tiles)
        figures_layout.addWidget(self.missed)
        figures_layout.addWidget(self.fleet)
        figures_layout.addLayout(grid, 1)
        # On a small screen the figures scroll rather than hold the window larger than the screen.
        self.figures_area = QScrollArea()
        self.figures_area.setObjectName("figures_area")
        self.figures_area.setWidgetResizable(True)
        self.figures_area.setFrameShape(QFrame.Shape.NoFrame)
        self.figures_area.setWidget(figures)
        self.coverage = MapPane("coverage_map")
        # Where everything is: depots, caravans, venues, and the hall or depot of each museum set today.
        self.inventory = MapPane("inventory_map")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboard_tabs")
        self.tabs.addTab(self.figures_area, "")
        self.tabs.addTab(self.coverage, "")
        self.tabs.addTab(self.inventory, "")
        self.tabs.currentChanged.connect(lambda _i: self._show_maps())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.loaded = False
        context.bus.data_changed.connect(self._data_changed)
        context.bus.database_changed.connect(self._fill_years)
        self.retranslate_ui()

    def showEvent(self, event: Any) -> None:
        if not self.loaded:
            self._fill_years()
        super().showEvent(event)

    def _data_changed(self, _entity: str) -> None:
        if self.loaded:
            self.refresh()

    def _fill_years(self) -> None:
        years = dashboard.event_years(self.context.db)
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(str(y), y)
        self.year.blockSignals(False)
        self.loaded = True
        self.refresh()

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            self.figures = None
            self.missed.setText(self.tr("No events are recorded yet."))
            return
        self.figures = dashboard.year_figures(self.context.db, int(year))
        self._show()
        self._show_maps()

    def _show_maps(self) -> None:
        self._show_coverage()
        self._show_inventory()

    def _show_inventory(self) -> None:
        """The inventory map, made only while its tab is open, afresh each time (sets move, caravans
        change hands)."""
        if self.tabs.currentWidget() is not self.inventory:
            return
        from caravan_app.services.maps import inventory_map

        db = self.context.db
        lang = "zh" if QLocale().name().startswith("zh") else "en"
        path = map_page(db, f"inventory-{lang}.html")
        self.inventory.show_page(
            "inventory", path, lambda out: inventory_map(db, lang=lang, out=out), redraw=True
        )

    def _show_coverage(self) -> None:
        """The coverage map of the year, made only while its tab is open (a web view is costly)."""
        if self.tabs.currentWidget() is not self.coverage or self.year.currentData() is None:
            return
        from caravan_app.services.maps import coverage_map  # folium loads with the first map, not at start

        db, year = self.context.db, int(self.year.currentData())
        lang = "zh" if QLocale().name().startswith("zh") else "en"
        path = map_page(db, f"coverage-{year}-{lang}.html")
        # Drawn afresh each time: the year's events change as the field records come in.
        self.coverage.show_page(
            str(year), path, lambda out: coverage_map(db, year=year, lang=lang, out=out), redraw=True
        )

    def _show(self) -> None:
        f = self.figures
        if f is None:
            return
        self.tiles["events"].value.setText(f"{f.events:,}")
        self.tiles["visitors"].value.setText(f"{f.visitors:,}")
        self.tiles["counties"].value.setText(f"{f.counties_covered} / {f.counties}")
        self.tiles["key_counties"].value.setText(f"{f.key_counties_covered} / {f.key_counties}")
        self.tiles["km"].value.setText(f"{sum(c.km for c in f.caravans):,.0f}")
        self.tiles["days"].value.setText(f"{sum(c.days_on_road for c in f.caravans):,}")
        use = f.utilisation
        self.tiles["fleet_use"].value.setText(f"{use.share:.0%}" if use else "–")
        self.fleet.setText(fleet_use_text(use) if use else "")
        self.missed.setText(
            self.tr("Key counties without a show this year: %1").replace(
                "%1", "、".join(f.key_counties_missed)
            )
            if f.key_counties_missed
            else self.tr("Every key-assistance county had at least one show this year.")
        )
        codes = [c.code for c in f.caravans]
        self._bars(
            self.km_chart, self.tr("Kilometres per caravan"), codes, [c.km for c in f.caravans], "#2e75b6"
        )
        self._bars(
            self.days_chart,
            self.tr("Days on the road per caravan"),
            codes,
            [float(c.days_on_road) for c in f.caravans],
            "#548235",
        )
        months = [str(m) for m in range(1, 13)]
        self._bars(
            self.months_chart,
            self.tr("Visitors per month"),
            months,
            [float(v) for v in f.visitors_by_month],
            "#c55a11",
        )
        grade_labels = enum_labels()["ConditionGrade"]
        pie = QPieSeries()
        colours = {"A": "#70ad47", "B": "#ffc000", "C": "#ed7d31", "D": "#c00000"}
        for grade, count in f.exhibits_by_condition:
            # The letter and count fit beside a narrow pie; what the grade means is in the slice's tooltip.
            piece = pie.append(f"{grade} {count:,}", count)
            hint = f"{grade_labels.get(grade, grade)}: {count:,}"
            piece.hovered.connect(lambda on, text=hint: QToolTip.showText(QCursor.pos(), text if on else ""))
            piece.setColor(colours.get(grade, "#888888"))
        pie.setPieSize(0.9)
        chart = self.condition_chart.chart()
        chart.removeAllSeries()
        chart.addSeries(pie)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setTitle(self.tr("Exhibits by condition"))
        sets = [code for code, _n in f.stops_per_set]
        self._bars(
            self.sets_chart,
            self.tr("Stops per set"),
            sets,
            [float(n) for _c, n in f.stops_per_set],
            "#7030a0",
            horizontal=True,
        )

    def _bars(
        self,
        view: QChartView,
        title: str,
        categories: list[str],
        values: list[float],
        colour: str,
        horizontal: bool = False,
    ) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet(title)
        bars.append(values)
        bars.setColor(colour)
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        chart.setTitle(title)
        categories_axis = QBarCategoryAxis()
        categories_axis.append(categories)
        categories_axis.setTruncateLabels(False)
        values_axis = QValueAxis()
        values_axis.setRange(0, max(values + [1.0]) * 1.05)
        values_axis.applyNiceNumbers()
        values_axis.setLabelFormat("%.0f")
        # Room for the smallest labels: the page scrolls rather than drop a caravan's or a set's label.
        least = ROOM_PER_CATEGORY * len(categories) + 80
        if horizontal:
            chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
            view.setMinimumHeight(max(220, least))
        else:
            categories_axis.setLabelsAngle(-90 if len(categories) > 14 else 0)
            chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
            view.setMinimumWidth(least if len(categories) > 14 else 0)
        series.attachAxis(categories_axis)
        series.attachAxis(values_axis)
        fit_category_labels(view)

    def retranslate_ui(self) -> None:
        self.year_label.setText(self.tr("Year:"))
        self.tabs.setTabText(0, self.tr("Figures"))
        self.tabs.setTabText(1, self.tr("Coverage map"))
        self.tabs.setTabText(2, self.tr("Inventory map"))
        captions = {
            "events": self.tr("Events held"),
            "visitors": self.tr("Visitors"),
            "counties": self.tr("Counties covered"),
            "key_counties": self.tr("Key counties covered"),
            "km": self.tr("Caravan km driven"),
            "days": self.tr("Caravan days on the road"),
            "fleet_use": self.tr("Working days used (shows)"),
        }
        for name, tile in self.tiles.items():
            tile.caption.setText(captions[name])
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
