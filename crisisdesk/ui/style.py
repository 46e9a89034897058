"""Colours and sizes shared by the panels: alert levels, tile states, lateness."""

from __future__ import annotations

from PySide6.QtGui import QColor

from crisisdesk.domain.checklist import Check

LEVEL_COLOURS = ("#1f6fd1", "#e0b000", "#ef7d00", "#d62020")  # 관심 주의 경계 심각
LEVEL_TEXT = ("#ffffff", "#1a1a1a", "#1a1a1a", "#ffffff")

TILE_COLOURS = {"red": "#d62020", "amber": "#ef7d00", "yellow": "#e0b000", "green": "#2e9d4b"}
TILE_BACKGROUNDS = {"red": "#fde4e4", "amber": "#fff0e0", "yellow": "#fff8d6", "green": "#e6f5ea"}
# Text on the tiles: at least 4.5:1 against every tile background (WCAG AA; tests/ui/test_contrast.py),
# so a washed-out projector still shows it. The bright tile colours above are for borders only.
TILE_TEXT = {"red": "#a31515", "amber": "#8a4500", "yellow": "#6b5400", "green": "#1d6b34"}
INK = "#1a1a1a"
MUTED_TEXT = "#4d4d4d"
LATE_TEXT = "#b01515"
OK_TEXT = "#1d6b34"
PROGRESS_CHUNK = "#8cbcec"  # light enough for the dark figures drawn over it

LATE = QColor("#c01818")
SOON = QColor("#8a5500")
STALE = "#ef7d00"
MUTED = QColor("#666666")

STATE_COLOURS = {Check.DONE: QColor("#2e9d4b"), Check.NA: QColor("#6b6b6b"), Check.BLOCKED: QColor("#c01818"),
                 Check.DOING: QColor("#1f6fd1"), Check.TODO: QColor("#1a1a1a")}


def level_index(rank: int, count: int) -> int:
    """Map a level's rank among `count` levels onto the four colours (lowest blue, highest red)."""
    if count <= 1:
        return 0
    return round(rank * (len(LEVEL_COLOURS) - 1) / (count - 1))


def level_style(rank: int, count: int) -> str:
    i = level_index(rank, count)
    return (f"background:{LEVEL_COLOURS[i]}; color:{LEVEL_TEXT[i]}; border-radius:4px;"
            "padding:2px 10px; font-weight:bold;")
