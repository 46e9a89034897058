"""Faster imports after PySide6: its per-module source check without the tokenizer.

PySide6 asks of every module imported after it whether its source mentions "PySide6"
(for `from __feature__ import …`, PYSIDE-2029), through `inspect.getsource`, which
tokenizes and caches the whole file: about 0.5 ms a module, a tenth of the desk's
start-up. Reading the file's bytes answers the same question. Without that private
hook (another PySide6 version) nothing is changed.
"""

from __future__ import annotations

import sys


def speed_up() -> None:
    """Replace PySide6's source check by a plain read of the module's file, once."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or hasattr(original, "original"):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.original = original
    feature._mod_uses_pyside = uses_pyside
