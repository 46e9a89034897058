"""Start-up loads only what the board needs. The window module and the site settings it reads
leave the YAML parser and pydantic for the first file that needs them (they cost a fifth of a
start); the window opened on a desk builds the board alone, and the other panels, their dialogs,
the desk's services but its events and read models, and the rules for reviews, the 24-hour room
and checkpoint keys load when first used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from crisisdesk.desk.demo import build_demo

ROOT = Path(__file__).resolve().parents[2]

# Loaded when first used, never to paint the board.
KEPT_OUT = (
    "yaml", "pydantic", "reportlab", "openpyxl", "keyring", "cryptography",
    "crisisdesk.exchange.keys", "crisisdesk.exchange.identity",
    "crisisdesk.domain.after_action", "crisisdesk.domain.timing", "crisisdesk.domain.handover",
    "crisisdesk.desk.reviews", "crisisdesk.desk.room", "crisisdesk.desk.drills", "crisisdesk.desk.report_commands",
    "crisisdesk.desk.workbook_commands", "crisisdesk.desk.backups", "crisisdesk.desk.council",
    "crisisdesk.desk.communications", "crisisdesk.desk.assessments", "crisisdesk.reports",
    "crisisdesk.ui.drill.inject_dialog", "crisisdesk.ui.tables",
    "crisisdesk.ui.affiliate", "crisisdesk.ui.checklist", "crisisdesk.ui.decisions", "crisisdesk.ui.notices",
    "crisisdesk.ui.timeline", "crisisdesk.ui.room", "crisisdesk.ui.review", "crisisdesk.ui.reports",
    "crisisdesk.ui.playbooks", "crisisdesk.ui.settings", "crisisdesk.ui.exchange.exchange_panel",
    "crisisdesk.ui.dialogs",
)

STARTUP = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from crisisdesk.ui.main import build_window, make_application
app = make_application(sys.argv[:1])
window = build_window(Path(sys.argv[1]))
board = window.panels["board"]
kept_out = json.loads(sys.argv[2])

def report():
    loaded = sorted(m for m in kept_out if m in sys.modules)
    print(json.dumps({"panels": sorted(window.panels), "loaded": loaded, "tiles": len(board.tiles())}))
    sys.stdout.flush()
    os._exit(0)

board.loaded.connect(lambda: QTimer.singleShot(100, report))
QTimer.singleShot(60_000, lambda: os._exit(3))
window.show()
app.exec()
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}


def test_opening_the_window_module_loads_neither_yaml_nor_pydantic(tmp_path):
    code = ("import sys\nfrom crisisdesk.ui import site_settings\nimport crisisdesk.ui.main\n"
            "site_settings.effective()\n"
            "print(sorted(m for m in ('yaml', 'pydantic') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_the_board_painted_on_a_desk_builds_no_other_panel_and_loads_none_of_their_modules(tmp_path):
    demo = tmp_path / "demo.sqlite"
    build_demo(demo)
    run = subprocess.run([sys.executable, "-c", STARTUP, str(demo), json.dumps(KEPT_OUT)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    assert shown["tiles"] > 0  # the board was read and drawn
    assert shown["panels"] == ["board"]
    assert shown["loaded"] == []
