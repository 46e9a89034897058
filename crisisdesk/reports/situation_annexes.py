"""The situation report's annexes (붙임): 1. each affiliate's services, impact answers and full
checklist; 2. every council decision, action and reporting duty; 3. the timeline."""

from __future__ import annotations

from crisisdesk.domain.checklist import Check
from crisisdesk.domain.read_models import (
    AffiliateDetail,
    AffiliateTile,
    AnswerView,
    DecisionView,
    ItemView,
    ServiceView,
)
from crisisdesk.reports.blocks import Block, Cell, Fields, Heading, Mark, Para, Table
from crisisdesk.reports.writer import ReportWriter

STATE_TONES: dict[str, str] = {Check.DONE: "green", Check.NA: "muted", Check.BLOCKED: "red", Check.DOING: "yellow"}


class SituationAnnexes(ReportWriter):
    """Blocks of the three annexes, each starting on a new page."""

    def annexes(self) -> list[Block]:
        t = self.t
        out: list[Block] = [Heading(t("annex.heading", n=1, title=t("annex.checklists")), new_page=True)]
        if self.s.group_items:
            out += [Heading(t("sec.group_items"), 2), *self.checklists(self.s.group_items)]
        for detail in self.s.affiliates:
            out += self.affiliate(detail)
        out += [Heading(t("annex.heading", n=2, title=t("annex.decisions")), new_page=True),
                Heading(t("sec.all_decisions"), 2), self.decision_table(list(self.s.decisions)),
                Heading(t("sec.all_actions"), 2), self.action_table(),
                Heading(t("sec.duties"), 2), self.duty_table()]
        out += [Heading(t("annex.heading", n=3, title=t("annex.timeline")), new_page=True),
                self.timeline_table()]
        return out

    # -- annex 1: per affiliate ----------------------------------------------------------
    def affiliate(self, detail: AffiliateDetail) -> list[Block]:
        t, f, tile = self.t, self.f, detail.tile
        p = tile.progress
        out: list[Block] = [
            Heading(t.text(tile.name), 2),
            Fields(((t("col.status"), Mark(t.enum("colour", tile.colour), tile.colour, True)),
                    (t("col.last_update"), self.last_update(tile)),
                    (t("col.progress"), t("progress_label", percent=f.percent(p.ratio), closed=p.closed,
                                          total=p.applicable)),
                    (t("col.overdue"), f"{p.overdue} ({t('critical')} {p.overdue_critical})")), size=8)]
        if tile.services:
            services = tuple((Mark(t.text(s.name) + (f" {t('critical_mark')}" if s.critical else ""), bold=True),
                          Mark(t.enum("service", s.status), "red" if s.status == "down" else "yellow"),
                          self.clock(s),
                          ", ".join(t.text(x) for x in s.providers) or "—",
                          ", ".join(t.text(x) for x in s.alternatives) or "—",
                          " ".join(filter(None, (s.note, s.confirmed_by and f"({s.confirmed_by})"))) or "—")
                         for s in tile.services)
            columns = tuple(t(k) for k in ("col.service", "col.status", "col.rto", "col.cause",
                                           "col.alternative", "col.note"))
            out.append(Table(columns, (0.20, 0.08, 0.15, 0.17, 0.20, 0.20), services, size=7.5))
        if detail.answers:
            answers = tuple((t.text(a.label), self.answer(a, tile), f"{f.short_time(a.at)} ({a.revisions})",
                             a.author) for a in detail.answers)
            columns = tuple(t(k) for k in ("col.question", "col.answer", "col.revised", "col.author"))
            out.append(Table(columns, (0.30, 0.42, 0.16, 0.12), answers, size=7.5))
        out += self.checklists(detail.items) if detail.items else [Para(t("none"), "muted")]
        return out

    def last_update(self, tile: AffiliateTile) -> Mark:
        t = self.t
        if tile.last_update is None:
            return Mark(t("never"), "muted")
        when = self.f.short_time(tile.last_update, self.s.now)
        ago = self.f.duration(self.s.now - tile.last_update)
        if tile.stale:
            return Mark(f"{when} ({t('stale', span=ago)})", "muted")
        return Mark(f"{when} ({t('ago', span=ago)})")

    def clock(self, service: ServiceView) -> Mark:
        """The RTO clock of a service the group must recover, else how long it has been out."""
        t, f, now = self.t, self.f, self.s.now
        closed = f"\n{t('closed_now')}" if service.open_now is False else ""
        if service.rto_deadline is not None:
            return Mark(f"{f.short_time(service.rto_deadline)}\n{f.left(service.rto_deadline, now)}{closed}",
                        "overdue" if service.past_rto(now) else "")
        outage = service.outage(now)
        return Mark((t("outage", span=f.duration(outage)) if outage is not None else "—") + closed)

    def answer(self, answer: AnswerView, tile: AffiliateTile) -> str:
        """An answer as displayed; a per-service answer with the services' names and words."""
        if answer.kind != "services" or not isinstance(answer.value, dict):
            return answer.display
        names = {s.service: self.t.text(s.name) for s in tile.services}
        lines: list[str] = []
        for service, value in answer.value.items():
            note = value.get("note", "") if isinstance(value, dict) else ""
            status = value.get("status", "") if isinstance(value, dict) else str(value)
            line = f"{names.get(service, service)}: {self.t.enum('service', status)}"
            lines.append(line + (f" ({note})" if note else ""))
        return "\n".join(lines)

    def checklists(self, items: tuple[ItemView, ...]) -> list[Block]:
        """One table per checklist, under its title; items numbered checklist-item (1-1, 1-2 …)."""
        groups: dict[str, list[ItemView]] = {}
        for i in items:
            groups.setdefault(i.checklist, []).append(i)
        out: list[Block] = []
        for n, group in enumerate(groups.values(), start=1):
            out += [Para(f"{n}. {self.t.text(group[0].checklist_title)}", "small_bold"),
                    self.checklist_table(group, n)]
        return out

    def checklist_table(self, items: list[ItemView], n: int) -> Table:
        """Every item by its title, state, owner, due time and notes."""
        t, f = self.t, self.f
        rows: list[tuple[Cell, ...]] = []
        tones: list[str] = []
        for number, i in enumerate(items, start=1):
            notes = [i.note, i.reason and t("reason", text=i.reason), i.evidence and t("evidence", text=i.evidence),
                     i.assignee and t("assignee", name=i.assignee),
                     t("updated_by", time=f.short_time(i.updated_at), name=i.updated_by) if i.updated_at else ""]
            state = t.enum("item", i.state) + (f"\n{t('overdue')}" if i.overdue else "")
            rows.append((f"{n}-{number}", (t("critical_mark") + " " if i.critical else "") + t.text(i.title),
                         Mark(state, STATE_TONES.get(i.state, ""), i.overdue),
                         t.text(i.owner_title), f.short_time(i.due), "\n".join(filter(None, notes))))
            tones.append("overdue" if i.overdue else "")
        columns = tuple(t(k) for k in ("col.no", "col.item", "col.status", "col.owner", "col.due", "col.note"))
        return Table(columns, (0.06, 0.34, 0.09, 0.15, 0.10, 0.26), tuple(rows), tuple(tones), size=7.5)

    # -- annex 2: decisions, actions, duties ---------------------------------------------
    def decision_rows(self, decisions: list[DecisionView]) -> list[tuple[Cell, ...]]:
        t, f = self.t, self.f
        rows: list[tuple[Cell, ...]] = []
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
        return Table(columns, (0.12, 0.42, 0.30, 0.16), tuple(self.decision_rows(decisions)), size=7.5)

    def action_table(self) -> Block:
        t, f = self.t, self.f
        actions = sorted(self.s.actions, key=lambda a: (a.deadline, a.title))
        if not actions:
            return Para(t("none"), "muted")
        rows = tuple((Mark(f"{f.short_time(a.deadline)}\n{f.left(a.deadline, self.s.now)}"
                           if a.state in ("open", "doing") else f.short_time(a.deadline),
                           "overdue" if a.overdue else "", a.overdue),
                      a.title, t.text(a.owner_title), t.enum("action", a.state), a.note or "—")
                     for a in actions)
        columns = tuple(t(k) for k in ("col.deadline", "col.action", "col.owner", "col.status", "col.note"))
        return Table(columns, (0.16, 0.36, 0.18, 0.10, 0.20), rows, size=7.5)

    def duty_table(self) -> Block:
        t, f, now = self.t, self.f, self.s.now
        if not self.s.duties:
            return Para(t("none"), "muted")
        rows = []
        for d in self.s.duties:
            if d.state == "submitted":
                ref = t("submitted", time=f.short_time(d.submitted_at), reference=d.reference).strip()
            else:
                ref = d.reason or (f.left(d.deadline, now) if d.state == "due" and d.deadline else "—")
            if d.deadline is not None:
                deadline = f.short_time(d.deadline)
            else:  # a span after a start not yet reached (closure)
                deadline = t("after_closure", span=f.duration(d.due)) if d.due is not None else "—"
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
        return Table(columns, (0.14, 0.09, 0.33, 0.14, 0.10, 0.20), tuple(rows), size=7.5)

    # -- annex 3: timeline ----------------------------------------------------------------
    def timeline_table(self) -> Block:
        t, f = self.t, self.f
        rows = tuple((f.short_time(e.at), t.enum("kind", e.kind.split(".")[0]), t.text(e.summary), e.author)
                     for e in self.s.timeline)
        columns = (t("col.time"), t("col.kind"), t("col.entry"), t("col.author"))
        return (Table(columns, (0.11, 0.09, 0.64, 0.16), rows, size=7.5) if rows
                else Para(t("none"), "muted"))
