"""Python's cycle collector run only in the GUI thread.

The collector runs in whichever thread happens to allocate; when that is the desk's executor
thread and the garbage holds Qt wrappers (a dialog, a lambda holding a widget), their C++
objects are destroyed off the GUI thread and the process can crash. So automatic collection is
turned off and a timer in the GUI thread collects instead, generation by generation, as the
automatic collector would (the pattern pyqtgraph uses for the same reason).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_held = {"count": 0}  # bulk work under way in other threads: the passes wait
_lock = threading.Lock()


class GuiThreadCollector(QObject):
    """Collects cycles on a timer of the thread it is created in (the GUI thread)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS, timeout=self.collect)
        self.timer.start()

    def collect(self) -> None:
        if _held["count"]:
            return
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            gc.collect(generation)


def install(app: QObject) -> GuiThreadCollector:
    """Once per application: turn automatic collection off and collect in the GUI thread."""
    # Not app.findChild(): it would wrap every child of the application for Python, the style
    # among them, and building QStyle's Python enums costs 5 ms of start-up.
    existing = getattr(app, "_gui_thread_collector", None)
    if existing is None or not shiboken6.isValid(existing):
        existing = app._gui_thread_collector = GuiThreadCollector(app)
    return existing


@contextmanager
def held(long_lived: bool = False) -> Iterator[None]:
    """Bulk work in another thread (a 50,000-item checklist read, a backup verified): the GUI thread's
    passes wait until it is done, instead of walking its half-built objects every half second (a pass
    then stalls the window 30–150 ms). With `long_lived`, what exists at the end is kept out of later
    passes (`keep_out_of_collections`)."""
    with _lock:
        _held["count"] += 1
    try:
        yield
        if long_lived:
            keep_out_of_collections()
    finally:
        with _lock:
            _held["count"] -= 1


def keep_out_of_collections() -> None:
    """Objects alive now are long-lived (a checklist of 50,000 items just loaded): move them to the
    collector's permanent generation, so that its passes, which scan every object they track, stay
    short (a full pass over such a checklist stalls the window 50–70 ms). Reference counting still
    frees them when they are replaced; only cycles already garbage at this moment are kept."""
    gc.freeze()
