"""A filled group inventory workbook (XLSX) read into group-file data and validated as a group file.

The cells become the same plain data the YAML loader produces, and the group file's own checks
(`group_from_data`: the pydantic schema and the reference checks) run on it; each problem's field
path is translated back to the cell it came from: sheet, row, column. Problems of the workbook's
shape (a missing sheet or column, an unknown column, a service of an unknown affiliate) are
reported first, all of them, before the contents are checked.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path as FilePath
from typing import Any

from crisisdesk.domain.group import Group
from crisisdesk.formats.errors import ERROR, FormatError, Problem, Report, format_path
from crisisdesk.formats.errors import Path as FieldPath
from crisisdesk.formats.fields import did_you_mean
from crisisdesk.formats.group_file import group_from_data
from crisisdesk.formats.schema import GROUP_FORMAT
from crisisdesk.formats.workbook_messages import korean_first
from crisisdesk.formats.workbook_layout import (
    AFFILIATES,
    BOOL,
    CLOCK,
    DAY,
    DEPENDENCIES,
    GROUP,
    HOLIDAYS,
    IDS,
    NOTE,
    NUMBER,
    PROVIDERS,
    SERVICES,
    SHEETS,
    WORDS,
    Column,
    SheetLayout,
)

MAX_BYTES = 10 * 1024 * 1024
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MISSING = re.compile(r"missing required field '([^']+)'")


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    col: int  # 1-based; 0: the sheet as a whole
    header: str = ""


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem located in a workbook: `line` is the row, `col` the column number."""

    sheet: str = ""
    header: str = ""

    @property
    def cell(self) -> str:
        return f"{column_letter(self.col)}{self.line}" if self.col else ""

    def __str__(self) -> str:
        where = f"{self.file}: '{self.sheet}' 시트"
        if self.line:
            where += f" {self.line}행"
        if self.col:
            where += f" {column_letter(self.col)}열" + (f"({self.header})" if self.header else "")
        return f"{where}: {self.message}"


class WorkbookError(FormatError):
    """A workbook the intake refuses; `problems` in sheet order, then row and column."""

    def __init__(self, problems: list[CellProblem]):
        order = {layout.name: i for i, layout in enumerate(SHEETS)}
        ordered = sorted(problems, key=lambda p: (order.get(p.sheet, -1), p.line, p.col))
        super().__init__(ordered)
        self.problems = tuple(ordered)
        self.args = ("\n".join(str(p) for p in ordered),)


class CellReport(Report):
    """A Report whose field paths are located at cells instead of YAML lines."""

    def __init__(self, file: str, cells: dict[FieldPath, Cell]):
        super().__init__(file, {})
        self.cells = cells
        self.located: list[CellProblem] = []

    def cell(self, path: FieldPath) -> Cell:
        """The cell of `path`, or of its nearest located ancestor."""
        at = tuple(path)
        while at and at not in self.cells:
            at = at[:-1]
        return self.cells.get(at, Cell(GROUP.name, 0, 0))

    def mark(self, path: FieldPath) -> tuple[int, int]:
        cell = self.cell(path)
        return cell.row, cell.col

    def add(self, path: FieldPath, message: str, severity: str = ERROR) -> None:
        path = tuple(path)
        missing = _MISSING.match(message)
        if missing and (*path, missing.group(1)) in self.cells:
            path = (*path, missing.group(1))  # at the empty cell the field would come from
        cell = self.cell(path)
        problem = CellProblem(self.file, cell.row, cell.col, format_path(path), korean_first(message), severity,
                              sheet=cell.sheet, header=cell.header)
        self.problems.append(problem)
        self.located.append(problem)

    def fail(self, cell: Cell, message: str) -> None:
        self.located.append(CellProblem(self.file, cell.row, cell.col, "", message, sheet=cell.sheet,
                                        header=cell.header))
        self.problems.append(self.located[-1])

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise WorkbookError(self.located)


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
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise WorkbookError([CellProblem(name, 0, 0, "", "엑셀 통합문서(.xlsx)로 읽을 수 없습니다 (not an Excel "
                                                         f"workbook: {type(exc).__name__})")]) from None
    report = CellReport(name, {})
    tables = {layout.name: _table(book, layout, report) for layout in SHEETS}
    report.raise_if_errors()  # the workbook's shape first
    data, notes = _data(tables, report)
    group = group_from_data(data, report)
    report.raise_if_errors()
    assert group is not None  # no problem reported means the data validated
    return WorkbookGroup(group, data, notes)


@dataclass(frozen=True)
class _Row:
    number: int
    values: dict[str, Any]  # field → converted value (None: empty)
    cells: dict[str, Cell]  # field → its cell (also for empty cells of present columns)


def _table(book: Any, layout: SheetLayout, report: CellReport) -> list[_Row]:
    """The rows of one sheet, after checking its header row."""
    if layout.name not in book.sheetnames:
        close = did_you_mean(layout.name, list(book.sheetnames), "sheets")
        report.fail(Cell(layout.name, 0, 0), f"시트가 없습니다 (missing sheet '{layout.name}'; {close})")
        return []
    ws = book[layout.name]
    known = {c.header: c for c in layout.columns}
    at: dict[str, tuple[int, Column]] = {}
    for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
        header = str(cell.value).strip() if cell.value is not None else ""
        if not header:
            continue
        where = Cell(layout.name, 1, cell.column, header)
        if header not in known:
            hint = did_you_mean(header, list(known), "columns")
            report.fail(where, f"알 수 없는 열 '{header}' (unknown column; {hint})")
        elif header in at:
            report.fail(where, f"열 '{header}'이(가) 두 번 있습니다 (first in column "
                               f"{column_letter(at[header][0])})")
        else:
            at[header] = (cell.column, known[header])
    for column in layout.columns:
        if column.required and column.header not in at:
            report.fail(Cell(layout.name, 1, 0), f"필수 열 '{column.header}'이(가) 없습니다 "
                                                 f"(missing column '{column.header}' in row 1)")
    rows = []
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        converted, cells = {}, {}
        for header, (index, column) in at.items():
            raw = values[index - 1] if index - 1 < len(values) else None
            converted[column.field] = _convert(raw, column.kind)
            cells[column.field] = Cell(layout.name, number, index, header)
        if any(v is not None for v in converted.values()):
            rows.append(_Row(number, converted, cells))
    return rows


def _convert(value: Any, kind: str) -> Any:
    """A cell as the value the group file would hold (None when empty); a value that cannot be
    converted is passed on as it is, for the group file's checks to name."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        words = WORDS.get(kind)
        if words is not None and value.lower() in words:
            return words[value.lower()]
        if kind == IDS:
            return [part.strip() for part in re.split(r"[,\n]", value) if part.strip()]
        if kind == DAY and _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        if kind == NUMBER and re.fullmatch(r"[0-9]+", value):
            return int(value)
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        if kind == DAY:
            return value.date() if value.time() == time() else value
        if kind == CLOCK:
            return f"{value:%H:%M}"
    if isinstance(value, time) and kind == CLOCK:
        return f"{value:%H:%M}"
    if isinstance(value, int) and not isinstance(value, bool) and kind not in (NUMBER, BOOL, DAY):
        return str(value)  # an id or a name typed as a number (Excel stores '1' as 1)
    if kind == NOTE and value is not None:
        return str(value)
    return value


def _put(record: dict[str, Any], cells: dict[FieldPath, Cell], base: FieldPath, row: _Row,
         fields: tuple[str, ...]) -> None:
    """Copy `fields` of `row` into `record` (dotted fields nest), remembering their cells."""
    for field in fields:
        parts = tuple(field.split("."))
        cell = row.cells.get(field)
        if cell is not None:
            cells.setdefault((*base, *parts), cell)
            cells.setdefault((*base, parts[0]), cell)  # a Text or a mapping: at its first column
        value = row.values.get(field)
        if value is None:
            continue
        target = record
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value


def _data(tables: dict[str, list[_Row]], report: CellReport) -> tuple[dict[str, Any], dict[date, str]]:
    cells = report.cells
    data: dict[str, Any] = {"format": GROUP_FORMAT}
    cells[()] = Cell(GROUP.name, 0, 0)
    group_rows = tables[GROUP.name]
    for extra in group_rows[1:]:
        report.fail(Cell(GROUP.name, extra.number, 1), "그룹 시트에는 한 행만 적습니다 (one group per workbook)")
    for index, column in enumerate(GROUP.columns, start=1):  # an empty row 2 is located too
        parts = tuple(column.field.split("."))
        cells.setdefault(("group", *parts) if parts[0] != "timezone" else parts, Cell(GROUP.name, 2, index, column.header))
    cells[("group",)] = cells[("group", "id")]
    cells[("group", "name")] = cells[("group", "name", "ko")]
    header: dict[str, Any] = {}
    data["group"] = header
    if group_rows:
        _put(header, cells, ("group",), group_rows[0], ("id", "name.ko", "name.en"))
        _put(data, cells, (), group_rows[0], ("timezone",))
    holidays, notes = [], {}
    for k, row in enumerate(tables[HOLIDAYS.name]):
        holidays.append(row.values.get("date"))
        cells[("holidays", k)] = row.cells["date"]
        if isinstance(row.values.get("date"), date) and row.values.get("note"):
            notes[row.values["date"]] = row.values["note"]
    if holidays:
        data["holidays"] = holidays
    affiliates: list[dict[str, Any]] = []
    data["affiliates"] = affiliates
    first = tables[AFFILIATES.name][0].cells if tables[AFFILIATES.name] else {}
    cells[("affiliates",)] = first.get("id", Cell(AFFILIATES.name, 2, 1, AFFILIATES.columns[0].header))
    index: dict[Any, int] = {}
    for i, row in enumerate(tables[AFFILIATES.name]):
        record: dict[str, Any] = {}
        _put(record, cells, ("affiliates", i), row, tuple(c.field for c in AFFILIATES.columns))
        cells[("affiliates", i)] = row.cells["id"]
        affiliates.append(record)
        index.setdefault(row.values.get("id"), i)
    services: dict[tuple[Any, Any], FieldPath] = {}
    orphans: set[tuple[Any, Any]] = set()  # services already reported: their dependencies are not
    for row in tables[SERVICES.name]:
        i = _owner(index, row, "affiliate", report, "계열사", AFFILIATES.name)
        if i is None:
            orphans.add((row.values.get("affiliate"), row.values.get("id")))
            continue
        listing = affiliates[i].setdefault("services", [])
        path: FieldPath = ("affiliates", i, "services", len(listing))
        record = {}
        _put(record, cells, path, row, tuple(c.field for c in SERVICES.columns if c.field != "affiliate"))
        cells[path] = row.cells["id"]
        cells.setdefault(("affiliates", i, "services"), row.cells["id"])
        listing.append(record)
        services.setdefault((row.values.get("affiliate"), row.values.get("id")), path)
    for row in tables[DEPENDENCIES.name]:
        key = (row.values.get("affiliate"), row.values.get("service"))
        if key in orphans and key not in services:
            continue
        if key not in services:
            report.fail(row.cells["service"], f"서비스 시트에 계열사 '{key[0]}'의 서비스 '{key[1]}'이(가) 없습니다 "
                                              f"(no such service of that affiliate in sheet '{SERVICES.name}')")
            continue
        service = _at(data, services[key])
        listing = service.setdefault("depends_on", [])
        path = (*services[key], "depends_on", len(listing))
        record = {}
        _put(record, cells, path, row, ("provider", "effect", "impact.ko", "impact.en",
                                        "alternative.ko", "alternative.en"))
        cells[path] = row.cells["provider"]
        listing.append(record if set(record) - {"provider"} else row.values.get("provider"))
    if tables[PROVIDERS.name]:
        data["providers"] = []
    for i, row in enumerate(tables[PROVIDERS.name]):
        record = {}
        _put(record, cells, ("providers", i), row, tuple(c.field for c in PROVIDERS.columns))
        cells[("providers", i)] = row.cells["id"]
        for k, _ in enumerate(record.get("alternatives") or ()):
            cells[("providers", i, "alternatives", k)] = row.cells["alternatives"]
        data["providers"].append(record)
    return data, notes


def _owner(index: dict[Any, int], row: _Row, field: str, report: CellReport, what: str,
           sheet: str) -> int | None:
    value = row.values.get(field)
    if value in index:
        return index[value]
    cell = row.cells[field]
    if value is None:
        report.fail(cell, f"{what} ID가 비어 있습니다 (empty: which affiliate does this row belong to?)")
    else:
        known = ", ".join(str(k) for k in list(index)[:6] if k is not None)
        report.fail(cell, f"{sheet} 시트에 없는 {what} ID '{value}' (unknown affiliate; {sheet}: {known})")
    return None


def _at(data: dict[str, Any], path: FieldPath) -> dict[str, Any]:
    target: Any = data
    for part in path:
        target = target[part]
    return target  # type: ignore[no-any-return]
