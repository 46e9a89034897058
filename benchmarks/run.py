"""Every benchmark of the project, each next to its baseline in the same run, in one table.

Usage: python benchmarks/run.py [--quick]
Columns: figure, ours, baseline, ratio, target, pass/fail. `--quick` uses smaller desks
(for a look, not for the record). The UI figures run in their own process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import append_latency  # noqa: E402
import board_and_situation  # noqa: E402
import packet_import  # noqa: E402
import report_render  # noqa: E402
from make_large_desk import build  # noqa: E402

Row = tuple[str, str, str, str, str, bool | None]


def _ratio_row(figure: str, ours: float, base: float, unit: str, limit: float) -> Row:
    ratio = ours / base
    return (figure, f"{ours:.3f} {unit}", f"{base:.3f} {unit}", f"{ratio:.2f}", f"ratio <= {limit}",
            ratio <= limit)


def _limit_row(figure: str, ours: float, base: float | None, unit: str, limit: float | None) -> Row:
    """A figure against an absolute limit; with no limit it is shown for information."""
    return (figure, f"{ours:.3f} {unit}", "-" if base is None else f"{base:.3f} {unit}",
            "-" if base is None else f"{ours / base:.2f}", "-" if limit is None else f"< {limit} {unit}",
            None if limit is None else ours < limit)


def rows(quick: bool) -> list[Row]:
    out: list[Row] = []
    a = append_latency.run(500 if quick else 2000)
    out.append(_ratio_row(f"append, median of {a['n']} (ms)", a["desk_median_ms"], a["raw_median_ms"],
                          "ms", 2.0))
    out.append(_limit_row("append, p99 (ms)", a["desk_p99_ms"], a["raw_p99_ms"], "ms", 20))

    affiliates, items, changes = (10, 100, 3) if quick else (50, 300, 10)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.sqlite"
        build(path, affiliates=affiliates, items=items, changes=changes, decisions=2000)
        b = board_and_situation.measure(path)
    label = f"{affiliates}x{items}, {b['entries']:,} entries"
    out.append(_limit_row(f"board() on {label} (ms)", b["board_ms"], b["raw_ms"], "ms", 50))
    out.append(_limit_row(f"situation() on {label} (ms)", b["situation_ms"], None, "ms", None))

    r = report_render.large(*((10, 50, 100) if quick else (30, 150, 300)))
    out.append(_ratio_row(f"situation report, {r['report_pages']} pages (s)", r["report_s"], r["bare_s"],
                          "s", 1.5))
    d = report_render.demo()
    out.append(_limit_row(f"demo situation report, {d['demo_pages']} pages (s)", d["demo_s"], None, "s", 3))

    p = packet_import.run(2000 if quick else 10_000, 3 if quick else 7)
    out.append(_ratio_row(f"packet import, {p['n']:,} entries (s)", p["import_s"], p["raw_s"], "s", 3.0))
    out.append(_limit_row(f"packet import, {p['n']:,} entries, absolute (s)", p["import_s"], None, "s", 2))
    fewest, most = p["receipts"][min(p["receipts"])], p["receipts"][max(p["receipts"])]
    out.append(_ratio_row(f"packet import with {max(p['receipts']):,} receipts held (s)", most, fewest,
                          "s", 1.2))

    ui_args = ["--runs", "3", "--ticks", "5", "--affiliates", "10", "--items", "100"] if quick else []
    ui = json.loads(subprocess.run([sys.executable, str(HERE / "ui_startup.py"), "--json", *ui_args],
                                   check=True, capture_output=True, text=True).stdout.splitlines()[-1])
    out.append(_ratio_row("start-up to board painted (s)", ui["startup"]["desk_s"], ui["startup"]["bare_s"],
                          "s", 2.0))
    out.append(_limit_row(f"tick save-to-repaint, {ui['tick']['items']:,} items (ms)",
                          ui["tick"]["median_ms"], None, "ms", 50))

    stall_args = ["--sizes", "10x100", "--ticks", "5"] if quick else []
    stalls = json.loads(subprocess.run([sys.executable, str(HERE / "ui_stalls.py"), "--json", *stall_args],
                                       check=True, capture_output=True, text=True).stdout.splitlines()[-1])
    for size, f in stalls.items():
        for name, key, limit in (("longest stall, first load", "first_load_stall_ms", 100),
                                 ("longest stall, filtering", "filter_stall_ms", 100),
                                 ("longest stall, switching affiliates", "affiliate_stall_ms", 100),
                                 ("longest stall, scrolling", "scroll_stall_ms", 100),
                                 ("longest stall, ticking", "tick_stall_ms", 100),
                                 ("tick to repaint, median", "tick_repaint_median_ms", 16),
                                 ("tick during a backup, slowest", "tick_during_backup_max_ms", 100),
                                 ("longest stall during a backup", "backup_stall_ms", 100)):
            out.append(_limit_row(f"{name}, {size} (ms)", f[key], None, "ms", limit))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    table = rows(parser.parse_args().quick)
    header = ("figure", "ours", "baseline", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(5)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)))
    for row in table:
        cells = [str(c).ljust(w) for c, w in zip(row, widths, strict=False)]
        print("  ".join(cells) + "  " + {True: "pass", False: "FAIL", None: "info"}[row[5]])


if __name__ == "__main__":
    main()
