"""The XLSX export of the demo event, read back with openpyxl: every checklist row, Korean headers,
frozen header rows, filters, and the event's title, drill flag and as-of time on every sheet."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest

from crisisdesk.reports.workbook import HEADER_ROW, render_workbook


@pytest.fixture(scope="module")
def demo(demo_situation):
    situation, _ = demo_situation
    rendered = render_workbook(situation, "ko")
    return situation, rendered, openpyxl.load_workbook(io.BytesIO(rendered.data))


def _table(ws) -> list[dict]:
    headers = [c.value for c in ws[HEADER_ROW]]
    return [dict(zip(headers, row, strict=True)) for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_every_checklist_row_of_the_demo_event_is_on_its_affiliates_sheet(demo):
    situation, _, book = demo
    assert book.sheetnames[0] == "그룹 공통"
    expected = {("그룹 공통", i.item, i.checklist_title.ko) for i in situation.group_items}
    for detail in situation.affiliates:
        assert f"점검-{detail.tile.name.ko}" in book.sheetnames
        expected |= {(f"점검-{detail.tile.name.ko}", i.item, i.checklist_title.ko) for i in detail.items}
    found = set()
    for ws in book.worksheets:
        if ws.title == "그룹 공통" or ws.title.startswith("점검-"):
            found |= {(ws.title, r["항목 ID"], r["점검표"]) for r in _table(ws)}
    assert found == expected and len(expected) == len(situation.group_items) + sum(
        len(d.items) for d in situation.affiliates) > 300
    bank = next(d for d in situation.affiliates if d.tile.affiliate == "bank")
    rows = {r["항목 ID"]: r for r in _table(book["점검-한빛은행"])}
    for item in bank.items:
        row = rows[item.item]
        assert row["점검 항목"] == item.title.ko
        assert row["상태"] == {"todo": "할 일", "doing": "진행 중", "done": "완료", "n/a": "해당 없음",
                             "blocked": "진행 불가"}[item.state]
        assert isinstance(row["기한"], datetime)


def test_headers_korean_frozen_filtered_and_the_banner_on_every_sheet(demo):
    situation, rendered, book = demo
    assert book.sheetnames == list(rendered.sheets)
    assert book.sheetnames[-4:] == ["결정", "조치", "보고 의무", "타임라인"]
    for ws in book.worksheets:
        headers = [c.value for c in ws[HEADER_ROW]]
        assert all(any("\uac00" <= ch <= "\ud7a3" for ch in h) for h in headers), (ws.title, headers)
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
        assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
        assert ws["A1"].value.startswith(situation.event.title)
        assert ("모의훈련" in ws["A1"].value) == situation.event.drill and "실제 상황" in ws["A1"].value
        assert "기준 시각 2025-09-27 14:00 (Asia/Seoul)" in ws["A2"].value
        assert f"#{situation.as_of_seq}" in ws["A2"].value
        assert all(ws.column_dimensions[c].width >= 8 for c in "ABC")


def test_duties_decisions_actions_and_timeline_are_all_there(demo):
    situation, _, book = demo
    duties = _table(book["보고 의무"])
    assert len(duties) == len(situation.duties)
    filed = [d for d in situation.duties if d.state == "submitted"]
    assert filed and {r["접수번호"] for r in duties if r["제출"] == "예"} == {d.reference or None for d in filed}
    assert {r["보고 주체"] for r in duties} == {d.filer_name.ko or d.filer for d in situation.duties}
    decisions = _table(book["결정"])
    assert len(decisions) == sum(1 + len(d.amendments) for d in situation.decisions)
    assert {r["결정 내용"] for r in decisions} >= {d.text for d in situation.decisions}
    actions = _table(book["조치"])
    assert len(actions) == len(situation.actions)
    decided = {d.id: d.text for d in situation.decisions}
    assert [(r["조치"], r["결정 내용"]) for r in actions] == [(a.title, decided.get(a.decision)) for a in situation.actions]
    timeline = _table(book["타임라인"])
    assert [r["기록 #"] for r in timeline] == [e.seq for e in situation.timeline]


def test_english_workbook_and_a_drill(demo_situation):
    import dataclasses

    situation, english = demo_situation
    drill = dataclasses.replace(english, board=dataclasses.replace(
        english.board, event=dataclasses.replace(english.event, record=dataclasses.replace(english.event.record, drill=True))))
    book = openpyxl.load_workbook(io.BytesIO(render_workbook(drill, "en").data))
    assert "Drill (not a real incident)" in book["Decisions"]["A1"].value
    assert [c.value for c in book["Timeline"][HEADER_ROW]][:2] == ["Journal #", "Time"]


def test_notes_that_look_like_formulas_or_hold_control_characters_stay_text(demo_situation):
    import dataclasses

    situation, _ = demo_situation
    first, *rest = situation.group_items
    odd = dataclasses.replace(first, note="=HYPERLINK(\"http://x\")", evidence="붙여넣은\x0b메모\x00")
    book = openpyxl.load_workbook(io.BytesIO(render_workbook(
        dataclasses.replace(situation, group_items=(odd, *rest)), "ko").data))
    row = _table(book["그룹 공통"])[0]
    assert row["메모"] == "=HYPERLINK(\"http://x\")" and book["그룹 공통"]["J5"].data_type == "s"
    assert row["증빙"] == "붙여넣은메모"
