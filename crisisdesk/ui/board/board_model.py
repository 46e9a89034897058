"""One row per affiliate tile of the board: the model behind the tiles and the accessible table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from crisisdesk.domain.read_models import AffiliateTile
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import TILE_COLOURS, label
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE
from crisisdesk.ui.style import TILE_COLOURS as COLOURS


def minutes_since(tile: AffiliateTile, now: datetime) -> int | None:
    if tile.last_update is None:
        return None
    return max(0, int((now - tile.last_update).total_seconds() // 60))


class BoardModel(RowsModel):
    """Rows are `AffiliateTile`s; `now` comes from the desk clock so clocks tick without a query."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Affiliate"), lambda t, m: text(t.name)),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda t, m: label(TILE_COLOURS, t.colour),
               foreground=lambda t, m: QColor(COLOURS[t.colour])),
        Column(QT_TRANSLATE_NOOP("Columns", "Services hit"),
               lambda t, m: ", ".join(text(s.name) for s in t.services if s.status in ("down", "degraded"))),
        Column(QT_TRANSLATE_NOOP("Columns", "Checklist"),
               lambda t, m: f"{t.progress.closed}/{t.progress.applicable} ({t.progress.percent}%)"),
        Column(QT_TRANSLATE_NOOP("Columns", "Overdue"), lambda t, m: str(t.progress.overdue),
               foreground=lambda t, m: LATE if t.progress.overdue else None),
        Column(QT_TRANSLATE_NOOP("Columns", "Last update"),
               lambda t, m: timefmt.since_update(minutes_since(t, m.now()), t.awaiting_first_at(m.now()))),
    )

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(key=lambda t: t.affiliate, parent=parent)
        self.now = clock

    def tiles(self) -> list[AffiliateTile]:
        return self.rows()
