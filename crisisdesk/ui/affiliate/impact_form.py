"""The impact assessment form, generated from the playbook's `impact` fields.

Each row: the field's editor, Save (or Enter), the latest revision (who, when) and a history
button; a wrong value is explained under the field and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.domain.answers import normalise
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import AnswerView
from crisisdesk.ui import timefmt
from crisisdesk.ui.affiliate.field_editors import FieldEditor, make_editor
from crisisdesk.ui.i18n import text


class _Row:
    def __init__(self, editor: FieldEditor, caption: QLabel, save: QPushButton, history: QPushButton,
                 meta: QLabel, error: QLabel):
        self.editor, self.caption, self.save, self.history = editor, caption, save, history
        self.meta, self.error = meta, error
        self.answer: AnswerView | None = None
        self.dirty = False


class ImpactForm(QWidget):
    save_requested = Signal(str, object)  # field id, value (checked by the domain's rules)
    history_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("impactForm")
        self.body: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, _Row] = {}
        self.info: Event | None = None
        self.affiliate = ""

    def build(self, info: Event, affiliate: str) -> None:
        """Rebuild for an affiliate of an event (the playbook decides the fields)."""
        if self.body is not None:
            self.body.deleteLater()
        self.body = QWidget(self)
        grid = QGridLayout(self.body)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        self.layout().addWidget(self.body)
        self.rows = {}
        self.info, self.affiliate = info, affiliate
        member = info.group.affiliate(affiliate)
        r = 0
        for field in info.playbook.impact:
            editor = make_editor(field, member, info.timezone, self.body)
            caption = QLabel(self.body)
            caption.setBuddy(editor.focus_widget())
            caption.setWordWrap(True)
            save = QPushButton(self.body, objectName=f"save-{field.id}")
            save.setEnabled(False)
            history = QPushButton(self.body, objectName=f"history-{field.id}")
            history.setFlat(True)
            history.setStyleSheet("color:#1f6fd1; text-decoration:underline; padding:0 4px;")
            meta = QLabel(self.body)
            meta.setStyleSheet("color:#555;")
            meta.setWordWrap(True)
            error = QLabel(self.body, objectName=f"error-{field.id}")
            error.setStyleSheet("color:#c01818;")
            error.setWordWrap(True)
            error.setVisible(False)
            row = _Row(editor, caption, save, history, meta, error)
            self.rows[field.id] = row
            editor.edited.connect(lambda f=field.id: self._edited(f))
            editor.submitted.connect(lambda f=field.id: self.save(f))
            save.clicked.connect(lambda _=False, f=field.id: self.save(f))
            history.clicked.connect(lambda _=False, f=field.id: self.history_requested.emit(f))
            if field.kind == "services":  # a table of its own: its caption heads it, the editor spans
                grid.addWidget(caption, r, 0, 1, 3)
                r, first = r + 1, 0
            else:
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setMaximumWidth(200)
                grid.addWidget(caption, r, 0)
                first = 1
            under = QHBoxLayout()
            under.setContentsMargins(0, 0, 0, 0)
            under.addWidget(meta, 1)
            under.addWidget(history, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, r, first, 1, 2 - first)
            grid.addWidget(save, r, 2, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(under, r + 1, first, 1, 3 - first)
            grid.addWidget(error, r + 2, first, 1, 3 - first)
            r += 3
        self.retranslate()

    def set_answers(self, answers: list[AnswerView]) -> None:
        """The latest answers; a field being edited keeps what the person typed."""
        latest = {a.field: a for a in answers}
        for field_id, row in self.rows.items():
            row.answer = latest.get(field_id)
            if not row.dirty:
                row.editor.set_value(row.answer.value if row.answer else None)
            self._show_meta(row)

    def save(self, field_id: str) -> None:
        row = self.rows[field_id]
        value = row.editor.value()
        problem = self._check(row, value)
        if problem:
            self.show_problem(field_id, problem)
            return
        self.save_requested.emit(field_id, value)

    def _check(self, row: _Row, value: Any) -> str:
        """The domain's own rules, applied before anything is sent."""
        try:
            normalise(row.editor.field, value, row.editor.affiliate, self.info.timezone)
        except InvalidInput as exc:
            return str(exc)
        return ""

    def show_problem(self, field_id: str, message: str) -> None:
        row = self.rows[field_id]
        row.error.setText(message)
        row.error.setVisible(True)

    def saved(self, field_id: str) -> None:
        row = self.rows.get(field_id)
        if row is not None:
            row.dirty = False
            row.save.setEnabled(False)
            row.error.setVisible(False)

    def _edited(self, field_id: str) -> None:
        row = self.rows[field_id]
        row.dirty = True
        row.save.setEnabled(True)
        row.error.setVisible(False)

    def _show_meta(self, row: _Row) -> None:
        answer = row.answer
        if answer is None:
            row.meta.setText(self.tr("not answered yet"))
            row.history.setVisible(False)
            return
        row.meta.setText(self.tr("revision {} · {} · {}").format(
            answer.revisions, answer.author, timefmt.local(answer.at, self.info.timezone)))
        row.history.setVisible(True)
        row.history.setText(self.tr("History ({})").format(answer.revisions))

    def retranslate(self) -> None:
        if self.info is None:
            return
        for field in self.info.playbook.impact:
            row = self.rows[field.id]
            row.caption.setText(text(field.label) + ":")
            row.caption.setToolTip(text(field.help))
            row.editor.setAccessibleName(text(field.label))
            focus = row.editor.focus_widget()
            focus.setAccessibleName(text(field.label))
            if hasattr(row.editor, "fill"):
                row.editor.fill()
            row.save.setText(self.tr("Save"))
            row.save.setAccessibleName(self.tr("Save {}").format(text(field.label)))
            row.history.setAccessibleName(self.tr("History of {}").format(text(field.label)))
            self._show_meta(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
