"""Close and reopen an event, the council outlook, a service corrected in the affiliate view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from crisisdesk.desk.app import Desk
from crisisdesk.ui.dialogs.event_lifecycle import EventReasonDialog
from tests.ui.conftest import type_text


def _confirm(qtbot, dialog: EventReasonDialog, reason: str) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    type_text(dialog.reason, reason)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_close_and_reopen_an_event_with_a_reason(open_window, nirs_file, qtbot, clock):
    driver = open_window(nirs_file)
    window, header = driver.window, driver.window.header
    event = window.info.id
    assert header.event_button.isVisible() and header.close_action.isEnabled()
    assert header.event_button.menu().actions() == [header.new_action, header.close_action, header.reopen_action]
    header.close_action.trigger()
    dialog = window.commands.dialog
    assert dialog.choice.currentData() == event and not dialog.choice.isEnabled()
    _confirm(qtbot, dialog, "전 서비스 복구 확인")
    qtbot.waitUntil(lambda: window.info is None)
    assert not header.close_action.isEnabled() and "진행 중인 사건이 없습니다" in header.alerts.text()

    header.reopen_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(EventReasonDialog, "reopenEventDialog") is not None)
    dialog = window.findChild(EventReasonDialog, "reopenEventDialog")
    assert dialog.choice.count() == 1 and dialog.choice.currentData() == event
    _confirm(qtbot, dialog, "재장애 발생")
    qtbot.waitUntil(lambda: window.info is not None and window.info.id == event)
    window.close()
    with Desk.open(nirs_file, clock=clock) as desk:
        kinds = [e.kind for e in desk.views.timeline(event)]
        assert kinds[-2:] == ["event.closed", "event.reopened"]


def test_council_outlook_in_the_decisions_panel(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    panel = driver.panel("decisions")
    outlook = panel.outlook
    panel.lower.setCurrentWidget(outlook)
    assert outlook.model.rowCount() == 4 and outlook.model.index(1, 0).data() == "+24시간"
    outlook.table.selectRow(1)
    assert outlook.horizon.currentData() == "24h"
    type_text(outlook.expected, "카드 결제 정상화")
    type_text(outlook.needs, "콜센터 인력 지원")
    qtbot.mouseClick(outlook.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outlook.model.index(1, 1).data() == "카드 결제 정상화")
    assert outlook.model.index(1, 2).data() == "콜센터 인력 지원" and outlook.model.index(1, 3).data()
    outlook.table.selectRow(0)
    assert outlook.expected.text() == ""  # +12 h has nothing said yet
    outlook.table.selectRow(1)
    assert outlook.expected.text() == "카드 결제 정상화"


def test_a_service_status_corrected_in_the_affiliate_view(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    driver.window.open_affiliate("bank")
    panel = driver.window.panels["affiliates"]
    driver.settle()
    qtbot.waitUntil(lambda: panel.services.rowCount() > 1)
    correction = panel.correction
    assert not correction.save_button.isEnabled()
    row = next(i for i, r in enumerate(panel.services.rows()) if r.status == "normal")
    service = panel.services.rows()[row].service
    panel.service_table.selectRow(row)
    assert correction.service.text() and correction.save_button.isEnabled()
    correction.status.setCurrentIndex(correction.status.findData("degraded"))
    type_text(correction.note, "지연 처리 중")
    qtbot.mouseClick(correction.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.services.rows()[panel.services.key_row(service.id)].status == "degraded")
    view = panel.services.rows()[panel.services.key_row(service.id)].view
    assert view.note == "지연 처리 중" and view.confirmed_by == "운영자"
