"""The after-action report (훈련 결과 보고서 for a drill, 사후 검토 보고서 for a real event): what
was measured against its targets, what missed and by how much, the findings and the corrective
actions with owners and due dates; and the year's drill register for the authorities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from crisisdesk.domain.after_action import AfterAction, CorrectiveAction, DrillRecord
from crisisdesk.domain.drill import format_offset
from crisisdesk.domain.text import Text
from crisisdesk.domain.timeline import affiliate_name
from crisisdesk.domain.timing import MET, MISSED, OPEN_LATE, Measured
from crisisdesk.reports import layout
from crisisdesk.reports.blocks import (
    Block,
    Cell,
    Fields,
    Heading,
    Identity,
    Kpis,
    Mark,
    Para,
    Signature,
    Space,
    Table,
    fingerprint,
)
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.flow import Flow
from crisisdesk.reports.formatting import Formatter
from crisisdesk.reports.meta import SHORT

LABELS: dict[str, tuple[str, str]] = {
    "title.drill": ("훈련 결과 보고서", "Drill Result Report"),
    "title.real": ("사후 검토 보고서", "After-Action Review"),
    "title.register": ("{year}년 모의훈련 실시 대장", "Drill Register {year}"),
    "event": ("사건", "Event"), "mode": ("구분", "Mode"), "t0": ("발령 시각(T0)", "T0"),
    "closed": ("종료 시각", "Closed"), "as_of": ("측정 기준 시각", "Measured as of"),
    "playbook": ("적용 매뉴얼", "Playbook"), "open": ("진행 중", "open"),
    "mode.drill": ("모의훈련(실제 상황 아님)", "Drill (not a real incident)"),
    "mode.real": ("실제 상황", "Real incident"),
    "kpi.measured": ("측정 목표", "Targets measured"), "kpi.missed": ("목표 미달", "Missed"),
    "kpi.injects": ("부여 상황", "Injects released"), "kpi.actions": ("미결 개선 조치", "Open corrective actions"),
    "summary": ("요약", "Summary"),
    "summary.line": ("측정한 목표 {measured}건 중 {missed}건이 미달했습니다(RTO {rto}건, 체크리스트 {items}건, "
                     "대외 보고 {duties}건, 상황 대응 {responses}건).",
                     "{missed} of {measured} targets measured were missed (RTO {rto}, checklist {items}, "
                     "reporting {duties}, inject responses {responses})."),
    "sec.rto": ("핵심 서비스 복구 시간(RTO)", "Service recovery against RTO"),
    "sec.rto.none": ("RTO 시계가 돈 서비스가 없습니다(자체·위탁 시스템 중단 없음).",
                     "No service ran a recovery clock (no own or outsourced system down)."),
    "sec.outages": ("외부 기관 장애(RTO 대상 아님, 장애 경과)", "Outside outages (no RTO; duration only)"),
    "sec.duties": ("대외 보고 기한", "Reporting deadlines"),
    "sec.items": ("체크리스트 기한 미달 항목", "Checklist items past their due time"),
    "sec.items.count": ("기한이 있는 항목 {measured}건 측정, {missed}건 미달, {pending}건 기한 전, {na}건 해당 없음.",
                        "{measured} items measured, {missed} missed, {pending} not yet due, {na} not applicable."),
    "sec.responses": ("훈련 상황 대응 시간", "Responses to injects"),
    "sec.findings": ("발견 사항", "Findings"), "sec.actions": ("개선 조치", "Corrective actions"),
    "sec.carried": ("이전 사건에서 이월된 미결 개선 조치", "Open corrective actions carried from earlier events"),
    "none": ("없음", "None"),
    "col.affiliate": ("계열사", "Affiliate"), "col.service": ("서비스", "Service"), "col.rto": ("RTO", "RTO"),
    "col.down": ("중단", "Down"), "col.recovered": ("복구", "Recovered"), "col.took": ("소요", "Took"),
    "col.result": ("결과", "Result"), "col.provider": ("기관", "Provider"), "col.start": ("시작", "Start"),
    "col.end": ("종료", "End"), "col.duration": ("경과", "Duration"), "col.filer": ("보고 주체", "Filer"),
    "col.duty": ("보고", "Report"), "col.deadline": ("기한", "Deadline"), "col.filed": ("제출", "Filed"),
    "col.target": ("그룹 목표", "Group target"), "col.item": ("항목", "Item"), "col.due": ("기한", "Due"),
    "col.done": ("완료", "Done"), "col.inject": ("상황", "Inject"), "col.released": ("부여", "Released"),
    "col.asked": ("요구 시한", "Asked by"), "col.first": ("첫 대응", "First response"),
    "col.title": ("조치", "Action"), "col.owner": ("담당", "Owner"), "col.state": ("상태", "State"),
    "col.event": ("발견 사건", "Found in"), "col.at": ("기록", "Recorded"), "col.text": ("내용", "Text"),
    "col.drill": ("훈련", "Drill"), "col.measured": ("측정", "Measured"), "col.missed": ("미달", "Missed"),
    "col.findings": ("발견", "Findings"), "col.actions": ("조치(미결)", "Actions (open)"),
    "col.affiliates": ("참여 계열사", "Affiliates"), "col.injects": ("상황", "Injects"),
    "result.met": ("충족", "met"), "result.missed": ("미달 +{by}", "missed +{by}"),
    "result.open-late": ("미완료 +{by}", "not done, +{by}"), "result.pending": ("기한 전", "not yet due"),
    "still_down": ("미복구", "not recovered"),
    "state.open": ("미착수", "open"), "state.doing": ("진행 중", "doing"), "state.done": ("완료", "done"),
    "state.dropped": ("취소", "dropped"), "overdue": (" (기한 경과)", " (overdue)"),
    "signature.prepared": ("작성: 그룹 위기관리 담당", "Prepared by: group crisis office"),
    "signature.approved": ("확인: 위원장(그룹 CRO)", "Approved by: chair (group CRO)"),
    "register.note": ("전자금융감독규정에 따른 연 1회 이상 비상대응 훈련 실시 내역(그룹 합동 훈련 포함).",
                      "Emergency drills held this year (at least one a year is required), group-wide drills included."),
    "register.none": ("이 해에 실시한 모의훈련이 없습니다.", "No drill was held this year."),
}
TONES = {MET: "green", MISSED: "red", OPEN_LATE: "red"}


@dataclass(frozen=True)
class RenderedDocument:
    """A written review or register: the file's bytes, its pages (sheets of a workbook)."""

    data: bytes
    pages: int
    fingerprint: str


class _Texts:
    def __init__(self, lang: str):
        self.lang, self.catalogue = lang, Catalogue(lang)
        self._index = 0 if lang == "ko" else 1

    def __call__(self, key: str, **values: object) -> str:
        text = LABELS[key][self._index]
        return text.format(**values) if values else text

    def text(self, value: Text) -> str:
        return value.get(self.lang)


def render_after_action(review: AfterAction, lang: str = "ko", prepared_by: str = "") -> RenderedDocument:
    """The PDF of an event's after-action review."""
    t = _Texts(lang)
    f = Formatter(t.catalogue, review.group.timezone)
    blocks = AfterActionWriter(review, t, f).blocks()
    title = t("title.drill" if review.drill else "title.real")
    identity = {"kind": "after-action", "lang": lang, "event": review.event_id, "as_of": review.as_of.isoformat()}
    return _build(blocks, identity, t, f, title=title, centre=f"{t.text(review.group.name)} · {review.title}",
                  banner=review.drill, as_of=review.as_of, author=prepared_by)


def render_register(records: list[DrillRecord], year: int, group_name: Text, timezone: str,
                    as_of: datetime, lang: str = "ko", prepared_by: str = "") -> RenderedDocument:
    """The PDF of the year's drill register."""
    t = _Texts(lang)
    f = Formatter(t.catalogue, timezone)
    rows = tuple((r.title, f.time(r.t0), f.time(r.closed_at) if r.closed_at else t("open"), r.playbook_title,
                  str(r.affiliates), str(r.injects_released), str(r.measured),
                  Mark(str(r.missed), "red" if r.missed else "green"), str(r.findings),
                  f"{r.actions} ({r.actions_open})") for r in records)
    blocks: list[Block] = [Para(t("title.register", year=year), "title"), Para(t.text(group_name), "lead"),
                           Para(t("register.note"), "small"), Space(6)]
    if rows:
        blocks.append(Table(tuple(t(c) for c in ("col.drill", "t0", "closed", "playbook", "col.affiliates",
                                                 "col.injects", "col.measured", "col.missed", "col.findings",
                                                 "col.actions")),
                            (0.16, 0.12, 0.12, 0.16, 0.07, 0.06, 0.07, 0.06, 0.07, 0.11), rows))
    else:
        blocks.append(Para(t("register.none")))
    blocks += [Space(18), Signature((t("signature.prepared"), t("signature.approved")))]
    identity: Identity = {"kind": "drill-register", "lang": lang, "year": year, "as_of": as_of.isoformat()}
    return _build(blocks, identity, t, f, title=t("title.register", year=year), centre=t.text(group_name),
                  banner=False, as_of=as_of, author=prepared_by)


def _build(blocks: list[Block], identity: Identity, t: _Texts, f: Formatter, *, title: str, centre: str,
           banner: bool, as_of: datetime, author: str) -> RenderedDocument:
    digest = fingerprint(blocks, identity)
    c = t.catalogue
    furniture = layout.Furniture(
        confidential=c("confidential"), centre=centre, report=title,
        page_label=c("page", page="{page}", pages="{pages}"), fingerprint=c("fingerprint", value=digest[:SHORT]),
        as_of=f"{t('as_of')} {f.time(as_of)}", qr=f"CRISISDESK|{identity['kind']}|{digest}",
        banner=c("drill.banner") if banner else "")
    flowables = Flow(layout.FRAME_WIDTH, layout.FRAME_HEIGHT, {}).flowables(blocks)
    pdf, pages = layout.build(flowables, furniture, title=title, author=author, subject=f"sha256:{digest}")
    return RenderedDocument(pdf, pages, digest)


class AfterActionWriter:
    """The blocks of one after-action report."""

    def __init__(self, review: AfterAction, t: _Texts, f: Formatter):
        self.r, self.t, self.f = review, t, f

    def result(self, measured: Measured) -> Mark:
        text = self.t(f"result.{measured.outcome}", by=self.f.duration(measured.late_by))
        return Mark(text, TONES.get(measured.outcome, ""), bold=measured.missed)

    def name(self, affiliate: str) -> str:
        return self.t.text(affiliate_name(self.r.group, affiliate))

    def blocks(self) -> list[Block]:
        r, t, f = self.r, self.t, self.f
        open_actions = sum(1 for a in (*r.actions, *r.carried) if not a.closed)
        blocks: list[Block] = [
            Para(t("title.drill" if r.drill else "title.real"), "title"),
            Fields(((t("event"), r.title), (t("mode"), t("mode.drill" if r.drill else "mode.real")),
                    (t("t0"), f.time(r.t0)), (t("closed"), f.time(r.closed_at) if r.closed_at else t("open")),
                    (t("as_of"), f.time(r.as_of)),
                    (t("playbook"), f"{t.text(r.playbook.title)} v{r.playbook.version}"))),
            Space(6),
            Kpis(((t("kpi.measured"), str(r.measured), ""),
                  (t("kpi.missed"), str(r.missed), "red" if r.missed else "green"),
                  *(((t("kpi.injects"), str(r.injects_released), "blue"),) if r.drill else ()),
                  (t("kpi.actions"), str(open_actions), "amber" if open_actions else "green"))),
            Heading(t("summary"), 2), Para(self.summary()),
        ]
        blocks += self.recoveries() + self.outages() + self.duties() + self.items()
        if r.drill:
            blocks += self.responses()
        blocks += self.findings() + self.actions()
        blocks += [Space(18), Signature((t("signature.prepared"), t("signature.approved")))]
        return blocks

    def summary(self) -> str:
        r = self.r

        def count(results: Iterable[Measured | None]) -> int:
            return sum(1 for m in results if m is not None and m.missed)

        return self.t("summary.line", measured=r.measured, missed=r.missed,
                      rto=count(x.result for x in r.recoveries), items=count(x.result for x in r.items),
                      duties=count([x.result for x in r.duties] + [x.target for x in r.duties]),
                      responses=count(x.result for x in r.responses))

    def recoveries(self) -> list[Block]:
        t, f = self.t, self.f
        if not self.r.recoveries:
            return [Heading(t("sec.rto"), 2), Para(t("sec.rto.none"), "muted")]
        services = {(a.id, s.id): s for a in self.r.group.affiliates for s in a.services}
        rows = tuple((self.name(x.affiliate),
                      t.text(services[(x.affiliate, x.service)].name) + (" ★" if x.critical else ""),
                      f.duration(x.rto), f.time(x.down_at),
                      f.time(x.recovered_at) if x.recovered_at else t("still_down"),
                      f.duration(x.duration) if x.duration is not None else "—", self.result(x.result))
                     for x in self.r.recoveries)
        return [Heading(t("sec.rto"), 2),
                Table(tuple(t(c) for c in ("col.affiliate", "col.service", "col.rto", "col.down", "col.recovered",
                                           "col.took", "col.result")),
                      (0.12, 0.24, 0.07, 0.17, 0.17, 0.1, 0.13), rows)]

    def outages(self) -> list[Block]:
        t, f = self.t, self.f
        if not self.r.outages:
            return []
        names = {p.id: p.name for p in self.r.group.providers}
        rows = tuple((t.text(names.get(o.provider, Text.plain(o.provider))), f.time(o.start),
                      f.time(o.end) if o.end else t("still_down"), f.duration(o.duration(self.r.as_of)))
                     for o in self.r.outages)
        return [Heading(t("sec.outages"), 2),
                Table((t("col.provider"), t("col.start"), t("col.end"), t("col.duration")),
                      (0.4, 0.22, 0.22, 0.16), rows)]

    def duties(self) -> list[Block]:
        t, f = self.t, self.f
        if not self.r.duties:
            return [Heading(t("sec.duties"), 2), Para(t("none"), "muted")]
        rows = tuple((self.name(d.duty.filer), t.text(d.duty.title) + (f" #{d.duty.occurrence}" if d.duty.occurrence > 1 else ""),
                      f.time(d.duty.deadline), f.time(d.result.done) if d.result.done else "—",
                      self.result(d.result), self.result(d.target) if d.target else "—")
                     for d in self.r.duties)
        return [Heading(t("sec.duties"), 2),
                Table(tuple(t(c) for c in ("col.filer", "col.duty", "col.deadline", "col.filed", "col.result",
                                           "col.target")),
                      (0.13, 0.29, 0.16, 0.16, 0.13, 0.13), rows)]

    def items(self) -> list[Block]:
        t, f = self.t, self.f
        timings = self.r.items
        missed = [i for i in timings if i.result and i.result.missed]
        pending = sum(1 for i in timings if i.result and i.result.outcome == "pending")
        na = sum(1 for i in timings if i.result is None)
        blocks: list[Block] = [Heading(t("sec.items"), 2), Para(t(
            "sec.items.count", measured=sum(1 for i in timings if i.result and i.result.outcome != "pending"),
            missed=len(missed), pending=pending, na=na), "small")]
        titles = {(c.id, i.id): i.title for c in self.r.playbook.checklists for i in c.items}
        missed.sort(key=lambda i: (not i.item.critical, i.item.due, i.item.affiliate))
        if missed:
            rows = tuple((self.name(i.item.affiliate),
                          t.text(titles.get((i.item.checklist, i.item.item), Text.plain(i.item.item)))
                          + (" ★" if i.item.critical else ""),
                          f.time(i.item.due), f.time(i.result.done) if i.result and i.result.done else "—",
                          self.result(i.result) if i.result else "—") for i in missed)
            blocks.append(Table(tuple(t(c) for c in ("col.affiliate", "col.item", "col.due", "col.done",
                                                     "col.result")), (0.14, 0.4, 0.16, 0.16, 0.14), rows))
        return blocks

    def responses(self) -> list[Block]:
        t, f = self.t, self.f
        if not self.r.responses:
            return [Heading(t("sec.responses"), 2), Para(t("none"), "muted")]
        rows = tuple((f"{format_offset(x.status.inject.at)} {t.text(x.status.inject.text)}",
                      f.time(x.status.released_at), f.time(x.result.target),
                      f.time(x.result.done) if x.result.done else "—", self.result(x.result))
                     for x in self.r.responses)
        return [Heading(t("sec.responses"), 2),
                Table(tuple(t(c) for c in ("col.inject", "col.released", "col.asked", "col.first", "col.result")),
                      (0.4, 0.15, 0.15, 0.15, 0.15), rows)]

    def findings(self) -> list[Block]:
        t, f = self.t, self.f
        if not self.r.findings:
            return [Heading(t("sec.findings"), 2), Para(t("none"), "muted")]
        return [Heading(t("sec.findings"), 2),
                Table((t("col.at"), t("col.text")), (0.2, 0.8),
                      tuple((f.time(x.at), x.text) for x in self.r.findings))]

    def actions(self) -> list[Block]:
        t = self.t
        blocks: list[Block] = [Heading(t("sec.actions"), 2)]
        blocks.append(self._action_table(self.r.actions) if self.r.actions else Para(t("none"), "muted"))
        if self.r.carried:
            blocks += [Heading(t("sec.carried"), 3), self._action_table(self.r.carried, with_event=True)]
        return blocks

    def _action_table(self, actions: tuple[CorrectiveAction, ...], with_event: bool = False) -> Table:
        t, f, now = self.t, self.f, self.r.as_of

        def state(a: CorrectiveAction) -> Mark:
            late = a.overdue(now)
            return Mark(t(f"state.{a.state}") + (t("overdue") if late else ""), "red" if late else "")

        columns = [t("col.title"), t("col.owner"), t("col.due"), t("col.state")]
        widths = [0.46, 0.18, 0.18, 0.18]
        if with_event:
            columns.insert(0, t("col.event"))
            widths = [0.18, 0.34, 0.14, 0.17, 0.17]
        def row(a: CorrectiveAction) -> tuple[Cell, ...]:
            cells: tuple[Cell, ...] = (a.title, a.owner, f.time(a.due), state(a))
            return (a.event_title, *cells) if with_event else cells

        return Table(tuple(columns), tuple(widths), tuple(row(a) for a in actions))
