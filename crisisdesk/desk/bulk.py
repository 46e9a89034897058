"""Bulk work on many small objects (a packet of 10,000 entries) without the cycle collector.

While a packet is parsed and applied, every few hundred new dicts and tuples would start
a collection that walks all of them again: a sixth of an import's time. The collector is
paused for the bulk step and resumed after, as it was (the desktop program keeps it off in
its database thread anyway: `ui.gui_thread_gc`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
