"""`crisisdesk verify` reads the file read-only and never changes it; the schema and the
append-only triggers are checked; damage is one line, never a traceback."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.store.verify import verify_file
from tests import raw_entries
from tests.store.demo_desk import demo_copy, run_cli

ROOT = Path(__file__).resolve().parents[2]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def _edit(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        conn.execute(sql)
    conn.close()


def _break_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8:page * 4096 + 40] = b"\xff" * 32  # every b-tree page's cells point nowhere
    path.write_bytes(bytes(data))


def test_verify_leaves_the_file_byte_for_byte_and_creates_nothing(tmp_path):
    path = demo_copy(tmp_path / "evidence" / "desk.sqlite")
    assert path.read_bytes()[18:20] == b"\x02\x02"  # a WAL-mode desk, as a desk leaves it
    before = sha256(path)
    outcome = run_cli("verify", "--db", path)
    assert outcome.code == 0, outcome
    # the demo desk has no key: intact, but not covered by any checkpoint (never "ok")
    assert outcome.out.startswith("intact, not anchored: "), outcome.out
    assert "not covered by any checkpoint" in outcome.out
    assert sha256(path) == before
    assert beside(path) == []  # no -wal, no -shm


def test_verify_of_a_damaged_file_leaves_it_as_it_was(tmp_path):
    path = demo_copy(tmp_path / "desk.sqlite")
    _break_pages(path)
    before = sha256(path)
    outcome = run_cli("verify", "--db", path)
    assert outcome.code == 1 and outcome.crash is None
    assert len(outcome.lines) == 1 and "restore a backup" in outcome.err
    assert sha256(path) == before and beside(path) == []


def test_verify_reads_through_the_wal_of_an_open_desk(tmp_path):
    path = tmp_path / "desk.sqlite"
    with Desk.open(path) as desk:
        for n in range(3):
            raw_entries.record(desk, "note", {"n": n})
        assert Path(f"{path}-wal").exists()
        report = verify_file(path)
        assert report.ok and report.entries == 3
        raw_entries.record(desk, "note", {"n": 3})
        assert verify_file(path).entries == 4


def _read_only_runner() -> list[str] | None:
    """A way to run a shell with a read-only mount at $RO: a private mount namespace
    (`unshare -rm`, works for root and, where allowed, for users)."""
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs none /mnt 2>/dev/null || "
                            "mount -t tmpfs none \"$TMPDIR\""], capture_output=True,
                           env={**os.environ, "TMPDIR": "/tmp"})
    return ["unshare", "-rm"] if probe.returncode == 0 else None


def test_verify_on_read_only_media(tmp_path):
    """A backup on read-only media (a write-protected stick, a CD) verifies."""
    source = demo_copy(tmp_path / "src" / "desk.sqlite")
    before = sha256(source)
    mount = tmp_path / "media"
    mount.mkdir()
    python = sys.executable
    script = (f'mount -t tmpfs none "{mount}" && cp "{source}" "{mount}/desk.sqlite" && '
              f'mount -o remount,ro "{mount}" && touch "{mount}/probe" 2>/dev/null && exit 97; '
              f'"{python}" -m crisisdesk verify --db "{mount}/desk.sqlite"; code=$?; '
              f'sha256sum "{mount}/desk.sqlite"; ls -a "{mount}"; exit $code')
    runner = _read_only_runner()
    if runner is not None:
        result = subprocess.run([*runner, "sh", "-c", script], capture_output=True, text=True,
                                cwd=ROOT, timeout=120)
        assert result.returncode == 0, result.stderr
        assert before in result.stdout
        assert "desk.sqlite-shm" not in result.stdout and "desk.sqlite-wal" not in result.stdout
    elif os.geteuid() != 0:  # pragma: no cover - a read-only folder is as good without mounts
        folder = tmp_path / "ro"
        folder.mkdir()
        path = folder / "desk.sqlite"
        shutil.copy(source, path)
        path.chmod(0o444)
        folder.chmod(0o555)
        try:
            outcome = run_cli("verify", "--db", path)
            assert outcome.code == 0, outcome
        finally:
            folder.chmod(0o755)
        assert sha256(path) == before
    else:  # pragma: no cover
        pytest.skip("neither a private mount namespace nor a non-root user to make a folder read-only")


@pytest.mark.parametrize("statements, words", [
    (["DROP TRIGGER journal_no_update"], "append-only trigger journal_no_update is missing"),
    (["DROP TRIGGER journal_no_update", "DROP TRIGGER journal_no_delete"],
     "journal_no_update and journal_no_delete are missing"),
    (["DROP TRIGGER journal_no_delete",
      "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal WHEN 0 BEGIN SELECT 1; END"],
     "trigger journal_no_delete was changed"),
    (["CREATE TABLE notes (x)"], "extra table notes"),
    (["CREATE INDEX sneaky ON journal(author)"], "extra index sneaky"),
    (["DROP INDEX journal_hlc"], "index journal_hlc is missing"),
    (["CREATE VIEW v AS SELECT 1"], "extra view v"),
])
def test_schema_and_triggers_checked(tmp_path, statements, words):
    path = tmp_path / "desk.sqlite"
    with Desk.open(path) as desk:
        raw_entries.record(desk, "note", {"n": 1})
    _edit(path, *statements)
    outcome = run_cli("verify", "--db", path)
    assert outcome.code == 1, outcome
    assert len(outcome.lines) == 1
    assert words in outcome.err and "restore a backup" in outcome.err


def test_dropped_triggers_reported_after_the_edit_they_allowed(tmp_path):
    path = tmp_path / "desk.sqlite"
    with Desk.open(path) as desk:
        for n in range(3):
            raw_entries.record(desk, "note", {"n": n})
    _edit(path, "DROP TRIGGER journal_no_update",
          "UPDATE journal SET payload = '{\"n\":9}' WHERE seq = 2")
    report = verify_file(path)
    assert "#2" in report.problems[0] and "edited" in report.problems[0]
    assert "journal_no_update is missing" in report.problems[1]
    outcome = run_cli("verify", "--db", path, "--all")
    assert outcome.code == 1 and len(outcome.lines) == 2
    first = run_cli("verify", "--db", path)
    assert len(first.lines) == 1 and "(and 1 more: crisisdesk verify --all)" in first.err


def test_undecodable_text_is_named_damage(tmp_path):
    path = tmp_path / "desk.sqlite"
    with Desk.open(path) as desk:
        raw_entries.record(desk, "note", {"n": 1})
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET author = CAST(x'fffe41' AS TEXT) WHERE seq = 1")
    conn.commit()
    conn.close()
    outcome = run_cli("verify", "--db", path)
    assert outcome.code == 1 and outcome.crash is None and len(outcome.lines) == 1
    assert "restore a backup" in outcome.err


@pytest.mark.parametrize("content, words", [
    (b"", "empty (0 bytes)"),
    ("회의록\n".encode() * 50, "not an SQLite file"),
    (b"SQLite format 3\x00" + bytes(20), "truncated"),
])
def test_not_a_desk_one_line(tmp_path, content, words):
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    for argv in (["verify"], ["event", "show"], ["report", "--kind", "brief", "--out", tmp_path / "r.pdf"]):
        outcome = run_cli(*argv, "--db", path)
        assert outcome.code == 1 and outcome.crash is None, (argv, outcome)
        assert len(outcome.lines) == 1, (argv, outcome.err)
    assert words in run_cli("verify", "--db", path).err
    assert path.read_bytes() == content


def test_foreign_and_empty_sqlite_refused_by_verify(tmp_path):
    empty, foreign = tmp_path / "empty.sqlite", tmp_path / "foreign.sqlite"
    for path, sql in ((empty, "DROP TABLE t"), (foreign, "INSERT INTO t VALUES (1)")):
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute(sql)
        conn.commit()
        conn.close()
    for path in (empty, foreign):
        before = sha256(path)
        outcome = run_cli("verify", "--db", path)
        assert outcome.code == 1 and len(outcome.lines) == 1, outcome
        assert "another program" in outcome.err
        assert sha256(path) == before


@pytest.mark.parametrize("command", [["event", "show"], ["report", "--kind", "brief"]])
def test_damaged_desk_commands_say_so_in_one_line(tmp_path, command):
    path = demo_copy(tmp_path / "desk.sqlite")
    _break_pages(path)
    argv = [*command, "--db", path] + (["--out", tmp_path / "r.pdf"] if "report" in command else [])
    outcome = run_cli(*argv)
    assert outcome.code == 1 and outcome.crash is None, outcome
    assert len(outcome.lines) == 1 and "restore a backup" in outcome.err, outcome.err


def test_an_older_schema_is_verified_without_migrating_the_file(tmp_path):
    from crisisdesk.store import database

    path = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    database.migrate(conn, upto=1)
    conn.close()
    before = sha256(path)
    report = verify_file(path)
    assert report.ok, report.problems
    assert sha256(path) == before
    _edit(path, "DROP TRIGGER journal_no_delete")
    assert "journal_no_delete is missing" in verify_file(path).problems[0]
