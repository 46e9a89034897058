"""Filters of the checklist tree: affiliate, overdue, critical, mine (by role), not done."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from crisisdesk.domain.checklist import CLOSED_STATES, is_overdue
from crisisdesk.ui.checklist.checklist_model import ChecklistModel


@dataclass(frozen=True)
class Filters:
    affiliate: str = ""
    overdue: bool = False
    critical: bool = False
    mine: bool = False
    not_done: bool = False
    role: str = ""  # my role, for `mine`


class ChecklistFilter(QSortFilterProxyModel):
    """Phases are shown only when one of their items passes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.filters = Filters()

    def set_filters(self, **changes) -> None:
        self.beginFilterChange()
        self.filters = replace(self.filters, **changes)
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not parent.isValid():
            return False  # a phase: accepted through its items
        model: ChecklistModel = self.sourceModel()
        item = model.item_at(model.index(row, 0, parent))
        f = self.filters
        if item is None:
            return False
        if f.affiliate and item.affiliate != f.affiliate:
            return False
        if f.overdue and not is_overdue(item.due, item.state, model.now()):
            return False
        if f.critical and not item.critical:
            return False
        if f.mine and item.owner != f.role:
            return False
        return not (f.not_done and item.state in CLOSED_STATES)
