"""Emitting Qt signals from Python, safely on every supported PySide6.

PySide6 6.12.0's `SignalInstance.emit()` returns its bool without taking a reference to it, so every
emit from Python drops one reference to `True`; on CPython 3.11 (where `True` is not immortal) a desk
left running crashes with "Fatal Python error: bool_dealloc" after some thousands of emits. `emit()`
gives the reference back when the running PySide6 has the fault (measured once, at import).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 100


class _Probe(QObject):
    fired = Signal()


def _give_back(value: bool, times: int = 1) -> None:
    for _ in range(times):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


def _measure() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    dropped = before - sys.getrefcount(True)
    _give_back(True, max(dropped, 0))
    return dropped >= _PROBES * 9 // 10


FAULTY = _measure()


def emit(signal, *args) -> None:
    """`signal.emit(*args)`, without the reference leak of the faulty PySide6 release."""
    result = signal.emit(*args)
    if FAULTY and isinstance(result, bool):
        _give_back(result)
