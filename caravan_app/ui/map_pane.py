"""An offline map page (drawn by services.maps) in a web view: drawn off the GUI thread, because folium
and the county boundaries take a second or two, and shown when it is ready. The tour planner, the
rotation planner and the dashboard each show their maps through one of these.

A page may be steered without drawing it again: `set_state` runs a script in it now and again after
every load (the tour planner's filter and selection, through the functions the page defines), and
what the page writes to its console as `caravan-pick {json}` comes out as `picked`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from caravan_app import log
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.outcomes import error_text

_log = log.get(log.UI)

PICK = "caravan-pick "  # how a map page says what was clicked on it (see maps/tour.py)


def _picking_page(pane: MapPane) -> Any:
    """A web page that hands the page's picks to the pane (QtWebEngine loads with the first map)."""
    from PySide6.QtWebEngineCore import QWebEnginePage

    class PickingPage(QWebEnginePage):
        def javaScriptConsoleMessage(  # noqa: N802 - Qt's name
            self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
        ) -> None:
            if message.startswith(PICK):
                try:
                    what = json.loads(message[len(PICK) :])
                except ValueError:
                    return
                if isinstance(what, dict):
                    pane.picked.emit(what)
                return
            _log.debug("map page %s:%s: %s", source, line, message)

    return PickingPage(pane.view)


class MapPane(QStackedWidget):
    """A message, or the map page; the web view is made only when there is a map to show."""

    picked = Signal(object)  # what was clicked on the page: a dict, e.g. {"trip": ..., "request": ...}

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
        self.state_script = ""  # run after every load, and when it changes (see set_state)
        self.scripts_run: list[str] = []  # every script run in the page, newest last

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
            self.view.setPage(_picking_page(self))
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
        elif self.state_script:
            self.run_script(self.state_script)

    def set_state(self, script: str) -> None:
        """Run `script` in the page now (once it is loaded) and after every later load."""
        self.state_script = script
        if self.loaded and self.view is not None and self.currentWidget() is self.view:
            self.run_script(script)

    def run_script(self, script: str, answer: Callable[[Any], object] | None = None) -> None:
        """Run a script in the page shown; `answer` gets what it returns."""
        if self.view is None:
            return
        self.scripts_run.append(script)
        del self.scripts_run[:-50]
        if answer is None:
            self.view.page().runJavaScript(script, 0)
        else:
            self.view.page().runJavaScript(script, 0, answer)
