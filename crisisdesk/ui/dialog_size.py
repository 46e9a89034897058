"""Dialog sizes that follow the screen: the size a dialog prefers, never more than the screen offers."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 0.94  # of the screen's free area: the window frame and a glimpse of the desk behind


def fit_to_screen(dialog: QWidget, width: int, height: int) -> QSize:
    """Resize `dialog` to `width` x `height`, or to what the screen it opens on can show."""
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    free = screen.availableGeometry().size() if screen is not None else QSize(width, height)
    size = QSize(min(width, int(free.width() * MARGIN)), min(height, int(free.height() * MARGIN)))
    size = size.expandedTo(dialog.minimumSizeHint()).boundedTo(free)
    dialog.resize(size)
    return size
