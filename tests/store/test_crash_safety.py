"""SIGKILL a writer at random moments: every committed entry survives and verifies.

Quick by default (20 rounds); CRISISDESK_LONG=1 runs 1,000, on a fresh desk every 100 rounds so
each round's full verify stays as cheap as in the quick run."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crisisdesk.desk.app import Desk
from tests.conftest import LONG

ROUNDS = 1000 if LONG else 20
PER_DESK = 100  # rounds on one desk file before the next starts fresh
WRITER = Path(__file__).with_name("crash_writer.py")


def _run_and_kill(db_path: Path, rng: random.Random) -> list[int]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    child = subprocess.Popen([sys.executable, str(WRITER), str(db_path)], stdout=subprocess.PIPE,
                             env=env, text=True)
    assert child.stdout.readline().strip() == "ready"  # opened: now kill at a random moment
    time.sleep(rng.uniform(0.0, 0.3))
    child.send_signal(signal.SIGKILL)
    child.wait()
    return [int(line) for line in child.stdout.read().splitlines() if line.strip().isdigit()]


@pytest.mark.timeout(max(300, ROUNDS * 3))
def test_sigkill_loses_no_committed_entry(tmp_path):
    rng = random.Random(20250926)
    kills = 0
    for round_ in range(ROUNDS):
        if round_ % PER_DESK == 0:
            db_path = tmp_path / f"crash-{round_ // PER_DESK}.sqlite"
            Desk.open(db_path).close()
            confirmed: list[int] = []
        confirmed += _run_and_kill(db_path, rng)
        kills += 1
        conn = sqlite3.connect(db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        seqs = {row[0] for row in conn.execute("SELECT seq FROM journal")}
        conn.close()
        missing = [s for s in confirmed if s not in seqs]
        assert not missing, f"committed entries lost after SIGKILL: {missing[:5]}"
        with Desk.open(db_path) as desk:
            report = desk.verify()
            assert report.ok, report.problems
    assert confirmed  # the writer really wrote between kills
    assert kills == ROUNDS
