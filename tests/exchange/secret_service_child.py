"""Child for the Secret Service test: run under dbus-run-session with gnome-keyring unlocked."""

import json
import sys
from pathlib import Path

import keyring

from crisisdesk.cli import main
from crisisdesk.exchange.keys import KEYRING_SERVICE, keyring_status

db, group_file = Path(sys.argv[1]), sys.argv[2]
status = keyring_status()
result = {"available": status.available, "backend": status.backend, "message": status.message}
if status.available:
    assert main(["group", "load", group_file, "--db", str(db)]) == 0
    result["init"] = main(["desk", "init", "--role", "group", "--db", str(db)])
    result["export_key"] = main(["desk", "export-key", "--out", str(db.with_suffix(".cdkey")),
                                 "--db", str(db)])
    desk_id = json.loads(db.with_suffix(".cdkey").read_text())["desk"]
    result["secret"] = keyring.get_password(KEYRING_SERVICE, desk_id)
print("RESULT " + json.dumps(result), flush=True)
