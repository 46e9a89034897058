"""The event-wide commands the header offers: activate, change level, providers, close and reopen.

Each dialog's module loads when the dialog is first opened, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from crisisdesk.domain.event import Event
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.event_info import OpenEvent
from crisisdesk.ui.executor import DeskExecutor

if TYPE_CHECKING:
    from crisisdesk.ui.dialogs.activate_event import ActivateEventDialog
    from crisisdesk.ui.dialogs.provider_dialog import ProviderDialog


def closed_events(desk) -> list[OpenEvent]:
    """Runs in the executor thread."""
    return [OpenEvent(r.id, r.title, r.drill) for r in desk.events.event_records("closed")]


class EventActions(QObject):
    activated = Signal(str)  # the new event's id
    reopened = Signal(str)

    def __init__(self, executor: DeskExecutor, window: QWidget):
        super().__init__(window)
        self._executor, self._window = executor, window
        self.dialog = None  # the dialog open now (tests reach it here)

    def _open(self, dialog, on_accept=None):
        self.dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def activate(self) -> ActivateEventDialog:
        """Open the activation dialog (non-blocking); confirming activates the event."""
        from crisisdesk.ui.dialogs.activate_event import ActivateEventDialog

        dialog = ActivateEventDialog(self._executor, self._window)
        return self._open(dialog, lambda: self._activate(dialog))

    def _activate(self, dialog: ActivateEventDialog) -> None:
        a = dialog.activation()
        self._executor.submit(
            lambda desk: desk.events.activate(a.playbook, a.title, t0=a.t0, level=a.level, drill=a.drill, down=a.down),
            lambda changes: self.activated.emit(changes.created), self._error)

    def change_level(self, info: Event | None) -> None:
        if info is None:
            return
        from crisisdesk.ui.dialogs.level_dialog import LevelDialog

        dialog = LevelDialog(info, self._window)

        def save() -> None:  # read the widgets here, in the UI thread
            level, reason = dialog.level.currentData(), dialog.reason.text()
            self._executor.submit(lambda desk: desk.events.change_level(info.id, level, reason), None, self._error)

        self._open(dialog, save)

    def providers(self, info: Event | None) -> ProviderDialog | None:
        """The providers' current states; each change is saved at once and the table reloaded."""
        if info is None:
            return None

        def load() -> None:
            self._executor.submit(lambda desk: desk.views.providers(info.id), dialog.set_providers, self._error)

        def save(provider: str, status: str, note: str) -> None:
            self._executor.submit(lambda desk: desk.events.set_provider(info.id, provider, status, note),
                                  lambda _: load(), self._error)

        from crisisdesk.ui.dialogs.provider_dialog import ProviderDialog

        dialog = ProviderDialog(info, save, self._window)
        load()
        return self._open(dialog)

    def close_event(self, info: Event | None) -> None:
        if info is None:
            return
        from crisisdesk.ui.dialogs.event_lifecycle import EventReasonDialog

        dialog = EventReasonDialog(OpenEvent(info.id, info.title, info.drill), parent=self._window)

        def close() -> None:
            reason = dialog.reason.text()
            self._executor.submit(lambda desk: desk.events.close_event(info.id, reason), None, self._error)

        self._open(dialog, close)

    def reopen_event(self) -> None:
        """Choose a closed event and say why it is reopened."""
        def choose(closed: list[OpenEvent]) -> None:
            from crisisdesk.ui.dialogs.event_lifecycle import EventReasonDialog

            dialog = EventReasonDialog(None, closed, self._window)

            def reopen() -> None:
                event, reason = dialog.choice.currentData(), dialog.reason.text()
                self._executor.submit(lambda desk: desk.events.reopen_event(event, reason),
                                      lambda _: self.reopened.emit(event), self._error)

            self._open(dialog, reopen)

        self._executor.submit(closed_events, choose, self._error)

    def _error(self, exc: Exception) -> None:
        show_error(self._window, exc)
