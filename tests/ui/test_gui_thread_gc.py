"""Cycles are collected in the GUI thread only, never in the desk's executor thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QApplication

from crisisdesk.ui import gui_thread_gc


class _Cycle:
    collected_in: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cycle.collected_in.append(threading.current_thread().name)


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot):
    collector = gui_thread_gc.install(QApplication.instance())
    assert gui_thread_gc.install(QApplication.instance()) is collector  # once per application
    assert not gc.isenabled()

    def make_garbage_elsewhere():
        for _ in range(3000):
            _Cycle()

    worker = threading.Thread(target=make_garbage_elsewhere, name="executor-like")
    worker.start()
    worker.join()
    assert _Cycle.collected_in == []  # nothing collected in the worker
    qtbot.waitUntil(lambda: len(_Cycle.collected_in) >= 3000, timeout=5000)
    assert set(_Cycle.collected_in) == {threading.main_thread().name}
