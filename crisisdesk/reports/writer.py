"""What every report's writer starts from: the situation, texts in the report's language, times in
the group's time zone, the affiliates' names — and what the situation report and the brief both
print: the approval block (결재란) and the recovery line."""

from __future__ import annotations

from crisisdesk.domain.read_models import Situation
from crisisdesk.reports import facts
from crisisdesk.reports.blocks import ApprovalBox, Slot
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.formatting import Formatter
from crisisdesk.reports.meta import ReportMeta


class ReportWriter:
    def __init__(self, situation: Situation, meta: ReportMeta):
        self.s, self.meta = situation, meta
        self.t = Catalogue(meta.lang)
        self.f = Formatter(self.t, situation.event.timezone)
        self.names = facts.names(situation)

    def name(self, affiliate: str) -> str:
        return self.t.text(self.names[affiliate]) if affiliate in self.names else affiliate

    def approval_box(self, title: str) -> ApprovalBox:
        """`title` with the group file's approval steps beside it: the first is the drafter, the
        last the approval the register records (stamped at print time), the others signed by hand."""
        t, steps = self.t, self.s.report_form.approval
        boxes: list[tuple[str, str | Slot, str | Slot]] = []
        for index, step in enumerate(steps):
            if index == len(steps) - 1:
                boxes.append((t.text(step.title), Slot("approver"), Slot("approved_on")))
            elif index == 0 and self.meta.prepared_by:
                boxes.append((t.text(step.title), self.meta.prepared_by, self.f.date(self.s.now)))
            else:
                boxes.append((t.text(step.title), t.text(step.signer), ""))
        return ApprovalBox(title, t("approval.label"), tuple(boxes))

    def need_line(self, need: facts.Need) -> str:
        """A decision the chair is asked for: a blocked item with its reason, or an overdue action."""
        t = self.t
        if isinstance(need, facts.BlockedItem):
            return t("brief.need.blocked", affiliate=self.name(need.item.affiliate), item=t.text(need.item.title),
                     reason=need.item.reason)
        return t("brief.need.action", title=need.action.title, owner=t.text(need.action.owner_title))

    def recovery_line(self) -> str:
        """The recovery clock as the domain gives it: RTO breaches only for the group's own
        failures, outage durations for external and government ones."""
        t, f, now = self.t, self.f, self.s.now
        hit = facts.hit_services(self.s)
        clocked = [x for x in hit if x.rto_deadline is not None]
        parts: list[str] = []
        if clocked:
            parts.append(t("impact.rto", n=len(clocked), past=sum(1 for x in clocked if x.past_rto(now))))
        longest = facts.longest_outage(self.s)
        external = [x for x in hit if x.external]
        if external:
            parts.append(t("impact.external", n=len(external),
                           span=f.duration(longest) if longest is not None else "—"))
        return " · ".join(parts) or t("none")
