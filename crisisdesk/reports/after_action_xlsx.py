"""The after-action review as a workbook (XLSX): one sheet each for the summary, the measured
targets, the outside outages, the findings and the corrective actions, for people who sort,
filter and carry the figures on. A drill's sheets open with the 모의훈련 band."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from crisisdesk.domain.after_action import AfterAction, target_rows
from crisisdesk.reports.after_action_report import LABELS, TONES

KINDS = {"rto": ("복구 시간(RTO)", "Recovery (RTO)"), "duty": ("대외 보고 기한", "Reporting deadline"),
         "duty-target": ("대외 보고(그룹 목표)", "Reporting (group target)"),
         "item": ("체크리스트 항목", "Checklist item"), "response": ("훈련 상황 대응", "Inject response")}
SHEETS = {"summary": ("요약", "Summary"), "targets": ("측정 목표", "Targets"), "outages": ("외부 장애", "Outages"),
          "findings": ("발견 사항", "Findings"), "actions": ("개선 조치", "Corrective actions")}
TARGET_HEADER = (("구분", "수행 주체", "대상", "목표 시각", "완료 시각", "결과", "초과(분)"),
                 ("Kind", "Who", "What", "Target", "Done", "Result", "Late (min)"))
BAND = ("모의훈련 — 실제 상황 아님 (DRILL)", "DRILL — not a real incident")
FILLS = {"red": "F6C9C4", "green": "D3ECD3", "head": "DFE5EC", "band": "6A3FB5"}


def write_after_action_xlsx(review: AfterAction, lang: str = "ko") -> tuple[bytes, int]:
    """The workbook's bytes and its number of sheets (times as local wall-clock values of the
    group's timezone)."""
    i = 0 if lang == "ko" else 1
    zone = ZoneInfo(review.group.timezone)

    def t(key: str, **values: object) -> str:
        text = LABELS[key][i]
        return text.format(**values) if values else text

    def local(moment: datetime | None) -> datetime | None:
        return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = SHEETS["summary"][i]
    _start(summary, review, i)
    rows = [(t("event"), review.title), (t("mode"), t("mode.drill" if review.drill else "mode.real")),
            (t("t0"), local(review.t0)), (t("closed"), local(review.closed_at) or t("open")),
            (t("as_of"), local(review.as_of)), (t("playbook"), f"{review.playbook.title.get(lang)} v{review.playbook.version}"),
            (t("kpi.measured"), review.measured), (t("kpi.missed"), review.missed)]
    if review.drill:
        rows.append((t("kpi.injects"), review.injects_released))
    for row in rows:
        summary.append(row)

    targets = _sheet(book, SHEETS["targets"][i], review, i, TARGET_HEADER[i])
    for target in target_rows(review):
        m = target.result
        targets.append((KINDS[target.kind][i], target.who.get(lang), target.what.get(lang), local(m.target),
                        local(m.done),
                        t(f"result.{m.outcome}", by=_minutes(m.late_by.total_seconds(), i)),
                        int(m.late_by.total_seconds() // 60)))
        tone = TONES.get(m.outcome)
        if tone:
            targets.cell(targets.max_row, 6).fill = PatternFill("solid", fgColor=FILLS[tone])

    outages = _sheet(book, SHEETS["outages"][i], review, i,
                     (t("col.provider"), t("col.start"), t("col.end"), t("col.duration") + " (min)"))
    names = {p.id: p.name.get(lang) for p in review.group.providers}
    for o in review.outages:
        outages.append((names.get(o.provider, o.provider), local(o.start), local(o.end),
                        int(o.duration(review.as_of).total_seconds() // 60)))

    findings = _sheet(book, SHEETS["findings"][i], review, i, (t("col.at"), t("col.text")))
    for f in review.findings:
        findings.append((local(f.at), f.text))

    actions = _sheet(book, SHEETS["actions"][i], review, i,
                     (t("col.event"), t("col.title"), t("col.owner"), t("col.due"), t("col.state")))
    for a in (*review.actions, *review.carried):
        actions.append((a.event_title, a.title, a.owner, local(a.due), t(f"state.{a.state}")))
        if a.overdue(review.as_of):
            actions.cell(actions.max_row, 4).fill = PatternFill("solid", fgColor=FILLS["red"])

    for sheet in book.worksheets:
        _finish(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), len(book.worksheets)


def _minutes(seconds: float, i: int) -> str:
    minutes = int(seconds // 60)
    hours, mins = divmod(minutes, 60)
    if i == 0:
        return f"{hours}시간 {mins}분" if hours else f"{mins}분"
    return f"{hours} h {mins} min" if hours else f"{mins} min"


def _start(sheet: Worksheet, review: AfterAction, i: int) -> None:
    """The band (drills) and the title row."""
    if review.drill:
        sheet.append((BAND[i],))
        cell = sheet.cell(sheet.max_row, 1)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=FILLS["band"])
    title = LABELS["title.drill" if review.drill else "title.real"][i]
    sheet.append((f"{title} — {review.title}",))
    sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=13)


def _sheet(book: Workbook, name: str, review: AfterAction, i: int, header: tuple[str, ...]) -> Worksheet:
    sheet: Worksheet = book.create_sheet(name)  # a Worksheet: the book is not write-only
    _start(sheet, review, i)
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=FILLS["head"])
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # a coordinate: no cell is made below the header
    return sheet


def _finish(sheet: Worksheet) -> None:
    """Readable widths and date formats."""
    for index, column in enumerate(sheet.columns, start=1):
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, width * 1.6))
        for cell in column:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str) and len(cell.value) > 40)
