"""The group inventory workbook: the example group round-trips (group file → filled template →
group file, equal as loaded), and a corpus of broken workbooks each gives its located error."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest

from crisisdesk.desk.workbook_commands import import_group_workbook, write_group_template
from crisisdesk.domain.group import ReportForm
from crisisdesk.formats.group_file import load_group, load_group_text
from crisisdesk.formats.group_template import group_template, group_yaml, holiday_notes
from crisisdesk.formats.group_workbook import WorkbookError, read_group_workbook_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "playbooks" / "example-group.yaml"


@pytest.fixture(scope="module")
def example():
    result = load_group(EXAMPLE)
    return result.value, group_template(result.value, holiday_notes(result.text))


def test_the_example_group_round_trips_through_the_template(example, tmp_path):
    group, template = example
    read = read_group_workbook_bytes(template, "example.xlsx")
    assert read.group == group
    assert load_group_text(group_yaml(read.data, read.notes)).value == group
    # and through the files and commands a person uses
    write_group_template(tmp_path / "t.xlsx", EXAMPLE)
    imported = import_group_workbook(tmp_path / "t.xlsx", tmp_path / "group.yaml")
    assert load_group(tmp_path / "group.yaml").value == group == imported.group
    assert "- 2025-10-03   # 개천절 National Foundation Day (Fri)" in imported.text


def test_the_template_has_korean_sheets_frozen_headers_filters_and_a_guide(example):
    book = openpyxl.load_workbook(io.BytesIO(example[1]))
    assert book.sheetnames == ["안내", "그룹", "공휴일", "계열사", "서비스", "의존관계", "기관", "보고체계", "비상연락망"]
    for name in book.sheetnames[1:]:
        assert book[name].freeze_panes == "A2" and book[name].auto_filter.ref.startswith("A1:")
    assert [c.value for c in book["서비스"][1]][:6] == ["계열사 ID", "서비스 ID", "이름(한국어)", "이름(영어)", "핵심", "RTO"]
    assert book["서비스"]["H5"].number_format == "@"  # 09:00 stays text in Excel


def test_an_empty_template_fills_in_by_hand(tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(group_template()))
    _add(book["그룹"], ["acme", "에이크미금융", None, None])
    _add(book["계열사"], ["bank", "에이크미은행", "ACME Bank", "bank", "예", None, None])
    _add(book["서비스"], ["bank", "teller", "창구", None, "예", "3h", "영업일", time(9), time(16)])
    _add(book["서비스"], ["bank", "app", "앱", None, "아니오", 4, None, None, None])  # 4: a number, refused
    _add(book["기관"], ["dc", "데이터센터", None, "자체", None])
    _add(book["의존관계"], ["bank", "teller", "dc", "저하", None, None, "다른 영업점 이용", None])
    with pytest.raises(WorkbookError) as refused:
        read_group_workbook_bytes(_bytes(book), "acme.xlsx")
    [problem] = refused.value.errors
    assert (problem.sheet, problem.line, problem.cell) == ("서비스", 3, "F3")
    book["서비스"]["F3"] = "4h"
    read = read_group_workbook_bytes(_bytes(book), "acme.xlsx")
    teller = read.group.affiliate("bank").service("teller")
    assert teller.hours.days == "business" and teller.hours.opens == time(9)
    assert teller.depends_on[0].effect == "degraded" and teller.depends_on[0].alternative.ko == "다른 영업점 이용"
    assert read.group.provider("dc").kind == "own" and read.group.affiliate("bank").licensed


def _add(ws, values: list) -> int:
    """Fill the first empty row (the template formats 500 rows ahead, so append() would skip them)."""
    row = next((r[0].row for r in ws.iter_rows(min_row=2) if all(c.value is None for c in r)), ws.max_row + 1)
    for column, value in enumerate(values, start=1):
        ws.cell(row, column, value)
    return row


def _bytes(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row(ws, *values) -> int:
    """The row whose first cells are `values`."""
    for row in ws.iter_rows(min_row=2):
        if tuple(c.value for c in row[:len(values)]) == values:
            return row[0].row
    raise KeyError(values)


def _set(sheet: str, key: tuple, column: str, value) -> Callable:
    def change(book) -> str:
        row = _row(book[sheet], *key)
        book[sheet][f"{column}{row}"] = value
        return f"{column}{row}"
    return change


def _append(sheet: str, *values) -> Callable:
    def change(book) -> str:
        return f"A{_add(book[sheet], list(values))}"
    return change


def _set_both(sheet: str, key: tuple, *columns: str) -> Callable:
    def change(book) -> str:
        row = _row(book[sheet], *key)
        for column in columns:
            book[sheet][f"{column}{row}"] = None
        return f"{columns[0]}{row}"
    return change


def _append_rows(sheet: str, *rows: list) -> Callable:
    def change(book) -> str:
        return f"A{[_add(book[sheet], row) for row in rows][-1]}"
    return change


def _rename_header(sheet: str, column: str, header) -> Callable:
    def change(book) -> str:
        book[sheet][f"{column}1"] = header
        return f"{column}1"
    return change


def _delete(sheet: str) -> Callable:
    def change(book) -> str:
        del book[sheet]
        return ""
    return change


# (name, change, sheet, cell ('' for the sheet or a header without a column), what the message says)
CORPUS = [
    ("missing sheet", _delete("기관"), "기관", "", "시트가 없습니다"),
    ("missing required column", _rename_header("계열사", "D", None), "계열사", "", "필수 열 '업권'"),
    ("unknown column", _rename_header("서비스", "F", "RTO시간"), "서비스", "F1", "알 수 없는 열 'RTO시간'"),
    ("duplicate column", _rename_header("기관", "C", "이름(한국어)"), "기관", "C1", "두 번"),
    ("wrong type: capacity", _set("계열사", ("bank",), "G", "전부"), "계열사", "G", "0에서 100 사이의 정수"),
    ("wrong type: critical", _set("서비스", ("bank", "transfers"), "E", "아마"), "서비스", "E", "예 또는 아니오"),
    ("wrong type: id as a date", _set("기관", ("giro",), "A", datetime(2025, 1, 1)), "기관", "A", "ID는"),
    ("unknown provider reference", _set("의존관계", ("bank", "transfers", "post-office"), "C", "post-ofice"),
     "의존관계", "C", "기관 시트에 없는 기관 ID 'post-ofice'"),
    ("unknown alternative provider", _set("기관", ("gov-id-check",), "E", "mobile-dl, nowhere"), "기관", "E",
     "기관 시트에 없는 기관 ID"),
    ("provider its own alternative", _set("기관", ("giro",), "E", "giro"), "기관", "E", "자기 자신"),
    ("duplicate affiliate id", _set("계열사", ("card",), "A", "bank"), "계열사", "A", "ID 'bank'이(가) 중복됩니다 (이미 2행"),
    ("duplicate service id", _set("서비스", ("bank", "transfers"), "B", "internet-banking"), "서비스", "B",
     "ID 'internet-banking'이(가) 중복"),
    ("duplicate provider id", _set("기관", ("group-dc",), "A", "giro"), "기관", "A", "ID 'giro'이(가) 중복"),
    ("provider listed twice", _set("의존관계", ("bank", "transfers", "post-office"), "C", "kftc-network"),
     "의존관계", "C", "두 번 적혀"),
    ("empty required cell: name", _set("계열사", ("card",), "B", None), None, None, None),
    ("empty required cell: sector", _set("계열사", ("card",), "D", None), "계열사", "D", "필수 칸이 비어 있습니다"),
    ("bad RTO", _set("서비스", ("bank", "transfers"), "F", "3시간"), "서비스", "F", "기간은"),
    ("zero RTO", _set("서비스", ("bank", "transfers"), "F", "0m"), "서비스", "F", "0보다 길게"),
    ("bad hours: closes before it opens", _set("서비스", ("bank", "branch-teller"), "I", "08:00"), "서비스", "I",
     "종료 시각이 시작 시각보다 늦어야"),
    ("bad hours: not a time", _set("서비스", ("bank", "branch-teller"), "H", "25:00"), "서비스", "H", "HH:MM"),
    ("bad hours: days alone", _set("서비스", ("bank", "transfers"), "G", "business"), "서비스", "H", "함께 적습니다"),
    ("bad hours: unknown days", _set("서비스", ("bank", "branch-teller"), "G", "weekdays"), "서비스", "G", "운영일은"),
    ("bad effect", _set("의존관계", ("bank", "transfers", "post-office"), "D", "gone"), "의존관계", "D", "영향은"),
    ("bad provider kind", _set("기관", ("giro",), "D", "vendor"), "기관", "D", "알 수 없는 기관 종류"),
    ("bad id", _set("계열사", ("card",), "A", "Hanbit Card"), "계열사", "A", "ID로 쓸 수 없습니다"),
    ("reserved affiliate id", _set("계열사", ("card",), "A", "group"), "계열사", "A", "예약"),
    ("service of an unknown affiliate", _set("서비스", ("bank", "transfers"), "A", "bnak"), "서비스", "A",
     "계열사 시트에 없는 계열사 ID 'bnak'"),
    ("dependency of an unknown service", _set("의존관계", ("bank", "transfers", "post-office"), "B", "transfer"),
     "의존관계", "B", "서비스 'transfer'이(가) 없습니다"),
    ("bad holiday", _append("공휴일", "2025-02-30"), "공휴일", "A", "없는 날짜"),
    ("bad timezone", _set("그룹", ("hanbit",), "D", "Asia/Busan"), "그룹", "D", "알 수 없는 시간대"),
    ("two group rows", _append("그룹", "other", "다른 그룹"), "그룹", "A", "한 행만"),
    ("empty group id", _set("그룹", ("hanbit",), "A", None), "그룹", "A2", "필수 칸"),
    ("bad report part", _set("보고체계", ("결재", "검토"), "A", "승인"), "보고체계", "A", "결재 또는 배포"),
    ("approval step without a name", _set_both("보고체계", ("결재", "검토"), "B", "C"), "보고체계", "B",
     "필수 칸이 비어 있습니다"),
    ("unknown deputy", _set("비상연락망", ("cro",), "M", "nobody"), "비상연락망", "M", "nobody"),
    ("contact of an unknown affiliate", _set("비상연락망", ("bank-it",), "D", "bnak"), "비상연락망", "D", "bnak"),
    ("outside contact without its organisation", _set_both("비상연락망", ("fss-officer",), "I", "J"), "비상연락망",
     "A", "organisation"),
    ("too many approval steps", _append_rows("보고체계", *[["결재", f"확인{n}"] for n in range(4)]), "보고체계",
     "B2", "at most 6"),
]


@pytest.mark.parametrize("name,change,sheet,cell,says", CORPUS, ids=[c[0] for c in CORPUS])
def test_a_broken_workbook_gives_its_located_error(example, name, change, sheet, cell, says):
    book = openpyxl.load_workbook(io.BytesIO(example[1]))
    changed = change(book)
    if sheet is None:  # the name: an empty Korean name with an English one left is fine; both empty is not
        row = int(changed[1:])
        book["계열사"][f"C{row}"] = None
        sheet, cell, says = "계열사", f"B{row}", "필수 칸이 비어 있습니다 (missing required field 'name')"
    elif cell and cell.isalpha():  # a column letter: in the row that was changed
        cell += "".join(ch for ch in changed if ch.isdigit())
    with pytest.raises(WorkbookError) as refused:
        read_group_workbook_bytes(_bytes(book), "broken.xlsx")
    problems = refused.value.errors
    found = [p for p in problems if p.sheet == sheet and (p.cell == cell if cell else True) and says in p.message]
    assert found, "\n".join(str(p) for p in problems)
    assert str(found[0]).startswith(f"broken.xlsx: '{sheet}' 시트")


def test_a_workbook_without_the_report_sheet_keeps_the_default_approval_steps(example):
    book = openpyxl.load_workbook(io.BytesIO(example[1]))
    del book["보고체계"]
    read = read_group_workbook_bytes(_bytes(book), "older.xlsx")
    assert read.group.report == ReportForm() and "report" not in read.data
    assert [s.title.ko for s in read.group.report.approval] == ["기안", "검토", "결재"]


def test_every_problem_is_reported_at_once(example):
    book = openpyxl.load_workbook(io.BytesIO(example[1]))
    for change in (_set("서비스", ("bank", "transfers"), "F", "3시간"), _set("기관", ("giro",), "D", "vendor"),
                   _set("계열사", ("card",), "G", 150), _set("의존관계", ("bank", "transfers", "post-office"), "C", "x")):
        change(book)
    with pytest.raises(WorkbookError) as refused:
        read_group_workbook_bytes(_bytes(book), "broken.xlsx")
    assert [p.sheet for p in refused.value.errors] == ["계열사", "서비스", "의존관계", "기관"]  # in sheet order


def test_not_a_workbook_and_nothing_written(tmp_path):
    fake = tmp_path / "group.xlsx"
    fake.write_text("format: crisisdesk.group/2\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as refused:
        import_group_workbook(fake, tmp_path / "out.yaml")
    assert "엑셀 통합문서(.xlsx)로 읽을 수 없습니다" in str(refused.value)
    assert not (tmp_path / "out.yaml").exists()


def test_an_existing_group_file_is_kept_unless_overwriting(example, tmp_path):
    (tmp_path / "t.xlsx").write_bytes(example[1])
    (tmp_path / "group.yaml").write_text("keep me", encoding="utf-8")
    with pytest.raises(Exception, match="already exists"):
        import_group_workbook(tmp_path / "t.xlsx", tmp_path / "group.yaml")
    assert (tmp_path / "group.yaml").read_text(encoding="utf-8") == "keep me"
    import_group_workbook(tmp_path / "t.xlsx", tmp_path / "group.yaml", overwrite=True)
    assert load_group(tmp_path / "group.yaml").value == example[0]


def test_a_renamed_affiliate_names_its_services_once_not_their_dependencies(example):
    book = openpyxl.load_workbook(io.BytesIO(example[1]))
    _set("계열사", ("nonlife",), "A", "non-life")(book)
    with pytest.raises(WorkbookError) as refused:
        read_group_workbook_bytes(_bytes(book), "broken.xlsx")
    problems = refused.value.errors
    services = sum(len(a.services) for a in example[0].affiliates if a.id == "nonlife")
    assert len(problems) == services and {p.sheet for p in problems} == {"서비스"}
    assert all("계열사 시트에 없는 계열사 ID 'nonlife'" in p.message for p in problems)


def test_a_chart_sheet_in_place_of_a_table_is_named_not_a_crash(example):
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.load_workbook(io.BytesIO(example[1]))
    index = book.sheetnames.index("서비스")
    del book["서비스"]
    chart = BarChart()
    chart.add_data(Reference(book["계열사"], min_col=1, min_row=1, max_row=3))
    book.create_chartsheet("서비스", index).add_chart(chart)
    with pytest.raises(WorkbookError) as refused:
        read_group_workbook_bytes(_bytes(book), "chart.xlsx")
    assert [p.sheet for p in refused.value.errors] == ["서비스"]
    assert "chart sheet, not a table" in str(refused.value)


def test_a_workbook_the_reader_itself_trips_over_is_refused_not_a_crash():
    book = openpyxl.Workbook()
    book.active.title = "그룹"
    book.create_chartsheet("계열사")  # empty: openpyxl 3.1 cannot read it back (AttributeError)
    with pytest.raises(WorkbookError) as refused:
        read_group_workbook_bytes(_bytes(book), "empty-chart.xlsx")
    assert "엑셀 통합문서(.xlsx)로 읽을 수 없습니다" in str(refused.value)
