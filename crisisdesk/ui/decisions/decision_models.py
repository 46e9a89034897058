"""Decisions with their amendments under them, and the council's actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import ActionView, DecisionView
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ACTION_STATES, label
from crisisdesk.ui.rows_model import ROW_ROLE, Column, RowsModel
from crisisdesk.ui.style import LATE, MUTED
from crisisdesk.ui.two_level_model import TwoLevelModel

Index = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "Time"), QT_TRANSLATE_NOOP("Columns", "Decision"),
    QT_TRANSLATE_NOOP("Columns", "Rationale"), QT_TRANSLATE_NOOP("Columns", "Decided by"),
    QT_TRANSLATE_NOOP("Columns", "Affiliates"),
)
ACTION_WORDS = {"decide": "", "amend": QT_TRANSLATE_NOOP("Columns", "Amended: "),
                "withdraw": QT_TRANSLATE_NOOP("Columns", "Withdrawn: ")}


class DecisionModel(TwoLevelModel):
    """Originals at the top level, amendments and withdrawals as their children (append-only)."""

    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info: Event | None = None
        self._decisions: list[DecisionView] = []

    def set_decisions(self, decisions: list[DecisionView]) -> None:
        self.beginResetModel()
        self._decisions = list(decisions)
        self.endResetModel()

    def original(self, decision: DecisionView) -> DecisionView:
        """The decision an amendment or withdrawal belongs to (itself for an original)."""
        return next((d for d in self._decisions if d.id == decision.amends), decision)

    def decision_at(self, index: Index) -> DecisionView | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._decisions[index.row()]
        return self._decisions[index.internalId() - 1].amendments[index.row()]

    def group_count(self) -> int:
        return len(self._decisions)

    def child_count(self, group: int) -> int:
        return len(self._decisions[group].amendments)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        d = self.decision_at(index)
        if d is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(d, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and (d.withdrawn or d.action == "withdraw"):
            return MUTED
        if role == Qt.ItemDataRole.FontRole and d.withdrawn and index.column() == 1:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:  # whole where the column elides it
            return self._display(d, index.column()) or None
        if role == ROW_ROLE:
            return d
        return None

    def _display(self, d: DecisionView, column: int) -> str:
        tz = self.info.timezone if self.info else "Asia/Seoul"
        if column == 0:
            return timefmt.local(d.at, tz)
        if column == 1:
            word = ACTION_WORDS[d.action]
            prefix = QCoreApplication.translate("Columns", word) if word else ""
            return prefix + (d.text if d.action != "withdraw" else d.rationale)
        if column == 2:
            return d.rationale if d.action != "withdraw" else ""
        if column == 3:
            return text(d.decided_by_title)
        names = [text(self.info.affiliate_name(a)) for a in d.affiliates] if self.info else list(d.affiliates)
        return ", ".join(names)

    def repaint_all(self) -> None:
        if self._decisions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._decisions) - 1, len(HEADERS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)


def _deadline_colour(a: ActionView, m: ActionModel):
    return LATE if a.state in ("open", "doing") and m.now() > a.deadline else None


class ActionModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Action"), lambda a, m: a.title, tooltip=lambda a, m: a.title),
        Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda a, m: text(a.owner_title),
               tooltip=lambda a, m: text(a.owner_title)),
        Column(QT_TRANSLATE_NOOP("Columns", "Deadline"), lambda a, m: timefmt.local(a.deadline, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Due in"),
               lambda a, m: timefmt.relative(a.deadline, m.now()) if a.state in ("open", "doing") else "",
               foreground=_deadline_colour),
        Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda a, m: label(ACTION_STATES, a.state),
               tooltip=lambda a, m: label(ACTION_STATES, a.state)),
    )

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(key=lambda a: a.id, parent=parent)
        self.now = clock
        self.tz = "Asia/Seoul"
