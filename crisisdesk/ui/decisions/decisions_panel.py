"""The decision log for use during a council meeting: meeting start and stop, fast entry, actions."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import DECISIONS, Changes
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import MeetingView
from crisisdesk.ui import datetime_edit, timefmt
from crisisdesk.ui.check_list_model import CheckListModel
from crisisdesk.ui.decisions.decision_models import ActionModel, DecisionModel
from crisisdesk.ui.decisions.outlook_box import OutlookBox
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ACTION_STATES, label
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.rows_model import ROW_ROLE
from crisisdesk.ui.tables import ColumnFit, table_view


def council(desk, event: str):
    """Runs in the executor: what the decisions view shows."""
    return desk.views.meetings(event), desk.views.decisions(event), desk.views.actions(event)


LIST_ROWS = 4  # rows shown by the attendee and affiliate lists (they scroll): the log keeps the height


def _checklist(name: str, model: CheckListModel) -> QListView:
    view = QListView(objectName=name)
    view.setModel(model)
    row = view.fontMetrics().lineSpacing() + 4
    view.setMaximumHeight(row * LIST_ROWS + 2 * view.frameWidth())
    return view


class DecisionsPanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("decisionsPanel")
        self._executor = executor
        self._info: Event | None = None
        self.meeting: MeetingView | None = None
        # meeting
        self.meeting_state = QLabel(objectName="meetingState", wordWrap=True)
        self.meeting_title = QLineEdit(objectName="meetingTitle")
        self.attendees = CheckListModel(self)
        self.attendee_list = _checklist("meetingAttendees", self.attendees)
        self.meeting_button = QPushButton(objectName="meetingButton")
        self.meeting_button.clicked.connect(self._meeting_clicked)
        # fast entry
        self.text = QLineEdit(objectName="decisionText")
        self.text.returnPressed.connect(self.record)
        self.rationale = QLineEdit(objectName="decisionRationale")
        self.rationale.returnPressed.connect(self.record)
        self.decided_by = QComboBox(objectName="decidedBy")
        self.concerned = CheckListModel(self)
        self.concerned_list = _checklist("decisionAffiliates", self.concerned)
        self.record_button = QPushButton(objectName="recordDecision")
        self.record_button.clicked.connect(self.record)
        # log
        self.decisions = DecisionModel(self)
        self.tree = QTreeView(objectName="decisionLog")
        self.tree.setModel(self.decisions)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        ColumnFit(self.tree, whole=(0,), weights={1: 3, 2: 2})  # one line a decision, whole in its tooltip
        self.amend_button = QPushButton(objectName="amendDecision")
        self.amend_button.clicked.connect(lambda: self._amend("amend"))
        self.withdraw_button = QPushButton(objectName="withdrawDecision")
        self.withdraw_button.clicked.connect(lambda: self._amend("withdraw"))
        # actions
        self.actions = ActionModel(executor.clock, self)
        self.action_table = table_view("actionTable", self.actions)
        ColumnFit(self.action_table, whole=(2, 3), weights={0: 3})
        self.action_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.action_title = QLineEdit(objectName="actionTitle")
        self.action_title.returnPressed.connect(self.add_action)
        self.action_owner = QComboBox(objectName="actionOwner")
        self.action_owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.action_owner.setMinimumContentsLength(14)
        self.action_deadline = datetime_edit.make_editor("actionDeadline")
        self.action_button = QPushButton(objectName="addAction")
        self.action_button.clicked.connect(self.add_action)
        self.action_state = QComboBox(objectName="actionState")
        self.action_state_button = QPushButton(objectName="setActionState")
        self.action_state_button.clicked.connect(self._set_action_state)
        self.outlook = OutlookBox(executor)
        self._layout()
        QShortcut(QKeySequence("Ctrl+Return"), self, self.record,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    def _layout(self) -> None:
        self.meeting_box = QGroupBox()
        meeting = QFormLayout(self.meeting_box)
        self.meeting_labels = [QLabel(), QLabel()]
        meeting.addRow(self.meeting_state)
        for lab, field in zip(self.meeting_labels, (self.meeting_title, self.attendee_list), strict=True):
            lab.setBuddy(field)
            meeting.addRow(lab, field)
        meeting.addRow(self.meeting_button)
        self.entry_box = QGroupBox()
        entry = QFormLayout(self.entry_box)
        self.entry_labels = [QLabel() for _ in range(4)]
        for lab, field in zip(self.entry_labels, (self.text, self.rationale, self.decided_by,
                                                  self.concerned_list), strict=True):
            lab.setBuddy(field)
            entry.addRow(lab, field)
        entry.addRow(self.record_button)
        top = QHBoxLayout()
        top.addWidget(self.meeting_box, 2)
        top.addWidget(self.entry_box, 3)
        self.log_box = QGroupBox()
        log = QVBoxLayout(self.log_box)
        log.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        log.addLayout(buttons)
        self.actions_box = QWidget()
        acts = QVBoxLayout(self.actions_box)
        acts.addWidget(self.action_table, 1)
        form = QHBoxLayout()
        self.action_labels = [QLabel() for _ in range(3)]
        for lab, field in zip(self.action_labels, (self.action_title, self.action_owner, self.action_deadline),
                              strict=True):
            lab.setBuddy(field)
            form.addWidget(lab)
            form.addWidget(field, 2 if field is self.action_title else 0)
        form.addWidget(self.action_button)
        form.addSpacing(24)  # the chosen action's state, on the same line: the table keeps the height
        form.addWidget(self.action_state)
        form.addWidget(self.action_state_button)
        acts.addLayout(form)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.log_box)
        self.lower = QTabWidget(objectName="actionsAndOutlook")  # actions, and the council outlook beside them
        self.lower.addTab(self.actions_box, "")
        self.lower.addTab(self.outlook, "")
        split.addWidget(self.lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([500, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # -- data --------------------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        self.decisions.info = info
        if info is not None:
            self.actions.tz = info.timezone
        if same:
            return
        self.outlook.set_event(info)
        self._fill_choices()
        self.decisions.set_decisions([])
        self.actions.set_rows([])
        self.request_refresh()

    def _fill_choices(self) -> None:
        info = self._info
        roles = [(r.id, r.title) for r in info.playbook.roles] if info else []
        self.attendees.set_choices(roles)
        self.concerned.set_choices([(a.id, a.name) for a in info.group.affiliates] if info else [])
        self._fill_combos()
        if info is not None:
            datetime_edit.set_moment(self.action_deadline, self._executor.clock() + timedelta(hours=2),
                                     info.timezone)

    def _fill_combos(self) -> None:
        """Roles and action states, in the interface language, keeping what is chosen."""
        roles = [(r.id, r.title) for r in self._info.playbook.roles] if self._info else []
        for combo, choices in ((self.decided_by, roles), (self.action_owner, roles),
                               (self.action_state, [(s, None) for s in ACTION_STATES])):
            current = combo.currentData()
            combo.clear()
            for key, title in choices:
                combo.addItem(text(title) if title else label(ACTION_STATES, key), key)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def on_changes(self, changes: Changes) -> None:
        self.outlook.on_changes(changes)
        if self._info and changes.event == self._info.id and changes.touches(DECISIONS):
            self.request_refresh()

    def refresh(self) -> None:
        if self._info is None:
            return
        event = self._info.id
        self._executor.submit(lambda desk: council(desk, event), lambda r: self._apply(event, *r))

    def _apply(self, event: str, meetings, decisions, actions) -> None:
        if self._info is None or event != self._info.id:
            return
        self.meeting = next((m for m in meetings if m.closed_at is None), None)
        self.decisions.set_decisions(decisions)
        self.tree.expandAll()
        self.actions.set_rows(actions)
        self._show_meeting()

    def _show_meeting(self) -> None:
        m = self.meeting
        tz = self._info.timezone if self._info else "Asia/Seoul"
        if m is None:
            self.meeting_state.setText(self.tr("No council meeting is open."))
            self.meeting_button.setText(self.tr("&Start meeting"))
        else:
            names = ", ".join(text(self._info.role_title(r)) for r in m.attendees)
            self.meeting_state.setText(self.tr("<b>Meeting open:</b> {} since {} — {}").format(
                m.title, timefmt.local(m.opened_at, tz, with_date=False), names))
            self.meeting_button.setText(self.tr("S&top meeting"))
        self.meeting_title.setEnabled(m is None)
        self.attendee_list.setEnabled(m is None)

    # -- commands ------------------------------------------------------------------------
    def _submit(self, fn, on_done=None) -> None:
        self._executor.submit(fn, on_done, lambda exc: show_error(self, exc))

    def _meeting_clicked(self) -> None:
        if self._info is None:
            return
        event = self._info.id
        if self.meeting is not None:
            self._submit(lambda desk: desk.council.close_meeting(event))
            return
        title, attendees = self.meeting_title.text(), self.attendees.checked()
        self._submit(lambda desk: desk.council.open_meeting(event, title, attendees),
                     lambda _: self.meeting_title.clear())

    def record(self) -> None:
        """Enter or Ctrl+Enter: record the decision; the form clears for the next one."""
        if self._info is None or not self.text.text().strip():
            self.text.setFocus()
            return
        event, words, why = self._info.id, self.text.text(), self.rationale.text()
        by, affiliates = self.decided_by.currentData(), self.concerned.checked()

        def done(_) -> None:
            self.text.clear()
            self.rationale.clear()
            self.concerned.set_checked(())
            self.text.setFocus()

        self._submit(lambda desk: desk.council.record_decision(event, words, rationale=why, decided_by=by,
                                                       affiliates=affiliates), done)

    def _amend(self, action: str) -> None:
        decision = self.decisions.decision_at(self.tree.currentIndex())
        if self._info is None or decision is None:
            return
        decision = self.decisions.original(decision)
        event, by = self._info.id, self.decided_by.currentData()
        dialog = QInputDialog(self)
        dialog.setObjectName("amendDialog")
        dialog.setWindowTitle(self.tr("Amend decision") if action == "amend" else self.tr("Withdraw decision"))
        dialog.setLabelText(self.tr("New wording (the original stays in the log):") if action == "amend"
                            else self.tr("Why is it withdrawn?"))
        if action == "amend":
            dialog.setTextValue(decision.text)

        def save(value: str) -> None:
            if action == "amend":
                self._submit(lambda desk: desk.council.amend_decision(event, decision.id, value, decided_by=by))
            else:
                self._submit(lambda desk: desk.council.withdraw_decision(event, decision.id, value, decided_by=by))

        dialog.textValueSelected.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_action(self) -> None:
        if self._info is None:
            return
        decision = self.decisions.decision_at(self.tree.currentIndex())
        event, title, owner = self._info.id, self.action_title.text(), self.action_owner.currentData()
        deadline = datetime_edit.moment(self.action_deadline, self._info.timezone)
        linked = (decision.amends or decision.id) if decision else ""
        self._submit(lambda desk: desk.council.create_action(event, title, owner, deadline, decision=linked),
                     lambda _: self.action_title.clear())

    def _set_action_state(self) -> None:
        action = self.action_table.currentIndex().data(ROW_ROLE)
        if self._info is None or action is None:
            return
        event, state = self._info.id, self.action_state.currentData()
        self._submit(lambda desk: desk.council.set_action(event, action.id, state))

    def tick(self) -> None:
        self.actions.repaint_all()

    def retranslate(self) -> None:
        self.meeting_box.setTitle(self.tr("Council meeting"))
        self.entry_box.setTitle(self.tr("Record a decision (Enter or Ctrl+Enter)"))
        self.log_box.setTitle(self.tr("Decision log (amendments under the original)"))
        self.lower.setTabText(0, self.tr("Actions"))
        self.lower.setTabText(1, self.tr("Council outlook (+12 to +72 h)"))
        for lab, caption in zip(self.meeting_labels, (self.tr("Ti&tle:"), self.tr("Atte&ndees:")), strict=True):
            lab.setText(caption)
        for lab, caption in zip(self.entry_labels, (self.tr("&Decision:"), self.tr("&Rationale:"),
                                                    self.tr("Decided &by:"), self.tr("Affiliates &concerned:")),
                                strict=True):
            lab.setText(caption)
        for lab, caption in zip(self.action_labels, (self.tr("Acti&on:"), self.tr("O&wner:"),
                                                     self.tr("Dead&line:")), strict=True):
            lab.setText(caption)
        self.record_button.setText(self.tr("&Record decision"))
        self.amend_button.setText(self.tr("&Amend…"))
        self.withdraw_button.setText(self.tr("&Withdraw…"))
        self.action_button.setText(self.tr("Add &action"))
        self.action_state_button.setText(self.tr("Set &state"))
        self.action_state.setAccessibleName(self.tr("New state of the selected action"))
        self.tree.setAccessibleName(self.tr("Decision log"))
        self.action_table.setAccessibleName(self.tr("Actions"))
        self.meeting_title.setPlaceholderText(self.tr("e.g. 2nd council meeting (CRO chair)"))
        self.text.setPlaceholderText(self.tr("What the council decided"))
        self.rationale.setPlaceholderText(self.tr("Why (optional)"))
        self.attendees.retranslate()
        self.concerned.retranslate()
        self.decisions.repaint_all()
        self.actions.repaint_all()
        self._fill_combos()
        self._show_meeting()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
