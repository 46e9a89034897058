"""Signed checkpoints: when a desk makes them, what verify says of a desk without a key, the
short form on issued reports, and the opening check's line in the command line."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from crisisdesk.desk import checkpoints as desk_checkpoints
from crisisdesk.desk.app import Desk
from crisisdesk.desk.backups import verify_database
from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.checkpoint import Checkpoint, CheckpointError
from crisisdesk.store import checkpoints
from tests.desk.factories import ManualClock
from tests.reports.pdfcheck import pypdf_pages_text
from tests.store.anchored_desk import (
    add_entries,
    keyed_desk,
    keyless_session,
    open_desk,
)
from tests.store.demo_desk import demo_copy, run_cli


def _held(path) -> list[Checkpoint]:
    conn = sqlite3.connect(path)
    try:
        desk = conn.execute("SELECT value FROM meta WHERE key = 'desk_id'").fetchone()[0]
        return checkpoints.of_desk(conn, desk)
    finally:
        conn.close()


def test_a_desk_without_a_key_works_and_verify_says_so(tmp_path):
    path = tmp_path / "desk.sqlite"
    desk = open_desk(path)
    add_entries(desk, 150)
    assert desk.checkpoint() is None
    assert "no key" in desk.checkpoint_status()
    desk.close()
    assert _held(path) == []
    report = verify_database(path)
    assert report.ok and not report.covered
    assert report.summary().startswith("intact, not anchored: 150 journal entries")
    assert "no signed checkpoints (this desk has no key" in report.summary()
    assert "#1..#150 are not covered by any checkpoint" in report.summary()
    outcome = run_cli("checkpoint", "--db", path)
    assert outcome.code == 1 and len(outcome.lines) == 1
    assert "no checkpoint signed: this desk has no key" in outcome.err


def test_interval_close_and_manual_checkpoints(tmp_path, memory_keyring):
    path = tmp_path / "desk.sqlite"
    desk = keyed_desk(path)
    add_entries(desk, 98)
    assert _held(path) == []  # 99 entries: no interval yet
    add_entries(desk, 1)
    assert [(c.seq, c.reason) for c in _held(path)] == [(100, "interval")]
    add_entries(desk, 5)
    manual = desk.checkpoint()
    assert (manual.seq, manual.reason) == (105, "manual")
    add_entries(desk, 2)
    desk.close()
    assert [(c.seq, c.reason) for c in _held(path)] == [(107, "close"), (105, "manual"),
                                                         (100, "interval")]
    desk = open_desk(path)
    desk.close()  # nothing new: no checkpoint
    assert len(_held(path)) == 3
    report = verify_database(path)
    assert report.covered and report.summary().startswith("ok: 107 journal entries")
    outcome = run_cli("checkpoint", "--db", path)
    assert outcome.code == 0 and outcome.out.startswith("checkpoint signed: #107 ")


def test_a_key_file_desk_signs_with_the_passphrase_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "desk.sqlite"
    desk = open_desk(path)
    ExchangeService(desk).init("group", group="hanbit", key_file=tmp_path / "desk.key",
                               passphrase="correct horse")
    add_entries(desk, 3)
    keyless_session(desk)  # a new session: the key file's passphrase not given
    desk.close()
    assert _held(path) == []
    monkeypatch.setenv(desk_checkpoints.PASSPHRASE_ENV, "correct horse")
    desk = open_desk(path)
    assert desk.checkpoint_status() == ""
    desk.close()
    assert [(c.seq, c.reason) for c in _held(path)] == [(4, "close")]
    monkeypatch.setenv(desk_checkpoints.PASSPHRASE_ENV, "wrong passphrase")
    desk = open_desk(path)
    assert "wrong passphrase" in desk.checkpoint_status()
    add_entries(desk, 1)
    desk.close()  # works without a key; makes none
    assert len(_held(path)) == 1


def test_checkpoint_form_is_checked():
    good = {"desk": "d-1", "seq": 3, "hash": "a" * 64, "at": "2025-09-26T20:20:00.000Z",
            "reason": "packet", "signature": "A" * 86 + "=="}
    assert Checkpoint.from_dict(good).short() == "#3 aaaaaaaaaaaa 2025-09-26T20:20:00Z"
    for key, value in [("seq", 0), ("seq", True), ("seq", "3"), ("hash", "A" * 64), ("at", "now"),
                       ("reason", "whim"), ("signature", "x"), ("desk", "../etc")]:
        try:
            Checkpoint.from_dict({**good, key: value})
        except CheckpointError:
            continue
        raise AssertionError(f"{key}={value!r} accepted")


def test_issued_report_prints_the_checkpoint_and_reprints_it(tmp_path, memory_keyring):
    path = demo_copy(tmp_path / "demo.sqlite")
    desk = Desk.open(path, clock=ManualClock(DEMO_NOW), author="김보고")
    ExchangeService(desk).init("group", group="hanbit")
    desk.reports.draft_report(next_update=desk.clock() + timedelta(hours=4))
    desk.reports.approve_report(None, 1, approver="이위원장")
    desk.clock.advance(minutes=10)
    issued = desk.reports.issue_report(None, 1)
    report_checkpoint = [c for c in _held(path) if c.reason == "report"]
    assert len(report_checkpoint) == 1
    short = report_checkpoint[0].short()
    text = "\n".join(pypdf_pages_text(issued.rendered.pdf))
    assert f"서명된 기록 검증점 {short}" in text
    desk.clock.advance(hours=1)
    add_entries(desk, 2)
    assert desk.reports.reprint_report(None, 1).pdf == issued.rendered.pdf
    draft = desk.reports.draft_report()
    assert "기록 검증점" not in "\n".join(pypdf_pages_text(draft.rendered.pdf))  # drafts: none
    desk.close()


def test_issued_report_of_a_desk_without_a_key_has_no_checkpoint_line(tmp_path):
    path = demo_copy(tmp_path / "demo.sqlite")
    with Desk.open(path, clock=ManualClock(DEMO_NOW), author="김보고") as desk:
        desk.reports.draft_report()
        desk.reports.approve_report(None, 1, approver="이위원장")
        issued = desk.reports.issue_report(None, 1)
        assert "검증점" not in "\n".join(pypdf_pages_text(issued.rendered.pdf))


def test_opening_check_is_one_line_on_stderr(tmp_path, memory_keyring):
    path = tmp_path / "desk.sqlite"
    desk = keyed_desk(path)
    add_entries(desk, 5)
    desk.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER journal_no_delete")
    conn.execute("DELETE FROM journal WHERE seq = 6")
    conn.commit()
    conn.close()
    outcome = run_cli("event", "list", "--db", path)
    warnings = [line for line in outcome.lines if "warning" in line]
    assert len(warnings) == 1, outcome.err
    assert "opening check found" in warnings[0] and "journal_no_delete" in warnings[0]
    assert "#6" in warnings[0] or "more" in warnings[0]
    assert "crisisdesk verify" in warnings[0]
