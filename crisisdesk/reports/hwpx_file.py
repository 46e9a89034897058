"""A report's office parts as a 한글 document (HWPX, OWPML, python-hwpx): A4, headings with the
outline styles of 한글 (개요 1, 개요 2), bold runs for titles, tables with shaded header rows."""

from __future__ import annotations

from hwpx import HwpxDocument

from crisisdesk.reports.office_files import Grid, Line, Part

SIZES = {"title": 16, "lead": 11, "notice": 9, "item": 10, "sub": 9.5, "body": 10}
SHADE = "#EEF1F5"


def write_hwpx(parts: list[Part], *, notice: str, header: str, title: str) -> bytes:
    doc = HwpxDocument.new()
    doc.parts.clear_document_metadata(keep=("language",))  # the template's author and dates
    doc.parts.set_document_metadata(title=title, creator="CrisisDesk", subject=notice)
    doc.page.set_header(text=header)
    runs: dict[tuple[str, bool], str] = {}

    def run(style: str, bold: bool = False, colour: str | None = None) -> str:
        key = (style, bold)
        if key not in runs:
            runs[key] = doc.styles.ensure_run(bold=bold, size=SIZES.get(style, 10), color=colour)
        return runs[key]

    doc.add_paragraph(notice, char_pr_id_ref=doc.styles.ensure_run(size=SIZES["notice"], color="#B00020"))
    doc.add_paragraph(title, char_pr_id_ref=run("body"))
    for part in parts:
        if isinstance(part, Line):
            if part.style in ("heading", "subheading"):
                doc.add_heading(part.text, level=1 if part.style == "heading" else 2)
            else:
                doc.add_paragraph(part.text, char_pr_id_ref=run(part.style, part.style == "title"))
        else:
            _grid(doc, part)
    return doc.to_bytes()


def _grid(doc: HwpxDocument, grid: Grid) -> None:
    columns = len(grid.widths)
    table = doc.add_table(len(grid.rows), columns)
    table.set_column_widths([round(w * 1000) for w in grid.widths])
    for r, row in enumerate(grid.rows):
        for c in range(columns):
            value = row[c] if c < len(row) else ""
            if value:
                table.set_cell_text(r, c, value, split_paragraphs=True)
            if r < grid.header:
                table.set_cell_shading(r, c, SHADE)
    doc.add_paragraph("")
