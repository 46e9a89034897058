"""The drill controller's list of injects: when each is due, whether it was released (by hand or
by its time) and who responded; release one now, record a response."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from crisisdesk.domain.drill import InjectStatus, format_offset
from crisisdesk.domain.event import Event
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import SOON
from crisisdesk.ui.tables import table_view

INJECT_KINDS = {
    "provider": QT_TRANSLATE_NOOP("Labels", "Provider status"),
    "complaints": QT_TRANSLATE_NOOP("Labels", "Complaint surge"),
    "press": QT_TRANSLATE_NOOP("Labels", "Press enquiry"),
    "fss-request": QT_TRANSLATE_NOOP("Labels", "FSS data request"),
    "message": QT_TRANSLATE_NOOP("Labels", "Message"),
}
RELEASED_BY = {
    "controller": QT_TRANSLATE_NOOP("Labels", "by the controller"),
    "schedule": QT_TRANSLATE_NOOP("Labels", "at its time"),
}


def _label(table: dict[str, str], key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Labels", table[key]) if key in table else key


def _released(s: InjectStatus, m: InjectModel) -> str:
    if s.released_at is None:
        return ""
    return f"{timefmt.local(s.released_at, m.tz)} ({_label(RELEASED_BY, s.released_by)})"


class InjectModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Time"), lambda s, m: format_offset(s.inject.at)),
        Column(QT_TRANSLATE_NOOP("Columns", "Due"), lambda s, m: timefmt.local(s.due, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda s, m: _label(INJECT_KINDS, s.inject.kind)),
        Column(QT_TRANSLATE_NOOP("Columns", "To"),
               lambda s, m: text(m.info.affiliate_name(s.inject.affiliate)) if s.inject.affiliate and m.info else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Released"), _released,
               foreground=lambda s, m: None if s.released else SOON),
        Column(QT_TRANSLATE_NOOP("Columns", "Responses"),
               lambda s, m: ", ".join(text(m.info.affiliate_name(a)) for a, _ in s.responses) if m.info else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Inject"), lambda s, m: text(s.inject.text),
               tooltip=lambda s, m: text(s.inject.text)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda s: s.inject.id, parent=parent)
        self.tz = "Asia/Seoul"
        self.info: Event | None = None


class InjectDialog(QDialog):
    """Stays open; each release or response shows in the table at once."""

    def __init__(self, info: Event, release: Callable[[str], None],
                 respond: Callable[[str, str, str], None], parent=None):
        super().__init__(parent)
        self.setObjectName("injectDialog")
        self._release, self._respond = release, respond
        self.model = InjectModel(self)
        self.model.tz, self.model.info = info.timezone, info
        self.table = table_view("injectTable", self.model, wrap=True)
        self.table.setMinimumWidth(900)
        self.release_button = QPushButton(objectName="releaseInject")
        self.release_button.clicked.connect(self._release_clicked)
        self.responder = QComboBox(objectName="injectResponder")
        self.responder.addItem(text(info.group.name), GROUP_DESK)
        for affiliate in info.group.affiliates:
            self.responder.addItem(text(affiliate.name), affiliate.id)
        self.response = QLineEdit(objectName="injectResponse")
        self.respond_button = QPushButton(objectName="respondInject")
        self.respond_button.clicked.connect(self._respond_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.banner = QLabel(objectName="injectDialogBanner")
        self.banner.setStyleSheet("background:#6a3fb5; color:white; font-weight:bold; padding:4px;")
        form = QFormLayout()
        self.responder_label, self.response_label = QLabel(), QLabel()
        self.responder_label.setBuddy(self.responder)
        self.response_label.setBuddy(self.response)
        form.addRow(self.responder_label, self.responder)
        form.addRow(self.response_label, self.response)
        actions = QHBoxLayout()
        actions.addWidget(self.release_button)
        actions.addStretch(1)
        actions.addWidget(self.respond_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.buttons)
        self.banner.setText(self.tr("DRILL — {}").format(info.title))
        self.release_button.setText(self.tr("&Release now"))
        self.release_button.setToolTip(self.tr("Release the chosen inject now, before or after its time"))
        self.responder_label.setText(self.tr("Response &by:"))
        self.response_label.setText(self.tr("Res&ponse:"))
        self.respond_button.setText(self.tr("Record &response"))
        self.table.setAccessibleName(self.tr("Injects"))
        self.setWindowTitle(self.tr("Drill injects"))
        self.resize(1100, 560)

    def set_injects(self, injects: list[InjectStatus]) -> None:
        self.model.set_rows(injects)
        if not self.table.currentIndex().isValid() and injects:
            self.table.selectRow(0)

    def _current(self) -> InjectStatus | None:
        index = self.table.currentIndex()
        return self.model.rows()[index.row()] if index.isValid() else None

    def _release_clicked(self) -> None:
        current = self._current()
        if current is not None:
            self._release(current.inject.id)

    def _respond_clicked(self) -> None:
        current = self._current()
        if current is not None:
            self._respond(current.inject.id, self.responder.currentData(), self.response.text())

    def responded(self) -> None:
        self.response.clear()
