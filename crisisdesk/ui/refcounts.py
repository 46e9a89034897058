"""Protection against PySide6 6.12.0's lost references to None and True on CPython 3.11.

That release drops one reference to `None` on every call of a C++ method that returns nothing
(`label.setText(...)`, `super().changeEvent(...)`, a model's `data()` answering None…) and one to
`True` on every `Signal.emit()`. Python 3.12 makes these objects immortal, so the fault is silent
there; on 3.11 a desk in use aborts within minutes ("Fatal Python error: none_dealloc").

`protect()` measures the fault once and, only where it is present on a CPython older than 3.12, gives
`None`, `True` and `False` the same kind of huge reference count 3.12 gives its immortal objects.
PySide6 6.11 has no such fault: pinning it makes this a no-op.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

HEADROOM = 1 << 60  # ~1.15e18 lost references before any risk: never, in practice
_PROBES = 100
_state = {"protected": False}


class _Probe(QObject):
    fired = Signal()


def _lost(value, action) -> int:
    before = sys.getrefcount(value)
    for _ in range(_PROBES):
        action()
    return before - sys.getrefcount(value)


def faults() -> dict[str, int]:
    """References lost per `_PROBES` calls: a void C++ call (None) and an emit (True)."""
    probe = _Probe()
    return {"none": _lost(None, lambda: probe.setObjectName("probe")),
            "true": _lost(True, probe.fired.emit)}


def _refcount_field(value) -> ctypes.c_ssize_t:
    return ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt opens every CPython object


def protect() -> bool:
    """Guard the singletons if this PySide6 loses references to them; True if it does."""
    if _state["protected"]:
        return True
    lost = faults()
    faulty = any(n >= _PROBES * 9 // 10 for n in lost.values())
    if not faulty or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return faulty
    for value in (None, True, False):
        field = _refcount_field(value)
        if field.value != sys.getrefcount(value) - 1:  # not the layout we know: leave it alone
            return faulty
        field.value += HEADROOM
    _state["protected"] = True
    return faulty
