"""Two programs writing to one desk at once: the journal clock is taken inside the write
transaction, so no two entries share a clock and clocks never decrease along the chain."""

import os
import subprocess
import sys
from pathlib import Path

from crisisdesk.desk.app import Desk
from crisisdesk.domain.hlc import Hlc

WRITER = Path(__file__).with_name("hlc_writer.py")
PER_WRITER = 300


def test_two_processes_never_share_or_reverse_a_clock(tmp_path):
    db_path = tmp_path / "desk.sqlite"
    Desk.open(db_path).close()
    start = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    children = [subprocess.Popen([sys.executable, str(WRITER), str(db_path), str(PER_WRITER),
                                  str(start), tag], stdout=subprocess.PIPE, env=env, text=True)
                for tag in ("a", "b")]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    start.touch()  # both start writing at the same moment
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0 and out.strip() == "done"
    with Desk.open(db_path) as desk:
        rows = desk.store.conn.execute("SELECT hlc, payload FROM journal ORDER BY seq").fetchall()
        assert desk.verify().ok
    assert len(rows) == 2 * PER_WRITER
    writers = {'"text":"a"' in payload for _, payload in rows}
    assert writers == {True, False}  # both wrote
    interleaved = sum(1 for (_, p), (_, q) in zip(rows, rows[1:], strict=False)
                      if ('"text":"a"' in p) != ('"text":"a"' in q))
    assert interleaved > 1, "the writers did not overlap; the test proves nothing"
    clocks = [Hlc.decode(hlc) for hlc, _ in rows]
    assert len(set(clocks)) == len(clocks), "two entries share a clock"
    decreasing = [i for i in range(1, len(clocks)) if clocks[i] <= clocks[i - 1]]
    assert not decreasing, f"clock goes back at seq {decreasing[0] + 1}"
