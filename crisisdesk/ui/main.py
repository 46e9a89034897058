"""Starting the desktop program: application, fonts, language, error handling, executor, window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from crisisdesk.domain.clock import Clock, system_clock
from crisisdesk.locations import data_dir, resource_path
from crisisdesk.ui import errors, gui_thread_gc, i18n, refcounts, site_settings
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.opening import desk_opener

if TYPE_CHECKING:
    from crisisdesk.ui.main_window import MainWindow

FONT_FAMILY = "NanumGothic"
ORGANISATION = "CrisisDesk"
STYLE = "Fusion"  # the same look on every desk and in the screenshots


SWITCH_INTERVAL_S = 0.001


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names for QSettings, high-DPI scaling and the Korean font."""
    refcounts.protect()
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        # The style named at construction, as Qt's -style option does: setStyle() would hand back a
        # QStyle, and wrapping it builds QStyle's Python enums (5 ms of start-up).
        app = QApplication([*(argv if argv is not None else sys.argv), "-style", STYLE])
    else:
        app.setStyle(STYLE)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName("CrisisDesk")
    gui_thread_gc.install(app)
    # The executor and a backup run Python beside the UI thread: hand the interpreter's lock over
    # every millisecond instead of every five, so the window never waits long for its turn.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    load_fonts(app)
    return app


def load_fonts(app: QApplication) -> str:
    """Bundled NanumGothic (resources/fonts), else the system's, else Qt's default; never fails."""
    for path in sorted(resource_path("fonts").glob("NanumGothic*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    family = FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else app.font().family()
    font = QFont(family, 11)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family


def build_window(db_path: Path, clock: Clock = system_clock, author: str | None = None) -> MainWindow:
    """Executor and main window. The executor starts first: the desk's modules load and the database
    opens in its thread while the window's modules load and the window is built."""
    settings = QSettings()
    author = author or settings.value("desk/author", "", type=str) or None
    executor = DeskExecutor(desk_opener(db_path, author, clock))
    executor.start()
    i18n.apply_language(site_settings.value("language"))
    from crisisdesk.ui.main_window import MainWindow  # after the start, on purpose

    return MainWindow(executor)


def run(db_path: Path, demo: bool = False) -> int:
    """`crisisdesk` with no subcommand: open the desk on `db_path` (the demo desk with `--demo`)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen at all: run headless
    app = make_application()
    errors.set_up_log(data_dir() / "crisisdesk.log")
    errors.install_excepthook()
    window = build_window(Path(db_path))
    if demo:
        window.show_panel("board")
    window.show()
    _warn_about_site_file(window)
    return app.exec()


def _warn_about_site_file(window) -> None:
    """A site file with errors was left out: say so once, naming each problem and its line."""
    problems = site_settings.site().problems
    if problems:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, QCoreApplication.translate("Site", "Site settings"),
                            QCoreApplication.translate(
                                "Site", "The administrator's site file has errors and was not used:")
                            + "\n\n" + "\n".join(problems[:10]))
