"""The situation report (상황보고서): ICS-209 style cover, summary, group-wide sections,
one section per affiliate, and annexes (all decisions, timeline)."""

from __future__ import annotations

from crisisdesk.domain.checklist import Check
from crisisdesk.domain.read_models import AffiliateDetail, DecisionView
from crisisdesk.reports import facts
from crisisdesk.reports.blocks import (
    Bar,
    Block,
    Fields,
    Heading,
    Kpis,
    Mark,
    Para,
    Slot,
    Space,
    Table,
)
from crisisdesk.reports.writer import ReportWriter

HORIZONS = ("12h", "24h", "48h", "72h")
STATE_TONES = {Check.DONE: "green", Check.NA: "muted", Check.BLOCKED: "red", Check.DOING: "yellow"}


class SituationReport(ReportWriter):
    """Blocks of one situation report."""

    def blocks(self) -> list[Block]:
        out: list[Block] = [Para(self.t("title.situation"), "title"), *self.cover(), *self.summary(),
                            *self.affiliate_table(), *self.impact(), *self.decisions(), *self.actions(),
                            *self.outlook(), *self.notices(), *self.duties(), *self.alerts(),
                            *self.group_items()]
        for detail in self.s.affiliates:
            out += self.affiliate(detail)
        out += self.annex_decisions()
        out += self.annex_timeline()
        return out

    # -- cover and summary ---------------------------------------------------------
    def cover(self) -> list[Block]:
        t, f, s, m, ev = self.t, self.f, self.s, self.meta, self.s.event
        designation = t(f"designation.{m.designation}") if m.designation else ""
        number = t("number", number=m.number, designation=designation) if m.number else t("number.none")
        start = m.period_from or ev.t0
        pairs = (
            (t("cover.group"), t.text(ev.group_name)), (t("cover.event"), ev.title),
            (t("cover.mode"), t("mode.drill" if ev.drill else "mode.real")),
            (t("cover.level"), Mark(t.text(ev.level_title), facts.level_tone(ev.level_rank), True)),
            (t("cover.t0"), f.time(ev.t0)), (t("cover.elapsed"), f.duration(ev.elapsed(s.now))),
            (t("cover.number"), number),
            (t("cover.period"), t("period", start=f.time(start), end=f.time(s.now))),
            (t("cover.prepared"), m.prepared_by or "—"), (t("cover.desk"), m.desk or "—"),
            (t("cover.approved"), Slot("approved")), (t("cover.issued"), Slot("issued")),
            (t("cover.next"), f.time(m.next_update)), (t("cover.status"), Slot("status")),
            (t("cover.playbook"), t("playbook", title=t.text(ev.playbook_title),
                                    version=ev.playbook_version)),
            (t("cover.event_status"), t(f"event.{ev.status}")),
        )
        return [Fields(pairs)]

    def summary(self) -> list[Block]:
        t, s = self.t, self.s
        totals, board = s.board.totals, s.board
        hit = facts.hit_services(s)
        open_actions = facts.open_actions(s)
        overdue_critical = totals.overdue_critical
        kpis = Kpis((
            (t("kpi.hit"), f"{board.hit_affiliates} / {len(board.tiles)}",
             "amber" if board.hit_affiliates else "green"),
            (t("kpi.past_rto"), str(board.past_rto), "red" if board.past_rto else "green"),
            (t("kpi.progress"), self.f.percent(totals.ratio), ""),
            (t("kpi.overdue_critical"), str(overdue_critical), "amber" if overdue_critical else "green"),
            (t("kpi.open_actions"), str(len(open_actions)), ""),
        ))
        line = t("summary.services", hit=len(hit), critical=sum(1 for x in hit if x.critical),
                 overdue=totals.overdue, notices=len(facts.posted_notices(s)))
        out: list[Block] = [Heading(t("sec.summary")), kpis, Space(4), Para(line)]
        if not board.hit_affiliates:
            out.append(Para(t("summary.no_hit")))
        return out

    def affiliate_table(self) -> list[Block]:
        t, f = self.t, self.f
        rows = []
        for tile in self.s.board.tiles:
            down = []
            for svc in tile.services:
                alt = ", ".join(t.text(a) for a in svc.alternatives)
                text = f"{t.text(svc.name)}: {t.enum('service', svc.status)}"
                down.append(text + (f" ({alt})" if alt else ""))
            p = tile.progress
            overdue = f"{p.overdue}" + (f" ({t('critical')} {p.overdue_critical})" if p.overdue_critical else "")
            rows.append((
                Mark(t.text(tile.name), bold=True), Mark(t.enum("colour", tile.colour), tile.colour, True),
                "\n".join(down) or "—",
                Bar(p.ratio, t("progress_label", percent=f.percent(p.ratio), closed=p.closed,
                                total=p.applicable), tile.colour),
                Mark(overdue, "overdue" if p.overdue else ""), self.last_update(tile)))
        columns = tuple(t(k) for k in ("col.affiliate", "col.status", "col.services_down", "col.progress",
                                       "col.overdue", "col.last_update"))
        return [Heading(t("sec.affiliates")),
                Table(columns, (0.15, 0.08, 0.34, 0.19, 0.09, 0.15), tuple(rows))]

    def impact(self) -> list[Block]:
        """Customer-impact figures per affiliate, the group's totals and the change since the
        last issued report."""
        t = self.t
        measures = [m for m in self.s.board.measures if m.values]
        if not measures:
            return []
        rows = []
        for m in measures:
            values = ", ".join(f"{self.name(a)} {self.figure(m, v)}" for a, v in m.values)
            total = self.figure(m, m.total) if m.total is not None else "—"
            change = f"{m.change:+,}" if m.change is not None else "—"
            rows.append((Mark(t.text(m.label), bold=True), values, Mark(total, bold=True), change))
        columns = (t("col.figure"), t("col.affiliate"), t("col.group_total"), t("col.change"))
        return [Heading(t("sec.impact")), Table(columns, (0.20, 0.50, 0.15, 0.15), tuple(rows))]

    def figure(self, measure, value: int) -> str:
        if measure.kind == "money":
            return f"{value:,}원" if self.t.lang == "ko" else f"KRW {value:,}"
        return f"{value:,}%" if measure.measure == "answer-rate" else f"{value:,}"

    def group_items(self) -> list[Block]:
        items = self.s.group_items
        if not items:
            return []
        return [Heading(self.t("sec.group_items")), self.checklist_table(items)]

    def last_update(self, tile) -> Mark:
        t = self.t
        if tile.last_update is None:
            return Mark(t("never"), "muted")
        when = self.f.short_time(tile.last_update, self.s.now)
        ago = self.f.duration(self.s.now - tile.last_update)
        if tile.stale:
            return Mark(f"{when}\n{t('stale', span=ago)}", "muted")
        return Mark(f"{when}\n{t('ago', span=ago)}")

    # -- group-wide sections -----------------------------------------------------
    def decision_rows(self, decisions: list[DecisionView]) -> list[tuple]:
        t, f = self.t, self.f
        rows = []
        for d in decisions:
            affiliates = ", ".join(self.name(a) for a in d.affiliates)
            text = d.text + (f"\n[{affiliates}]" if affiliates else "")
            if d.withdrawn:
                text += " " + t("withdrawn_mark")
            rows.append((f.short_time(d.at), Mark(text, bold=True), d.rationale or "—",
                         t.text(d.decided_by_title)))
            for a in d.amendments:
                word = t("withdraw" if a.action == "withdraw" else "amend")
                rows.append((f.short_time(a.at), f"{word}: {a.text}" if a.text else word,
                             a.rationale or "—", t.text(a.decided_by_title)))
        return rows

    def decision_table(self, decisions: list[DecisionView]) -> Block:
        t = self.t
        if not decisions:
            return Para(t("none"), "muted")
        columns = (t("col.time"), t("col.decision"), t("col.rationale"), t("col.decided_by"))
        return Table(columns, (0.12, 0.42, 0.30, 0.16), tuple(self.decision_rows(decisions)))

    def decisions(self) -> list[Block]:
        since = facts.decisions_since(self.s, self.meta.period_from)
        return [Heading(self.t("sec.decisions")), self.decision_table(since)]

    def actions(self) -> list[Block]:
        t, f = self.t, self.f
        found = facts.open_actions(self.s)
        if not found:
            return [Heading(t("sec.actions")), Para(t("none"), "muted")]
        rows = tuple((Mark(f"{f.short_time(a.deadline)}\n{f.left(a.deadline, self.s.now)}",
                           "overdue" if a.overdue else "", a.overdue),
                      a.title, t.text(a.owner_title), t.enum("action", a.state), a.note or "—")
                     for a in found)
        columns = tuple(t(k) for k in ("col.deadline", "col.action", "col.owner", "col.status", "col.note"))
        return [Heading(t("sec.actions")), Table(columns, (0.16, 0.36, 0.18, 0.10, 0.20), rows)]

    def outlook(self) -> list[Block]:
        t, f = self.t, self.f
        by_horizon = {o.horizon: o for o in self.s.outlook}
        rows = []
        for horizon in HORIZONS:
            o = by_horizon.get(horizon)
            rows.append((Mark(t.enum("horizon", horizon), bold=True), o.text if o and o.text else "—",
                         o.needs if o and o.needs else "—", f.short_time(o.at) if o else "—"))
        columns = tuple(t(k) for k in ("col.horizon", "col.outlook", "col.needs", "col.updated"))
        return [Heading(t("sec.outlook")), Table(columns, (0.10, 0.45, 0.33, 0.12), tuple(rows))]

    def notices(self) -> list[Block]:
        t, f = self.t, self.f
        posted = facts.posted_notices(self.s)
        if not posted:
            return [Heading(t("sec.notices")), Para(t("none"), "muted")]
        rows = tuple((self.name(n.affiliate),
                      "\n".join(f"{t.enum('channel', ch)} {f.short_time(at)}" for ch, at in n.posts),
                      Mark(n.title, bold=True) if not n.body else f"{n.title}\n{n.body}")
                     for n in posted)
        columns = (t("col.affiliate"), t("col.channel"), t("col.notice"))
        return [Heading(t("sec.notices")), Table(columns, (0.15, 0.17, 0.68), rows)]

    def duties(self) -> list[Block]:
        t, f, now = self.t, self.f, self.s.now
        if not self.s.duties:
            return [Heading(t("sec.duties")), Para(t("none"), "muted")]
        rows = []
        for d in self.s.duties:
            if d.state == "submitted":
                ref = t("submitted", time=f.short_time(d.submitted_at), reference=d.reference).strip()
            else:
                ref = d.reason or (f.left(d.deadline, now) if d.state == "due" and d.deadline else "—")
            deadline = (f.short_time(d.deadline) if d.deadline is not None
                         else t("after_closure", span=f.duration(d.due)))
            if d.target is not None:
                deadline += "\n" + t("duty_target", time=f.short_time(d.target),
                                      missed=t("target_missed") if d.target_missed(now) else "")
            title = t.text(d.title) + (f" ({d.occurrence})" if d.occurrence > 1 else "")
            rows.append((self.name(d.filer), t.enum("duty_kind", d.kind), f"{t.text(d.to)}\n{title}",
                         f"{deadline}\n{t.enum('basis', d.basis)}",
                         Mark(t.enum("duty", d.state), "overdue" if d.overdue else
                              "green" if d.state == "submitted" else "", d.overdue), ref))
        columns = tuple(t(k) for k in ("col.filer", "col.report_kind", "col.report", "col.deadline",
                                       "col.status", "col.reference"))
        return [Heading(t("sec.duties")),
                Table(columns, (0.14, 0.09, 0.33, 0.14, 0.10, 0.20), tuple(rows))]

    def alerts(self) -> list[Block]:
        t, f, ev = self.t, self.f, self.s.event
        rows = [(Mark(t("group_level"), bold=True),
                 Mark(t.text(ev.level_title), facts.level_tone(ev.level_rank), True), "—", "")]
        rows += [(a.issuer, a.level, f.short_time(a.at), a.note or "") for a in self.s.alerts]
        columns = (t("col.issuer"), t("col.level"), t("col.time"), t("col.note"))
        return [Heading(t("sec.alerts")), Table(columns, (0.25, 0.15, 0.15, 0.45), tuple(rows))]

    # -- per affiliate -------------------------------------------------------------
    def affiliate(self, detail: AffiliateDetail) -> list[Block]:
        t, f, tile = self.t, self.f, detail.tile
        p = tile.progress
        out: list[Block] = [
            Heading(t("sec.affiliate", name=t.text(tile.name)), new_page=True),
            Fields(((t("col.status"), Mark(t.enum("colour", tile.colour), tile.colour, True)),
                    (t("col.last_update"), self.last_update(tile)),
                    (t("col.progress"), t("progress_label", percent=f.percent(p.ratio), closed=p.closed,
                                          total=p.applicable)),
                    (t("col.overdue"), f"{p.overdue} ({t('critical')} {p.overdue_critical})")), size=8.5),
            Heading(t("sec.services"), 2)]
        if tile.services:
            rows = tuple((Mark(t.text(s.name) + (f" {t('critical_mark')}" if s.critical else ""), bold=True),
                          Mark(t.enum("service", s.status), "red" if s.status == "down" else "yellow"),
                          self.clock(s),
                          ", ".join(t.text(x) for x in s.providers) or "—",
                          ", ".join(t.text(x) for x in s.alternatives) or "—",
                          " ".join(filter(None, (s.note, s.confirmed_by and f"({s.confirmed_by})"))) or "—")
                         for s in tile.services)
            columns = tuple(t(k) for k in ("col.service", "col.status", "col.rto", "col.cause",
                                           "col.alternative", "col.note"))
            out.append(Table(columns, (0.20, 0.08, 0.15, 0.17, 0.20, 0.20), rows))
        else:
            out.append(Para(t("none"), "muted"))
        out.append(Heading(t("sec.answers"), 2))
        if detail.answers:
            rows = tuple((t.text(a.label), self.answer(a, tile), f"{f.short_time(a.at)} ({a.revisions})",
                          a.author) for a in detail.answers)
            columns = tuple(t(k) for k in ("col.question", "col.answer", "col.revised", "col.author"))
            out.append(Table(columns, (0.30, 0.42, 0.16, 0.12), rows))
        else:
            out.append(Para(t("none"), "muted"))
        out.append(Heading(t("sec.checklist"), 2))
        out.append(self.checklist(detail) if detail.items else Para(t("none"), "muted"))
        return out

    def clock(self, service) -> Mark:
        """The RTO clock of a service the group must recover, else how long it has been out."""
        t, f, now = self.t, self.f, self.s.now
        closed = f"\n{t('closed_now')}" if service.open_now is False else ""
        if service.rto_deadline is not None:
            return Mark(f"{f.short_time(service.rto_deadline)}\n{f.left(service.rto_deadline, now)}{closed}",
                        "overdue" if service.past_rto(now) else "")
        outage = service.outage(now)
        return Mark((t("outage", span=f.duration(outage)) if outage is not None else "—") + closed)

    def answer(self, answer, tile) -> str:
        """An answer as displayed; a per-service answer with the services' names and words."""
        if answer.kind != "services" or not isinstance(answer.value, dict):
            return answer.display
        names = {s.service: self.t.text(s.name) for s in tile.services}
        lines = []
        for service, value in answer.value.items():
            note = value.get("note", "") if isinstance(value, dict) else ""
            status = value.get("status", "") if isinstance(value, dict) else str(value)
            line = f"{names.get(service, service)}: {self.t.enum('service', status)}"
            lines.append(line + (f" ({note})" if note else ""))
        return "\n".join(lines)

    def checklist(self, detail: AffiliateDetail) -> Table:
        return self.checklist_table(detail.items)

    def checklist_table(self, items) -> Table:
        t, f = self.t, self.f
        labels = facts.item_labels(items)
        rows, tones = [], []
        for i in items:
            notes = [i.note, i.reason and t("reason", text=i.reason), i.evidence and t("evidence", text=i.evidence),
                     i.assignee and t("assignee", name=i.assignee),
                     i.updated_at and t("updated_by", time=f.short_time(i.updated_at), name=i.updated_by)]
            state = t.enum("item", i.state) + (f"\n{t('overdue')}" if i.overdue else "")
            rows.append(((t("critical_mark") + " " if i.critical else "") + labels[(i.checklist, i.item)],
                         t.text(i.title), Mark(state, STATE_TONES.get(i.state, ""), i.overdue),
                         t.text(i.owner_title), f.short_time(i.due), "\n".join(filter(None, notes)) or ""))
            tones.append("overdue" if i.overdue else "")
        columns = tuple(t(k) for k in ("col.id", "col.item", "col.status", "col.owner", "col.due", "col.note"))
        return Table(columns, (0.17, 0.29, 0.09, 0.13, 0.10, 0.22), tuple(rows), tuple(tones), size=7.5)

    # -- annexes ---------------------------------------------------------------------
    def annex_decisions(self) -> list[Block]:
        return [Heading(self.t("sec.annex_decisions"), new_page=True),
                self.decision_table(list(self.s.decisions))]

    def annex_timeline(self) -> list[Block]:
        t, f = self.t, self.f
        rows = tuple((f.short_time(e.at), f"#{e.seq}", t.enum("kind", e.kind.split(".")[0]),
                      t.text(e.summary), e.author) for e in self.s.timeline)
        columns = (t("col.time"), "#", t("col.kind"), t("col.entry"), t("col.author"))
        return [Heading(t("sec.annex_timeline"), new_page=True),
                Table(columns, (0.11, 0.06, 0.09, 0.60, 0.14), rows, size=7.5) if rows
                else Para(t("none"), "muted")]
