"""Reports: render (preview, brief, paper), draft → approve → issue situation reports, the register,
and exact reprints rendered as of the recorded journal position.

Rendering never writes to the journal; drafting, approving and issuing do
(`report.drafted`, `report.approved`, `report.issued`). Every method that renders
takes `progress(done, total)`; the PDF comes back as bytes in a RenderedReport,
and `save_report` writes it to a file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisdesk.desk import checkpoints, views
from crisisdesk.desk.changes import REPORTS, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import from_iso, to_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.domain.read_models import Situation
from crisisdesk.domain.report_register import (
    APPROVER_ROLE,
    EXPORT_FORMATS,
    ReportFile,
    ReportRecord,
    designation,
    next_number,
    previous_issued,
)
from crisisdesk.reports import KINDS, LANGS, RenderedReport, ReportMeta, render_pdf
from crisisdesk.reports.meta import Progress
from crisisdesk.store.projections.reports import file_rows, report_rows


@dataclass(frozen=True)
class PreparedReport:
    """A report read from the desk and not yet rendered: `render()` needs no database, so a UI
    may read on its database thread and render on any other."""

    situation: Situation
    meta: ReportMeta

    def render(self, progress: Progress | None = None) -> RenderedReport:
        return render_pdf(self.situation, self.meta, progress)


@dataclass(frozen=True)
class ExportOutcome:
    """What exporting did: the register's row of the file written, and the changes."""

    file: ReportFile
    changes: Changes


@dataclass(frozen=True)
class ReportOutcome:
    """What drafting, approving or issuing did: the register row, the PDF (if rendered), the changes."""

    record: ReportRecord
    changes: Changes
    rendered: RenderedReport | None = None


class ReportCommands(DeskService):
    """Situation reports: render, draft, approve, issue, reprint, export; the register."""

    def __init__(self, writer: Writer, events: EventCommands, views: ReadModels) -> None:
        super().__init__(writer)
        self._events = events
        self._views = views

    # -- rendering without recording -------------------------------------------------
    def render_report(self, event: str | None = None, kind: str = "situation", *, lang: str = "ko",
                      as_of: int | datetime | str | None = None, affiliate: str | None = None,
                      blank: bool = False, next_update: datetime | None = None,
                      progress: Progress | None = None) -> RenderedReport:
        """A preview situation report (watermarked, unnumbered), an executive brief or paper checklists."""
        return self.prepare_report(event, kind, lang=lang, as_of=as_of, affiliate=affiliate, blank=blank,
                                   next_update=next_update).render(progress)

    def prepare_report(self, event: str | None = None, kind: str = "situation", *, lang: str = "ko",
                       as_of: int | datetime | str | None = None, affiliate: str | None = None,
                       blank: bool = False, next_update: datetime | None = None) -> PreparedReport:
        """What `render_report` renders, read now and rendered later (`.render(progress)`)."""
        _check_kind(kind, lang)
        ctx = self._events.event(event)
        if affiliate is not None:
            ctx.check_doer(affiliate)
        situation = self.report_situation(ctx, as_of, None, lang)
        meta = ReportMeta(kind=kind, lang=lang, prepared_by=self._writer.author, desk=self._writer.desk_id[:8],
                          next_update=next_update, affiliate=affiliate, blank=blank)
        return PreparedReport(situation, meta)

    def report_situation(self, ctx: Event, as_of: int | datetime | str | None, now: datetime | None, lang: str) -> Situation:
        """The Situation a report reads, with impact answers displayed in the report's language."""
        situation = self._views.situation(ctx.id, as_of=as_of, now=now)
        by_field = {f.id: f for f in ctx.playbook.impact}
        affiliates = tuple(
            dataclasses.replace(d, answers=tuple(
                dataclasses.replace(a, display=views.display_value(by_field[a.field], a.value, ctx.group, lang))
                if a.field in by_field else a for a in d.answers))
            for d in situation.affiliates)
        return dataclasses.replace(situation, affiliates=affiliates)

    # -- the register ------------------------------------------------------------------
    def report_register(self, event: str | None = None) -> list[ReportRecord]:
        """Every numbered situation report of the event, by number, with the files made from it."""
        ctx = self._events.event(event)
        files: dict[int, list[ReportFile]] = {}
        for row in file_rows(self._store.conn, ctx.id):
            files.setdefault(row["number"], []).append(_file(row))
        return [dataclasses.replace(r, files=tuple(files.get(r.number, ()))) for r in
                (_record(row) for row in report_rows(self._store.conn, ctx.id))]

    def report_record(self, event: str | None, number: int) -> ReportRecord:
        found = [r for r in self.report_register(event) if r.number == int(number)]
        if not found:
            raise InvalidInput.of("no situation report #{number} in this event (see: crisisdesk report list)", number=number)
        return found[0]

    def draft_report(self, event: str | None = None, *, lang: str = "ko",
                     as_of: int | datetime | str | None = None, next_update: datetime | None = None,
                     prepared_by: str | None = None, out: Path | str | None = None,
                     progress: Progress | None = None) -> ReportOutcome:
        """Draft the next situation report (or revise the unissued draft of that number).

        With `out`, the PDF is written first and the draft is journaled only once it is."""
        _check_kind("situation", lang)
        ctx = self._events.event(event)
        seq, moment = self._position(as_of)
        records = self.report_register(ctx.id)
        number = next_number(records)
        previous = previous_issued(records, number)
        situation = self.report_situation(ctx, seq, moment, lang)
        meta = ReportMeta(
            kind="situation", lang=lang, number=number,
            designation=designation(number, situation.event.status == "closed"),
            period_from=previous.moment if previous else None,
            prepared_by=(prepared_by or self._writer.author).strip(), desk=self._writer.desk_id[:8],
            next_update=next_update, status="draft")
        if out is not None:
            self.check_output(out)
        rendered = render_pdf(situation, meta, progress)
        self._record_with_file(Kind.REPORT_DRAFTED, {
            "event": ctx.id, "number": number, "kind": "situation", "lang": lang, "as_of": seq,
            "moment": to_iso(moment), "period_from": to_iso(meta.period_from) if meta.period_from else "",
            "designation": meta.designation, "next_update": to_iso(next_update) if next_update else "",
            "prepared_by": meta.prepared_by, "desk": meta.desk, "fingerprint": rendered.fingerprint,
            "pages": rendered.pages}, rendered, out)
        return ReportOutcome(self.report_record(ctx.id, number),
                             Changes.of(ctx.id, REPORTS, created=str(number)), rendered)

    def approve_report(self, event: str | None, number: int, *, approver: str | None = None) -> ReportOutcome:
        """The chair approves the current draft of report `number` (its fingerprint is recorded)."""
        ctx = self._events.event(event)
        record = self.report_record(ctx.id, number)
        record.check_approvable()
        try:
            ctx.playbook.role(APPROVER_ROLE)
        except KeyError:
            raise InvalidInput.of("the playbook has no '{role}' role to approve reports", role=APPROVER_ROLE) from None
        self._record(Kind.REPORT_APPROVED, {
            "event": ctx.id, "number": record.number, "fingerprint": record.fingerprint,
            "role": APPROVER_ROLE, "approver": (approver or self._writer.author).strip()})
        return ReportOutcome(self.report_record(ctx.id, number),
                             Changes.of(ctx.id, REPORTS, created=str(number)))

    def issue_report(self, event: str | None, number: int, *, out: Path | str | None = None,
                     progress: Progress | None = None) -> ReportOutcome:
        """Issue an approved report: rendered final, checked against the approved fingerprint.

        With `out`, the PDF is written first and the issue is journaled only once it is."""
        ctx = self._events.event(event)
        if out is not None:
            self.check_output(out)
        record = self.report_record(ctx.id, number)
        record.check_issuable()
        issued_at = from_iso(to_iso(self._clock()))
        record = dataclasses.replace(record, issued_at=issued_at, issued_by=self._writer.author)
        checkpoints.for_report(self._writer, to_iso(issued_at))  # signed now, printed in the footer
        rendered = self._render_record(ctx, record, "situation", progress)
        if rendered.fingerprint != record.fingerprint:
            raise InvalidInput.of("situation report #{number} no longer renders as it was drafted ({rendered} ≠ {drafted}); draft it again",
                                  number=number, rendered=rendered.short, drafted=record.short)
        self._record_with_file(Kind.REPORT_ISSUED, {
            "event": ctx.id, "number": record.number, "kind": record.kind, "lang": record.lang,
            "as_of": record.as_of, "moment": to_iso(record.moment), "fingerprint": rendered.fingerprint,
            "at": to_iso(issued_at), "issued_by": self._writer.author, "desk": self._writer.desk_id[:8]}, rendered, out)
        return ReportOutcome(self.report_record(ctx.id, number),
                             Changes.of(ctx.id, REPORTS, created=str(number)), rendered)

    def reprint_report(self, event: str | None, number: int, *, kind: str = "situation",
                       progress: Progress | None = None) -> RenderedReport:
        """Report `number` exactly as it was printed (same content, same fingerprint); with
        kind="brief", the executive brief as of that report's position."""
        if kind not in ("situation", "brief"):
            raise InvalidInput.of("a reprint is of a situation report or its brief, not '{kind}'", kind=kind)
        ctx = self._events.event(event)
        return self._render_record(ctx, self.report_record(ctx.id, number), kind, progress)

    def export_report(self, event: str | None, number: int, *, out: Path | str, kind: str = "situation",
                      progress: Progress | None = None) -> ExportOutcome:
        """Write a file made from report `number` as recorded (its position, moment and stamps):
        the body (kind situation) or the brief as an editable office draft (.hwpx, .docx), or the
        brief's PDF (.pdf). The file is written first, then recorded in the register (never as
        the issued report: that is the PDF `issue_report` writes)."""
        fmt = Path(out).suffix.lower().lstrip(".")
        if kind not in EXPORT_FORMATS:
            raise InvalidInput.of("a report export is of a situation report or its brief, not '{kind}'", kind=kind)
        if fmt not in EXPORT_FORMATS[kind]:
            allowed = ", ".join(f".{x}" for x in EXPORT_FORMATS[kind])
            raise InvalidInput.of("{path}: a {kind} report is exported as {allowed}", path=out, kind=kind,
                                  allowed=allowed)
        ctx = self._events.event(event)
        path = self.check_output(out)
        record = self.report_record(ctx.id, number)
        situation = self.report_situation(ctx, record.as_of, record.moment, record.lang)
        meta = self._record_meta(record, kind)
        if fmt == "pdf":
            rendered = render_pdf(situation, meta, progress)
            data, fingerprint = rendered.pdf, rendered.fingerprint
        else:
            from crisisdesk.reports.office_files import render_office

            office = render_office(situation, meta, fmt)
            data, fingerprint = office.data, office.fingerprint
        self._write(data, path)
        try:
            stored = self._record(Kind.REPORT_EXPORTED, {
                "event": ctx.id, "number": record.number, "kind": kind, "format": fmt, "lang": record.lang,
                "fingerprint": fingerprint, "sha256": hashlib.sha256(data).hexdigest(), "file": path.name})
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        e = stored.entry
        return ExportOutcome(
            ReportFile(ctx.id, record.number, kind, fmt, record.lang, fingerprint,
                       hashlib.sha256(data).hexdigest(), path.name, from_iso(e.at), e.author),
            Changes.of(ctx.id, REPORTS, created=str(number)))

    # -- files --------------------------------------------------------------------------
    @staticmethod
    def check_output(path: Path | str) -> Path:
        """Refuse, before any work, an output path that cannot be written."""
        path = Path(path)
        folder = path.parent if str(path.parent) else Path(".")
        if path.is_dir():
            raise InvalidInput.of("{path}: is a folder; give a file name such as report.pdf", path=path)
        if not folder.is_dir():
            raise InvalidInput.of("{path}: the folder {folder} does not exist", path=path, folder=folder)
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise InvalidInput.of("{path}: cannot write here (permission denied)", path=path)
        return path

    @staticmethod
    def save_report(rendered: RenderedReport, path: Path | str) -> Path:
        """Write the PDF whole or not at all (a temporary file renamed into place)."""
        return ReportCommands._write(rendered.pdf, path)

    @staticmethod
    def _write(data: bytes, path: Path | str) -> Path:
        """Write `data` whole or not at all (a temporary file renamed into place)."""
        path = ReportCommands.check_output(path)
        try:
            return write_whole(data, path)
        except OSError as exc:
            raise InvalidInput.of("{path}: cannot write the report: {reason}", path=path, reason=exc.strerror or exc) from None


    # -- helpers ------------------------------------------------------------------------
    def _record_with_file(self, kind: str, payload: dict[str, Any], rendered: RenderedReport,
                          out: Path | str | None) -> StoredEntry:
        """Write the PDF (if asked), then journal; a journal failure removes the file again."""
        if out is None:
            return self._record(kind, payload)
        path = self.save_report(rendered, out)
        try:
            return self._record(kind, payload)
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def _position(self, as_of: int | datetime | str | None) -> tuple[int, datetime]:
        """The journal position and the moment a report is read at (milliseconds, as recorded)."""
        head, _ = self._store.head()
        if as_of is None:
            return head, from_iso(to_iso(self._clock()))
        seq = self._views.journal_position(as_of)
        if seq > head or seq < 1:
            raise InvalidInput.of("journal position #{seq} does not exist (the journal ends at #{head})", seq=seq, head=head)
        if isinstance(as_of, datetime):
            return seq, from_iso(to_iso(as_of))
        if isinstance(as_of, str) and not as_of.strip().startswith("#"):
            return seq, from_iso(to_iso(from_iso(as_of.strip())))
        return seq, from_iso(next(self._store.entries(after=seq - 1, upto=seq)).entry.at)

    def _render_record(self, ctx: Event, record: ReportRecord, kind: str,
                       progress: Progress | None) -> RenderedReport:
        situation = self.report_situation(ctx, record.as_of, record.moment, record.lang)
        return render_pdf(situation, self._record_meta(record, kind), progress)

    def _record_meta(self, record: ReportRecord, kind: str) -> ReportMeta:
        """What report `record` prints, with its recorded stamps."""
        return ReportMeta(
            kind=kind, lang=record.lang, number=record.number, designation=record.designation,
            period_from=record.period_from, prepared_by=record.prepared_by, desk=record.desk,
            next_update=record.next_update, status=record.status,
            approved_by=record.approved_by if record.status != "draft" else "",
            approved_at=record.approved_at if record.status != "draft" else None,
            issued_at=record.issued_at, issued_by=record.issued_by,
            checkpoint=checkpoints.printed_on(self._writer, to_iso(record.issued_at)) if record.issued_at else "")


def _check_kind(kind: str, lang: str) -> None:
    if kind not in KINDS:
        raise InvalidInput.of("unknown report kind '{kind}' ({listing})", kind=kind, listing=', '.join(KINDS))
    if lang not in LANGS:
        raise InvalidInput.of("unknown report language '{lang}' ({listing})", lang=lang, listing=', '.join(LANGS))


def _time(text: str) -> datetime | None:
    return from_iso(text) if text else None


def _file(row: dict[str, Any]) -> ReportFile:
    return ReportFile(event=row["event"], number=row["number"], kind=row["kind"], format=row["format"],
                      lang=row["lang"], fingerprint=row["fingerprint"], sha256=row["sha256"], file=row["file"],
                      at=from_iso(row["at"]), author=row["author"])


def _record(row: dict[str, Any]) -> ReportRecord:
    return ReportRecord(
        event=row["event"], number=row["number"], kind=row["kind"], lang=row["lang"], as_of=row["as_of"],
        moment=from_iso(row["moment"]), period_from=_time(row["period_from"]),
        designation=row["designation"], next_update=_time(row["next_update"]),
        prepared_by=row["prepared_by"], desk=row["desk"], fingerprint=row["fingerprint"],
        pages=row["pages"], drafted_at=from_iso(row["drafted_at"]),
        approved_fingerprint=row["approved_fingerprint"], approved_by=row["approved_by"],
        approved_role=row["approved_role"], approved_at=_time(row["approved_at"]),
        issued_at=_time(row["issued_at"]), issued_by=row["issued_by"])


def write_whole(data: bytes, path: Path) -> Path:
    """Write `data` to `path` whole or not at all: a temporary file beside it, renamed into place
    (removed again when anything fails; the OSError goes on to the caller)."""
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
