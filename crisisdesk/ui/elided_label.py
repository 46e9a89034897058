"""A one-line label that cuts its text with "…" to the width it is given, the whole text in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    """Plain text on one line, never wrapped: what does not fit is elided and shown whole on hover.

    `text()` is the whole text; `shown()` what is painted."""

    def __init__(self, text: str = "", parent=None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 **kwargs):
        super().__init__(parent, **kwargs)
        self._full = ""
        self._shorter: tuple[str, ...] = ()  # shorter wordings tried before cutting
        self._widths: dict[str, int] = {}  # each wording's width in the current font
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.set_texts(text)

    def set_texts(self, text: str, *shorter: str) -> None:
        """`text`, or the first of the `shorter` wordings that fits, or the shortest cut with "…"."""
        self._full, self._shorter, self._widths = text, shorter, {}
        self.updateGeometry()
        self._elide()

    def text(self) -> str:
        return self._full

    def shown(self) -> str:
        return super().text()

    def is_elided(self) -> bool:
        return self.shown() != self._full

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self._width(self._full) + margins.left() + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._widths = {}
            self._elide()

    def _elide(self) -> None:
        """Cut to the room inside the margins (set margins with setContentsMargins, not a style
        sheet's padding, and the font with setFont, so the measure is the painted one). A label
        not laid out yet (no width) keeps its whole text until it gets one: measuring Korean text
        shapes it, and the window's labels get their widths only once it is shown."""
        self.ensurePolished()
        room = self.contentsRect().width()
        if room <= 0:
            shown = self._full
        else:
            shown = next((t for t in (self._full, *self._shorter) if self._width(t) <= room), "")
            if not shown and (self._full or self._shorter):
                last = self._shorter[-1] if self._shorter else self._full
                shown = self.fontMetrics().elidedText(last, self._mode, room)
        if shown != super().text():
            super().setText(shown)
        self._show_tip()

    def _width(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.fontMetrics().horizontalAdvance(text)
        return width

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt's name
        """A tooltip of the label's own, kept whatever its width (a resize used to clear it); while the
        text is cut, the whole text comes first (alone when the tip only repeats it)."""
        self._tip = tip
        self._show_tip()

    def _show_tip(self) -> None:
        full, tip = getattr(self, "_full", ""), getattr(self, "_tip", "")
        cut = super().text() != full
        parts = [full] if cut else []
        if tip and not (cut and full in tip):  # a tip that only repeats the text adds nothing
            parts.append(tip)
        super().setToolTip("\n".join(parts))
