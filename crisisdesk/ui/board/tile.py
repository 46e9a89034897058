"""One affiliate's tile on the board: status colour, services down, progress, overdue, RTO, staleness."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout

from crisisdesk.domain.read_models import AffiliateTile, ServiceView
from crisisdesk.ui import timefmt
from crisisdesk.ui.board.board_model import is_stale, minutes_since
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, TILE_COLOURS, label
from crisisdesk.ui.style import STALE, TILE_BACKGROUNDS
from crisisdesk.ui.style import TILE_COLOURS as COLOURS


class AffiliateTileWidget(QFrame):
    """Focusable and clickable; Enter or a click opens the affiliate."""

    clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.tile: AffiliateTile | None = None
        self.name = QLabel(objectName="tileName")
        self.status = QLabel(objectName="tileStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.services = QLabel(objectName="tileServices")
        self.services.setWordWrap(True)
        self.services.setTextFormat(Qt.TextFormat.RichText)
        self.services.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.services.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar(objectName="tileProgress")
        self.progress.setTextVisible(True)
        self.overdue = QLabel(objectName="tileOverdue")
        self.stale = QLabel(objectName="tileStale")
        self.stale.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.overdue, 1)
        bottom.addWidget(self.stale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addWidget(self.services, 1)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)
        self._scale = 1.0

    def set_tile(self, tile: AffiliateTile, now: datetime, scale: float) -> None:
        self.tile, self._scale = tile, scale
        self.setObjectName(f"tile-{tile.affiliate}")
        base = round(12 * scale)
        colour = COLOURS[tile.colour]
        self.setStyleSheet(
            f"AffiliateTileWidget {{ background:{TILE_BACKGROUNDS[tile.colour]}; border:2px solid {colour};"
            f" border-left:{round(12 * scale)}px solid {colour}; border-radius:6px; }}"
            f"AffiliateTileWidget:focus {{ border:3px solid #1a1a1a; border-left:{round(12 * scale)}px solid"
            f" {colour}; }} QLabel {{ font-size:{base}pt; background:transparent; }}"
            f"QProgressBar {{ font-size:{base}pt; min-height:{round(18 * scale)}px; }}")
        self.name.setText(text(tile.name))
        self.name.setStyleSheet(f"font-size:{round(16 * scale)}pt; font-weight:bold;")
        self.status.setText(label(TILE_COLOURS, tile.colour))
        self.status.setStyleSheet(f"font-size:{base}pt; font-weight:bold; color:{colour};")
        progress = tile.progress
        self.progress.setRange(0, max(progress.applicable, 1))
        self.progress.setValue(progress.closed)
        self.progress.setFormat(f"{progress.closed}/{progress.applicable} ({progress.percent}%)")
        self.progress.setAccessibleName(self.tr("Checklist progress"))
        self.refresh_clocks(now)

    def refresh_clocks(self, now: datetime) -> None:
        """Texts that depend on the time: RTO clocks, overdue and the staleness badge."""
        tile = self.tile
        if tile is None:
            return
        groups: dict[tuple, list[ServiceView]] = {}  # services sharing alternatives: named once
        for service in tile.services:
            if service.status != "normal":
                groups.setdefault(service.alternatives, []).append(service)
        lines = []
        for services in groups.values():
            lines += [f"<div>{self._service_line(s, now)}</div>" for s in services]
            if services[0].alternatives:
                lines.append(self._alternatives(services[0]))
        none = self.tr("No service hit")
        self.services.setText("".join(lines) if lines else f"<span style='color:#2e7d32'>{none}</span>")
        progress = tile.progress
        if progress.overdue:
            self.overdue.setText(self.tr("Overdue {} (critical {})").format(
                progress.overdue, progress.overdue_critical))
            self.overdue.setStyleSheet(f"font-size:{round(12 * self._scale)}pt; color:#c01818; font-weight:bold;")
        else:
            self.overdue.setText(self.tr("Nothing overdue"))
            self.overdue.setStyleSheet(f"font-size:{round(12 * self._scale)}pt;")
        stale = is_stale(tile, now)
        self.stale.setText(timefmt.since_update(minutes_since(tile, now)))
        self.stale.setStyleSheet(
            f"font-size:{round(11 * self._scale)}pt; border-radius:4px; padding:1px 6px;"
            + (f"background:{STALE}; color:#1a1a1a; font-weight:bold;" if stale else "color:#555;"))
        self.setAccessibleName(text(tile.name))
        self.setAccessibleDescription(" ".join(filter(None, (
            label(TILE_COLOURS, tile.colour), self._plain_services(tile),
            self.progress.text(), self.overdue.text(), self.stale.text()))))

    def _plain_services(self, tile: AffiliateTile) -> str:
        """The services for a screen reader: name, status and alternatives, without markup."""
        return ". ".join(f"{text(s.name)} {label(SERVICE_STATUSES, s.status)}"
                         + (f", {', '.join(text(a) for a in s.alternatives)}" if s.alternatives else "")
                         for s in tile.services if s.status != "normal")

    def _alternatives(self, service: ServiceView) -> str:
        names = ", ".join(text(a) for a in service.alternatives)
        return ("<div style='margin-left:14px'>→ " + html.escape(self.tr("Alternative: {}").format(names))
                + "</div>")

    def _service_line(self, service: ServiceView, now: datetime) -> str:
        mark = "✕" if service.status == "down" else "▲"
        name = html.escape(text(service.name))
        parts = [f"<b>{mark} {name}</b> <span style='color:#555'>"
                 f"{html.escape(label(SERVICE_STATUSES, service.status))}</span>"]
        if service.critical and service.rto_deadline is not None:
            late = now > service.rto_deadline
            colour = "#c01818" if late else "#1a1a1a"
            parts.append(f"<span style='color:{colour}; font-weight:bold'>RTO "
                         f"{html.escape(timefmt.rto_clock(service.rto_deadline, now))}</span>")
        elif service.external and service.outage(now) is not None:
            parts.append("<span style='color:#1a1a1a'>" + html.escape(
                self.tr("outage {}").format(timefmt.amount(service.outage(now)))) + "</span>")
        if service.open_now is False:
            parts.append("<span style='color:#555'>(" + html.escape(self.tr("closed now")) + ")</span>")
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
