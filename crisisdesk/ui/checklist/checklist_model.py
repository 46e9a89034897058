"""The checklist as a tree: phase (a playbook checklist) → items, one row per affiliate's item."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from crisisdesk.domain.checklist import CLOSED_STATES, Check, is_due_soon, is_overdue
from crisisdesk.domain.read_models import ItemView
from crisisdesk.domain.text import Text
from crisisdesk.ui import timefmt
from crisisdesk.ui.checklist.item_history import conflict_text
from crisisdesk.ui.event_info import EventInfo
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ITEM_STATES, label
from crisisdesk.ui.rows_model import KEY_ROLE, ROW_ROLE
from crisisdesk.ui.style import LATE, SOON, STATE_COLOURS
from crisisdesk.ui.two_level_model import TwoLevelModel

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, str, str]  # affiliate, checklist, item

TITLE, AFFILIATE, STATE, OWNER, DUE, RELATIVE, ASSIGNEE, NOTE = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "Item"), QT_TRANSLATE_NOOP("Columns", "Affiliate"),
    QT_TRANSLATE_NOOP("Columns", "State"), QT_TRANSLATE_NOOP("Columns", "Owner"),
    QT_TRANSLATE_NOOP("Columns", "Due"), QT_TRANSLATE_NOOP("Columns", "Due in"),
    QT_TRANSLATE_NOOP("Columns", "Assignee"), QT_TRANSLATE_NOOP("Columns", "Note"),
)
EDITABLE = {ASSIGNEE: "assignee", NOTE: "note"}
CONFLICT_BACKGROUND = QColor("#ffe9c7")
_icons: dict[str, QIcon] = {}


def conflict_icon() -> QIcon:
    """The warning sign beside an item changed on two desks at once."""
    if "conflict" not in _icons:
        _icons["conflict"] = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _icons["conflict"]


def key_of(item: ItemView) -> Key:
    return (item.affiliate, item.checklist, item.item)


class _Phase:
    __slots__ = ("id", "title", "items")

    def __init__(self, phase_id: str, title: Text):
        self.id, self.title, self.items = phase_id, title, []


class ChecklistModel(TwoLevelModel):
    """Read-only mirror of the desk's items; edits are *requested* by signal and saved by the panel.

    Internal ids: 0 for a phase row, phase number + 1 for an item row.
    """

    headers = HEADERS

    change_requested = Signal(object, dict)  # ItemView, set_item keyword arguments

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(parent)
        self.now = clock
        self.info: EventInfo | None = None
        self._phases: list[_Phase] = []
        self._items: dict[Key, ItemView] = {}
        self._where: dict[Key, tuple[int, int]] = {}  # key → (phase, row)

    # -- data in -------------------------------------------------------------
    def set_info(self, info: EventInfo | None) -> None:
        self.info = info
        self.set_items([])

    def set_items(self, items: Iterable[ItemView]) -> None:
        self._apply({key_of(i): i for i in items})

    def update_affiliates(self, affiliates: Iterable[str], items: Iterable[ItemView]) -> None:
        """Replace the items of `affiliates` only (what a command's Changes named).

        The same items with new values are changed in place; only new or removed items rebuild the tree.
        """
        keep = set(affiliates)
        fresh = {key_of(i): i for i in items}
        if fresh.keys() == {k for k in self._items if k[0] in keep}:
            for item in fresh.values():
                self.replace_item(item)
            return
        merged = {k: v for k, v in self._items.items() if k[0] not in keep}
        merged.update(fresh)
        self._apply(merged)

    def replace_item(self, item: ItemView) -> None:
        """New values of an item already shown (after a save, or from a refresh)."""
        key = key_of(item)
        if key not in self._where or self._items[key] == item:
            return
        p, r = self._where[key]
        self._items[key] = item
        self._phases[p].items[r] = item
        parent = self.index(p, 0)
        self.dataChanged.emit(self.index(r, 0, parent), self.index(r, len(HEADERS) - 1, parent))
        self.dataChanged.emit(parent, parent)  # the phase's progress

    def item(self, key: Key) -> ItemView | None:
        return self._items.get(key)

    def _apply(self, items: dict[Key, ItemView]) -> None:
        phases = self._structure(items.values())
        where = {key_of(i): (p, r) for p, phase in enumerate(phases) for r, i in enumerate(phase.items)}
        if where != self._where:
            self.beginResetModel()
            self._phases, self._items, self._where = phases, items, where
            self.endResetModel()
            return
        old = self._items
        self._phases, self._items = phases, items
        for p, phase in enumerate(phases):
            changed = [r for r, item in enumerate(phase.items) if old.get(key_of(item)) != item]
            if changed:
                parent = self.index(p, 0)
                self.dataChanged.emit(parent, self.index(p, len(HEADERS) - 1))
                self.dataChanged.emit(self.index(min(changed), 0, parent),
                                      self.index(max(changed), len(HEADERS) - 1, parent))

    def _structure(self, items: Iterable[ItemView]) -> list[_Phase]:
        book = self.info.playbook if self.info else None
        group = self.info.group if self.info else None
        phase_order = {c.id: i for i, c in enumerate(book.checklists)} if book else {}
        item_order = {(c.id, it.id): i for c in book.checklists for i, it in enumerate(c.items)} if book else {}
        aff_order = {a.id: i for i, a in enumerate(group.affiliates)} if group else {}
        ordered = sorted(items, key=lambda i: (phase_order.get(i.checklist, 99), i.checklist,
                                               aff_order.get(i.affiliate, 99), i.affiliate,
                                               item_order.get((i.checklist, i.item), 999), i.item))
        phases: list[_Phase] = []
        for item in ordered:
            if not phases or phases[-1].id != item.checklist:
                phases.append(_Phase(item.checklist, item.checklist_title))
            phases[-1].items.append(item)
        return phases

    def item_at(self, index: Index) -> ItemView | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._phases[index.internalId() - 1].items[index.row()]

    def index_of(self, key: Key, column: int = 0) -> QModelIndex:
        if key not in self._where:
            return QModelIndex()
        p, r = self._where[key]
        return self.index(r, column, self.index(p, 0))

    def repaint_all(self) -> None:
        """The clock moved or the language changed: draw every row again."""
        last = len(HEADERS) - 1
        for p, phase in enumerate(self._phases):
            parent = self.index(p, 0)
            self.dataChanged.emit(parent, self.index(p, last))
            if phase.items:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(phase.items) - 1, last, parent))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    # -- Qt structure --------------------------------------------------------
    def group_count(self) -> int:
        return len(self._phases)

    def child_count(self, group: int) -> int:
        return len(self._phases[group].items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            if index.column() == TITLE:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            if index.column() in EDITABLE:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- Qt data ---------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._phase_data(self._phases[index.row()], index.column(), role)
        return self._item_data(self.item_at(index), index.column(), role)

    def _phase_data(self, phase: _Phase, column: int, role: int):
        if column != TITLE:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            closed = sum(1 for i in phase.items if i.state in CLOSED_STATES)
            return f"{text(phase.title)}  ({closed}/{len(phase.items)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _item_data(self, item: ItemView, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._display(item, column)
            return f"{shown} — {conflict_text()}" if item.conflict and column == TITLE else shown
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if item.conflict and column in (TITLE, STATE):
            if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
                return conflict_icon()
            if role == Qt.ItemDataRole.BackgroundRole:
                return CONFLICT_BACKGROUND
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return getattr(item, EDITABLE[column])
        if role == Qt.ItemDataRole.CheckStateRole and column == TITLE:
            return Qt.CheckState.Checked if item.state in CLOSED_STATES else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(item, column)
        if role == Qt.ItemDataRole.FontRole and column == TITLE and item.critical:
            font = QFont()
            font.setBold(True)
            return font
        if role == ROW_ROLE:
            return item
        if role == KEY_ROLE:
            return key_of(item)
        return None

    def _display(self, item: ItemView, column: int) -> str:
        tz = self.info.timezone if self.info else "Asia/Seoul"
        if column == TITLE:
            mark = "★ " if item.critical else ""
            return mark + text(item.title)
        if column == AFFILIATE:
            return text(self.info.affiliate_name(item.affiliate)) if self.info else item.affiliate
        if column == STATE:
            name = label(ITEM_STATES, item.state)
            return f"{name}: {item.reason}" if item.state == Check.BLOCKED and item.reason else name
        if column == OWNER:
            return text(item.owner_title)
        if column == DUE:
            return timefmt.local(item.due, tz)
        if column == RELATIVE:
            if item.state in CLOSED_STATES:
                return ""
            return timefmt.relative(item.due, self.now())
        if column == ASSIGNEE:
            return item.assignee
        return item.note

    def _tooltip(self, item: ItemView, column: int) -> str | None:
        """The whole text, which the view may elide; a conflict's warning and the title's guidance under it."""
        if column in (DUE, RELATIVE):  # always whole
            return None
        parts = [self._display(item, column)]
        if item.conflict and column in (TITLE, STATE):
            parts.append(conflict_text())
        if column == TITLE:
            parts.append(text(item.guidance))
        return "\n\n".join(p for p in parts if p) or None

    def _colour(self, item: ItemView, column: int):
        if column == STATE:
            return STATE_COLOURS.get(item.state)
        if column == RELATIVE:
            now = self.now()
            if is_overdue(item.due, item.state, now):
                return LATE
            if is_due_soon(item.due, item.state, now):
                return SOON
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if item is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == TITLE:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.change_requested.emit(item, {"state": Check.DONE if checked else Check.TODO})
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() in EDITABLE:
            field = EDITABLE[index.column()]
            if str(value).strip() != getattr(item, field):
                self.change_requested.emit(item, {field: str(value)})
            return True
        return False
