"""Excel workbooks: an event exported as XLSX (checklists, decisions, actions, duties, timeline),
and the group inventory template and its intake into a group file (see docs/xlsx.md).

Reading happens here (on the desk's thread); `PreparedWorkbook.render()` needs no database, so a
UI may read on its database thread and render on any other, as for the PDF reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.report_commands import ReportCommands, write_whole
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import Group
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


class WorkbookCommands(DeskService):
    """The XLSX workbook of an event and the group-inventory workbook."""

    def __init__(self, writer: Writer, events: EventCommands, views: ReadModels, reports: ReportCommands) -> None:
        super().__init__(writer)
        self._events = events
        self._views = views
        self._reports = reports

    def prepare_workbook(self, event: str | None = None, *, lang: str = "ko",
                         as_of: int | datetime | str | None = None) -> PreparedWorkbook:
        """What `export_workbook` writes, read now and rendered later (`.render(progress)`)."""
        if lang not in LANGS:
            raise InvalidInput.of("unknown report language '{lang}' ({listing})", lang=lang, listing=', '.join(LANGS))
        ctx = self._events.event(event)
        return PreparedWorkbook(self._reports.report_situation(ctx, as_of, None, lang), lang)

    def export_workbook(self, event: str | None = None, *, out: Path | str, lang: str = "ko",
                        as_of: int | datetime | str | None = None,
                        progress: Progress | None = None) -> RenderedWorkbook:
        """Write the event's workbook to `out` (checked before any work); nothing is journaled."""
        ReportCommands.check_output(out)
        rendered = self.prepare_workbook(event, lang=lang, as_of=as_of).render(progress)
        save_file(rendered.data, out)
        return rendered

    @staticmethod
    def save_workbook(rendered: RenderedWorkbook, path: Path | str) -> Path:
        return save_file(rendered.data, path)

    def write_group_template(self, out: Path | str, source: Path | str | None = None) -> Group | None:
        """Write the group inventory template: filled from the group file `source`, else from the
        group loaded in this desk, else empty. Returns the group it was filled with."""
        from crisisdesk.formats.group_template import group_template, holiday_notes
        from crisisdesk.store import queries

        ReportCommands.check_output(out)
        if source is not None:
            return write_group_template(out, source)
        row = queries.latest_group(self._store.conn)
        group = self._events.group() if row is not None else None
        save_file(group_template(group, holiday_notes(row["text"]) if row is not None else {}), out)
        return group

    @staticmethod
    def import_group_workbook(source: Path | str, out: Path | str, *, overwrite: bool = False) -> ImportedGroup:
        return import_group_workbook(source, out, overwrite=overwrite)


@dataclass(frozen=True)
class ImportedGroup:
    """A group file written from a workbook."""

    group: Group
    path: Path
    text: str


def write_group_template(out: Path | str, source: Path | str | None = None) -> Group | None:
    """Write the group inventory template, filled from the group file `source` when given."""
    from crisisdesk.formats.group_file import load_group
    from crisisdesk.formats.group_template import group_template, holiday_notes

    ReportCommands.check_output(out)
    group, notes = None, {}
    if source is not None:
        result = load_group(source)
        group, notes = result.value, holiday_notes(result.text)
    save_file(group_template(group, notes), out)
    return group


def import_group_workbook(source: Path | str, out: Path | str, *, overwrite: bool = False) -> ImportedGroup:
    """Read a filled group inventory workbook and write it as a group file (nothing is written
    when the workbook has problems: WorkbookError lists each with its sheet, row and column)."""
    from crisisdesk.formats.group_file import load_group_text
    from crisisdesk.formats.group_template import group_yaml
    from crisisdesk.formats.group_workbook import read_group_workbook

    out = ReportCommands.check_output(out)
    if out.exists() and not overwrite:
        raise InvalidInput.of("{path}: already exists; choose another file or overwrite it (--force)", path=out)
    read = read_group_workbook(source)
    text = group_yaml(read.data, read.notes)
    if load_group_text(text, str(out)).value != read.group:  # the file must say what the workbook said
        raise AssertionError("the group file written differs from the workbook it was written from")
    save_file(text.encode("utf-8"), out)
    return ImportedGroup(read.group, out, text)


def save_file(data: bytes, path: Path | str) -> Path:
    """Write `data` whole or not at all (a temporary file renamed into place)."""
    path = ReportCommands.check_output(path)
    try:
        return write_whole(data, path)
    except OSError as exc:
        raise InvalidInput.of("{path}: cannot write the file: {reason}", path=path, reason=exc.strerror or exc) from None
