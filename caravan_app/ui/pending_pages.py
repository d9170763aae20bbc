"""The rotation planner screen: the rotation plans the database holds, made by the rotation
service's command in this version; it says plainly what the window does not do yet and never shows
a made-up plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from caravan_app.domain.enums import PlanKind
from caravan_app.services import tour_plans
from caravan_app.ui.context import AppContext
from caravan_app.ui.hooks import ROTATION_SERVICE, optional_service
from caravan_app.ui.labels import enum_label
from caravan_app.ui.table_model import RowsModel


class StoredPlansPage(QWidget):
    """The stored plans of one kind and the state of the service that makes them."""

    kind: PlanKind = PlanKind.ROTATION
    service: str = ROTATION_SERVICE

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("plans")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        context.bus.data_changed.connect(lambda _entity: self.refresh() if self.isVisible() else None)
        self.retranslate_ui()

    def showEvent(self, event: Any) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        plans = tour_plans.stored_plans(self.context.db, self.kind)
        self.model.set_rows(
            ["name", "status", "start", "end", "created"],
            [
                QCoreApplication.translate("StoredPlansPage", "Plan"),
                QCoreApplication.translate("StoredPlansPage", "Status"),
                QCoreApplication.translate("StoredPlansPage", "From"),
                QCoreApplication.translate("StoredPlansPage", "To"),
                QCoreApplication.translate("StoredPlansPage", "Made"),
            ],
            [(p.name, enum_label(p.status), p.start, p.end, p.created_at) for p in plans],
        )
        present = optional_service(self.service) is not None
        self.status.setText(self.state_text(bool(plans), present))

    def state_text(self, has_plans: bool, present: bool) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)


class RotationPage(StoredPlansPage):
    kind = PlanKind.ROTATION
    service = ROTATION_SERVICE

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_rotation")

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Rotation planner: museum sets × periods"))

    def state_text(self, has_plans: bool, present: bool) -> str:
        if not present:
            return self.tr(
                "No rotation plan yet — the rotation planner is not part of this version. When it is, "
                "run a plan here to see which set stands in which venue in each period, the truck moves "
                "between periods, locks, re-solve and approval."
            )
        if not has_plans:
            return self.tr(
                "No rotation plan yet — run a plan. In this version rotation plans are made with the "
                "command `caravan-app plan rotation`; the plans it stores are listed here."
            )
        return self.tr(
            "Rotation plans stored (made with `caravan-app plan rotation`; planning them from this "
            "screen comes in a later version):"
        )
