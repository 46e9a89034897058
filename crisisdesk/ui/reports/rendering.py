"""Rendering a PDF off the UI thread, on the general pool, with progress."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class RenderSignals(QObject):
    progress = Signal(int, int)  # done, total
    done = Signal(object)  # RenderedReport
    failed = Signal(object)


class RenderJob(QRunnable):
    """`render(progress)` of a prepared report (no database needed) on a pool thread."""

    def __init__(self, render: Callable, signals: RenderSignals):
        super().__init__()
        self._render, self.signals = render, signals

    def run(self) -> None:
        try:
            rendered = self._render(lambda done, total: self.signals.progress.emit(done, total))
        except Exception as exc:  # noqa: BLE001 - shown to the person by the panel
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(rendered)


def start_render(render: Callable, signals: RenderSignals) -> None:
    QThreadPool.globalInstance().start(RenderJob(render, signals))
