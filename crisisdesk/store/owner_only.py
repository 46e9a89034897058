"""Data files and folders readable by their owner only (0600 / 0700 on POSIX).

A desk holds who decided what during a crisis: the database, its backups and the log are
created owner-only whatever the umask. Files that already exist keep the mode they have
(an operator may have shared one on purpose); on Windows the modes are ignored and the
user's profile folder protects the data.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, each created one 0700 (existing ones untouched)."""
    folder = Path(folder)
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for created in reversed(missing):
        try:
            created.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not created.is_dir():
                raise
            continue  # made meanwhile by another process: left as it is
        _chmod(created, FOLDER_MODE)


def create_file(path: Path) -> bool:
    """Create an empty `path` with mode 0600 (its folder made as `make_folder` does).

    Returns False, changing nothing, when the file already exists.
    """
    path = Path(path)
    make_folder(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    _chmod(path, FILE_MODE)
    return True


def restrict(path: Path) -> None:
    """Make a file CrisisDesk wrote itself (a backup, a restored database) owner-only."""
    _chmod(Path(path), FOLDER_MODE if Path(path).is_dir() else FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        os.chmod(path, mode)
    except OSError:
        pass  # a file system without modes (FAT on a USB stick): nothing to restrict
