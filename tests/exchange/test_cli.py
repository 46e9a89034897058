"""`crisisdesk desk …` and `crisisdesk exchange …` as a person would type them."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from crisisdesk.cli import main
from tests.exchange.factories import GROUP_FILE, PLAYBOOK

ROOT = Path(__file__).parents[2]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desks(tmp_path, capsys):
    """Group and bank desks initialised and enrolled through the command line."""
    group, bank = tmp_path / "group.sqlite", tmp_path / "bank.sqlite"
    assert run(capsys, "group", "load", GROUP_FILE, "--db", group)[0] == 0
    code, out, _ = run(capsys, "desk", "init", "--role", "group", "--db", group)
    assert code == 0 and "initialised as group desk of group hanbit" in out
    code, out, _ = run(capsys, "desk", "init", "--role", "affiliate", "--affiliate", "bank",
                       "--group", "hanbit", "--db", bank)
    assert code == 0 and "fingerprint:" in out
    for db, name in ((group, "group"), (bank, "bank")):
        assert run(capsys, "desk", "export-key", "--out", tmp_path / f"{name}.cdkey", "--db", db)[0] == 0
    bank_print = json.loads(run(capsys, "desk", "show", "--json", "--db", bank)[1])["fingerprint"]
    code, out, _ = run(capsys, "desk", "enrol", tmp_path / "bank.cdkey", "--expect", bank_print,
                       "--db", group)
    assert code == 0 and "enrolled desk bank." in out
    assert run(capsys, "desk", "enrol", tmp_path / "group.cdkey", "--db", bank)[0] == 0
    return group, bank


def test_round_trip_on_the_command_line(desks, tmp_path, capsys):
    group, bank = desks
    assert run(capsys, "event", "activate", "--playbook", PLAYBOOK, "--title", "IDC 화재",
               "--db", group)[0] == 0
    out_dir = tmp_path / "out"
    code, out, _ = run(capsys, "exchange", "export", "--to", "bank", "--out", out_dir, "--db", group)
    assert code == 0 and "for bank." in out
    [packet_file] = out_dir.glob("hanbit-group.*.cdpkt")
    code, out, _ = run(capsys, "exchange", "import", packet_file, "--db", bank)
    assert code == 0 and ": imported: packet #" in out
    code, out, _ = run(capsys, "exchange", "import", packet_file, "--db", bank)
    assert code == 0 and "already imported" in out
    code, out, _ = run(capsys, "exchange", "export", "--to", "bank", "--out", out_dir, "--db", group)
    assert "nothing new for bank" in out
    shown = json.loads(run(capsys, "desk", "show", "--json", "--db", group)[1])
    assert shown["role"] == "group" and shown["peers"][0]["sent_upto"] > 0


def test_watch_once(desks, tmp_path, capsys):
    group, bank = desks
    folder = tmp_path / "exchange"
    folder.mkdir()
    run(capsys, "event", "activate", "--playbook", PLAYBOOK, "--title", "drill", "--db", group)
    code, out, _ = run(capsys, "exchange", "watch", folder, "--once", "--settle", "0", "--db", group)
    assert code == 0 and "written for bank." in out and "0 imported, 0 refused, 1 written" in out
    code, out, _ = run(capsys, "exchange", "list", folder, "--db", bank)
    assert out.startswith("incoming: hanbit-group.")
    code, out, _ = run(capsys, "exchange", "watch", folder, "--once", "--settle", "0", "--db", bank)
    assert code == 0 and ": imported: packet #" in out
    assert run(capsys, "exchange", "watch", tmp_path / "gone", "--once", "--db", bank)[0] == 1


def test_refusals_are_one_line_and_exit_1(desks, tmp_path, capsys):
    group, _ = desks
    bogus = tmp_path / "bogus.cdpkt"
    bogus.write_bytes(b"not a packet at all")
    code, out, err = run(capsys, "exchange", "import", bogus, "--db", group)
    assert code == 1 and err == f"crisisdesk: {bogus}: refused: not a CrisisDesk packet\n"
    code, _, err = run(capsys, "desk", "enrol", tmp_path / "bank.cdkey", "--expect", "1 2 3",
                       "--db", group)
    assert code == 1 and "not the expected 1 2 3" in err and err.count("\n") == 1
    code, _, err = run(capsys, "exchange", "export", "--to", "card", "--out", tmp_path, "--db", group)
    assert code == 1 and "no enrolled desk 'card'" in err


def test_no_keyring_then_key_file_with_passphrase(tmp_path, capsys, monkeypatch):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    db = tmp_path / "d.sqlite"
    run(capsys, "group", "load", GROUP_FILE, "--db", db)
    code, _, err = run(capsys, "desk", "init", "--role", "group", "--db", db)
    assert code == 1 and "no OS keyring works" in err and "key file" in err
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    code, _, err = run(capsys, "desk", "init", "--role", "group", "--key-file", tmp_path / "k",
                       "--db", db)
    assert code == 1 and "CRISISDESK_PASSPHRASE" in err
    monkeypatch.setenv("CRISISDESK_PASSPHRASE", "긴 비밀 문장입니다")
    code, out, _ = run(capsys, "desk", "init", "--role", "group", "--key-file", tmp_path / "k",
                       "--db", db)
    assert code == 0 and "passphrase-protected" in out
    assert run(capsys, "desk", "export-key", "--out", tmp_path / "g.cdkey", "--db", db)[0] == 0
    monkeypatch.setenv("CRISISDESK_PASSPHRASE", "wrong passphrase")
    code, _, err = run(capsys, "desk", "export-key", "--out", tmp_path / "h.cdkey", "--db", db)
    assert code == 1 and "wrong passphrase" in err


def test_watch_ends_cleanly_on_ctrl_c(desks, tmp_path):
    _, bank = desks
    folder = tmp_path / "exchange"
    folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    child = subprocess.Popen(
        [sys.executable, "-m", "crisisdesk", "exchange", "watch", str(folder), "--interval", "0.1",
         "--db", str(bank)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    first = child.stdout.readline()
    assert "no OS keyring works here" in first  # watching, though it cannot sign here
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert "watch stopped" in out and "Traceback" not in err
