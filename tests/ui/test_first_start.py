"""The first start: the splash names each step of the demo's build as it happens, the build runs off
the GUI thread, and a failed build is told and leaves the database empty."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services.database import contents, open_database
from caravan_app.services.demo import STEPS
from caravan_app.ui.first_start import CURRENT, DONE, PENDING, FirstStart
from caravan_app.ui.i18n import Languages


@pytest.fixture
def empty_file(tmp_path: Path) -> Iterator[Database]:
    """A new SQLite file, as a first start finds it: the schema made, nothing in it."""
    db = open_database(str(tmp_path / "first.db"))
    yield db
    db.dispose()


def test_the_splash_shows_each_step_while_the_build_runs_in_the_background(
    qtbot: QtBot, empty_file: Database, languages: Languages
) -> None:
    gui = QThread.currentThread()
    seen: list[tuple[str, dict[str, str], int, bool, str]] = []
    threads: list[bool] = []

    def fake_build(db: Database, on_step: Callable[[str], object]) -> None:
        threads.append(QThread.currentThread() is not gui)
        for step in STEPS:
            on_step(step)

    first = FirstStart(empty_file, fake_build)
    splash = first.splash
    show_step = splash.show_step

    def watch(step: object) -> None:  # what the user sees after each step is shown
        show_step(step)
        seen.append(
            (str(step), dict(splash.states), splash.bar.value(), splash.isVisible(), splash.status.text())
        )

    splash.show_step = watch  # type: ignore[method-assign]
    assert first.run()
    assert threads == [True], "the build ran on the GUI thread"
    assert [s[0] for s in seen] == list(STEPS) == splash.shown
    for index, (step, states, value, visible, status) in enumerate(seen):
        assert visible
        assert states[step] == CURRENT and value == index
        assert all(states[s] == DONE for s in STEPS[:index])
        assert all(states[s] == PENDING for s in STEPS[index + 1 :])
        assert status == f"Step {index + 1} of {len(STEPS)}…"
    # Done: every step ticked, the bar full, and the splash stays until the window is up.
    assert set(splash.states.values()) == {DONE} and splash.bar.value() == len(STEPS)
    assert splash.isVisible() and splash.status.text() == "Opening the window…"
    assert splash.labels["regions"].text() == "Cities, counties and towns"
    assert empty_file.describe() in splash.intro.text()
    first.close()
    assert not splash.isVisible()


def test_the_first_start_builds_the_demo_province_behind_the_splash(
    qtbot: QtBot, empty_file: Database, languages: Languages
) -> None:
    first = FirstStart(empty_file)
    assert first.run() and first.error is None
    assert first.splash.shown == list(STEPS)
    counts = contents(empty_file)
    assert counts["caravans"] == 30 and counts["venues"] > 0 and not counts.is_empty
    first.close()


def test_a_failed_build_is_told_and_the_database_stays_empty(
    qtbot: QtBot, empty_file: Database, languages: Languages, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []

    def warning(_parent: QWidget | None, title: str, text: str) -> None:
        told.append(f"{title}: {text}")

    monkeypatch.setattr(QMessageBox, "warning", warning)

    def failing_build(db: Database, on_step: Callable[[str], object]) -> None:
        on_step(STEPS[0])
        raise CaravanError("the disk is full")

    first = FirstStart(empty_file, failing_build)
    assert not first.run()
    assert told == [
        "Demo province not built: The demo province could not be built: the disk is full\n"
        "The program opens on the empty database."
    ]
    assert not first.splash.isVisible()
    assert contents(empty_file).is_empty
    first.close()
    QApplication.processEvents()
