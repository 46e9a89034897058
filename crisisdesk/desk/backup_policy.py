"""How often the desk backs itself up and how many backups it keeps (no storage imports, so the
window and the site settings can read the defaults without loading the store)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BackupPolicy:
    """Keep the last `keep` backups; take one every `every_minutes` while an event is open."""

    keep: int = 20
    every_minutes: int = 15


DEFAULT_POLICY = BackupPolicy()
