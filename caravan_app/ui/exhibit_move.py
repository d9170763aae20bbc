"""Where an exhibit goes when the inventory screen moves it: a kind of place, the place, and why."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caravan_app.services import inventory
from caravan_app.services.inventory import Choice
from caravan_app.ui.labels import place_kind


class MoveDialog(QDialog):
    """Where an exhibit goes: a kind of place, the place, and why."""

    def __init__(self, places: Mapping[str, list[Choice]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("move_dialog")
        self.places = places
        self.kind = QComboBox()
        self.kind.setObjectName("move_kind")
        for kind in inventory.PLACE_KINDS:
            self.kind.addItem(place_kind(kind), kind)
        self.target = QComboBox()
        self.target.setObjectName("move_target")
        self.reason = QLineEdit()
        self.reason.setObjectName("move_reason")
        self.kind.currentIndexChanged.connect(self._fill_targets)
        form = QFormLayout()
        self._kind_label, self._target_label, self._reason_label = QLabel(), QLabel(), QLabel()
        form.addRow(self._kind_label, self.kind)
        form.addRow(self._target_label, self.target)
        form.addRow(self._reason_label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._fill_targets()
        self.retranslate_ui()

    def _fill_targets(self) -> None:
        self.target.clear()
        for choice in self.places.get(self.kind.currentData(), []):
            self.target.addItem(f"{choice.code} — {choice.name}", choice.code)

    def place(self) -> inventory.Place | None:
        code = self.target.currentData()
        return inventory.Place(self.kind.currentData(), code) if code else None

    def choose(self, kind: str, code: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.target.setCurrentIndex(self.target.findData(code))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Move exhibit"))
        self._kind_label.setText(self.tr("To a"))
        self._target_label.setText(self.tr("Place"))
        self._reason_label.setText(self.tr("Reason"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, place_kind(self.kind.itemData(i)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
