"""An offline map page (drawn by services.maps) in a web view: drawn off the GUI thread, because folium
and the county boundaries take a second or two, and shown when it is ready. The tour planner, the
rotation planner and the dashboard each show their maps through one of these."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from caravan_app import log
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)


class MapPane(QStackedWidget):
    """A message, or the map page; the web view is made only when there is a map to show."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.message = QLabel()
        self.message.setObjectName("map_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.message)
        self.view: Any = None  # a QWebEngineView
        self.html_path: Path | None = None  # the page on screen
        self.shown: str | None = None  # what the page on screen shows (a plan's name, a year)
        self.loaded = False
        self.drawing: Operation | None = None
        self._wanted: Path | None = None  # the newest page asked for; older drawings are dropped

    @property
    def busy(self) -> bool:
        return self.drawing is not None and self.drawing.running

    def show_message(self, text: str) -> None:
        self._wanted, self.shown = None, None
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def show_page(self, shown: str, path: Path, draw: Callable[[Path], object], redraw: bool = False) -> None:
        """Show the page at `path`, drawing it first with `draw(path)` in the background when it is
        not there yet (or always, with `redraw`)."""
        self._wanted = path
        if path.exists() and not redraw:
            self._load(shown, path)
            return
        self.message.setText(self.tr("Drawing the map…"))
        self.setCurrentWidget(self.message)

        def work(_state: TaskState) -> object:
            return draw(path)

        self.drawing = (
            Operation(self, work, "map_drawing")
            .success(lambda _result: self._drawn(shown, path))
            .failure(lambda exc: self._failed(path, exc))
            .run()
        )

    def _drawn(self, shown: str, path: Path) -> None:
        if path == self._wanted:
            self._load(shown, path)

    def _failed(self, path: Path, exc: BaseException) -> None:
        # The map must not take its page down with it: the reason is shown where the map would be.
        _log.error("the map %s could not be drawn", path.name, exc_info=exc)
        if path == self._wanted:
            self.message.setText(self.tr("The map could not be drawn: %1").replace("%1", error_text(exc)))
            self.setCurrentWidget(self.message)

    def _load(self, shown: str, path: Path) -> None:
        if self.view is None:
            from PySide6.QtWebEngineWidgets import QWebEngineView  # the web engine starts with the first map

            self.view = QWebEngineView()
            self.view.setObjectName("map_view")
            self.view.loadFinished.connect(self._loaded)
            self.addWidget(self.view)
        self.html_path, self.shown, self.loaded = path, shown, False
        self.view.load(QUrl.fromLocalFile(str(path)))
        self.setCurrentWidget(self.view)

    def _loaded(self, ok: bool) -> None:
        self.loaded = True
        if not ok:
            _log.warning("the map page %s did not load", self.html_path)
