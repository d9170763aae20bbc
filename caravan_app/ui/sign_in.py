"""Signing in to a shared PostgreSQL database: the server and database shown, the person's user name and
password asked, the password remembered in the system keyring when they tick it (issue 17).

The dialog tries the connection in the background before it closes, so a refused password is said in
the dialog, in the window's language, and the person tries again; the driver's own text only goes to the
log. `sign_in` asks once from a window; `start_sign_in` is what the program runs before it opens the
database: a SQLite file, or a URL with a password that works, never shows the dialog.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.ui import passwords, preferences
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.i18n import I18N_DIR, system_language
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)

LAST_USER_KEY = "database/last_user"
# A server that does not answer is said so after this long, not after the system's TCP timeout.
CONNECT_TIMEOUT_S = 10


def is_postgresql(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def last_user() -> str:
    """The user name the last sign-in on this computer used ("" if none)."""
    return str(preferences.settings().value(LAST_USER_KEY, "") or "")


def _remember_user(name: str) -> None:
    s = preferences.settings()
    s.setValue(LAST_USER_KEY, name)
    s.sync()


def password_key(url: URL, user: str) -> str:
    """Where a password of `user` on the database of `url` is kept: the key preferences uses for that
    URL with that user in it."""
    return preferences._url_key(url._replace(username=user or None))


def remembered(url: URL) -> URL | None:
    """`url` with the user (its own, or the last one used) and the password kept for them, or None."""
    user = url.username or last_user()
    if not user:
        return None
    try:
        password = passwords.load(password_key(url, user), preferences.password_store())
    except Exception as exc:  # noqa: BLE001 - a keyring that fails to answer means "not remembered"
        _log.warning("could not read a remembered password: %s", exc)
        return None
    return url.set(username=user, password=password) if password else None


# --- why a connection failed -------------------------------------------------------------------------


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, what it was raised from, and the driver's error under SQLAlchemy's."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo.extend([current.__cause__, current.__context__])
        if isinstance(orig, BaseException):
            todo.append(orig)


def refusal(exc: BaseException) -> str:
    """What kind of failure a connection attempt met: "password" (a wrong name or password: SQLSTATE
    28P01, which the server also gives for an unknown user), "disabled" (a role that may not log in),
    "host" (pg_hba.conf has no line for this computer), "database" (no such database), "unreachable",
    or "other"."""
    states = {str(getattr(e, "sqlstate", "") or "") for e in _chain(exc)}
    text = " ".join(str(e) for e in _chain(exc)).lower()
    if "28P01" in states or "password authentication failed" in text or "no password supplied" in text:
        return "password"
    if "is not permitted to log in" in text:
        return "disabled"
    if "no pg_hba.conf entry" in text:
        return "host"
    if "3D000" in states or ("database" in text and "does not exist" in text):
        return "database"
    reachable = (
        "connection refused",
        "could not translate host name",
        "name or service not known",
        "timeout expired",
        "no route to host",
        "network is unreachable",
        "could not connect",
    )
    if any(words in text for words in reachable):
        return "unreachable"
    return "other"


def server_text(url: URL) -> str:
    host = url.host or "localhost"
    return f"{host}:{url.port or 5432}"


def refusal_text(kind: str, url: URL, user: str) -> str:
    """A failed sign-in in plain words, in the window's language."""
    if kind == "password":
        text = QCoreApplication.translate("SignIn", "The server refused user %1: wrong name or password.")
    elif kind == "disabled":
        text = QCoreApplication.translate(
            "SignIn", "The server refused user %1: the account is disabled. Ask an administrator."
        )
    elif kind == "host":
        text = QCoreApplication.translate(
            "SignIn",
            "The server does not let user %1 connect from this computer. Ask the server's administrator "
            "to allow it (pg_hba.conf).",
        )
    elif kind == "database":
        text = QCoreApplication.translate("SignIn", "The server at %1 has no database %2.")
        return text.replace("%2", str(url.database or "")).replace("%1", server_text(url))
    elif kind == "unreachable":
        text = QCoreApplication.translate(
            "SignIn", "No answer from the server at %1. Check the address and that the server is running."
        )
        return text.replace("%1", server_text(url))
    else:
        text = QCoreApplication.translate(
            "SignIn", "Could not sign in to the server at %1 (the details are in the log)."
        )
        return text.replace("%1", server_text(url))
    return text.replace("%1", user)


def try_connection(url: URL) -> None:
    """Connect once to `url` and leave; raises what the connection raised."""
    if "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    db = Database(url)
    try:
        db.check_reachable()
    finally:
        db.dispose()


# --- the dialog --------------------------------------------------------------------------------------


class SignInDialog(QDialog):
    """User name, password and "remember" for the database of a PostgreSQL URL; closes only on a
    connection that works (then `signed_in_url` holds the URL with the user and password)."""

    checked = Signal(bool)  # a connection attempt ended: True when it worked

    def __init__(self, url: URL, parent: QWidget | None = None, message: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        self.url = url
        self.signed_in_url: URL | None = None
        self._attempt = 0  # an attempt's outcome after a newer one began (or the dialog closed) is dropped
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.server = QLabel(server_text(url))
        self.server.setObjectName("server")
        self.database = QLabel(str(url.database or ""))
        self.database.setObjectName("database")
        self.user = QLineEdit(url.username or last_user())
        self.user.setObjectName("user")
        self.password = QLineEdit(str(url.password or ""))
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.remember.setObjectName("remember")
        self.message = QLabel(message)
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(bool(message))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        self.form.addRow(self._labels[0], self.server)
        self.form.addRow(self._labels[1], self.database)
        self.form.addRow(self._labels[2], self.user)
        self.form.addRow(self._labels[3], self.password)
        self.form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.setMinimumWidth(460)
        (self.password if self.user.text() else self.user).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.intro.setText(self.tr("Sign in to the shared database with your own account."))
        for label, text in zip(
            self._labels,
            [self.tr("Server"), self.tr("Database"), self.tr("User name"), self.tr("Password")],
            strict=True,
        ):
            label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        store = preferences.password_store()
        keyring = passwords.keyring_name()
        self.remember.setText(self.tr("Remember the password on this computer"))
        if store == passwords.FILE:
            self.remember.setToolTip(self.tr("Kept in a file only you can read, as chosen in Settings."))
        elif keyring:
            self.remember.setToolTip(self.tr("Kept in the system keyring (%1).").replace("%1", keyring))
        else:
            self.remember.setToolTip(self.tr("This computer has no system keyring to keep it in."))
        self.remember.setEnabled(store == passwords.FILE or keyring is not None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        return not self.buttons.isEnabled()

    def accept(self) -> None:
        """Try the connection; the dialog closes when it works."""
        if self.busy:
            return
        user = self.user.text().strip()
        if not user:
            self.show_message(self.tr("Enter your user name."))
            self.user.setFocus()
            return
        url = self.url._replace(username=user, password=self.password.text() or None)
        self._attempt += 1
        attempt = self._attempt
        self.buttons.setEnabled(False)
        self.show_message(self.tr("Connecting to %1…").replace("%1", server_text(self.url)))
        self.message.setStyleSheet("")

        def work(_state: TaskState) -> None:
            try_connection(url)

        Operation(self, work, "sign_in").success(lambda _none: self._worked(attempt, url)).failure(
            lambda exc: self._failed(attempt, url, exc)
        ).run()

    def _current(self, attempt: int) -> bool:
        return shiboken6.isValid(self) and attempt == self._attempt

    def _failed(self, attempt: int, url: URL, exc: BaseException) -> None:
        if not self._current(attempt):
            return
        kind = refusal(exc)
        _log.info("sign-in as %s at %s refused (%s): %s", url.username, server_text(url), kind, exc)
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.show_message(refusal_text(kind, url, str(url.username or "")))
        self.password.selectAll()
        self.password.setFocus()
        self.checked.emit(False)

    def _worked(self, attempt: int, url: URL) -> None:
        if not self._current(attempt):
            return
        self.buttons.setEnabled(True)
        user = str(url.username or "")
        try:
            # Remembered when ticked; otherwise any password kept for this user is forgotten.
            kept = str(url.password) if self.remember.isChecked() and url.password else None
            passwords.store(password_key(url, user), kept, preferences.password_store())
        except CaravanError as exc:
            self.remember.setChecked(False)
            self.message.setStyleSheet("color: #b00020;")
            self.show_message(
                self.tr("Signed in, but the password was not remembered: %1 Press %2 to go on.")
                .replace("%1", error_text(exc))
                .replace("%2", self.tr("Sign in"))
            )
            self.checked.emit(False)
            return
        _remember_user(user)
        self.signed_in_url = url
        self.checked.emit(True)
        super().accept()

    def reject(self) -> None:
        self._attempt += 1  # an attempt still running ends unheard
        super().reject()


def sign_in(url: URL, parent: QWidget | None = None, message: str = "") -> URL | None:
    """Ask for a user and password for the PostgreSQL database of `url`: the URL with them, once the
    server took them, or None if the person cancelled."""
    dialog = SignInDialog(url, parent, message)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.signed_in_url
        return None
    finally:
        dialog.deleteLater()


# --- at start ----------------------------------------------------------------------------------------


class _StartLanguage:
    """The window's language for a dialog shown before the window exists, taken away again after it
    (the window installs its own, which a language switch replaces; these would outlive the switch)."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        code = preferences.language() or system_language()
        self.installed: list[QTranslator] = []
        own = QTranslator(app)
        if own.load(str(I18N_DIR / f"caravan_app_{code}.qm")):
            self.installed.append(own)
        if code != "en":
            qt = QTranslator(app)
            if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self.installed.append(qt)
        for translator in self.installed:
            app.installTranslator(translator)

    def remove(self) -> None:
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed = []


def start_sign_in(url: URL) -> URL | None:
    """The URL to open at start: `url` itself for SQLite or a PostgreSQL URL whose password works, else
    the one the person signs in with (None when they cancel). A remembered password is used without
    asking; a refused one opens the dialog saying so."""
    if not is_postgresql(url):
        return url
    message_kind = ""
    candidate = url if url.password or os.environ.get("PGPASSWORD") else remembered(url)
    if candidate is not None:
        try:
            try_connection(candidate)
        except Exception as exc:  # noqa: BLE001 - sorted below; anything but a refusal is left to the opening
            message_kind = refusal(exc)
            if message_kind not in ("password", "disabled"):
                return candidate  # not the password's fault: opening it says what is wrong, as before
        else:
            return candidate
    from caravan_app.ui.main_window import create_application, web_engine_flags

    web_engine_flags()
    app = create_application()
    language = _StartLanguage(app)
    try:
        shown = candidate or url
        message = refusal_text(message_kind, shown, str(shown.username or "")) if message_kind else ""
        return sign_in(url._replace(username=shown.username, password=None), None, message)
    finally:
        language.remove()


__all__ = [
    "SignInDialog",
    "is_postgresql",
    "last_user",
    "password_key",
    "refusal",
    "refusal_text",
    "remembered",
    "sign_in",
    "start_sign_in",
]
