"""The whole story through the real main window: activate, board, impact, checklist, decision, language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from crisisdesk.desk.app import Desk
from crisisdesk.ui.checklist.checklist_rows import key_of
from tests.desk.factories import ManualClock
from tests.ui.conftest import type_text


def _activate(driver, qtbot):
    dialog = driver.window.commands.activate()
    qtbot.waitUntil(lambda: dialog.playbook.count() > 0)
    dialog.playbook.setCurrentIndex(dialog.playbook.findData("gov-system-outage"))
    dialog.title.setText("국가정보자원관리원 화재")
    assert dialog.hits.rowCount() == 0
    dialog.providers.set_ticked("gov-id-check", True)
    # the dialog shows what the provider hits before anything is saved
    assert dialog.hits.affiliates_hit() == 9
    assert dialog.hits.rowCount() >= 9
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.window.info is not None)
    driver.settle()


def _fill_impact(driver, qtbot):
    board = driver.panel("board")
    qtbot.waitUntil(lambda: len(board._tiles) == 9)
    bank_tile = next(t for t in board._tiles if t.tile.affiliate == "bank")
    assert "영업점 창구 거래" in bank_tile.services.text()
    assert "대체" in bank_tile.services.text()  # the alternatives, in Korean
    qtbot.mouseClick(bank_tile, Qt.MouseButton.LeftButton)
    affiliates = driver.window.panels["affiliates"]
    assert driver.window.stack.currentWidget() is affiliates
    assert affiliates.affiliate == "bank"
    driver.settle()
    form = affiliates.form
    customers = form.rows["customers-affected"].editor.edit
    customers.setFocus()
    qtbot.keyClicks(customers, "1,200")
    qtbot.keyClick(customers, Qt.Key.Key_Return)
    driver.settle()
    failed = form.rows["failed-transactions"]
    type_text(failed.editor.edit, "많음")
    qtbot.keyClick(failed.editor.edit, Qt.Key.Key_Return)
    assert failed.error.isVisibleTo(form) and "whole number" in failed.error.text()
    severity = form.rows["severity"]
    severity.editor.combo.setCurrentIndex(severity.editor.combo.findData("high"))
    severity.editor.combo.activated.emit(severity.editor.combo.currentIndex())
    qtbot.mouseClick(severity.save, Qt.MouseButton.LeftButton)
    driver.settle()
    qtbot.waitUntil(lambda: form.rows["customers-affected"].answer is not None)
    assert form.rows["customers-affected"].answer.value == 1200
    assert form.rows["severity"].answer.value == "high"


def _tick_with_keyboard(driver, qtbot):
    panel = driver.panel("checklists")
    panel.set_affiliate("bank")
    tree = panel.view
    tree.setFocus()
    qtbot.waitUntil(lambda: len(panel.model.items()) > 3)
    items = panel.model.items()[:3]
    rows = [panel.model.index_of(key_of(i)) for i in items]
    assert all(i.affiliate == "bank" and i.state == "todo" for i in items)

    def state(row: int) -> str:
        return panel.model.item(key_of(items[row])).state

    tree.setCurrentIndex(rows[0])
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: state(0) == "done")
    tree.setCurrentIndex(rows[1])
    qtbot.keyClick(tree, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: state(1) == "n/a")
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: state(1) == "todo")
    assert state(0) == "done"
    tree.setCurrentIndex(rows[2])
    qtbot.keyClick(tree, Qt.Key.Key_B)
    dialog = panel.findChild(QInputDialog, "blockedReasonDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("벤더 회신 대기")
    dialog.accept()
    qtbot.waitUntil(lambda: state(2) == "blocked")
    driver.settle()
    return items


def _decide_in_meeting(driver, qtbot):
    panel = driver.panel("decisions")
    panel.meeting_title.setText("1차 위기대응협의회")
    for row in (1, 2):  # the chair and the CIO attend (row 0 is the group chairman)
        panel.attendees.setData(panel.attendees.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(panel.meeting_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.meeting is not None)
    panel.text.setFocus()
    type_text(panel.text, "비대면 실명확인은 모바일 운전면허증으로 대체")
    type_text(panel.rationale, "금융당국 안내")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.decisions.rowCount() == 1)
    assert panel.text.text() == ""  # ready for the next decision
    qtbot.mouseClick(panel.meeting_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.meeting is None)


def _switch_language(driver, qtbot):
    window = driver.window
    settings = driver.panel("settings")
    assert window.nav_actions["board"].text() == "상황판"
    assert window.header.level.text() == "관심"
    settings.set_language("en")
    qtbot.waitUntil(lambda: window.nav_actions["board"].text() == "Board")
    qtbot.waitUntil(lambda: window.header.level.text() == "Attention")
    board = driver.panel("board")
    assert "Affiliates hit" in board.totals.text()
    settings.set_language("ko")
    qtbot.waitUntil(lambda: window.nav_actions["board"].text() == "상황판")
    qtbot.waitUntil(lambda: window.header.level.text() == "관심")
    assert "영향 계열사" in board.totals.text()


def test_the_whole_story(open_window, group_file, qtbot, clock):
    driver = open_window(group_file)
    assert driver.window.info is None
    _activate(driver, qtbot)
    clock.advance(minutes=20)
    _fill_impact(driver, qtbot)
    items = _tick_with_keyboard(driver, qtbot)
    _decide_in_meeting(driver, qtbot)
    _switch_language(driver, qtbot)
    event = driver.window.info.id
    driver.window.close()
    assert not QApplication.activeModalWidget()

    with Desk.open(group_file, clock=ManualClock(clock())) as desk:
        assert desk.verify().ok
        states = {i.item: i.state for i in desk.views.checklist(event, "bank")}
        assert [states[i.item] for i in items] == ["done", "todo", "blocked"]
        answers = {a.field: a for a in desk.views.answers(event, "bank")}
        assert answers["customers-affected"].value == 1200
        assert answers["customers-affected"].author == "운영자"
        assert answers["severity"].value == "high"
        assert "failed-transactions" not in answers
        (decision,) = desk.views.decisions(event)
        assert decision.text == "비대면 실명확인은 모바일 운전면허증으로 대체"
        assert decision.rationale == "금융당국 안내"
        assert decision.attendees == ("chair", "cio")
        (meeting,) = desk.views.meetings(event)
        assert meeting.closed_at is not None
        assert desk.views.board(event).hit_affiliates == 9
