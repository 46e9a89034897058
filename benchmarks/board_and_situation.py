"""board() and situation() on a large desk, next to the equivalent raw SQL aggregate.

Usage: python benchmarks/board_and_situation.py [DESK.sqlite]
Without a file, a desk of 50 affiliates x 300 items x 10 changes (+2,000 decisions) is
generated in a temporary folder first. Targets: board() under 50 ms, and board time
independent of journal length (it reads projections).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_large_desk import build  # noqa: E402

from crisisdesk.desk.app import Desk  # noqa: E402


def _median_ms(func, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(path: Path) -> dict:
    desk = Desk.open(path)
    ev = desk.events.event_records()[0].id
    entries = desk.store.head()[0]
    board_ms = _median_ms(lambda: desk.views.board(ev))
    situation_ms = _median_ms(lambda: desk.views.situation(ev), repeat=3)
    desk.close()
    raw = sqlite3.connect(path)
    sql = ("SELECT affiliate, count(*), sum(state IN ('done','n/a')), sum(critical), "
           "sum(state NOT IN ('done','n/a') AND due < '2025-09-28T00:00:00.000Z') "
           "FROM checklist_items WHERE event = ? GROUP BY affiliate")
    raw_ms = _median_ms(lambda: raw.execute(sql, [ev]).fetchall())
    raw.close()
    return {"entries": entries, "board_ms": board_ms, "situation_ms": situation_ms, "raw_ms": raw_ms}


def main() -> None:
    if len(sys.argv) > 1:
        results = [measure(Path(sys.argv[1]))]
    else:
        results = []
        with tempfile.TemporaryDirectory() as tmp:
            for changes in (1, 10):
                path = Path(tmp) / f"large-{changes}.sqlite"
                build(path, changes=changes)
                results.append(measure(path))
    for r in results:
        print(f"journal {r['entries']:>7} entries: board() {r['board_ms']:7.1f} ms  "
              f"situation() {r['situation_ms']:8.1f} ms  raw SQL aggregate {r['raw_ms']:6.1f} ms  "
              f"board/raw {r['board_ms'] / r['raw_ms']:.1f}x")
    worst = max(r["board_ms"] for r in results)
    verdict = "PASS" if worst < 50 else "FAIL"
    print(f"board() target < 50 ms: {verdict}")
    if len(results) == 2:
        print(f"board time vs journal length x{results[1]['entries'] / results[0]['entries']:.1f}: "
              f"{results[1]['board_ms'] / results[0]['board_ms']:.2f}x")


if __name__ == "__main__":
    main()
