"""The stack of panels; a panel is built the first time it is shown, so start-up builds only the board."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QWidget


class PanelHost(QStackedWidget):
    created = Signal(str, QWidget)

    def __init__(self, factories: dict[str, Callable[[], QWidget]], eager=(), parent=None):
        super().__init__(parent)
        self._factories = factories
        self.panels: dict[str, QWidget] = {}  # the panels built so far
        self._places: dict[str, QWidget] = {}
        for name in factories:
            place = QWidget()
            self._places[name] = place
            self.addWidget(place)
        for name in eager:
            self.panel(name)

    def panel(self, name: str) -> QWidget:
        """The panel `name`, built now if it was not yet."""
        if name not in self.panels:
            panel = self._factories[name]()
            place = self._places.pop(name)
            index = self.indexOf(place)
            self.insertWidget(index, panel)
            self.removeWidget(place)
            place.deleteLater()
            self.panels[name] = panel
            self.created.emit(name, panel)
        return self.panels[name]

    def show_panel(self, name: str) -> QWidget:
        """Show the panel `name` with the keyboard focus in its main view."""
        panel = self.panel(name)
        self.setCurrentWidget(panel)
        focus_main_view(panel)
        return panel

    def current_name(self) -> str:
        return next(n for n, p in self.panels.items() if p is self.currentWidget())


def focus_main_view(panel: QWidget) -> None:
    """The focus into the panel's main view (its `main_view`, else its first list or table shown), with
    a current row, so the keys act there at once; a panel without one: its first control."""
    view = getattr(panel, "main_view", None)
    if view is None:
        view = next((v for v in panel.findChildren(QAbstractItemView) if v.isVisibleTo(panel)), None)
    if view is None:
        first = _first_tab_stop(panel)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
        return
    model = view.model()
    if model is not None and model.rowCount() and not view.currentIndex().isValid():
        view.selectionModel().setCurrentIndex(model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    view.setFocus(Qt.FocusReason.OtherFocusReason)


def _first_tab_stop(panel: QWidget) -> QWidget | None:
    """The first control of the panel that Tab would reach."""
    widget = panel.nextInFocusChain()
    while widget is not None and widget is not panel:
        if panel.isAncestorOf(widget) and widget.isVisibleTo(panel) and widget.isEnabled() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
        widget = widget.nextInFocusChain()
    return None
