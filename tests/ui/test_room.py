"""The 24-hour room in the window: a shift handover prepared and signed by both leads, a roll-call
of the contact tree recording who was reached when (the deputy answering for the chair)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from crisisdesk.desk.app import Desk
from tests.ui.conftest import type_text


def test_handover_signed_by_both_leads_and_a_roll_call(open_window, nirs_file, qtbot, clock):
    clock.advance(hours=3)
    driver = open_window(nirs_file)
    panel = driver.panel("room")
    event = driver.window.info.id
    qtbot.waitUntil(lambda: "미결 조치" in panel.brief.toPlainText())
    assert "변경 사항 (직전 인계 이후)" in panel.brief.toPlainText() and "다음 기한" in panel.brief.toPlainText()

    type_text(panel.outgoing, "오상황")
    type_text(panel.incoming, "윤교대")
    qtbot.mouseClick(panel.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.handovers.rowCount() == 1)
    assert panel.signer.text() == "오상황" and panel.handovers.index(0, 2).data() == "서명 전"
    qtbot.mouseClick(panel.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.handovers.index(0, 2).data() != "서명 전")
    assert panel.signer.text() == "윤교대"  # the incoming lead signs next
    clock.advance(minutes=5)
    qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.handovers.index(0, 4).data() != "서명 전")

    panel.tabs.setCurrentIndex(1)
    type_text(panel.roll_title, "야간 비상연락망 점검")
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.roll_model.rowCount() == 10)
    assert panel.roll_model.index(0, 4).data() == "미연락" and "한대행" in panel.roll_model.index(0, 3).data()
    panel.roll_table.selectRow(0)  # the chair: no answer, then the deputy answers for him
    qtbot.mouseClick(panel.no_answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.roll_model.index(0, 4).data() == "응답 없음")
    panel.roll_table.selectRow(0)
    clock.advance(minutes=2)
    qtbot.mouseClick(panel.deputy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.roll_model.index(0, 4).data() == "연락됨")
    assert panel.roll_model.index(0, 5).data().endswith("★")  # reached through the deputy
    fss = next(i for i, e in enumerate(panel.roll_model.rows()) if e.contact.id == "fss-officer")
    panel.roll_table.selectRow(fss)
    type_text(panel.note, "야간 당직 검사역 연결")
    qtbot.mouseClick(panel.reached_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.roll_model.index(fss, 4).data() == "연락됨")
    assert "(2/10)" in panel.roll_choice.currentText()
    driver.window.close()

    with Desk.open(nirs_file, clock=clock) as desk:
        [handover] = desk.room.handovers(event)
        assert handover.complete and (handover.outgoing, handover.incoming) == ("오상황", "윤교대")
        assert handover.incoming_signed - handover.outgoing_signed == timedelta(minutes=5)
        [roll] = desk.room.roll_calls(event)
        chair = next(e for e in roll.entries if e.contact.id == "cro")
        assert chair.reached_via == "cro-deputy" and [r for _, r, _ in chair.calls] == ["no-answer"]
        assert desk.room.handover_brief(event).since == handover.completed_at


def test_a_wrong_signer_is_refused_with_a_message(open_window, nirs_file, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("crisisdesk.ui.room.room_panel.show_error", lambda parent, exc: shown.append(str(exc)))
    driver = open_window(nirs_file)
    panel = driver.panel("room")
    type_text(panel.outgoing, "오상황")
    type_text(panel.incoming, "윤교대")
    qtbot.mouseClick(panel.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.handovers.rowCount() == 1)
    panel.signer.setText("김엉뚱")
    qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert "'윤교대'" in shown[0] and panel.handovers.index(0, 4).data() == "서명 전"
