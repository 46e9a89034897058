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


def take_backup(desk, policy) -> str:
    """Runs in the executor: a backup now, older ones pruned by `policy`."""
    return str(desk.auto_backup(policy))


def backup_on_open(desk, policy) -> str:
    """Runs in the executor: a backup of the database as it was opened (unless it is empty)."""
    return str(desk.auto_backup(policy)) if desk.journal_length() else ""


def backup_if_due(desk, policy) -> str:
    """Runs in the executor: an automatic backup while an event is open, as often as `policy` says."""
    return str(desk.auto_backup(policy)) if desk.backup_due(policy) else ""
