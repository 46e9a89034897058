"""Small builders for desks in tests: real SQLite files, the shipped group and playbooks."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from crisisdesk.desk.app import Desk
from crisisdesk.locations import shipped_playbooks_dir

KST = ZoneInfo("Asia/Seoul")
PLAYBOOKS = shipped_playbooks_dir()
GROUP_FILE = PLAYBOOKS / "example-group.yaml"
NIRS_T0 = datetime(2025, 9, 26, 20, 20, tzinfo=KST)


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = NIRS_T0):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def make_desk(path: Path, clock: ManualClock | None = None, author: str = "tester") -> Desk:
    desk = Desk.open(path, clock=clock or ManualClock(), author=author)
    desk.events.load_group(GROUP_FILE)
    return desk


def activate_nirs(desk: Desk, **kwargs) -> str:
    options = {"t0": NIRS_T0, "down": ("gov-id-check",)} | kwargs
    return desk.events.activate(PLAYBOOKS / "gov-system-outage.yaml", "국가정보자원관리원 화재", **options).created


def snapshot(desk: Desk) -> tuple:
    """Everything stored: journal rows and every projection table, for before/after comparisons
    (not `writers`, which records when the file was opened)."""
    conn = desk.store.conn
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'writers' ORDER BY name")]
    return tuple((t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables)
