"""A table model over a list of read-model rows, described by its columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

ROOT = QModelIndex()  # the invalid index: the default parent
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """`title` is a QT_TRANSLATE_NOOP("Columns", ...) source; the callables receive (row, model)."""

    title: str
    display: Callable[[Any, Any], str]
    foreground: Callable[[Any, Any], Any] | None = None
    tooltip: Callable[[Any, Any], str] | None = None
    decoration: Callable[[Any, Any], Any] | None = None
    align: Qt.AlignmentFlag | None = None


class RowsModel(QAbstractTableModel):
    """Rows are frozen read models; `set_rows` updates in place when the keys are unchanged."""

    columns: Sequence[Column] = ()

    def __init__(self, key: Callable[[Any], Any] = id, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._key = key

    # -- data in ------------------------------------------------------------
    def set_rows(self, rows: Sequence) -> None:
        rows = list(rows)
        if len(rows) != len(self._rows) or [self._key(r) for r in rows] != [self._key(r) for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        old, self._rows = self._rows, rows
        last = self.columnCount() - 1
        for i, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def append_rows(self, rows: Sequence) -> None:
        """Rows added after the last one (the views insert them, nothing is reset)."""
        if rows:
            self.beginInsertRows(ROOT, len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def prepend_rows(self, rows: Sequence) -> None:
        """Rows added before the first one (an earlier page)."""
        if rows:
            self.beginInsertRows(ROOT, 0, len(rows) - 1)
            self._rows[0:0] = rows
            self.endInsertRows()

    def rows(self) -> list:
        return list(self._rows)

    def key_row(self, key) -> int:
        for i, r in enumerate(self._rows):
            if self._key(r) == key:
                return i
        return -1

    def repaint_all(self) -> None:
        """Texts depend on the clock or the language: ask the views to draw every cell again."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))

    # -- Qt ---------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.display(row, self)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row, self)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration:
            return column.decoration(row, self)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row, self)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return self._key(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate("Columns", self.columns[section].title)
        return None
