"""The log as the program shows it: an in-memory tail of recent records fed by a logging handler,
and a window that lists them beside the path of the log file."""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from caravan_app import log

TAIL_LINES = 2000


class _Bridge(QObject):
    line = Signal(str)


class MemoryLogHandler(logging.Handler):
    """Keeps the last records in memory; any thread may log, the view updates by a queued signal."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: deque[str] = deque(maxlen=TAIL_LINES)
        self.bridge = _Bridge()
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a broken log call must not break the program
            return
        self.lines.append(text)
        self.bridge.line.emit(text)


_handler: MemoryLogHandler | None = None


def memory_handler() -> MemoryLogHandler:
    """The one tail handler, attached to the program's root logger on first use."""
    global _handler
    if _handler is None:
        _handler = MemoryLogHandler()
        logging.getLogger(log.ROOT).addHandler(_handler)
    return _handler


def log_file() -> Path | None:
    for handler in logging.getLogger(log.ROOT).handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


class LogDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log_dialog")
        self.setWindowTitle(self.tr("Log"))
        handler = memory_handler()
        self.path = QLabel()
        self.path.setObjectName("log_path")
        path = log_file()
        self.path.setText(
            self.tr("Log file: %1").replace("%1", str(path)) if path else self.tr("No log file is written.")
        )
        self.text = QPlainTextEdit()
        self.text.setObjectName("log_text")
        self.text.setReadOnly(True)
        self.text.setFont(QFont("monospace"))
        self.text.setPlainText("\n".join(handler.lines))
        handler.bridge.line.connect(self.text.appendPlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path)
        layout.addWidget(self.text)
        self.resize(900, 500)
