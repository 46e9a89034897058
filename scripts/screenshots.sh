#!/usr/bin/env bash
# Screenshots of the desk on the demo event, in Korean, at 1920x1080 under Xvfb:
#   bash scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots)
# Writes board.png, board-presentation.png, checklist.png, affiliate.png.
# Needs xvfb-run and the xcb libraries (see scripts/dev.sh); PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
python="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$python" -m crisisdesk demo --db "$work/demo.sqlite" >/dev/null

# Settings, log and user folders go to the scratch folder, never the user's own.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb "$python" - "$work/demo.sqlite" "$out" <<'PY'
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from crisisdesk.ui.main import build_window, make_application

db, out = Path(sys.argv[1]), Path(sys.argv[2])
app = make_application([])
window = build_window(db)
window.move(0, 0)
window.resize(1920, 1080)
window.show()


def settle(seconds: float = 0.6) -> None:
    """Let the executor finish its work and the window paint it."""
    end = time.monotonic() + 30
    while time.monotonic() < end and (window.executor.info is None or window.info is None
                                      or window.executor.pending):
        app.processEvents()
        time.sleep(0.01)
    pause = time.monotonic() + seconds
    while time.monotonic() < pause:
        app.processEvents()
        time.sleep(0.01)


def shoot(name: str) -> None:
    settle()
    window.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


settle()
window.show_panel("board")
shoot("board")
window.open_affiliate("bank")
settle()
affiliate = window.panels["affiliates"]
affiliate._show_history("customers-affected")
shoot("affiliate")
window.show_panel("checklists")
checklist = window.panels["checklists"]
checklist.tree.setFocus()
shoot("checklist")
window.present_action.setChecked(True)
window.resize(1920, 1080)
shoot("board-presentation")
window.present_action.setChecked(False)
window.close()
PY
