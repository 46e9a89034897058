"""Read models built from the projections of one database connection (live or replayed)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from crisisdesk.domain.checklist import Progress, is_due_soon, is_overdue
from crisisdesk.domain.clock import from_iso, to_iso
from crisisdesk.domain.event import Event
from crisisdesk.domain.group import GROUP_DESK, Affiliate, Group, Service
from crisisdesk.domain.impact import (
    ProviderState,
    ServiceHit,
    derive_hits,
    longest_outage,
    provider_states,
)
from crisisdesk.domain.playbook import MEASURES, UNSUMMED_MEASURES, ImpactField
from crisisdesk.domain.read_models import (
    ActionView,
    AffiliateTile,
    AlertView,
    AnswerView,
    Board,
    DecisionView,
    DutyView,
    ItemView,
    MeasureView,
    MeetingView,
    NoticeView,
    OutlookView,
    ProviderView,
    RevisionView,
    ServiceView,
    TimelineEntry,
    TimelinePage,
)
from crisisdesk.domain.reporting import filers, occurrences, threshold_met
from crisisdesk.domain.text import Text
from crisisdesk.domain.timeline import describe
from crisisdesk.store import queries
from crisisdesk.store.projections.reports import report_rows

ProviderChanges = list[tuple[str, str, datetime]]  # (provider, status, since), in time order


def _time(text: str) -> datetime | None:
    return from_iso(text) if text else None


def provider_views(conn: sqlite3.Connection, ctx: Event) -> list[ProviderView]:
    """Every provider of the group with its state in the event ('normal' when never marked)."""
    states = {r["provider"]: r for r in queries.providers(conn, ctx.id)}
    history = _provider_history(conn, ctx)
    names = {p.id: p.name for p in ctx.group.providers}
    views = []
    for provider in ctx.group.providers:
        row = states.get(provider.id)
        since = history[provider.id].since if provider.id in history else _time(row["since"]) if row else None
        views.append(ProviderView(
            provider=provider.id, name=provider.name, kind=provider.kind,
            status=row["status"] if row else "normal", since=since,
            note=row["note"] if row else "",
            alternatives=tuple(names[a] for a in provider.alternatives if a in names)))
    return views


def _provider_history(conn: sqlite3.Connection, ctx: Event) -> dict[str, ProviderState]:
    """Each provider's state, with the start of its current failure, from all its changes."""
    return provider_states((r["provider"], r["status"], from_iso(r["since"]))
                           for r in queries.provider_changes(conn, ctx.id))


def service_views(conn: sqlite3.Connection, ctx: Event, now: datetime) -> dict[str, list[ServiceView]]:
    """Per affiliate, the services hit by failing providers or reported not normal by the affiliate."""
    hits = {(h.affiliate, h.service): h for h in derive_hits(ctx.group, _provider_history(conn, ctx))}
    reported = {(r["affiliate"], r["service"]): r for r in queries.service_status(conn, ctx.id)}
    views: dict[str, list[ServiceView]] = {a.id: [] for a in ctx.group.affiliates}
    for affiliate in ctx.group.affiliates:
        for service in affiliate.services:
            key = (affiliate.id, service.id)
            hit, report = hits.get(key), reported.get(key)
            if hit is None and (report is None or report["status"] == "normal"):
                continue
            views[affiliate.id].append(_service_view(ctx.group, affiliate, service, hit, report, now))
    return views


def _service_view(group: Group, affiliate: Affiliate, service: Service, hit: ServiceHit | None,
                  report: dict[str, Any] | None, now: datetime) -> ServiceView:
    """The affiliate's word on the status wins over the derivation. A service its affiliate
    reports down with no failing provider behind it counts as the group's own failure."""
    providers = {p.id: p for p in group.providers}
    status = report["status"] if report else hit.status if hit else "normal"
    reported_at = from_iso(report["at"]) if report else None
    if status != "down" or service.rto is None:
        rto_deadline = None
    elif hit is not None:
        rto_deadline = hit.rto_deadline
    else:
        rto_deadline = reported_at + service.rto if reported_at else None
    return ServiceView(
        affiliate=affiliate.id, service=service.id, name=service.name, critical=service.critical,
        status=status, derived=hit.status if hit else "normal",
        confirmed_by=report["author"] if report else "", note=report["note"] if report else "",
        providers=tuple(providers[p].name for p in (hit.providers if hit else ())),
        alternatives=hit.alternatives if hit else (),
        rto=service.rto, rto_deadline=rto_deadline,
        impaired_since=hit.since if hit else reported_at,
        down_since=(hit.down_since if hit and hit.down_since else reported_at) if status == "down" else None,
        open_now=None if service.hours is None
        else service.hours.is_open(now, group.timezone, group.holidays))


def _colour(progress: Progress, services: list[ServiceView], past_rto: int) -> str:
    if past_rto:
        return "red"
    if progress.overdue_critical or any(s.critical and s.status == "down" for s in services):
        return "amber"
    if progress.overdue or any(s.status in ("down", "degraded") for s in services):
        return "yellow"
    return "green"


def build_board(conn: sqlite3.Connection, ctx: Event, now: datetime) -> Board:
    services = service_views(conn, ctx, now)
    progress = queries.progress_by_affiliate(conn, ctx.id, to_iso(now))
    activity = queries.activity(conn, ctx.id)
    tiles = []
    for affiliate in ctx.group.affiliates:
        views = services[affiliate.id]
        prog = Progress(*progress.get(affiliate.id, (0,) * 6))
        past = sum(1 for s in views if s.critical and s.past_rto(now))
        tiles.append(AffiliateTile(
            affiliate=affiliate.id, name=affiliate.name, sector=affiliate.sector,
            colour=_colour(prog, views, past), services=tuple(views), progress=prog, past_rto=past,
            last_update=_time(activity.get(affiliate.id, "")), now=now,
            activated_at=ctx.record.activated_at))
    return Board(event=ctx, tiles=tuple(tiles), now=now, alerts=tuple(alert_views(conn, ctx)),
                 group_progress=Progress(*progress.get(GROUP_DESK, (0,) * 6)),
                 measures=tuple(measure_views(conn, ctx, now)))


def measure_views(conn: sqlite3.Connection, ctx: Event, now: datetime) -> list[MeasureView]:
    """Customer-impact figures per affiliate and for the group, with the total at the last
    report issued before `now`."""
    fields = [f for f in ctx.playbook.impact if f.measure and f.measure != "aware-at"]
    if not fields:
        return []
    rows = queries.answers(conn, ctx.id)
    issued = [r for r in report_rows(conn, ctx.id) if r["issued_at"] and r["issued_at"] < to_iso(now)]
    before = max((r["moment"] for r in issued if r["moment"]), default="")
    order = {a.id: i for i, a in enumerate(ctx.group.affiliates)}
    views = []
    for spec in sorted(fields, key=lambda f: MEASURES.index(f.measure)):
        latest = _latest_values(rows, spec.id)
        summed = spec.measure not in UNSUMMED_MEASURES
        previous = _latest_values(rows, spec.id, before) if before else None
        views.append(MeasureView(
            measure=spec.measure, label=spec.label, kind=spec.kind,
            values=tuple(sorted(latest.items(), key=lambda kv: order.get(kv[0], len(order)))),
            total=sum(latest.values()) if summed else None,
            previous=sum(previous.values()) if summed and previous is not None else None))
    return views


def _latest_values(rows: list[dict[str, Any]], field: str, upto: str | None = None) -> dict[str, int]:
    """Each affiliate's latest whole-number answer to `field` (answered at or before `upto`)."""
    found: dict[str, int] = {}
    for row in rows:  # in HLC order: the last one wins
        if row["field"] == field and (upto is None or row["at"] <= upto) \
                and isinstance(row["value"], int) and not isinstance(row["value"], bool):
            found[row["affiliate"]] = row["value"]
    return found


def item_views(conn: sqlite3.Connection, ctx: Event, now: datetime, affiliate: str | None = None,
               rows: list[dict[str, Any]] | None = None) -> list[ItemView]:
    """The items of the event (of one affiliate), or of the item `rows` given (read by the caller)."""
    book = ctx.playbook
    lookup = {(c.id, i.id): (c, i) for c in book.checklists for i in c.items}
    roles = {r.id: r.title for r in book.roles}
    conflicts = queries.conflicted_items(conn, ctx.id, affiliate)
    views = []
    for row in queries.items(conn, ctx.id, affiliate) if rows is None else rows:
        checklist, item = lookup[(row["checklist"], row["item"])]
        due = from_iso(row["due"])
        views.append(ItemView(
            affiliate=row["affiliate"], checklist=checklist.id, checklist_title=checklist.title,
            item=item.id, title=item.title, guidance=item.guidance, owner=item.owner,
            owner_title=roles.get(item.owner, Text.plain(item.owner)), due=due,
            critical=bool(row["critical"]), state=row["state"], assignee=row["assignee"],
            note=row["note"], evidence=row["evidence"], reason=row["reason"],
            updated_at=_time(row["updated_at"]), updated_by=row["updated_by"],
            overdue=is_overdue(due, row["state"], now), due_soon=is_due_soon(due, row["state"], now),
            conflict=(row["affiliate"], row["checklist"], row["item"]) in conflicts, entry=row["entry"]))
    return views


def display_value(field: ImpactField, value: Any, group: Group, lang: str = "ko") -> str:
    """An answer as a person reads it."""
    if field.kind == "money":
        return f"{value:,}원" if lang == "ko" else f"KRW {value:,}"
    if field.kind == "integer":
        return f"{value:,}"
    if field.kind == "boolean":
        return ("예" if value else "아니오") if lang == "ko" else ("yes" if value else "no")
    if field.kind == "choice":
        return next((c.label.get(lang) for c in field.choices if c.id == value), str(value))
    if field.kind == "datetime":
        return from_iso(value).astimezone(ZoneInfo(group.timezone)).strftime("%Y-%m-%d %H:%M")
    if field.kind == "services":
        return "; ".join(f"{sid}: {v['status']}" + (f" ({v['note']})" if v.get("note") else "")
                         for sid, v in value.items())
    return str(value)


def answer_views(conn: sqlite3.Connection, ctx: Event, affiliate: str | None = None,
                 lang: str = "ko") -> list[AnswerView]:
    fields = {f.id: f for f in ctx.playbook.impact}
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    counts: dict[tuple[str, str], int] = {}
    for row in queries.answers(conn, ctx.id, affiliate):
        key = (row["affiliate"], row["field"])
        latest[key] = row  # rows come in HLC order: the last one wins
        counts[key] = counts.get(key, 0) + 1
    order = {f: i for i, f in enumerate(fields)}
    views = []
    for (aff, fid), row in sorted(latest.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99))):
        spec = fields.get(fid)
        if spec is None:
            continue
        views.append(AnswerView(
            affiliate=aff, field=fid, label=spec.label, kind=spec.kind, value=row["value"],
            display=display_value(spec, row["value"], ctx.group, lang), at=from_iso(row["at"]),
            author=row["author"], revisions=counts[(aff, fid)]))
    return views


def revision_views(conn: sqlite3.Connection, ctx: Event, affiliate: str, field: str) -> list[RevisionView]:
    spec = ctx.playbook.impact_field(field)
    return [RevisionView(field=field, value=r["value"], display=display_value(spec, r["value"], ctx.group),
                         at=from_iso(r["at"]), author=r["author"])
            for r in queries.answers(conn, ctx.id, affiliate) if r["field"] == field]


def decision_views(conn: sqlite3.Connection, ctx: Event) -> list[DecisionView]:
    """Originals in order, each with its amendments and withdrawals under it."""
    roles = {r.id: r.title for r in ctx.playbook.roles}
    rows = queries.decisions(conn, ctx.id)

    def view(r: dict[str, Any], amendments: Sequence[DecisionView] = ()) -> DecisionView:
        return DecisionView(
            id=r["id"], action=r["action"], amends=r["amends"], meeting=r["meeting"], text=r["text"],
            rationale=r["rationale"], decided_by=r["decided_by"],
            decided_by_title=roles.get(r["decided_by"], Text.plain(r["decided_by"])),
            attendees=tuple(r["attendees"]), affiliates=tuple(r["affiliates"]), at=from_iso(r["at"]),
            author=r["author"], amendments=tuple(amendments))

    children: dict[str, list[DecisionView]] = {}
    for r in rows:
        if r["amends"]:
            children.setdefault(r["amends"], []).append(view(r))
    return [view(r, children.get(r["id"], ())) for r in rows if not r["amends"]]


def action_views(conn: sqlite3.Connection, ctx: Event, now: datetime) -> list[ActionView]:
    roles = {r.id: r.title for r in ctx.playbook.roles}
    return [ActionView(id=r["id"], decision=r["decision"], title=r["title"], owner=r["owner"],
                       owner_title=roles.get(r["owner"], Text.plain(r["owner"])),
                       deadline=from_iso(r["deadline"]), state=r["state"], note=r["note"],
                       overdue=r["state"] in ("open", "doing") and now > from_iso(r["deadline"]))
            for r in queries.actions(conn, ctx.id)]


def meeting_views(conn: sqlite3.Connection, ctx: Event) -> list[MeetingView]:
    return [MeetingView(id=r["id"], title=r["title"], attendees=tuple(r["attendees"]),
                        opened_at=from_iso(r["opened_at"]), closed_at=_time(r["closed_at"]))
            for r in queries.meetings(conn, ctx.id)]


def notice_views(conn: sqlite3.Connection, ctx: Event, affiliate: str | None = None) -> list[NoticeView]:
    return [NoticeView(id=r["id"], affiliate=r["affiliate"], template=r["template"], channel=r["channel"],
                       title=r["title"], body=r["body"], state=r["state"],
                       posts=tuple((p["channel"], from_iso(p["posted_at"])) for p in r["posts"]),
                       created_at=from_iso(r["created_at"]))
            for r in queries.notices(conn, ctx.id, affiliate)]


def duty_views(conn: sqlite3.Connection, ctx: Event, now: datetime) -> list[DutyView]:
    """Each occurrence of each duty that applies: per licensed affiliate whose thresholds are met
    (or the group), with deadlines from awareness, activation or closure; filings kept even
    where a threshold is no longer met."""
    filings = {(r["duty"], r["filer"], r["occurrence"]): r for r in queries.duty_filings(conn, ctx.id)}
    closed_at = ctx.record.closed_at if not ctx.is_open else None
    until = closed_at or now
    changes = [(r["provider"], r["status"], from_iso(r["since"]))
               for r in queries.provider_changes(conn, ctx.id)]
    answers = _answers_by_measure(conn, ctx)
    reported = _reported_down(conn, ctx)
    names = {a.id: a.name for a in ctx.group.affiliates}
    views = []
    for duty in ctx.playbook.reporting:
        for filer in filers(duty, ctx.group):
            if filer == GROUP_DESK:
                outage, customers, aware = _group_outage(ctx, changes, reported, until), None, ctx.t0
            else:
                outage = _outage(ctx.group.affiliate(filer), changes, reported.get(filer, {}), until)
                customers = _count(answers.get(("customers", filer)))
                aware = _aware_at(answers.get(("aware-at", filer)), ctx.t0)
            start = {"awareness": aware, "activation": ctx.t0, "closure": closed_at}[duty.start]
            filed = [k for k in filings if k[0] == duty.id and k[1] == filer]
            if not threshold_met(duty, outage, customers) and not filed:
                continue
            for due in occurrences(duty, filer, start, until):
                row = filings.get((duty.id, filer, due.occurrence))
                state = row["state"] if row else "due"
                deadline = _time(row["deadline"]) if row and row["deadline"] else due.deadline
                views.append(DutyView(
                    duty=duty.id, to=duty.to, title=duty.title, deadline=deadline, state=state,
                    reference=row["reference"] if row else "", reason=row["reason"] if row else "",
                    submitted_at=_time(row["submitted_at"]) if row else None,
                    overdue=state == "due" and deadline is not None and now > deadline,
                    filer=filer, filer_name=names.get(filer, ctx.group.name), occurrence=due.occurrence,
                    kind=duty.kind, basis=duty.basis, start=duty.start, started=due.start,
                    due=duty.due, moved=bool(row and row["deadline"]), target=due.target))
    return sorted(views, key=lambda v: (v.deadline is None, v.deadline or now, v.filer, v.duty))


def _answers_by_measure(conn: sqlite3.Connection, ctx: Event) -> dict[tuple[str, str], object]:
    """(measure, affiliate) → the latest answer of the field with that measure."""
    measures = {f.id: f.measure for f in ctx.playbook.impact if f.measure}
    found: dict[tuple[str, str], object] = {}
    for row in queries.answers(conn, ctx.id):
        if row["field"] in measures:
            found[(measures[row["field"]], row["affiliate"])] = row["value"]
    return found


def _count(value: object) -> int | None:
    """A whole-number answer (the impact rules store counts as integers), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _aware_at(value: object, t0: datetime) -> datetime:
    try:
        return from_iso(value) if isinstance(value, str) and value else t0
    except ValueError:
        return t0


def _reported_down(conn: sqlite3.Connection, ctx: Event) -> dict[str, dict[str, datetime]]:
    """Per affiliate, the services it reports down now, since when."""
    found: dict[str, dict[str, datetime]] = {}
    for row in queries.service_status(conn, ctx.id):
        if row["status"] == "down":
            found.setdefault(row["affiliate"], {})[row["service"]] = from_iso(row["at"])
    return found


def _outage(affiliate: Affiliate, changes: ProviderChanges, reported: dict[str, datetime],
            until: datetime) -> timedelta:
    """The longest stretch any service of the affiliate was down (providers' history, or the
    affiliate's own report)."""
    longest = [longest_outage(s, changes, until) for s in affiliate.services]
    longest += [until - since for since in reported.values()]
    return max(longest, default=until - until)


def _group_outage(ctx: Event, changes: ProviderChanges, reported: dict[str, dict[str, datetime]],
                  until: datetime) -> timedelta:
    return max((_outage(a, changes, reported.get(a.id, {}), until) for a in ctx.group.affiliates),
               default=until - until)


def alert_views(conn: sqlite3.Connection, ctx: Event) -> list[AlertView]:
    return [AlertView(id=r["id"], issuer=r["issuer"], level=r["level"], at=from_iso(r["at"]), note=r["note"])
            for r in queries.alerts(conn, ctx.id)]


def outlook_views(conn: sqlite3.Connection, ctx: Event) -> list[OutlookView]:
    return [OutlookView(horizon=r["horizon"], text=r["text"], needs=r["needs"], at=from_iso(r["at"]))
            for r in queries.outlook(conn, ctx.id)]


def timeline_entries(conn: sqlite3.Connection, ctx: Event, affiliate: str | None = None,
                     kinds: tuple[str, ...] = (), upto: int | None = None, after: int = 0) -> list[TimelineEntry]:
    """The event's journal in HLC order (entries `after < seq <= upto`); `kinds` filters by
    prefix (e.g. 'checklist', 'decision')."""
    entries = []
    for row in queries.journal_for_event(conn, ctx.id, upto, after):
        payload = row["payload"]
        if affiliate and payload.get("affiliate") != affiliate:
            continue
        if kinds and not any(row["kind"].startswith(k) for k in kinds):
            continue
        entries.append(timeline_entry(row, ctx))
    return entries


def timeline_page(conn: sqlite3.Connection, ctx: Event, affiliate: str | None, kinds: tuple[str, ...],
                  upto: int, before: str, size: int) -> TimelinePage:
    """Up to `size` of the event's entries journaled by `upto` with a clock before `before` ("" for
    the latest), filtered as `timeline_entries` does, in HLC order."""
    found = queries.journal_page(conn, ctx.id, upto, before, size)
    entries = [timeline_entry(row, ctx) for row in reversed(found)
               if (not affiliate or row["payload"].get("affiliate") == affiliate)
               and (not kinds or any(row["kind"].startswith(k) for k in kinds))]
    return TimelinePage(tuple(entries), upto, found[-1]["hlc"] if len(found) == size else "")


def timeline_entry(row: dict[str, Any], ctx: Event) -> TimelineEntry:
    """One journal row of the event (payload parsed), described in both languages."""
    payload = row["payload"]
    return TimelineEntry(seq=row["seq"], at=from_iso(row["at"]), kind=row["kind"],
                         affiliate=payload.get("affiliate", ""), author=row["author"],
                         summary=describe(row["kind"], payload, ctx.playbook, ctx.group), hlc=row["hlc"])


