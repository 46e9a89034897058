"""Notices and reporting: customer notices from templates, regulator duties, external alert levels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import BOARD, DUTIES, NOTICES, Changes
from crisisdesk.domain.event import Event
from crisisdesk.domain.playbook import NOTICE_CHANNELS
from crisisdesk.domain.read_models import AlertView, DutyView, NoticeView
from crisisdesk.ui.desk_protocol import NoticesDesk
from crisisdesk.ui.dialogs.move_duty_dialog import MoveDutyDialog
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import language, text
from crisisdesk.ui.labels import CHANNELS, label
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.notices.notice_models import AlertModel, DutyModel, NoticeModel
from crisisdesk.ui.rows_model import ROW_ROLE
from crisisdesk.ui.tables import table_view


def _row(*widgets) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        if w is None:
            row.addStretch(1)
        else:
            row.addWidget(w)
    return row


class NoticesPanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("noticesPanel")
        self._executor = executor
        self._info: Event | None = None
        self.notices, self.duties, self.alerts = NoticeModel(self), DutyModel(executor.clock, self), AlertModel(self)
        self.notice_table = table_view("noticeTable", self.notices)
        self.notice_table.selectionModel().currentRowChanged.connect(self._notice_picked)
        self.duty_table = table_view("dutyTable", self.duties)
        self.alert_table = table_view("alertTable", self.alerts)
        self.affiliate = QComboBox(objectName="noticeAffiliate")
        self.template = QComboBox(objectName="noticeTemplate")
        self.compose_button = QPushButton(objectName="composeNotice", clicked=self._compose)
        self.title = QLineEdit(objectName="noticeTitle")
        self.body = QPlainTextEdit(objectName="noticeBody", tabChangesFocus=True)  # a notice has no tab stops
        self.save_button = QPushButton(objectName="saveNotice", clicked=self._save_text)
        self.channel = QComboBox(objectName="postChannel")
        self.post_button = QPushButton(objectName="postNotice", clicked=self._post)
        self.withdraw_button = QPushButton(objectName="withdrawNotice", clicked=self._withdraw)
        self.submitted_button = QPushButton(objectName="dutySubmitted", clicked=lambda: self._duty("submitted"))
        self.not_required_button = QPushButton(objectName="dutyNotRequired",
                                               clicked=lambda: self._duty("not-required"))
        self.move_button = QPushButton(objectName="dutyMove", clicked=self._move_duty)
        self.issuer, self.level, self.note = (QLineEdit(objectName=n) for n in ("alertIssuer", "alertLevel",
                                                                                 "alertNote"))
        self.alert_button = QPushButton(objectName="recordAlert", clicked=self._record_alert)
        self.captions = {k: QLabel() for k in ("affiliate", "template", "channel", "issuer", "level", "note")}
        for key, field in (("affiliate", self.affiliate), ("template", self.template), ("channel", self.channel),
                           ("issuer", self.issuer), ("level", self.level), ("note", self.note)):
            self.captions[key].setBuddy(field)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        c = self.captions
        self.notice_box = QGroupBox()
        notices = QVBoxLayout(self.notice_box)
        notices.addLayout(_row(c["affiliate"], self.affiliate, c["template"], self.template, self.compose_button,
                               None))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.notice_table)
        editor = QWidget()
        edit = QVBoxLayout(editor)
        edit.setContentsMargins(0, 0, 0, 0)
        edit.addWidget(self.title)
        edit.addWidget(self.body, 1)
        edit.addLayout(_row(self.save_button, None, c["channel"], self.channel, self.post_button,
                            self.withdraw_button))
        split.addWidget(editor)
        split.setSizes([700, 700])
        notices.addWidget(split, 1)
        self.duty_box = QGroupBox()
        duties = QVBoxLayout(self.duty_box)
        duties.addWidget(self.duty_table, 1)
        duties.addLayout(_row(None, self.submitted_button, self.not_required_button, self.move_button))
        self.alert_box = QGroupBox()
        alerts = QVBoxLayout(self.alert_box)
        alerts.addWidget(self.alert_table, 1)
        alerts.addLayout(_row(c["issuer"], self.issuer, c["level"], self.level, c["note"], self.note,
                              self.alert_button))
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.duty_box)
        bottom.addWidget(self.alert_box)
        bottom.setSizes([900, 600])
        main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(self.notice_box)
        main.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(main)

    # -- data -------------------------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        for model in (self.notices, self.duties, self.alerts):
            model.info = info
        if same:
            return
        self._fill_choices()
        for model in (self.notices, self.duties, self.alerts):
            model.set_rows([])
        self.request_refresh()

    def _fill_choices(self) -> None:
        info = self._info
        for combo, choices in (
                (self.affiliate, [(a.id, text(a.name)) for a in info.group.affiliates] if info else []),
                (self.template, [(n.id, f"{text(n.title)} ({label(CHANNELS, n.channel)})")
                                 for n in info.playbook.notices] if info else []),
                (self.channel, [(c, label(CHANNELS, c)) for c in NOTICE_CHANNELS])):
            current = combo.currentData()
            combo.clear()
            for key, name in choices:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event == self._info.id and any(
                changes.touches(k) for k in (NOTICES, DUTIES, BOARD)):
            self.request_refresh()

    def refresh(self) -> None:
        if self._info is None:
            return
        event = self._info.id
        def read(desk: NoticesDesk) -> tuple[list[NoticeView], list[DutyView], list[AlertView]]:
            return desk.views.notices(event), desk.views.duties(event), desk.views.alerts(event)

        self._executor.submit(read, lambda r: self._apply(event, *r))

    def _apply(self, event: str, notices, duties, alerts) -> None:
        if self._info is None or event != self._info.id:
            return
        self.notices.set_rows(notices)
        self.duties.set_rows(duties)
        self.alerts.set_rows(alerts)
        if notices and not self.notice_table.currentIndex().isValid():
            self.notice_table.selectRow(0)
        self._notice_picked()

    def _notice(self) -> NoticeView | None:
        return self.notice_table.currentIndex().data(ROW_ROLE)

    def _notice_picked(self) -> None:
        notice = self._notice()
        self.title.setText(notice.title if notice else "")
        self.body.setPlainText(notice.body if notice else "")
        if notice:
            self.channel.setCurrentIndex(max(self.channel.findData(notice.channel), 0))
        for w in (self.title, self.body, self.save_button, self.post_button, self.withdraw_button):
            w.setEnabled(notice is not None and notice.state != "withdrawn")

    # -- commands -------------------------------------------------------------------------------
    def _submit(self, fn, on_done=None) -> None:
        self._executor.submit(fn, on_done, lambda exc: show_error(self, exc))

    def _compose(self) -> None:
        if self._info is None:
            return
        event, affiliate, template, lang = (self._info.id, self.affiliate.currentData(),
                                            self.template.currentData(), language())
        self._submit(lambda desk: desk.communications.compose_notice(event, affiliate, template, lang),
                     lambda changes: self._select_after_refresh(changes.created))

    def _select_after_refresh(self, notice: str) -> None:
        def select() -> None:
            self.notices.modelReset.disconnect(select)
            row = self.notices.key_row(notice)
            if row >= 0:
                self.notice_table.selectRow(row)

        self.notices.modelReset.connect(select)

    def _save_text(self) -> None:
        notice = self._notice()
        if notice is None:
            return
        event, title, body = self._info.id, self.title.text(), self.body.toPlainText()
        self._submit(lambda desk: desk.communications.edit_notice(event, notice.id, title, body))

    def _post(self) -> None:
        notice = self._notice()
        if notice is None:
            return
        event, channel = self._info.id, self.channel.currentData()
        self._submit(lambda desk: desk.communications.post_notice(event, notice.id, channel))

    def _ask(self, name: str, title: str, prompt: str, then) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.textValueSelected.connect(then)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _withdraw(self) -> None:
        notice = self._notice()
        if notice is None:
            return
        event = self._info.id
        self._ask("withdrawNoticeDialog", self.tr("Withdraw notice"), self.tr("Why is the notice withdrawn?"),
                  lambda reason: self._submit(lambda desk: desk.communications.withdraw_notice(event, notice.id, reason)))

    def _duty(self, state: str) -> None:
        duty = self.duty_table.currentIndex().data(ROW_ROLE)
        if self._info is None or duty is None:
            return
        event = self._info.id
        if state == "submitted":
            self._ask("dutySubmittedDialog", self.tr("Report submitted"),
                      self.tr("Reference of the submitted report (receipt number):"),
                      lambda ref: self._submit(lambda desk: desk.communications.set_duty(
                          event, duty.duty, state, filer=duty.filer, occurrence=duty.occurrence,
                          reference=ref)))
        else:
            self._ask("dutyNotRequiredDialog", self.tr("Report not required"),
                      self.tr("Why is this report not required?"),
                      lambda why: self._submit(lambda desk: desk.communications.set_duty(
                          event, duty.duty, state, filer=duty.filer, occurrence=duty.occurrence,
                          reason=why)))

    def _move_duty(self) -> None:
        duty = self.duty_table.currentIndex().data(ROW_ROLE)
        if self._info is None or duty is None or duty.state != "due":
            return
        event = self._info.id
        dialog = MoveDutyDialog(duty, text(self._info.affiliate_name(duty.filer)), self._info.timezone, self)
        dialog.finished.connect(dialog.deleteLater)

        def accepted() -> None:
            deadline, reason = dialog.chosen()
            self._submit(lambda desk: desk.communications.move_duty(event, duty.duty, deadline, reason, filer=duty.filer,
                                                     occurrence=duty.occurrence))

        dialog.accepted.connect(accepted)
        dialog.open()

    def _record_alert(self) -> None:
        if self._info is None:
            return
        event, issuer, level, note = self._info.id, self.issuer.text(), self.level.text(), self.note.text()

        def done(_) -> None:
            for w in (self.issuer, self.level, self.note):
                w.clear()

        self._submit(lambda desk: desk.communications.record_alert(event, issuer, level, note=note), done)

    def tick(self) -> None:
        self.duties.repaint_all()

    def retranslate(self) -> None:
        self.notice_box.setTitle(self.tr("Customer notices"))
        self.duty_box.setTitle(self.tr("Regulator reporting duties"))
        self.alert_box.setTitle(self.tr("External alert levels"))
        captions = {"affiliate": self.tr("&Affiliate:"), "template": self.tr("&Template:"),
                    "channel": self.tr("C&hannel:"), "issuer": self.tr("&Issuer:"), "level": self.tr("&Level:"),
                    "note": self.tr("N&ote:")}
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.compose_button.setText(self.tr("&Compose from template"))
        self.save_button.setText(self.tr("&Save wording"))
        self.post_button.setText(self.tr("Mark &posted"))
        self.withdraw_button.setText(self.tr("&Withdraw…"))
        self.submitted_button.setText(self.tr("Su&bmitted…"))
        self.not_required_button.setText(self.tr("&Not required…"))
        self.move_button.setText(self.tr("&Move deadline…"))
        self.alert_button.setText(self.tr("&Record alert"))
        self.title.setAccessibleName(self.tr("Notice title"))
        self.body.setAccessibleName(self.tr("Notice text"))
        self.notice_table.setAccessibleName(self.tr("Customer notices"))
        self.duty_table.setAccessibleName(self.tr("Reporting duties"))
        self.alert_table.setAccessibleName(self.tr("External alerts"))
        self.issuer.setPlaceholderText(self.tr("e.g. MOIS"))
        self.level.setPlaceholderText(self.tr("e.g. 경계"))
        self._fill_choices()
        for model in (self.notices, self.duties, self.alerts):
            model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
