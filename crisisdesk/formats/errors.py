"""Located problems in a YAML file, and the error that carries all of them at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crisisdesk.domain.errors import CrisisDeskError

ERROR = "error"
WARNING = "warning"

Path = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line and column


def format_path(path: Path) -> str:
    """`('checklists', 0, 'items', 3, 'owner')` → `checklists[0].items[3].owner`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    path: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: "
        severity = "warning: " if self.severity == WARNING else ""
        path = f"{self.path}: " if self.path else ""
        return f"{where}{severity}{path}{self.message}"


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line, problem.col)


class FormatError(CrisisDeskError):
    """A file the loader refuses; `problems` holds every error (and warning) found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems, key=_position))
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)


class Report:
    """Collects the problems of one file, locating each field path through the file's marks."""

    def __init__(self, file: str, marks: dict[Path, Mark], problems: Iterable[Problem] = ()):
        self.file = file
        self.marks = marks
        self.problems: list[Problem] = list(problems)

    def mark(self, path: Path) -> Mark:
        """The mark of `path`, or of its nearest located ancestor."""
        path = tuple(path)
        while path and path not in self.marks:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def add(self, path: Path, message: str, severity: str = ERROR) -> None:
        line, col = self.mark(path)
        self.problems.append(Problem(self.file, line, col, format_path(path), message, severity))

    def error(self, path: Path, message: str) -> None:
        self.add(path, message, ERROR)

    def warning(self, path: Path, message: str) -> None:
        self.add(path, message, WARNING)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(sorted((p for p in self.problems if p.severity == WARNING), key=_position))

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise FormatError(self.problems)
