"""Opening the drill controller's list of injects; each release or response is saved at once."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from crisisdesk.domain.event import Event
from crisisdesk.ui.drill.inject_dialog import InjectDialog
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor


class DrillActions(QObject):
    def __init__(self, executor: DeskExecutor, window: QWidget):
        super().__init__(window)
        self._executor, self._window = executor, window
        self.dialog: InjectDialog | None = None  # the dialog open now (tests reach it here)

    def injects(self, info: Event | None) -> InjectDialog | None:
        if info is None or not info.drill:
            return None

        def load() -> None:
            self._executor.submit(lambda desk: desk.drills.injects(info.id), dialog.set_injects, self._error)

        def release(inject: str) -> None:
            self._executor.submit(lambda desk: desk.drills.release_inject(info.id, inject), lambda _: load(),
                                  self._error)

        def respond(inject: str, affiliate: str, text: str) -> None:
            def saved(_) -> None:
                dialog.responded()
                load()

            self._executor.submit(lambda desk: desk.drills.respond_to_inject(info.id, affiliate, inject, text),
                                  saved, self._error)

        dialog = InjectDialog(info, release, respond, self._window)
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        load()
        dialog.open()
        return dialog

    def _error(self, exc: Exception) -> None:
        show_error(self._window, exc)
