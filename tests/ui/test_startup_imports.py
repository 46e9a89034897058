"""Start-up loads no validators: the window module and the site settings it reads leave the YAML
parser and pydantic for the first file that needs them (they cost a fifth of a start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_opening_the_window_module_loads_neither_yaml_nor_pydantic(tmp_path):
    code = ("import sys\nfrom crisisdesk.ui import site_settings\nimport crisisdesk.ui.main\n"
            "site_settings.effective()\n"
            "print(sorted(m for m in ('yaml', 'pydantic') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path),
                              "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
