"""A top-level window sized and placed to fit the screen it opens on: a laptop's 1366×768 shows the
whole window, title bar and edges included, and a size remembered from a larger screen shrinks."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

# The frame and title bar a window manager adds around a window, guessed until the window is shown.
FRAME_ALLOWANCE = QSize(16, 40)


def frame_room(window: QWidget) -> QSize:
    """What the window manager's frame takes around `window`: known once it is shown, else guessed."""
    extra = window.frameGeometry().size() - window.geometry().size()
    return extra if window.isVisible() else extra.expandedTo(FRAME_ALLOWANCE)


def fit_to_screen(window: QWidget, size: QSize) -> None:
    """`size`, or less on a smaller screen: inside the available area (the taskbar left out) of the
    screen the window opens on, centred there."""
    area = window.screen().availableGeometry()
    window.resize(size.boundedTo(area.size() - frame_room(window)))
    frame = window.frameGeometry()
    window.move(
        area.left() + max(0, (area.width() - frame.width()) // 2),
        area.top() + max(0, (area.height() - frame.height()) // 2),
    )


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move `window` so that it lies inside the available area of its screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = window.screen().availableGeometry()
    size = window.size().boundedTo(area.size() - frame_room(window))
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    left = min(max(frame.left(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
    top = min(max(frame.top(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)
