"""The band under the event header on every screen while a drill event is shown: it says 모의훈련,
opens the list of injects, and releases the injects whose time has come."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from crisisdesk.domain.event import Event
from crisisdesk.ui.executor import DeskExecutor

RELEASE_CHECK_MS = 20_000
DRILL_COLOUR = "#6a3fb5"


class DrillBanner(QFrame):
    injects_requested = Signal()

    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent, objectName="drillBanner")
        self.executor = executor
        self.info: Event | None = None
        self.setStyleSheet(f"QFrame#drillBanner {{ background:{DRILL_COLOUR}; }}"
                           " QLabel { color:white; font-size:13pt; font-weight:bold; }")
        self.label = QLabel(objectName="drillBannerText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(objectName="drillInjectsButton")
        self.button.clicked.connect(self.injects_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._timer = QTimer(self, interval=RELEASE_CHECK_MS, timeout=self.release_due)
        self.retranslate()
        self.setVisible(False)

    def set_event(self, info: Event | None) -> None:
        self.info = info
        drill = info is not None and info.drill
        self.setVisible(drill)
        if drill and info is not None and info.status == "open":
            self._timer.start()
            self.release_due()
        else:
            self._timer.stop()

    def release_due(self) -> None:
        """Release the injects whose time has come (the group desk's; an affiliate desk releases none)."""
        info = self.info
        if info is None or not info.drill or not info.playbook.injects:
            return
        self.executor.submit(lambda desk: desk.drills.release_due(info.id), None, lambda exc: None)

    def retranslate(self) -> None:
        self.label.setText(self.tr("DRILL — an exercise, not a real incident"))
        self.label.setAccessibleName(self.tr("Drill: this event is an exercise, not a real incident"))
        self.button.setText(self.tr("Injects…"))
        self.button.setToolTip(self.tr("The drill's injects: release them, record responses"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
