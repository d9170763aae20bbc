"""The inventory screens: one table per entity with search, filters and a detail pane; add, edit,
retire and (for exhibits) move, each undoable; an exhibit's or caravan's history beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.enums import THEMES, split_themes
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.services import inventory, permissions
from caravan_app.services.inventory import Choice, Kind
from caravan_app.ui.commands import AddRecordCommand, MoveExhibitCommand, SaveRecordCommand
from caravan_app.ui.conflict import ConflictChoice, ConflictDialog
from caravan_app.ui.context import AppContext
from caravan_app.ui.edit_dialog import RecordDialog
from caravan_app.ui.exhibit_move import MoveDialog
from caravan_app.ui.inventory_columns import DEPOT_REFS, FACETS, HIDDEN, LEADING, REGION_REFS, EntityRowsModel
from caravan_app.ui.inventory_details import DetailPane
from caravan_app.ui.labels import (
    column_title,
    display,
    entity_noun,
    enum_label,
    enum_labels,
    place_text,
    weekdays_text,
    where_now_text,
)
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.table_model import RowsFilter

_log = log.get(log.UI)


class EntityPage(QWidget):
    """Browse and edit one entity."""

    def __init__(self, entity: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = entity
        self.context = context
        self.setObjectName(f"page_{entity}")
        self.loaded = False
        self.dialog: RecordDialog | None = None
        self.move_dialog: MoveDialog | None = None
        self._region_names: dict[str, str] = {}
        self._depot_names: dict[str, str] = {}
        # Rows the signed-in account may not change (id -> whose they are); None: it may change all.
        self.read_only: dict[int, str] | None = None
        self.may_add = True
        self.signed_in: permissions.SignedIn | None = None

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.facet_boxes: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for column, _kind in FACETS.get(entity, []):
            box = QComboBox()
            box.setObjectName(f"facet_{column}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _i, column=column: self._facet_changed(column))
            self.facet_boxes[column] = box
            bar.addWidget(box, 1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)

        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.retire_button = QPushButton()
        self.move_button = QPushButton()
        self.reload_button = QPushButton()
        buttons = QHBoxLayout()
        for button, name, slot in (
            (self.add_button, "add", self.add_new),
            (self.edit_button, "edit", self.edit_selected),
            (self.retire_button, "retire", self.retire_selected),
            (self.move_button, "move", self.move_selected),
            (self.reload_button, "reload", self.reload),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.move_button.setVisible(entity == "exhibits")
        self.retire_button.setVisible(inventory.can_retire(entity))

        self.model = EntityRowsModel(self)
        self.model.tip = self._tip
        self.model.locked = self.locked_text
        self.proxy = RowsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(0)
        self._details_timer.timeout.connect(self.show_details)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.detail_tabs = DetailPane(entity, context)
        self.history = self.detail_tabs.history
        self.maintenance = self.detail_tabs.maintenance
        self.checks = self.detail_tabs.checks

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        if entity == "exhibit_sets":
            # A dozen sets, and a set's halls need the width: the details go under the table.
            splitter.setOrientation(Qt.Orientation.Vertical)
            splitter.setStretchFactor(0, 1)
            splitter.setSizes([370, 380])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        context.bus.data_changed.connect(self._data_changed)
        self.retranslate_ui()

    # --- loading -------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        rows = inventory.load_table(self.context.db, self.entity)
        table = inventory.spec(self.entity).model.__tablename__
        self.signed_in = permissions.signed_in(self.context.db)
        self.read_only = permissions.read_only_rows(self.context.db, self.entity, table)
        self.may_add = permissions.may_add(self.context.db, self.entity)
        self.add_button.setEnabled(self.may_add)
        self.add_button.setToolTip("" if self.may_add else self._province_only_text())
        self._region_names = dict(rows.region_names)
        self._depot_names = dict(rows.depot_names)
        self.model.set_rows(
            rows.columns, self._titles(rows.columns), rows.values, rows.ids, rows.versions, self._format
        )
        self.proxy.rebuild()
        for i, column in enumerate(rows.columns):
            self.table.setColumnHidden(i, column in HIDDEN.get(self.entity, set()))
        if not self.loaded:
            header = self.table.horizontalHeader()
            for target, column in enumerate(LEADING.get(self.entity, [])):
                if column in rows.columns:
                    header.moveSection(header.visualIndex(rows.columns.index(column)), target)
            self.table.resizeColumnsToContents()
            for i in range(len(rows.columns)):
                self.table.setColumnWidth(i, min(max(self.table.columnWidth(i), 60), 260))
        self.loaded = True
        self._fill_facets()
        self._update_count()
        if selected is not None:
            self.select_id(selected)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._details_timer.start()  # the same row selected again: its details may have changed

    def _data_changed(self, entity: str) -> None:
        if entity in ("*", self.entity) or (entity == "exhibits" and self.entity == "exhibit_sets"):
            if self.loaded:
                self.reload()

    def _tip(self, column: str, value: Any) -> str | None:
        """A depot's code behind its name (the name is what the cell shows)."""
        if column in DEPOT_REFS and value:
            return str(value)
        return None

    def _titles(self, columns: Any) -> list[str]:
        return [column_title(c) for c in columns]

    def _format(self, column: str, value: Any) -> str:
        if value is None:
            return ""
        if column in REGION_REFS:
            return self._region_names.get(str(value), str(value))
        if column == "place":
            return place_text(str(value)) if value else ""
        if column in DEPOT_REFS:
            return self._depot_names.get(str(value), str(value))
        if column == "open_weekdays":
            return weekdays_text(str(value))
        if column == "where_now":
            return where_now_text(str(value))
        if column in ("themes", "themes_wanted", "caravan_types"):
            return "、".join(split_themes(str(value)))
        return display(value)

    # --- filters -------------------------------------------------------------------------------

    def _facet_values(self, column: str, kind: str) -> list[tuple[str, Any]]:
        sheet = inventory.spec(self.entity)
        if kind == "theme":
            index = self.model.columns.index(column) if column in self.model.columns else -1
            seen = set(THEMES)
            if index >= 0:
                for row in self.model.all_values:
                    seen.update(split_themes(row[index]))
            ordered = list(THEMES) + sorted(seen - set(THEMES))
            return [(t, t) for t in ordered]
        if column == "city":
            index = self.model.columns.index("city")
            cities = sorted({row[index] for row in self.model.all_values if row[index]})
            return [(c, c) for c in cities]
        col = sheet.column(column)
        if col.kind is Kind.ENUM and col.enum is not None:
            labels = enum_labels().get(col.enum.__name__, {})
            return [(labels.get(m.value, m.value), m) for m in col.enum]
        return []

    def _facet_all_text(self, kind: str) -> str:
        return {
            "region": self.tr("All cities"),
            "type": self.tr("All types"),
            "status": self.tr("All statuses"),
            "condition": self.tr("All conditions"),
            "theme": self.tr("All themes"),
        }[kind]

    def _fill_facets(self) -> None:
        for column, kind in FACETS.get(self.entity, []):
            box = self.facet_boxes[column]
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self._facet_all_text(kind), None)
            for text, value in self._facet_values(column, kind):
                box.addItem(text, value)
            found = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)

    def _search_changed(self) -> None:
        self.proxy.set_search(self.search.text())

    def _facet_changed(self, column: str) -> None:
        self.proxy.set_facet(column, self.facet_boxes[column].currentData())
        self._update_count()

    def _update_count(self, *_args: Any) -> None:
        self.count_label.setText(
            self.tr("%1 of %2")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    # --- selection and details -------------------------------------------------------------------

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.mapToSource(rows[0]).row()

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None else self.model.row_id(row)

    def select_id(self, row_id: int) -> bool:
        row = self.model.row_of_id(row_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self.table.selectRow(proxy_index.row())
        self.table.scrollTo(proxy_index)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        # After the table has repainted: a sort or a filter moves the selection, and the details
        # (three small queries) need not hold up the table.
        self._details_timer.start()

    def show_details(self) -> None:
        row = self.selected_row()
        locked = None if row is None else self.locked_text(self.model.row_id(row))
        for button in (self.edit_button, self.retire_button, self.move_button):
            button.setEnabled(row is not None and locked is None)
            button.setToolTip(locked or "")
        if row is None:
            self.detail_tabs.clear_row()
            return
        self.detail_tabs.show_row(
            self.model.columns,
            self.model.row_values(row),
            self.model.row_id(row),
            self._format,
            self._tip,
            locked,
        )

    # --- what the signed-in account may change ---------------------------------------------------

    def locked_text(self, row_id: int) -> str | None:
        """Why a row is read-only for the signed-in account (whose it is); None if it may change it."""
        if self.read_only is None or row_id not in self.read_only:
            return None
        who = self.signed_in
        mine = (
            f"{who.region_name} ({enum_label(who.level)})"
            if who is not None and who.level is not None
            else ""
        )
        return (
            self.tr("Read-only: this belongs to %1. Your account, %2, may change only its own.")
            .replace("%1", self.read_only[row_id])
            .replace("%2", mine)
        )

    def _province_only_text(self) -> str:
        return self.tr("Only the province may add these.")

    # --- edits ---------------------------------------------------------------------------------

    def _ref_choices(self) -> dict[str, list[Choice]]:
        refs = {c.ref for c in inventory.spec(self.entity).columns if c.kind is Kind.REF and c.ref}
        return {ref: inventory.choices(self.context.db, ref) for ref in refs}

    def add_new(self) -> None:
        self.dialog = RecordDialog(self.entity, None, self._ref_choices(), self)
        self.dialog.save_requested.connect(self._save_new)
        self.dialog.open()

    def edit_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is None or self.locked_text(row_id) is not None:
            return  # the details say whose it is; the server would refuse the save anyway
        try:
            record = inventory.read_record(self.context.db, self.entity, row_id)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Cannot edit"), error_text(exc))
            self.reload()
            return
        self.dialog = RecordDialog(self.entity, record.values, self._ref_choices(), self)
        self.dialog.setProperty("row_id", row_id)
        self.dialog.setProperty("version", record.version)
        self.dialog.save_requested.connect(self._save_edit)
        self.dialog.open()

    def _save_new(self, values: dict[str, Any]) -> None:
        dialog = self.dialog
        assert dialog is not None
        try:
            saved = inventory.add_record(self.context.db, self.entity, values)
        except CaravanError as exc:
            self._refused(exc)
            return
        ref = self.context.refs.get(self.entity, saved.id, saved.version)
        key = values.get(inventory.spec(self.entity).natural_key[0], "")
        text = self.tr("Add %1 %2").replace("%1", entity_noun(self.entity)).replace("%2", str(key))
        self.context.undo_stack.push(
            AddRecordCommand(self.context.db, self.context.feedback, text, ref, values, self.context.refs)
        )
        dialog.accept()
        self.reload()
        self.select_id(saved.id)

    def _save_edit(self, values: dict[str, Any]) -> None:
        dialog = self.dialog
        assert dialog is not None
        row_id = int(dialog.property("row_id"))
        version = int(dialog.property("version"))
        if not values:
            dialog.accept()
            return
        try:
            saved = inventory.save_record(self.context.db, self.entity, row_id, version, values)
        except ConflictError as exc:
            self._conflict(exc, dialog, row_id)
            return
        except CaravanError as exc:
            self._refused(exc)
            return
        ref = self.context.refs.reset(self.entity, row_id, saved.version)
        key = dialog.original.get(inventory.spec(self.entity).natural_key[0], "")
        text = self.tr("Edit %1 %2").replace("%1", entity_noun(self.entity)).replace("%2", str(key))
        self.context.undo_stack.push(
            SaveRecordCommand(self.context.db, self.context.feedback, text, ref, saved.before, values)
        )
        dialog.accept()
        self.reload()

    def _refused(self, exc: CaravanError) -> None:
        QMessageBox.warning(self.dialog or self, self.tr("Not saved"), error_text(exc))

    def _conflict(self, exc: ConflictError, dialog: RecordDialog, row_id: int) -> None:
        ask = ConflictDialog(exc, dialog.typed_text(), dialog)
        ask.exec()
        if ask.choice is ConflictChoice.KEEP_EDITING:
            return
        try:
            fresh = inventory.read_record(self.context.db, self.entity, row_id)
        except CaravanError as gone:
            QMessageBox.warning(dialog, self.tr("Cannot reload"), str(gone))
            return
        dialog.setProperty("version", fresh.version)
        if ask.choice is ConflictChoice.RELOAD_THEIRS:
            dialog.original = dict(fresh.values)
            dialog.fill(fresh.values)
        else:
            dialog.rebase(fresh.values)
        self.reload()

    def retire_selected(self, confirm: bool = True) -> None:
        row = self.selected_row()
        if row is None or not inventory.can_retire(self.entity):
            return
        row_id, version = self.model.row_id(row), self.model.row_version(row)
        key = self.model.value(row, inventory.spec(self.entity).natural_key[0])
        noun = entity_noun(self.entity)
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Retire"), self.tr("Retire %1 %2?").replace("%1", noun).replace("%2", str(key))
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        values = {"status": inventory.retired_value(self.entity)}
        try:
            saved = inventory.save_record(self.context.db, self.entity, row_id, version, values)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self.reload()
            return
        ref = self.context.refs.reset(self.entity, row_id, saved.version)
        text = self.tr("Retire %1 %2").replace("%1", noun).replace("%2", str(key))
        self.context.undo_stack.push(
            SaveRecordCommand(self.context.db, self.context.feedback, text, ref, saved.before, values)
        )
        self.reload()

    def move_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.entity != "exhibits":
            return
        self.move_dialog = MoveDialog(inventory.place_choices(self.context.db).by_kind, self)
        self.move_dialog.setProperty("row_id", self.model.row_id(row))
        self.move_dialog.setProperty("version", self.model.row_version(row))
        self.move_dialog.accepted.connect(self._move_chosen)
        self.move_dialog.open()

    def _move_chosen(self) -> None:
        dialog = self.move_dialog
        assert dialog is not None
        row_id, version = int(dialog.property("row_id")), int(dialog.property("version"))
        to = dialog.place()
        if to is None:
            return
        reason = dialog.reason.text().strip()
        self.move_exhibit(row_id, version, to, reason)

    def move_exhibit(self, row_id: int, version: int, to: inventory.Place, reason: str) -> bool:
        try:
            moved = inventory.move_exhibit(self.context.db, row_id, version, to, reason)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not moved"), error_text(exc))
            self.reload()
            return False
        ref = self.context.refs.reset("exhibits", row_id, moved.version)
        row = self.model.row_of_id(row_id)
        code = self.model.value(row, "code") if row is not None else row_id
        text = self.tr("Move exhibit %1 to %2").replace("%1", str(code)).replace("%2", place_text(str(to)))
        self.context.undo_stack.push(
            MoveExhibitCommand(
                self.context.db,
                self.context.feedback,
                text,
                ref,
                to,
                moved.origin,
                moved.status_before,
                None,
                reason,
                self.tr("undo of a move"),
            )
        )
        self.reload()
        return True

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search code, name, theme, city…"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.retire_button.setText(
            self.tr("Retire") if self.entity != "requests" else self.tr("Cancel request")
        )
        self.move_button.setText(self.tr("Move…"))
        self.reload_button.setText(self.tr("Reload"))
        self.detail_tabs.retranslate_ui()
        if self.loaded:
            self.model.set_titles(self._titles(self.model.columns))
            self.model.refresh_text()
            self._fill_facets()
            self._update_count()
            if self.isVisible():
                self._details_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class VenuesAndRegionsPage(QWidget):
    """Venues, the regions they are in, and the depots caravans and sets start from."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_venues_regions")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("venue_tabs")
        self.pages = {key: EntityPage(key, context) for key in ("venues", "regions", "depots")}
        for page in self.pages.values():
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Venues"))
        self.tabs.setTabText(1, self.tr("Regions"))
        self.tabs.setTabText(2, self.tr("Depots"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
