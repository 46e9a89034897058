"""The window part of `crisisdesk self-test`: open the desk window offscreen and paint the board."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication


def check_window(db_path: Path, timeout: float = 20.0) -> str:
    """Open the main window on `db_path`, wait for the board, check Hangul renders; one line back.

    The window keeps its settings beside `db_path` (a throw-away folder): the user's own (the
    panel last shown, filters, geometry) neither change the check nor are changed by it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(db_path).parent / "settings"))
    from crisisdesk.ui.main import build_window, make_application

    app = make_application([])
    window = build_window(Path(db_path))
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
