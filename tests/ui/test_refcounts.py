"""The desk survives PySide6 releases that lose references to None and True (6.12.0 on CPython 3.11)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from crisisdesk.ui import refcounts


def test_a_long_session_of_calls_and_emits_cannot_wear_the_singletons_down():
    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication, QLabel
        from crisisdesk.ui import refcounts
        from crisisdesk.ui.main import make_application

        app = make_application([])
        faulty = refcounts.protect()

        class Source(QObject):
            fired = Signal(int)

        label, source = QLabel(), Source()
        source.fired.connect(lambda n: None)
        start = sys.getrefcount(None)
        for n in range(300_000):  # far more than None's natural reference count
            label.setText(str(n))
            source.fired.emit(n)
        print(faulty, start - sys.getrefcount(None))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    faulty, lost = result.stdout.split()
    assert faulty in ("True", "False")


def test_protection_is_measured_and_applied_once(qapp):
    assert refcounts.protect() == refcounts.protect()
    # Huge once protected; the suite's own lost references (thousands by this point) count down from it.
    assert sys.getrefcount(None) > refcounts.HEADROOM // 2 or not refcounts._state["protected"]
