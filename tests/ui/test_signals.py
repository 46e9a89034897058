"""Signals emitted from Python keep the interpreter's reference counts intact (PySide6 6.12.0 fault)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from crisisdesk.ui.signals import emit


class _Source(QObject):
    fired = Signal(int)


def test_emitting_does_not_leak_references_to_true():
    source, seen = _Source(), []
    source.fired.connect(seen.append)
    before = sys.getrefcount(True)
    for n in range(20_000):
        emit(source.fired, n)
    assert len(seen) == 20_000
    assert abs(sys.getrefcount(True) - before) < 20


def test_a_working_session_keeps_true_alive(open_window, nirs_file, qtbot):
    """Ticking back and forth in the real window must not wear `True` down (it would crash the desk)."""
    driver = open_window(nirs_file)
    panel = driver.panel("checklists")
    index = panel.proxy.index(0, 0, panel.proxy.index(0, 0))
    panel.tree.setCurrentIndex(index)
    driver.settle()
    before = sys.getrefcount(True)
    for _ in range(40):
        panel._key_state(index, "toggle")
        driver.settle()
    assert sys.getrefcount(True) - before > -40
