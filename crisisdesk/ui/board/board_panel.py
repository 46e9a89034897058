"""The status board for the projector: group totals on top, one tile per affiliate."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from crisisdesk.desk.changes import BOARD, Changes
from crisisdesk.domain.read_models import Board
from crisisdesk.ui.board.board_model import BoardModel
from crisisdesk.ui.board.tile import AffiliateTileWidget
from crisisdesk.ui.desk_protocol import BoardDesk
from crisisdesk.ui.event_info import EventInfo
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.lazy import LazyRefresh

TILE_WIDTH = 380  # the narrowest a tile may be, before scaling


BOARD_MEASURES = 2  # customer-impact totals in the header (customers, transactions first)


class BoardPanel(LazyRefresh, QWidget):
    affiliate_requested = Signal(str)
    loaded = Signal()  # the tiles show the latest board

    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("boardPanel")
        self._executor, self._clock = executor, executor.clock
        self._event: str | None = None
        self._board: Board | None = None
        self._scale = 1.0
        self._tiles: list[AffiliateTileWidget] = []
        self._columns = 0
        self.model = BoardModel(executor.clock, self)
        self.model.modelReset.connect(self._rebuild)
        self.model.dataChanged.connect(self._update)
        self.totals = QLabel(objectName="boardTotals")
        self.totals.setWordWrap(True)
        self.empty = QLabel(objectName="boardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(12)
        self.grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.totals)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 1)
        self.set_scale(1.0)

    # -- data ------------------------------------------------------------------
    def set_event(self, info: EventInfo | None) -> None:
        new = info.id if info else None
        if new != self._event or info is None:
            self._event = new
            self._board = None
            self.model.set_rows([])
            self._show_totals()
        self.request_refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(BOARD) and changes.event in (None, self._event):
            self.request_refresh()

    def refresh(self) -> None:
        event = self._event
        if event is None:
            return
        def read(desk: BoardDesk) -> Board:
            return desk.board(event)

        self._executor.submit(read, lambda board: self._apply(event, board))

    def _apply(self, event: str, board: Board) -> None:
        if event != self._event:
            return
        self._board = board
        self.model.set_rows(board.tiles)
        self._show_totals()
        self.loaded.emit()

    # -- tiles -----------------------------------------------------------------
    def _rebuild(self) -> None:
        for tile in self._tiles:
            tile.deleteLater()
        self._tiles = []
        for _ in self.model.tiles():
            widget = AffiliateTileWidget(self.grid_host)
            widget.clicked.connect(self.affiliate_requested)
            self._tiles.append(widget)
        self._columns = 0
        self._layout_tiles()
        self._render(range(len(self._tiles)))

    def _update(self, top: QModelIndex, bottom: QModelIndex) -> None:
        self._render(range(top.row(), bottom.row() + 1))

    def _render(self, rows) -> None:
        tiles, now = self.model.tiles(), self._clock()
        for row in rows:
            self._tiles[row].set_tile(tiles[row], now, self._scale)

    def _layout_tiles(self) -> None:
        fit = max(1, min(4, self.width() // round(TILE_WIDTH * self._scale)))
        rows = math.ceil(len(self._tiles) / fit) if self._tiles else 1
        columns = math.ceil(len(self._tiles) / rows) if self._tiles else fit  # 9 tiles: 3 x 3, not 4+4+1
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self._tiles:
            self.grid.removeWidget(tile)
        for i, tile in enumerate(self._tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def tick(self) -> None:
        now = self._clock()
        for tile in self._tiles:
            tile.refresh_clocks(now)
        self._show_totals()

    def set_scale(self, scale: float) -> None:
        """Large type for presentation mode (readable from five metres)."""
        self._scale = scale
        self.totals.setStyleSheet(f"font-size:{round(14 * scale)}pt; padding:4px 2px 10px 2px;")
        self.empty.setStyleSheet(f"font-size:{round(16 * scale)}pt; color:#555;")
        self._columns = 0
        self._layout_tiles()
        self._render(range(len(self._tiles)))

    def _show_totals(self) -> None:
        board = self._board
        self.empty.setVisible(self._event is None)
        self.empty.setText(self.tr("No open event.\nActivate one with “New event…” (Ctrl+N)."))
        if board is None:
            self.totals.setText("")
            return
        totals = board.totals
        down = sum(1 for t in board.tiles for s in t.services if s.status in ("down", "degraded"))
        parts = [
            self.tr("Affiliates hit <b>{}/{}</b>").format(board.hit_affiliates, len(board.tiles)),
            self.tr("Services down <b>{}</b>").format(down),
            self.tr("Checklist <b>{}%</b> ({}/{})").format(totals.percent, totals.closed, totals.applicable),
            self.tr("Overdue <b style='color:#c01818'>{}</b> (critical {})").format(
                totals.overdue, totals.overdue_critical),
            self.tr("Past RTO <b style='color:#c01818'>{}</b>").format(board.past_rto),
        ]
        group = board.group_progress
        if group.applicable:
            parts.insert(3, self.tr("Group desk <b>{}/{}</b> (overdue {})").format(
                group.closed, group.applicable, group.overdue))
        summed = [m for m in board.measures if m.total is not None and m.values]
        parts += [self._measure(m) for m in summed[:BOARD_MEASURES]]  # the rest in the reports
        self.totals.setText(" &nbsp;·&nbsp; ".join(parts))
        self.totals.setAccessibleName(self.tr("Group totals"))

    def _measure(self, measure) -> str:
        """A customer-impact total, with its change since the last issued report."""
        change = "" if not measure.change else f" ({measure.change:+,})"
        return f"{html.escape(text(measure.label))} <b>{measure.total:,}</b>{change}"

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_tiles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.repaint_all()
            self._render(range(len(self._tiles)))
            self._show_totals()
        super().changeEvent(event)
