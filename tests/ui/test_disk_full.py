"""A full disk while the council records a decision: a clear message, the typed text kept, nothing lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crisisdesk.desk.app import Desk
from tests.desk.factories import ManualClock
from tests.ui.conftest import type_text


def _box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
                None)


def _fill_the_disk(desk) -> None:
    """Runs in the executor: the database may not grow by one more page."""
    pages = desk.store.conn.execute("PRAGMA page_count").fetchone()[0]
    desk.store.conn.execute(f"PRAGMA max_page_count={pages}")


def _space_returns(desk) -> None:
    desk.store.conn.execute("PRAGMA max_page_count=1073741823")


def test_decision_refused_on_a_full_disk_keeps_the_form_and_everything_saved(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    panel = driver.panel("decisions")
    with Desk.open(nirs_file, clock=ManualClock()) as desk:
        saved = desk.journal_length()
    driver.executor.submit(_fill_the_disk)
    driver.settle()
    words = "영업점 사전 점검을 월요일 08:30에 실시한다 " + "세부 지침 " * 2000
    type_text(panel.text, words)
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _box() is not None, timeout=5000)
    box = _box()
    assert "disk is full" in box.text() and str(nirs_file) in box.text()
    box.close()
    assert panel.text.text() == words  # the typed decision is still there
    driver.executor.submit(_space_returns)
    driver.settle()
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    driver.settle()
    qtbot.waitUntil(lambda: panel.text.text() == "", timeout=5000)
    driver.window.close()
    with Desk.open(nirs_file, clock=ManualClock()) as desk:
        assert desk.journal_length() == saved + 1
        assert desk.views.decisions()[-1].text == words.strip()
        assert desk.verify().ok
