"""The one background helper: outcomes come back on the GUI thread, queued work runs in order, and
shutdown cancels, waits and leaves no queue stuck."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caravan_app.ui import background
from caravan_app.ui.background import Operation, Queue, TaskState


def test_the_result_and_the_progress_come_back_on_the_gui_thread(app: QApplication, qtbot: QtBot) -> None:
    seen: list[tuple[str, object, bool]] = []

    def on_gui(tag: str, value: object) -> None:
        seen.append((tag, value, QThread.currentThread() is app.thread()))

    def work(state: TaskState) -> int:
        assert threading.current_thread() is not threading.main_thread()
        state.report("half way", every=True)
        return 42

    op = (
        Operation(None, work, "answer")
        .progress(lambda v: on_gui("progress", v))
        .success(lambda v: on_gui("success", v))
        .finished(lambda: on_gui("finished", None))
        .run()
    )
    qtbot.waitUntil(lambda: not op.running and len(seen) == 3, timeout=30_000)
    assert seen == [("progress", "half way", True), ("success", 42, True), ("finished", None, True)]


def test_a_failure_goes_to_its_callback(app: QApplication, qtbot: QtBot) -> None:
    failures: list[BaseException] = []

    def work(_state: TaskState) -> None:
        raise ValueError("no")

    op = Operation(None, work, "failing").failure(failures.append).run()
    qtbot.waitUntil(lambda: not op.running and bool(failures), timeout=30_000)
    assert isinstance(failures[0], ValueError) and op.error is failures[0]


def test_queued_work_runs_one_at_a_time_each_after_the_last_ones_callbacks(
    app: QApplication, qtbot: QtBot
) -> None:
    queue = Queue()
    recorded: list[int] = []
    seen_by_work: list[list[int]] = []

    def step(number: int) -> Operation:
        def work(_state: TaskState) -> int:
            seen_by_work.append(list(recorded))  # what the earlier ones' callbacks recorded
            return number

        return Operation(None, work, f"step {number}").success(recorded.append).run(queue)

    for number in range(4):
        step(number)
    assert queue.busy
    qtbot.waitUntil(lambda: not queue.busy, timeout=30_000)
    assert recorded == [0, 1, 2, 3]
    assert seen_by_work == [[], [0], [0, 1], [0, 1, 2]]


def test_shutdown_cancels_waits_drops_the_outcome_and_frees_the_queue(
    app: QApplication, qtbot: QtBot
) -> None:
    queue = Queue()
    started = threading.Event()
    delivered: list[object] = []

    def endless(state: TaskState) -> str:
        started.set()
        while not state.cancelled:
            state.report("working")
        return "stopped"

    op = Operation(None, endless, "endless").success(delivered.append).run(queue)
    Operation(None, lambda _s: "never", "behind").success(delivered.append).run(queue)
    assert started.wait(30)
    background.shutdown()
    assert not op.running and background.running() == []
    QApplication.processEvents()
    assert delivered == []  # the window is gone: nobody gets the outcome
    assert not queue.busy
    after = Operation(None, lambda _s: "next", "next").success(delivered.append).run(queue)
    qtbot.waitUntil(lambda: not after.running, timeout=30_000)
    assert delivered == ["next"]
