"""Automatic online backups beside the database, and restoring one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crisisdesk.domain.errors import InvalidInput
from crisisdesk.store.backup import restore as store_restore

STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupPolicy:
    """Keep the last `keep` backups; take one every `every_minutes` while an event is open."""

    keep: int = 20
    every_minutes: int = 15


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups" / Path(db_path).stem


def list_backups(db_path: Path) -> list[Path]:
    """This database's automatic backups, oldest first."""
    folder = backup_folder(db_path)
    return sorted(folder.glob("*.sqlite")) if folder.is_dir() else []


def last_backup_time(db_path: Path) -> datetime | None:
    found = list_backups(db_path)
    return datetime.fromtimestamp(found[-1].stat().st_mtime, UTC) if found else None


class BackupCommands:
    """Mixed into Desk."""

    def auto_backup(self, policy: BackupPolicy = BackupPolicy()) -> Path:
        """An online backup into the backup folder, verified; older ones pruned to `policy.keep`."""
        folder = backup_folder(self.path)
        stamp = datetime.now(UTC).strftime(STAMP)
        out = folder / f"{self.path.stem}-{stamp}.sqlite"
        n = 1
        while out.exists():
            n += 1
            out = folder / f"{self.path.stem}-{stamp}-{n}.sqlite"
        self.backup(out)
        for old in list_backups(self.path)[:-policy.keep]:
            old.unlink()
        return out

    def backups(self) -> list[Path]:
        """This desk's automatic backups, oldest first."""
        return list_backups(self.path)

    def backup_due(self, policy: BackupPolicy = BackupPolicy()) -> bool:
        """Whether an open event makes a new automatic backup due now."""
        if not self.event_rows("open"):
            return False
        last = last_backup_time(self.path)
        return last is None or (datetime.now(UTC) - last).total_seconds() >= policy.every_minutes * 60


def restore_database(backup_file: Path, db_path: Path) -> tuple[int, Path]:
    """Restore `backup_file` over the (closed) database at `db_path`; the old file is kept aside."""
    backup_file, db_path = Path(backup_file), Path(db_path)
    if backup_file.resolve() == db_path.resolve():
        raise InvalidInput(f"{backup_file}: is the database itself; choose a backup file")
    aside = db_path.with_name(f"{db_path.stem}.replaced-{datetime.now(UTC).strftime(STAMP)}{db_path.suffix}")
    entries = store_restore(backup_file, db_path, aside)
    return entries, aside
