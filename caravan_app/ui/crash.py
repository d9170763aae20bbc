"""Crash handling: an uncaught exception is logged and shown with the log's path, and a hard
crash (a segfault in a native library) leaves a trace that is offered on the next start."""

from __future__ import annotations

import faulthandler
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from caravan_app import log
from caravan_app.settings import data_dir

_log = log.get(log.UI)
_fault_file: IO[str] | None = None


def fault_log_path() -> Path:
    return data_dir() / "logs" / "crash.log"


def previous_crash() -> str:
    """The trace a hard crash left last time, if any (then the file is emptied)."""
    path = fault_log_path()
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    return text


def _show(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    from caravan_app.ui.log_view import log_file

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    path = log_file()
    box = QMessageBox()
    box.setObjectName("crash_dialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Crash", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "Crash", "Something went wrong that the program did not expect: %1. Your saved work is safe."
        ).replace("%1", f"{kind.__name__}: {value}")
    )
    box.setInformativeText(
        QCoreApplication.translate("Crash", "Details are in the log file: %1").replace("%1", str(path or "?"))
    )
    box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
    box.exec()


def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    _log.critical("uncaught exception", exc_info=(kind, value, tb))
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    _show(kind, value, tb)


def install() -> None:
    """Log and show uncaught exceptions; write hard-crash traces to crash.log."""
    global _fault_file
    sys.excepthook = excepthook
    if _fault_file is None:
        path = fault_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        _fault_file = path.open("w", encoding="utf-8")  # noqa: SIM115 - open for the program's life
        faulthandler.enable(_fault_file)
