"""What every screen shares: the database in use, the undo stack, the row references of the
commands, and a bus that tells screens what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from caravan_app import log
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.ui.commands import Feedback, RowRefs
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)


class Bus(QObject):
    data_changed = Signal(str)  # entity key, e.g. "caravans"; "*" for everything
    database_changed = Signal()
    command_failed = Signal(str)  # a message to show


class AppContext:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.bus = Bus()
        self.undo_stack = QUndoStack(self.bus)
        self.refs = RowRefs()
        self.feedback = Feedback(self._changed, self._removed, self._failed)

    def set_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        self.undo_stack.clear()
        self.refs.clear()
        self.bus.database_changed.emit()
        self.bus.data_changed.emit("*")
        if old is not db:
            old.dispose()

    def _changed(self, entity: str, _row_id: int) -> None:
        self.bus.data_changed.emit(entity)

    def _removed(self, entity: str, _row_id: int) -> None:
        self.bus.data_changed.emit(entity)

    def _failed(self, exc: Exception) -> None:
        _log.warning("undo/redo refused: %s", exc)
        from PySide6.QtCore import QCoreApplication

        if isinstance(exc, ConflictError):
            text = QCoreApplication.translate(
                "AppContext",
                "The row was changed by someone else since your edit, so the undo history was cleared "
                "and nothing was overwritten.",
            )
        elif isinstance(exc, CaravanError):
            # In the window's language, with place names: a refused undo of a hand move carries the
            # rule as a code (its str() is English with codes, for the log).
            text = error_text(exc)
        else:
            text = repr(exc)

        def after_the_command() -> None:
            # Neither the clear nor the message (a modal dialog runs an event loop) may happen while
            # the stack is still inside the failed command's undo() or redo().
            self.undo_stack.clear()
            self.bus.command_failed.emit(text)

        QTimer.singleShot(0, after_the_command)
