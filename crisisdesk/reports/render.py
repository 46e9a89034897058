"""Render a report from a Situation: blocks, fingerprint, page furniture, PDF bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from crisisdesk.domain.read_models import Situation
from crisisdesk.domain.text import Text
from crisisdesk.reports import blocks as content
from crisisdesk.reports import layout
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.executive_brief import ExecutiveBrief
from crisisdesk.reports.flow import Flow
from crisisdesk.reports.formatting import Formatter
from crisisdesk.reports.meta import SHORT, Progress, RenderedReport, ReportMeta
from crisisdesk.reports.paper_checklist import PaperChecklist
from crisisdesk.reports.situation_report import SituationReport


class BlockWriter(Protocol):
    """What a report kind's writer gives: its blocks."""

    def blocks(self) -> list[content.Block]: ...


WRITERS: dict[str, Callable[[Situation, ReportMeta], BlockWriter]] = {
    "situation": SituationReport, "brief": ExecutiveBrief, "paper": PaperChecklist}
CHAIR = "chair"


def report_blocks(situation: Situation, meta: ReportMeta) -> list[content.Block]:
    """The content of a report, before layout."""
    return WRITERS[meta.kind](situation, meta).blocks()


def identity(situation: Situation, meta: ReportMeta) -> content.Identity:
    """What the fingerprint covers besides the blocks: which report of which event, read where."""
    return {"kind": meta.kind, "lang": meta.lang, "event": situation.event.id, "number": meta.number,
            "as_of": situation.as_of_seq}


def render(situation: Situation, meta: ReportMeta, progress: Progress | None = None) -> RenderedReport:
    """The PDF of one report; `progress(done, total)` is called while pages are laid out."""
    blocks = report_blocks(situation, meta)
    digest = content.fingerprint(blocks, identity(situation, meta))
    t = Catalogue(meta.lang)
    f = Formatter(t, situation.event.timezone)
    flowables = Flow(layout.FRAME_WIDTH, layout.FRAME_HEIGHT, stamps(situation, meta, t, f)).flowables(blocks)
    label = report_label(situation, meta, t)
    furniture = layout.Furniture(
        confidential=t("confidential"),
        centre=f"{t.text(situation.event.group.name)} · {situation.event.title}",
        report=label, page_label=t("page", page="{page}", pages="{pages}"),
        fingerprint=t("fingerprint", value=digest[:SHORT]),
        as_of=t("as_of", time=f.time(situation.now), seq=situation.as_of_seq),
        qr=f"CRISISDESK|{meta.kind}|{situation.event.id[:8]}|{meta.number or '-'}|{digest}",
        watermark=t("draft") if meta.watermarked else "",
        checkpoint=t("checkpoint", value=meta.checkpoint) if meta.checkpoint else "",
        banner=t("drill.banner") if situation.event.drill else "")
    pdf, pages = layout.build(flowables, furniture, title=f"{label} — {situation.event.title}",
                              author=meta.prepared_by, subject=f"sha256:{digest}", progress=progress)
    return RenderedReport(pdf=pdf, fingerprint=digest, pages=pages, kind=meta.kind, lang=meta.lang,
                          number=meta.number, as_of=situation.as_of_seq,
                          table_rows=content.table_rows(blocks))


def report_label(situation: Situation, meta: ReportMeta, t: Catalogue) -> str:
    """The report's short name: its kind and number."""
    if meta.kind == "situation":
        return t("short.situation", number=meta.number) if meta.number else t("short.situation.unnumbered")
    if meta.kind == "brief":
        return t("short.brief.numbered", number=meta.number) if meta.number else t("short.brief")
    return t("short.paper")


def stamps(situation: Situation, meta: ReportMeta, t: Catalogue, f: Formatter) -> dict[str, str]:
    """The values of the slots: report status (with the issue), and the approval box's last step."""
    chair = t.text(situation.roles.get(CHAIR, Text.plain(CHAIR)))
    signer = t.text(situation.report_form.approval[-1].signer) if situation.report_form.approval else ""
    status = t(f"status.{meta.status}")
    if meta.issued_at:
        status += " · " + f"{f.time(meta.issued_at)} {meta.issued_by}".strip()
    if meta.approved_by:
        approved = t("approver", role=chair, name=meta.approved_by) + f" · {f.time(meta.approved_at)}"
    else:
        approved = t("approver.pending", role=chair)
    return {"status": status, "approved": approved,
            "approver": "\n".join(filter(None, (signer, meta.approved_by))),
            "approved_on": f.date(meta.approved_at)}
