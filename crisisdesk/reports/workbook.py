"""An event as an Excel workbook (XLSX), rendered from a `Situation` read model, never the database.

One sheet per affiliate's checklist (and one for the group desk's own items), then decisions,
actions, reporting duties and the timeline. Every sheet starts with the event's title, whether it
is a drill, and the as-of time; then a header row (frozen, with an auto-filter) and one row per
record. Times are real Excel date-times in the group's timezone, so they sort and filter.
openpyxl is loaded on the first render, like reportlab for the PDFs.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from crisisdesk.domain.read_models import DecisionView, ItemView, Situation
from crisisdesk.domain.text import Text
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.meta import Progress

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

BANNER_ROWS = 3  # title, as-of line, blank; the header row follows
HEADER_ROW = BANNER_ROWS + 1
MAX_WIDTH = 60
TIME_FORMAT = "yyyy-mm-dd hh:mm"
_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
Value = str | int | datetime | None  # what a cell holds: text, a count, a local date-time, nothing

# (ko, en) labels of the workbook: sheet names and column headers.
LABELS: dict[str, tuple[str, str]] = {
    "sheet.group": ("그룹 공통", "Group desk"),
    "sheet.checklist": ("점검-{name}", "Checklist-{name}"),
    "sheet.decisions": ("결정", "Decisions"),
    "sheet.actions": ("조치", "Actions"),
    "sheet.duties": ("보고 의무", "Reporting duties"),
    "sheet.timeline": ("타임라인", "Timeline"),
    "banner.title": ("{title} — {mode}", "{title} — {mode}"),
    "banner.as_of": ("기준 시각 {time} · 기록 #{seq} · {group} · {sheet}",
                     "as of {time} · journal #{seq} · {group} · {sheet}"),
    "drill": ("모의훈련(실제 상황 아님)", "Drill (not a real incident)"),
    "real": ("실제 상황", "Real incident"),
    "yes": ("예", "yes"),
    "no": ("아니오", "no"),
    "col.checklist": ("점검표", "Checklist"),
    "col.item_id": ("항목 ID", "Item ID"),
    "col.item": ("점검 항목", "Item"),
    "col.critical": ("핵심", "Critical"),
    "col.owner": ("담당", "Owner"),
    "col.due": ("기한", "Due"),
    "col.state": ("상태", "State"),
    "col.overdue": ("기한 경과", "Overdue"),
    "col.assignee": ("처리자", "Done by"),
    "col.note": ("메모", "Note"),
    "col.evidence": ("증빙", "Evidence"),
    "col.reason": ("사유", "Reason"),
    "col.updated_at": ("갱신 시각", "Updated at"),
    "col.updated_by": ("갱신자", "Updated by"),
    "col.time": ("시각", "Time"),
    "col.decision_kind": ("구분", "Kind"),
    "col.decision": ("결정 내용", "Decision"),
    "col.rationale": ("근거", "Rationale"),
    "col.decided_by": ("결정권자", "Decided by"),
    "col.affiliates": ("관련 계열사", "Affiliates"),
    "col.author": ("작성자", "By"),
    "col.decision_ref": ("결정 ID", "Decision ID"),
    "col.action": ("조치", "Action"),
    "col.deadline": ("기한", "Deadline"),
    "col.filer": ("보고 주체", "Filer"),
    "col.to": ("보고처", "To"),
    "col.report": ("보고", "Report"),
    "col.report_kind": ("구분", "Kind"),
    "col.occurrence": ("회차", "Occurrence"),
    "col.basis": ("기한 근거", "Basis"),
    "col.target": ("그룹 목표", "Group target"),
    "col.filed": ("제출", "Filed"),
    "col.filed_at": ("제출 시각", "Filed at"),
    "col.receipt": ("접수번호", "Receipt number"),
    "col.seq": ("기록 #", "Journal #"),
    "col.kind": ("구분", "Kind"),
    "col.affiliate": ("계열사", "Affiliate"),
    "col.entry": ("내용", "Entry"),
    "decision.decide": ("결정", "decision"),
    "decision.amend": ("수정", "amendment"),
    "decision.withdraw": ("철회", "withdrawal"),
}


@dataclass(frozen=True)
class RenderedWorkbook:
    """The XLSX bytes and what they hold."""

    data: bytes
    sheets: tuple[str, ...]
    rows: int  # data rows over all sheets


@dataclass(frozen=True)
class _Sheet:
    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


class _Words:
    """Labels and values in one language, times in the group's timezone."""

    def __init__(self, lang: str, timezone: str):
        self.lang = lang
        self.catalogue = Catalogue(lang)
        self.zone = ZoneInfo(timezone)

    def __call__(self, key: str, **values: object) -> str:
        text = LABELS[key][0 if self.lang == "ko" else 1]
        return text.format(**values) if values else text

    def text(self, value: Text) -> str:
        return value.get(self.lang)

    def enum(self, family: str, value: str) -> str:
        return self.catalogue.enum(family, value)

    def time(self, moment: datetime | None) -> datetime | None:
        """A naive local date-time (Excel has no timezones); the banner names the zone."""
        return moment.astimezone(self.zone).replace(tzinfo=None, microsecond=0) if moment else None

    def flag(self, value: bool) -> str:
        return self("yes") if value else ""


def render_workbook(situation: Situation, lang: str = "ko", progress: Progress | None = None) -> RenderedWorkbook:
    """The workbook of `situation` in `lang` (ko or en)."""
    from openpyxl import Workbook  # loaded here: opening the desk does not wait for it

    w = _Words(lang, situation.event.timezone)
    sheets = _sheets(situation, w)
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    used: set[str] = set()
    for done, sheet in enumerate(sheets, start=1):
        _write(book.create_sheet(_unique(sheet.name, used)), sheet, situation, w)
        if progress:
            progress(done, len(sheets))
    out = io.BytesIO()
    book.save(out)
    return RenderedWorkbook(out.getvalue(), tuple(book.sheetnames), sum(len(s.rows) for s in sheets))


def _sheets(s: Situation, w: _Words) -> list[_Sheet]:
    names = {d.tile.affiliate: d.tile.name for d in s.affiliates}
    sheets = [_checklist(w("sheet.group"), s.group_items, s, w)]
    sheets += [_checklist(w("sheet.checklist", name=w.text(d.tile.name)), d.items, s, w) for d in s.affiliates]
    sheets += [_decisions(s, w, names), _actions(s, w), _duties(s, w), _timeline(s, w, names)]
    return sheets


def _checklist(name: str, items: Iterable[ItemView], s: Situation, w: _Words) -> _Sheet:
    headers = tuple(w(k) for k in ("col.checklist", "col.item_id", "col.item", "col.critical", "col.owner",
                                   "col.due", "col.state", "col.overdue", "col.assignee", "col.note",
                                   "col.evidence", "col.reason", "col.updated_at", "col.updated_by"))
    rows = tuple((w.text(i.checklist_title), i.item, w.text(i.title), w.flag(i.critical),
                  w.text(i.owner_title) or i.owner, w.time(i.due), w.enum("item", i.state), w.flag(i.overdue),
                  i.assignee, i.note, i.evidence, i.reason, w.time(i.updated_at), i.updated_by)
                 for i in items)
    return _Sheet(name, headers, rows)


def _decisions(s: Situation, w: _Words, names: dict[str, Text]) -> _Sheet:
    headers = tuple(w(k) for k in ("col.time", "col.decision_kind", "col.decision", "col.rationale",
                                   "col.decided_by", "col.affiliates", "col.author", "col.decision_ref"))

    def row(d: DecisionView) -> tuple[Value, ...]:
        affiliates = ", ".join(w.text(names[a]) if a in names else a for a in d.affiliates)
        return (w.time(d.at), w(f"decision.{d.action}"), d.text, d.rationale,
                w.text(d.decided_by_title) or d.decided_by, affiliates, d.author, d.amends or d.id)

    rows = tuple(r for d in s.decisions for r in (row(d), *(row(a) for a in d.amendments)))
    return _Sheet(w("sheet.decisions"), headers, rows)


def _actions(s: Situation, w: _Words) -> _Sheet:
    headers = tuple(w(k) for k in ("col.action", "col.owner", "col.deadline", "col.state", "col.overdue",
                                   "col.note", "col.decision", "col.decision_ref"))
    decided = {d.id: d.text for d in s.decisions}
    rows = tuple((a.title, w.text(a.owner_title) or a.owner, w.time(a.deadline), w.enum("action", a.state),
                  w.flag(a.overdue), a.note, decided.get(a.decision, ""), a.decision) for a in s.actions)
    return _Sheet(w("sheet.actions"), headers, rows)


def _duties(s: Situation, w: _Words) -> _Sheet:
    headers = tuple(w(k) for k in ("col.filer", "col.to", "col.report", "col.report_kind", "col.occurrence",
                                   "col.basis", "col.deadline", "col.target", "col.state", "col.filed",
                                   "col.filed_at", "col.receipt", "col.overdue", "col.reason"))
    rows = tuple((w.text(d.filer_name) or d.filer, w.text(d.to), w.text(d.title), w.enum("duty_kind", d.kind),
                  d.occurrence, w.enum("basis", d.basis), w.time(d.deadline), w.time(d.target),
                  w.enum("duty", d.state), w("yes" if d.state == "submitted" else "no"), w.time(d.submitted_at),
                  d.reference, w.flag(d.overdue), d.reason) for d in s.duties)
    return _Sheet(w("sheet.duties"), headers, rows)


def _timeline(s: Situation, w: _Words, names: dict[str, Text]) -> _Sheet:
    headers = tuple(w(k) for k in ("col.seq", "col.time", "col.kind", "col.affiliate", "col.author", "col.entry"))
    rows = tuple((e.seq, w.time(e.at), w.enum("kind", e.kind.split(".")[0]),
                  w.text(names[e.affiliate]) if e.affiliate in names else e.affiliate, e.author,
                  w.text(e.summary)) for e in s.timeline)
    return _Sheet(w("sheet.timeline"), headers, rows)


def _write(ws: Worksheet, sheet: _Sheet, s: Situation, w: _Words) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    def clean(value: Value) -> Value:
        """Text without the control characters a workbook cannot hold (a note pasted with them)."""
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    event = s.event
    mode = w("drill" if event.drill else "real")
    zone = w.zone.key
    ws["A1"] = clean(w("banner.title", title=event.title, mode=mode))
    ws["A1"].font = Font(bold=True, size=13, color="C00000" if event.drill else "000000")
    as_of = w.time(s.now)
    ws["A2"] = clean(w("banner.as_of", time=f"{as_of:%Y-%m-%d %H:%M} ({zone})" if as_of else "—", seq=s.as_of_seq,
                       group=w.text(event.group.name), sheet=sheet.name))
    ws.append([])
    ws.append(list(sheet.headers))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="D9E1F2")
    for cell in ws[HEADER_ROW]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row in sheet.rows:
        ws.append([clean(value) for value in row])
    for cells in ws.iter_rows(min_row=HEADER_ROW + 1):
        for cell in cells:
            if isinstance(cell.value, datetime):
                cell.number_format = TIME_FORMAT
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a note that starts with '=' is text, never a formula
    last = get_column_letter(len(sheet.headers))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(sheet.rows), 1)}"
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    for index, header in enumerate(sheet.headers, start=1):
        ws.column_dimensions[get_column_letter(index)].width = _width(header, (r[index - 1] for r in sheet.rows))
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _width(header: str, values: Iterable[Value]) -> float:
    """A column as wide as its widest value (Hangul counts double), within limits."""
    widest = _display(header) + 4  # room for the filter button
    for value in values:
        if isinstance(value, datetime):
            widest = max(widest, 17)
        elif value is not None:
            widest = max(widest, max((_display(line) for line in str(value).splitlines()), default=0))
    return float(min(max(widest + 2, 8), MAX_WIDTH))


def _display(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _unique(name: str, used: set[str]) -> str:
    """A valid sheet name (31 characters, none of []:*?/\\), unique in the workbook."""
    base = _SHEET_CHARS.sub("_", name)[:31] or "-"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate

