"""Table views as the panels and dialogs use them: read-only, whole rows selected, columns that fit."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def table_view(name: str, model, wrap: bool = False) -> QTableView:
    """With `wrap`, the last column's long texts wrap and rows grow to hold them."""
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
    return view


class ColumnFit(QObject):
    """Keeps a table's columns within its width, so it never scrolls sideways.

    The `whole` columns keep the width of their contents. The others share what is left: one whose
    contents fit in an equal share keeps its width, the wider ones give way alike and their texts are
    elided at the right (the model's tooltip gives the full text). Space to spare goes to the last column.
    """

    def __init__(self, view: QTableView, whole: Iterable[int]):
        super().__init__(view)
        self._view, self._whole = view, frozenset(whole)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.headerDataChanged):
            signal.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self, *_) -> None:
        view, header = self._view, self._view.horizontalHeader()
        wants = [max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(header.count())]
        widths = list(wants)
        room = view.viewport().width() - sum(wants[c] for c in self._whole)
        flexible = sorted((c for c in range(len(wants)) if c not in self._whole), key=wants.__getitem__)
        for i, column in enumerate(flexible):
            widths[column] = max(min(wants[column], room // (len(flexible) - i)), header.minimumSectionSize())
            room -= widths[column]
        if widths and room > 0:
            widths[-1] += room
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
