"""The exchange folder on disk: complete packets in, atomic packets out, refusals aside.

Layout (the same folder may be shared by every desk of the group):

    <folder>/*.cdpkt              packets waiting for their recipient
    <folder>/imported/YYYY-MM-DD/ packets this or another desk has imported, by day (UTC)
    <folder>/rejected/YYYY-MM-DD/ refused packets, each with `<name>.why.txt`, by day (UTC)

Days of either older than the kept age are deleted (`prune`), and so are packets (and their
reasons) loose in either folder, as earlier versions left them, older than that by their time.

Packets are written under a hidden temporary name and renamed when complete;
hidden files, other suffixes (Syncthing's `.syncthing.*.tmp`, `~syncthing~*`)
and files modified in the last moments are never read.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from crisisdesk.exchange.packet import SUFFIX

IMPORTED = "imported"
REJECTED = "rejected"
WHY_SUFFIX = ".why.txt"

OK = "ok"
MISSING = "missing"
READ_ONLY = "read_only"
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class FolderState:
    state: str
    message: str

    @property
    def ok(self) -> bool:
        return self.state == OK


def check(folder: Path) -> FolderState:
    """Whether the folder can be read now (write problems show up when writing)."""
    folder = Path(folder)
    try:
        if not folder.exists():
            return FolderState(MISSING, f"the exchange folder {folder} is not there (share offline "
                                        "or drive unplugged?); retrying")
        if not folder.is_dir():
            return FolderState(UNREADABLE, f"{folder} is a file, not an exchange folder")
        next(os.scandir(folder), None)
    except OSError as exc:
        return FolderState(UNREADABLE, f"the exchange folder {folder} cannot be read "
                                       f"({exc.strerror}); retrying")
    return FolderState(OK, f"exchange folder {folder}")


def write_failure(folder: Path, exc: OSError) -> FolderState:
    """The state to report when writing into the folder failed."""
    if exc.errno == errno.ENOENT:
        return FolderState(MISSING, f"the exchange folder {folder} is not there; nothing was "
                                    "written")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return FolderState(READ_ONLY, f"the exchange folder {folder} is read-only; outgoing packets "
                                      "wait in the database until it can be written")
    return FolderState(UNREADABLE, f"the exchange folder {folder} refused a write "
                                   f"({exc.strerror}); retrying")


def packets(folder: Path, settle: float = 0.0) -> list[Path]:
    """Complete packet files at the top of the folder, by name; none younger than `settle` s."""
    folder = Path(folder)
    found = []
    newest = time.time() - settle
    for item in os.scandir(folder):
        if not item.name.endswith(SUFFIX) or item.name.startswith((".", "~")):
            continue
        try:
            if item.is_file() and item.stat().st_mtime <= newest:
                found.append(Path(item.path))
        except OSError:
            continue  # vanished or unreadable while listing: next round
    return sorted(found)


def write_packet(folder: Path, name: str, data: bytes) -> Path:
    """Write `name` atomically: a hidden temporary file, flushed to disk, then renamed."""
    folder = Path(folder)
    target = folder / name
    tmp = folder / f".{name}.part"
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return target


def move_to(path: Path, subfolder: str) -> Path:
    """Move a packet into `subfolder` beside it, never over another file."""
    path = Path(path)
    into = path.parent / subfolder
    into.mkdir(exist_ok=True)
    target = into / path.name
    number = 1
    while target.exists():
        number += 1
        target = into / f"{path.name[:-len(SUFFIX)]}.{number}{SUFFIX}"
    os.replace(path, target)
    return target


def archive(path: Path, day: date) -> Path:
    """Move an imported packet into `imported/<day>/`."""
    path = Path(path)
    (path.parent / IMPORTED).mkdir(exist_ok=True)
    return move_to(path, f"{IMPORTED}/{day.isoformat()}")


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def prune(folder: Path, subfolder: str, today: date, keep_days: int) -> int:
    """Delete the days of `subfolder` (imported/ or rejected/) older than `keep_days`, and the
    packets loose in it older than that by their time (with their reasons); how many packets
    went."""
    into = Path(folder) / subfolder
    if not into.is_dir():
        return 0
    oldest = (today - timedelta(days=keep_days)).isoformat()
    cutoff = time.time() - keep_days * 86400
    removed = 0
    for item in into.iterdir():
        try:
            if item.is_dir() and _DAY.fullmatch(item.name) and item.name < oldest:
                removed += sum(1 for p in item.iterdir() if p.name.endswith(SUFFIX))
                shutil.rmtree(item)
            elif item.is_file() and item.name.endswith((SUFFIX, WHY_SUFFIX)) \
                    and item.stat().st_mtime < cutoff:
                item.unlink()
                removed += item.name.endswith(SUFFIX)
        except OSError:
            continue  # another desk pruned it first, or a read-only share: next time
    return removed


def reject(path: Path, why: str, day: date) -> Path:
    """Move a refused packet into `rejected/<day>/` and write why beside it."""
    path = Path(path)
    (path.parent / REJECTED).mkdir(exist_ok=True)
    moved = move_to(path, f"{REJECTED}/{day.isoformat()}")
    note = moved.with_name(moved.name + WHY_SUFFIX)
    tmp = note.with_name(f".{note.name}.part")
    tmp.write_text(why.rstrip("\n") + "\n", encoding="utf-8")
    os.replace(tmp, note)
    return moved


def listed(folder: Path, subfolder: str) -> list[Path]:
    """Packets kept in `imported/` or `rejected/` (and their days), by name."""
    into = Path(folder) / subfolder
    if not into.is_dir():
        return []
    found: list[Path] = []
    for item in into.iterdir():
        if item.is_dir() and _DAY.fullmatch(item.name):
            found.extend(p for p in item.iterdir() if p.name.endswith(SUFFIX) and p.is_file())
        elif item.name.endswith(SUFFIX) and item.is_file():
            found.append(item)
    return sorted(found, key=lambda p: p.name)


def why(rejected_packet: Path) -> str:
    try:
        return rejected_packet.with_name(rejected_packet.name + WHY_SUFFIX).read_text(
            encoding="utf-8").strip()
    except OSError:
        return ""


def _sync_folder(folder: Path) -> None:
    """Make a rename durable where the platform allows it (not on Windows, nor some shares)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
