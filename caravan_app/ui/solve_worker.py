"""A tour solve in a worker thread: the worker calls the service and reports by signals only.

The widget side owns the SolveControl; Cancel sets its flag from the GUI thread (a threading.Event,
safe across threads) and the solver stops at its next poll, storing what it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from caravan_app import log
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.planning.control import Progress, SolveControl
from caravan_app.services.tour_planning import TourPlanSummary, plan_term_tours

_log = log.get(log.UI)


@dataclass(frozen=True)
class SolveRequest:
    start: date
    end: date
    name: str
    time_limit: float
    caravans: tuple[str, ...] | None = None  # None: every caravan in service
    requests: tuple[str, ...] | None = None  # None: every open request in the dates
    keep_locks_from: str | None = None
    road_distances: Path | None = None


class SolveWorker(QObject):
    progress = Signal(float, float, int)  # seconds, best objective, requests served
    finished = Signal(object)  # TourPlanSummary
    failed = Signal(str)

    def __init__(self, db: Database, request: SolveRequest) -> None:
        super().__init__()
        self.db = db
        self.request = request
        self.control = SolveControl(time_limit=request.time_limit, on_progress=self._report)

    def _report(self, progress: Progress) -> None:
        self.progress.emit(progress.seconds, progress.objective, progress.served)

    def cancel(self) -> None:
        self.control.cancel()

    @Slot()
    def run(self) -> None:
        r = self.request
        try:
            summary: TourPlanSummary = plan_term_tours(
                self.db,
                r.start,
                r.end,
                name=r.name,
                control=self.control,
                keep_locks_from=r.keep_locks_from,
                distances_csv=r.road_distances,
                caravans=r.caravans,
                requests=r.requests,
            )
        except CaravanError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # shown to the user and logged; the thread must still finish
            _log.exception("tour solve failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(summary)


class SolveRunner(QObject):
    """Starts one worker in its own QThread and tears both down when it ends."""

    progress = Signal(float, float, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self.worker: SolveWorker | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, db: Database, request: SolveRequest) -> None:
        if self.running:
            self.cancel()
            self.wait()
        thread = QThread()
        thread.setObjectName("tour_solve")
        worker = SolveWorker(db, request)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self._thread, self.worker = thread, worker
        thread.start()

    def _end(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.quit()
            thread.wait()
        self._thread = None
        self.worker = None

    def _finished(self, summary: object) -> None:
        self._end()
        self.finished.emit(summary)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def wait(self, msecs: int = 30_000) -> None:
        """Block until the solve has stopped (used when closing; its result is dropped)."""
        thread, worker = self._thread, self.worker
        if thread is None:
            return
        if worker is not None:
            worker.finished.disconnect(self._finished)
            worker.failed.disconnect(self._failed)
        thread.quit()
        thread.wait(msecs)
        self._thread = None
        self.worker = None
