"""The executive brief: one page in large type for the chairman — level, elapsed time,
the situation in three lines, affiliates hit, top risks, decisions needed, next meeting."""

from __future__ import annotations

from crisisdesk.domain.checklist import Check
from crisisdesk.reports import facts
from crisisdesk.reports.blocks import Block, Heading, Kpis, OnePage, Para, Space
from crisisdesk.reports.writer import ReportWriter

MAX_HIT = 7
MAX_LINES = 5
DUTY_WINDOW_HOURS = 6


class ExecutiveBrief(ReportWriter):
    """Blocks of the one-page executive brief."""

    def blocks(self) -> list[Block]:
        t, f, s, ev = self.t, self.f, self.s, self.s.event
        board = s.board
        figures = Kpis((
            (t("brief.level"), t.text(ev.level_title), facts.level_tone(ev.level_rank)),
            (t("brief.elapsed"), f.duration(ev.elapsed(s.now)), ""),
            (t("kpi.hit"), f"{board.hit_affiliates} / {len(board.tiles)}",
             "amber" if board.hit_affiliates else "green"),
            (t("kpi.past_rto"), str(board.past_rto), "red" if board.past_rto else "green"),
        ), size=22)
        mode = t("mode.drill" if ev.drill else "mode.real")
        inner: list[Block] = [
            Para(t("title.brief"), "title"),
            Para(f"{t.text(ev.group_name)} · {ev.title} · {mode} · T0 {f.time(ev.t0)}", "lead"),
            figures, Space(6),
            Heading(t("brief.situation"), 3), *(Para(line, "brief") for line in self.three_lines()),
            Heading(t("brief.hit"), 3), *self.listing(self.hit_lines(), MAX_HIT, "more.affiliates"),
            Heading(t("brief.risks"), 3), *self.listing(self.risks()),
            Heading(t("brief.needed"), 3), *self.listing(self.needs()),
            Heading(t("brief.next"), 3), *(Para(line, "brief") for line in self.next_lines()),
        ]
        return [OnePage(tuple(inner))]

    def listing(self, lines: list[str], limit: int = MAX_LINES, more: str = "more") -> list[Block]:
        if not lines:
            return [Para(self.t("none"), "brief")]
        shown = [Para(f"• {line}", "brief") for line in lines[:limit]]
        if len(lines) > limit:
            shown.append(Para(self.t(more, n=len(lines) - limit), "muted"))
        return shown

    def three_lines(self) -> list[str]:
        t, s = self.t, self.s
        board, totals = s.board, s.board.totals
        hit = facts.hit_services(s)
        if board.hit_affiliates:
            first = t("brief.line1", total=len(board.tiles), hit=board.hit_affiliates, services=len(hit),
                      critical=sum(1 for x in hit if x.critical), past=board.past_rto)
        else:
            first = t("brief.line1.none", total=len(board.tiles))
        second = t("brief.line2", percent=self.f.percent(totals.ratio), closed=totals.closed,
                   total=totals.applicable, overdue=totals.overdue, critical=totals.overdue_critical,
                   notices=len(facts.posted_notices(s)))
        outlook = facts.outlook_first(s)
        third = (t("brief.line3", horizon=outlook.horizon, text=outlook.text) if outlook
                 else t("brief.line3.none", actions=len(facts.open_actions(s))))
        return [first, second, third]

    def hit_lines(self) -> list[str]:
        t, lines = self.t, []
        for tile in facts.hit_tiles(self.s):
            services = ", ".join(f"{t.text(x.name)} {t.enum('service', x.status)}"
                                 for x in tile.services if x.status in ("down", "degraded"))
            lines.append(t("brief.hit_line", name=t.text(tile.name), services=services))
        return lines

    def risks(self) -> list[str]:
        t, f, s, now = self.t, self.f, self.s, self.s.now
        past = sorted((x for x in facts.hit_services(s) if x.critical and x.past_rto(now)),
                      key=lambda x: x.rto_deadline)
        out = [t("brief.risk.past_rto", affiliate=self.name(x.affiliate), service=t.text(x.name),
                 span=f.duration(now - x.rto_deadline)) for x in past]
        pressing: dict[tuple, list] = {}  # one line per report and deadline, naming its filers
        for d in s.duties:
            if d.state == "due" and d.deadline is not None \
                    and (d.deadline - now).total_seconds() < DUTY_WINDOW_HOURS * 3600:
                pressing.setdefault((d.deadline, d.duty, d.occurrence), []).append(d)
        for (deadline, _, _), duties in sorted(pressing.items()):
            filers = [self.name(d.filer) for d in duties]
            shown = ", ".join(filers[:3]) + (" " + t("more.affiliates", n=len(filers) - 3) if len(filers) > 3 else "")
            out.append(t("brief.risk.duty", to=f"{shown} → {t.text(duties[0].to)}",
                         title=t.text(duties[0].title), left=f.left(deadline, now)))
        overdue = s.board.totals.overdue_critical
        if overdue:
            out.append(t("brief.risk.overdue", n=overdue))
        stale = [t.text(x.name) for x in facts.hit_tiles(s) if x.stale]
        if stale:
            out.append(t("brief.risk.stale", names=", ".join(stale)))
        return out

    def needs(self) -> list[str]:
        t, s = self.t, self.s
        out = [t("brief.need.outlook", horizon=o.horizon, text=o.needs) for o in s.outlook if o.needs]
        blocked = [i for d in s.affiliates for i in d.items if i.state == Check.BLOCKED]
        blocked.sort(key=lambda i: (not i.critical, i.due))
        out += [t("brief.need.blocked", affiliate=self.name(i.affiliate), item=t.text(i.title),
                  reason=i.reason) for i in blocked]
        out += [t("brief.need.action", title=a.title, owner=t.text(a.owner_title))
                for a in facts.open_actions(s) if a.overdue]
        return out

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
