"""The window part of `crisisdesk self-test`: open the desk window offscreen and paint the board."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication


def check_window(db_path: Path, timeout: float = 20.0) -> str:
    """Open the main window on `db_path`, wait for the board, check Hangul renders; one line back."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from crisisdesk.ui.main import build_window, make_application

    app = make_application([])
    window = build_window(Path(db_path))
    window.show_panel("board")  # whatever page the user's settings remember
    window.show()
    board = window.panels["board"].model
    deadline = time.monotonic() + timeout
    while board.rowCount() == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    tiles = board.rowCount()
    image = window.grab()
    family = QApplication.font().family()
    hangul = QFontMetrics(QApplication.font()).inFontUcs4(ord("한"))
    window.close()
    if not tiles:
        raise AssertionError(f"the desk window did not show its board within {timeout:.0f} s")
    if not hangul:
        raise AssertionError(f"the UI font {family} has no Hangul glyphs")
    return f"window {image.width()}x{image.height()} painted with {tiles} board tiles; font {family} has Hangul"
