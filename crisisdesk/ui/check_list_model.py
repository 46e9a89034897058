"""A list of choices each with a check box: attendees (roles), affiliates a decision concerns."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from crisisdesk.domain.text import Text
from crisisdesk.ui.i18n import text
from crisisdesk.ui.rows_model import ROOT

Index = QModelIndex | QPersistentModelIndex


class CheckListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._choices: list[tuple[str, Text]] = []
        self._checked: set[str] = set()

    def set_choices(self, choices: list[tuple[str, Text]], checked=()) -> None:
        self.beginResetModel()
        self._choices, self._checked = list(choices), set(checked)
        self.endResetModel()

    def checked(self) -> list[str]:
        return [c for c, _ in self._choices if c in self._checked]

    def set_checked(self, checked) -> None:
        self._checked = set(checked)
        if self._choices:
            self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._choices)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        key, name = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text(name)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        key = self._choices[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def retranslate(self) -> None:
        if self._choices:
            self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1))
