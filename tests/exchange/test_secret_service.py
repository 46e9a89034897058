"""The desk key in a real Secret Service (gnome-keyring on a private D-Bus session).

Skipped, saying why, where `dbus-run-session` or `gnome-keyring-daemon` is not
installed (scripts/dev.sh installs both on Debian) or the daemon cannot start.
"""

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exchange.factories import GROUP_FILE

ROOT = Path(__file__).parents[2]
CHILD = Path(__file__).with_name("secret_service_child.py")
TOOLS = ("dbus-run-session", "gnome-keyring-daemon")


@pytest.mark.skipif(not all(shutil.which(t) for t in TOOLS),
                    reason="needs dbus-run-session and gnome-keyring-daemon (Debian: dbus-daemon, "
                           "gnome-keyring; scripts/dev.sh installs them)")
def test_desk_key_in_a_real_secret_service(tmp_path):
    db = tmp_path / "desk.sqlite"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_RUNTIME"))}
    env.update(HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    script = ("echo -n crisisdesk-test | gnome-keyring-daemon --unlock --components=secrets "
              f">/dev/null && exec {sys.executable} {CHILD} {db} {GROUP_FILE}")
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env,
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        pytest.skip(f"the Secret Service could not be started here: {done.stderr.strip()[-300:]}")
    result = json.loads(lines[0][len("RESULT "):])
    if not result["available"]:
        pytest.skip(f"gnome-keyring started but no Secret Service backend: {result['message']}")
    assert "SecretService" in result["backend"]
    assert result["init"] == 0 and result["export_key"] == 0, done.stderr
    secret = base64.b64decode(result["secret"])
    assert len(secret) == 32  # the raw Ed25519 private key, held by the Secret Service ...
    for path in tmp_path.glob("desk.sqlite*"):
        assert secret not in path.read_bytes()  # ... and never in the database
