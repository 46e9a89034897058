"""Table views as the panels and dialogs use them: read-only, whole rows selected, columns that fit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

SCROLL_SETTLE_MS = 150  # rows scrolled into view are measured once the scrolling pauses


def table_view(name: str, model, wrap: bool = False, current: bool = False) -> QTableView:
    """With `wrap`, the last column's long texts wrap and rows grow to hold them; with `current`, the
    first row is current as soon as there is one (`keep_current`)."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)  # Tab goes on to the next control (a table's Tab wraps round its cells)
    view.setWordWrap(wrap)
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    if current:
        keep_current(view)
    return view


def keep_current(view: QAbstractItemView) -> None:
    """The view has a current row whenever it has rows (the first, until the person moves): the keys act
    at once and a screen reader says where the focus is."""
    model = view.model()

    def ensure(*_) -> None:
        if model.rowCount() and not view.currentIndex().isValid():
            view.selectionModel().setCurrentIndex(
                model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
        signal.connect(ensure)
    ensure()


class ColumnFit(QObject):
    """Keeps a table's or a tree's columns within its width, so it never scrolls sideways.

    The `whole` columns keep the width of their contents. The others share what is left, a column of
    weight 2 (`weights`, 1 by default) taking twice an ordinary share: one whose contents fit in its share
    keeps their width, the wider ones give way in proportion, never below their header's width (unless the
    headers alone do not fit: then their titles are elided too), and their texts are elided at the right
    (the model's tooltip gives the full text). Space to spare goes to the last column shown.

    Only what can be seen is measured (a checklist may hold 15,000 items): the rows in view, once after
    a burst of the model's changes; rows scrolled into view and changed cells only widen their columns.
    A hidden table is measured when it is shown again: measuring asks the model for every cell in view,
    and while the desk's thread reads a large timeline each of those calls waits for the interpreter
    (a hidden checklist's measure stalled the window 1.9 s).
    Hide columns after making the fit: when it turns the header's stretch off, Qt would give a column
    hidden earlier its width back.
    """

    def __init__(self, view: QTableView | QTreeView, whole: Iterable[int],
                 weights: Mapping[int, int] | None = None):
        super().__init__(view)
        self._view, self._whole, self._weights = view, frozenset(whole), dict(weights or {})
        self._header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        self._header.setStretchLastSection(False)
        self._header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._header.setResizeContentsPrecision(0)  # sizeHintForColumn: the rows in view only
        self._wants: dict[int, int] = {}  # the width of each column's contents, as measured so far
        self._stale = False  # changed while hidden: fitted again when shown
        self._refit = QTimer(self, singleShot=True, interval=0, timeout=self.fit)
        self._widen = QTimer(self, singleShot=True, interval=SCROLL_SETTLE_MS, timeout=self._measure_in_view)
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self._widen.start)
        model = view.model()
        changes = [model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                   model.headerDataChanged]
        if isinstance(view, QTreeView):
            changes += [view.expanded, view.collapsed]
        for signal in changes:
            signal.connect(self._contents_changed)
        model.dataChanged.connect(self._cells_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize or (event.type() == QEvent.Type.Show and self._stale):
            self.fit()
        return False

    def _contents_changed(self, *_) -> None:
        self._wants.clear()
        self._refit.start()  # one measure for a burst of changes

    def _cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_) -> None:
        if self._hidden():
            self._wants.clear()
            return
        wider = False
        first, last = top_left.row(), bottom_right.row()
        if isinstance(self._view, QTableView):  # only the rows in view (a repaint may name 50,000)
            top, bottom = self._view.rowAt(0), self._view.rowAt(self._view.viewport().height() - 1)
            first = max(first, top)
            last = min(last, bottom if bottom >= 0 else self._view.model().rowCount() - 1)
        for row in range(first, last + 1):
            for column in range(top_left.column(), bottom_right.column() + 1):
                if column in self._wants:
                    width = self._view.sizeHintForIndex(top_left.sibling(row, column)).width()
                    wider |= self._widened(column, width)
        if wider:
            self._refit.start()

    def _measure_in_view(self) -> None:
        """Rows scrolled into view: their columns widen if they need to."""
        if self._hidden():
            self._wants.clear()
            return
        wider = False
        for column in list(self._wants):
            wider |= self._widened(column, self._view.sizeHintForColumn(column))
        if wider:
            self.fit()

    def _widened(self, column: int, width: int) -> bool:
        if width <= self._wants[column]:
            return False
        self._wants[column] = width
        return True

    def _hidden(self) -> bool:
        """Not on screen: nothing measured now, everything when shown."""
        if self._view.isVisible():
            return False
        self._stale = True
        return True

    def fit(self) -> None:
        if self._hidden():
            return
        self._stale = False
        header = self._header
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        widths = {c: self._want(c) for c in shown}
        room = self._view.viewport().width() - sum(widths[c] for c in shown if c in self._whole)
        flexible = sorted((c for c in shown if c not in self._whole), key=lambda c: widths[c] / self._weight(c))
        weights = sum(self._weight(c) for c in flexible)
        titles_fit = sum(header.sectionSizeHint(c) for c in flexible) <= room  # else titles are elided too
        floors = {c: max(header.sectionSizeHint(c) if titles_fit else 0, header.minimumSectionSize())
                  for c in flexible}
        for column in flexible:
            share = room * self._weight(column) // weights
            widths[column] = max(min(widths[column], share), floors[column])
            room -= widths[column]
            weights -= self._weight(column)
        while room < 0:  # a floor above its share: the widest columns give the difference back
            widest = max(flexible, key=lambda c: widths[c] - floors[c])
            give = min(-room, widths[widest] - floors[widest])
            if give <= 0:
                break
            widths[widest] -= give
            room += give
        if shown and room > 0:
            widths[shown[-1]] += room
        for column, width in widths.items():
            header.resizeSection(column, width)

    def _want(self, column: int) -> int:
        if column not in self._wants:
            self._wants[column] = max(self._view.sizeHintForColumn(column), self._header.sectionSizeHint(column))
        return self._wants[column]

    def _weight(self, column: int) -> int:
        return self._weights.get(column, 1)
