"""An affiliate desk's window refuses what only the group desk may do, through the usual error box."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import ExchangeService
from tests.desk.factories import ManualClock, activate_nirs, make_desk
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import type_text


@pytest.fixture
def bank_file(tmp_path, clock):
    """The bank's desk, holding the event the group desk activated (delivered by a packet)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        (tmp_path / "group").mkdir()
        (tmp_path / "bank").mkdir()
        group = make_desk(tmp_path / "group" / "desk.sqlite", clock)
        bank = Desk.open(tmp_path / "bank" / "desk.sqlite", clock=ManualClock(clock.now))
        group_x, bank_x = ExchangeService(group), ExchangeService(bank)
        group_x.init("group")
        bank_x.init("affiliate", group="hanbit", affiliate="bank")
        group_x.enrol(bank_x.export_public_key(tmp_path / "bank.cdkey"))
        bank_x.enrol(group_x.export_public_key(tmp_path / "group.cdkey"))
        event = activate_nirs(group)
        sent = group_x.export_to(bank.desk_id, tmp_path)
        assert bank_x.import_file(sent.path).status == "imported"
        group.close()
        bank.close()
        yield tmp_path / "bank" / "desk.sqlite", event
    finally:
        keyring.set_keyring(previous)


def _box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_closing_the_event_on_an_affiliate_desk_is_refused_in_one_line(open_window, bank_file, qtbot,
                                                                        clock):
    path, event = bank_file
    driver = open_window(path)
    window, header = driver.window, driver.window.header
    assert window.info is not None and window.info.id == event
    header.close_action.trigger()
    dialog = window.commands.dialog
    type_text(dialog.reason, "복구 완료")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _box() is not None)
    box = _box()
    assert box.text() == ("이 데스크에서는 할 수 없습니다: 계열사 'bank'의 데스크입니다. "
                          "사건 종료은(는) 그룹 데스크만 할 수 있습니다")  # the refusal, in Korean
    assert "아무것도 변경되지 않았습니다" in box.informativeText()
    box.close()
    driver.settle()
    assert window.info is not None and window.info.id == event  # still open
    window.close()
    with Desk.open(path, clock=clock) as desk:
        assert desk.events.event(event).is_open
