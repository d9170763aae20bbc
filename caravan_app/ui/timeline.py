"""The timeline of a tour plan: one row per caravan, one column per day, a bar per trip with a
block per show (key counties in orange, locked visits outlined).

It shows what the planner's filter lets through, lights up the trip and stop selected anywhere in
the planner, says which show was clicked (a double click: its whole trip; a click on the trip's bar
between shows: the trip), and lets a show be dragged to another caravan
and day: while a visit is dragged, the caravans and days it fits on are tinted, and a drop says
where the visit was dropped; the page decides whether to move it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from caravan_app.services.tour_plans import StopRow, TourPlanDetail, TripRow
from caravan_app.ui.plan_filter import PlanFilter

LEFT = 64
TOP = 34
ROW = 20
LEGEND = 26
# Days are drawn wider on short horizons, so a fortnight does not shrink to a strip.
MIN_DAY, MAX_DAY, TARGET_WIDTH = 14, 36, 400
# What a dragged visit carries: its request's code.
VISIT_MIME = "application/x-caravan-visit"


class TimelineWidget(QWidget):
    picked = Signal(str, str)  # trip code, request code ("" for the trip as a whole)
    drag_started = Signal(str)  # the request whose visit is being dragged
    dropped = Signal(str, str, object)  # request, caravan, first show day (a date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.detail: TourPlanDetail | None = None
        self.filter = PlanFilter()
        self.city_of_venue: dict[str, str] = {}
        self.days: list[date] = []
        self.rows: list[str] = []
        self._blocks: list[tuple[QRect, StopRow, TripRow]] = []
        self._bars: list[tuple[QRect, TripRow]] = []
        self.selected_trip = ""
        self.selected_request = ""
        self.fits: set[tuple[str, date]] = set()  # where the dragged visit fits, once known
        self.dragging = ""  # the request being dragged over the timeline
        self.drop_cell: tuple[str, date] | None = None
        self._press: QPoint | None = None
        self._press_stop: tuple[StopRow, TripRow] | None = None
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.empty_text = ""
        self.legend: tuple[str, str, str, str] = ("", "", "", "")  # on the road, show, key county, locked
        self.day = MIN_DAY

    # --- what is shown --------------------------------------------------------------------------

    def set_plan(
        self,
        detail: TourPlanDetail | None,
        shown: PlanFilter | None = None,
        city_of_venue: dict[str, str] | None = None,
    ) -> None:
        """Show the plan, as much of it as the filter lets through (cities by venue code)."""
        self.detail = detail
        self.filter = shown or PlanFilter()
        self.city_of_venue = city_of_venue or {}
        if detail is None:
            self.days, self.rows = [], []
        else:
            start, end = detail.plan.start, detail.plan.end
            if self.filter.week is not None:
                start, end = max(start, self.filter.week), min(end, self.filter.week + timedelta(days=6))
            self.days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
            caravan = self.filter.caravan
            if self.filter.trip is not None:
                caravan = next((t.caravan_code for t in detail.trips if t.code == self.filter.trip), caravan)
            self.rows = [c for c in detail.caravans if caravan is None or c == caravan]
        self.day = max(MIN_DAY, min(MAX_DAY, TARGET_WIDTH // max(len(self.days), 1)))
        self._blocks, self._bars = self._layout()
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def select(self, trip: str, request: str = "") -> None:
        self.selected_trip, self.selected_request = trip, request
        self.update()

    def set_fits(self, request: str, fits: set[tuple[str, date]]) -> None:
        """Where the visit of `request` fits (tinted while it is dragged)."""
        if request == self.dragging or not self.dragging:
            self.fits = fits
            self.update()

    def sizeHint(self) -> QSize:
        width = LEFT + self.day * max(len(self.days), 1) + 10
        return QSize(max(width, 420), TOP + ROW * max(len(self.rows), 3) + LEGEND + 10)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _x(self, day: date) -> int:
        return LEFT + (day - self.days[0]).days * self.day

    def _layout(self) -> tuple[list[tuple[QRect, StopRow, TripRow]], list[tuple[QRect, TripRow]]]:
        """Where each shown trip's bar and each shown stop's block is drawn."""
        if self.detail is None or not self.days:
            return [], []
        row_of = {code: i for i, code in enumerate(self.rows)}
        first, last = self.days[0], self.days[-1]
        blocks, bars = [], []
        for trip in self.detail.trips:
            i = row_of.get(trip.caravan_code)
            if i is None or not self.filter.shows_trip(trip, self.city_of_venue):
                continue
            if trip.back_at.date() < first or trip.leave_at.date() > last:
                continue
            y = TOP + i * ROW
            x0 = self._x(max(trip.leave_at.date(), first))
            x1 = self._x(min(trip.back_at.date(), last)) + self.day
            bars.append((QRect(x0, y + 7, x1 - x0, 6), trip))
            for stop in trip.stops:
                day = stop.show_start.date()
                if not first <= day <= last or not self.filter.shows_stop(stop, self.city_of_venue):
                    continue
                x = self._x(day)
                blocks.append((QRect(x + 1, y + 3, self.day - 2, ROW - 6), stop, trip))
        return blocks, bars

    def cell_at(self, point: QPoint) -> tuple[str, date] | None:
        """The caravan and day under a point of the grid, if any."""
        if not self.days or point.x() < LEFT or point.y() < TOP:
            return None
        column, row = (point.x() - LEFT) // self.day, (point.y() - TOP) // ROW
        if column >= len(self.days) or row >= len(self.rows):
            return None
        return self.rows[row], self.days[column]

    def cell_rect(self, caravan: str, day: date) -> QRect | None:
        if caravan not in self.rows or not self.days or not self.days[0] <= day <= self.days[-1]:
            return None
        return QRect(self._x(day), TOP + self.rows.index(caravan) * ROW, self.day, ROW)

    def block_of(self, request: str) -> QRect | None:
        """Where the first show of a request is drawn (for a test's mouse, or a scroll)."""
        return next((rect for rect, stop, _t in self._blocks if stop.request_code == request), None)

    # --- painting ---------------------------------------------------------------------------------

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
        if self.dragging:
            for caravan, day in self.fits:
                rect = self.cell_rect(caravan, day)
                if rect is not None:
                    painter.fillRect(rect, QColor("#c8e6c9"))
            if self.drop_cell is not None:
                rect = self.cell_rect(*self.drop_cell)
                if rect is not None:
                    fits = self.drop_cell in self.fits
                    painter.setPen(QPen(QColor("#2e7d32" if fits else "#c62828"), 2))
                    painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.setPen(QColor("#333333"))
        for i, code in enumerate(self.rows):
            y = TOP + i * ROW
            painter.drawText(QRect(4, y, LEFT - 8, ROW), Qt.AlignmentFlag.AlignVCenter, code)
            painter.setPen(QColor("#e4e4e4"))
            painter.drawLine(LEFT, y + ROW, LEFT + self.day * len(self.days), y + ROW)
            painter.setPen(QColor("#333333"))
        for bar, trip in self._bars:
            chosen = trip.code == self.selected_trip
            painter.fillRect(bar, QColor("#f4b183") if chosen else QColor("#9dc3e6"))
        for block, stop, trip in self._blocks:
            painter.fillRect(block, QColor("#ed7d31") if stop.key_county else QColor("#2e75b6"))
            if stop.locked:
                painter.setPen(QPen(QColor("#000000"), 2))
                painter.drawRect(block)
            if trip.code == self.selected_trip and (
                not self.selected_request or stop.request_code == self.selected_request
            ):
                painter.setPen(QPen(QColor("#c00000"), 2))
                painter.drawRect(block.adjusted(-2, -2, 2, 2))
            painter.setPen(QColor("#333333"))
        self._draw_legend(painter, TOP + ROW * len(self.rows) + 8)
        painter.end()

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

    # --- the mouse ----------------------------------------------------------------------------------

    def _stop_at(self, point: QPoint) -> tuple[StopRow, TripRow] | None:
        return next(((stop, trip) for rect, stop, trip in self._blocks if rect.contains(point)), None)

    def _trip_at(self, point: QPoint) -> TripRow | None:
        return next((trip for rect, trip in self._bars if rect.adjusted(0, -4, 0, 4).contains(point)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if (
            self._press_stop is not None
            and self._press is not None
            and event.buttons() & Qt.MouseButton.LeftButton
            and (point - self._press).manhattanLength() >= QApplication.startDragDistance()
        ):
            stop, trip = self._press_stop
            self._press, self._press_stop = None, None
            self._drag(stop, trip)
            return
        found = self._stop_at(point)
        if found is not None:
            stop, trip = found
            text = (
                f"{trip.caravan_code} · {stop.show_start:%Y-%m-%d %H:%M}–{stop.show_end:%H:%M}\n"
                f"{stop.venue_name} ({stop.county})\n{stop.request_code} · {trip.code}"
            )
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
            return
        QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        found = self._stop_at(point)
        if found is not None:
            stop, trip = found
            self._press, self._press_stop = point, found
            self.picked.emit(trip.code, stop.request_code)
            return
        trip_row = self._trip_at(point)
        if trip_row is not None:
            self.picked.emit(trip_row.code, "")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click on a show (or the trip's bar) chooses the whole trip."""
        point = event.position().toPoint()
        found = self._stop_at(point)
        trip = found[1] if found is not None else self._trip_at(point)
        self._press, self._press_stop = None, None
        if trip is not None and event.button() == Qt.MouseButton.LeftButton:
            self.picked.emit(trip.code, "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press, self._press_stop = None, None
        super().mouseReleaseEvent(event)

    # --- dragging a visit ---------------------------------------------------------------------------

    def visit_mime(self, request: str) -> QMimeData:
        """What a dragged visit carries (the same a drop reads)."""
        mime = QMimeData()
        mime.setData(VISIT_MIME, QByteArray(request.encode("utf-8")))
        mime.setText(request)
        return mime

    def _drag(self, stop: StopRow, trip: TripRow) -> None:
        self.dragging, self.fits, self.drop_cell = stop.request_code, set(), None
        self.drag_started.emit(stop.request_code)
        drag = QDrag(self)
        drag.setMimeData(self.visit_mime(stop.request_code))
        picture = QPixmap(max(self.day - 2, 8), ROW - 6)
        picture.fill(QColor("#ed7d31") if stop.key_county else QColor("#2e75b6"))
        drag.setPixmap(picture)
        drag.exec(Qt.DropAction.MoveAction)
        self.dragging, self.drop_cell = "", None
        self.update()

    @staticmethod
    def _request_of(mime: QMimeData) -> str:
        return bytes(mime.data(VISIT_MIME).data()).decode("utf-8") if mime.hasFormat(VISIT_MIME) else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        request = self._request_of(event.mimeData())
        if request:
            self.dragging = request
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell != self.drop_cell:
            self.drop_cell = cell
            self.update()
        # Any cell takes the drop: one where the visit does not fit is answered with the rule it breaks.
        if cell is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_cell = None
        self.update()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        request = self._request_of(event.mimeData())
        cell = self.cell_at(event.position().toPoint())
        self.dragging, self.drop_cell = "", None
        self.update()
        if not request or cell is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(request, cell[0], cell[1])

    # --- for tests ----------------------------------------------------------------------------------

    def block_count(self) -> int:
        return len(self._blocks)

    def stops_drawn(self) -> list[Any]:
        return [stop for _rect, stop, _trip in self._blocks]

    def trips_drawn(self) -> list[str]:
        return [trip.code for _rect, trip in self._bars]
