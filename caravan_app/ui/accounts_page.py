"""Accounts (issue 17): the people who sign in to a shared PostgreSQL database, for its administrators.
Each is a login role of the server with a level and a region; here they are listed, added, disabled and
given new passwords (services/accounts.py does it, and the server refuses it to anyone but an
administrator whatever this screen shows). The window lists the screen only for an administrator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.domain.enums import Level
from caravan_app.errors import CaravanError
from caravan_app.services import accounts, inventory, permissions
from caravan_app.services.accounts import AccountView
from caravan_app.ui.context import AppContext
from caravan_app.ui.labels import display, enum_label
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.table_model import RowsModel

COLUMNS = ["name", "level", "region", "is_admin", "state", "created_at"]
LEVELS = (Level.PROVINCE, Level.CITY, Level.COUNTY)


def _password_fields(owner: QWidget) -> tuple[QLineEdit, QLineEdit]:
    first, second = QLineEdit(owner), QLineEdit(owner)
    first.setObjectName("password")
    second.setObjectName("password_again")
    for field in (first, second):
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return first, second


def _password_problem(first: QLineEdit, second: QLineEdit) -> str:
    """Why the two passwords typed cannot be used ("" when they can)."""
    if not first.text():
        return QCoreApplication.translate("AccountsPage", "Enter a password.")
    if first.text() != second.text():
        return QCoreApplication.translate(
            "AccountsPage", "The two passwords differ; type the same one twice."
        )
    return ""


class AccountDialog(QDialog):
    """A new account: name, level, region of that level, administrator or not, password twice. OK hands
    the values to `save`, which says whether the account was made; the dialog stays open if not."""

    def __init__(
        self,
        regions: list[tuple[Level, str, str]],
        save: Callable[[dict[str, Any]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("account_dialog")
        self.regions = regions  # (level, adcode, name)
        self.save = save
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.level = QComboBox()
        self.level.setObjectName("level")
        for level in LEVELS:
            self.level.addItem(enum_label(level), level)
        self.region = QComboBox()
        self.region.setObjectName("region")
        self.region.setMinimumContentsLength(18)
        self.admin = QCheckBox()
        self.admin.setObjectName("admin")
        self.password, self.password_again = _password_fields(self)
        self.message = QLabel()
        self.message.setObjectName("account_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        form.addRow(self._labels[0], self.name)
        form.addRow(self._labels[1], self.level)
        form.addRow(self._labels[2], self.region)
        form.addRow("", self.admin)
        form.addRow(self._labels[3], self.password)
        form.addRow(self._labels[4], self.password_again)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.level.currentIndexChanged.connect(lambda _i: self._fill_regions())
        self.level.setCurrentIndex(LEVELS.index(Level.COUNTY))
        self._fill_regions()
        self.retranslate_ui()
        self.setMinimumWidth(440)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add an account"))
        for label, text in zip(
            self._labels,
            [
                self.tr("Name"),
                self.tr("Level"),
                self.tr("Region"),
                self.tr("Password"),
                self.tr("Password again"),
            ],
            strict=True,
        ):
            label.setText(text)
        for i, level in enumerate(LEVELS):
            self.level.setItemText(i, enum_label(level))
        self.admin.setText(self.tr("Administrator (may add and disable accounts)"))
        self.name.setPlaceholderText(self.tr("e.g. liming"))
        self.hint.setText(
            self.tr(
                "The name is what the person types to sign in: lower-case letters, digits and _, starting "
                "with a letter. They may change what belongs to their region and level."
            )
        )

    def _fill_regions(self) -> None:
        level = self.level.currentData()
        self.region.clear()
        for region_level, adcode, name in self.regions:
            if region_level == level:
                self.region.addItem(f"{name} ({adcode})", adcode)

    def select_region(self, adcode: str) -> bool:
        index = self.region.findData(adcode)
        self.region.setCurrentIndex(index)
        return index >= 0

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "level": Level(self.level.currentData()),
            "region_adcode": str(self.region.currentData() or ""),
            "admin": self.admin.isChecked(),
            "password": self.password.text(),
        }

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def accept(self) -> None:
        if not self.name.text().strip():
            self._show(self.tr("Enter the account's name."))
            return
        if self.region.currentIndex() < 0:
            self._show(self.tr("Choose the account's region."))
            return
        problem = _password_problem(self.password, self.password_again)
        if problem:
            self._show(problem)
            return
        self._show("")
        if self.save(self.values()):
            super().accept()


class PasswordDialog(QDialog):
    """A new password for an account, typed twice."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("Change password"))
        self.password, self.password_again = _password_fields(self)
        self.message = QLabel()
        self.message.setObjectName("password_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Account"), QLabel(name))
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        problem = _password_problem(self.password, self.password_again)
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        if not problem:
            super().accept()


class AccountsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_accounts")
        self.context = context
        self.views: list[AccountView] = []
        self.dialog: QDialog | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("accounts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.add_button, self.disable_button = QPushButton(), QPushButton()
        self.password_button, self.reload_button = QPushButton(), QPushButton()
        self.add_button.setObjectName("add_account")
        self.disable_button.setObjectName("disable_account")
        self.password_button.setObjectName("change_password")
        self.reload_button.setObjectName("reload_accounts")
        self.add_button.clicked.connect(lambda: self.open_add_dialog())
        self.disable_button.clicked.connect(lambda: self.disable_selected())
        self.password_button.clicked.connect(lambda: self.change_password())
        self.reload_button.clicked.connect(lambda: self.refresh())
        self.message = QLabel()
        self.message.setObjectName("accounts_message")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.disable_button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        context.bus.database_changed.connect(self.refresh)
        self.retranslate_ui()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    # --- the list ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected()
        try:
            self.views = accounts.list_accounts(self.context.db)
        except CaravanError as exc:
            self.views = []
            self.show_message(error_text(exc))
        rows = [
            (
                v.name,
                v.level,
                f"{v.region_name} ({v.region_adcode})" if v.region_name else v.region_adcode,
                v.is_admin,
                v.disabled,
                v.created_at,
            )
            for v in self.views
        ]
        self.model.set_rows(COLUMNS, self._titles(), rows, formatter=self._cell)
        self.table.resizeColumnsToContents()
        if chosen is not None:
            self.select(chosen.name)
        self._selected()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _titles(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Level"),
            self.tr("Region"),
            self.tr("Administrator"),
            self.tr("State"),
            self.tr("Created"),
        ]

    def _cell(self, column: str, value: Any) -> str:
        if column == "is_admin":
            return self.tr("Administrator") if value else ""
        if column == "state":
            return self.tr("Disabled: may not sign in") if value else self.tr("Active")
        return display(value)

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        name = self.model.value(rows[0].row(), "name")
        return next((v for v in self.views if v.name == name), None)

    def select(self, name: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.value(row, "name") == name:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self) -> None:
        view = self.selected()
        self.disable_button.setEnabled(view is not None and not view.disabled)
        self.password_button.setEnabled(view is not None)

    # --- changes ----------------------------------------------------------------------------------

    def _regions(self) -> list[tuple[Level, str, str]]:
        table = inventory.load_table(self.context.db, "regions")
        adcode, name, level = table.column("adcode"), table.column("name"), table.column("level")
        return [(Level(row[level]), str(row[adcode]), str(row[name])) for row in table.values]

    def open_add_dialog(self) -> AccountDialog:
        dialog = AccountDialog(self._regions(), self.add, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def add(self, values: dict[str, Any]) -> bool:
        """Make the account the dialog describes; a refusal is said in a message box, nothing made."""
        try:
            view = accounts.add_account(
                self.context.db,
                values["name"],
                values["level"],
                values["region_adcode"],
                values["password"],
                admin=values["admin"],
            )
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Account not added"), error_text(exc))
            return False
        self.refresh()
        self.select(view.name)
        self.show_message(self.tr("Account %1 added; it may sign in now.").replace("%1", view.name))
        return True

    def disable_selected(self) -> bool:
        view = self.selected()
        if view is None or view.disabled:
            return False
        if view.name == permissions.signed_in(self.context.db).name:
            QMessageBox.warning(
                self,
                self.tr("Not disabled"),
                self.tr(
                    "%1 is the account you are signed in with; another administrator must disable it."
                ).replace("%1", view.name),
            )
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Disable account"),
            self.tr(
                "Disable %1? The person may no longer sign in; what they did keeps their name. "
                "Connections open now stay open until they close."
            ).replace("%1", view.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            accounts.disable_account(self.context.db, view.name)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not disabled"), error_text(exc))
            return False
        self.refresh()
        self.show_message(self.tr("Account %1 disabled.").replace("%1", view.name))
        return True

    def change_password(self) -> PasswordDialog | None:
        view = self.selected()
        if view is None:
            return None
        dialog = PasswordDialog(view.name, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.set_password(view.name, dialog.password.text()))
        dialog.open()
        return dialog

    def set_password(self, name: str, password: str) -> bool:
        try:
            accounts.set_password(self.context.db, name, password)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Password not changed"), error_text(exc))
            return False
        self.show_message(self.tr("The password of %1 was changed.").replace("%1", name))
        return True

    # --- language ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Accounts"))
        self.intro.setText(
            self.tr(
                "The people who sign in to this database, each with a login of their own on the server. "
                "A province account may change everything; a city one what belongs to its city and its "
                "counties; a county one what belongs to its county. The server holds these rules, "
                "whatever program is used."
            )
        )
        self.add_button.setText(self.tr("Add…"))
        self.disable_button.setText(self.tr("Disable"))
        self.password_button.setText(self.tr("Change password…"))
        self.reload_button.setText(self.tr("Reload"))
        self.model.set_titles(self._titles())
        self.model.refresh_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
