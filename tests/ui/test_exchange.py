"""Two desks trade packets through the Exchange panel of the group desk's real window."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import timedelta

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.clock import to_iso
from crisisdesk.exchange import packet
from crisisdesk.exchange.keys import EncryptedFileKeys
from crisisdesk.store import exchange_tables as tables
from crisisdesk.ui.exchange.key_dialogs import EnrolDialog, InitDialog, PassphraseDialog
from tests.desk.factories import NIRS_T0, ManualClock, activate_nirs, make_desk
from tests.memory_keyring import MemoryKeyring

PASSPHRASE = "bank-desk-secret"

@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def group_desk(tmp_path, clock):
    path = tmp_path / "group" / "desk.sqlite"
    path.parent.mkdir()
    with make_desk(path, clock) as desk:
        event = activate_nirs(desk)
    return path, event


@pytest.fixture
def bank(tmp_path):
    """The bank's desk, a step ahead in time, its key in a passphrase-protected file."""
    folder = tmp_path / "bank"
    folder.mkdir()
    # five minutes ahead: later than the group desk, within the 10 minutes a clock may run ahead
    desk = Desk.open(folder / "desk.sqlite", clock=ManualClock(NIRS_T0 + timedelta(minutes=5)), author="은행 IT")
    service = ExchangeService(desk)
    service.init("affiliate", group="hanbit", affiliate="bank", key_file=folder / "bank.key", passphrase=PASSPHRASE)
    service.export_public_key(folder / "bank.cdkey")
    yield desk, service
    desk.close()


def _click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _choose(monkeypatch, method: str, value) -> None:
    """The next file dialog of that kind answers `value`, as if the person had picked it."""
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *args, **kwargs: value))


def _age(path) -> None:
    past = time.time() - 600
    os.utime(path, (past, past))


def _initialise_and_enrol(driver, qtbot, monkeypatch, tmp_path, bank):
    bank_desk, bank_service = bank
    panel = driver.panel("exchange")
    qtbot.waitUntil(lambda: panel.snap is not None and panel.init_button.isVisible())
    qtbot.mouseClick(panel.init_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, InitDialog) and dialog.in_keyring.isChecked()
    _click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: panel.snap.info is not None)
    me = panel.snap.info.identity
    assert panel.fingerprint.text() == me.fingerprint and not panel.init_button.isVisible()

    _choose(monkeypatch, "getSaveFileName", (str(tmp_path / "group.cdkey"), ""))
    qtbot.mouseClick(panel.export_key_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "group.cdkey").exists())
    bank_service.enrol(tmp_path / "group.cdkey")

    _choose(monkeypatch, "getOpenFileName", (str(tmp_path / "bank" / "bank.cdkey"), ""))
    qtbot.mouseClick(panel.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, EnrolDialog))
    dialog = panel.dialog
    assert dialog.fingerprint.text() == bank_service.me().fingerprint  # shown before anything is trusted
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.matches.setChecked(True)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.peers.rowCount() == 1)
    assert panel.peers.rows()[0].name == bank_service.me().name
    return panel


def _bank_ticks(bank, event: str, item, state: str, out) -> object:
    bank_desk, bank_service = bank
    bank_desk.checklists.set_item(event, "bank", f"{item.checklist}/{item.item}", state=state)
    if bank_service.needs_passphrase():
        bank_service.unlock(PASSPHRASE)
    group_id = next(p.desk for p in bank_service.peers())
    return bank_service.export_to(group_id, out).path


def test_packets_from_an_affiliate_desk_reach_the_group_checklist(open_window, group_desk, bank, memory_keyring,
                                                                  qtbot, monkeypatch, tmp_path, clock):
    path, event = group_desk
    bank_desk, bank_service = bank
    driver = open_window(path)
    panel = _initialise_and_enrol(driver, qtbot, monkeypatch, tmp_path, bank)
    window = driver.window

    share = tmp_path / "share"
    share.mkdir()
    window.exchange.set_folder(str(share))
    qtbot.waitUntil(lambda: window.status.exchange.text() == "교환 폴더: 연결됨")
    qtbot.mouseClick(panel.folder.sync_button, Qt.MouseButton.LeftButton)  # the event goes out to the bank
    qtbot.waitUntil(lambda: panel.folder.outgoing.rowCount() == 1)
    assert bank_service.me().name in panel.folder.summary.text()
    qtbot.waitUntil(lambda: panel.status.rowCount() == 1 and panel.status.rows()[0].awaiting_ack)
    assert panel.status.index(0, 0).data() == bank_service.me().name  # sent, not acknowledged
    assert panel.status.index(0, 1).data() == "없음" and panel.status.index(0, 3).data() == "수신 확인"
    assert panel.status.index(0, 2).data() == f"{panel.status.rows()[0].behind}건"
    assert [o.status for o in bank_service.import_files(share.glob("*.cdpkt"))] == ["imported"]

    first, second = bank_desk.views.checklist(event, "bank")[:2]
    usb = tmp_path / "usb"
    usb.mkdir()
    packet = _bank_ticks(bank, event, first, "done", usb)

    checklist = driver.panel("checklists")  # the group desk changes the same item on the phone's word
    checklist.set_affiliate("bank")
    key = ("bank", first.checklist, first.item)
    qtbot.waitUntil(lambda: checklist.model.item(key) is not None)
    checklist.view.setFocus()
    checklist.view.setCurrentIndex(checklist.model.index_of(key))
    qtbot.keyClick(checklist.view, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: checklist.model.item(key).state == "doing")

    panel = driver.panel("exchange")
    _choose(monkeypatch, "getOpenFileNames", ([str(packet)], ""))
    qtbot.mouseClick(panel.folder.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.folder.outcomes.rowCount() == 1)
    assert panel.folder.outcomes.index(0, 1).data() == "가져옴"

    checklist = driver.panel("checklists")
    qtbot.waitUntil(lambda: checklist.model.item(key).state == "done")  # the bank's later change was kept
    assert checklist.model.item(key).conflict
    index = checklist.model.index_of(key)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "두 데스크" in index.data(Qt.ItemDataRole.ToolTipRole)
    checklist.view.setCurrentIndex(index)
    qtbot.mouseClick(checklist.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: checklist.history is not None and checklist.history.model.rowCount() == 2)
    history = checklist.history.model
    assert {r.author for r in history.rows()} == {"운영자", "은행 IT"}
    assert {history.index(r, 2).data() for r in range(2)} == {"이 데스크", bank_service.me().name}
    assert [history.index(r, 4).data() for r in range(2)] == ["동시 변경", "동시 변경"]
    checklist.history.close()

    tampered = _bank_ticks(bank, event, second, "done", share)
    data = bytearray(tampered.read_bytes())
    data[-1] ^= 0x01  # one byte of the signature
    tampered.write_bytes(bytes(data))
    _age(tampered)
    panel = driver.panel("exchange")
    qtbot.mouseClick(panel.folder.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.folder.outcomes.rowCount() == 1 and panel.folder.rejected.rowCount() == 1)
    outcome = panel.folder.outcomes.rows()[0]
    assert outcome.status == "refused" and outcome.reason == "bad_signature"
    assert "서명" in panel.folder.outcomes.index(0, 2).data()
    [kept] = (share / "rejected").glob(f"*/{tampered.name}")  # in the day's folder
    assert "bad_signature" in kept.with_name(f"{tampered.name}.why.txt").read_text(encoding="utf-8")
    assert "서명" in panel.folder.rejected.index(0, 1).data()
    assert checklist.model.item(("bank", second.checklist, second.item)).state == "todo"  # nothing applied

    panel.peer_table.selectRow(0)
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    panel.dialog.setTextValue("키 파일 분실")
    panel.dialog.accept()
    qtbot.waitUntil(lambda: not panel.peers.rows()[0].active)
    assert "키 파일 분실" in panel.peers.index(0, 3).data() and not panel.revoke_button.isEnabled()


def test_a_false_acknowledgement_is_refused_and_shown_naming_the_peer(
        open_window, group_desk, bank, memory_keyring, qtbot, monkeypatch, tmp_path):
    """The bank's key acknowledges a position of the group desk's journal that it never had (a
    misused key): the group desk, which holds all it has sent, refuses it, and the panel says
    which desk and what to do."""
    path, event = group_desk
    bank_desk, bank_service = bank
    driver = open_window(path)
    panel = _initialise_and_enrol(driver, qtbot, monkeypatch, tmp_path, bank)
    assert not panel.restore_note.isVisible()
    usb = tmp_path / "usb"
    usb.mkdir()
    group_id = next(p.desk for p in bank_service.peers())
    driver.window.exchange.set_folder(str(usb))
    qtbot.mouseClick(panel.folder.sync_button, Qt.MouseButton.LeftButton)  # the group's stream starts
    qtbot.waitUntil(lambda: len(list(usb.glob("*.cdpkt"))) == 1)
    assert [o.status for o in bank_service.import_files(usb.glob("*.cdpkt"))] == ["imported"]
    group_epoch = tables.stream(bank_desk.store.conn, group_id)["their_epoch"]
    key = EncryptedFileKeys(tmp_path / "bank" / "bank.key", PASSPHRASE).load(bank_service.me().desk)
    data = packet.build(bank_service.me(), key, group_id, 10**13, to_iso(bank_desk.clock()), [],
                        ack=packet.Ack(group_epoch, 10**6, "", -1))
    false_ack = tmp_path / "false-ack.cdpkt"
    false_ack.write_bytes(data)
    _choose(monkeypatch, "getOpenFileNames", ([str(false_ack)], ""))
    qtbot.waitUntil(panel.folder.import_button.isEnabled)  # not while a round of the watch runs
    qtbot.mouseClick(panel.folder.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.restore_note.isVisible())
    text = panel.restore_note.text()
    assert text.startswith("거짓 수신 확인 거부 ")
    assert f"{bank_service.me().name} 데스크가 이 데스크 기록의 #1000000 위치까지 받았다고 확인했으나" in text
    assert "신뢰를 철회하십시오" in text and "되돌려받은" not in text
    assert "#b01515" in panel.restore_note.styleSheet()  # red: a peer's word is in it
    status = driver.window.status.exchange  # and the status bar points there, whatever panel is shown
    assert status.text().endswith(" · 복원 경고") and "교환 화면을 확인하십시오" in status.toolTip()
    notice = panel.snap.restore
    restored = replace(notice, refused=False, by="", why="local", position=7,
                       returned=(("bank.1a2b3c4d", 3), ("card.5e6f7a8b", 1)))
    panel._apply(replace(panel.snap, restore=replace(restored, returned=())))
    assert "#4d4d4d" in panel.restore_note.styleSheet()  # noticed by itself: a fact, not an alarm
    words = panel._restore_words(restored)  # restored from a backup, noticed by itself
    assert words.startswith("백업 복원 감지 ") and "보냈던 기록 #7 위치가 이 데스크에 없음" in words
    assert words.endswith("그 뒤 되돌려받은 이 데스크의 기록: bank.1a2b3c4d에서 3건, card.5e6f7a8b에서 1건.")
    by_peer = panel._restore_words(replace(restored, by="bank.1a2b3c4d", why="more_entries", made=9, held=4))
    assert "bank.1a2b3c4d 데스크가 이 데스크에서 만든 기록 9건을 가지고 있으나 이 데스크에는 4건뿐임" in by_peer
    assert by_peer.endswith("되돌려받은 기록이 있으면 확인하십시오.")
    first_packet = panel._restore_words(replace(restored, at="", by="", why=""))  # back before any notice
    assert first_packet.startswith("다른 데스크에서 되돌려받은 이 데스크의 기록: bank.1a2b3c4d에서 3건")
    assert first_packet.endswith("되돌려받은 기록이 있으면 확인하십시오.")


def test_a_desk_without_keyring_keeps_its_key_in_a_file_and_asks_the_passphrase(
        open_window, group_desk, qtbot, tmp_path, monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        driver = open_window(group_desk[0])
        panel = driver.panel("exchange")
        qtbot.waitUntil(lambda: panel.snap is not None)
        assert "운영체제 키링을 쓸 수 없습니다" in panel.key_state.text()
        panel.initialise()
        dialog = panel.dialog
        assert not dialog.in_keyring.isEnabled() and dialog.in_file.isChecked()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.key_file.setText(str(tmp_path / "group.key"))
        dialog.passphrase.setText("short")
        assert not ok.isEnabled() and dialog.problem.text()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.repeat.setText(PASSPHRASE)
        assert ok.isEnabled()
        _click_ok(qtbot, dialog)
        qtbot.waitUntil(lambda: panel.snap.info is not None)
        assert (tmp_path / "group.key").exists() and not panel.snap.locked  # unlocked by its making

        driver.window.close()  # a new session: the key file is locked again
        driver = open_window(group_desk[0])
        panel = driver.panel("exchange")
        qtbot.waitUntil(lambda: panel.snap is not None and panel.snap.locked)
        assert panel.unlock_button.isVisible()
        _choose(monkeypatch, "getSaveFileName", (str(tmp_path / "group.cdkey"), ""))
        qtbot.mouseClick(panel.export_key_button, Qt.MouseButton.LeftButton)  # signing needs the key
        dialog = panel.dialog
        assert isinstance(dialog, PassphraseDialog)
        dialog.passphrase.setText(PASSPHRASE)
        _click_ok(qtbot, dialog)
        qtbot.waitUntil(lambda: (tmp_path / "group.cdkey").exists())
        qtbot.waitUntil(lambda: not panel.snap.locked)
        assert not panel.unlock_button.isVisible()
    finally:
        keyring.set_keyring(previous)


def test_the_watch_runs_rounds_at_the_interval_set_in_settings(open_window, group_desk, memory_keyring, qtbot,
                                                               tmp_path):
    with Desk.open(group_desk[0]) as desk:
        ExchangeService(desk).init("group")
    driver = open_window(group_desk[0])
    window, watch = driver.window, driver.window.exchange
    missing = tmp_path / "unplugged-stick"
    watch.set_folder(str(missing))
    qtbot.waitUntil(lambda: window.status.exchange.text() == "교환 폴더: 연결 끊김")
    settings = driver.panel("settings")
    assert settings.exchange.text() == str(missing)
    settings.interval.setValue(5)
    settings.watch.setChecked(True)
    assert watch.watching and watch._timer.interval() == 5000 and watch._timer.isActive()
    panel = driver.panel("exchange")
    assert "5초마다" in panel.folder.watch_note.text()
    missing.mkdir()
    watch._tick()  # what the timer does every five seconds
    qtbot.waitUntil(lambda: panel.folder.summary.text() == "주고받을 새 내용이 없습니다.")
    assert window.status.exchange.text() == "교환 폴더: 연결됨"
    settings.watch.setChecked(False)
    assert watch._timer.interval() == 60_000  # only the folder's state, once a minute
