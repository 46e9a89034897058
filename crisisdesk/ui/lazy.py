"""Panels refresh when shown: a hidden panel only remembers that its data changed."""

from __future__ import annotations


class LazyRefresh:
    """Mixed into a QWidget panel that defines `refresh()`."""

    _dirty = False

    def request_refresh(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()
