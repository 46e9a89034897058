"""A table measured up front: it splits page by page in time linear in its rows, repeats its
header, and draws its cells with one text object per page (no reportlab Table: same look,
a fraction of the work on a 300-page report)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from crisisdesk.reports import fonts

PAD = 2.5
TONES = {
    "red": "#f6c9c4", "amber": "#fbdcb0", "yellow": "#fff1a8", "green": "#d3ecd3",
    "blue": "#d4e4f7", "overdue": "#fde3df", "muted": "#eeeeee", "head": "#dfe5ec",
    "orange": "#fbcf9c",
}
BAR_TONES = {"red": "#d93025", "amber": "#f29900", "yellow": "#e3c000", "green": "#2e8b3e"}
GRID = colors.HexColor("#9aa5b1")


class ProgressBar(Flowable):
    """A bar filled to `ratio` with its label beside it."""

    def __init__(self, ratio: float, label: str, tone: str, width: float, size: float) -> None:
        super().__init__()
        self.ratio, self.label, self.tone = max(0.0, min(1.0, ratio)), label, tone
        self.width, self.height, self.size = width, size * 1.25, size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, bar_w = self.canv, self.width * 0.42
        c.setStrokeColor(GRID)
        c.setFillColor(colors.white)
        c.rect(0, 1, bar_w, self.height - 2, stroke=1, fill=1)
        c.setFillColor(colors.HexColor(BAR_TONES.get(self.tone, BAR_TONES["green"])))
        if self.ratio > 0:
            c.rect(0, 1, bar_w * self.ratio, self.height - 2, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(fonts.REGULAR, self.size)
        c.drawString(bar_w + 3, 2, self.label)


CellLines = Sequence[str] | ProgressBar  # a cell as its wrapped lines, or a bar
Command = tuple[int, str, bool]  # (column, tone, bold) of a marked cell
_Row = tuple[list[CellLines], float, str, list[Command], bool]  # cells, height, tone, commands, continued


class PagedTable(Flowable):
    """Rows of cells (lists of lines, or a bar), their heights, tones and bold marks.

    `commands[r]` lists (column, tone, bold) for marked cells of row r; `continued[r]`
    says row r carries on the cells of the row above (no rule is drawn between them).
    """

    def __init__(self, header: list[CellLines] | None, rows: list[list[CellLines]], heights: list[float],
                 head_height: float, widths: list[float], commands: list[list[Command]], size: float,
                 tones: list[str], continued: list[bool]) -> None:
        super().__init__()
        self.header, self.rows, self.heights = header, rows, heights
        self.head_height, self.widths, self.commands = head_height, widths, commands
        self.size, self.tones, self.continued = size, tones, continued

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.head_height + sum(self.heights)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        room, n = ah - self.head_height, 0
        for h in self.heights:
            if room < h:
                break
            room -= h
            n += 1
        if n == 0 or n == len(self.rows):
            return []
        return [self._part(0, n), self._part(n, len(self.rows))]

    def _part(self, start: int, end: int) -> PagedTable:
        return PagedTable(self.header, self.rows[start:end], self.heights[start:end], self.head_height,
                          self.widths, self.commands[start:end], self.size, self.tones[start:end],
                          self.continued[start:end])

    def draw(self) -> None:
        c = self.canv
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        rows: list[_Row] = ([(self.header, self.head_height, "head", [(i, "", True) for i in range(len(xs) - 1)],
                              False)] if self.header else [])
        rows += list(zip(self.rows, self.heights, self.tones, self.commands, self.continued, strict=True))
        tops: list[float] = []
        y = self.height
        for _, h, *_ in rows:
            tops.append(y)
            y -= h
        self._backgrounds(c, rows, tops, xs)
        self._text(c, rows, tops, xs)
        c.setStrokeColor(GRID)
        c.setLineWidth(0.3)
        lines: list[tuple[float, float, float, float]] = [(x, 0, x, self.height) for x in xs]
        lines += [(0, top, xs[-1], top) for top, row in zip(tops, rows, strict=True)
                  if not (row[4] and top != tops[0])]
        lines.append((0, 0, xs[-1], 0))
        c.lines(lines)

    def _backgrounds(self, c: Canvas, rows: list[_Row], tops: list[float], xs: list[float]) -> None:
        for top, (_, h, tone, commands, _) in zip(tops, rows, strict=True):
            if tone:
                c.setFillColor(colors.HexColor(TONES[tone]))
                c.rect(0, top - h, xs[-1], h, stroke=0, fill=1)
            for col, cell_tone, _ in commands:
                if cell_tone:
                    c.setFillColor(colors.HexColor(TONES[cell_tone]))
                    c.rect(xs[col], top - h, xs[col + 1] - xs[col], h, stroke=0, fill=1)

    def _text(self, c: Canvas, rows: list[_Row], tops: list[float], xs: list[float]) -> None:
        size, leading = self.size, self.size * 1.25
        text = c.beginText()
        text.setFillColor(colors.black)
        current = None
        flowables: list[tuple[ProgressBar, float, float]] = []
        for top, (cells, _, _, commands, _) in zip(tops, rows, strict=True):
            bold = {col for col, _, is_bold in commands if is_bold}
            for col, cell in enumerate(cells):
                if isinstance(cell, ProgressBar):
                    flowables.append((cell, xs[col] + PAD, top - PAD - cell.height))
                    continue
                font = fonts.BOLD if col in bold else fonts.REGULAR
                if font != current:
                    text.setFont(font, size, leading)
                    current = font
                baseline = top - PAD - size
                for line in cell:
                    if line:
                        text.setTextOrigin(xs[col] + PAD, baseline)
                        text.textOut(line)
                    baseline -= leading
        c.drawText(text)
        for flowable, x, y in flowables:
            flowable.drawOn(c, x, y)
