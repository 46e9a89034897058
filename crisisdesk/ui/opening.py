"""How the executor thread opens a desk database and reaches the desk's services.

The desk modules are imported by name, in the executor thread, when first needed: the window is
built while they load, and the UI package itself never imports the storage layer underneath them
(import-linter's "The UI never talks SQL" contract counts indirect imports).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from crisisdesk.domain.clock import Clock, system_clock


def desk_module(name: str):
    """`crisisdesk.desk.<name>`, imported on first use (call only from the executor thread)."""
    return importlib.import_module(f"crisisdesk.desk.{name}")


def desk_opener(path: Path, author: str | None = None, clock: Clock = system_clock) -> Callable[[], object]:
    """A function the executor runs in its own thread to open (or create) the database at `path`."""

    def open_desk():
        return desk_module("app").Desk.open(Path(path), clock=clock, author=author or None)

    return open_desk


def backup_state(desk) -> tuple[int, str]:
    """Runs in the executor: how many automatic backups exist and the latest one."""
    found = desk_module("backups").list_backups(desk.path)
    return len(found), str(found[-1]) if found else ""


def backup_policy(keep: int | None = None, every_minutes: int | None = None):
    """The desk's backup policy; the desk's defaults where a value is not given."""
    policy = desk_module("backups").BackupPolicy()
    return type(policy)(keep=keep or policy.keep, every_minutes=every_minutes or policy.every_minutes)


def take_backup(desk, policy) -> tuple[str, str, int]:
    """Runs in the executor: where a backup now goes — (database, backup file, backups to keep).

    The copy itself is made by `write_backup`, off the executor thread."""
    backups = desk_module("backups")
    return str(desk.path), str(backups.next_backup_path(desk.path)), policy.keep


def backup_on_open(desk, policy) -> tuple[str, str, int] | None:
    """Runs in the executor: a backup of the database as it was opened (unless it is empty)."""
    return take_backup(desk, policy) if desk.journal_length() else None


def backup_if_due(desk, policy) -> tuple[str, str, int] | None:
    """Runs in the executor: an automatic backup while an event is open, as often as `policy` says."""
    return take_backup(desk, policy) if desk.backups.backup_due(policy) else None


def write_backup(plan: tuple[str, str, int], pages: int | None = None, pause: float | None = None) -> str:
    """Runs on a backup thread: the copy a plan names, through its own connection, in steps."""
    backups = desk_module("backups")
    steps = {k: v for k, v in (("pages", pages), ("pause", pause)) if v is not None}
    db_path, out, keep = plan
    return str(backups.write_backup(Path(db_path), Path(out), keep, **steps))
