"""Work off the GUI thread, the one way every screen does it (after Anki's CollectionOp and Orange's
TaskState):

    Operation(self, lambda state: plan_term_tours(db, ..., control=state.control(30)))
        .progress(show_progress).success(show_plan).failure(show_error).finished(enable_buttons)
        .run()

The work runs in a thread of its own and gets a TaskState: a cancel flag it polls (or hands to a
solver as a SolveControl) and a progress reporter, throttled to ten reports a second. Its result or
its exception comes back on the GUI thread, to the callbacks, which are the only code that touches
widgets. A failure nobody handles is logged and shown in a dialog in the window's language.

Edits of the database that must happen in order (a move and its undo) go through a Queue: one at a
time, in the order given. `running()` lists what runs now; `shutdown()`, called when the window
closes, cancels everything and waits, so Qt never destroys a thread that is still running.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from caravan_app import log
from caravan_app.planning.control import SolveControl
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)

# Progress reports closer together than this are dropped (the newest one after the gap goes through).
PROGRESS_INTERVAL = 0.1

_running: set[Operation] = set()
# Every queue, so that shutdown leaves none waiting for an operation whose outcome it dropped.
_queues: weakref.WeakSet[Queue] = weakref.WeakSet()


class TaskState:
    """What the work sees: whether it should stop, and where to report progress; safe from any thread."""

    # Stops each search after this many solutions as well as at the time limit: a run that is the
    # same on a fast machine and a busy one (the tests set it; None in the program).
    solution_limit: int | None = None

    def __init__(self, emit: Callable[[object], None]) -> None:
        self._cancel = threading.Event()
        self._emit = emit
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, value: object, *, every: bool = False) -> None:
        """Pass a report on to the progress callbacks; `every` for steps none of which may be lost."""
        now = time.monotonic()
        if every or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(value)

    def control(self, time_limit: float, seed: int = 0) -> SolveControl:
        """A solver's control that stops when this task is cancelled and reports through it."""
        return SolveControl(
            time_limit=time_limit,
            seed=seed,
            solution_limit=self.solution_limit,
            on_progress=self.report,
            _cancel=self._cancel,
        )


class _Thread(QThread):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self.operation = operation
        self.setObjectName(operation.name)

    def run(self) -> None:
        op = self.operation
        try:
            result = op.work(op.state)
        except BaseException as exc:  # every failure goes back to the GUI thread, which decides
            op.failed_signal.emit(exc)
        else:
            op.succeeded_signal.emit(result)


class Operation(QObject):
    """One piece of work in a thread of its own, its outcome delivered on the GUI thread."""

    progressed_signal = Signal(object)
    succeeded_signal = Signal(object)
    failed_signal = Signal(object)
    done = Signal()  # after the success or failure callbacks and the finished ones have run

    def __init__(
        self, widget: QWidget | None, work: Callable[[TaskState], Any], name: str = "operation"
    ) -> None:
        # Not a child of the widget: the widget may go while the work runs; the registry keeps it.
        super().__init__()
        self.widget = widget
        self.work = work
        self.name = name
        self.state = TaskState(self.progressed_signal.emit)
        self.result: Any = None
        self.error: BaseException | None = None
        self._success: list[Callable[[Any], object]] = []
        self._failure: Callable[[BaseException], object] | None = None
        self._finished: list[Callable[[], object]] = []
        self._thread: _Thread | None = None
        self._queue: Queue | None = None
        self._abandoned = False  # the window closed: the outcome goes to nobody
        self.progressed_signal.connect(self._progressed)
        self.succeeded_signal.connect(self._succeeded)
        self.failed_signal.connect(self._failed)
        self._progress: list[Callable[[Any], object]] = []

    # --- building ---------------------------------------------------------------------------

    def progress(self, callback: Callable[[Any], object]) -> Operation:
        self._progress.append(callback)
        return self

    def success(self, callback: Callable[[Any], object]) -> Operation:
        self._success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> Operation:
        self._failure = callback
        return self

    def finished(self, callback: Callable[[], object]) -> Operation:
        self._finished.append(callback)
        return self

    # --- running ----------------------------------------------------------------------------

    def run(self, queue: Queue | None = None) -> Operation:
        """Start now, or when the queue's earlier operations are done."""
        _running.add(self)
        if queue is not None:
            self._queue = queue
            queue.add(self)
        else:
            self._start()
        return self

    def _start(self) -> None:
        self._thread = _Thread(self)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self in _running

    def cancel(self) -> None:
        self.state.cancel()

    def wait(self, msecs: int = 120_000) -> bool:
        """Block until the work has ended (its callbacks run later, on the event loop)."""
        if self._thread is None:
            return not self.running
        return bool(self._thread.wait(msecs))

    # --- the outcome, on the GUI thread ---------------------------------------------------------

    def _progressed(self, value: object) -> None:
        if self.running:
            for callback in self._progress:
                callback(value)

    def _succeeded(self, result: object) -> None:
        self.result = result
        self._end()
        if self._abandoned:
            return
        try:
            for callback in self._success:
                callback(result)
        finally:
            self._after()

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._end()
        if self._abandoned:
            _log.info("%s ended after the window closed: %r", self.name, exc)
            return
        try:
            if self._failure is not None:
                self._failure(exc)
            else:
                _log.error("%s failed", self.name, exc_info=exc)
                QMessageBox.warning(self.widget, self.tr("Not done"), error_text(exc))
        finally:
            self._after()

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.wait()
        _running.discard(self)

    def _after(self) -> None:
        try:
            for callback in self._finished:
                callback()
            self.done.emit()
        finally:
            self._thread = None
            # The next queued operation starts only now, so that it sees what this one's callbacks
            # recorded (a move's new plan version, say).
            if self._queue is not None:
                self._queue.next()


class Queue:
    """Operations that must not overlap run here one after another, in the order they were given."""

    def __init__(self) -> None:
        self._waiting: deque[Operation] = deque()
        self._current: Operation | None = None
        _queues.add(self)

    def clear(self) -> None:
        """Forget what waits and what ran (shutdown: their outcomes go to nobody)."""
        self._waiting.clear()
        self._current = None

    def add(self, operation: Operation) -> None:
        self._waiting.append(operation)
        if self._current is None:
            self.next()

    def next(self) -> None:
        self._current = self._waiting.popleft() if self._waiting else None
        if self._current is not None:
            self._current._start()

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._waiting)


def running() -> list[Operation]:
    return sorted(_running, key=lambda op: op.name)


def shutdown(msecs: int = 120_000) -> None:
    """Cancel every operation, wait for each thread to end and drop their outcomes (the window is
    closing: no callback may touch its widgets any more)."""
    for op in list(_running):
        op._abandoned = True
        op.cancel()
    for op in list(_running):
        if op._thread is not None and not op.wait(msecs):
            _log.error("%s did not stop within %d ms", op.name, msecs)
        _running.discard(op)
    for queue in list(_queues):
        queue.clear()
