"""Table models of the review page: measured targets, findings, corrective actions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crisisdesk.domain.after_action import CorrectiveAction, Finding, TargetRow
from crisisdesk.domain.timing import Measured
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ACTION_STATES, label
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE

TARGET_KINDS = {
    "rto": QT_TRANSLATE_NOOP("Labels", "Recovery (RTO)"),
    "duty": QT_TRANSLATE_NOOP("Labels", "Reporting deadline"),
    "duty-target": QT_TRANSLATE_NOOP("Labels", "Reporting (group target)"),
    "item": QT_TRANSLATE_NOOP("Labels", "Checklist item"),
    "response": QT_TRANSLATE_NOOP("Labels", "Inject response"),
}
OUTCOMES = {
    "met": QT_TRANSLATE_NOOP("Labels", "Met"),
    "missed": QT_TRANSLATE_NOOP("Labels", "Missed by {}"),
    "open-late": QT_TRANSLATE_NOOP("Labels", "Not done, {} late"),
    "pending": QT_TRANSLATE_NOOP("Labels", "Not yet due"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Labels", source)


def outcome(m: Measured) -> str:
    return _tr(OUTCOMES[m.outcome]).format(timefmt.amount(m.late_by)) if m.outcome in OUTCOMES else m.outcome


class TargetModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r, m: _tr(TARGET_KINDS.get(r.kind, r.kind))),
        Column(QT_TRANSLATE_NOOP("Columns", "Affiliate"), lambda r, m: text(r.who)),
        Column(QT_TRANSLATE_NOOP("Columns", "What"), lambda r, m: text(r.what), tooltip=lambda r, m: text(r.what)),
        Column(QT_TRANSLATE_NOOP("Columns", "Target"), lambda r, m: timefmt.local(r.result.target, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Done"), lambda r, m: timefmt.local(r.result.done, m.tz)
               if r.result.done else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Result"), lambda r, m: outcome(r.result),
               foreground=lambda r, m: LATE if r.result.missed else None),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda r: (r.kind, r.who, r.what, r.result.target), parent=parent)
        self.tz = "Asia/Seoul"

    def row(self, index: int) -> TargetRow:
        return self.rows()[index]


class FindingModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda f, m: timefmt.local(f.at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda f, m: f.author),
        Column(QT_TRANSLATE_NOOP("Columns", "Finding"), lambda f, m: f.text, tooltip=lambda f, m: f.text),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda f: f.id, parent=parent)
        self.tz = "Asia/Seoul"

    def finding(self, index: int) -> Finding:
        return self.rows()[index]


class CorrectiveActionModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Corrective action"), lambda a, m: a.title),
        Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda a, m: a.owner),
        Column(QT_TRANSLATE_NOOP("Columns", "Due"), lambda a, m: timefmt.local(a.due, m.tz),
               foreground=lambda a, m: LATE if m.now is not None and a.overdue(m.now) else None),
        Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda a, m: label(ACTION_STATES, a.state)),
        Column(QT_TRANSLATE_NOOP("Columns", "Found in"), lambda a, m: a.event_title),
        Column(QT_TRANSLATE_NOOP("Columns", "Note"), lambda a, m: a.note),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda a: a.id, parent=parent)
        self.tz = "Asia/Seoul"
        self.now = None

    def action(self, index: int) -> CorrectiveAction:
        return self.rows()[index]
