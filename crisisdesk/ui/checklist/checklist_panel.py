"""The checklist view: filters, the items, keyboard ticking (Space, D, B, N, T), Enter/F2 to edit, Ctrl+Z."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import CHECKLIST, Changes
from crisisdesk.domain.checklist import CLOSED_STATES, ChangedMeanwhile, Check
from crisisdesk.domain.event import Event
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.read_models import ItemView
from crisisdesk.ui import gui_thread_gc, timefmt
from crisisdesk.ui.checklist.checklist_model import (
    AFFILIATE,
    ASSIGNEE,
    DUE,
    HEADERS,
    NOTE,
    OWNER,
    RELATIVE,
    TITLE,
    ChecklistModel,
)
from crisisdesk.ui.checklist.checklist_rows import Key, Loaded, as_saved, key_of, load, ordered
from crisisdesk.ui.checklist.item_dialogs import ChangedMeanwhileDialog, ItemEditDialog
from crisisdesk.ui.checklist.item_history import ItemHistoryDialog, conflict_text, item_history
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.tables import ColumnFit

COMPACT_HIDDEN = (AFFILIATE, OWNER, ASSIGNEE, NOTE)  # beside the impact form: title, state and due fit
KEYS = {Qt.Key.Key_D: Check.DOING, Qt.Key.Key_B: Check.BLOCKED, Qt.Key.Key_N: Check.NA, Qt.Key.Key_T: Check.TODO,
        Qt.Key.Key_H: "history"}
EDIT_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class Saved:
    """What a save changed (announced to every panel by the executor, as `.changes`), and the item as
    the desk now holds it."""

    changes: Changes
    item: ItemView


def _saved(changes: Changes, desk, event: str, affiliate: str, ref: str) -> Saved:
    """Runs in the executor thread."""
    return Saved(changes, desk.views.checklist_item(event, affiliate, ref))


def _load(desk, event: str, info: Event) -> Loaded:
    """Runs in the executor: every item read and prepared, kept out of the collector's passes."""
    with gui_thread_gc.held(long_lived=True):
        return load(desk.views.checklist(event), info)


class ChecklistView(QTableView):
    """Space ticks done (again: back to do), D doing, B blocked (asks why), N n/a, T to do, H history;
    Enter or F2 edits the assignee and note of the current row."""

    state_key = Signal(QModelIndex, str)
    edit_key = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Space:
                self.state_key.emit(index, "toggle")
                return
            if event.key() in KEYS:
                self.state_key.emit(index, KEYS[event.key()])
                return
            if event.key() in EDIT_KEYS:
                self.edit_key.emit(index)
                return
        super().keyPressEvent(event)


class ChecklistPanel(LazyRefresh, QWidget):
    """All affiliates' items, or one affiliate's (`fixed_affiliate`) inside the affiliate view."""

    saved = Signal(object)  # Changes of a save made here

    def __init__(self, executor: DeskExecutor, fixed_affiliate: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("affiliateChecklist" if fixed_affiliate else "checklistPanel")
        self._executor, self._fixed = executor, fixed_affiliate
        self._info: Event | None = None
        self._undo: list[tuple[str, str, ItemView, str]] = []  # (event, checklist/item, before, entry after)
        self._pending: set[str] | None = set()  # affiliates to refresh; None = everything
        self._saving: set[Key] = set()  # items whose save is on its way
        self._undo_later = 0  # Ctrl+Z pressed while a save was on its way: undone once it is saved
        self._own: Changes | None = None  # what a save made here changed: its item is drawn already
        self._current: Key | None = None  # kept across a reset of the rows
        self.model = ChecklistModel(executor.clock, self)
        self.model.change_requested.connect(self._save)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.view = ChecklistView(objectName="checklistView")
        self.view.setModel(self.model)
        self.model.modelReset.connect(self._rows_reset)  # after the view's own handler
        self.model.rowsRemoved.connect(self._span_phases)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab goes on to the next control
        rows = self.view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row measured: 50,000 rows stay cheap
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.state_key.connect(self._key_state)
        self.view.edit_key.connect(self.edit_item)
        self.view.selectionModel().currentChanged.connect(self._show_details)
        ColumnFit(self.view, whole=(DUE, RELATIVE), weights={TITLE: 3})  # before hiding: see ColumnFit
        for column in COMPACT_HIDDEN:
            self.view.setColumnHidden(column, fixed_affiliate)
        self.affiliate = QComboBox(objectName="affiliateFilter")
        self.affiliate.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.affiliate.currentIndexChanged.connect(self._filters_changed)
        self.affiliate.setVisible(not fixed_affiliate)
        self.affiliate_label = QLabel()
        self.affiliate_label.setBuddy(self.affiliate)
        self.affiliate_label.setVisible(not fixed_affiliate)
        self.checks = {name: QCheckBox(objectName=f"filter-{name}")
                       for name in ("overdue", "critical", "mine", "not_done")}
        for box in self.checks.values():
            box.toggled.connect(self._checks_changed)
        self.keys_hint = QLabel(objectName="keysHint", wordWrap=True)  # wraps rather than widen the window
        self.keys_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keys_hint.setStyleSheet("color:#555;")
        self.details = QLabel(objectName="itemDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_button = QPushButton(objectName="itemHistoryButton", clicked=self.show_history)
        self.history: ItemHistoryDialog | None = None
        self.asking: QWidget | None = None  # the dialog open for an item (edit, blocked, changed meanwhile)
        bar = QHBoxLayout()
        bar.addWidget(self.affiliate_label)
        bar.addWidget(self.affiliate)
        for box in self.checks.values():
            bar.addWidget(box)
        bar.addWidget(self.keys_hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0 if fixed_affiliate else 12, 0 if fixed_affiliate else 12,
                                  0 if fixed_affiliate else 12, 0 if fixed_affiliate else 12)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        details = QHBoxLayout()
        details.addWidget(self.details, 1)
        details.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(details)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo,
                                       context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.main_view = self.view  # what takes the focus when the panel is shown
        self._role = ""
        self._restore_filters()
        self.retranslate()

    # -- event and data ----------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        if info is not None and self._info is not None and info.id == self._info.id:
            self._info = info
            self.model.info = info
            return
        self._info = info
        self._undo.clear()
        self.model.set_info(info)
        self._fill_affiliates()
        self._pending = None
        self.request_refresh()

    def set_affiliate(self, affiliate: str) -> None:
        """Show one affiliate's items (the affiliate view's checklist, or a tile clicked)."""
        i = self.affiliate.findData(affiliate)
        self.affiliate.setCurrentIndex(max(i, 0))

    def set_my_role(self, role: str) -> None:
        self._role = role
        self.model.set_filters(role=role)

    def on_changes(self, changes: Changes) -> None:
        if changes is self._own:  # the item as the desk stored it is shown already
            self._own = None
            return
        if self._info is None or changes.event != self._info.id or not changes.touches(CHECKLIST):
            return
        if changes.affiliates and self._pending is not None:
            self._pending |= set(changes.affiliates)
        else:
            self._pending = None
        self.request_refresh()

    def refresh(self) -> None:
        if self._info is None:
            return
        info, pending = self._info, self._pending
        event = info.id
        self._pending = set()
        if self._fixed:
            affiliate = self.affiliate.currentData()
            if not affiliate or (pending is not None and affiliate not in pending):
                return
            pending = {affiliate}
        if pending is None:  # read and prepared in the executor thread
            self._executor.submit(lambda desk: _load(desk, event, info),
                                  lambda loaded: self._apply(event, None, loaded))
        elif pending:
            affiliates = sorted(pending)
            self._executor.submit(
                lambda desk: ordered([i for a in affiliates for i in desk.views.checklist(event, a)], info),
                lambda items: self._apply(event, affiliates, items))

    def _apply(self, event: str, affiliates: list[str] | None, items: Loaded | list[ItemView]) -> None:
        if self._info is None or event != self._info.id:
            return
        if isinstance(items, Loaded):
            self.model.set_loaded(items)
        elif self._fixed:
            self.model.set_items(items, in_order=True)
        else:
            self.model.update_affiliates(affiliates or [], items)
        self._ensure_current()
        self._show_details(self.view.currentIndex())

    def tick(self) -> None:
        if self.model.filters.overdue:
            self.model.refilter()
        self.model.repaint_all()

    # -- the current row -------------------------------------------------------------
    def current_item(self) -> ItemView | None:
        return self.model.item_at(self.view.currentIndex())

    def _remember_current(self) -> None:
        item = self.current_item()
        self._current = key_of(item) if item is not None else None

    def _rows_reset(self) -> None:
        self._span_phases()
        index = self.model.index_of(self._current) if self._current else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self._ensure_current()

    def _ensure_current(self) -> None:
        """An item is always current (the first, or the first of the phase whose header row is current):
        the keys act on it at once."""
        current = self.view.currentIndex()
        if current.isValid() and not self.model.is_phase(current.row()):
            return
        row = current.row() if current.isValid() else 0
        while self.model.is_phase(row):
            row += 1
        if row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, TITLE))

    def _span_phases(self, *_) -> None:
        """A phase's title across the row."""
        self.view.clearSpans()
        for row in self.model.phase_rows():
            self.view.setSpan(row, 0, 1, len(HEADERS))

    # -- saving ------------------------------------------------------------------
    def _key_state(self, index: QModelIndex, state: str) -> None:
        item = self.model.item_at(index)
        if item is None:
            return
        if state == "history":
            self.show_history()
            return
        if key_of(item) in self._saving:
            QApplication.beep()  # its last change is still on its way: the state shown may change
            return
        if state == "toggle":
            state = Check.TODO if item.state == Check.DONE else Check.DONE
        if state == item.state:
            return
        if state == Check.BLOCKED:
            self._ask_reason(item)
            return
        following = self.model.next_open(index.row()) if state in CLOSED_STATES else QModelIndex()
        after = self.model.item_at(following)
        self._save(item, {"state": state})
        if after is not None:  # on to the next open item
            self.view.setCurrentIndex(self.model.index_of(key_of(after), TITLE))

    def _ask_reason(self, item: ItemView) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("blockedReasonDialog")
        dialog.setWindowTitle(self.tr("Blocked"))
        dialog.setLabelText(self.tr("What blocks “{}”?").format(text(item.title)))
        dialog.textValueSelected.connect(lambda reason: self._save(item, {"state": Check.BLOCKED, "reason": reason}))
        dialog.finished.connect(dialog.deleteLater)
        self.asking = dialog
        dialog.open()

    def edit_item(self, index: QModelIndex | None = None) -> None:
        """Enter or F2: the assignee and note of the current item, in a small dialog."""
        item = self.model.item_at(index if index is not None else self.view.currentIndex())
        if item is None:
            return
        dialog = ItemEditDialog(item, self)
        dialog.accepted.connect(lambda: dialog.changes() and self._save(item, dialog.changes()))
        dialog.finished.connect(dialog.deleteLater)
        self.asking = dialog
        dialog.open()

    def _save(self, item: ItemView, changes: dict, seen: str | None = None) -> None:
        """Save a change made against `item` as shown (or against `seen`, when the person chose to apply
        it over someone's change). The new state is drawn at once; the desk's answer replaces it."""
        event = self._info.id
        ref = f"{item.checklist}/{item.item}"
        key = key_of(item)
        against = item.entry if seen is None else seen
        self._saving.add(key)
        drawn = as_saved(item, changes, self._executor.clock())
        if drawn is not None:
            self.model.replace_item(drawn)

        def done(result: Saved) -> None:
            self._undo.append((event, ref, item, result.item.entry))
            self.model.replace_item(result.item)  # as the desk stored it
            self._own = result.changes
            self.saved.emit(result.changes)
            self._saved_one(key)

        def failed(exc: Exception) -> None:
            self.model.replace_item(item)  # what was drawn before the save
            if isinstance(exc, ChangedMeanwhile):
                self._ask_changed_meanwhile(item, exc, changes)
            else:
                show_error(self, exc)
            self._refresh_affiliate(item.affiliate)
            self._saved_one(key)

        self._executor.submit(lambda desk: _saved(desk.checklists.set_item(event, item.affiliate, ref, seen=against, **changes),
                                                  desk, event, item.affiliate, ref),
                              done, failed, saving=True)

    def _ask_changed_meanwhile(self, item: ItemView, error: ChangedMeanwhile, changes: dict,
                               apply=None) -> None:
        """Someone else changed the item since it was shown: show what it holds now and who; apply (by
        default `changes` saved over theirs) or cancel."""
        tz = self._info.timezone if self._info else "Asia/Seoul"
        dialog = ChangedMeanwhileDialog(item, error, changes, tz, self)
        dialog.accepted.connect(apply or (lambda: self._save(item, changes, seen=error.entry)))
        dialog.finished.connect(dialog.deleteLater)
        self.asking = dialog
        dialog.open()

    def _refresh_affiliate(self, affiliate: str) -> None:
        if self._pending is not None:
            self._pending.add(affiliate)
        self.request_refresh()

    def _saved_one(self, key: Key) -> None:
        self._saving.discard(key)
        if not self._saving and self._undo_later:
            self._undo_later -= 1
            self.undo()

    def undo(self) -> None:
        """Ctrl+Z: take back the last change made from this view (a compensating journal entry).

        Asked about, like a change, when someone changed the item since. Pressed while a change is on
        its way, it waits for it (the change shown is the one undone)."""
        if self._saving:
            self._undo_later += 1
            return
        if self._undo:
            self._undo_one(*self._undo.pop())

    def _undo_one(self, event: str, ref: str, before: ItemView, entry: str) -> None:
        """Undo the item's last change, made against `entry` (its last change as this view knew it)."""
        key = key_of(before)
        self._saving.add(key)

        def done(result: Saved) -> None:
            self.model.replace_item(result.item)
            self._own = result.changes
            self.saved.emit(result.changes)
            self._saved_one(key)

        def failed(exc: Exception) -> None:
            if isinstance(exc, ChangedMeanwhile):
                wanted = {"state": before.state, "assignee": before.assignee, "note": before.note,
                          "reason": before.reason}
                self._ask_changed_meanwhile(before, exc, wanted,
                                            apply=lambda: self._undo_one(event, ref, before, exc.entry))
            else:
                show_error(self, exc)
            self._refresh_affiliate(before.affiliate)
            self._saved_one(key)

        self._executor.submit(lambda desk: _saved(desk.checklists.undo_item(event, before.affiliate, ref, seen=entry),
                                                  desk, event, before.affiliate, ref),
                              done, failed, saving=True)

    def show_history(self) -> None:
        """Every change of the current item (H): who, on which desk, undos, concurrent edits."""
        item = self.current_item()
        if item is None or self._info is None:
            return
        event, ref, tz = self._info.id, f"{item.checklist}/{item.item}", self._info.timezone
        desk_id = self._executor.info.desk_id if self._executor.info else ""
        dialog = ItemHistoryDialog(item, self)
        dialog.finished.connect(dialog.deleteLater)
        self.history = dialog
        dialog.open()
        self._executor.submit(lambda desk: item_history(desk, event, item.affiliate, ref),
                              lambda found: dialog.model.set_history(found[0], tz, desk_id, found[1]),
                              lambda exc: show_error(self, exc))

    # -- filters -------------------------------------------------------------------
    def _fill_affiliates(self) -> None:
        current = self.affiliate.currentData()
        self.affiliate.blockSignals(True)
        self.affiliate.clear()
        if not self._fixed:
            self.affiliate.addItem(self.tr("All affiliates"), "")
            if self._info and any(c.for_group for c in self._info.playbook.checklists):
                self.affiliate.addItem(self.tr("Group desk (done once)"), GROUP_DESK)
        for a in self._info.group.affiliates if self._info else ():
            self.affiliate.addItem(text(a.name), a.id)
        self.affiliate.setCurrentIndex(max(self.affiliate.findData(current), 0))
        self.affiliate.blockSignals(False)
        self._filters_changed()

    def _filters_changed(self) -> None:
        affiliate = self.affiliate.currentData() or ""
        if self._fixed and affiliate != self.model.filters.affiliate:
            self._pending = None
            self.request_refresh()
        self.model.set_filters(affiliate=affiliate, role=self._role,
                               **{name: box.isChecked() for name, box in self.checks.items()})

    def _checks_changed(self) -> None:
        """A filter box ticked: applied, and remembered for the next start (not the affiliate chosen)."""
        self._filters_changed()
        if not self._fixed:
            settings = QSettings()
            for name, box in self.checks.items():
                settings.setValue(f"checklist/{name}", box.isChecked())

    def _restore_filters(self) -> None:
        if self._fixed:
            return
        settings = QSettings()
        for name, box in self.checks.items():
            box.setChecked(settings.value(f"checklist/{name}", False, type=bool))

    def _show_details(self, index: QModelIndex) -> None:
        item = self.model.item_at(index)
        if item is None or self._info is None:
            self.details.setText("")
            return
        parts = [f"⚠ {conflict_text()} (H)" if item.conflict else "", text(item.guidance),
                 self._hidden_texts(index)]
        if item.reason:
            parts.append(self.tr("Blocked because: {}").format(item.reason))
        if item.updated_at:
            parts.append(self.tr("Last changed {} by {}").format(
                timefmt.local(item.updated_at, self._info.timezone), item.updated_by))
        self.details.setText("\n".join(p for p in parts if p))

    def _hidden_texts(self, index: QModelIndex) -> str:
        """What the columns hidden in the affiliate view hold for the item: `Owner: … · Note: …`."""
        shown = [(self.model.headerData(c, Qt.Orientation.Horizontal), index.siblingAtColumn(c).data())
                 for c in (OWNER, ASSIGNEE, NOTE) if self.view.isColumnHidden(c)]
        return " · ".join(f"{title}: {value}" for title, value in shown if value)

    def retranslate(self) -> None:
        self.affiliate_label.setText(self.tr("&Affiliate:"))
        self.affiliate.setAccessibleName(self.tr("Affiliate filter"))
        if not self._fixed and self.affiliate.count():
            self.affiliate.setItemText(0, self.tr("All affiliates"))
        names = {"overdue": self.tr("&Overdue"), "critical": self.tr("&Critical"),
                 "mine": self.tr("&Mine (my role)"), "not_done": self.tr("Not &done")}
        for name, box in self.checks.items():
            box.setText(names[name])
        self.keys_hint.setText(self.tr("Space done · D doing · B blocked · N n/a · T to do · Enter note · H history · Ctrl+Z undo"))
        self.history_button.setText(self.tr("&History…"))
        self.history_button.setToolTip(self.tr("Every change of the selected item (H)"))
        self.view.setAccessibleName(self.tr("Checklist items"))
        self.details.setAccessibleName(self.tr("Selected item details"))
        self.model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
