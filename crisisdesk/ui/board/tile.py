"""One affiliate's tile on the board: status colour, services down, progress, overdue, RTO, staleness.

The board gives each tile its cell and its body text size (`set_font_px`); the tile shows as many
service lines as its cell holds — alternatives go first, then the last services, counted in
a "+N more" line — so nothing is cut at the tile's bottom edge."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout

from crisisdesk.domain.read_models import AffiliateTile, ServiceView
from crisisdesk.ui import timefmt
from crisisdesk.ui.board.board_model import minutes_since
from crisisdesk.ui.elided_label import ElidedLabel
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, TILE_COLOURS, label
from crisisdesk.ui.style import (
    INK,
    LATE_TEXT,
    MUTED_TEXT,
    OK_TEXT,
    PROGRESS_CHUNK,
    STALE,
    TILE_BACKGROUNDS,
    TILE_TEXT,
)
from crisisdesk.ui.style import TILE_COLOURS as COLOURS


class AffiliateTileWidget(QFrame):
    """Focusable and clickable; Enter or a click opens the affiliate."""

    clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.tile: AffiliateTile | None = None
        self.name = ElidedLabel(objectName="tileName")
        self.name.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.status = ElidedLabel(objectName="tileStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.services = QLabel(objectName="tileServices")
        self.services.setWordWrap(True)
        self.services.setTextFormat(Qt.TextFormat.RichText)
        self.services.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.services.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.progress = QProgressBar(objectName="tileProgress")
        self.progress.setTextVisible(True)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overdue = ElidedLabel(objectName="tileOverdue")
        self.overdue.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # whole if it can
        self.stale = ElidedLabel(objectName="tileStale")
        self.stale.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.stale.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.overdue)
        bottom.addStretch(1)
        bottom.addWidget(self.stale)  # its badge as wide as its words, at the right
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.services, 1)
        self._layout.addWidget(self.progress)
        self._layout.addLayout(bottom)
        self._font_px = 16.0
        self._now: datetime | None = None
        # each hit service: its line, its short form (colour, mark and name), its alternatives' line
        self._entries: list[tuple[str, tuple[str, str], str]] = []
        self._fitted_to: tuple[int, int, tuple] | None = None
        self._heights: dict[tuple[str, int, int], float] = {}  # measured markup: (markup, width, px) -> height
        self._document = QTextDocument(self)
        self._document.setDocumentMargin(0)
        self._fonts_set = False
        self.hidden_services = 0  # the services only the "+N more" line counts

    # -- size --------------------------------------------------------------------
    def set_font_px(self, px: float) -> None:
        """The body text size in pixels; the name a third larger, margins in proportion."""
        if px == self._font_px and self._fonts_set:
            return
        self._font_px, self._fonts_set = px, True
        body = self.font()
        body.setPixelSize(round(px))
        bold = QFont(body)
        bold.setBold(True)
        name = QFont(bold)
        name.setPixelSize(round(px * 1.3))
        for widget, font in ((self.name, name), (self.status, bold), (self.services, body),
                             (self.progress, body)):
            widget.setFont(font)
        pad = round(px * 0.45)
        self._layout.setContentsMargins(round(px * 0.6), pad, round(px * 0.6), pad)
        self._layout.setSpacing(round(px * 0.25))
        self.progress.setFixedHeight(round(px * 1.45))
        if self.tile is not None:  # a new tile is styled once, with its data (`set_tile`)
            self._style()
            self.refresh_clocks(self._now)  # the bottom line's fonts follow the text size too

    def font_px(self) -> float:
        return self._font_px

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_bottom()
        self._fit_services()

    def _share_bottom(self) -> None:
        """The name and the overdue count whole first; the status word and the update's age in what
        is left on their lines (a shorter wording, or cut with "…")."""
        margins = self._layout.contentsMargins()
        room = self.contentsRect().width() - margins.left() - margins.right() - self._layout.spacing()
        for first, second in ((self.name, self.status), (self.overdue, self.stale)):
            second.setMaximumWidth(max(room - first.sizeHint().width(), second.minimumSizeHint().width()))

    # -- data --------------------------------------------------------------------
    def set_tile(self, tile: AffiliateTile, now: datetime) -> None:
        self.tile = tile
        self.setObjectName(f"tile-{tile.affiliate}")
        self._style()
        self.name.setText(text(tile.name))
        self.status.setText(label(TILE_COLOURS, tile.colour))
        self._share_bottom()
        progress = tile.progress
        self.progress.setRange(0, max(progress.applicable, 1))
        self.progress.setValue(progress.closed)
        self.progress.setFormat(f"{progress.closed}/{progress.applicable} ({progress.percent}%)")
        self.progress.setAccessibleName(self.tr("Checklist progress"))
        self.refresh_clocks(now)

    def _style(self) -> None:
        colour = self.tile.colour if self.tile else "green"
        edge, left = COLOURS[colour], round(self._font_px * 0.7)
        _sheet(self,
            f"AffiliateTileWidget {{ background:{TILE_BACKGROUNDS[colour]}; border:2px solid {edge};"
            f" border-left:{left}px solid {edge}; border-radius:6px; }}"
            f"AffiliateTileWidget:focus {{ border:3px solid {INK}; border-left:{left}px solid {edge}; }}"
            f"QLabel {{ background:transparent; color:{INK}; }}"
            f"QProgressBar {{ border:1px solid {MUTED_TEXT}; border-radius:3px; background:#ffffff;"
            f" color:{INK}; text-align:center; }}"
            f"QProgressBar::chunk {{ background:{PROGRESS_CHUNK}; }}")
        _sheet(self.status, f"color:{TILE_TEXT[colour]};")

    def refresh_clocks(self, now: datetime) -> None:
        """Texts that depend on the time: RTO clocks, overdue and the staleness badge."""
        tile = self.tile
        if tile is None:
            return
        self._now = now
        groups: dict[tuple, list[ServiceView]] = {}  # services sharing alternatives: named once
        for service in tile.services:
            if service.status != "normal":
                groups.setdefault(service.alternatives, []).append(service)
        self._entries = []
        for services in groups.values():
            for i, service in enumerate(services):
                last = i == len(services) - 1 and bool(service.alternatives)
                self._entries.append((self._service_line(service, now), self._service_name(service, now),
                                      self._alternatives(service) if last else ""))
        self._fitted_to = None
        self._fit_services()
        progress = tile.progress
        if progress.overdue_critical:
            overdue = self.tr("Overdue {} (critical {})").format(progress.overdue, progress.overdue_critical)
        elif progress.overdue:
            overdue = self.tr("Overdue {}").format(progress.overdue)
        else:
            overdue = self.tr("Nothing overdue")
        self._mark(self.overdue, overdue, LATE_TEXT if progress.overdue else INK, bold=bool(progress.overdue))
        if tile.awaiting_first_at(now):
            self._mark(self.stale, timefmt.since_update(None, awaiting=True), MUTED_TEXT)
        elif tile.stale_at(now):
            self._mark(self.stale, self._since_update(minutes_since(tile, now)), INK, bold=True,
                       badge=f"background:{STALE}; border-radius:4px;")
        else:
            self._mark(self.stale, self._since_update(minutes_since(tile, now)), MUTED_TEXT)
        self.setAccessibleName(text(tile.name))
        self.setAccessibleDescription(" ".join(filter(None, (
            label(TILE_COLOURS, tile.colour), self._plain_services(tile),
            self.progress.text(), self.overdue.text(), self.stale.text()))))

    def _mark(self, widget: ElidedLabel, words: tuple[str, ...] | str, colour: str, bold: bool = False,
              badge: str = "") -> None:
        """Colour and weight set before the text, so the text is cut to the width it is drawn at."""
        font = QFont(self.services.font())
        font.setBold(bold)
        if widget.font() != font:
            widget.setFont(font)
        _sheet(widget, f"color:{colour}; {badge}")
        pad = round(self._font_px * 0.3) if badge else 0
        widget.setContentsMargins(pad, 0, pad, 0)
        words = (words,) if isinstance(words, str) else words
        widget.set_texts(*words)
        if widget is self.overdue:
            self._share_bottom()

    def _since_update(self, minutes: int | None) -> tuple[str, ...]:
        """The update's age, and a shorter wording for a narrow tile."""
        if minutes is None:
            return (timefmt.since_update(None),)
        age = timefmt.amount(timedelta(minutes=minutes))
        return self.tr("updated {} ago").format(age), self.tr("{} ago").format(age)

    def _fit_services(self) -> None:
        """The first of these that fits the label: every service with its alternatives; every
        service; every service by name only; the first services by name and a line counting the rest."""
        if self.tile is None or not self.services.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return  # not laid out yet: fitted when the label gets its size
        width, height = self.services.width(), self.services.height()
        key = (width, height, tuple(self._entries))
        if key == self._fitted_to:
            return
        self._fitted_to = key
        if not self._entries:
            none = self.tr("No service hit")
            self.services.setText(f"<span style='color:{OK_TEXT}'>{html.escape(none)}</span>")
            self.hidden_services = 0
            return
        full = "".join(f"<div>{line}</div>{alt}" for line, _, alt in self._entries)
        lines = "".join(f"<div>{line}</div>" for line, _, _ in self._entries)
        bold = QFont(self.services.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)  # the short forms on one line each, cut with "…" if need be
        names = [f"<div><b style='color:{colour}'>"
                 f"{html.escape(metrics.elidedText(words, Qt.TextElideMode.ElideRight, max(width - 2, 1)))}</b></div>"
                 for _, (colour, words), _ in self._entries]
        candidates = [(full, 0), (lines, 0), ("".join(names), 0)]
        for shown in range(len(names) - 1, -1, -1):
            more = html.escape(self.tr("+{} more services").format(len(names) - shown))
            candidates.append(("".join(names[:shown]) + f"<div style='color:{MUTED_TEXT}'>{more}</div>",
                               len(names) - shown))
        chosen = next((c for c in candidates if self._height_of(c[0], width) <= height), candidates[-1])
        self.services.setText(chosen[0])
        self.hidden_services = chosen[1]

    def _height_of(self, markup: str, width: int) -> float:
        key = (markup, width, round(self._font_px))
        if key not in self._heights:
            if len(self._heights) > 64:  # the clocks change the markup every minute
                self._heights.clear()
            document = self._document
            document.setDefaultFont(self.services.font())
            document.setHtml(markup)
            document.setTextWidth(max(width, 1))
            self._heights[key] = document.size().height()
        return self._heights[key]

    def _plain_services(self, tile: AffiliateTile) -> str:
        """The services for a screen reader: name, status and alternatives, without markup."""
        return ". ".join(f"{text(s.name)} {label(SERVICE_STATUSES, s.status)}"
                         + (f", {', '.join(text(a) for a in s.alternatives)}" if s.alternatives else "")
                         for s in tile.services if s.status != "normal")

    def _alternatives(self, service: ServiceView) -> str:
        names = ", ".join(text(a) for a in service.alternatives)
        return ("<div style='margin-left:14px'>→ " + html.escape(self.tr("Alternative: {}").format(names))
                + "</div>")

    def _service_name(self, service: ServiceView, now: datetime) -> tuple[str, str]:
        """The short form of a service line: its colour (red when past its RTO), its mark and name."""
        mark = "✕" if service.status == "down" else "▲"
        return LATE_TEXT if service.past_rto(now) else INK, f"{mark} {text(service.name)}"

    def _service_line(self, service: ServiceView, now: datetime) -> str:
        mark = "✕" if service.status == "down" else "▲"
        name = html.escape(text(service.name))
        parts = [f"<b>{mark} {name}</b> <span style='color:{MUTED_TEXT}'>"
                 f"{html.escape(label(SERVICE_STATUSES, service.status))}</span>"]
        if service.critical and service.rto_deadline is not None:
            late = now > service.rto_deadline
            colour = LATE_TEXT if late else INK
            parts.append(f"<span style='color:{colour}; font-weight:bold'>RTO "
                         f"{html.escape(timefmt.rto_clock(service.rto_deadline, now))}</span>")
        elif service.external and service.outage(now) is not None:
            parts.append(f"<span style='color:{INK}'>" + html.escape(
                self.tr("outage {}").format(timefmt.amount(service.outage(now)))) + "</span>")
        if service.open_now is False:
            parts.append(f"<span style='color:{MUTED_TEXT}'>(" + html.escape(self.tr("closed now")) + ")</span>")
        return " ".join(parts)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.tile is not None:
            self.clicked.emit(self.tile.affiliate)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.tile:
            self.clicked.emit(self.tile.affiliate)
            return
        super().keyPressEvent(event)


def _sheet(widget, css: str) -> None:
    """A style sheet set only when it changes: setting one restyles the widget and its children."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)
