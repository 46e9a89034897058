"""UI figures on large desks: the longest stall of the event loop while the checklist is used.

Usage: python benchmarks/ui_stalls.py [--sizes 50x300,100x500] [--ticks 20] [--json] [--keep FOLDER]

For each size a desk is generated (benchmarks/make_large_desk.py, two rounds of changes) and opened
in the real main window. A QTimer heartbeat every 2 ms notes when the event loop runs; the longest
gap between two beats, less the beat, is the stall (target < 100 ms). Measured while:

- the checklist panel is first shown and loaded,
- filtering (not done, overdue, critical: on and off),
- switching affiliates (five affiliates, then all again),
- scrolling (to the end, the middle, the top, ten pages down),
- ticking (`--ticks` Spaces, each waited for until saved),
- ticking while a backup is written ("backup now"), with the time from Space to the tick saved
  (target < 100 ms), and the backup's own duration;
- the timeline panel: first shown (its latest page, then the earlier pages one job at a time, in
  seconds, and the stall; a command made while the pages come in, and how long it waited), shown
  again after the ticks (only what is new is read), and a search typed in it;
- the 24-hour room: its handover brief read (seconds) and the stall.

Tick to repaint: from Space to the view's next paint showing the new state (target < 16 ms).
Runs headless (QT_QPA_PLATFORM=offscreen) unless a display is set; settings go to a scratch folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BEAT_MS = 2


class Heartbeat:
    """The longest gap between two beats of a QTimer since `reset()`."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer(interval=BEAT_MS, timeout=self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def stall_ms(self) -> float:
        self._beat()
        return max(0.0, self.longest * 1000 - BEAT_MS)


class Collections:
    """The longest pass of the cycle collector since `reset()` (gc.callbacks)."""

    def __init__(self):
        import gc

        self.started = 0.0
        self.longest = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        else:
            took = time.perf_counter() - self.started
            self.longest = max(self.longest, took)
            if took > 0.02 and os.environ.get("STALLS_DEBUG"):
                import threading
                print("gc", info, round(took * 1000), threading.current_thread().name, file=sys.stderr)

    def reset(self) -> None:
        self.longest = 0.0

    def longest_ms(self) -> float:
        return self.longest * 1000


def measure(path: Path, ticks: int) -> dict:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from crisisdesk.ui.main import build_window, make_application

    app = make_application(sys.argv[:1])
    window = build_window(path)
    window.resize(1600, 1000)
    window.show()
    heart = Heartbeat()
    collections = Collections()

    def wait(condition, timeout: float = 120.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            app.processEvents()
            time.sleep(0.0005)

    def settle(seconds: float = 0.3) -> None:
        """Let the loop run (queued refreshes, the column fit) and the executor finish."""
        wait(lambda: window.executor.pending == 0)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.0005)

    wait(lambda: window.info is not None and window.executor.pending == 0)
    settle(1.0)
    figures: dict[str, float] = {}
    heart.reset()
    start = time.perf_counter()
    window.show_panel("checklists")
    panel = window.panels["checklists"]
    wait(lambda: len(panel.model.items()) > 0 and window.executor.pending == 0)
    figures["first_load_s"] = time.perf_counter() - start
    settle()
    figures["first_load_stall_ms"] = heart.stall_ms()
    items = len(panel.model.items())

    def stall_of(step) -> float:
        heart.reset()
        step()
        settle()
        return heart.stall_ms()

    filtering = []
    for name in ("not_done", "overdue", "critical"):
        filtering.append(stall_of(lambda n=name: panel.checks[n].setChecked(True)))
        filtering.append(stall_of(lambda n=name: panel.checks[n].setChecked(False)))
    figures["filter_stall_ms"] = max(filtering)
    figures["filter_stall_median_ms"] = statistics.median(filtering)
    switching = [stall_of(lambda i=i: panel.affiliate.setCurrentIndex(i)) for i in (3, 9, 17, 28, 40, 0)]
    figures["affiliate_stall_ms"] = max(switching)
    figures["gc_longest_ms_so_far"] = collections.longest_ms()
    figures["affiliate_stall_median_ms"] = statistics.median(switching)
    bar = panel.view.verticalScrollBar()
    scrolling = [stall_of(lambda v=v: bar.setValue(v)) for v in (bar.maximum(), bar.maximum() // 2, 0)]
    scrolling += [stall_of(lambda: QTest.keyClick(panel.view, Qt.Key.Key_PageDown)) for _ in range(10)]
    figures["scroll_stall_ms"] = max(scrolling)
    figures["scroll_stall_median_ms"] = statistics.median(scrolling)

    state = {"painted": None, "expect": None}

    class Repainted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and state["painted"] is None and state["key"] is not None \
                    and panel.model.item(state["key"]).state == state["expect"]:
                state["painted"] = time.perf_counter()
            return False

    repainted = Repainted()
    panel.view.viewport().installEventFilter(repainted)
    panel.view.setFocus()

    def tick() -> tuple[float, float]:
        """Space on the current item: (to the repaint, to the saved answer) in seconds."""
        item = panel.current_item()
        state.update(painted=None, key=(item.affiliate, item.checklist, item.item),
                     expect="todo" if item.state == "done" else "done")
        saved = []
        panel.saved.connect(lambda _c: saved.append(time.perf_counter()))
        start = time.perf_counter()
        QTest.keyClick(panel.view, Qt.Key.Key_Space)
        wait(lambda: state["painted"] is not None and saved, timeout=30)
        panel.saved.disconnect()
        return state["painted"] - start, saved[0] - start

    panel.set_affiliate("")
    settle()
    heart.reset()
    repaint, save = [], []
    for _ in range(ticks):
        painted, stored = tick()
        repaint.append(painted)
        save.append(stored)
    settle()
    figures["tick_stall_ms"] = heart.stall_ms()
    figures["tick_repaint_median_ms"] = statistics.median(repaint) * 1000
    figures["tick_repaint_max_ms"] = max(repaint) * 1000
    figures["tick_saved_median_ms"] = statistics.median(save) * 1000

    made = []
    heart.reset()
    began = time.perf_counter()
    window.backups.backup_now(lambda: made.append(time.perf_counter()), lambda exc: made.append(exc))
    wait(lambda: window.backups.running)
    during = []
    while window.backups.running and len(during) < ticks:
        during.append(tick()[1])
    wait(lambda: bool(made), timeout=600)
    if not isinstance(made[0], float):
        raise made[0]
    figures["backup_s"] = made[0] - began
    figures["ticks_during_backup"] = len(during)
    figures["tick_during_backup_max_ms"] = max(during) * 1000 if during else float("nan")
    figures["backup_stall_ms"] = heart.stall_ms()
    figures["gc_longest_ms"] = collections.longest_ms()

    def shown(name: str, loaded):
        """Show a panel (built on first show) and wait until `loaded(panel)`: seconds, panel."""
        began = time.perf_counter()
        window.show_panel(name)
        wait(lambda: loaded(window.panels[name]) and window.executor.pending == 0, timeout=600)
        return time.perf_counter() - began, window.panels[name]

    heart.reset()
    began = time.perf_counter()
    window.show_panel("timeline")
    timeline = window.panels["timeline"]
    wait(lambda: timeline.model.rowCount() > 0)
    figures["timeline_first_page_s"] = time.perf_counter() - began
    item = panel.current_item()  # a command made while the earlier pages come in: how long it waits
    to = "todo" if item.state == "doing" else "doing"
    answered: list[float] = []
    asked = time.perf_counter()
    window.executor.submit(
        lambda desk: desk.checklists.set_item(None, item.affiliate, f"{item.checklist}/{item.item}", state=to),
        lambda _changes: answered.append(time.perf_counter()), saving=True)
    wait(lambda: bool(answered))
    figures["command_while_loading_ms"] = (answered[0] - asked) * 1000
    wait(lambda: not timeline.loading.isVisible() and window.executor.pending == 0, timeout=600)
    figures["timeline_whole_s"] = time.perf_counter() - began
    settle()
    figures["timeline_first_stall_ms"] = heart.stall_ms()
    loaded = len(timeline.model.entries())
    window.show_panel("checklists")
    settle()
    for _ in range(3):
        tick()
    heart.reset()
    figures["timeline_again_s"] = shown("timeline", lambda p: len(p.model.entries()) >= loaded + 3)[0]
    settle()
    figures["timeline_again_stall_ms"] = heart.stall_ms()
    word = timeline.model.index(timeline.model.rowCount() - 1, 2).data().split()[0]
    heart.reset()
    for letter in word:  # typed (QTest cannot press Korean keys)
        timeline.search.insert(letter)
        app.processEvents()
    wait(lambda: timeline.model.rowCount() < len(timeline.model.entries()), timeout=60)
    settle()
    figures["timeline_search_stall_ms"] = heart.stall_ms()
    figures["timeline_entries"] = len(timeline.model.entries())
    heart.reset()
    figures["room_brief_s"] = shown("room", lambda p: "미결 조치" in p.brief.toPlainText()
                                    or "Open actions" in p.brief.toPlainText())[0]
    settle()
    figures["room_stall_ms"] = heart.stall_ms()
    figures["items"] = items
    window.close()
    QApplication.processEvents()
    return figures


def run_size(size: str, ticks: int, keep: Path | None) -> dict:
    sys.path.insert(0, str(HERE))
    from make_large_desk import build

    affiliates, items = (int(n) for n in size.split("x"))
    folder = keep / size if keep else Path(tempfile.mkdtemp(prefix="crisisdesk-stalls-"))
    path = folder / "large.sqlite"
    if not path.exists():
        build(path, affiliates=affiliates, items=items, changes=2, decisions=200)
    scratch = Path(tempfile.mkdtemp(prefix="crisisdesk-stalls-settings-"))  # the board first, as on a fresh start
    os.environ.update(XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"))
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return measure(path, ticks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50x300,100x500", help="AFFILIATESxITEMS, comma separated")
    parser.add_argument("--ticks", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="generate (once) and keep the desks in this folder")
    parser.add_argument("--size", help=argparse.SUPPRESS)  # one size, in a process of its own
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if args.size:
        print(json.dumps(run_size(args.size, args.ticks, args.keep)))
        return
    import subprocess

    results = {}
    for size in args.sizes.split(","):
        command = [sys.executable, __file__, "--size", size, "--ticks", str(args.ticks)]
        if args.keep:
            command += ["--keep", str(args.keep)]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        results[size] = json.loads(done.stdout.splitlines()[-1])
    if args.json:
        print(json.dumps(results))
        return
    targets = {"first_load_stall_ms": 100, "filter_stall_ms": 100, "affiliate_stall_ms": 100,
               "scroll_stall_ms": 100, "tick_stall_ms": 100, "tick_repaint_median_ms": 16,
               "tick_repaint_max_ms": 16, "tick_during_backup_max_ms": 100, "backup_stall_ms": 100,
               "timeline_first_stall_ms": 100, "timeline_again_stall_ms": 100, "command_while_loading_ms": 200,
               "timeline_search_stall_ms": 100, "room_stall_ms": 100}
    names = list(next(iter(results.values())))
    print(f"{'figure':32}" + "".join(f"{size:>12}" for size in results) + "   target")
    for name in names:
        row = "".join(f"{results[size][name]:12.1f}" for size in results)
        target = targets.get(name)
        verdict = ""
        if target is not None:
            verdict = "pass" if all(results[s][name] < target for s in results) else "FAIL"
        print(f"{name:32}{row}   {'< ' + str(target) if target else ''} {verdict}")


if __name__ == "__main__":
    main()
