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
from PySide6.QtWidgets import QApplication

from crisisdesk.domain.checklist import CLOSED_STATES, Check, is_due_soon, is_overdue
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import ItemView
from crisisdesk.domain.text import Text
from crisisdesk.ui import timefmt
from crisisdesk.ui.checklist.checklist_filter import Filters, passes, shown, shown_flagged
from crisisdesk.ui.checklist.checklist_rows import (
    Flags,
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
    if "conflict" not in _icons:  # QStyle's Python enums take 5 ms to build: only once a conflict shows
        from PySide6.QtWidgets import QStyle

        _icons["conflict"] = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _icons["conflict"]


# Computed once: flags() and data() are called for every cell drawn, and OR-ing Qt's Python enums
# (or comparing a role the model never answers) costs more than the rest of the call.
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ITEM_FLAGS = {TITLE: _FLAGS | Qt.ItemFlag.ItemIsUserCheckable,
               **{column: _FLAGS | Qt.ItemFlag.ItemIsEditable for column in EDITABLE}}
# The roles as plain ints: reading `Qt.ItemDataRole.X` goes through Python's enum machinery, and
# data() compared the role with up to ten of them per cell drawn.
_DISPLAY, _ACCESSIBLE, _TOOLTIP, _DECORATION, _BACKGROUND, _EDIT, _CHECK, _FOREGROUND, _FONT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole))
_ROW, _KEY = int(ROW_ROLE), int(KEY_ROLE)
_ROLES = frozenset((_DISPLAY, _ACCESSIBLE, _TOOLTIP, _DECORATION, _BACKGROUND, _EDIT, _CHECK, _FOREGROUND,
                    _FONT, _ROW, _KEY))
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


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
        self._info: Event | None = None
        self._names: dict[str, Text] = {}  # affiliate names, by id
        self._times: dict[datetime | None, str] = {}  # due times as shown (strftime is slow)
        self.filters = Filters()
        self._all: dict[Key, ItemView] = {}  # every item loaded, in the checklist's order
        self._by_affiliate: dict[str, list[Key]] = {}
        self._phases: dict[str, _Phase] = {}
        self._unfiltered: dict[str, Rows] = {}  # the rows of an affiliate ('' all) with no other filter
        self._closed: dict[str, Counter[str]] = {}  # items closed per affiliate ('' all) and phase
        self._flags = Flags([])  # what the filters read of every item
        self._rows = Rows([])

    @property
    def info(self) -> Event | None:
        return self._info

    @info.setter
    def info(self, info: Event | None) -> None:
        """The event's context (its group's names and timezone); what was shown of the last is forgotten."""
        self._info = info
        self._names, self._times = {}, {}

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
        self._unfiltered, self._flags = loaded.unfiltered, loaded.flags
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
            for item in fresh.values():
                self._flags.update(item)
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
        self._flags.update(item)
        count_closed(self._closed, [old], -1)
        count_closed(self._closed, [item], +1)
        phase = self._phases.get(item.checklist)
        if phase is not None:
            phase.closed = self._closed.get(self.filters.affiliate, {}).get(phase.id, 0)
        row = self._rows.row_of(key)
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
        row = self._rows.row_of(key)
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
        f = self.filters
        keys = self._by_affiliate.get(f.affiliate, []) if f.affiliate else self._flags.keys
        if f.affiliate not in self._unfiltered:
            self._unfiltered[f.affiliate] = Rows(keys)
        base = self._unfiltered[f.affiliate]
        others = replace(f, affiliate="")
        if others == Filters(role=f.role):
            rows = base
        elif f.affiliate:  # an affiliate's few hundred items, read one by one
            rows = Rows(shown(keys, [self._all[k] for k in keys], others, self.now()))
        else:
            rows = Rows(shown_flagged(self._flags, others, self.now()))
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
        row, keys = index.row(), self._rows.keys
        if not 0 <= row < len(keys):  # an invalid index's row is -1
            return Qt.ItemFlag.NoItemFlags
        if not keys[row][0]:
            return _FLAGS
        return _ITEM_FLAGS.get(index.column(), _FLAGS)

    # -- Qt data ---------------------------------------------------------------
    def data(self, index: Index, role: int = _DISPLAY):
        row, keys = index.row(), self._rows.keys
        if role not in _ROLES or not 0 <= row < len(keys):  # an invalid index's row is -1
            return None
        key = keys[row]
        if not key[0]:
            return self._phase_data(self._phases[key[1]], index.column(), role)
        return self._item_data(self._all[key], index.column(), role)  # type: ignore[index]

    def _phase_data(self, phase: _Phase, column: int, role: int):
        if role == _BACKGROUND:
            return PHASE_BACKGROUND
        if column != TITLE:
            return None
        if role == _DISPLAY or role == _ACCESSIBLE:
            return f"{text(phase.title)}  ({phase.closed}/{phase.total})"
        if role == _FONT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _item_data(self, item: ItemView, column: int, role: int):
        if role == _DISPLAY:
            return self._display(item, column)
        if role == _ACCESSIBLE:
            shown = self._display(item, column)
            return f"{shown} — {conflict_text()}" if item.conflict and column == TITLE else shown
        if role == _TOOLTIP:
            return self._tooltip(item, column)
        if item.conflict and column in (TITLE, STATE):
            if role == _DECORATION and column == TITLE:
                return conflict_icon()
            if role == _BACKGROUND:
                return CONFLICT_BACKGROUND
        if role == _EDIT and column in EDITABLE:
            return getattr(item, EDITABLE[column])
        if role == _CHECK and column == TITLE:
            return _CHECKED if item.state in CLOSED_STATES else _UNCHECKED
        if role == _FOREGROUND:
            return self._colour(item, column)
        if role == _FONT and column == TITLE and item.critical:
            font = QFont()
            font.setBold(True)
            return font
        if role == _ROW:
            return item
        if role == _KEY:
            return key_of(item)
        return None

    def _display(self, item: ItemView, column: int) -> str:
        if column == TITLE:
            mark = "★ " if item.critical else ""
            return mark + text(item.title)
        if column == AFFILIATE:
            return text(self._affiliate_name(item.affiliate)) if self.info else item.affiliate
        if column == STATE:
            name = label(ITEM_STATES, item.state)
            return f"{name}: {item.reason}" if item.state == Check.BLOCKED and item.reason else name
        if column == OWNER:
            return text(item.owner_title)
        if column == DUE:
            return self._local(item.due)
        if column == RELATIVE:
            if item.state in CLOSED_STATES:
                return ""
            return timefmt.relative(item.due, self.now())
        if column == ASSIGNEE:
            return item.assignee
        return item.note

    def _affiliate_name(self, affiliate: str) -> Text:
        name = self._names.get(affiliate)
        if name is None and self._info is not None:
            name = self._names[affiliate] = self._info.affiliate_name(affiliate)
        return name or Text.plain(affiliate)

    def _local(self, moment: datetime | None) -> str:
        shown = self._times.get(moment)
        if shown is None:
            zone = self._info.timezone if self._info else "Asia/Seoul"
            shown = self._times[moment] = timefmt.local(moment, zone)
        return shown

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
