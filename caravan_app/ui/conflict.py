"""What the user sees when a save meets someone else's newer save: what happened, their own
typed values (selectable and copied to the clipboard) and the choice to reload."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caravan_app.errors import ConflictError
from caravan_app.ui.labels import entity_noun


class ConflictChoice(Enum):
    KEEP_EDITING = "keep"  # leave the form as it is
    RELOAD_KEEP_MINE = "rebase"  # take the newer version as the base, keep the typed values
    RELOAD_THEIRS = "reload"  # show the saved values; the typed ones stay on the clipboard


class ConflictDialog(QDialog):
    def __init__(self, error: ConflictError, typed: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = ConflictChoice.KEEP_EDITING
        self.mine = "\n".join(f"{name}\t{value}" for name, value in typed.items())
        explain = QLabel(
            self.tr(
                "%1 %2 was changed by someone else after you opened it. Nothing was saved. "
                "Your values are below and on the clipboard; reload to see the saved ones."
            )
            .replace("%1", entity_noun(error.table))
            .replace("%2", error.key)
        )
        explain.setObjectName("conflict_message")
        explain.setWordWrap(True)
        self.values = QPlainTextEdit(self.mine)
        self.values.setObjectName("conflict_my_values")
        self.values.setReadOnly(True)
        self.values.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = QDialogButtonBox()
        self.rebase_button = QPushButton(self.tr("Reload and keep my values"))
        self.rebase_button.setObjectName("conflict_rebase")
        self.reload_button = QPushButton(self.tr("Reload the saved values"))
        self.reload_button.setObjectName("conflict_reload")
        self.copy_button = QPushButton(self.tr("Copy my values"))
        self.keep_button = QPushButton(self.tr("Keep editing"))
        buttons.addButton(self.rebase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.rebase_button.clicked.connect(lambda: self._choose(ConflictChoice.RELOAD_KEEP_MINE))
        self.reload_button.clicked.connect(lambda: self._choose(ConflictChoice.RELOAD_THEIRS))
        self.copy_button.clicked.connect(self.copy)
        self.keep_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(QLabel(self.tr("Your values:")))
        layout.addWidget(self.values)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self.copy()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.mine)

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()
