"""After-action reviews: the event's timings against its targets, findings, corrective actions
tracked across events, and the year's register of drills."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from crisisdesk.desk.changes import EVENTS, Changes
from crisisdesk.desk.drills import DrillCommands
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import from_iso, to_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.ids import new_id
from crisisdesk.store import queries, review_queries

if TYPE_CHECKING:  # the review's domain, reportlab and openpyxl load when a review is first used
    from crisisdesk.domain.after_action import AfterAction, CorrectiveAction, DrillRecord, Finding
    from crisisdesk.reports.after_action_report import RenderedDocument



class ReviewCommands(DeskService):
    """After-action review: findings, corrective actions, the review report, the drill register."""

    def __init__(self, writer: Writer, events: EventCommands, views: ReadModels, drills: DrillCommands) -> None:
        super().__init__(writer)
        self._events = events
        self._views = views
        self._drills = drills

    # -- findings and corrective actions -----------------------------------------------
    def record_finding(self, event: str | None, text: str) -> Changes:
        ctx = self._events.event(event)
        if not text.strip():
            raise InvalidInput.of("a finding needs its text")
        finding = new_id()
        self._record(Kind.REVIEW_FINDING, {"event": ctx.id, "finding": finding, "text": text.strip()})
        return Changes.of(ctx.id, EVENTS, created=finding)

    def add_corrective_action(self, event: str | None, title: str, owner: str, due: datetime,
                              finding: str = "") -> Changes:
        """A corrective action with its owner and due date; it stays listed until done or dropped."""
        ctx = self._events.event(event)
        if not title.strip():
            raise InvalidInput.of("a corrective action needs a title")
        if not owner.strip():
            raise InvalidInput.of("a corrective action needs an owner")
        if due.tzinfo is None:
            raise InvalidInput.of("the due date needs a timezone")
        if finding and finding not in {f.id for f in self.findings(ctx.id)}:
            raise InvalidInput.of("no finding '{finding}' in this event", finding=finding)
        action = new_id()
        self._record(Kind.REVIEW_ACTION, {"event": ctx.id, "action": action, "title": title.strip(),
                                      "owner": owner.strip(), "due": to_iso(due), "finding": finding})
        return Changes.of(ctx.id, EVENTS, created=action)

    def change_corrective_action(self, action: str, state: str, note: str = "") -> Changes:
        from crisisdesk.domain.after_action import ACTION_STATES

        if state not in ACTION_STATES:
            raise InvalidInput.of("unknown state '{state}' ({known})", state=state, known=", ".join(ACTION_STATES))
        found = [a for a in self.corrective_actions() if a.id == action or a.id.startswith(action)]
        if len(found) != 1:
            raise InvalidInput.of("no corrective action '{action}' (see: crisisdesk review actions)",
                                  action=action)
        self._record(Kind.REVIEW_ACTION_CHANGED, {"event": found[0].event, "action": found[0].id,
                                              "state": state, "note": note.strip()})
        return Changes.of(found[0].event, EVENTS)

    def findings(self, event: str | None = None) -> list[Finding]:
        ctx = self._events.event(event)
        return [f for f in _findings(review_queries.review_entries(self._store.conn)) if f.event == ctx.id]

    def corrective_actions(self, open_only: bool = False) -> list[CorrectiveAction]:
        """Every corrective action of every event (only those not done or dropped with `open_only`),
        by due date."""
        titles = {r.id: r.title for r in self._events.event_records()}
        found = _actions(review_queries.review_entries(self._store.conn), titles)
        return [a for a in found if not (open_only and a.closed)]

    # -- the review ------------------------------------------------------------------------
    def after_action(self, event: str | None = None, as_of: datetime | None = None) -> AfterAction:
        """The event's timings against its targets at `as_of` (default: its closing, or now)."""
        from crisisdesk.domain.after_action import AfterAction
        from crisisdesk.domain.timing import (
            ItemChange,
            ItemDue,
            ProviderChange,
            ServiceReport,
            duty_timings,
            item_timings,
            outside_outages,
            recoveries,
            response_timings,
        )

        ctx = self._events.event(event)
        moment = as_of or ctx.record.closed_at or self._clock()
        conn = self._store.conn
        assessed = review_queries.event_entries(conn, ctx.id, (Kind.SERVICE_ASSESSED,))
        providers = [ProviderChange(from_iso(r["since"]), r["provider"], r["status"])
                     for r in queries.provider_changes(conn, ctx.id)]
        reports = [ServiceReport(from_iso(e["at"]), e["payload"]["affiliate"], e["payload"]["service"],
                                 e["payload"]["status"]) for e in assessed]
        items = [ItemDue(r["affiliate"], r["checklist"], r["item"], from_iso(r["due"]), bool(r["critical"]))
                 for r in queries.items(conn, ctx.id) if r["due"]]
        changes = [ItemChange(from_iso(at), affiliate, checklist, item, state)
                   for at, affiliate, checklist, item, state in review_queries.item_state_changes(conn, ctx.id)]
        statuses = self._drills.injects(ctx.id) if ctx.record.drill else []
        actions = self.corrective_actions()
        return AfterAction(
            event_id=ctx.id, title=ctx.record.title, drill=ctx.record.drill, t0=ctx.t0,
            closed_at=ctx.record.closed_at, as_of=moment, playbook=ctx.playbook, group=ctx.group,
            recoveries=tuple(recoveries(ctx.group, providers, reports, moment)),
            outages=tuple(outside_outages(ctx.group, providers, moment)),
            items=tuple(item_timings(items, changes, moment)),
            duties=tuple(duty_timings(self._views.duties(ctx.id, now=moment), moment)),
            responses=tuple(response_timings(statuses, moment)),
            injects_released=sum(1 for s in statuses
                                 if s.released and s.released_at is not None and s.released_at <= moment),
            findings=tuple(self.findings(ctx.id)),
            actions=tuple(a for a in actions if a.event == ctx.id),
            carried=tuple(a for a in actions if a.event != ctx.id and not a.closed and a.created_at <= moment))

    def write_after_action(self, event: str | None, out: Path, lang: str = "ko",
                           as_of: datetime | None = None) -> RenderedDocument:
        """The after-action report as a file (훈련 결과 보고서 / 사후 검토 보고서): a PDF, or a
        workbook when `out` ends in .xlsx."""
        review = self.after_action(event, as_of)
        rendered = render_review(review, lang, self._writer.author, xlsx=Path(out).suffix.lower() == ".xlsx")
        _write(Path(out), rendered.data)
        return rendered

    def write_drill_register(self, year: int, out: Path, lang: str = "ko") -> RenderedDocument:
        """The year's drill register as a PDF file, for the authorities."""
        from crisisdesk.reports.after_action_report import render_register

        group = self._events.group()
        rendered = render_register(self.drill_register(year), year, group.name, group.timezone, self._clock(),
                                   lang, prepared_by=self._writer.author)
        _write(Path(out), rendered.data)
        return rendered

    def save_document(self, rendered: RenderedDocument, out: Path) -> Path:
        """Write a rendered review or register (rendered off the executor) to `out`."""
        _write(Path(out), rendered.data)
        return Path(out)

    def drill_register(self, year: int) -> list[DrillRecord]:
        """The drills whose T0 falls in `year` (in the group's timezone), oldest first."""
        records = []
        for record in sorted(self._events.event_records(), key=lambda r: r.t0):
            if not record.drill:
                continue
            ctx = self._events.event(record.id)
            if record.t0.astimezone(ZoneInfo(ctx.group.timezone)).year != year:
                continue
            review = self.after_action(record.id)
            records.append(_register_row(ctx, review))
        return records


def render_review(review: AfterAction, lang: str = "ko", author: str = "", xlsx: bool = False) -> RenderedDocument:
    """The review's PDF (or workbook) from its read model (no database: runs on any thread)."""
    from crisisdesk.reports.after_action_report import RenderedDocument, render_after_action
    from crisisdesk.reports.after_action_xlsx import write_after_action_xlsx

    if xlsx:
        data, sheets = write_after_action_xlsx(review, lang)
        return RenderedDocument(data, sheets, hashlib.sha256(data).hexdigest())
    return render_after_action(review, lang, prepared_by=author)


def _write(out: Path, data: bytes) -> None:
    """Write the file whole or not at all (a temporary file renamed into place)."""
    if out.is_dir():
        raise InvalidInput.of("{path}: is a folder; give a file name such as review.pdf", path=str(out))
    partial = out.with_name(out.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput.of("{path}: cannot write the report ({reason})", path=str(out),
                              reason=exc.strerror or str(exc)) from None


def _register_row(ctx: Event, review: AfterAction) -> DrillRecord:
    from crisisdesk.domain.after_action import DrillRecord

    return DrillRecord(
        event_id=ctx.id, title=ctx.record.title, t0=ctx.t0, closed_at=ctx.record.closed_at,
        playbook_title=ctx.playbook.title.ko or ctx.playbook.title.en,
        affiliates=len(ctx.group.affiliates), injects_released=review.injects_released,
        measured=review.measured, missed=review.missed, findings=len(review.findings),
        actions=len(review.actions), actions_open=sum(1 for a in review.actions if not a.closed))


def _findings(entries: list[dict[str, Any]]) -> list[Finding]:
    from crisisdesk.domain.after_action import Finding

    return [Finding(e["payload"]["finding"], e["event"], e["payload"]["text"], from_iso(e["at"]), e["author"])
            for e in entries if e["kind"] == Kind.REVIEW_FINDING]


def _actions(entries: list[dict[str, Any]], titles: dict[str, str]) -> list[CorrectiveAction]:
    """Corrective actions folded from their entries: created, then each change in HLC order."""
    from crisisdesk.domain.after_action import CorrectiveAction

    found: dict[str, CorrectiveAction] = {}
    for e in entries:
        p, at = e["payload"], from_iso(e["at"])
        if e["kind"] == Kind.REVIEW_ACTION:
            found[p["action"]] = CorrectiveAction(
                id=p["action"], event=e["event"], event_title=titles.get(e["event"], e["event"][:8]),
                title=p["title"], owner=p["owner"], due=from_iso(p["due"]), state="open", note="",
                finding=p.get("finding", ""), created_at=at, changed_at=at)
        elif e["kind"] == Kind.REVIEW_ACTION_CHANGED and p["action"] in found:
            found[p["action"]] = replace(found[p["action"]], state=p["state"], note=p.get("note", ""),
                                         changed_at=at)
    return sorted(found.values(), key=lambda a: (a.due, a.created_at))
