"""The timeline of a tour plan: one row per caravan, one column per day, a bar per trip with a
block per show (key counties in orange, locked visits outlined)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from caravan_app.services.tour_plans import StopRow, TourPlanDetail

LEFT = 64
TOP = 34
ROW = 20
LEGEND = 26
# Days are drawn wider on short horizons, so a fortnight does not shrink to a strip.
MIN_DAY, MAX_DAY, TARGET_WIDTH = 14, 36, 400


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.detail: TourPlanDetail | None = None
        self.days: list[date] = []
        self.rows: list[str] = []
        self._blocks: list[tuple[QRect, StopRow, str]] = []
        self.setMouseTracking(True)
        self.empty_text = ""
        self.legend: tuple[str, str, str, str] = ("", "", "", "")  # on the road, show, key county, locked
        self.day = MIN_DAY

    def set_plan(self, detail: TourPlanDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.days, self.rows = [], []
        else:
            start, end = detail.plan.start, detail.plan.end
            self.days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
            self.rows = list(detail.caravans)
        self.day = max(MIN_DAY, min(MAX_DAY, TARGET_WIDTH // max(len(self.days), 1)))
        self._blocks = self._layout_blocks()
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def sizeHint(self) -> QSize:
        width = LEFT + self.day * max(len(self.days), 1) + 10
        return QSize(max(width, 420), TOP + ROW * max(len(self.rows), 3) + LEGEND + 10)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _x(self, day: date) -> int:
        return LEFT + (day - self.days[0]).days * self.day

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.detail is None or not self.days:
            painter.setPen(QColor("#666666"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 2, 6))
        painter.setFont(small)
        height = TOP + ROW * len(self.rows)
        # weekends shaded, Mondays labelled
        for day in self.days:
            x = self._x(day)
            if day.isoweekday() >= 6:
                painter.fillRect(QRect(x, TOP, self.day, height - TOP), QColor("#f0f0f0"))
            if day.isoweekday() == 1 or day == self.days[0]:
                painter.setPen(QColor("#999999"))
                painter.drawLine(x, TOP - 4, x, height)
                painter.setPen(QColor("#333333"))
                painter.drawText(QPoint(x + 2, TOP - 20), day.strftime("%m-%d"))
            if day.day == 1 or day == self.days[0]:
                painter.setPen(QColor("#1f4e79"))
                painter.drawText(QPoint(x + 2, TOP - 7), day.strftime("%Y-%m"))
        row_of = {code: i for i, code in enumerate(self.rows)}
        painter.setPen(QColor("#333333"))
        for code, i in row_of.items():
            y = TOP + i * ROW
            painter.drawText(QRect(4, y, LEFT - 8, ROW), Qt.AlignmentFlag.AlignVCenter, code)
            painter.setPen(QColor("#e4e4e4"))
            painter.drawLine(LEFT, y + ROW, LEFT + self.day * len(self.days), y + ROW)
            painter.setPen(QColor("#333333"))
        row_bar: dict[str, list[QRect]] = {}
        for trip in self.detail.trips:
            row = row_of.get(trip.caravan_code)
            if row is None:
                continue
            y = TOP + row * ROW
            x0 = self._x(trip.leave_at.date())
            x1 = self._x(trip.back_at.date()) + self.day
            row_bar.setdefault(trip.caravan_code, []).append(QRect(x0, y + 7, x1 - x0, 6))
        for bars in row_bar.values():
            for bar in bars:
                painter.fillRect(bar, QColor("#9dc3e6"))
        for block, stop, _caravan in self._blocks:
            painter.fillRect(block, QColor("#ed7d31") if stop.key_county else QColor("#2e75b6"))
            if stop.locked:
                painter.setPen(QPen(QColor("#000000"), 2))
                painter.drawRect(block)
                painter.setPen(QColor("#333333"))
        self._draw_legend(painter, TOP + ROW * len(self.rows) + 8)
        painter.end()

    def _layout_blocks(self) -> list[tuple[QRect, StopRow, str]]:
        """Where each show is drawn: one block per stop, in its caravan's row on its day."""
        if self.detail is None or not self.days:
            return []
        row_of = {code: i for i, code in enumerate(self.rows)}
        blocks = []
        for trip in self.detail.trips:
            i = row_of.get(trip.caravan_code)
            if i is None:
                continue
            y = TOP + i * ROW
            for stop in trip.stops:
                x = self._x(stop.show_start.date())
                blocks.append((QRect(x + 1, y + 3, self.day - 2, ROW - 6), stop, trip.caravan_code))
        return blocks

    def _draw_legend(self, painter: QPainter, y: int) -> None:
        x = LEFT
        on_road, show, key, locked = self.legend
        for colour, text, outlined, thin in (
            ("#9dc3e6", on_road, False, True),
            ("#2e75b6", show, False, False),
            ("#ed7d31", key, False, False),
            ("#2e75b6", locked, True, False),
        ):
            box = QRect(x, y + (5 if thin else 2), 14, 6 if thin else 12)
            painter.fillRect(box, QColor(colour))
            if outlined:
                painter.setPen(QPen(QColor("#000000"), 2))
                painter.drawRect(box)
            painter.setPen(QColor("#333333"))
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.drawText(QPoint(x + 18, y + 12), text)
            x += 18 + width + 16

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        for rect, stop, caravan in self._blocks:
            if rect.contains(point):
                text = (
                    f"{caravan} · {stop.show_start:%Y-%m-%d %H:%M}–{stop.show_end:%H:%M}\n"
                    f"{stop.venue_name} ({stop.county})\n{stop.request_code}"
                )
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
                return
        QToolTip.hideText()

    def block_count(self) -> int:
        return len(self._blocks)

    def stops_drawn(self) -> list[Any]:
        return [stop for _rect, stop, _caravan in self._blocks]
