"""The playbook library: every file found, valid or refused, with version, review date and problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crisisdesk.ui.i18n import text
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE, SOON

if TYPE_CHECKING:
    from crisisdesk.formats import LoadResult, Problem


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    result: LoadResult | None
    problems: tuple[Problem, ...]
    user: bool  # in the user's playbooks folder (imported), not shipped
    stale: bool  # reviewed more than a year ago

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


def entries(found, user_dir: Path, today: date) -> list[LibraryEntry]:
    """From `desk.events.playbooks()`: (path, LoadResult or FormatError) pairs (run in the executor)."""
    from crisisdesk.formats import FormatError, is_stale  # loaded there, off the UI's start-up path

    out = []
    for path, result in found:
        if isinstance(result, FormatError):
            out.append(LibraryEntry(path, None, result.problems, path.parent == user_dir, False))
        else:
            out.append(LibraryEntry(path, result, result.warnings, path.parent == user_dir,
                                    is_stale(result.value.reviewed, today)))
    return out


def _title(e: LibraryEntry, m) -> str:
    return text(e.result.value.title) if e.result else e.path.stem


def _reviewed(e: LibraryEntry, m) -> str:
    if e.result is None:
        return ""
    reviewed = e.result.value.reviewed.isoformat()
    if e.stale:
        return reviewed + " " + QCoreApplication.translate("Columns", "(stale: review it)")
    return reviewed


def _status(e: LibraryEntry, m) -> str:
    if e.errors:
        return QCoreApplication.translate("Columns", "{} errors: not usable").format(e.errors)
    if e.problems:
        return QCoreApplication.translate("Columns", "valid, {} warnings").format(len(e.problems))
    return QCoreApplication.translate("Columns", "valid")


def _status_colour(e: LibraryEntry, m):
    return LATE if e.errors else SOON if e.problems else None


class LibraryModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Playbook"), _title),
        Column(QT_TRANSLATE_NOOP("Columns", "Id"), lambda e, m: e.result.value.id if e.result else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Version"), lambda e, m: str(e.result.value.version) if e.result else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Reviewed"), _reviewed,
               foreground=lambda e, m: SOON if e.stale else None),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), _status, foreground=_status_colour),
        Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda e, m: str(e.path)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda e: str(e.path), parent=parent)
