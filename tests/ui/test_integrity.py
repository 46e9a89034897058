"""The journal's integrity in the status bar: the opening check's warning, and the full verify
run on demand on a pool thread (never the UI thread), its outcome shown in Korean."""

from __future__ import annotations

import sqlite3
import threading

from crisisdesk.domain.clock import system_clock
from crisisdesk.ui import integrity
from crisisdesk.ui.executor import OpenedDesk
from crisisdesk.ui.status_bar import DeskStatusBar
from tests.store.anchored_desk import add_entries, keyed_desk, open_desk


def _info(path, warnings=()) -> OpenedDesk:
    return OpenedDesk("01990000-0000-7000-8000-000000000001", "lead", path, system_clock, False,
                      tuple(warnings))


def test_opening_warning_is_shown_in_korean(qtbot, tmp_path):
    bar = DeskStatusBar(system_clock)
    qtbot.addWidget(bar)
    bar.set_info(_info(tmp_path / "d.sqlite", ["schema differs: the trigger journal_no_delete is missing"]))
    assert bar.journal.text() == "기록 경고: 열 때 점검에서 문제 발견"
    assert "journal_no_delete" in bar.journal.toolTip()
    bar.set_info(_info(tmp_path / "d.sqlite"))
    assert bar.journal.text() == "기록: 아직 검증 전"


def test_full_verify_runs_off_the_ui_thread(qtbot, tmp_path, monkeypatch, memory_keyring):  # noqa: F811
    path = tmp_path / "desk.sqlite"
    desk = keyed_desk(path)
    add_entries(desk, 3)
    desk.close()  # checkpoint at close: everything covered
    threads = []
    real = integrity.check_file
    monkeypatch.setattr(integrity, "check_file",
                        lambda p: threads.append(threading.current_thread()) or real(p))
    bar = DeskStatusBar(system_clock)
    qtbot.addWidget(bar)
    bar.set_info(_info(path))
    with qtbot.waitSignal(bar.check.finished, timeout=20_000) as blocker:
        bar.verify_action.trigger()
        assert bar.journal.text() == "기록: 검증 중…"
        assert not bar.verify_action.isEnabled()
    assert blocker.args[0].state == integrity.OK
    assert threads and threads[0] is not threading.main_thread()
    assert bar.journal.text().startswith("기록 검증 완료")
    assert bar.verify_action.isEnabled()

    desk = open_desk(path)
    add_entries(desk, 2)
    desk._writer.signer.tried = True  # a session without the key: two entries not covered
    desk.close()
    with qtbot.waitSignal(bar.check.finished, timeout=20_000) as blocker:
        bar.verify_now()
    assert blocker.args[0].state == integrity.INTACT
    assert "not covered by any checkpoint" in bar.journal.toolTip()

    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET author = 'mallory' WHERE seq = 2")
    conn.commit()
    conn.close()
    with qtbot.waitSignal(bar.check.finished, timeout=20_000) as blocker:
        bar.verify_now()
    assert blocker.args[0].state == integrity.DAMAGED
    assert bar.journal.text() == "기록 손상: 백업을 복원하십시오"


def test_window_shows_the_opening_check_of_a_tampered_desk(open_window, demo_copy, qtbot):
    conn = sqlite3.connect(demo_copy)
    conn.execute("DROP TRIGGER journal_no_delete")
    conn.commit()
    conn.close()
    driver = open_window(demo_copy)
    status = driver.window.status
    qtbot.waitUntil(lambda: status.info is not None)
    assert status.journal.text() == "기록 경고: 열 때 점검에서 문제 발견"
    assert "journal_no_delete" in status.journal.toolTip()
    with qtbot.waitSignal(status.check.finished, timeout=60_000) as blocker:
        status.verify_button.click()
    assert blocker.args[0].state == integrity.DAMAGED
    assert "journal_no_delete" in status.journal.toolTip()
