"""Problems located in a workbook (sheet, row, column), and the Report that puts the group file's
field paths at the cells they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crisisdesk.formats.errors import ERROR, FormatError, Problem, Report, format_path
from crisisdesk.formats.errors import Path as FieldPath
from crisisdesk.formats.workbook_layout import GROUP, SHEETS
from crisisdesk.formats.workbook_messages import korean_first

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
