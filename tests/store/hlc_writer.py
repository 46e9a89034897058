"""Child process for the concurrent-clock test: waits for the start file, then records entries."""

import sys
import time
from pathlib import Path

from crisisdesk.desk.app import Desk
from tests import raw_entries

desk = Desk.open(Path(sys.argv[1]))
count, start = int(sys.argv[2]), Path(sys.argv[3])
print("ready", flush=True)
while not start.exists():
    time.sleep(0.001)
for i in range(count):
    raw_entries.record(desk, "group.loaded", {"group": f"g{i % 7}", "name": {"ko": f"그룹 {i}", "en": f"G{i}"},
                                 "text": sys.argv[4], "sha256": str(i)})
    time.sleep(0.0005)  # let the other writer take the lock now and then
desk.close()
print("done", flush=True)
