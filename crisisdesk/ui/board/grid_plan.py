"""Where the board's tiles go: columns, rows, pages and the text size that fits the screen.

Pure arithmetic (no Qt), so the rules can be read and tested on their own. A tile's size is
counted in ems of its body text: the narrowest tile that still reads well is `TILE_EMS` wide
and high (name, one service line, the progress bar and the overdue line). The plan picks the
columns that give the largest text, caps it, and when even the smallest allowed text cannot
show every tile, either pages (presentation mode: nobody scrolls a projector) or scrolls
(the desk, which has a mouse).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

TILE_EMS = (15.0, 7.6)  # width and height of the densest tile, in ems of its body text
COMFORT_EMS = 10.4  # a tile's height with three service lines: text no larger than that leaves
ROOMY_EMS = 10.0  # a scrolled board's tile height: more service lines, since it scrolls anyway


@dataclass(frozen=True)
class Sizes:
    """The body text's bounds in pixels; `pages` when tiles that do not fit go to further pages."""

    smallest: float
    largest: float
    pages: bool


DESK = Sizes(smallest=13.0, largest=16.0, pages=False)  # 16 px = 12 pt, the desk's type
PROJECTOR = Sizes(smallest=18.0, largest=30.0, pages=True)  # 18 px: 1/60 of a 1080-line picture


@dataclass(frozen=True)
class GridPlan:
    columns: int
    rows: int  # on one page
    per_page: int
    pages: int
    font_px: float  # the tiles' body text
    cell_width: int
    cell_height: int
    height: int  # the grid's whole height (more than the area when it scrolls)

    def cell(self, index: int, spacing: int) -> tuple[int, int, int, int]:
        """x, y, width, height of the tile at `index` (counted from the start of its page)."""
        at = index % self.per_page
        row, column = divmod(at, self.columns)
        return (column * (self.cell_width + spacing), row * (self.cell_height + spacing),
                self.cell_width, self.cell_height)

    def page_of(self, index: int) -> int:
        return index // self.per_page


def _cells(count: int, columns: int, width: int, height: int, spacing: int) -> tuple[int, int, int]:
    rows = math.ceil(count / columns)
    return rows, (width - spacing * (columns - 1)) // columns, (height - spacing * (rows - 1)) // rows


def _largest_text(count: int, width: int, height: int, spacing: int) -> tuple[float, int]:
    """The body text size the best column count allows for `count` tiles, and that count."""
    best = (0.0, 1)
    for columns in range(1, max(count, 1) + 1):
        _, cell_w, cell_h = _cells(count, columns, width, height, spacing)
        if cell_w <= 0 or cell_h <= 0:
            continue
        font = min(cell_w / TILE_EMS[0], cell_h / TILE_EMS[1])
        if font > best[0]:
            best = (font, columns)
    return best


def plan(count: int, width: int, height: int, spacing: int, sizes: Sizes) -> GridPlan:
    """The plan for `count` tiles in an area of `width` x `height` pixels."""
    count, width, height = max(count, 1), max(width, 1), max(height, 1)
    font, columns = _largest_text(count, width, height, spacing)
    if font >= sizes.smallest:
        return _fitted(count, count, columns, width, height, spacing, font, sizes)
    if sizes.pages:
        for pages in range(2, count + 1):
            per_page = math.ceil(count / pages)
            font, columns = _largest_text(per_page, width, height, spacing)
            if font >= sizes.smallest or per_page == 1:
                return _fitted(count, per_page, columns, width, height, spacing, font, sizes)
    font = sizes.smallest  # the desk scrolls: as many columns as the smallest text allows
    columns = max(1, min(count, (width + spacing) // math.ceil(TILE_EMS[0] * font + spacing)))
    rows = math.ceil(count / columns)
    cell_h = math.ceil(ROOMY_EMS * font)
    return GridPlan(columns, rows, count, 1, font, (width - spacing * (columns - 1)) // columns, cell_h,
                    rows * cell_h + (rows - 1) * spacing)


def _fitted(count: int, per_page: int, columns: int, width: int, height: int, spacing: int,
            font: float, sizes: Sizes) -> GridPlan:
    """The cells of `per_page` tiles; text as large as fits, but not so large that a tile loses
    service lines it would show with the text a little smaller (down to the smallest)."""
    rows, cell_w, cell_h = _cells(per_page, columns, width, height, spacing)
    font = min(font, sizes.largest, max(sizes.smallest, cell_h / COMFORT_EMS))
    return GridPlan(columns, rows, per_page, math.ceil(count / per_page), font, cell_w, cell_h, height)
