"""Bad input of every kind: one line on stderr, exit 1 or 2, never a traceback; stored text
with control characters printed escaped; a cp949 console and non-UTF-8 arguments survive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.cli.output import escape_controls
from tests.store.demo_desk import demo_copy, run_cli

ROOT = Path(__file__).resolve().parents[2]
NASTY = "경보\x1b[2J\x1b]0;pwned\x07\r\u202etxt.exe\x9b31m🚨"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-input")
    damaged = demo_copy(folder / "damaged.sqlite")
    data = bytearray(damaged.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8:page * 4096 + 40] = b"\xff" * 32
    damaged.write_bytes(bytes(data))
    (folder / "empty.sqlite").write_bytes(b"")
    (folder / "text.sqlite").write_text("회의록\n" * 50, encoding="utf-8")
    (folder / "dir").mkdir()
    return {"folder": folder, "damaged": damaged, "empty": folder / "empty.sqlite",
            "text": folder / "text.sqlite", "dir": folder / "dir", "missing": folder / "missing.sqlite"}


@pytest.fixture
def db(tmp_path):
    return demo_copy(tmp_path / "desk.sqlite")


A = ["event", "activate", "--playbook", "gov-system-outage", "--title", "x"]
R = ["report", "--kind", "brief"]

# {db}: a demo desk; {out}: a PDF path; others: the files fixture. Each exits 1 or 2.
CORPUS = [
    ["no-such-command"],
    ["--db"],
    ["event"],
    ["event", "show", "--db", "{missing}"],
    ["event", "show", "--db", "{dir}"],
    ["event", "show", "--db", "{empty}"],
    ["event", "show", "--db", "{text}"],
    ["event", "show", "--db", "{damaged}"],
    ["event", "list", "--db", "{damaged}"],
    ["event", "show", "nope", "--db", "{db}"],
    ["event", "show", "\x1b[31mred", "--db", "{db}"],
    ["event", "show", "bad\udcffid", "--db", "{db}"],
    ["event", "show", "a\x00b", "--db", "{db}"],
    ["event", "show", "--db", "a\x00b.sqlite"],
    ["event", "show", "--db", "{folder}/\udcff.sqlite"],
    [*A, "--db", "{db}", "--playbook", "nope"],
    [*A, "--db", "{db}", "--at", "9999-12-31"],
    [*A, "--db", "{db}", "--at", "9999-12-31T23:59:59-14:00"],
    [*A, "--db", "{db}", "--at", "0001-01-01"],
    [*A, "--db", "{db}", "--at", "2025-13-45"],
    [*A, "--db", "{db}", "--at", " "],
    [*A, "--db", "{db}", "--at", "1e100"],
    [*A, "--db", "{db}", "--level", "nope"],
    [*A, "--db", "{db}", "--playbook", ""],
    ["event", "activate", "--playbook", "{text}", "--title", "x", "--db", "{db}"],
    ["event", "activate", "--playbook", "{dir}", "--title", "x", "--db", "{db}"],
    ["event", "activate", "--title", "x", "--db", "{db}"],
    ["event", "level", "nope", "alert", "--reason", "r", "--db", "{db}"],
    ["event", "level", "01", "nope", "--reason", "r", "--db", "{db}"],
    ["event", "level", "01", "alert", "--db", "{db}"],
    ["event", "provider", "01", "giro", "exploded", "--db", "{db}"],
    ["event", "provider", "01", "nope", "down", "--db", "{db}"],
    ["event", "close", "nope", "--reason", "r", "--db", "{db}"],
    ["check", "01", "bank", "nope", "done", "--db", "{db}"],
    ["check", "01", "nope", "x", "done", "--db", "{db}"],
    ["check", "01", "bank", "x", "finished", "--db", "{db}"],
    ["assess", "01", "bank", "customers-affected", "{", "--db", "{db}"],
    ["assess", "01", "bank", "services", "{" * 100_000, "--db", "{db}"],
    ["assess", "01", "bank", "services", '{"x": 1e999999}', "--db", "{db}"],
    ["assess", "01", "bank", "nope", "1", "--db", "{db}"],
    ["decide", "nope", "--text", "t", "--db", "{db}"],
    ["timeline", "nope", "--db", "{db}"],
    ["timeline", "01", "--lang", "xx", "--db", "{db}"],
    ["report", "--db", "{db}"],
    [*R, "--out", "{out}", "--as-of", "#abc", "--db", "{db}"],
    [*R, "--out", "{out}", "--as-of", "#-1", "--db", "{db}"],
    [*R, "--out", "{out}", "--as-of", "#99999999999999999999999", "--db", "{db}"],
    [*R, "--out", "{out}", "--as-of", "9999-12-31", "--db", "{db}"],
    [*R, "--out", "{out}", "--as-of", "yesterday", "--db", "{db}"],
    ["report", "--out", "{out}", "--next-update", "soon", "--db", "{db}"],
    [*R, "--out", "{dir}", "--db", "{db}"],
    [*R, "--out", "{folder}/no/such/folder/r.pdf", "--db", "{db}"],
    [*R, "--out", "{out}", "--db", "{damaged}"],
    [*R, "--out", "{out}", "--db", "{empty}"],
    ["report", "approve", "--db", "{db}"],
    ["report", "approve", "999", "--db", "{db}"],
    ["report", "issue", "1", "--db", "{db}"],
    ["report", "reprint", "999", "--out", "{out}", "--db", "{db}"],
    ["report", "--kind", "paper", "--affiliate", "nope", "--out", "{out}", "--db", "{db}"],
    ["report", "list", "a", "b", "--db", "{db}"],
    ["verify", "--db", "{missing}"],
    ["verify", "--db", "{dir}"],
    ["verify", "--db", "{empty}"],
    ["verify", "--db", "{text}"],
    ["verify", "--db", "{damaged}"],
    ["backup", "--db", "{db}", "--out", "{dir}"],
    ["backup", "--db", "{db}", "--out", "{db}"],
    ["backup", "--db", "{damaged}", "--out", "{folder}/b.sqlite"],
    ["backup", "--db", "{db}", "--out", "/proc/no/backup.sqlite"],
    ["restore", "{missing}", "--db", "{db}"],
    ["restore", "{text}", "--db", "{db}"],
    ["restore", "{empty}", "--db", "{db}"],
    ["restore", "{damaged}", "--db", "{db}"],
    ["restore", "{db}", "--db", "{db}"],
    ["group", "load", "{missing}", "--db", "{db}"],
    ["group", "load", "{text}", "--db", "{db}"],
    ["group", "load", "{dir}", "--db", "{db}"],
    ["demo", "--db", "{dir}"],
    ["demo", "--db", "/proc/no/demo.sqlite"],
]


def fill(arg: str, files: dict, db: Path, out: Path) -> str:
    for key, value in files.items():
        arg = arg.replace("{" + key + "}", str(value))
    return arg.replace("{db}", str(db)).replace("{out}", str(out))


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 60


@pytest.mark.parametrize("argv", CORPUS, ids=[f"{n:02d}-{a[0]}" for n, a in enumerate(CORPUS)])
def test_bad_input_one_line_no_traceback(argv, files, db, tmp_path):
    outcome = run_cli(*(fill(a, files, db, tmp_path / "r.pdf") for a in argv))
    assert outcome.crash is None, outcome.crash
    assert "Traceback" not in outcome.out + outcome.err
    assert outcome.code in (1, 2), outcome
    assert len(outcome.lines) == 1, outcome.err
    assert outcome.lines[0].startswith("crisisdesk"), outcome.err
    assert "unexpected error" not in outcome.err, outcome.err
    assert not any(c in outcome.err for c in "\x00\x1b\r\x9b\u202e"), outcome.err


def _nasty_desk(tmp_path: Path) -> tuple[Path, str]:
    db = demo_copy(tmp_path / "desk.sqlite")
    outcome = run_cli("event", "activate", "--playbook", "gov-system-outage", "--title", NASTY,
                      "--drill", "--db", db)
    assert outcome.code == 0, outcome
    event = outcome.out.strip()
    assert run_cli("decide", event, "--text", NASTY, "--db", db).code == 0
    return db, event


def test_control_characters_in_stored_text_printed_escaped(tmp_path):
    db, event = _nasty_desk(tmp_path)
    for argv in (["event", "list"], ["event", "show", event], ["timeline", event]):
        outcome = run_cli(*argv, "--db", db)
        assert outcome.code == 0, outcome
        assert not any(c in outcome.out for c in "\x1b\x07\r\x9b\u202e"), repr(outcome.out)
    listing = run_cli("event", "list", "--db", db).out
    assert escape_controls(NASTY) in listing and "경보" in listing
    data = json.loads(run_cli("event", "list", "--json", "--db", db).out)
    assert NASTY in [row["title"] for row in data]  # JSON keeps the text, escaped the JSON way


def _cli(*argv, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crisisdesk", *argv], cwd=ROOT, capture_output=True,
                          env={**os.environ, **env}, timeout=120)


def test_cp949_console(tmp_path):
    db, event = _nasty_desk(tmp_path)
    for argv in (["event", "list"], ["event", "list", "--json"], ["timeline", event],
                 ["event", "show", "no-such-event"]):
        result = _cli(*argv, "--db", str(db), PYTHONIOENCODING="cp949")
        out, err = result.stdout.decode("cp949"), result.stderr.decode("cp949")
        assert "Traceback" not in err, err
        assert result.returncode in (0, 1), err
        if result.returncode:
            assert len(err.splitlines()) == 1
        elif argv[-1] == "--json":
            assert NASTY in [row["title"] for row in json.loads(out)]
        else:
            assert "경보" in out and "\\U0001f6a8" in out  # what cp949 cannot show, escaped


def test_non_utf8_arguments(tmp_path):
    db = demo_copy(tmp_path / "desk.sqlite")
    for argv in ([b"event", b"show", b"\xff\xfe", b"--db", os.fsencode(db)],
                 [b"event", b"show", b"--db", os.fsencode(tmp_path) + b"/\xff.sqlite"],
                 [b"\xff"],
                 [b"report", b"--kind", b"brief", b"--out", b"\xff.pdf", b"--db", os.fsencode(db)]):
        result = subprocess.run([sys.executable, "-m", "crisisdesk", *argv], cwd=ROOT, capture_output=True,
                                timeout=120)
        err = result.stderr.decode("utf-8")
        assert result.returncode in (1, 2) and "Traceback" not in err, err
        assert len(err.splitlines()) == 1, err


def test_unexpected_error_is_one_line_and_can_show_its_traceback(monkeypatch, db):
    from crisisdesk.cli import event_commands

    def broken(args):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(event_commands, "run_event_list", broken)
    from crisisdesk.cli import build_parser  # noqa: F401  (the parser binds the function when built)

    outcome = run_cli("event", "list", "--db", db)
    assert outcome.code == 1 and len(outcome.lines) == 1
    assert "unexpected error (ZeroDivisionError: boom)" in outcome.err
    monkeypatch.setenv("CRISISDESK_TRACEBACK", "1")
    assert isinstance(run_cli("event", "list", "--db", db).crash, str)
