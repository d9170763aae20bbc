"""The detail pane of an inventory screen: the selected row's fields, and beside them its histories
(an exhibit's location history and condition checks, an exhibit's or caravan's maintenance log, a
set's hall now and every hall it has stood in or is planned to), and every row's changes as the audit
log holds them (who, when, what). A row the signed-in account may not change says whose it is.

Its words keep the "EntityPage" translation context of the screen they came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caravan_app.services import inventory, permissions
from caravan_app.services.set_places import SetWhereabouts, set_whereabouts
from caravan_app.ui.context import AppContext
from caravan_app.ui.edit_dialog import PLACE_ATTRS
from caravan_app.ui.labels import column_title, enum_label, enum_labels, place_text
from caravan_app.ui.table_model import RowsModel


class DetailPane(QTabWidget):
    """The selected row of `entity` in full, with the histories its kind has."""

    def __init__(self, entity: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_tabs")
        self.entity = entity
        self.context = context
        self.detail_form_host = QWidget()
        self.detail_form = QFormLayout(self.detail_form_host)
        self.detail_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Whose the row is, when the signed-in account may not change it.
        self.access = QLabel()
        self.access.setObjectName("access")
        self.access.setWordWrap(True)
        self.access.setStyleSheet("QLabel { color: #8a5a00; }")
        self.access.hide()
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.access)
        details_layout.addWidget(self.detail_form_host, 1)
        self.addTab(details, "")
        self.history = _small_table("history")
        self.maintenance = _small_table("maintenance")
        self.checks = _small_table("checks")
        # A set's halls: where it stands now (or which depot keeps it), then every stay.
        self.placements = _small_table("placements")
        self.where_now = QLabel()
        self.where_now.setObjectName("where_now")
        self.where_now.setWordWrap(True)
        self.where_now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placements_host = QWidget()
        placements_layout = QVBoxLayout(self.placements_host)
        placements_layout.addWidget(self.where_now)
        placements_layout.addWidget(self.placements, 1)
        if entity == "exhibit_sets":
            self.addTab(self.placements_host, "")
        if entity == "exhibits":
            self.addTab(self.history, "")
        if entity in ("exhibits", "caravans"):
            self.addTab(self.maintenance, "")
        if entity == "exhibits":
            self.addTab(self.checks, "")
        self.changes = _small_table("changes")
        self.changes.setWordWrap(True)
        self.changes.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.addTab(self.changes, "")

    def clear_row(self) -> None:
        while self.detail_form.rowCount():
            self.detail_form.removeRow(0)
        for table in (self.history, self.maintenance, self.checks, self.placements, self.changes):
            table.model().set_rows([], [], [])  # type: ignore[attr-defined]
        self.where_now.clear()
        self.access.hide()

    def show_row(
        self,
        columns: Sequence[str],
        values: Sequence[Any],
        row_id: int,
        format_value: Callable[[str, Any], str],
        tip: Callable[[str, Any], str | None] = lambda _column, _value: None,
        locked: str | None = None,
    ) -> None:
        """The row's fields (a value with a code behind its name shows both), its histories and its
        changes; `locked` says whose it is when the signed-in account may not change it."""
        while self.detail_form.rowCount():
            self.detail_form.removeRow(0)
        self.access.setText(locked or "")
        self.access.setVisible(bool(locked))
        for column, value in zip(columns, values, strict=True):
            if self.entity == "exhibits" and column in (*PLACE_ATTRS, "city"):
                continue
            shown, code = format_value(column, value), tip(column, value)
            text = QLabel(f"{shown} ({code})" if code and code != shown else shown)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_form.addRow(column_title(column), text)
        if self.entity == "exhibits":
            moves = inventory.movements(self.context.db, row_id)
            self.history.model().set_rows(  # type: ignore[attr-defined]
                ["moved_at", "from", "to", "reason"],
                [
                    QCoreApplication.translate("EntityPage", "When"),
                    QCoreApplication.translate("EntityPage", "From"),
                    QCoreApplication.translate("EntityPage", "To"),
                    QCoreApplication.translate("EntityPage", "Reason"),
                ],
                [(m.moved_at, place_text(m.origin), place_text(m.destination), m.reason) for m in moves],
            )
            checks = inventory.condition_checks(self.context.db, row_id)
            labels = enum_labels()
            self.checks.model().set_rows(  # type: ignore[attr-defined]
                ["checked_on", "grade", "context", "fault", "by"],
                [
                    QCoreApplication.translate("EntityPage", "Checked on"),
                    QCoreApplication.translate("EntityPage", "Grade"),
                    QCoreApplication.translate("EntityPage", "Occasion"),
                    QCoreApplication.translate("EntityPage", "Fault"),
                    QCoreApplication.translate("EntityPage", "By"),
                ],
                [
                    (
                        c.checked_on,
                        c.grade,
                        labels["CheckContext"].get(c.context, c.context),
                        c.fault,
                        c.checked_by,
                    )
                    for c in checks
                ],
            )
        if self.entity in ("exhibits", "caravans"):
            log_rows = inventory.maintenance_log(self.context.db, self.entity, row_id)
            kinds = enum_labels()["MaintenanceKind"]
            self.maintenance.model().set_rows(  # type: ignore[attr-defined]
                ["code", "kind", "opened", "closed", "fault", "cost", "workshop"],
                [
                    QCoreApplication.translate("EntityPage", "Record"),
                    QCoreApplication.translate("EntityPage", "Kind"),
                    QCoreApplication.translate("EntityPage", "Opened"),
                    QCoreApplication.translate("EntityPage", "Closed"),
                    QCoreApplication.translate("EntityPage", "Fault"),
                    QCoreApplication.translate("EntityPage", "Cost (yuan)"),
                    QCoreApplication.translate("EntityPage", "Workshop"),
                ],
                [
                    (
                        m.code,
                        kinds.get(m.kind, m.kind),
                        m.opened_on,
                        m.closed_on,
                        m.fault,
                        m.cost_yuan,
                        m.workshop,
                    )
                    for m in log_rows
                ],
            )
        if self.entity == "exhibit_sets":
            self._show_placements(set_whereabouts(self.context.db, row_id))
        self._show_changes(row_id)
        for table in (self.history, self.maintenance, self.checks, self.placements):
            table.resizeColumnsToContents()
        # What changed wraps in the pane's width rather than running off to the right.
        self.changes.resizeColumnToContents(0)
        self.changes.resizeColumnToContents(1)
        self.changes.resizeRowsToContents()

    def _show_changes(self, row_id: int) -> None:
        """The audit log's rows of this row, newest first: on PostgreSQL written by the server, naming
        the signed-in role and the server's time."""
        table = inventory.spec(self.entity).model.__tablename__
        actions = {
            "insert": QCoreApplication.translate("DetailPane", "Added"),
            "update": QCoreApplication.translate("DetailPane", "Changed"),
            "delete": QCoreApplication.translate("DetailPane", "Deleted"),
        }
        self.changes.model().set_rows(  # type: ignore[attr-defined]
            ["at", "user", "what"],
            [
                QCoreApplication.translate("DetailPane", "When"),
                QCoreApplication.translate("DetailPane", "Who"),
                QCoreApplication.translate("DetailPane", "What changed"),
            ],
            [
                (
                    h.at[:16],
                    h.user_name,
                    f"{actions.get(h.action, h.action)} — {changes_text(h.action, h.changes)}",
                )
                for h in permissions.row_history(self.context.db, table, row_id)
            ],
        )

    def _show_placements(self, where: SetWhereabouts) -> None:
        now, last = where.now, where.last
        if now is not None:
            text = (
                QCoreApplication.translate("DetailPane", "Stands in %1 (%2) from %3 to %4.")
                .replace("%1", now.venue)
                .replace("%2", now.county)
                .replace("%3", now.start_on.isoformat())
                .replace("%4", now.end_on.isoformat())
            )
        else:
            text = QCoreApplication.translate("DetailPane", "In store at %1.").replace("%1", where.home_depot)
            if last is not None:
                text += " " + (
                    QCoreApplication.translate("DetailPane", "Last in %1 (%2) until %3.")
                    .replace("%1", last.venue)
                    .replace("%2", last.county)
                    .replace("%3", last.end_on.isoformat())
                )
        coming = [p for p in where.history if p.plan and p.start_on > where.day]
        if coming:
            nxt = coming[-1]  # the history is newest first
            text += " " + (
                QCoreApplication.translate("DetailPane", "Next: %1 (%2) from %3, plan %4.")
                .replace("%1", nxt.venue)
                .replace("%2", nxt.county)
                .replace("%3", nxt.start_on.isoformat())
                .replace("%4", nxt.plan)
            )
        self.where_now.setText(text)
        recorded = QCoreApplication.translate("DetailPane", "Recorded")
        self.placements.model().set_rows(  # type: ignore[attr-defined]
            ["start_on", "end_on", "hall", "county", "city", "came_from", "km", "visitors", "source"],
            [
                QCoreApplication.translate("DetailPane", "From"),
                QCoreApplication.translate("DetailPane", "To"),
                QCoreApplication.translate("DetailPane", "Hall"),
                QCoreApplication.translate("DetailPane", "County"),
                QCoreApplication.translate("DetailPane", "City"),
                QCoreApplication.translate("DetailPane", "Came from"),
                QCoreApplication.translate("DetailPane", "Truck km"),
                QCoreApplication.translate("DetailPane", "Visitors"),
                QCoreApplication.translate("DetailPane", "Record or plan"),
            ],
            [
                (
                    p.start_on,
                    p.end_on,
                    p.venue,
                    p.county,
                    p.city,
                    p.came_from,
                    p.km,
                    p.visitors,
                    QCoreApplication.translate("DetailPane", "Plan %1 (%2)")
                    .replace("%1", p.plan)
                    .replace("%2", enum_label(p.plan_status))
                    if p.plan and p.plan_status is not None
                    else recorded,
                )
                for p in where.history
            ],
        )
        self.placements.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first, as it comes

    def retranslate_ui(self) -> None:
        self.setTabText(0, QCoreApplication.translate("EntityPage", "Details"))
        i = 1
        if self.entity == "exhibit_sets":
            self.setTabText(i, QCoreApplication.translate("DetailPane", "Halls"))
            i += 1
        if self.entity == "exhibits":
            self.setTabText(i, QCoreApplication.translate("EntityPage", "Location history"))
            i += 1
        if self.entity in ("exhibits", "caravans"):
            self.setTabText(i, QCoreApplication.translate("EntityPage", "Maintenance"))
            i += 1
        if self.entity == "exhibits":
            self.setTabText(i, QCoreApplication.translate("EntityPage", "Condition checks"))
            i += 1
        self.setTabText(i, QCoreApplication.translate("DetailPane", "Changes"))


def changes_text(action: str, changes: str) -> str:
    """An audit row's changes as "field: old → new; …" (an added or deleted row: "field: value")."""
    try:
        fields = json.loads(changes)
    except ValueError:
        return changes
    if not isinstance(fields, dict):
        return changes
    parts = []
    for attr, value in fields.items():
        if action == "update" and isinstance(value, list) and len(value) == 2:
            parts.append(f"{column_title(attr)}: {_plain(value[0])} → {_plain(value[1])}")
        else:
            parts.append(f"{column_title(attr)}: {_plain(value)}")
    return "; ".join(parts)


def _plain(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


def _small_table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    model = RowsModel(view)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    return view
