"""Paper checklists for when the laptops are down: per affiliate, every item with a tick box,
the id to type it back in by, its owner and due time, room to write, and signature lines."""

from __future__ import annotations

from crisisdesk.domain.checklist import CLOSED_STATES
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.read_models import ItemView, Situation
from crisisdesk.domain.text import Text
from crisisdesk.reports import facts
from crisisdesk.reports.blocks import Block, Cell, Heading, Mark, Para, Signature, Table
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.formatting import Formatter
from crisisdesk.reports.meta import ReportMeta

ROW_HEIGHT = 22.0  # points: room for a hand-written note


class PaperChecklist:
    def __init__(self, situation: Situation, meta: ReportMeta):
        self.s, self.meta = situation, meta
        self.t = Catalogue(meta.lang)
        self.f = Formatter(self.t, situation.event.timezone)

    def sheets(self) -> list[tuple[Text, tuple[ItemView, ...]]]:
        """(whose, items) per sheet: the group desk's own items first, then each affiliate's."""
        group = [(self.s.event.group.name, self.s.group_items)] if self.s.group_items else []
        affiliates = [(d.tile.name, d.items) for d in self.s.affiliates]
        if self.meta.affiliate is None:
            return group + affiliates
        if self.meta.affiliate == GROUP_DESK:
            return group
        return [(d.tile.name, d.items) for d in self.s.affiliates if d.tile.affiliate == self.meta.affiliate]

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for index, (name, items) in enumerate(self.sheets()):
            out += self.sheet(name, items, new_page=index > 0)
        return out or [Para(self.t("none"), "muted")]

    def sheet(self, name: Text, items: tuple[ItemView, ...], new_page: bool) -> list[Block]:
        t, f, s, ev = self.t, self.f, self.s, self.s.event
        mode = t("paper.blank") if self.meta.blank else t("paper.current", time=f.time(s.now))
        out: list[Block] = [
            Heading(t("paper.heading", affiliate=t.text(name)), new_page=new_page),
            Para(f"{t.text(ev.group.name)} · {ev.title} · {t('paper.t0', time=f.time(ev.t0))}"),
            Para(f"{mode} · {t('paper.items', n=len(items))}", "muted"),
            Para(t("paper.instructions"), "small"),
        ]
        out.append(self.table(items) if items else Para(t("none"), "muted"))
        out.append(Signature((t("paper.sign.filled"), t("paper.sign.signature"), t("paper.sign.time"),
                              t("paper.sign.checked"), t("paper.sign.entered"))))
        return out

    def table(self, items: tuple[ItemView, ...]) -> Table:
        t, f, blank = self.t, self.f, self.meta.blank
        labels = facts.item_labels(items)
        rows: list[tuple[Cell, ...]] = []
        for i in items:
            done = not blank and i.state in CLOSED_STATES
            box = Mark(t("box.done") if done else t("box.empty"), bold=True)
            title = (t("critical_mark") + " " if i.critical else "") + t.text(i.title)
            row: list[Cell] = [box, Mark(labels[(i.checklist, i.item)], bold=True), title, t.text(i.owner_title),
                   f.short_time(i.due)]
            if not blank:
                state = t.enum("item", i.state)
                if i.updated_at:
                    state += f"\n{f.short_time(i.updated_at)}"
                row.append(Mark(state, "overdue" if i.overdue else ""))
            row.append("")
            rows.append(tuple(row))
        keys = ["col.tick", "col.id", "col.item", "col.owner", "col.due"]
        widths = [0.05, 0.18, 0.29, 0.12, 0.11]
        if not blank:
            keys.append("col.status")
            widths.append(0.10)
        keys.append("col.handwritten")
        widths.append(1.0 - sum(widths))
        return Table(tuple(t(k) for k in keys), tuple(widths), tuple(rows), size=8, min_row=ROW_HEIGHT)
