"""The main window: a navigation list of screens, menus with shortcuts, a status bar naming the
database and who is signed in, and `run_desktop`, which starts the program on an opened database."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontDatabase, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from caravan_app import __version__, log
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services.permissions import SignedIn, signed_in
from caravan_app.settings import RESOURCES_DIR
from caravan_app.ui import background, preferences
from caravan_app.ui.background import Queue
from caravan_app.ui.context import AppContext
from caravan_app.ui.file_actions import FileActions
from caravan_app.ui.i18n import Languages, system_language
from caravan_app.ui.import_dialog import ImportProblemsDialog
from caravan_app.ui.screen_fit import fit_to_screen, keep_on_screen

_log = log.get(log.UI)
FONT_FILE = RESOURCES_DIR / "fonts" / "wqy-microhei-gb2312.ttf"
# The window's size on a first start, where the screen has room for it.
DEFAULT_SIZE = QSize(1400, 860)

# Screens in navigation order: key, and the factory that builds it.
PAGE_KEYS: tuple[str, ...] = (
    "dashboard",
    "caravans",
    "exhibits",
    "sets",
    "venues",
    "requests",
    "joint_tours",
    "tours",
    "rotation",
    "retirement",
    "reports",
    "settings",
)
# Screens only an administrator of the accounts sees, after the others (never on SQLite).
ADMIN_PAGE_KEYS: tuple[str, ...] = ("accounts",)


def page_titles() -> dict[str, str]:
    return {
        "dashboard": QCoreApplication.translate("MainWindow", "Dashboard"),
        "caravans": QCoreApplication.translate("MainWindow", "Caravans"),
        "exhibits": QCoreApplication.translate("MainWindow", "Exhibits"),
        "sets": QCoreApplication.translate("MainWindow", "Sets"),
        "venues": QCoreApplication.translate("MainWindow", "Venues and regions"),
        "requests": QCoreApplication.translate("MainWindow", "Requests"),
        "joint_tours": QCoreApplication.translate("MainWindow", "Joint tours"),
        "tours": QCoreApplication.translate("MainWindow", "Tour planner"),
        "rotation": QCoreApplication.translate("MainWindow", "Rotation planner"),
        "retirement": QCoreApplication.translate("MainWindow", "Retirement and consolidation"),
        "reports": QCoreApplication.translate("MainWindow", "Reports"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
        "accounts": QCoreApplication.translate("MainWindow", "Accounts"),
    }


def _factories(window: MainWindow) -> dict[str, Callable[[], QWidget]]:
    """How to build each screen; a screen's module is imported when it is first opened, so the
    window starts without loading the solvers, the PDF viewer or the charts it does not show yet."""
    c = window.context

    def dashboard() -> QWidget:
        from caravan_app.ui.dashboard import DashboardPage

        return DashboardPage(c)

    def entity(key: str) -> Callable[[], QWidget]:
        def build() -> QWidget:
            from caravan_app.ui.inventory_page import EntityPage

            return EntityPage(key, c)

        return build

    def venues() -> QWidget:
        from caravan_app.ui.inventory_page import VenuesAndRegionsPage

        return VenuesAndRegionsPage(c)

    def joint_tours() -> QWidget:
        from caravan_app.ui.joint_tours_page import JointToursPage

        return JointToursPage(c)

    def tours() -> QWidget:
        from caravan_app.ui.tour_planner import TourPlannerPage

        return TourPlannerPage(c)

    def rotation() -> QWidget:
        from caravan_app.ui.rotation_page import RotationPage

        return RotationPage(c)

    def retirement() -> QWidget:
        from caravan_app.ui.retirement_page import RetirementPage

        return RetirementPage(c)

    def reports() -> QWidget:
        from caravan_app.ui.reports_page import ReportsPage

        return ReportsPage(c)

    def settings() -> QWidget:
        from caravan_app.ui.settings_page import SettingsPage

        return SettingsPage(c, window.languages)

    def accounts() -> QWidget:
        from caravan_app.ui.accounts_page import AccountsPage

        return AccountsPage(c)

    return {
        "dashboard": dashboard,
        "caravans": entity("caravans"),
        "exhibits": entity("exhibits"),
        "sets": entity("exhibit_sets"),
        "venues": venues,
        "requests": entity("requests"),
        "joint_tours": joint_tours,
        "tours": tours,
        "rotation": rotation,
        "retirement": retirement,
        "reports": reports,
        "settings": settings,
        "accounts": accounts,
    }


def application_font() -> QFont | None:
    """The shipped CJK font, so Chinese shows on machines without one."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        _log.warning("could not load the font %s", FONT_FILE)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return QFont(families[0], 10) if families else None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once, with the program's names and font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        from caravan_app.ui.sandbox import register_scheme

        register_scheme()
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(preferences.ORGANISATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setApplicationVersion(__version__)
    font = application_font()
    if font is not None:
        app.setFont(font)
    return app


def start_language(languages: Languages, requested: str | None = None) -> str:
    code = requested or preferences.language() or system_language()
    languages.switch(code)
    return languages.current


class MainWindow(FileActions):
    def __init__(self, db: Database, languages: Languages | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.context = AppContext(db)
        self.files = Queue()  # workbooks read and written in the background, one at a time
        self.import_problems: ImportProblemsDialog | None = None
        self.kit_import: QWidget | None = None
        self.languages = languages or Languages()
        if not self.languages.current:
            start_language(self.languages)
        self.pages: dict[str, QWidget] = {}
        self.field_windows: list[QWidget] = []
        self._factories = _factories(self)
        # The screens in the navigation, in order: PAGE_KEYS, then ADMIN_PAGE_KEYS for an administrator.
        self.page_keys: list[str] = list(PAGE_KEYS)
        self.who: SignedIn | None = None

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(16, 16))
        self.nav.setMinimumWidth(170)
        self.nav.setMaximumWidth(260)
        for key in PAGE_KEYS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for _key in PAGE_KEYS:
            self.stack.addWidget(QWidget())  # a stand-in until the screen is first opened
        self.nav.currentRowChanged.connect(self.show_page_at)
        splitter = QSplitter()
        splitter.setObjectName("main_splitter")
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1200])
        self.setCentralWidget(splitter)

        self.db_label = QLabel()
        self.db_label.setObjectName("database_label")
        self.undo_label = QLabel()
        self.signed_in_label = QLabel()
        self.signed_in_label.setObjectName("signed_in_label")
        self.statusBar().addPermanentWidget(self.undo_label)
        self.statusBar().addPermanentWidget(self.signed_in_label)
        self.statusBar().addWidget(self.db_label, 1)
        self._build_menus()
        self._signed_in_changed()
        self.context.bus.database_changed.connect(self._show_database)
        self.context.bus.database_changed.connect(self._signed_in_changed)
        self.context.bus.command_failed.connect(self._command_failed)
        self.context.undo_stack.indexChanged.connect(self._undo_index_changed)

        geometry, state = preferences.window_geometry(), preferences.window_state()
        if geometry is not None and self.restoreGeometry(geometry):
            keep_on_screen(self)  # a size kept from a larger screen shrinks to this one
        else:
            fit_to_screen(self, DEFAULT_SIZE)
        if state is not None:
            self.restoreState(state)
        self._placed = False
        self.retranslate_ui()
        self.nav.setCurrentRow(min(max(preferences.last_page(), 0), len(self.page_keys) - 1))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            # Now that the frame is known: keep its title bar and edges on the screen too.
            self._placed = True
            keep_on_screen(self)

    # --- pages ---------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The screen `key`, built on first use (so the window opens fast)."""
        if key not in self.pages:
            index = self.page_keys.index(key)
            widget = self._factories[key]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[key] = widget
        return self.pages[key]

    def show_page_at(self, row: int) -> None:
        if 0 <= row < len(self.page_keys):
            widget = self.page(self.page_keys[row])
            self.stack.setCurrentWidget(widget)

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.page_keys.index(key))
        return self.page(key)

    # --- menus ---------------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = self._action("import_excel", self.choose_import, "Ctrl+I")
        self.export_action = self._action("export_excel", self.choose_export, "Ctrl+E")
        self.quit_action = self._action("quit", self.close, QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.open_kit_action = self._action("open_kit", self.choose_open_kit, "Ctrl+K")
        self.import_kit_action = self._action("import_kit", self.choose_import_kit, "Ctrl+Shift+K")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_kit_action)
        self.file_menu.addAction(self.import_kit_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        stack = self.context.undo_stack
        stack.setUndoLimit(200)
        # Own actions rather than the stack's, whose text would not follow a language switch.
        self.undo_action = self._action("undo", stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("redo", stack.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)

        self.view_menu = bar.addMenu("")
        self.page_actions: list[QAction] = []
        for i, key in enumerate(PAGE_KEYS):
            shortcut = f"Ctrl+{(i + 1) % 10}" if i < 10 else "Ctrl+,"
            action = self._action(f"show_{key}", self._page_shower(key), shortcut)
            self.page_actions.append(action)
            self.view_menu.addAction(action)
        self.pages_end = self.view_menu.addSeparator()  # an administrator's screens go before it
        self.refresh_action = self._action("refresh", self.refresh_all, QKeySequence.StandardKey.Refresh)
        if self.refresh_action.shortcut().isEmpty():
            self.refresh_action.setShortcut(QKeySequence("F5"))
        self.view_menu.addAction(self.refresh_action)

        self.help_menu = bar.addMenu("")
        self.about_action = self._action("about", self.show_about)
        self.log_action = self._action("show_log", self.show_log, "Ctrl+L")
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.log_action)

    def _page_shower(self, key: str) -> Callable[[], object]:
        return lambda: self.show_page(key)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Science caravans and travelling museums"))
        titles = page_titles()
        for i, key in enumerate(self.page_keys):
            self.nav.item(i).setText(titles[key])
            self.page_actions[i].setText(titles[key])
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import Excel…"))
        self.export_action.setText(self.tr("&Export Excel…"))
        self.open_kit_action.setText(self.tr("&Open field kit…"))
        self.import_kit_action.setText(self.tr("Import field &kit…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.log_action.setText(self.tr("&Log"))
        self._show_database()
        self._show_signed_in()
        self._show_undo()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_database(self) -> None:
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.context.db.describe()))

    # --- who is signed in ---------------------------------------------------------------------------

    def _signed_in_changed(self) -> None:
        """Another database (or the first): ask the server who this is, and show its screens."""
        db = self.context.db
        try:
            self.who = signed_in(db)
        except (CaravanError, SQLAlchemyError) as exc:
            # A login the program's groups do not include reads nothing here; say its name at least.
            _log.warning("could not ask the server who is signed in: %s", exc)
            self.who = SignedIn(str(db.url.username or ""), None, "", "", False)
        self._set_admin_pages(self.who.is_admin)
        self._show_signed_in()

    def _show_signed_in(self) -> None:
        who = self.who
        if who is None:
            return
        if self.context.db.is_sqlite:
            # One user and no levels: the login name the audit log records.
            self.signed_in_label.setText(who.name)
            self.signed_in_label.setToolTip(self.tr("Working as %1 on this computer").replace("%1", who.name))
            return
        parts = [who.name]
        if who.level is None:
            parts.append(self.tr("server role, no account"))
        else:
            parts.append(
                {
                    #: The signed-in account's level in the status bar (zh: 省级, 市级, 县级).
                    "province": self.tr("province"),
                    "city": self.tr("city"),
                    "county": self.tr("county"),
                }[who.level.value]
            )
            if who.region_name:
                parts.append(who.region_name)
        if who.is_admin:
            parts.append(self.tr("administrator"))
        self.signed_in_label.setText(" · ".join(parts))
        self.signed_in_label.setToolTip(self.tr("Signed in to the server as %1").replace("%1", who.name))

    def _set_admin_pages(self, shown: bool) -> None:
        """Add the administrator's screens to the navigation and the View menu, or take them away."""
        wanted = [*PAGE_KEYS, *(ADMIN_PAGE_KEYS if shown else ())]
        while len(self.page_keys) > len(wanted):
            key = self.page_keys.pop()
            row = len(self.page_keys)
            self.pages.pop(key, None)
            if self.nav.currentRow() == row:
                self.nav.setCurrentRow(0)
            self.nav.takeItem(row)
            widget = self.stack.widget(row)
            if widget is not None:
                self.stack.removeWidget(widget)
                widget.deleteLater()
            action = self.page_actions.pop()
            self.view_menu.removeAction(action)
            action.deleteLater()
        titles = page_titles()
        for key in wanted[len(self.page_keys) :]:
            self.page_keys.append(key)
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # a stand-in until the screen is first opened
            action = self._action(f"show_{key}", self._page_shower(key))
            action.setText(titles[key])
            self.view_menu.insertAction(self.pages_end, action)
            self.page_actions.append(action)

    def _undo_index_changed(self, _index: int) -> None:
        self._show_undo()

    def _show_undo(self) -> None:
        stack = self.context.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self):
            return  # the stack clears itself while it is being destroyed, after the window
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", stack.undoText()) if stack.canUndo() else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", stack.redoText()) if stack.canRedo() else self.tr("&Redo")
        )
        self.undo_label.setText(stack.undoText())

    def _command_failed(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Undo not possible"), text)

    def refresh_all(self) -> None:
        self.context.bus.data_changed.emit("*")

    # --- help ----------------------------------------------------------------------------------

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "caravan_app %1\nPlans and runs a province's science caravans and travelling science museums."
            ).replace("%1", __version__),
        )

    def show_log(self) -> None:
        from caravan_app.ui.log_view import LogDialog

        self.log_dialog = LogDialog(self)
        self.log_dialog.show()

    # --- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # A solve stops within a couple of seconds of a cancel and keeps nothing half-made; waiting
        # for it means Qt never destroys a thread that is still running.
        if background.running():
            self.statusBar().showMessage(self.tr("Stopping the work still running…"))
        background.shutdown()
        preferences.save_window(self.saveGeometry(), self.saveState(), self.nav.currentRow())
        super().closeEvent(event)


def web_engine_flags() -> None:
    """Chromium (the map view) refuses to start its sandbox as root, e.g. in a container or CI."""
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()


def run_desktop(db: Database, language: str | None = None, *, first_start: bool = False) -> int:
    """Open the main window on `db` and run until it closes; returns the exit code. On a `first_start`
    the demo province is built into `db` first, behind a splash that names each step."""
    from caravan_app.ui import crash
    from caravan_app.ui.log_view import memory_handler

    web_engine_flags()
    app = create_application()
    memory_handler()
    earlier = crash.previous_crash()
    crash.install()
    languages = Languages()
    start_language(languages, language)
    starting = None
    if first_start:
        from caravan_app.ui.first_start import FirstStart

        starting = FirstStart(db)
        starting.run()
    window = MainWindow(db, languages)
    window.show()
    if starting is not None:
        starting.close()
    if earlier:
        _log.warning("the program crashed last time:\n%s", earlier)
        QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "The program stopped unexpectedly last time"),
            QCoreApplication.translate("MainWindow", "What it left is in the log (Help › Log)."),
        )
    return app.exec()
