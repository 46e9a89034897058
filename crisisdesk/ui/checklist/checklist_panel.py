"""The checklist view: filters, the tree, keyboard ticking (Space, D, B, N, T) and Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import CHECKLIST, Changes
from crisisdesk.domain.checklist import Check
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.read_models import ItemView
from crisisdesk.ui import timefmt
from crisisdesk.ui.checklist.checklist_filter import ChecklistFilter
from crisisdesk.ui.checklist.checklist_model import (
    AFFILIATE,
    ASSIGNEE,
    DUE,
    NOTE,
    OWNER,
    RELATIVE,
    TITLE,
    ChecklistModel,
)
from crisisdesk.ui.checklist.item_history import ItemHistoryDialog, conflict_text, item_history
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.event_info import EventInfo
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.tables import ColumnFit

COMPACT_HIDDEN = (AFFILIATE, OWNER, ASSIGNEE, NOTE)  # beside the impact form: title, state and due fit
KEYS = {Qt.Key.Key_D: Check.DOING, Qt.Key.Key_B: Check.BLOCKED, Qt.Key.Key_N: Check.NA, Qt.Key.Key_T: Check.TODO,
        Qt.Key.Key_H: "history"}



def _saved(changes: Changes, desk, event: str, affiliate: str, ref: str) -> tuple[Changes, ItemView]:
    """Runs in the executor thread: what a command changed, and the item as the desk now holds it."""
    return changes, desk.checklist_item(event, affiliate, ref)

class ChecklistTree(QTreeView):
    """Space ticks done (again: back to do), D doing, B blocked (asks why), N n/a, T to do, H history."""

    state_key = Signal(QModelIndex, str)

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
        super().keyPressEvent(event)


class ChecklistPanel(LazyRefresh, QWidget):
    """All affiliates' items, or one affiliate's (`fixed_affiliate`) inside the affiliate view."""

    saved = Signal(object)  # Changes of a save made here

    def __init__(self, executor: DeskExecutor, fixed_affiliate: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("affiliateChecklist" if fixed_affiliate else "checklistPanel")
        self._executor, self._fixed = executor, fixed_affiliate
        self._info: EventInfo | None = None
        self._undo: list[tuple[str, str, ItemView]] = []  # (event, checklist/item, before) changed here
        self._pending: set[str] | None = set()  # affiliates to refresh; None = everything
        self.model = ChecklistModel(executor.clock, self)
        self.model.change_requested.connect(self._save)
        self.proxy = ChecklistFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = ChecklistTree(objectName="checklistTree")
        self.tree.setModel(self.proxy)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted):
            signal.connect(self._expand)  # after the view's own handlers
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.state_key.connect(self._key_state)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        ColumnFit(self.tree, whole=(DUE, RELATIVE), weights={TITLE: 3})  # before hiding: see ColumnFit
        for column in COMPACT_HIDDEN:
            self.tree.setColumnHidden(column, fixed_affiliate)
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
            box.toggled.connect(self._filters_changed)
        self.keys_hint = QLabel(objectName="keysHint", wordWrap=True)  # wraps rather than widen the window
        self.keys_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keys_hint.setStyleSheet("color:#555;")
        self.details = QLabel(objectName="itemDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_button = QPushButton(objectName="itemHistoryButton", clicked=self.show_history)
        self.history: ItemHistoryDialog | None = None
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
        layout.addWidget(self.tree, 1)
        details = QHBoxLayout()
        details.addWidget(self.details, 1)
        details.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(details)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo,
                                       context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._role = ""
        self._restore_filters()
        self.retranslate()

    # -- event and data ----------------------------------------------------------
    def set_event(self, info: EventInfo | None) -> None:
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
        self.proxy.set_filters(role=role)

    def on_changes(self, changes: Changes) -> None:
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
        event, pending = self._info.id, self._pending
        self._pending = set()
        if self._fixed:
            affiliate = self.affiliate.currentData()
            if not affiliate or (pending is not None and affiliate not in pending):
                return
            pending = {affiliate}
        if pending is None:
            self._executor.submit(lambda desk: desk.checklist(event),
                                  lambda items: self._apply(event, None, items))
        elif pending:
            affiliates = sorted(pending)
            self._executor.submit(
                lambda desk: [i for a in affiliates for i in desk.checklist(event, a)],
                lambda items: self._apply(event, affiliates, items))

    def _apply(self, event: str, affiliates: list[str] | None, items: list[ItemView]) -> None:
        if self._info is None or event != self._info.id:
            return
        if affiliates is None or self._fixed:
            self.model.set_items(items)
        else:
            self.model.update_affiliates(affiliates, items)
        self._show_details(self.tree.currentIndex())

    def tick(self) -> None:
        self.model.repaint_all()

    # -- saving ------------------------------------------------------------------
    def _key_state(self, index: QModelIndex, state: str) -> None:
        item = self.model.item_at(self.proxy.mapToSource(index))
        if item is None:
            return
        if state == "history":
            self.show_history()
            return
        if state == "toggle":
            state = Check.TODO if item.state == Check.DONE else Check.DONE
        if state == item.state:
            return
        if state == Check.BLOCKED:
            self._ask_reason(item)
            return
        self._save(item, {"state": state})

    def _ask_reason(self, item: ItemView) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("blockedReasonDialog")
        dialog.setWindowTitle(self.tr("Blocked"))
        dialog.setLabelText(self.tr("What blocks “{}”?").format(text(item.title)))
        dialog.textValueSelected.connect(lambda reason: self._save(item, {"state": Check.BLOCKED, "reason": reason}))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save(self, item: ItemView, changes: dict) -> None:
        event = self._info.id
        ref = f"{item.checklist}/{item.item}"

        def done(result: tuple[Changes, ItemView]) -> None:
            self._undo.append((event, ref, item))
            self.model.replace_item(result[1])  # drawn at once as saved; the refresh follows
            self.saved.emit(result[0])

        self._executor.submit(lambda desk: _saved(desk.set_item(event, item.affiliate, ref, **changes),
                                                  desk, event, item.affiliate, ref),
                              done, lambda exc: show_error(self, exc))

    def undo(self) -> None:
        """Ctrl+Z: take back the last change made from this view (a compensating journal entry)."""
        if not self._undo:
            return
        event, ref, before = self._undo.pop()

        def done(result: tuple[Changes, ItemView]) -> None:
            self.model.replace_item(result[1])
            self.saved.emit(result[0])

        self._executor.submit(lambda desk: _saved(desk.undo_item(event, before.affiliate, ref),
                                                  desk, event, before.affiliate, ref),
                              done, lambda exc: show_error(self, exc))

    def show_history(self) -> None:
        """Every change of the current item (H): who, on which desk, undos, concurrent edits."""
        item = self.model.item_at(self.proxy.mapToSource(self.tree.currentIndex()))
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
        if self._fixed and affiliate != self.proxy.filters.affiliate:
            self._pending = None
            self.request_refresh()
        self.proxy.set_filters(affiliate=affiliate, role=self._role,
                               **{name: box.isChecked() for name, box in self.checks.items()})
        self._expand()
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

    def _expand(self) -> None:
        """Phases open, their titles across the row, the first item current."""
        root = self.tree.rootIndex()
        for row in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(row, root, True)
        self.tree.expandAll()
        if self.proxy.rowCount() and not self.tree.currentIndex().isValid():
            first = self.proxy.index(0, 0)
            self.tree.setCurrentIndex(self.proxy.index(0, 0, first) if self.proxy.rowCount(first) else first)

    def _show_details(self, index: QModelIndex) -> None:
        item = self.model.item_at(self.proxy.mapToSource(index)) if index.isValid() else None
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
        shown = [(self.proxy.headerData(c, Qt.Orientation.Horizontal), index.siblingAtColumn(c).data())
                 for c in (OWNER, ASSIGNEE, NOTE) if self.tree.isColumnHidden(c)]
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
        self.keys_hint.setText(self.tr("Space done · D doing · B blocked · N n/a · T to do · H history · Ctrl+Z undo"))
        self.history_button.setText(self.tr("&History…"))
        self.history_button.setToolTip(self.tr("Every change of the selected item (H)"))
        self.tree.setAccessibleName(self.tr("Checklist items"))
        self.details.setAccessibleName(self.tr("Selected item details"))
        self.model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
