"""Starting the desktop program."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def run(db_path: Path, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("CrisisDesk")
    window.setCentralWidget(QLabel(f"CrisisDesk — {db_path}"))
    window.show()
    return app.exec()
