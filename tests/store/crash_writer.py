"""Child process for the crash test: appends entries and prints each committed sequence."""

import sys

from crisisdesk.desk.app import Desk
from tests import raw_entries

desk = Desk.open(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    i += 1
    stored = raw_entries.record(desk, "group.loaded", {"group": f"g{i % 7}", "name": {"ko": f"그룹 {i}", "en": f"G{i}"},
                                          "text": "x" * (i % 300), "sha256": str(i)})
    print(stored.seq, flush=True)
