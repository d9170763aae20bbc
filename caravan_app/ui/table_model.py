"""Fast Qt table models: rows of plain values, sorted and filtered in bulk by Python.

A QSortFilterProxyModel that asks Python for every comparison takes seconds on 20,000 rows, so
the source model sorts itself (one `list.sort`) and the proxy only filters, from a list of booleans
computed in one pass whenever the search text or a filter changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from caravan_app.domain.enums import split_themes
from caravan_app.ui.labels import display

RAW_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
Formatter = Callable[[str, Any], str]


def _sort_key(value: Any) -> tuple[int, Any]:
    """Blank cells last; numbers, dates and text each compare among themselves."""
    if value is None or value == "":
        return (3, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float):
        return (0, value)
    if isinstance(value, datetime):
        return (1, value.isoformat())
    if isinstance(value, date | time):
        return (1, value.isoformat())
    if isinstance(value, Enum):
        return (2, str(value.value))
    return (2, str(value))


class RowsModel(QAbstractTableModel):
    """Rows of values under named columns; each row may carry a database id and version."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[str] = []
        self._titles: list[str] = []
        self._values: list[tuple[Any, ...]] = []
        self._ids: list[int] = []
        self._versions: list[int] = []
        self._order: list[int] = []  # view row -> index into _values
        self._format: Formatter = lambda _column, value: display(value)
        self._align_right: set[int] = set()
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self._sort_keys: dict[int, list[tuple[int, Any]]] = {}  # column -> key per row, built on demand
        self._in_order = False  # rows are in self._sorted's order (nothing changed since)

    # --- filling ------------------------------------------------------------------------------

    def set_rows(
        self,
        columns: Sequence[str],
        titles: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        ids: Sequence[int] | None = None,
        versions: Sequence[int] | None = None,
        formatter: Formatter | None = None,
    ) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self._titles = list(titles)
        self._values = list(values)
        self._ids = list(ids) if ids is not None else list(range(len(self._values)))
        self._versions = list(versions) if versions is not None else [0] * len(self._values)
        self._order[:] = range(len(self._values))  # the same list object: see `order`
        self._in_order = False
        if formatter is not None:
            self._format = formatter
        sample = self._values[0] if self._values else ()
        self._align_right = {
            i for i, v in enumerate(sample) if isinstance(v, int | float) and not isinstance(v, bool)
        }
        self._sort_keys = {}
        if self._sorted is not None and self._sorted[0] < len(self.columns):
            self._sort_order(*self._sorted)
        self.endResetModel()

    def set_titles(self, titles: Sequence[str]) -> None:
        self._titles = list(titles)
        if self._titles:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)

    def refresh_text(self) -> None:
        """Labels changed (a language switch): repaint every cell."""
        if self._values:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._order) - 1, len(self.columns) - 1))

    # --- reading ------------------------------------------------------------------------------

    @property
    def all_values(self) -> list[tuple[Any, ...]]:
        return self._values

    def data_index(self, row: int) -> int:
        return self._order[row]

    def row_id(self, row: int) -> int:
        return self._ids[self._order[row]]

    def row_version(self, row: int) -> int:
        return self._versions[self._order[row]]

    def row_values(self, row: int) -> tuple[Any, ...]:
        return self._values[self._order[row]]

    def row_of_id(self, row_id: int) -> int | None:
        try:
            position = self._ids.index(row_id)
        except ValueError:
            return None
        return self._order.index(position)

    def value(self, row: int, column: str) -> Any:
        return self._values[self._order[row]][self.columns.index(column)]

    # --- changing one row ----------------------------------------------------------------------

    def replace_row(self, row_id: int, values: tuple[Any, ...], version: int) -> None:
        row = self.row_of_id(row_id)
        if row is None:
            return
        position = self._order[row]
        self._values[position] = values
        self._versions[position] = version
        self._sort_keys = {}
        self._in_order = False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def append_row(self, row_id: int, values: tuple[Any, ...], version: int) -> None:
        row = len(self._order)
        self.beginInsertRows(QModelIndex(), row, row)
        self._values.append(values)
        self._ids.append(row_id)
        self._versions.append(version)
        self._order.append(len(self._values) - 1)
        self._sort_keys = {}
        self._in_order = False
        self.endInsertRows()

    def remove_id(self, row_id: int) -> None:
        row = self.row_of_id(row_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        position = self._order.pop(row)
        del self._values[position]
        del self._ids[position]
        del self._versions[position]
        self._order[:] = [p - 1 if p > position else p for p in self._order]
        self._sort_keys = {}
        self.endRemoveRows()

    # --- Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            value = self._values[self._order[row]][column]
            return self._format(self.columns[column], value)
        if role == RAW_ROLE:
            value = self._values[self._order[row]][column]
            return (
                value if isinstance(value, str | int | float) else self._format(self.columns[column], value)
            )
        if role == ID_ROLE:
            return self._ids[self._order[row]]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        if self._in_order and self._sorted == (column, order):
            return  # a view asks twice (sortByColumn and its header's signal); once is enough
        self.layoutAboutToBeChanged.emit()
        before = list(self._order)
        persistent = self.persistentIndexList()
        self._sort_order(column, order)
        self._sorted = (column, order)
        position_of = {p: row for row, p in enumerate(self._order)}
        for index in persistent:
            if index.isValid():
                new_row = position_of[before[index.row()]]
                self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()

    def _sort_order(self, column: int, order: Qt.SortOrder) -> None:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = [_sort_key(row[column]) for row in self._values]
            self._sort_keys[column] = keys
        # In place: the filter holds this very list to map rows without calling back into Python.
        self._order.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._in_order = True

    @property
    def order(self) -> list[int]:
        """View row -> index into the values; the same list object until the rows are replaced."""
        return self._order


def _theme_test(i: int, wanted: Any) -> Callable[[tuple[Any, ...]], bool]:
    return lambda row: wanted in split_themes(row[i])


def _equal_test(i: int, wanted: Any) -> Callable[[tuple[Any, ...]], bool]:
    return lambda row: bool(row[i] == wanted)


class RowsFilter(QSortFilterProxyModel):
    """A search box and per-column filters over a RowsModel; sorting is passed to the model.

    A filter on a column of themes (";"-joined) matches rows that have the theme among theirs.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._facets: dict[str, Any] = {}
        self._accept: list[bool] = []
        self._order: list[int] = []
        self._haystack: list[str] = []
        self.list_columns: set[str] = {"themes", "themes_wanted", "caravan_types"}

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        if isinstance(model, RowsModel):
            model.modelAboutToBeReset.connect(self._forget)
            model.rowsAboutToBeInserted.connect(self._forget)
            model.rowsAboutToBeRemoved.connect(self._forget)
            self._order = model.order

    def _forget(self, *_args: Any) -> None:
        """The rows are about to change: recompute what is shown when Qt next asks."""
        self._accept = []
        self._haystack = []

    def source(self) -> RowsModel:
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        return model

    def rebuild(self) -> None:
        """The source's rows changed wholesale: re-index the search text and re-filter."""
        values = self.source().all_values
        self._haystack = [" ".join(v for v in row if isinstance(v, str)).lower() for row in values]
        self._refilter()

    def set_search(self, text: str) -> None:
        self._search = text.strip().lower()
        self._refilter()

    def set_facet(self, column: str, value: Any) -> None:
        """Show only rows whose `column` is `value`; None clears that filter."""
        if value is None:
            self._facets.pop(column, None)
        else:
            self._facets[column] = value
        self._refilter()

    def _compute(self) -> None:
        model = self.source()
        values = model.all_values
        if len(self._haystack) != len(values):
            self._haystack = [" ".join(v for v in row if isinstance(v, str)).lower() for row in values]
        words = self._search.split()
        tests: list[Callable[[tuple[Any, ...]], bool]] = []
        for column, wanted in self._facets.items():
            if column not in model.columns:
                continue
            i = model.columns.index(column)
            tests.append(_theme_test(i, wanted) if column in self.list_columns else _equal_test(i, wanted))
        hay = self._haystack
        if not words and not tests:
            self._accept = [True] * len(values)
        else:
            self._accept = [
                all(w in hay[p] for w in words) and all(test(row) for test in tests)
                for p, row in enumerate(values)
            ]
        self._order = model.order

    def _refilter(self) -> None:
        # invalidate() re-maps the rows in one layout change; a filter change would report every
        # run of hidden rows separately, and the view and the row count would answer each of them.
        self._compute()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        # Called once per row on every change: kept to two list look-ups.
        try:
            return self._accept[self._order[source_row]]
        except IndexError:
            self._compute()
            return self._accept[self._order[source_row]]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def source_row(self, proxy_row: int) -> int:
        return self.mapToSource(self.index(proxy_row, 0)).row()
