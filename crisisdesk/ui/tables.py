"""A read-only table view as the panels and dialogs use it: whole rows selected, columns fitted, the last
stretched, Tab moving on to the next control."""

from __future__ import annotations

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
