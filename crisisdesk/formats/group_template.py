"""The group inventory template (XLSX), empty or filled from a group, and a workbook's group data
written as a group file (YAML, the current format).

Template → filled → `read_group_workbook` → `group_yaml` is the intake; a group file →
`group_template(group)` → `read_group_workbook` gives the same group back (the round trip).
"""

from __future__ import annotations

import io
from datetime import date, time
from typing import TYPE_CHECKING, Any

import yaml

from crisisdesk.domain.durations import format_duration
from crisisdesk.domain.group import Group
from crisisdesk.domain.text import Text
from crisisdesk.formats.workbook_layout import (
    AFFILIATES,
    APPROVAL,
    CLOCK,
    CONTACTS,
    DEPENDENCIES,
    DISTRIBUTION,
    DURATION,
    GROUP,
    GUIDE,
    HOLIDAYS,
    ID,
    IDS,
    NO,
    PROVIDERS,
    REPORT,
    SERVICES,
    SHEETS,
    YES,
    SheetLayout,
)

if TYPE_CHECKING:  # openpyxl loads on first use
    from openpyxl.worksheet.worksheet import Worksheet

_GUIDE_LINES = (
    "그룹 현황 서식 (CrisisDesk group inventory template)",
    "",
    "각 시트의 1행은 열 이름입니다. 열 이름을 바꾸거나 시트를 지우지 마십시오. 2행부터 한 행에 하나씩 적습니다.",
    "ID는 영문 소문자·숫자·'-'만 씁니다 (예: bank, internet-banking). 빈 행은 건너뜁니다.",
    "이름·문구는 한국어 열이 먼저이고, 영어 열은 비워도 됩니다.",
    "다 적으면: crisisdesk group import 이파일.xlsx --out group.yaml (또는 설정 → 그룹 현황 엑셀 가져오기…)",
    "잘못된 칸은 '시트 행 열: 무엇이 잘못인지'로 모두 한꺼번에 알려 줍니다.",
    "",
    "Row 1 of each sheet holds the column names: keep them and keep every sheet. One record per row from row 2.",
    "Fill it in, then: crisisdesk group import THIS.xlsx --out group.yaml. See docs/xlsx.md.",
    "",
)


def group_template(group: Group | None = None, notes: dict[date, str] | None = None) -> bytes:
    """The template as XLSX bytes, filled with `group` when given."""
    from openpyxl import Workbook  # loaded here: opening the desk does not wait for it

    book = Workbook()
    _guide(book.worksheets[0])  # the sheet a new workbook starts with
    rows = _rows(group, notes or {}) if group else {}
    for layout in SHEETS:
        _sheet(book.create_sheet(layout.name), layout, rows.get(layout.name, []))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _guide(ws: Worksheet) -> None:
    from openpyxl.styles import Font

    ws.title = GUIDE
    for line in _GUIDE_LINES:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=13)
    for layout in SHEETS:
        ws.append([f"[{layout.name}] {layout.help}"])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for c in layout.columns:
            ws.append([f"  {c.header}{' (필수)' if c.required else ''}: {c.help}"])
        ws.append([])
    ws.column_dimensions["A"].width = 120


def _sheet(ws: Worksheet, layout: SheetLayout, rows: list[list[Any]]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws.append([c.header for c in layout.columns])
    for row in rows:
        ws.append(row)
    required, optional = PatternFill("solid", fgColor="F8CBAD"), PatternFill("solid", fgColor="D9E1F2")
    last_row = max(len(rows) + 1, 500)
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        head = ws.cell(1, index)
        head.font, head.fill = Font(bold=True), required if column.required else optional
        if column.help:
            head.comment = Comment(column.help, "CrisisDesk")
        if column.kind in (ID, IDS, CLOCK, DURATION):
            for r in range(2, last_row + 1):  # text, so Excel keeps 09:00, 1 and 3h as written
                ws.cell(r, index).number_format = "@"
        if column.choices:
            check = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True)
            check.error = "목록에서 고르십시오: " + ", ".join(column.choices)
            check.showErrorMessage = False  # the intake names a wrong value with its cell
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{last_row}")
        widest = max([len(column.header) * 2] + [len(str(r[index - 1])) * 2 for r in rows if r[index - 1]])
        ws.column_dimensions[letter].width = min(max(widest + 4, 10), 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(layout.columns))}{len(rows) + 1}"


def _clock(value: time) -> str:
    return "24:00" if value == time.max else value.strftime("%H:%M")


def _names(text: Text) -> list[Any]:
    return [text.ko or None, text.en or None]


def _rows(group: Group, notes: dict[date, str]) -> dict[str, list[list[Any]]]:
    rows: dict[str, list[list[Any]]] = {layout.name: [] for layout in SHEETS}
    rows[GROUP.name].append([group.id, *_names(group.name), group.timezone])
    rows[HOLIDAYS.name] += [[day, notes.get(day)] for day in sorted(group.holidays)]
    for a in group.affiliates:
        dr = a.dr_site
        rows[AFFILIATES.name].append([a.id, *_names(a.name), a.sector, YES if a.licensed else NO,
                                      dr.location if dr else None, dr.capacity_pct if dr else None])
        for s in a.services:
            hours = s.hours
            rows[SERVICES.name].append([
                a.id, s.id, *_names(s.name), YES if s.critical else NO,
                format_duration(s.rto) if s.rto else None, hours.days if hours else None,
                _clock(hours.opens) if hours else None, _clock(hours.closes) if hours else None])
            for d in s.depends_on:
                rows[DEPENDENCIES.name].append([a.id, s.id, d.provider, None if d.effect == "down" else d.effect,
                                                *_names(d.impact), *_names(d.alternative)])
    for p in group.providers:
        rows[PROVIDERS.name].append([p.id, *_names(p.name), p.kind, ", ".join(p.alternatives) or None])
    for step in group.report.approval:
        rows[REPORT.name].append([APPROVAL, *_names(step.title), *_names(step.signer)])
    for recipient in group.report.distribution:
        rows[REPORT.name].append([DISTRIBUTION, *_names(recipient), None, None])
    for c in group.contacts:
        rows[CONTACTS.name].append([c.id, c.name, c.phone, c.affiliate or None, c.role or None, *_names(c.title),
                                    c.external or None, *_names(c.organisation), c.phone2 or None,
                                    c.email or None, c.deputy or None])
    return rows


_HEAD = """\
# 그룹 파일 — 그룹 현황 엑셀 서식에서 만듦 (crisisdesk group import)
# Group file written from the group inventory workbook (crisisdesk group import).
# 문법과 항목: docs/formats.md. Fields and rules: docs/formats.md.

"""


def group_yaml(data: dict[str, Any], notes: dict[date, str] | None = None) -> str:
    """Group-file data (as `read_group_workbook` gives it) as the text of a group file."""
    notes = notes or {}

    def dump(part: dict[str, Any]) -> str:
        return yaml.safe_dump(_plain(part), allow_unicode=True, sort_keys=False, width=100,
                              default_flow_style=None) if part else ""

    head: dict[str, Any] = {k: data[k] for k in ("format", "group", "timezone") if k in data}
    tail: dict[str, Any] = {k: data[k] for k in ("affiliates", "providers", "report", "contacts") if k in data}
    text = _HEAD + dump(head)
    if data.get("holidays"):
        text += "\nholidays:\n"
        for day in data["holidays"]:
            note = notes.get(day, "").replace("\n", " ")
            text += f"  - {day.isoformat()}" + (f"   # {note}" if note else "") + "\n"
    return text + "\n" + dump(tail)


def _plain(value: Any) -> Any:
    """Texts whose two languages are the same written once; everything else as it is."""
    if isinstance(value, dict):
        if set(value) == {"ko", "en"} and value["ko"] == value["en"]:
            return value["ko"]
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def holiday_notes(text: str) -> dict[date, str]:
    """The comment after each holiday of a group file's text (`- 2025-10-03   # 개천절`)."""
    from crisisdesk.formats.located_yaml import parse

    doc = parse(text, "<group>")
    lines = doc.text.splitlines()
    notes: dict[date, str] = {}
    holidays = doc.data.get("holidays") if isinstance(doc.data, dict) else None
    for k, day in enumerate(holidays if isinstance(holidays, list) else ()):
        line = doc.marks.get(("holidays", k), (0, 0))[0]
        if isinstance(day, date) and 0 < line <= len(lines) and "#" in lines[line - 1]:
            notes[day] = lines[line - 1].split("#", 1)[1].strip()
    return notes
