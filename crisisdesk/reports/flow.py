"""Blocks laid out as reportlab flowables, every style in NanumGothic.

Table cells are wrapped here (by words, long words by characters) and measured
once, so tables split across pages cheaply with their header repeated; a cell
taller than `MAX_LINES` continues in the next row (drawn without a rule between
them), so no row is ever too tall for a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict, Unpack
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepInFrame, Paragraph, Spacer
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable

from crisisdesk.reports import fonts
from crisisdesk.reports.blocks import (
    ApprovalBox,
    Bar,
    Block,
    Cell,
    Fields,
    Heading,
    Kpis,
    Mark,
    OnePage,
    PageBreak,
    Para,
    Signature,
    Slot,
    Space,
    Table,
)
from crisisdesk.reports.paged_table import (
    GRID,
    PAD,
    TONES,
    CellLines,
    Command,
    PagedTable,
    ProgressBar,
)

MAX_LINES = 12
# A table style command: name, first cell, last cell, then the command's values.
StyleCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


class _StyleOptions(TypedDict, total=False):
    """The paragraph settings the styles vary (reportlab's defaults for the rest)."""

    spaceBefore: float
    spaceAfter: float
    leftIndent: float
    firstLineIndent: float
    alignment: Literal[0, 1, 2, 4]  # reportlab.lib.enums' TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY
    textColor: Color


def _style(name: str, size: float, bold: bool = False, **kw: Unpack[_StyleOptions]) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.BOLD if bold else fonts.REGULAR, fontSize=size,
                          bulletFontName=fonts.REGULAR, leading=size * 1.3, **kw)


def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    return {
        "title": _style("title", 17, True, spaceAfter=6),
        "h1": _style("h1", 12, True, spaceBefore=6, spaceAfter=3, textColor=colors.HexColor("#1d3557")),
        "h2": _style("h2", 10.5, True, spaceBefore=6, spaceAfter=3),
        "body": _style("body", 9, spaceAfter=3),
        "small": _style("small", 7.5, spaceAfter=2),
        "small_bold": _style("small_bold", 8, True, spaceBefore=4, spaceAfter=2),
        "muted": _style("muted", 8, spaceAfter=2, textColor=colors.HexColor("#555555")),
        "lead": _style("lead", 14, spaceAfter=4),
        "big": _style("big", 22, True, spaceAfter=4),
        "brief_h": _style("brief_h", 15, True, spaceBefore=8, spaceAfter=3,
                          textColor=colors.HexColor("#1d3557")),
        "brief": _style("brief", 12.5, spaceAfter=3),
        "kpi_label": _style("kpi_label", 7.5, alignment=TA_CENTER),
        "item": _style("item", 9, spaceAfter=1.5, leftIndent=14, firstLineIndent=-9),
        "sub": _style("sub", 8.5, spaceAfter=1, leftIndent=24, firstLineIndent=-8),
        "annex": _style("annex", 9, spaceBefore=5, spaceAfter=1),
        "annex_more": _style("annex_more", 9, spaceAfter=1, leftIndent=24),
        "box": _style("box", 7.5, alignment=TA_CENTER),
        "box_title": _style("box_title", 8, True, alignment=TA_CENTER),
    }


def wrap(text: str, width: float, size: float, font: str = fonts.REGULAR) -> list[str]:
    """Lines of `text` no wider than `width`: breaks at spaces, long words by characters."""
    lines: list[str] = []
    space = fonts.width(" ", font, size)
    for paragraph in str(text).split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            w = fonts.width(word, font, size)
            if line and used + space + w <= width:
                line, used = line + " " + word, used + space + w
                continue
            if line:
                lines.append(line)
            if w <= width:
                line, used = word, w
                continue
            line, used = "", 0.0
            for char in word:
                cw = fonts.width(char, font, size)
                if line and used + cw > width:
                    lines.append(line)
                    line, used = "", 0.0
                line, used = line + char, used + cw
        lines.append(line)
    return lines


class Flow:
    """Turns blocks into flowables for a frame `width` points wide, filling slots from `stamps`."""

    def __init__(self, width: float, height: float, stamps: dict[str, str]):
        self.width, self.height, self.stamps = width, height, stamps
        self.styles = styles()

    def flowables(self, blocks: Iterable[Block]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Heading):
            if block.level == 3:  # inside a one-page block: no page breaks
                return [Paragraph(_xml(block.text), self.styles["brief_h"])]
            head = [RLPageBreak()] if block.new_page else [CondPageBreak(90)]
            return head + [Paragraph(_xml(block.text), self.styles[f"h{block.level}"])]
        if isinstance(block, Para):
            return [Paragraph(_xml(block.text), self.styles[block.style])]
        if isinstance(block, Table):
            return [self.table(block)]
        if isinstance(block, Fields):
            return [self.fields(block)]
        if isinstance(block, Kpis):
            return [self.kpis(block)]
        if isinstance(block, Signature):
            return [self.signature(block)]
        if isinstance(block, ApprovalBox):
            return [self.approval(block)]
        if isinstance(block, Space):
            return [Spacer(1, block.height)]
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        if isinstance(block, OnePage):
            inner = Flow(self.width, self.height, self.stamps).flowables(block.blocks)
            return [KeepInFrame(self.width, self.height - 4, inner, mode="shrink")]
        raise TypeError(f"unknown block {block!r}")

    def text(self, cell: Cell) -> str:
        if isinstance(cell, Slot):
            return self.stamps.get(cell.name, "")
        if isinstance(cell, Mark):
            return cell.text
        return str(cell)

    def table(self, block: Table) -> PagedTable:
        widths = [self.width * w for w in block.widths]
        leading = block.size * 1.25
        header: list[CellLines] | None = None
        head_height = 0.0
        if block.columns:
            header, head_lines = self._row(block.columns, widths, block.size, bold=True)
            head_height = head_lines * leading + 2 * PAD
        rows: list[list[CellLines]] = []
        heights: list[float] = []
        commands: list[list[Command]] = []
        tones: list[str] = []
        continued: list[bool] = []
        for index, row in enumerate(block.rows):
            tone = block.row_tones[index] if block.row_tones else ""
            marks = [(c, cell.tone, cell.bold) for c, cell in enumerate(row) if isinstance(cell, Mark)]
            cells, lines = self._row(row, widths, block.size, bold=False)
            for start in range(0, max(1, max(len(c) if isinstance(c, list) else 1 for c in cells)),
                               MAX_LINES):
                part = [_slice(c, start) for c in cells]
                count = max((len(c) if isinstance(c, list) else 1) for c in part) if part else 1
                rows.append(part)
                heights.append(max(block.min_row, count * leading + 2 * PAD))
                commands.append(marks)
                tones.append(tone)
                continued.append(start > 0)
        return PagedTable(header, rows, heights, head_height, widths, commands, block.size, tones,
                          continued)

    def _row(self, row: Sequence[Cell], widths: list[float], size: float, bold: bool
             ) -> tuple[list[CellLines], int]:
        """Each cell as its wrapped lines (a list) or a bar; and the row's line count."""
        font = fonts.BOLD if bold else fonts.REGULAR
        cells: list[CellLines] = []
        most = 1
        for cell, width in zip(row, widths, strict=True):
            if isinstance(cell, Bar):
                cells.append(ProgressBar(cell.ratio, cell.label, cell.tone, width - 2 * PAD, size))
                continue
            cell_font = fonts.BOLD if isinstance(cell, Mark) and cell.bold else font
            lines = wrap(self.text(cell), width - 2 * PAD - 0.5, size, cell_font)
            cells.append(lines)
            most = max(most, len(lines))
        return cells, most

    def fields(self, block: Fields) -> PagedTable:
        label_w, value_w = 0.17 / block.columns * 2, 0.33 / block.columns * 2
        cells: list[tuple[Cell, ...]] = []
        row: list[Cell] = []
        for label, value in block.pairs:
            row += [Mark(label, "muted", True), value]
            if len(row) == 2 * block.columns:
                cells.append(tuple(row))
                row = []
        if row:
            cells.append(tuple(row + [""] * (2 * block.columns - len(row))))
        table = Table(columns=(), widths=(label_w, value_w) * block.columns, rows=tuple(cells),
                      size=block.size)
        return self.table(table)

    def kpis(self, block: Kpis) -> RLTable:
        n = len(block.items)
        value_style = _style("kpi_value", block.size, True, alignment=TA_CENTER)
        values = [Paragraph(_xml(v), value_style) for _, v, _ in block.items]
        labels = [Paragraph(_xml(label), self.styles["kpi_label"]) for label, _, _ in block.items]
        table = RLTable([values, labels], colWidths=[self.width / n] * n)
        style: list[StyleCommand] = [("BOX", (i, 0), (i, 1), 0.6, GRID) for i in range(n)]
        style += [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for i, (_, _, tone) in enumerate(block.items):
            if tone:
                style.append(("BACKGROUND", (i, 0), (i, 1), colors.HexColor(TONES[tone])))
        table.setStyle(style)
        return table

    def approval(self, block: ApprovalBox) -> RLTable:
        """The title on the left, the approval boxes on the right ([결재] | step | step …); the
        label runs down its own narrow column (one syllable a line), and is left out when empty."""
        step_w, label_w = 21 * mm, (6 * mm if block.label else 0)
        box_w = label_w + step_w * len(block.steps)
        titles = [Paragraph(_xml(title), self.styles["box_title"]) for title, _, _ in block.steps]
        signers = [Paragraph(_xml(self.text(signer)), self.styles["box"]) for _, signer, _ in block.steps]
        dates = [Paragraph(_xml(self.text(date)), self.styles["box"]) for _, _, date in block.steps]
        style: list[StyleCommand] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("GRID", (0, 0), (-1, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        rows: list[list[Paragraph | str]] = [[*titles], [*signers], [*dates]]
        widths = [step_w] * len(block.steps)
        if block.label:
            label = Paragraph("<br/>".join(_xml(c) for c in block.label), self.styles["box_title"])
            rows = [[label, *titles], ["", *signers], ["", *dates]]
            widths = [label_w, *widths]
            style += [("SPAN", (0, 0), (0, 2)), ("VALIGN", (0, 0), (0, 2), "MIDDLE")]
        box = RLTable(rows, colWidths=widths, rowHeights=[14, 34, 13])
        box.setStyle(style)
        outer = RLTable([[Paragraph(_xml(block.title), self.styles["title"]), box]],
                        colWidths=[self.width - box_w, box_w])
        outer.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
        return outer

    def signature(self, block: Signature) -> RLTable:
        rows = [[label, ""] for label in block.labels]
        table = RLTable(rows, colWidths=[self.width * 0.35, self.width * 0.55], rowHeights=26)
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 9),
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black)])
        return table


def _slice(cell: CellLines, start: int) -> CellLines:
    if isinstance(cell, list):
        return cell[start:start + MAX_LINES]
    return cell if start == 0 else ""


def _xml(text: str) -> str:
    return escape(text).replace("\n", "<br/>")
