"""The header: the open event, its level and mode, T+ since T0, external alerts, event picker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QMenu, QPushButton

from crisisdesk.domain.event import Event
from crisisdesk.ui import timefmt
from crisisdesk.ui.elided_label import ElidedLabel
from crisisdesk.ui.event_info import Alerts, OpenEvent
from crisisdesk.ui.i18n import text
from crisisdesk.ui.style import level_style


class EventHeader(QFrame):
    """Always shows what the council is dealing with; ticks every second from data in memory."""

    event_picked = Signal(str)
    activate_requested = Signal()
    level_requested = Signal()
    providers_requested = Signal()
    close_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(parent)
        self.setObjectName("eventHeader")
        self._clock = clock
        self._info: Event | None = None
        self._alerts: Alerts = ()  # the event's outside alerts (issuer, level)
        self._events: list[OpenEvent] = []
        self._scale = 1.0
        self.picker = QComboBox(objectName="eventPicker")
        self.picker.setMinimumContentsLength(24)
        self.picker.activated.connect(self._picked)
        self.title = ElidedLabel(objectName="eventTitle")
        self.level = QLabel(objectName="eventLevel")
        self.mode = QLabel(objectName="eventMode")
        self.elapsed = QLabel(objectName="eventElapsed")
        self.alerts = ElidedLabel(objectName="externalAlerts")  # one line: the whole list in its tooltip
        self.event_button = QPushButton(objectName="eventMenuButton")  # new, close, reopen: one button
        menu = QMenu(self.event_button)
        self.new_action = QAction(menu, objectName="activateAction")
        self.close_action = QAction(menu, objectName="closeEventAction")
        self.reopen_action = QAction(menu, objectName="reopenEventAction")
        for action, signal in ((self.new_action, self.activate_requested), (self.close_action, self.close_requested),
                               (self.reopen_action, self.reopen_requested)):
            action.triggered.connect(signal)
            menu.addAction(action)
        self.event_button.setMenu(menu)
        self.level_button = QPushButton(objectName="levelButton")
        self.level_button.clicked.connect(self.level_requested)
        self.providers_button = QPushButton(objectName="providersButton")
        self.providers_button.clicked.connect(self.providers_requested)
        self.buttons = (self.event_button, self.level_button, self.providers_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(12)
        layout.addWidget(self.picker)
        layout.addWidget(self.title, 1)  # one line, cut with "…" on a small screen (whole in its tooltip)
        for widget in (self.level, self.mode, self.elapsed):
            layout.addWidget(widget)
        layout.addWidget(self.alerts, 1)
        for widget in self.buttons:
            layout.addWidget(widget)
        self._apply_scale(1.0)
        self.retranslate()  # shows the header

    def set_events(self, events: list[OpenEvent], current: str | None) -> None:
        self._events = list(events)
        self.picker.blockSignals(True)
        self.picker.clear()
        for event in self._events:
            self.picker.addItem(self._event_label(event), event.id)
        self.picker.setCurrentIndex(next((i for i, e in enumerate(self._events) if e.id == current), -1))
        self.picker.blockSignals(False)
        self._show()

    def set_info(self, info: Event | None, alerts: Alerts = ()) -> None:
        self._info, self._alerts = info, alerts
        self._show()

    def set_scale(self, scale: float) -> None:
        """Larger type for the projector in presentation mode."""
        self._apply_scale(scale)
        self._show()

    def _apply_scale(self, scale: float) -> None:
        size = round(15 * scale)
        title = QFont(self.font())
        title.setPointSize(size + 3)
        title.setBold(True)
        self.title.setFont(title)
        plain = QFont(self.font())
        plain.setPointSize(size)
        self.alerts.setFont(plain)
        self.elapsed.setStyleSheet(f"font-size:{size + 3}pt; font-weight:bold; font-family:monospace;")
        self.mode.setStyleSheet(f"font-size:{size}pt;")
        self.picker.setStyleSheet(f"font-size:{size}pt;")
        for button in self.buttons:
            button.setVisible(scale == 1.0)  # nothing to click on the projector
        self._scale = scale

    def tick(self) -> None:
        if self._info is not None:
            self.elapsed.setText(timefmt.elapsed(self._clock() - self._info.t0))

    def _picked(self, row: int) -> None:
        if 0 <= row < len(self._events):
            self.event_picked.emit(self._events[row].id)

    def _event_label(self, event: OpenEvent) -> str:
        mode = self.tr("drill") if event.drill else self.tr("real")
        return f"{event.title} ({mode})"

    def _show(self) -> None:
        info = self._info
        several = len(self._events) > 1
        self.picker.setVisible(several)
        self.title.setVisible(info is not None and not several)
        for widget in (self.level, self.mode, self.elapsed):
            widget.setVisible(info is not None)
        for widget in (self.level_button, self.providers_button):
            widget.setVisible(info is not None and self._scale == 1.0)
        self.close_action.setEnabled(info is not None)
        if info is None:
            self.alerts.setText(self.tr("No open event. Activate one from a playbook (Ctrl+N)."))
            return
        self.title.setText(info.title)
        self.level.setText(text(info.level_title))
        size = round(15 * self._scale)
        self.level.setStyleSheet(level_style(info.level_rank, len(info.playbook.levels))
                                 + f"font-size:{size + 1}pt;")
        self.level.setAccessibleName(self.tr("Level: {}").format(text(info.level_title)))
        drill = self.tr("DRILL") if info.drill else self.tr("REAL")
        colour = "#6a3fb5" if info.drill else "#1a1a1a"
        self.mode.setText(f"<b style='color:{colour}'>{drill}</b>")
        self.mode.setAccessibleName(drill)
        alerts = " · ".join(f"{a.issuer} {a.level}" for a in self._alerts)
        if len(self._alerts) > 1:
            self.alerts.setText(self.tr("External alerts ({}): {}").format(len(self._alerts), alerts))
        else:
            self.alerts.setText(self.tr("External alerts: {}").format(alerts) if alerts else "")
        self.tick()

    def retranslate(self) -> None:
        self.picker.setAccessibleName(self.tr("Open event"))
        self.picker.setToolTip(self.tr("Several events are open: choose the one to show"))
        self.elapsed.setAccessibleName(self.tr("Time since T0"))
        self.elapsed.setToolTip(self.tr("Time since T0"))
        self.event_button.setText(self.tr("Event"))
        self.event_button.setToolTip(self.tr("New event, close this event, reopen a closed one"))
        self.new_action.setText(self.tr("New event… (Ctrl+N)"))
        self.new_action.setToolTip(self.tr("Activate an event from a playbook (Ctrl+N)"))
        self.level_button.setText(self.tr("Level…"))
        self.level_button.setToolTip(self.tr("Raise or lower the event's level"))
        self.providers_button.setText(self.tr("Providers…"))
        self.providers_button.setToolTip(self.tr("External providers: their state, and marking them down or restored"))
        self.close_action.setText(self.tr("Close this event…"))
        self.close_action.setToolTip(self.tr("Close the event with a reason; everything recorded is kept"))
        self.reopen_action.setText(self.tr("Reopen a closed event…"))
        self.reopen_action.setToolTip(self.tr("Reopen a closed event with a reason"))
        for i, event in enumerate(self._events):
            self.picker.setItemText(i, self._event_label(event))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
