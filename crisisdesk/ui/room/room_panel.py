"""The 24-hour room (24시간 상황실): the shift handover brief, prepared and signed off by the
outgoing and the incoming lead; the emergency contact tree and its roll-calls."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import EVENTS, Changes
from crisisdesk.domain.event import Event
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.room.room_models import HandoverModel, RollCallModel
from crisisdesk.ui.tables import table_view


class RoomPanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("roomPanel")
        self._executor = executor
        self._info: Event | None = None
        self.tabs = QTabWidget(objectName="roomTabs")
        self.tabs.addTab(self._handover_tab(), "")
        self.tabs.addTab(self._rollcall_tab(), "")
        self.empty = QLabel(objectName="roomEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._show_state()

    # -- building -------------------------------------------------------------------------
    def _handover_tab(self) -> QWidget:
        tab = QWidget()
        self.brief = QPlainTextEdit(objectName="handoverBrief", readOnly=True)
        self.outgoing = QLineEdit(objectName="handoverOutgoing")
        self.incoming = QLineEdit(objectName="handoverIncoming")
        self.prepare_button = QPushButton(objectName="prepareHandover")
        self.prepare_button.clicked.connect(self._prepare)
        self.handovers = HandoverModel(self)
        self.handover_table = table_view("handoverTable", self.handovers)
        self.signer = QLineEdit(objectName="handoverSigner")
        self.sign_out_button = QPushButton(objectName="signOutgoing")
        self.sign_in_button = QPushButton(objectName="signIncoming")
        self.sign_out_button.clicked.connect(lambda: self._sign("outgoing"))
        self.sign_in_button.clicked.connect(lambda: self._sign("incoming"))
        form = QFormLayout()
        self.outgoing_label, self.incoming_label, self.signer_label = QLabel(), QLabel(), QLabel()
        for lab, field in ((self.outgoing_label, self.outgoing), (self.incoming_label, self.incoming)):
            lab.setBuddy(field)
            form.addRow(lab, field)
        prepare = QHBoxLayout()
        prepare.addLayout(form, 1)
        prepare.addWidget(self.prepare_button)
        sign = QHBoxLayout()
        self.signer_label.setBuddy(self.signer)
        for widget in (self.signer_label, self.signer, self.sign_out_button, self.sign_in_button):
            sign.addWidget(widget)
        self.brief_label, self.handovers_label = QLabel(), QLabel()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.brief_label)
        layout.addWidget(self.brief, 2)
        layout.addLayout(prepare)
        layout.addWidget(self.handovers_label)
        layout.addWidget(self.handover_table, 1)
        layout.addLayout(sign)
        return tab

    def _rollcall_tab(self) -> QWidget:
        tab = QWidget()
        self.roll_title = QLineEdit(objectName="rollCallTitle")
        self.start_button = QPushButton(objectName="startRollCall")
        self.start_button.clicked.connect(self._start)
        self.roll_choice = QComboBox(objectName="rollCallChoice")
        self.roll_choice.currentIndexChanged.connect(self._show_roll)
        self.roll_model = RollCallModel(self)
        self.roll_table = table_view("rollCallTable", self.roll_model)
        self.note = QLineEdit(objectName="callNote")
        self.reached_button = QPushButton(objectName="callReached")
        self.deputy_button = QPushButton(objectName="callDeputyReached")
        self.no_answer_button = QPushButton(objectName="callNoAnswer")
        self.message_button = QPushButton(objectName="callMessageLeft")
        self.reached_button.clicked.connect(lambda: self._call("reached"))
        self.deputy_button.clicked.connect(lambda: self._call("reached", deputy=True))
        self.no_answer_button.clicked.connect(lambda: self._call("no-answer"))
        self.message_button.clicked.connect(lambda: self._call("left-message"))
        self.roll_title_label, self.roll_choice_label, self.note_label = QLabel(), QLabel(), QLabel()
        top = QHBoxLayout()
        for widget in (self.roll_title_label, self.roll_title, self.start_button, self.roll_choice_label,
                       self.roll_choice):
            top.addWidget(widget)
        self.roll_title_label.setBuddy(self.roll_title)
        self.roll_choice_label.setBuddy(self.roll_choice)
        self.note_label.setBuddy(self.note)
        calls = QHBoxLayout()
        for widget in (self.note_label, self.note, self.reached_button, self.deputy_button,
                       self.no_answer_button, self.message_button):
            calls.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.roll_table, 1)
        layout.addLayout(calls)
        self._rolls: list = []
        return tab

    # -- the event --------------------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        if info is not None:
            self.handovers.tz = self.roll_model.tz = info.timezone
            self.roll_model.info = info
            self.roll_model.deputies = {c.id: c for c in info.group.contacts}
        self._show_state()
        if not same:
            self.request_refresh()

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event == self._info.id and changes.touches(EVENTS):
            self.request_refresh()

    def tick(self) -> None:
        self.request_refresh()  # the brief's deadlines move with the clock

    def refresh(self) -> None:
        info = self._info
        if info is None:
            return

        def read(desk):
            brief = desk.room.handover_brief(info.id)
            return (brief.lines(timezone=info.timezone) if self._korean() else brief.lines("en", info.timezone),
                    desk.room.handovers(info.id), desk.room.roll_calls(info.id))

        self._executor.submit(read, lambda result: self._apply(info.id, *result), self._error)

    def _apply(self, event: str, lines: list[str], handovers: list, rolls: list) -> None:
        if self._info is None or event != self._info.id:
            return
        self.brief.setPlainText("\n".join(lines))
        self.handovers.set_rows(handovers)
        self._rolls = rolls
        current = self.roll_choice.currentData()
        self.roll_choice.blockSignals(True)
        self.roll_choice.clear()
        for roll in rolls:
            self.roll_choice.addItem(f"{roll.title} ({roll.reached}/{len(roll.entries)})", roll.id)
        index = self.roll_choice.findData(current)
        self.roll_choice.setCurrentIndex(index if index >= 0 else self.roll_choice.count() - 1)
        self.roll_choice.blockSignals(False)
        self._show_roll()

    def _show_roll(self) -> None:
        roll = next((r for r in self._rolls if r.id == self.roll_choice.currentData()), None)
        self.roll_model.set_rows(roll.entries if roll else [])

    def _show_state(self) -> None:
        self.tabs.setVisible(self._info is not None)
        self.empty.setVisible(self._info is None)

    def _korean(self) -> bool:
        from crisisdesk.ui.i18n import language

        return language() == "ko"

    # -- commands -----------------------------------------------------------------------------
    def _prepare(self) -> None:
        info, outgoing, incoming = self._info, self.outgoing.text(), self.incoming.text()
        if info is None:
            return
        lang = "ko" if self._korean() else "en"
        self._executor.submit(lambda desk: desk.room.prepare_handover(info.id, outgoing, incoming, lang),
                              lambda _: self.signer.setText(outgoing), self._error)

    def _sign(self, role: str) -> None:
        info, index = self._info, self.handover_table.currentIndex()
        rows = self.handovers.rows()
        if info is None or not rows:
            return
        handover = rows[index.row() if index.isValid() else len(rows) - 1]
        name = self.signer.text()
        after = (lambda _: self.signer.setText(handover.incoming)) if role == "outgoing" else None
        self._executor.submit(lambda desk: desk.room.sign_handover(info.id, handover.id, role, name), after, self._error)

    def _start(self) -> None:
        info, title = self._info, self.roll_title.text()
        if info is None:
            return
        self._executor.submit(lambda desk: desk.room.start_roll_call(info.id, title),
                              lambda _: self.roll_title.clear(), self._error)

    def _call(self, result: str, deputy: bool = False) -> None:
        info, roll, index = self._info, self.roll_choice.currentData(), self.roll_table.currentIndex()
        if info is None or roll is None or not index.isValid():
            return
        contact = self.roll_model.rows()[index.row()].contact
        if deputy and not contact.deputy:
            return
        who, note = (contact.deputy if deputy else contact.id), self.note.text()
        self._executor.submit(lambda desk: desk.room.record_call(info.id, roll, who, result, note),
                              lambda _: self.note.clear(), self._error)

    def _error(self, exc: Exception) -> None:
        show_error(self, exc)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Shift handover"))
        self.tabs.setTabText(1, self.tr("Roll-call (contact tree)"))
        self.empty.setText(self.tr("No open event. The 24-hour room works on the event shown."))
        self.brief_label.setText(self.tr("<b>Handover brief</b>: changes since the last handover, open "
                                         "actions, next deadlines (12 hours)"))
        self.outgoing_label.setText(self.tr("&Outgoing lead:"))
        self.incoming_label.setText(self.tr("&Incoming lead:"))
        self.prepare_button.setText(self.tr("&Prepare handover"))
        self.prepare_button.setToolTip(self.tr("Record the brief as it stands for the two leads to sign"))
        self.handovers_label.setText(self.tr("<b>Handovers</b> (each signed by the outgoing and the incoming lead)"))
        self.signer_label.setText(self.tr("Signing &lead:"))
        self.sign_out_button.setText(self.tr("Sign as &outgoing"))
        self.sign_in_button.setText(self.tr("Sign as &incoming"))
        self.roll_title_label.setText(self.tr("&Title:"))
        self.start_button.setText(self.tr("&Start roll-call"))
        self.roll_choice_label.setText(self.tr("&Roll-call:"))
        self.note_label.setText(self.tr("&Note:"))
        self.reached_button.setText(self.tr("&Reached"))
        self.deputy_button.setText(self.tr("&Deputy reached"))
        self.no_answer_button.setText(self.tr("No &answer"))
        self.message_button.setText(self.tr("&Message left"))
        self.handover_table.setAccessibleName(self.tr("Handovers"))
        self.roll_table.setAccessibleName(self.tr("Contacts of the roll-call"))
        self.brief.setAccessibleName(self.tr("Handover brief"))
        self.handovers.repaint_all()
        self.roll_model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
