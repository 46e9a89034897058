"""UI test set-up: isolated QSettings and data folder, desk databases on real files, a window driver."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW, build_demo
from crisisdesk.ui import i18n, site_settings
from crisisdesk.ui.main import build_window, make_application
from tests.desk.factories import NIRS_T0, ManualClock, activate_nirs, make_desk


@pytest.fixture(autouse=True)
def isolated_ui(qapp, tmp_path, monkeypatch):
    """Each test: its own settings file, data folder and user playbooks folder; Korean UI."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    make_application()
    QCoreApplication.setOrganizationName("CrisisDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    i18n.apply_language("ko")
    site_settings._site.cache_clear()
    yield
    site_settings._site.cache_clear()
    i18n.apply_language("ko")


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The lead's demo desk, built once; copy it before changing it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture
def demo_desk(demo_file):
    """A Desk on the demo file in the test thread, for feeding models (read only)."""
    desk = Desk.open(demo_file, clock=ManualClock(DEMO_NOW))
    yield desk
    desk.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NIRS_T0)


@pytest.fixture
def group_file(tmp_path, clock) -> Path:
    """A desk database with the example group loaded and no event."""
    path = tmp_path / "desk.sqlite"
    make_desk(path, clock).close()
    return path


@pytest.fixture
def nirs_file(tmp_path, clock) -> Path:
    """A desk database with the NIRS event open (government ID check down)."""
    path = tmp_path / "desk.sqlite"
    with make_desk(path, clock) as desk:
        activate_nirs(desk)
    return path


def type_text(widget, text: str) -> None:
    """Type `text` as an input method commits it (Hangul cannot go through QTest's key clicks)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Driver:
    """Drives a real main window; waits for the executor to settle after each step."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window
        self.executor = window.executor

    def settle(self, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.executor.pending == 0, timeout=timeout)

    def panel(self, name: str):
        """Show a panel, as the navigation rail does; the window is active again after any dialog."""
        self.window.show_panel(name)
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow)
        self.settle()
        return self.window.panels[name]


@pytest.fixture
def open_window(qtbot, clock):
    """`open_window(path)`: the main window on a database, shown, with its desk open and event loaded."""
    windows = []

    def opener(path: Path, author: str = "운영자") -> Driver:
        window = build_window(path, clock=clock, author=author)
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        driver = Driver(qtbot, window)
        qtbot.waitUntil(lambda: window.executor.info is not None, timeout=5000)
        driver.settle()
        return driver

    yield opener
    for window in windows:
        window.close()
