"""Office files (HWPX for 한글, DOCX for Word) of a numbered report's body and of its executive
brief, so the office can edit the wording before 결재. The PDF stays the record: every office
file opens with a line saying it is an editable draft of report N (with the report's
fingerprint), and its header says so on every page.

The same blocks as the PDF are walked (`report_blocks`); `office_rows` flattens them into
paragraphs and tables that the two writers (`docx_file`, `hwpx_file`) lay out. The libraries
(python-docx, python-hwpx) load on first use, like reportlab.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from crisisdesk.domain.read_models import Situation
from crisisdesk.reports import blocks as content
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.formatting import Formatter
from crisisdesk.reports.meta import SHORT, ReportMeta

OFFICE_FORMATS = ("docx", "hwpx")


@dataclass(frozen=True)
class Line:
    """A paragraph: `style` is title, heading, subheading, item, sub, lead, body or notice."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Grid:
    """A table: `header` rows shaded (0 or 1), `widths` as fractions of the text width."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    header: int = 1


Part = Line | Grid


@dataclass(frozen=True)
class OfficeFile:
    """An office file made from report `number`: its bytes, the report's fingerprint, its own hash."""

    data: bytes
    format: str  # docx | hwpx
    kind: str  # situation | brief
    lang: str
    number: int
    fingerprint: str  # of the report it was made from (the PDF's content)
    as_of: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def short(self) -> str:
        return self.fingerprint[:SHORT]


def render_office(situation: Situation, meta: ReportMeta, fmt: str) -> OfficeFile:
    """The office file of a numbered report's body (kind situation) or its brief (kind brief)."""
    from crisisdesk.reports.render import identity, report_blocks, report_label, stamps

    if fmt not in OFFICE_FORMATS:
        raise ValueError(f"unknown office format '{fmt}' ({', '.join(OFFICE_FORMATS)})")
    if meta.kind not in ("situation", "brief") or not meta.number:
        raise ValueError("office files are made of a numbered situation report or its brief")
    blocks = report_blocks(situation, meta)
    digest = content.fingerprint(blocks, identity(situation, meta))
    t = Catalogue(meta.lang)
    f = Formatter(t, situation.event.timezone)
    label = report_label(situation, meta, t)
    notice = t("office.notice", report=label, fingerprint=digest[:SHORT])
    header = f"{t('office.header')} · {label}"
    parts = office_rows(body_blocks(blocks), stamps(situation, meta, t, f))
    if fmt == "docx":
        from crisisdesk.reports.docx_file import write_docx as write
    else:
        from crisisdesk.reports.hwpx_file import write_hwpx as write
    data = write(parts, notice=notice, header=header, title=f"{label} — {situation.event.title}")
    return OfficeFile(data, fmt, meta.kind, meta.lang, meta.number, digest, situation.as_of_seq)


def body_blocks(blocks: list[content.Block]) -> list[content.Block]:
    """The blocks before the first annex (a heading on a new page); a one-page block unwrapped."""
    out: list[content.Block] = []
    for block in blocks:
        if isinstance(block, content.Heading) and block.new_page:
            break
        out.extend(block.blocks if isinstance(block, content.OnePage) else (block,))
    return out


def office_rows(blocks: list[content.Block], stamps: dict[str, str]) -> list[Part]:
    """Paragraphs and tables in order, slots filled with their stamps."""
    def text(cell: content.Cell) -> str:
        if isinstance(cell, content.Slot):
            return stamps.get(cell.name, "")
        if isinstance(cell, content.Mark):
            return cell.text
        if isinstance(cell, content.Bar):
            return cell.label
        return str(cell)

    out: list[Part] = []
    for block in blocks:
        if isinstance(block, content.ApprovalBox):
            out.append(Line(block.title, "title"))
            out.append(Grid((tuple(title for title, _, _ in block.steps),
                             tuple(text(signer) for _, signer, _ in block.steps),
                             tuple(text(date) for _, _, date in block.steps)),
                            tuple(1 / len(block.steps) for _ in block.steps)))
        elif isinstance(block, content.Heading):
            out.append(Line(block.text, "heading" if block.level != 2 else "subheading"))
        elif isinstance(block, content.Para):
            out.append(Line(block.text, {"title": "title", "lead": "lead", "item": "item", "sub": "sub",
                                         "muted": "body"}.get(block.style, "body")))
        elif isinstance(block, content.Table):
            rows = tuple(tuple(text(c) for c in row) for row in block.rows)
            out.append(Grid(((block.columns,) if block.columns else ()) + rows, block.widths,
                            1 if block.columns else 0))
        elif isinstance(block, content.Fields):
            cells = [c for label, value in block.pairs for c in (label, text(value))]
            per_row = 2 * block.columns
            cells += [""] * (-len(cells) % per_row)
            out.append(Grid(tuple(tuple(cells[i:i + per_row]) for i in range(0, len(cells), per_row)),
                            (0.17, 0.33) * block.columns, 0))
        elif isinstance(block, content.Kpis):
            out.append(Grid((tuple(label for label, _, _ in block.items),
                             tuple(value for _, value, _ in block.items)),
                            tuple(1 / len(block.items) for _ in block.items)))
    return out
