"""What part of a tour plan the planner's three views show: one caravan, one trip, one week, one
city, or any mix of them; and the bar of choosers above the views that sets it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from caravan_app.services.tour_plans import StopRow, TourPlanDetail, TripRow


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class PlanFilter:
    """None shows all; a stop shows when its week and city are the chosen ones, a trip when it is
    the chosen one, of the chosen caravan, and has a stop that shows."""

    caravan: str | None = None
    trip: str | None = None
    week: date | None = None  # its Monday
    city: str | None = None  # adcode

    @property
    def empty(self) -> bool:
        return self == PlanFilter()

    def shows_stop(self, stop: StopRow, city_of_venue: dict[str, str]) -> bool:
        if self.week is not None and monday(stop.show_start.date()) != self.week:
            return False
        return self.city is None or city_of_venue.get(stop.venue_code) == self.city

    def shows_trip(self, trip: TripRow, city_of_venue: dict[str, str]) -> bool:
        if self.caravan is not None and trip.caravan_code != self.caravan:
            return False
        if self.trip is not None and trip.code != self.trip:
            return False
        return any(self.shows_stop(s, city_of_venue) for s in trip.stops)

    def for_map(self) -> dict[str, str]:
        """The filter as the map page's caravanTour.filter takes it."""
        chosen = {
            "caravan": self.caravan,
            "trip": self.trip,
            "week": self.week.isoformat() if self.week else None,
            "city": self.city,
        }
        return {k: v for k, v in chosen.items() if v}


class PlanFilterBar(QWidget):
    """Caravan, trip, week and city choosers and a button to show everything again."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_filter")
        self.caravan, self.trip, self.week, self.city = (QComboBox() for _ in range(4))
        for box, name in (
            (self.caravan, "filter_caravan"),
            (self.trip, "filter_trip"),
            (self.week, "filter_week"),
            (self.city, "filter_city"),
        ):
            box.setObjectName(name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._chosen)
        self.trip.setMinimumContentsLength(14)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("filter_clear")
        self.clear_button.clicked.connect(self.clear)
        self.count = QLabel()
        self.count.setObjectName("filter_count")
        layout = self._layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # No labels: each chooser's first choice ("All caravans"…) says what it chooses.
        for box in (self.caravan, self.trip, self.week, self.city):
            layout.addWidget(box)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.count, 1)
        self.detail: TourPlanDetail | None = None
        self.cities: list[tuple[str, str]] = []
        self._filling = False
        self.retranslate_ui()

    def add_first(self, widget: QWidget) -> None:
        """A widget of the page's before the choosers."""
        self._layout.insertWidget(0, widget)

    @property
    def current(self) -> PlanFilter:
        return PlanFilter(
            self.caravan.currentData() or None,
            self.trip.currentData() or None,
            self.week.currentData() or None,
            self.city.currentData() or None,
        )

    def set_plan(self, detail: TourPlanDetail | None, cities: list[tuple[str, str]]) -> None:
        """The choices of a plan (cities as adcode and name); a choice still offered stays chosen."""
        before = self.current
        self.detail, self.cities = detail, cities
        self._fill(before)

    def set_filter(self, wanted: PlanFilter) -> None:
        self._fill(wanted)
        self.changed.emit()

    def clear(self) -> None:
        self.set_filter(PlanFilter())

    def _fill(self, wanted: PlanFilter) -> None:
        self._filling = True
        d = self.detail
        caravans = list(d.caravans) if d else []
        self._refill(self.caravan, self.tr("All caravans"), [(c, c) for c in caravans], wanted.caravan)
        trips = [
            t for t in (d.trips if d else ()) if wanted.caravan is None or t.caravan_code == wanted.caravan
        ]
        self._refill(
            self.trip,
            self.tr("All trips"),
            [(t.code, f"{t.code} · {t.leave_at:%m-%d}–{t.back_at:%m-%d}") for t in trips],
            wanted.trip,
        )
        weeks: list[tuple[date, str]] = []
        if d is not None:
            first = monday(d.plan.start)
            while first <= d.plan.end:
                last = first + timedelta(days=6)
                weeks.append((first, f"{first:%m-%d} – {last:%m-%d}"))
                first += timedelta(days=7)
        self._refill(self.week, self.tr("All weeks"), weeks, wanted.week)
        self._refill(self.city, self.tr("All cities"), self.cities, wanted.city)
        self._filling = False
        self._show_clear()

    @staticmethod
    def _refill(box: QComboBox, everything: str, items: Sequence[tuple[object, str]], chosen: object) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for value, text in items:
            box.addItem(text, value)
        index = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _chosen(self) -> None:
        if self._filling:
            return
        wanted = self.current
        trip = next((t for t in self.detail.trips if t.code == wanted.trip), None) if self.detail else None
        if trip is not None and wanted.caravan is None:
            wanted = replace(wanted, caravan=trip.caravan_code)  # a trip chosen names its caravan
        elif trip is not None and trip.caravan_code != wanted.caravan:
            wanted = replace(wanted, trip=None)  # another caravan chosen: its trips are the choice
        self._fill(wanted)
        self.changed.emit()

    def _show_clear(self) -> None:
        self.clear_button.setEnabled(not self.current.empty)

    def show_count(self, shown: int, total: int) -> None:
        self.count.setText(
            self.tr("%1 of %2 visits shown").replace("%1", str(shown)).replace("%2", str(total))
            if shown != total
            else self.tr("all %1 visits shown").replace("%1", str(total))
        )

    def retranslate_ui(self) -> None:
        for box, text in (
            (self.caravan, self.tr("Show one caravan's trips")),
            (self.trip, self.tr("Show one trip")),
            (self.week, self.tr("Show one week")),
            (self.city, self.tr("Show one city's visits")),
        ):
            box.setToolTip(text)
        self.clear_button.setText(self.tr("Show all"))
        if self.detail is not None or self.caravan.count():
            self._fill(self.current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
