"""The status board for the projector: group totals on top, one tile per affiliate.

The tiles fill the area below the totals (`grid_plan`): on the desk, text up to 12 pt and a
scrollbar once the smallest text cannot show them all; in presentation mode larger text and,
past what fits, pages that turn by themselves, with a page indicator."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from crisisdesk.desk.changes import BOARD, Changes
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import Board
from crisisdesk.ui.board import grid_plan
from crisisdesk.ui.board.board_model import BoardModel
from crisisdesk.ui.board.tile import AffiliateTileWidget
from crisisdesk.ui.desk_protocol import BoardDesk
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.style import LATE_TEXT, MUTED_TEXT

SPACING = 10  # between tiles, in pixels
PAGE_TURN_MS = 15_000  # presentation mode: how long a page of tiles stays up


BOARD_MEASURES = 2  # customer-impact totals in the header (customers, transactions first)


class BoardPanel(LazyRefresh, QWidget):
    affiliate_requested = Signal(str)
    loaded = Signal()  # the tiles show the latest board
    page_turned = Signal(int)

    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("boardPanel")
        self._executor, self._clock = executor, executor.clock
        self._event: str | None = None
        self._board: Board | None = None
        self._presenting = False
        self._tiles: list[AffiliateTileWidget] = []
        self.plan: grid_plan.GridPlan | None = None
        self.page = 0
        self.model = BoardModel(executor.clock, self)
        self.model.modelReset.connect(self._rebuild)
        self.model.dataChanged.connect(self._update)
        self.totals = QLabel(objectName="boardTotals")
        self.totals.setWordWrap(True)
        self.page_label = QLabel(objectName="boardPage")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.page_label.setVisible(False)
        self.empty = QLabel(objectName="boardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid_host = QWidget(objectName="boardGrid")
        self.scroll = QScrollArea(objectName="boardScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.grid_host)
        self.scroll.viewport().installEventFilter(self)
        self.pager = QTimer(self, interval=PAGE_TURN_MS, timeout=self.next_page)
        top = QHBoxLayout()
        top.addWidget(self.totals, 1)
        top.addWidget(self.page_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.scroll, 1)
        self.set_presenting(False)

    # -- data ------------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
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
            return desk.views.board(event)

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
        self.plan = None
        self._layout_tiles()
        self._render(range(len(self._tiles)))

    def _update(self, top: QModelIndex, bottom: QModelIndex) -> None:
        self._render(range(top.row(), bottom.row() + 1))

    def _render(self, rows) -> None:
        tiles, now = self.model.tiles(), self._clock()
        self.grid_host.setUpdatesEnabled(False)  # one repaint after, not one per progress bar set
        for row in rows:
            self._tiles[row].set_tile(tiles[row], now)
        self.grid_host.setUpdatesEnabled(True)

    def tiles(self) -> list[AffiliateTileWidget]:
        return list(self._tiles)

    def _layout_tiles(self) -> None:
        """Place the tiles in the scroll area's visible part (see `grid_plan`)."""
        area = self.scroll.viewport().size()
        sizes = grid_plan.PROJECTOR if self._presenting else grid_plan.DESK
        plan = grid_plan.plan(len(self._tiles), area.width(), area.height(), SPACING, sizes)
        if plan != self.plan:
            self.plan = plan
            self.grid_host.setMinimumHeight(plan.height if plan.height > area.height() else 0)
            for tile in self._tiles:
                tile.set_font_px(plan.font_px)
        self.page = min(self.page, plan.pages - 1)
        for i, tile in enumerate(self._tiles):
            x, y, width, height = plan.cell(i, SPACING)
            tile.setGeometry(x, y, width, height)
            tile.setVisible(plan.page_of(i) == self.page)
        self._show_page()

    def _show_page(self) -> None:
        pages = self.plan.pages if self.plan else 1
        self.page_label.setVisible(pages > 1)
        self.page_label.setText(self.tr("Page {} of {}").format(self.page + 1, pages))
        self.page_label.setAccessibleName(self.page_label.text())
        if pages > 1 and self._presenting:
            if not self.pager.isActive():
                self.pager.start()
        else:
            self.pager.stop()

    def next_page(self, step: int = 1) -> None:
        """The next page of tiles (after the last, the first); -1: the one before."""
        pages = self.plan.pages if self.plan else 1
        self.page = (self.page + step) % pages
        if self.pager.isActive():
            self.pager.start()  # a page turned by hand stays its full time
        self._layout_tiles()
        self.page_turned.emit(self.page)

    def tick(self) -> None:
        now = self._clock()
        for tile in self._tiles:
            tile.refresh_clocks(now)
        self._show_totals()

    def set_presenting(self, on: bool) -> None:
        """Presentation mode: larger type (readable from five metres) and pages instead of a scrollbar."""
        self._presenting = on
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                                               else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        px = 25 if on else 19
        self.totals.setStyleSheet(f"font-size:{px}px; padding:2px 2px 4px 2px;")
        self.page_label.setStyleSheet(f"font-size:{px}px; font-weight:bold; color:{MUTED_TEXT};")
        self.empty.setStyleSheet(f"font-size:{round(px * 1.15)}px; color:{MUTED_TEXT};")
        self.page, self.plan = 0, None
        self._layout_tiles()

    def presenting(self) -> bool:
        return self._presenting

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
            self.tr("Overdue <b style='color:{}'>{}</b> (critical {})").format(
                LATE_TEXT, totals.overdue, totals.overdue_critical),
            self.tr("Past RTO <b style='color:{}'>{}</b>").format(LATE_TEXT, board.past_rto),
        ]
        group = board.group_progress
        if group.applicable:
            parts.insert(3, self.tr("Group desk <b>{}/{}</b> (overdue {})").format(
                group.closed, group.applicable, group.overdue))
        summed = [m for m in board.measures if m.total is not None and m.values]
        parts += [self._measure(m) for m in summed[:BOARD_MEASURES]]  # the rest in the reports
        # a figure is never split from its words when the line wraps ("RTO" | "초과 0")
        self.totals.setText(" &nbsp;·&nbsp; ".join(f"<span style='white-space:nowrap'>{part}</span>"
                                                   for part in parts))
        self.totals.setAccessibleName(self.tr("Group totals"))

    def _measure(self, measure) -> str:
        """A customer-impact total, with its change since the last issued report."""
        change = "" if not measure.change else f" ({measure.change:+,})"
        return f"{html.escape(text(measure.label))} <b>{measure.total:,}</b>{change}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._layout_tiles()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.repaint_all()
            self._render(range(len(self._tiles)))
            self._show_totals()
            self._show_page()
        super().changeEvent(event)
