"""The executive brief: one page in large type for the chairman — the approval block and the
number of the situation report it summarises, level, elapsed time, the situation in three lines,
every affiliate hit, top risks, decisions needed, requests, the next meeting and report."""

from __future__ import annotations

from datetime import datetime

from crisisdesk.domain.read_models import DutyView
from crisisdesk.reports import facts
from crisisdesk.reports.blocks import Block, Heading, Kpis, OnePage, Para, Space
from crisisdesk.reports.writer import ReportWriter

DUTY_WINDOW_HOURS = 6


class ExecutiveBrief(ReportWriter):
    """Blocks of the one-page executive brief."""

    def blocks(self) -> list[Block]:
        t, f, s, ev = self.t, self.f, self.s, self.s.event
        mode = t("mode.drill" if ev.drill else "mode.real")
        number = (t("brief.number", number=self.meta.number) if self.meta.number else t("brief.unnumbered"))
        inner: list[Block] = [
            self.approval_box(t("title.brief")),
            Para(f"{number} · {t.text(ev.group.name)} · {ev.title} · {mode}", "lead"),
            Para(f"T0 {f.time(ev.t0)} · {t('brief.as_of', time=f.time(s.now))}", "muted"),
            self.figures(), Space(6),
            Heading(t("brief.situation"), 3), *(Para(line, "brief") for line in self.three_lines()),
            Heading(t("brief.hit"), 3), *self.listing(self.hit_lines()),
            Heading(t("brief.risks"), 3), *self.listing(self.risks()),
            Heading(t("brief.needed"), 3), *self.listing(self.needs()),
            Heading(t("brief.requests"), 3), *self.listing(self.requests()),
            Heading(t("brief.next"), 3), *(Para(line, "brief") for line in self.next_lines()),
        ]
        return [OnePage(tuple(inner))]

    def figures(self) -> Kpis:
        """Level, elapsed time, affiliates hit, and the recovery figure that is true for this event:
        critical services past RTO where the group must recover them, else the longest outage."""
        t, f, s, ev = self.t, self.f, self.s, self.s.event
        board = s.board
        clocked = [x for x in facts.hit_services(s) if x.rto_deadline is not None]
        if clocked:
            recovery = (t("kpi.past_rto"), str(board.past_rto), "red" if board.past_rto else "green")
        else:
            longest = facts.longest_outage(s)
            recovery = (t("kpi.outage"), f.duration(longest) if longest is not None else "—", "")
        return Kpis((
            (t("brief.level"), t.text(ev.level_title), facts.level_tone(ev.level_rank)),
            (t("brief.elapsed"), f.duration(ev.elapsed(s.now)), ""),
            (t("kpi.hit"), f"{board.hit_affiliates} / {len(board.tiles)}",
             "amber" if board.hit_affiliates else "green"),
            recovery,
        ), size=20)

    def listing(self, lines: list[str]) -> list[Block]:
        """Every line: the page shrinks to fit rather than cutting anything off."""
        if not lines:
            return [Para(self.t("none"), "brief")]
        return [Para(f"• {line}", "brief") for line in lines]

    def three_lines(self) -> list[str]:
        t, s = self.t, self.s
        board, totals = s.board, s.board.totals
        hit = facts.hit_services(s)
        if board.hit_affiliates:
            first = t("brief.line1", total=len(board.tiles), hit=board.hit_affiliates, services=len(hit),
                      critical=sum(1 for x in hit if x.critical), recovery=self.recovery_line())
        else:
            first = t("brief.line1.none", total=len(board.tiles))
        second = t("brief.line2", percent=self.f.percent(totals.ratio), closed=totals.closed,
                   total=totals.applicable, notices=len(facts.posted_notices(s)))
        outlook = facts.outlook_first(s)
        third = (t("brief.line3", horizon=t.enum("horizon", outlook.horizon), text=outlook.text) if outlook
                 else t("brief.line3.none", actions=len(facts.open_actions(s))))
        return [first, second, third]

    def hit_lines(self) -> list[str]:
        t = self.t
        lines: list[str] = []
        for tile in facts.hit_tiles(self.s):
            services = ", ".join(f"{t.text(x.name)} {t.enum('service', x.status)}"
                                 for x in tile.services if x.status in ("down", "degraded"))
            lines.append(t("brief.hit_line", name=t.text(tile.name), services=services))
        return lines

    def risks(self) -> list[str]:
        """Reporting deadlines first (missed, then within 6 h), then critical services past an RTO
        the group answers for, affiliates not reporting, and overdue critical items."""
        t, f, s, now = self.t, self.f, self.s, self.s.now
        pressing: dict[tuple[datetime, str, int], list[DutyView]] = {}  # a line per report and deadline, naming every filer
        for d in s.duties:
            if d.state == "due" and d.deadline is not None \
                    and (d.deadline - now).total_seconds() < DUTY_WINDOW_HOURS * 3600:
                pressing.setdefault((d.deadline, d.duty, d.occurrence), []).append(d)
        out: list[str] = []
        for (deadline, _, _), duties in sorted(pressing.items()):
            filers = ", ".join(self.name(d.filer) for d in duties)
            out.append(t("brief.risk.duty", to=f"{filers} → {t.text(duties[0].to)}",
                         title=t.text(duties[0].title), left=f.left(deadline, now)))
        past = sorted(((x.rto_deadline, x) for x in facts.hit_services(s)
                       if x.critical and x.past_rto(now) and x.rto_deadline is not None), key=lambda p: p[0])
        out += [t("brief.risk.past_rto", affiliate=self.name(x.affiliate), service=t.text(x.name),
                  span=f.duration(now - deadline)) for deadline, x in past]
        stale = [t.text(x.name) for x in facts.hit_tiles(s) if x.stale]
        if stale:
            out.append(t("brief.risk.stale", names=", ".join(stale)))
        overdue = s.board.totals.overdue_critical
        if overdue:
            out.append(t("brief.risk.overdue", n=overdue))
        return out

    def needs(self) -> list[str]:
        """What only the council can settle: blocked items and overdue actions."""
        return [self.need_line(need) for need in facts.decisions_needed(self.s)]

    def requests(self) -> list[str]:
        """The outlook's needs: support asked for, not decisions."""
        t = self.t
        return [t("brief.need.outlook", horizon=t.enum("horizon", o.horizon), text=o.needs)
                for o in facts.requests(self.s)]

    def next_lines(self) -> list[str]:
        t, f = self.t, self.f
        lines = [t("brief.meeting_open", title=m.title, time=f.short_time(m.opened_at, self.s.now))
                 for m in self.s.meetings if m.closed_at is None]
        lines.append(t("brief.next_update", time=f.time(self.meta.next_update)) if self.meta.next_update
                     else t("brief.no_next"))
        if self.s.alerts:
            latest = {a.issuer: a for a in self.s.alerts}  # alerts come in time order
            alerts = ", ".join(f"{a.issuer} {a.level}" for a in latest.values())
            lines.append(t("brief.alerts", alerts=alerts))
        return lines
