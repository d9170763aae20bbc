"""What the inventory screens show of each entity: which columns filter, lead or stay hidden, and the
rows' model (a depot's code as a cell's tooltip; a row the signed-in account may not change in grey,
its tooltip saying whose it is)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from caravan_app.ui.table_model import Index, RowsModel

REGION_REFS = {"owner_region_id", "region_id", "county_id", "parent_id"}
# Depot references are shown by the depot's name, its code in the tooltip.
DEPOT_REFS = {"home_depot_id", "depot_id"}

# Which columns each screen filters on, and what kind of filter each is.
FACETS: dict[str, list[tuple[str, str]]] = {
    "caravans": [("city", "region"), ("type", "type"), ("status", "status"), ("themes", "theme")],
    "exhibits": [("use", "type"), ("status", "status"), ("condition", "condition"), ("theme", "theme")],
    "exhibit_sets": [("city", "region"), ("theme", "theme"), ("status", "status")],
    "venues": [("city", "region"), ("kind", "type")],
    "regions": [("city", "region"), ("level", "type")],
    "depots": [("city", "region"), ("owner_level", "type")],
    "requests": [("city", "region"), ("kind", "type"), ("status", "status"), ("themes_wanted", "theme")],
}
# Columns shown first, in this order (the rest follow in the entity's own order).
LEADING: dict[str, list[str]] = {
    "exhibits": ["code", "name_zh", "place", "condition", "status", "theme"],
    "requests": ["code", "venue_name", "city", "status", "kind", "earliest_on", "latest_on", "priority"],
    "venues": ["code", "name", "kind", "city", "county_id"],
    "exhibit_sets": ["code", "name", "where_now", "status", "theme"],
}

# Columns kept out of the table (still in the detail pane and the form).
HIDDEN: dict[str, set[str]] = {
    "exhibits": {
        "depot_id",
        "caravan_id",
        "set_id",
        "workshop_id",
        "name_en",
        "length_cm",
        "width_cm",
        "height_cm",
        "city",
    },  # fmt: skip
    "venues": {"address", "lat", "lon"},
    "depots": {"lat", "lon"},
    "regions": {"lat", "lon"},
    "requests": {"notes"},
}


class EntityRowsModel(RowsModel):
    """An entity's rows; a cell may have a tooltip other than its text (a depot's code). Rows the
    signed-in account may not change are grey, their tooltip saying whose they are."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tip: Callable[[str, Any], str | None] = lambda _column, _value: None
        self.locked: Callable[[int], str | None] = lambda _row_id: None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            locked = self.locked(self.row_id(index.row()))
            if locked is not None:
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor("#808080"))
                return locked
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            column = index.column()
            tip = self.tip(self.columns[column], self.row_values(index.row())[column])
            if tip is not None:
                return tip
        return super().data(index, role)
