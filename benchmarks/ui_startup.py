"""UI figures: start-up to the board painted, beside a bare PySide6 window; a tick's save-to-repaint.

Usage: python benchmarks/ui_startup.py [--runs 9] [--ticks 20] [--affiliates 50] [--items 300]
       python benchmarks/ui_startup.py --instructions

1. Start-up: a new process opens the demo desk and exits as soon as the board's tiles are
   painted; a bare PySide6 QMainWindow process exits at its first paint. Medians of `--runs`
   interleaved runs, and their ratio (target <= 2.0). CrisisDesk's bytecode is compiled first, as
   an installed copy has it.
2. Tick: on a large generated desk (benchmarks/make_large_desk.py), Space on a checklist item in
   the real window until the tree has repainted the saved state (target < 50 ms).

3. `--instructions`: each start once under valgrind's callgrind, which counts the instructions
   both threads run (the same from run to run, where times on this virtual machine drift by tens
   of milliseconds), split by library; needs valgrind.

Runs headless (QT_QPA_PLATFORM=offscreen) unless a display is set; settings and logs go to a
scratch folder.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BARE = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1600, 1000)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False
painted = Painted()
window.centralWidget().installEventFilter(painted)
window.show()
app.exec()
"""

DESK = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from crisisdesk.ui.main import build_window, make_application
app = make_application(sys.argv[:1])
window = build_window(Path(sys.argv[1]))
window.resize(1600, 1000)
board = window.panels["board"]
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False
painted = Painted()
board.loaded.connect(lambda: board._tiles[-1].installEventFilter(painted))
window.show()
app.exec()
"""


def _env(scratch: Path) -> dict:
    env = dict(os.environ, XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"))
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _time(code: str, args: list[str], env: dict) -> float:
    """Process start to exit. Waited for by a blocking wait: `subprocess.run(timeout=...)` polls
    with sleeps of up to 50 ms, which put every figure on a 50 ms step; a timer kills a process
    that hangs."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        returncode = process.wait()
    finally:
        watchdog.cancel()
    elapsed = time.perf_counter() - start
    if returncode != 0:
        raise subprocess.CalledProcessError(returncode, process.args)
    return elapsed


def startup(scratch: Path, runs: int) -> dict:
    import crisisdesk
    from crisisdesk.desk.demo import build_demo

    # Bytecode compiled, as pip and the bundle install it (PYTHONDONTWRITEBYTECODE may be set here).
    compileall.compile_dir(Path(crisisdesk.__file__).parent, quiet=1)
    demo = scratch / "demo.sqlite"
    build_demo(demo)
    env = _env(scratch)
    _time(BARE, [], env), _time(DESK, [str(demo)], env)  # warm the file cache
    bare, desk = [], []
    for _ in range(runs):
        bare.append(_time(BARE, [], env))
        desk.append(_time(DESK, [str(demo)], env))
    return {"runs": runs, "bare_s": statistics.median(bare), "desk_s": statistics.median(desk)}


def _instructions(code: str, args: list[str], env: dict, out: Path) -> tuple[int, dict[str, int]]:
    """Instructions of one start under callgrind, and their split by library (own cost)."""
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                             "-c", code, *args], env=env, capture_output=True, text=True, timeout=600, check=True)
    total = int(re.search(r"Collected : (\d+)", result.stderr).group(1))
    annotated = subprocess.run(["callgrind_annotate", "--threshold=100", str(out)], capture_output=True,
                               text=True, check=True).stdout
    by_library: dict[str, int] = {}
    for count, library in re.findall(r"^\s*([\d,]+) \(.*\[(?:.*/)?([^/\]]+)\]$", annotated, re.M):
        name = library.split(".so")[0]
        by_library[name] = by_library.get(name, 0) + int(count.replace(",", ""))
    return total, by_library


def instructions(scratch: Path) -> None:
    if not (shutil.which("valgrind") and shutil.which("callgrind_annotate")):
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    import crisisdesk
    from crisisdesk.desk.demo import build_demo

    compileall.compile_dir(Path(crisisdesk.__file__).parent, quiet=1)
    demo = scratch / "demo.sqlite"
    build_demo(demo)
    env = _env(scratch)
    bare, bare_libs = _instructions(BARE, [], env, scratch / "bare.callgrind")
    desk, desk_libs = _instructions(DESK, [str(demo)], env, scratch / "desk.callgrind")
    print("start-up, instructions to first paint (callgrind, both threads):")
    print(f"  bare PySide6 QMainWindow      {bare / 1e9:7.3f} G")
    print(f"  CrisisDesk board, demo desk   {desk / 1e9:7.3f} G")
    print(f"  ratio                         {desk / bare:7.2f}   (target <= 2.0)")
    print("  by library (own instructions, millions): desk, bare, difference")
    for name in sorted(desk_libs, key=lambda n: desk_libs[n] - bare_libs.get(n, 0), reverse=True)[:8]:
        d, b = desk_libs[name], bare_libs.get(name, 0)
        print(f"    {name:28} {d / 1e6:8.0f} {b / 1e6:8.0f} {(d - b) / 1e6:+8.0f}")


def tick(scratch: Path, ticks: int, affiliates: int, items: int) -> dict:
    os.environ.update(_env(scratch))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_large_desk import build
    from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from crisisdesk.ui.main import build_window, make_application

    path = scratch / "large" / "large.sqlite"
    built = time.perf_counter()
    build(path, affiliates=affiliates, items=items, changes=3, decisions=500)
    built = time.perf_counter() - built
    app = make_application(sys.argv[:1])
    window = build_window(path)
    window.resize(1600, 1000)
    window.show()
    window.show_panel("checklists")
    panel = window.panels["checklists"]

    def wait(condition, timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            app.processEvents()
            time.sleep(0.001)

    wait(lambda: panel.model.rowCount() > 0 and window.executor.pending == 0)
    loaded = len(panel.model.items())
    tree = panel.view
    index = panel.model.index(1, 0)
    tree.setCurrentIndex(index)
    tree.setFocus()
    state = {"painted": None}

    class Repainted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and state["painted"] is None and state.get("expect") == \
                    getattr(panel.model.item_at(state["ticked"]), "state", None):
                state["painted"] = time.perf_counter()
            return False

    repainted = Repainted()
    tree.viewport().installEventFilter(repainted)
    times = []
    for _ in range(ticks):  # Space ticks the current row and moves on to the next open item
        ticked = QPersistentModelIndex(tree.currentIndex())
        current = panel.model.item_at(tree.currentIndex()).state
        state.update(painted=None, ticked=ticked, expect="todo" if current == "done" else "done")
        start = time.perf_counter()
        QTest.keyClick(tree, Qt.Key.Key_Space)
        wait(lambda: state["painted"] is not None, timeout=10)
        times.append(state["painted"] - start)
        wait(lambda: window.executor.pending == 0)
    window.close()
    QApplication.processEvents()
    times.sort()
    return {"ticks": ticks, "items": loaded, "built_s": built, "median_ms": statistics.median(times) * 1000,
            "p95_ms": times[math.ceil(len(times) * 0.95) - 1] * 1000, "max_ms": times[-1] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--ticks", type=int, default=20)
    parser.add_argument("--affiliates", type=int, default=50)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--instructions", action="store_true",
                        help="count the instructions of one start of each under valgrind instead")
    args = parser.parse_args()
    if args.instructions:
        with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-") as scratch:
            instructions(Path(scratch))
        return
    with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-") as scratch:
        start = startup(Path(scratch), args.runs)
        ticks = tick(Path(scratch), args.ticks, args.affiliates, args.items)
    if args.json:
        print(json.dumps({"startup": start, "tick": ticks}))
        return
    b, d = start["bare_s"], start["desk_s"]
    print(f"start-up, process start to first paint (median of {start['runs']}):")
    print(f"  bare PySide6 QMainWindow      {b * 1000:7.0f} ms")
    print(f"  CrisisDesk board, demo desk   {d * 1000:7.0f} ms")
    print(f"  ratio                         {d / b:7.2f}   (target <= 2.0)")
    print(f"tick, Space to the saved state repainted ({ticks['ticks']} ticks, {ticks['items']} items in the "
          f"tree; large desk built in {ticks['built_s']:.1f} s):")
    print(f"  median {ticks['median_ms']:6.1f} ms   p95 {ticks['p95_ms']:6.1f} ms   max {ticks['max_ms']:6.1f} ms"
          "   (target < 50 ms)")


if __name__ == "__main__":
    main()
