"""A report's office parts as a Word document (DOCX, python-docx): A4, Korean-capable font,
headings as Word headings (so the navigation pane lists the sections), tables with a grid."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell

from crisisdesk.reports.office_files import Grid, Line, Part

FONT = "맑은 고딕"  # present with every Korean Windows and Office; Word substitutes elsewhere
TEXT_WIDTH_MM = 180.0
SIZES = {"title": 16, "heading": 12, "subheading": 10.5, "lead": 10.5, "notice": 9, "item": 10, "sub": 9.5,
         "body": 10}
INDENTS = {"item": 3.0, "sub": 8.0}  # millimetres


def write_docx(parts: list[Part], *, notice: str, header: str, title: str) -> bytes:
    doc = Document()
    properties = doc.core_properties
    properties.title, properties.subject, properties.comments = title, notice, notice
    properties.author = properties.last_modified_by = "CrisisDesk"
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin, section.bottom_margin = Mm(18), Mm(18)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section.header.paragraphs[0].text = header
    _line(doc, Line(notice, "notice"))
    for part in parts:
        if isinstance(part, Line):
            _line(doc, part)
        else:
            _grid(doc, part)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _line(doc: DocxDocument, line: Line) -> None:
    if line.style in ("heading", "subheading"):
        paragraph = doc.add_heading(level=1 if line.style == "heading" else 2)
    else:
        paragraph = doc.add_paragraph()
    run = paragraph.add_run(line.text)
    run.font.size = Pt(SIZES[line.style])
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    run.bold = line.style in ("title", "heading", "subheading")
    if line.style == "notice":
        run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    if line.style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if line.style in INDENTS:
        paragraph.paragraph_format.left_indent = Mm(INDENTS[line.style])
    paragraph.paragraph_format.space_after = Pt(2)


def _grid(doc: DocxDocument, grid: Grid) -> None:
    columns = len(grid.widths)
    table = doc.add_table(rows=len(grid.rows), cols=columns)
    table.style = "Table Grid"
    for r, row in enumerate(grid.rows):
        cells = table.rows[r].cells
        for c in range(columns):
            cell = cells[c]
            cell.width = Mm(TEXT_WIDTH_MM * grid.widths[c])
            cell.text = row[c] if c < len(row) else ""
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
                    run.bold = r < grid.header
            if r < grid.header:
                _shade(cell)
    doc.add_paragraph()


def _shade(cell: _Cell) -> None:
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), "EEF1F5")
    cell._tc.get_or_add_tcPr().append(fill)
