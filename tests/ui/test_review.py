"""The review page: measured targets with the misses first, a finding and a corrective action added
and done, the result report and the drill register written as PDFs (rendered off the UI thread)."""

from __future__ import annotations

from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt

from crisisdesk.desk.app import Desk
from crisisdesk.locations import shipped_playbooks_dir
from tests.desk.factories import NIRS_T0, make_desk
from tests.ui.conftest import type_text

DRILL_BOOK = shipped_playbooks_dir() / "drill-gov-id-outage.yaml"


def test_review_findings_actions_and_pdfs(open_window, tmp_path, qtbot, clock):
    path = tmp_path / "desk.sqlite"
    with make_desk(path, clock) as desk:
        event = desk.events.activate(DRILL_BOOK, "그룹 합동 모의훈련", t0=NIRS_T0, drill=True).created
        clock.set(NIRS_T0 + timedelta(minutes=20))
        desk.checklists.set_item(event, "bank", "first-hour/confirm-outage-scope", state="done")  # due 30m: met
        clock.set(NIRS_T0 + timedelta(minutes=75))
        desk.checklists.set_item(event, "card", "first-hour/check-own-systems", state="done")  # due 1h: 15 min late
    clock.set(NIRS_T0 + timedelta(minutes=80))
    driver = open_window(path)
    panel = driver.panel("review")
    qtbot.waitUntil(lambda: panel.targets.rowCount() > 0)
    assert "모의훈련" in driver.window.drill_banner.label.text() and "훈련 결과" in panel.summary.text()
    results = [panel.targets.index(r, 5).data() for r in range(panel.targets.rowCount())]
    first_met = next(i for i, r in enumerate(results) if r == "충족")
    assert all(r != "충족" for r in results[:first_met])  # misses first
    assert "15분" in " ".join(results) and panel.targets.index(0, 5).data() != "충족"

    type_text(panel.finding_text, "카드사 자체 점검이 15분 늦음")
    qtbot.mouseClick(panel.finding_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.findings.rowCount() == 1)
    panel.finding_table.selectRow(0)
    type_text(panel.action_title, "카드사 초기 점검 담당 지정")
    type_text(panel.action_owner, "한빛카드 IT 책임자")
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.actions.rowCount() == 1)
    assert panel.actions.index(0, 3).data() == "미착수" and panel.actions.index(0, 4).data() == "그룹 합동 모의훈련"
    panel.action_table.selectRow(0)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.actions.index(0, 3).data() == "완료")

    report = tmp_path / "result.pdf"
    panel.write_report(report)
    qtbot.waitUntil(lambda: "저장" in panel.state.text() and report.exists(), timeout=20000)
    pages = [p.extract_text() for p in PdfReader(report).pages]
    assert all("모의훈련" in p for p in pages) and "카드사 초기 점검 담당 지정" in "".join(pages)
    workbook = tmp_path / "result.xlsx"
    panel.write_report(workbook)
    qtbot.waitUntil(lambda: workbook.exists(), timeout=20000)
    from openpyxl import load_workbook

    assert load_workbook(workbook)["개선 조치"]["B4"].value == "카드사 초기 점검 담당 지정"
    register = tmp_path / "register.pdf"
    panel.write_register(2025, register)
    qtbot.waitUntil(lambda: register.exists(), timeout=20000)
    assert "그룹 합동 모의훈련" in PdfReader(register).pages[0].extract_text()
    driver.window.close()
    with Desk.open(path, clock=clock) as desk:
        [action] = desk.reviews.corrective_actions()
        assert action.state == "done" and action.finding == desk.reviews.findings(event)[0].id
