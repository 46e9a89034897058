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


def test_passes_wait_while_bulk_work_is_held_and_what_it_keeps_is_left_alone(qtbot):
    collector = gui_thread_gc.install(QApplication.instance())
    gc.collect()
    _Cycle.collected_in = []
    with gui_thread_gc.held():
        for _ in range(3000):
            _Cycle()
        collector.collect()
        assert _Cycle.collected_in == []  # no pass over the work under way
    qtbot.waitUntil(lambda: len(_Cycle.collected_in) >= 3000, timeout=5000)  # then the passes go on
    before = gc.get_freeze_count()
    with gui_thread_gc.held(long_lived=True):
        kept = [_Cycle() for _ in range(10)]
    assert gc.get_freeze_count() >= before + 10  # what it built is out of later passes
    gc.unfreeze()
    del kept
    gc.collect()
