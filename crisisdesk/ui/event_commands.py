"""The event-wide commands the header offers: activate, change level, providers."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from crisisdesk.ui.dialogs.activate_event import ActivateEventDialog
from crisisdesk.ui.dialogs.level_dialog import LevelDialog
from crisisdesk.ui.dialogs.provider_dialog import ProviderDialog
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.event_info import EventInfo
from crisisdesk.ui.executor import DeskExecutor


class EventCommands(QObject):
    activated = Signal(str)  # the new event's id

    def __init__(self, executor: DeskExecutor, window: QWidget):
        super().__init__(window)
        self._executor, self._window = executor, window
        self.dialog: ActivateEventDialog | None = None

    def activate(self) -> ActivateEventDialog:
        """Open the activation dialog (non-blocking); confirming activates the event."""
        dialog = ActivateEventDialog(self._executor, self._window)
        dialog.accepted.connect(lambda: self._activate(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _activate(self, dialog: ActivateEventDialog) -> None:
        a = dialog.activation()
        self._executor.submit(
            lambda desk: desk.activate(a.playbook, a.title, t0=a.t0, level=a.level, drill=a.drill, down=a.down),
            lambda changes: self.activated.emit(changes.created), self._error)

    def change_level(self, info: EventInfo | None) -> None:
        if info is None:
            return
        dialog = LevelDialog(info, self._window)

        def save() -> None:  # read the widgets here, in the UI thread
            level, reason = dialog.level.currentData(), dialog.reason.text()
            self._executor.submit(lambda desk: desk.change_level(info.id, level, reason), None, self._error)

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def providers(self, info: EventInfo | None) -> None:
        if info is None:
            return
        dialog = ProviderDialog(info, self._window)

        def save() -> None:  # read the widgets here, in the UI thread
            provider, status, note = dialog.provider.currentData(), dialog.status.currentData(), dialog.note.text()
            self._executor.submit(lambda desk: desk.set_provider(info.id, provider, status, note),
                                  None, self._error)

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _error(self, exc: Exception) -> None:
        show_error(self._window, exc)
