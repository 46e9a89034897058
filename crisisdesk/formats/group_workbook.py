"""A filled group inventory workbook (XLSX) read into group-file data and validated as a group file.

The cells become the same plain data the YAML loader produces, and the group file's own checks
(`group_from_data`: the pydantic schema and the reference checks) run on it; each problem's field
path is translated back to the cell it came from: sheet, row, column. Problems of the workbook's
shape (a missing sheet or required column, an unknown or repeated column) are reported first, all
of them, before the contents are read; then every problem of the contents at once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from crisisdesk.domain.group import Group
from crisisdesk.formats.group_file import group_from_data
from crisisdesk.formats.wording import did_you_mean
from crisisdesk.formats.workbook_data import Row, build_data, convert
from crisisdesk.formats.workbook_errors import (
    Cell,
    CellProblem,
    CellReport,
    WorkbookError,
    column_letter,
)
from crisisdesk.formats.workbook_layout import SHEETS, SheetColumn, SheetLayout

if TYPE_CHECKING:  # openpyxl loads on first use
    from openpyxl import Workbook

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class WorkbookGroup:
    """A workbook read: the group, its group-file data, and the holidays' notes (for comments)."""

    group: Group
    data: dict[str, Any]
    notes: dict[date, str]


def read_group_workbook(path: str | FilePath) -> WorkbookGroup:
    """Read the workbook at `path`; WorkbookError listing every located problem if it is wrong."""
    name = str(path)
    try:
        with open(path, "rb") as f:
            content = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise WorkbookError([CellProblem(name, 0, 0, "", f"파일을 읽을 수 없습니다 (cannot read the file: "
                                                        f"{exc.strerror or exc})", sheet="")]) from None
    return read_group_workbook_bytes(content, name)


def read_group_workbook_bytes(content: bytes, name: str = "<workbook>") -> WorkbookGroup:
    from openpyxl import load_workbook  # loaded here: opening the desk does not wait for it

    if len(content) > MAX_BYTES:
        raise WorkbookError([CellProblem(name, 0, 0, "", "파일이 10 MiB보다 큽니다 (the workbook is larger "
                                                         "than 10 MiB; a group inventory is far smaller)")])
    try:
        book = load_workbook(io.BytesIO(content), data_only=True)
    except Exception as exc:  # noqa: BLE001 (openpyxl failing on a file, whatever the way, refuses the file)
        raise WorkbookError([CellProblem(name, 0, 0, "", "엑셀 통합문서(.xlsx)로 읽을 수 없습니다 (not an Excel "
                                                         f"workbook: {type(exc).__name__})")]) from None
    report = CellReport(name, {})
    tables = {layout.name: _table(book, layout, report) for layout in SHEETS}
    report.raise_if_errors()  # the workbook's shape first
    data, notes = build_data(tables, report)
    group = group_from_data(data, report)
    report.raise_if_errors()
    assert group is not None  # no problem reported means the data validated
    return WorkbookGroup(group, data, notes)


def _table(book: Workbook, layout: SheetLayout, report: CellReport) -> list[Row]:
    """The rows of one sheet, after checking its header row."""
    if layout.name not in book.sheetnames and layout.optional:
        return []
    if layout.name not in book.sheetnames:
        close = did_you_mean(layout.name, list(book.sheetnames), "sheets")
        report.fail(Cell(layout.name, 0, 0), f"시트가 없습니다 (missing sheet '{layout.name}'; {close})")
        return []
    from openpyxl.worksheet.worksheet import Worksheet  # openpyxl is loaded by now

    ws = book[layout.name]
    if not isinstance(ws, Worksheet):
        report.fail(Cell(layout.name, 0, 0), f"'{layout.name}' 시트가 표가 아닙니다 (the sheet "
                                             f"'{layout.name}' is a chart sheet, not a table)")
        return []
    known = {c.header: c for c in layout.columns}
    at: dict[str, tuple[int, SheetColumn]] = {}
    for index, cell in enumerate(next(ws.iter_rows(min_row=1, max_row=1), ()), start=1):  # from column A
        header = str(cell.value).strip() if cell.value is not None else ""
        if not header:
            continue
        where = Cell(layout.name, 1, index, header)
        if header not in known:
            hint = did_you_mean(header, list(known), "columns")
            report.fail(where, f"알 수 없는 열 '{header}' (unknown column; {hint})")
        elif header in at:
            report.fail(where, f"열 '{header}'이(가) 두 번 있습니다 (first in column "
                               f"{column_letter(at[header][0])})")
        else:
            at[header] = (index, known[header])
    for column in layout.columns:
        if column.required and column.header not in at:
            report.fail(Cell(layout.name, 1, 0), f"필수 열 '{column.header}'이(가) 없습니다 "
                                                 f"(missing column '{column.header}' in row 1)")
    rows = []
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        converted, cells = {}, {}
        for header, (index, column) in at.items():
            raw = values[index - 1] if index - 1 < len(values) else None
            converted[column.field] = convert(raw, column.kind)
            cells[column.field] = Cell(layout.name, number, index, header)
        if any(v is not None for v in converted.values()):
            rows.append(Row(number, converted, cells))
    return rows


