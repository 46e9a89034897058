"""Durable append latency of the journal next to a raw sqlite3 insert+commit.

Prints median and p99 over N appends (each its own committed transaction,
WAL + synchronous=FULL on both sides) and the ratio. Target: ratio <= 2.0 and
p99 under 20 ms.  Usage: python benchmarks/append_latency.py [N]
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from crisisdesk.desk.app import Desk


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct))]


def measure_desk(path: Path, n: int) -> list[float]:
    times = []
    with Desk.open(path) as desk:
        for i in range(n):
            payload = {"group": f"g{i % 10}", "name": {"ko": "한빛금융그룹", "en": "Hanbit"},
                       "text": "체크리스트 항목 완료", "sha256": f"{i:064d}"}
            start = time.perf_counter()
            desk._writer.record("group.loaded", payload)
            times.append(time.perf_counter() - start)
    return times


def measure_raw(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
    times = []
    for i in range(n):
        payload = json.dumps({"i": i, "text": "체크리스트 항목 완료"}, ensure_ascii=False)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (payload) VALUES (?)", (payload,))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def run(n: int = 2000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        raw = measure_raw(Path(tmp) / "raw.sqlite", n)
        ours = measure_desk(Path(tmp) / "desk.sqlite", n)
    result = {
        "n": n,
        "desk_median_ms": statistics.median(ours) * 1000,
        "desk_p99_ms": _percentile(ours, 0.99) * 1000,
        "raw_median_ms": statistics.median(raw) * 1000,
        "raw_p99_ms": _percentile(raw, 0.99) * 1000,
    }
    result["ratio"] = result["desk_median_ms"] / result["raw_median_ms"]
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    r = run(n)
    print(f"durable append, {r['n']} appends each committed (WAL, synchronous=FULL)")
    print(f"  crisisdesk journal  median {r['desk_median_ms']:.3f} ms   p99 {r['desk_p99_ms']:.3f} ms")
    print(f"  raw sqlite3 insert  median {r['raw_median_ms']:.3f} ms   p99 {r['raw_p99_ms']:.3f} ms")
    verdict = "PASS" if r["ratio"] <= 2.0 and r["desk_p99_ms"] < 20 else "FAIL"
    print(f"  ratio {r['ratio']:.2f} (target <= 2.0), p99 target < 20 ms: {verdict}")


if __name__ == "__main__":
    main()
