"""Placeholder for situation reports until the desk's report API is available to the UI."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from crisisdesk.desk.changes import Changes
from crisisdesk.ui.event_info import EventInfo
from crisisdesk.ui.executor import DeskExecutor


class ReportsPanel(QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("reportsPanel")
        self.message = QLabel(objectName="reportsPlaceholder", wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size:14pt; color:#555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.retranslate()

    def set_event(self, info: EventInfo | None) -> None:
        """Nothing to show yet."""

    def on_changes(self, changes: Changes) -> None:
        """Nothing to refresh yet."""

    def retranslate(self) -> None:
        self.message.setText(self.tr("Situation reports (상황보고서) will be drafted, approved and printed "
                                     "here.\nUntil then, use the command line: crisisdesk report --help"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
