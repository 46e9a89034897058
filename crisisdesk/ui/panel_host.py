"""The stack of panels; a panel is built the first time it is shown, so start-up builds only the board."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


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
        panel = self.panel(name)
        self.setCurrentWidget(panel)
        return panel

    def current_name(self) -> str:
        return next(n for n, p in self.panels.items() if p is self.currentWidget())
