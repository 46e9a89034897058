"""The checklist as one flat table: a phase's header row (a playbook checklist), then its items.

A table, not a tree: a tree view lays out every row it holds each time rows change (160 ms for 15,000
items), a table only the rows in view. The filters are applied here, to plain lists, not by a proxy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from crisisdesk.domain.checklist import CLOSED_STATES, Check, is_due_soon, is_overdue
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import ItemView
from crisisdesk.domain.text import Text
from crisisdesk.ui import timefmt
from crisisdesk.ui.checklist.checklist_filter import Filters, passes, shown
from crisisdesk.ui.checklist.checklist_rows import (
    Key,
    Loaded,
    Rows,
    count_closed,
    key_of,
    load,
)
from crisisdesk.ui.checklist.item_history import conflict_text
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ITEM_STATES, label
from crisisdesk.ui.rows_model import KEY_ROLE, ROOT, ROW_ROLE
from crisisdesk.ui.style import LATE, SOON, STATE_COLOURS

Index = QModelIndex | QPersistentModelIndex

TITLE, AFFILIATE, STATE, OWNER, DUE, RELATIVE, ASSIGNEE, NOTE = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "Item"), QT_TRANSLATE_NOOP("Columns", "Affiliate"),
    QT_TRANSLATE_NOOP("Columns", "State"), QT_TRANSLATE_NOOP("Columns", "Owner"),
    QT_TRANSLATE_NOOP("Columns", "Due"), QT_TRANSLATE_NOOP("Columns", "Due in"),
    QT_TRANSLATE_NOOP("Columns", "Assignee"), QT_TRANSLATE_NOOP("Columns", "Note"),
)
EDITABLE = {ASSIGNEE: "assignee", NOTE: "note"}
CONFLICT_BACKGROUND = QColor("#ffe9c7")
PHASE_BACKGROUND = QColor("#eef2f8")
_icons: dict[str, QIcon] = {}


def conflict_icon() -> QIcon:
    """The warning sign beside an item changed on two desks at once."""
    if "conflict" not in _icons:
        _icons["conflict"] = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _icons["conflict"]


# Computed once: flags() and data() are called for every cell drawn, and OR-ing Qt's Python enums
# (or comparing a role the model never answers) costs more than the rest of the call.
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ITEM_FLAGS = {TITLE: _FLAGS | Qt.ItemFlag.ItemIsUserCheckable,
               **{column: _FLAGS | Qt.ItemFlag.ItemIsEditable for column in EDITABLE}}
_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    ROW_ROLE, KEY_ROLE))


class _Phase:
    """A phase's header row; `closed` of `total` counts the items of the chosen affiliate (or all)."""

    __slots__ = ("id", "title", "closed", "total")

    def __init__(self, phase_id: str, title: Text):
        self.id, self.title, self.closed, self.total = phase_id, title, 0, 0


class ChecklistModel(QAbstractTableModel):
    """Read-only mirror of the desk's items; edits are *requested* by signal and saved by the panel.

    Holds every item loaded (`item()`), shows those that pass `filters`. Changes of values are
    announced as `dataChanged` in one range per burst; a row that leaves or joins the filter after a
    save is removed or inserted; anything larger resets the model (the panel keeps the current item).
    """

    change_requested = Signal(object, dict)  # ItemView, set_item keyword arguments

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(parent)
        self.now = clock
        self.info: Event | None = None
        self.filters = Filters()
        self._all: dict[Key, ItemView] = {}  # every item loaded, in the checklist's order
        self._by_affiliate: dict[str, list[Key]] = {}
        self._phases: dict[str, _Phase] = {}
        self._unfiltered: dict[str, Rows] = {}  # the rows of an affiliate ('' all) with no other filter
        self._closed: dict[str, Counter[str]] = {}  # items closed per affiliate ('' all) and phase
        self._rows = Rows([])

    # -- data in -------------------------------------------------------------
    def set_info(self, info: Event | None) -> None:
        self.info = info
        self.set_items([])

    def set_items(self, items: Iterable[ItemView], in_order: bool = False) -> None:
        """Every item; `in_order` when they come `ordered()` already (sorted in the executor)."""
        self.set_loaded(Loaded(list(items)) if in_order else load(items, self.info))

    def set_loaded(self, loaded: Loaded) -> None:
        """Every item, as `load` prepared them."""
        self._all, self._by_affiliate, self._closed = loaded.all, loaded.by_affiliate, loaded.closed
        self._unfiltered = loaded.unfiltered
        self._phases = {c: self._phases.get(c) or _Phase(c, t) for c, t in loaded.titles.items()}
        self._show()

    def update_affiliates(self, affiliates: Iterable[str], items: Iterable[ItemView]) -> None:
        """Replace the items of `affiliates` only (what a command's Changes named).

        The same items with new values are changed in place; only new or removed items re-sort.
        """
        keep = set(affiliates)
        fresh = {key_of(i): i for i in items}
        if fresh.keys() == {k for a in keep for k in self._by_affiliate.get(a, ())}:
            count_closed(self._closed, (self._all[k] for k in fresh), -1)
            count_closed(self._closed, fresh.values(), +1)
            self._all.update(fresh)
            self._show()
            return
        merged = {k: v for k, v in self._all.items() if k[0] not in keep}
        merged.update(fresh)
        self.set_items(merged.values())

    def set_filters(self, **changes) -> None:
        new = replace(self.filters, **changes)
        if new != self.filters:
            self.filters = new
            self._show()

    def refilter(self) -> None:
        """Apply the filters again (the clock moved: items became overdue)."""
        self._show()

    def replace_item(self, item: ItemView) -> None:
        """New values of an item (after a save, or drawn before the save): its row changes, or it leaves
        or joins the rows shown when the filters say so."""
        key = key_of(item)
        old = self._all.get(key)
        if old is None or old == item:
            return
        self._all[key] = item
        count_closed(self._closed, [old], -1)
        count_closed(self._closed, [item], +1)
        phase = self._phases.get(item.checklist)
        if phase is not None:
            phase.closed = self._closed.get(self.filters.affiliate, {}).get(phase.id, 0)
        row = self._rows.where.get(key)
        keep = passes(item, self.filters, self.now())
        if row is not None and keep:
            self._changed(row, row)
            self._phase_changed(row)
        elif row is not None:
            self._remove(row)
        elif keep:
            self._show()  # joins the rows shown (an undo under a filter): rare, a reset

    def item(self, key: Key) -> ItemView | None:
        return self._all.get(key)

    def items(self) -> list[ItemView]:
        """The items shown, in order."""
        return [self._all[k] for k in self._rows.keys if k[0]]  # type: ignore[index]

    def item_at(self, index: Index) -> ItemView | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows.keys):
            return None
        key = self._rows.keys[index.row()]
        return self._all[key] if key[0] else None  # type: ignore[index]

    def is_phase(self, row: int) -> bool:
        return 0 <= row < len(self._rows.keys) and not self._rows.keys[row][0]

    def phase_rows(self) -> list[int]:
        return list(self._rows.phases)

    def index_of(self, key: Key, column: int = 0) -> QModelIndex:
        row = self._rows.where.get(key)
        return QModelIndex() if row is None else self.index(row, column)

    def next_open(self, row: int) -> QModelIndex:
        """The first item shown after `row` that is still open (not done or n/a), else invalid."""
        keys, everything = self._rows.keys, self._all
        for r in range(row + 1, len(keys)):
            if keys[r][0] and everything[keys[r]].state not in CLOSED_STATES:  # type: ignore[index]
                return self.index(r, TITLE)
        return QModelIndex()

    def repaint_all(self) -> None:
        """The clock moved or the language changed: draw every row again."""
        if self._rows.keys:
            self._changed(0, len(self._rows.keys) - 1)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    # -- rows --------------------------------------------------------------------
    def _show(self) -> None:
        """Rows for the filters: in place when the same rows show, else one reset.

        Only keys are handled, in comprehensions over plain lists, and the rows of an affiliate (or of
        all) with no other filter are kept: 50,000 items take milliseconds, not seconds."""
        f, everything = self.filters, self._all
        if f.affiliate:
            keys = self._by_affiliate.get(f.affiliate, [])
            items = [everything[k] for k in keys]
        else:
            keys, items = list(everything), list(everything.values())
        if f.affiliate not in self._unfiltered:
            self._unfiltered[f.affiliate] = Rows(keys)
        base = self._unfiltered[f.affiliate]
        others = replace(f, affiliate="")
        rows = base if others == Filters(role=f.role) else Rows(shown(keys, items, others, self.now()))
        closed = self._closed.get(f.affiliate, {})
        for phase in self._phases.values():  # progress counts the affiliate's items, shown or not
            phase.total, phase.closed = base.totals.get(phase.id, 0), closed.get(phase.id, 0)
        if rows.keys != self._rows.keys:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        self._rows = rows
        if rows.keys:
            self._changed(0, len(rows.keys) - 1)  # the view draws the rows in view only

    def _remove(self, row: int) -> None:
        """Take an item's row away (and its phase's, when it was the last one shown)."""
        keys = self._rows.keys
        alone = not keys[row - 1][0] and (row + 1 == len(keys) or not keys[row + 1][0])
        first = row - 1 if alone else row
        self.beginRemoveRows(ROOT, first, row)
        self._rows = self._rows.without(first, row)
        self.endRemoveRows()
        if not alone:
            self._phase_changed(first)

    def _phase_changed(self, row: int) -> None:
        """The header row of the phase that holds `row` (its progress)."""
        before = [n for n in self._rows.phases if n <= row]
        if before:
            self._changed(before[-1], before[-1])

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))

    # -- Qt structure --------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows.keys)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("Columns", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self._rows.keys[index.row()][0]:
            return _FLAGS
        return _ITEM_FLAGS.get(index.column(), _FLAGS)

    # -- Qt data ---------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows.keys):
            return None
        key = self._rows.keys[index.row()]
        if not key[0]:
            return self._phase_data(self._phases[key[1]], index.column(), role)
        return self._item_data(self._all[key], index.column(), role)  # type: ignore[index]

    def _phase_data(self, phase: _Phase, column: int, role: int):
        if role == Qt.ItemDataRole.BackgroundRole:
            return PHASE_BACKGROUND
        if column != TITLE:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{text(phase.title)}  ({phase.closed}/{phase.total})"
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
