"""The situation report (상황보고서) in the form a Korean group report takes: the title with its
approval block (결재란), a short header, then 1. 개요, 2. 영향 현황, 3. 조치 사항, 4. 향후 계획,
5. 요청·결정 필요 사항, 6. 다음 보고, the distribution list (배포처) and the list of annexes —
one or two pages — followed by the annexes (붙임 1–3, see situation_annexes)."""

from __future__ import annotations

from datetime import datetime

from crisisdesk.domain.read_models import MeasureView
from crisisdesk.reports import facts
from crisisdesk.reports.blocks import (
    ApprovalBox,
    Block,
    Cell,
    Fields,
    Heading,
    Mark,
    Para,
    Slot,
    Table,
)
from crisisdesk.reports.situation_annexes import SituationAnnexes

HORIZONS = ("12h", "24h", "48h", "72h")
BODY_DECISIONS = 6  # decisions listed in the body; all of them are in annex 2
BODY_ACTIONS = 6  # open actions listed in the body; all of them are in annex 2
SECTIONS = ("sec.overview", "sec.impact", "sec.measures", "sec.plan", "sec.requests", "sec.next")


class SituationReport(SituationAnnexes):
    """Blocks of one situation report: the body, then the annexes."""

    def blocks(self) -> list[Block]:
        return self.body() + self.annexes()

    def body(self) -> list[Block]:
        """What the office edits and signs: one or two pages."""
        return [self.title(), self.header(), *self.overview(), *self.impact(), *self.measures(),
                *self.plan(), *self.requests(), *self.next_report(), *self.closing()]

    def heading(self, n: int) -> Heading:
        return Heading(f"{n}. {self.t(SECTIONS[n - 1])}")

    # -- title, approval block and header -------------------------------------------------
    def title(self) -> ApprovalBox:
        return self.approval_box(self.t("title.situation"))

    def header(self) -> Fields:
        t, f, m, ev = self.t, self.f, self.meta, self.s.event
        designation = t(f"designation.{m.designation}") if m.designation else ""
        number = t("number", number=m.number, designation=designation) if m.number else t("number.none")
        start = m.period_from or ev.t0
        mode = t("mode.drill" if ev.drill else "mode.real")
        return Fields((
            (t("cover.number"), number), (t("cover.reported"), f.time(self.s.now)),
            (t("cover.event"), f"{ev.title} ({mode})"),
            (t("cover.level"), Mark(t.text(ev.level_title), facts.level_tone(ev.level_rank), True)),
            (t("cover.period"), t("period", start=f.time(start), end=f.time(self.s.now))),
            (t("cover.status"), Slot("status")),
        ), size=8.5)

    # -- 1. overview ----------------------------------------------------------------------
    def overview(self) -> list[Block]:
        t, f, s, ev = self.t, self.f, self.s, self.s.event
        lines = [
            t("overview.when", t0=f.time(ev.t0), elapsed=f.duration(ev.elapsed(s.now)),
              status=t(f"event.{ev.status}")),
            t("overview.what", note=ev.note.strip() or t("overview.no_note")),
            t("overview.level", level=t.text(ev.level_title)) + self.alert_words(),
            t("overview.playbook", title=t.text(ev.playbook.title), version=ev.playbook.version),
        ]
        return [self.heading(1), *(Para(f"□ {line}", "item") for line in lines)]

    def alert_words(self) -> str:
        if not self.s.alerts:
            return ""
        latest = {a.issuer: a for a in self.s.alerts}  # alerts come in time order
        return " · " + self.t("overview.alerts", alerts=", ".join(f"{a.issuer} {a.level}" for a in latest.values()))

    # -- 2. impact ------------------------------------------------------------------------
    def impact(self) -> list[Block]:
        t, f, s = self.t, self.f, self.s
        board, hit = s.board, facts.hit_services(s)
        out: list[Block] = [self.heading(2)]
        if not board.hit_affiliates:
            out.append(Para(f"□ {t('summary.no_hit')}", "item"))
        else:
            out.append(Para("□ " + t("impact.hit", hit=board.hit_affiliates, total=len(board.tiles),
                                     services=len(hit), critical=sum(1 for x in hit if x.critical)), "item"))
            out.append(Para("□ " + self.recovery_line(), "item"))
            out.append(self.affiliate_table())
        measures = [m for m in board.measures if m.values]
        if measures:
            out.append(Para("□ " + t("impact.customers"), "item"))
            out.append(self.measure_table(measures))
        totals = board.totals
        out.append(Para("□ " + t("impact.progress", percent=f.percent(totals.ratio), closed=totals.closed,
                                 total=totals.applicable, overdue=totals.overdue,
                                 critical=totals.overdue_critical), "item"))
        return out

    def affiliate_table(self) -> Table:
        t, f = self.t, self.f
        rows = []
        for tile in facts.hit_tiles(self.s):
            down = ", ".join(t.text(x.name) for x in tile.services if x.status == "down") or "—"
            degraded = ", ".join(t.text(x.name) for x in tile.services if x.status == "degraded") or "—"
            p = tile.progress
            rows.append((Mark(t.text(tile.name), bold=True), down, degraded,
                         t("progress_label", percent=f.percent(p.ratio), closed=p.closed, total=p.applicable),
                         Mark(f.short_time(tile.last_update, self.s.now) + (f" {t('stale_mark')}" if tile.stale else ""),
                              "muted" if tile.stale else "")))
        columns = tuple(t(k) for k in ("col.affiliate", "col.down", "col.degraded", "col.progress",
                                       "col.last_update"))
        return Table(columns, (0.15, 0.33, 0.27, 0.13, 0.12), tuple(rows), size=7.5)

    def measure_table(self, measures: list[MeasureView]) -> Table:
        t = self.t
        rows: list[tuple[Cell, ...]] = []
        for m in measures:
            values = ", ".join(f"{self.name(a)} {self.figure(m, v)}" for a, v in m.values)
            total = self.figure(m, m.total) if m.total is not None else "—"
            change = f"{m.change:+,}" if m.change is not None else "—"
            rows.append((Mark(t.text(m.label), bold=True), Mark(total, bold=True), change, values))
        columns = (t("col.figure"), t("col.group_total"), t("col.change"), t("col.by_affiliate"))
        return Table(columns, (0.22, 0.13, 0.12, 0.53), tuple(rows), size=7.5)

    def figure(self, measure: MeasureView, value: int) -> str:
        if measure.kind == "money":
            return f"{value:,}원" if self.t.lang == "ko" else f"KRW {value:,}"
        return f"{value:,}%" if measure.measure == "answer-rate" else f"{value:,}"

    # -- 3. measures taken ----------------------------------------------------------------
    def measures(self) -> list[Block]:
        t, f, s = self.t, self.f, self.s
        since = facts.decisions_since(s, self.meta.period_from)
        out: list[Block] = [self.heading(3), Para("□ " + t("measures.decisions", n=len(since)), "item")]
        for d in since[-BODY_DECISIONS:]:
            word = f" {t('withdrawn_mark')}" if d.withdrawn else ""
            amended = f" ({t('amended_mark')})" if d.amendments and not d.withdrawn else ""
            out.append(Para(f"○ {f.short_time(d.at)} {d.text}{word}{amended} — {t.text(d.decided_by_title)}", "sub"))
        if len(since) > BODY_DECISIONS:
            out.append(Para(t("more.annex", n=len(since) - BODY_DECISIONS, annex=2), "sub"))
        posted = facts.posted_notices(s)
        out.append(Para("□ " + t("measures.notices", n=len(posted)), "item"))
        for n in posted:
            channels = ", ".join(f"{t.enum('channel', ch)} {f.short_time(at)}" for ch, at in n.posts)
            out.append(Para(f"○ {self.name(n.affiliate)}: {n.title} ({channels})", "sub"))
        out.append(Para("□ " + t("measures.duties"), "item"))
        out += [Para(f"○ {line}", "sub") for line in self.duty_lines()] or [Para(t("none"), "sub")]
        return out

    def duty_lines(self) -> list[str]:
        """One line per filer: what it filed (with the receipt number), what is past its deadline and
        the next report due; reports not yet started (e.g. after closure) are in annex 2."""
        t, f, now = self.t, self.f, self.s.now
        by_filer: dict[str, list[str]] = {}
        upcoming: dict[str, tuple[datetime, str]] = {}
        for d in self.s.duties:
            kind = t.enum("duty_kind", d.kind) + (f"({d.occurrence})" if d.occurrence > 1 else "")
            words = by_filer.setdefault(d.filer, [])
            if d.state == "submitted":
                words.append(t("duty.filed", kind=kind, time=f.short_time(d.submitted_at),
                               reference=d.reference or t("duty.no_reference")))
            elif d.state == "due" and d.deadline is not None:
                if d.deadline < now:
                    words.append(t("duty.due", kind=kind, left=f.left(d.deadline, now)))
                elif d.filer not in upcoming or d.deadline < upcoming[d.filer][0]:
                    upcoming[d.filer] = (d.deadline, kind)
        for filer, (deadline, kind) in upcoming.items():
            by_filer[filer].append(t("duty.due", kind=kind, left=f.left(deadline, now)))
        return [f"{self.name(filer)}: " + "; ".join(words) for filer, words in by_filer.items() if words]

    # -- 4. plan --------------------------------------------------------------------------
    def plan(self) -> list[Block]:
        t, f, s = self.t, self.f, self.s
        out: list[Block] = [self.heading(4), Para("□ " + t("plan.outlook"), "item")]
        by_horizon = {o.horizon: o for o in s.outlook if o.text}
        out += [Para(f"○ {t.enum('horizon', h)}: {by_horizon[h].text}", "sub") for h in HORIZONS
                if h in by_horizon] or [Para(t("plan.no_outlook"), "sub")]
        actions = facts.open_actions(s)
        out.append(Para("□ " + t("plan.actions", n=len(actions)), "item"))
        for a in actions[:BODY_ACTIONS]:
            late = f" ({f.left(a.deadline, s.now)})" if a.overdue else ""
            out.append(Para(f"○ {f.short_time(a.deadline)} {a.title} — {t.text(a.owner_title)}{late}", "sub"))
        if len(actions) > BODY_ACTIONS:
            out.append(Para(t("more.annex", n=len(actions) - BODY_ACTIONS, annex=2), "sub"))
        return out

    # -- 5. requests and decisions needed ---------------------------------------------------
    def requests(self) -> list[Block]:
        t, decide, ask = self.t, facts.decisions_needed(self.s), facts.requests(self.s)
        out: list[Block] = [self.heading(5), Para("□ " + t("requests.decide"), "item")]
        out += [Para("○ " + self.need_line(n), "sub") for n in decide] or [Para(t("none"), "sub")]
        out.append(Para("□ " + t("requests.ask"), "item"))
        out += [Para(f"○ ({t.enum('horizon', o.horizon)}) {o.needs}", "sub") for o in ask] \
            or [Para(t("none"), "sub")]
        return out

    # -- 6. next report, distribution, annexes ------------------------------------------------
    def next_report(self) -> list[Block]:
        t, f = self.t, self.f
        out: list[Block] = [self.heading(6)]
        out.append(Para("□ " + (t("next.due", time=f.time(self.meta.next_update)) if self.meta.next_update
                                else t("next.none")), "item"))
        out += [Para("□ " + t("brief.meeting_open", title=m.title, time=f.short_time(m.opened_at, self.s.now)),
                     "item") for m in self.s.meetings if m.closed_at is None]
        return out

    def closing(self) -> list[Block]:
        t = self.t
        recipients = ", ".join(t.text(x) for x in self.s.report_form.distribution) or t("distribution.none")
        annexes = [t("annex.line", n=n, title=t(key)) for n, key in
                   ((1, "annex.checklists"), (2, "annex.decisions"), (3, "annex.timeline"))]
        return [Para(f"{t('distribution')}: {recipients}", "annex"),
                Para(f"{t('annex')}  {annexes[0]}", "annex"),
                *(Para(line, "annex_more") for line in annexes[1:-1]),
                Para(f"{annexes[-1]}  {t('end')}", "annex_more")]
