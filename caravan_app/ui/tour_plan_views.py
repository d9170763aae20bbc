"""The tour planner's three linked views of the plan shown: the itinerary, the timeline and the map,
with the unserved requests beside them. One filter (caravan, trip, week, city) narrows all three;
a trip or stop selected in one is selected in the others and the map zooms to it; legs longer than
the threshold in Settings are marked in the itinerary and on the map. A part of TourPlannerPage
(ui/tour_planner.py)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app.errors import CaravanError
from caravan_app.services.plan_views import PlanPlaces, plan_places
from caravan_app.services.tour_plans import TourPlanDetail
from caravan_app.ui import preferences
from caravan_app.ui.context import AppContext
from caravan_app.ui.hooks import map_page
from caravan_app.ui.labels import yes_no
from caravan_app.ui.map_pane import MapPane
from caravan_app.ui.outcomes import error_text, fitting_elsewhere_text, unserved_detail, unserved_reason
from caravan_app.ui.plan_filter import PlanFilter, PlanFilterBar
from caravan_app.ui.table_model import Index, RowsModel
from caravan_app.ui.timeline import TimelineWidget

ITINERARY_COLUMNS = [
    "caravan",
    "trip",
    "seq",
    "day",
    "arrive",
    "show",
    "venue",
    "county",
    "city",
    "key",
    "km",
    "long_leg",
    "locked",
    "request",
    "trip_code",
]
UNSERVED_COLUMNS = ["request", "venue", "county", "city", "priority", "reason", "elsewhere", "detail"]
LONG_LEG_BACKGROUND = QColor("#fde0dc")


def plan_table(name: str, model: RowsModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAlternatingRowColors(True)
    return view


class ItineraryModel(RowsModel):
    """The itinerary's rows: the km of a long leg stand out."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            column = self.columns[index.column()]
            if column in ("km", "long_leg") and self.value(index.row(), "long_leg"):
                return QBrush(LONG_LEG_BACKGROUND)
        return super().data(index, role)


def long_leg_text(km_in: float, km_back: float | None, threshold: float) -> str:
    """A stop's long legs: the one into it, and the way back from it when it is the trip's last."""
    parts = []
    if km_in > threshold:
        parts.append(f"→ {km_in:,.0f} km")
    if km_back is not None and km_back > threshold:
        parts.append(f"↩ {km_back:,.0f} km")
    return ", ".join(parts)


class TourPlanViews(QWidget):
    """The plan's linked views and the filter over them."""

    context: AppContext
    detail: TourPlanDetail | None
    trip_of_stop: dict[int, str]
    itinerary_model: RowsModel
    itinerary: QTableView
    unserved_model: RowsModel
    unserved: QTableView

    def _build_views(self, itinerary_page: QWidget, unserved_page: QWidget, linkage: QWidget) -> QWidget:
        """The filter bar over the tabs (itinerary, timeline, unserved, linkage) and the map beside them."""
        self.places = PlanPlaces({}, {}, ())
        self.shown = PlanFilter()
        self.selected: tuple[str, str] = ("", "")  # trip code, request code ("" for the whole trip)
        self._linking = False  # a view is being made to follow another: its signals say nothing new
        self.long_leg_km = preferences.planning().long_leg_km
        self.filter_bar = PlanFilterBar()
        self.filter_bar.changed.connect(self._filter_changed)
        self.timeline = TimelineWidget()
        self.timeline.picked.connect(lambda trip, request: self.select_in_views(trip, request, "timeline"))
        timeline_scroll = QScrollArea()
        timeline_scroll.setObjectName("timeline_scroll")
        timeline_scroll.setWidget(self.timeline)
        timeline_scroll.setWidgetResizable(False)
        self.timeline_scroll = timeline_scroll
        self.map = MapPane("map_pane")
        self.map.picked.connect(self._map_picked)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("result_tabs")
        self.tabs.addTab(itinerary_page, "")
        self.tabs.addTab(timeline_scroll, "")
        self.tabs.addTab(unserved_page, "")
        # In a scroll area: the linkage advice's tables must not make every tab (and the map) wider.
        linkage_scroll = QScrollArea()
        linkage_scroll.setObjectName("linkage_scroll")
        linkage_scroll.setWidget(linkage)
        linkage_scroll.setWidgetResizable(True)
        self.tabs.addTab(linkage_scroll, "")
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.views_split = QSplitter(Qt.Orientation.Horizontal)
        self.views_split.setObjectName("views_map")
        self.views_split.addWidget(self.tabs)
        self.views_split.addWidget(self.map)
        self.views_split.setStretchFactor(0, 3)
        self.views_split.setStretchFactor(1, 2)
        self.views_split.setSizes([560, 400])
        views = QWidget()
        layout = QVBoxLayout(views)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.views_split, 1)
        return views

    # --- showing the plan ------------------------------------------------------------------------

    def load_places(self) -> None:
        """The cities of the plan's places (for the city filter), read with the plan."""
        self.places = PlanPlaces({}, {}, ())
        if self.detail is None:
            return
        try:
            self.places = plan_places(self.context.db, self.detail.plan.id)
        except CaravanError as exc:  # the filter then offers no cities; the plan still shows
            self.filter_bar.count.setText(error_text(exc))

    def _show_views(self) -> None:
        """Fill the views from the plan and the filter (kept when still offered)."""
        d = self.detail
        self.long_leg_km = preferences.planning().long_leg_km
        self.filter_bar.set_plan(d, [(c.adcode, c.name) for c in self.places.cities])
        self.shown = self.filter_bar.current
        if d is None or not any(t.code == self.selected[0] for t in d.trips):
            self.selected = ("", "")
        self._fill_views()
        self._show_map()

    def _filter_changed(self) -> None:
        self.shown = self.filter_bar.current
        self._fill_views()
        self._steer_map()

    def _fill_views(self) -> None:
        d, shown = self.detail, self.shown
        cities = {code: city.adcode for code, city in self.places.city_of_venue.items()}
        self.timeline.set_plan(d, shown, cities)
        self.timeline.select(*self.selected)
        self._linking = True
        try:
            self._fill_itinerary(d, shown, cities)
            self._fill_unserved(d, shown)
        finally:
            self._linking = False
        total = sum(len(t.stops) for t in d.trips) if d else 0
        self.filter_bar.show_count(self.itinerary_model.rowCount(), total)
        self._select_in_itinerary()
        self._stop_buttons()

    def _fill_itinerary(self, d: TourPlanDetail | None, shown: PlanFilter, cities: dict[str, str]) -> None:
        if d is None:
            self.trip_of_stop = {}
            self.itinerary_model.set_rows([], [], [])
            return
        names = self.places.city_of_venue
        rows, ids, versions = [], [], []
        self.trip_of_stop = {stop.id: trip.code for trip in d.trips for stop in trip.stops}
        for trip in d.trips:
            if not shown.shows_trip(trip, cities):
                continue
            for stop in trip.stops:
                if not shown.shows_stop(stop, cities):
                    continue
                last = stop is trip.stops[-1]
                city = names.get(stop.venue_code)
                rows.append(
                    (
                        trip.caravan_code,
                        trip.leave_at.date(),
                        stop.seq,
                        stop.show_start.date(),
                        # An arrival the day before the show says so, or it reads as a late arrival.
                        stop.arrive_at.strftime(
                            "%H:%M" if stop.arrive_at.date() == stop.show_start.date() else "%m-%d %H:%M"
                        ),
                        f"{stop.show_start:%H:%M}–{stop.show_end:%H:%M}",
                        stop.venue_name,
                        stop.county,
                        city.name if city else "",
                        yes_no(stop.key_county),
                        round(stop.km_from_previous, 1),
                        long_leg_text(
                            stop.km_from_previous, trip.km_back if last else None, self.long_leg_km
                        ),
                        yes_no(stop.locked),
                        stop.request_code,
                        trip.code,
                    )
                )
                ids.append(stop.id)
                versions.append(stop.version)
        self.itinerary_model.set_rows(ITINERARY_COLUMNS, self._itinerary_titles(), rows, ids, versions)
        self.itinerary.resizeColumnsToContents()

    def _fill_unserved(self, d: TourPlanDetail | None, shown: PlanFilter) -> None:
        if d is None:
            self.unserved_model.set_rows([], [], [])
            return
        cities = self.places.city_of_request
        self.unserved_model.set_rows(
            UNSERVED_COLUMNS,
            self._unserved_titles(),
            [
                (
                    u.request_code,
                    u.venue_name,
                    u.county,
                    cities[u.request_code].name if u.request_code in cities else "",
                    u.priority,
                    unserved_reason(u.reason),
                    fitting_elsewhere_text(u.elsewhere),
                    unserved_detail(u.reason, u.venue_name, u.county, u.types_wanted, u.themes_wanted),
                )
                for u in d.unserved
                if shown.city is None
                or (u.request_code in cities and cities[u.request_code].adcode == shown.city)
            ],
        )
        self.unserved.resizeColumnsToContents()
        for column in (6, 7):  # the fitting caravans and the detail wrap, so both are in view
            self.unserved.setColumnWidth(column, min(self.unserved.columnWidth(column), 340))
        self.unserved.setWordWrap(True)
        self.unserved.resizeRowsToContents()

    # --- one selection in every view ---------------------------------------------------------------

    def select_in_views(self, trip: str, request: str = "", source: str = "") -> None:
        """Select a trip (and one of its stops) in every view but `source`, and zoom the map to it."""
        if self._linking:
            return
        self.selected = (trip, request)
        self.timeline.select(trip, request)
        if source != "itinerary":
            self._select_in_itinerary()
        self._steer_map()
        self._stop_buttons()

    def _select_in_itinerary(self) -> None:
        """Select the itinerary rows of the selected stop, or of every stop of the selected trip."""
        trip, request = self.selected
        model, view = self.itinerary_model, self.itinerary
        rows = [
            r
            for r in range(model.rowCount())
            if trip
            and model.value(r, "trip_code") == trip
            and (not request or model.value(r, "request") == request)
        ]
        self._linking = True
        try:
            selection = QItemSelection()
            for r in rows:
                selection.select(model.index(r, 0), model.index(r, model.columnCount() - 1))
            view.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            if rows:
                view.scrollTo(model.index(rows[0], 0))
        finally:
            self._linking = False

    def _map_picked(self, what: object) -> None:
        if not isinstance(what, dict):
            return
        if what.get("unserved"):
            code = str(what["unserved"])
            self.tabs.setCurrentIndex(2)
            row = next(
                (
                    r
                    for r in range(self.unserved_model.rowCount())
                    if self.unserved_model.value(r, "request") == code
                ),
                None,
            )
            if row is not None:
                self.unserved.selectRow(row)
            return
        if what.get("trip"):
            self.select_in_views(str(what["trip"]), str(what.get("request") or ""), "map")

    # --- the map ---------------------------------------------------------------------------------

    def map_script(self) -> str:
        """What the map page is told: the filter, then the selection (see maps/tour.py)."""
        trip, request = self.selected
        shown = json.dumps(self.shown.for_map())
        chosen = f"{json.dumps(trip or None)}, {json.dumps(request or None)}"
        return f"window.caravanTour && (caravanTour.filter({shown}), caravanTour.select({chosen}))"

    def _steer_map(self) -> None:
        self.map.set_state(self.map_script())

    def show_unserved_on_map(self, request: str) -> None:
        if self.map.loaded:
            self.map.run_script(f"window.caravanTour && caravanTour.showUnserved({json.dumps(request)})")

    def _tab_changed(self) -> None:
        # The linkage advice needs the room; the other tabs are read beside the map.
        self.map.setVisible(self.tabs.currentIndex() != 3)
        self._show_map()

    def _show_map(self) -> None:
        """Only while the map is on screen: a web view is costly to make and to fill."""
        if not self.map.isVisibleTo(self):
            return
        if self.detail is None:
            self.map.show_message(self.tr("Solve or choose a plan to see it on the map."))
            return
        from caravan_app.services.plan_views import plan_map  # folium loads with the first map

        db, plan, threshold = self.context.db, self.detail.plan, self.long_leg_km
        lang = "zh" if self.language().startswith("zh") else "en"
        path = map_page(db, f"plan-{plan.id}-v{plan.version}-{lang}-{threshold:g}.html")
        self.map.state_script = self.map_script()
        if self.map.html_path == path and self.map.currentWidget() is self.map.view:
            self._steer_map()
            return
        self.map.show_page(plan.name, path, lambda out: plan_map(db, plan.name, lang, threshold, out=out))

    def language(self) -> str:
        return QLocale().name()  # the language switch sets the default locale

    def _itinerary_titles(self) -> list[str]:
        return [
            self.tr("Caravan"),
            self.tr("Trip leaves"),
            self.tr("Stop"),
            self.tr("Day"),
            self.tr("Arrives"),
            self.tr("Show"),
            self.tr("Venue"),
            self.tr("County"),
            self.tr("City"),
            self.tr("Key county"),
            self.tr("km from previous"),
            self.tr("Long leg"),
            self.tr("Locked"),
            self.tr("Request"),
            self.tr("Trip"),
        ]

    def _unserved_titles(self) -> list[str]:
        return [
            self.tr("Request"),
            self.tr("Venue"),
            self.tr("County"),
            self.tr("City"),
            self.tr("Priority"),
            self.tr("Reason"),
            self.tr("Caravans that fit, elsewhere"),
            self.tr("Detail"),
        ]

    # Last in the class: pyside6-lupdate loses the class name of whatever follows such a block.
    if TYPE_CHECKING:

        def _itinerary_selected(self) -> None: ...
        def _stop_buttons(self) -> None: ...
        def _unserved_selected(self) -> None: ...
