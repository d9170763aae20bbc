"""The first start: the demo province is built into the new database in the background while a splash
names each step, so a new user sees the program at work instead of nothing until the window opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStyle,
    QVBoxLayout,
)

from caravan_app import log
from caravan_app.persistence.database import Database
from caravan_app.services.demo import STEPS, build_demo
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)

# What builds the demo: build(db, on_step); the tests pass a stand-in.
Build = Callable[[Database, Callable[[str], object]], object]

PENDING, CURRENT, DONE = "pending", "current", "done"


def step_titles() -> dict[str, str]:
    return {
        "regions": QCoreApplication.translate("FirstStart", "Cities, counties and towns"),
        "depots": QCoreApplication.translate("FirstStart", "Depots and workshops"),
        "venues": QCoreApplication.translate("FirstStart", "Schools, townships and other venues"),
        "caravans": QCoreApplication.translate("FirstStart", "Caravans and museum sets"),
        "history": QCoreApplication.translate("FirstStart", "A year of shows and set placements"),
        "exhibits": QCoreApplication.translate("FirstStart", "Exhibits, their checks and repairs"),
        "requests": QCoreApplication.translate("FirstStart", "Joint tours and the spring term's requests"),
        "saving": QCoreApplication.translate("FirstStart", "Saving"),
    }


class FirstStartSplash(QFrame):
    """A frameless window listing the build's steps, the current one marked, with a progress bar."""

    def __init__(self, database: str, steps: tuple[str, ...] = STEPS) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("first_start")
        self.setStyleSheet("QFrame#first_start { background: white; border: 1px solid #1f4e79; }")
        self.database = database
        self.steps = steps
        self.states = dict.fromkeys(steps, PENDING)
        self.shown: list[str] = []  # the steps shown, in order (what a test reads back)
        self.title = QLabel()
        self.title.setObjectName("first_start_title")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold; color: #1f4e79;")
        self.intro = QLabel()
        self.intro.setObjectName("first_start_intro")
        self.intro.setWordWrap(True)
        self.marks: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for row, step in enumerate(steps):
            mark, label = QLabel(), QLabel()
            mark.setFixedWidth(18)
            label.setObjectName(f"first_start_{step}")
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            self.marks[step], self.labels[step] = mark, label
        self.bar = QProgressBar()
        self.bar.setObjectName("first_start_progress")
        self.bar.setRange(0, len(steps))
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.status = QLabel()
        self.status.setObjectName("first_start_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        self.setFixedWidth(480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(
            QCoreApplication.translate("FirstStart", "Science caravans and travelling museums")
        )
        self.intro.setText(
            QCoreApplication.translate(
                "FirstStart",
                "First start: the Jiangsu demo province is being put into %1, so that every screen has "
                "something to show. This takes a few seconds.",
            ).replace("%1", self.database)
        )
        titles = step_titles()
        for step, label in self.labels.items():
            label.setText(titles.get(step, step))
        self._show_states()

    def show_step(self, step: object) -> None:
        """`step` begins: the ones before it are done."""
        name = str(step)
        if name not in self.states:
            return
        self.shown.append(name)
        index = self.steps.index(name)
        for i, s in enumerate(self.steps):
            self.states[s] = DONE if i < index else CURRENT if i == index else PENDING
        self.bar.setValue(index)
        self.status.setText(
            QCoreApplication.translate("FirstStart", "Step %1 of %2…")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.steps)))
        )
        self._show_states()

    def show_done(self) -> None:
        for s in self.steps:
            self.states[s] = DONE
        self.bar.setValue(len(self.steps))
        self.status.setText(QCoreApplication.translate("FirstStart", "Opening the window…"))
        self._show_states()

    def _show_states(self) -> None:
        style = self.style()
        icons = {
            DONE: style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            CURRENT: style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight),
        }
        for step, state in self.states.items():
            icon = icons.get(state)
            self.marks[step].setPixmap(icon.pixmap(16, 16) if icon is not None else _blank())
            weight = "bold" if state == CURRENT else "normal"
            colour = "#808080" if state == PENDING else "#000000"
            self.labels[step].setStyleSheet(f"font-weight: {weight}; color: {colour};")

    def centre_on_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        self.adjustSize()
        area = screen.availableGeometry()
        self.move(area.center() - self.rect().center())


def _blank() -> QPixmap:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


class FirstStart:
    """Build the demo into `db` in a worker thread while the splash shows each step.

    `run()` returns when the build has ended (the event loop runs meanwhile, so the splash paints and
    the desktop stays responsive); the splash stays up until `close()`, after the window has opened."""

    def __init__(self, db: Database, build: Build | None = None) -> None:
        self.db = db
        self.build: Build = build or (lambda database, on_step: build_demo(database, on_step=on_step))
        self.splash = FirstStartSplash(db.describe())
        self.error: BaseException | None = None

    def run(self) -> bool:
        """True if the demo was built; on a failure the user is told (nothing was written: the build
        is one transaction) and the window opens on the empty database."""
        self.splash.centre_on_screen()
        self.splash.show()
        QCoreApplication.processEvents()
        db, build = self.db, self.build
        loop = QEventLoop()

        def work(state: TaskState) -> object:
            return build(db, lambda step: state.report(step, every=True))

        def failed(exc: BaseException) -> None:
            self.error = exc

        Operation(None, work, "first_start_demo").progress(self.splash.show_step).success(
            lambda _result: self.splash.show_done()
        ).failure(failed).finished(loop.quit).run()
        loop.exec()
        QCoreApplication.processEvents()
        if self.error is None:
            return True
        _log.error("the demo province was not built", exc_info=self.error)
        self.splash.hide()
        QMessageBox.warning(
            None,
            QCoreApplication.translate("FirstStart", "Demo province not built"),
            QCoreApplication.translate(
                "FirstStart",
                "The demo province could not be built: %1\nThe program opens on the empty database.",
            ).replace("%1", error_text(self.error)),
        )
        return False

    def close(self) -> None:
        self.splash.close()
        self.splash.deleteLater()
