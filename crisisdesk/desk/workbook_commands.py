"""Excel workbooks: an event exported as XLSX (checklists, decisions, actions, duties, timeline).

Reading happens here (on the desk's thread); `PreparedWorkbook.render()` needs no database, so a
UI may read on its database thread and render on any other, as for the PDF reports.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisdesk.desk.report_commands import ReportCommands
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.read_models import Situation
from crisisdesk.reports import LANGS
from crisisdesk.reports.meta import Progress
from crisisdesk.reports.workbook import RenderedWorkbook, render_workbook


@dataclass(frozen=True)
class PreparedWorkbook:
    """An event read from the desk, to be rendered as a workbook later."""

    situation: Situation
    lang: str

    def render(self, progress: Progress | None = None) -> RenderedWorkbook:
        return render_workbook(self.situation, self.lang, progress)


class WorkbookCommands:
    """Mixed into Desk (after ReportCommands, whose reading it shares)."""

    def prepare_workbook(self: ReportCommands, event: str | None = None, *, lang: str = "ko",
                         as_of: int | datetime | str | None = None) -> PreparedWorkbook:
        """What `export_workbook` writes, read now and rendered later (`.render(progress)`)."""
        if lang not in LANGS:
            raise InvalidInput.of("unknown report language '{lang}' ({listing})", lang=lang, listing=', '.join(LANGS))
        ctx = self.event(event)  # type: ignore[attr-defined]
        return PreparedWorkbook(self.report_situation(ctx, as_of, None, lang), lang)

    def export_workbook(self, event: str | None = None, *, out: Path | str, lang: str = "ko",
                        as_of: int | datetime | str | None = None,
                        progress: Progress | None = None) -> RenderedWorkbook:
        """Write the event's workbook to `out` (checked before any work); nothing is journaled."""
        ReportCommands.check_output(out)
        rendered = self.prepare_workbook(event, lang=lang, as_of=as_of).render(progress)  # type: ignore[misc]
        save_file(rendered.data, out)
        return rendered

    @staticmethod
    def save_workbook(rendered: RenderedWorkbook, path: Path | str) -> Path:
        return save_file(rendered.data, path)


def save_file(data: bytes, path: Path | str) -> Path:
    """Write `data` whole or not at all (a temporary file renamed into place)."""
    path = ReportCommands.check_output(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise InvalidInput.of("{path}: cannot write the file: {reason}", path=path, reason=exc.strerror or exc) from None
    return path
