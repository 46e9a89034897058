"""A scripted drill of the demo group run from the command line end to end: the group desk and two
affiliate desks (bank, card) exchange packets through a folder; the controller's injects are
released by their time and by hand; the affiliates respond; the after-action report lists each
measured target and each miss; the year's drill register lists the drill."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crisisdesk.cli import main
from crisisdesk.desk.app import Desk
from crisisdesk.locations import shipped_playbooks_dir
from tests.desk.factories import ManualClock

KST = ZoneInfo("Asia/Seoul")
T0 = datetime(2026, 5, 12, 10, 0, tzinfo=KST)
PLAYBOOKS = shipped_playbooks_dir()


@pytest.fixture
def clock(monkeypatch, memory_keyring):
    """Every desk the command line opens runs on one clock the script moves."""
    clock = ManualClock(T0 - timedelta(hours=1))
    opener = Desk.open.__func__

    def open_on_the_clock(cls, path, clock_=None, author=None, create=True):
        return opener(cls, path, clock=clock, author=author, create=create)

    monkeypatch.setattr(Desk, "open", classmethod(open_on_the_clock))
    return clock


def run(capsys, *argv) -> str:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, f"{argv}: {err}"
    return out


def test_a_scripted_drill_of_the_demo_group(tmp_path, capsys, clock):
    group, bank, card = (tmp_path / f"{name}.sqlite" for name in ("group", "bank", "card"))
    folder = tmp_path / "exchange"
    folder.mkdir()
    run(capsys, "group", "load", PLAYBOOKS / "example-group.yaml", "--db", group)
    run(capsys, "desk", "init", "--role", "group", "--db", group)
    for db, name in ((bank, "bank"), (card, "card")):
        run(capsys, "desk", "init", "--role", "affiliate", "--affiliate", name, "--group", "hanbit", "--db", db)
    for db, name in ((group, "group"), (bank, "bank"), (card, "card")):
        run(capsys, "desk", "export-key", "--out", tmp_path / f"{name}.cdkey", "--db", db)
    for name in ("bank", "card"):
        run(capsys, "desk", "enrol", tmp_path / f"{name}.cdkey", "--db", group)
        run(capsys, "desk", "enrol", tmp_path / "group.cdkey", "--db", tmp_path / f"{name}.sqlite")

    def at(hours: int, minutes: int) -> None:
        clock.set(T0 + timedelta(hours=hours, minutes=minutes))

    def sync() -> None:  # the group desk writes, the affiliates read and answer, the group reads
        for db in (group, bank, card, group):
            run(capsys, "exchange", "watch", folder, "--once", "--settle", "0", "--db", db)

    at(0, 0)
    event = run(capsys, "event", "activate", "--playbook", PLAYBOOKS / "drill-gov-id-outage.yaml",
                "--title", "2026 상반기 그룹 합동 모의훈련", "--drill", "--at", "2026-05-12 10:00",
                "--level", "caution", "--db", group).strip()
    at(0, 6)
    assert run(capsys, "drill", "release", event, "--due", "--db", group).strip() == "released: gov-id-down"
    sync()
    listed = json.loads(run(capsys, "drill", "injects", event, "--json", "--db", bank))
    assert [i["inject"] for i in listed if i["released_at"]] == ["gov-id-down"]  # it reached the bank

    at(0, 20)
    run(capsys, "check", event, "bank", "confirm-outage-scope", "done", "--db", bank)  # due 30m: met
    at(0, 50)
    run(capsys, "check", event, "group", "convene-council", "done", "--db", group)  # due 1h: met
    at(1, 1)
    out = run(capsys, "drill", "release", event, "--due", "--db", group)
    assert out.strip() == "released: press-enquiry, vendor-down"
    at(1, 10)
    run(capsys, "drill", "respond", event, "press-enquiry", "--text", "그룹 홍보실 입장문 배포", "--db", group)
    run(capsys, "assess", event, "card", "services", '{"app-card": "down"}', "--db", card)  # own failure
    at(1, 15)
    run(capsys, "check", event, "card", "check-own-systems", "done", "--db", card)  # due 1h: missed by 15m
    sync()
    at(1, 30)
    assert run(capsys, "drill", "release", event, "bank-complaints", "--db", group).strip() == \
        "released: bank-complaints"
    sync()
    at(2, 50)  # asked for within an hour of 11:30: 20 minutes late
    run(capsys, "drill", "respond", event, "bank-complaints", "--affiliate", "bank",
        "--text", "콜센터 상담 인력 40명 추가, 응대 스크립트 배포", "--db", bank)
    at(3, 0)
    run(capsys, "drill", "release", event, "--due", "--db", group)  # fss-data-request, card-complaints
    sync()
    at(3, 20)
    run(capsys, "drill", "respond", event, "card-complaints", "--affiliate", "card",
        "--text", "체크카드 영업점 발급 안내 문자 발송", "--db", card)
    at(4, 30)
    run(capsys, "assess", event, "card", "services", '{"app-card": "normal"}', "--db", card)  # 3h20m: RTO 3h missed
    sync()
    at(6, 10)
    run(capsys, "drill", "release", event, "--due", "--db", group)  # the providers come back
    run(capsys, "duty", "file", event, "fss-initial", "submitted", "--filer", "bank",
        "--reference", "DRILL-0001", "--at", "2026-05-12 11:05", "--db", group)
    run(capsys, "review", "finding", event, "--text", "은행 민원 급증 대응이 요구 시한보다 20분 늦었음",
        "--db", group)
    run(capsys, "review", "action", event, "--title", "콜센터 비상 증원 절차 매뉴얼 반영", "--owner",
        "한빛은행 소비자보호부장", "--due", "2026-06-30 18:00", "--db", group)
    run(capsys, "event", "close", event, "--reason", "훈련 종료", "--db", group)
    sync()

    review = json.loads(run(capsys, "review", "show", event, "--json", "--db", group))
    targets = {(t["kind"], t["what"]): t for t in review["targets"]}
    assert review["drill"] and review["measured"] > 0 and review["missed"] > 0
    rto = targets[("rto", "card/app-card")]
    assert rto["outcome"] == "missed" and rto["late_minutes"] == 20
    assert targets[("item", "bank/first-hour/confirm-outage-scope")]["outcome"] == "met"
    assert targets[("item", "group/council/convene-council")]["outcome"] == "met"
    late_item = targets[("item", "card/first-hour/check-own-systems")]
    assert late_item["outcome"] == "missed" and late_item["late_minutes"] == 15
    assert targets[("response", "press-enquiry")]["outcome"] == "met"
    assert targets[("response", "bank-complaints")]["late_minutes"] == 20
    assert targets[("response", "card-complaints")]["outcome"] == "met"
    assert targets[("duty", "bank/fss-initial#1")]["outcome"] == "met"
    assert {o["provider"] for o in review["outages"]} == {"gov-id-check"}  # government: no RTO

    pdf = tmp_path / "drill-result.pdf"
    run(capsys, "review", "report", event, "--out", pdf, "--db", group)
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert all("모의훈련" in page for page in pages)  # the band on every page
    text = "\n".join(pages)
    assert "훈련 결과 보고서" in text and "앱카드" in text and "미달 +20분" in text
    assert "콜센터 비상 증원 절차 매뉴얼 반영" in text and "한빛은행 소비자보호부장" in text

    workbook = tmp_path / "drill-result.xlsx"
    assert "5 sheets" in run(capsys, "review", "report", event, "--out", workbook, "--db", group)
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    assert book.sheetnames == ["요약", "측정 목표", "외부 장애", "발견 사항", "개선 조치"]
    assert all(sheet["A1"].value == "모의훈련 — 실제 상황 아님 (DRILL)" for sheet in book.worksheets)
    rows = list(book["측정 목표"].iter_rows(min_row=4, values_only=True))
    app_card = next(r for r in rows if r[0] == "복구 시간(RTO)" and r[2] == "앱카드·간편결제")
    assert app_card[5] == "미달 +20분" and app_card[6] == 20
    assert rows[0][:3] == ("복구 시간(RTO)", "한빛카드", "앱카드·간편결제")  # misses first, services first
    assert [r[1] for r in book["개선 조치"].iter_rows(min_row=4, values_only=True)] == ["콜센터 비상 증원 절차 매뉴얼 반영"]

    register = json.loads(run(capsys, "drill", "register", "--year", "2026", "--json", "--db", group))
    assert [r["title"] for r in register] == ["2026 상반기 그룹 합동 모의훈련"]
    assert register[0]["injects"] == 9 and register[0]["actions_open"] == 1
    # the affiliate desks hold the drill as a drill, with the responses of their own affiliate only
    bank_injects = json.loads(run(capsys, "drill", "injects", event, "--json", "--db", bank))
    assert sum(1 for i in bank_injects if i["released_at"]) == 9
    responders = {r["affiliate"] for i in bank_injects for r in i["responses"]}
    assert responders <= {"bank", "group"} and "bank" in responders
