"""Languages: the program's own translations (resources/i18n/*.qm) and Qt's, switched live.

A switch installs new translators; Qt then sends every widget a LanguageChange event, on which
each screen calls its retranslate_ui().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from caravan_app import log
from caravan_app.settings import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
_log = log.get(log.UI)


def system_language() -> str:
    """zh_CN on a Chinese system, else English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def language_name(code: str) -> str:
    # Each language is named in itself, so a user can find theirs whatever is showing.
    return {"zh_CN": "中文（简体）", "en": "English"}.get(code, code)


class Languages:
    """The translators installed in the application, replaced as a whole on a switch."""

    def __init__(self) -> None:
        self.current = ""
        self._installed: list[QTranslator] = []

    def switch(self, code: str) -> bool:
        """Install the translations of `code`; False (English shown) if its file is missing."""
        if code not in LANGUAGES:
            code = "en"
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist before translations are installed"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        ok = True
        own = QTranslator(app)
        if own.load(str(I18N_DIR / f"caravan_app_{code}.qm")):
            app.installTranslator(own)
            self._installed.append(own)
        else:
            ok = code == "en"
            _log.warning("no translation file for %s in %s", code, I18N_DIR)
        if code != "en":
            qt = QTranslator(app)
            if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                self._installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese if code == "zh_CN" else QLocale.Language.English))
        self.current = code
        return ok
