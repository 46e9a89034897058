"""Finding playbooks: the shipped library and the user's own folder."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.playbook_file import load_playbook
from crisisdesk.formats.result import LoadResult
from crisisdesk.formats.schema import GROUP_FORMAT
from crisisdesk.locations import shipped_playbooks_dir, user_playbooks_dir

_GROUP_LINE = re.compile(rb"^format:\s*[\"']?" + re.escape(GROUP_FORMAT.split("/")[0].encode()) + rb"/",
                         re.MULTILINE)


def default_dirs() -> list[Path]:
    """The shipped `playbooks/` folder, then the user's playbooks folder."""
    return [shipped_playbooks_dir(), user_playbooks_dir()]


def is_group_file(path: Path) -> bool:
    """Whether the file declares the group format (a cheap look, before any parsing)."""
    try:
        with open(path, "rb") as f:
            return bool(_GROUP_LINE.search(f.read(64 * 1024)))
    except OSError:
        return False


def find_playbooks(dirs: Iterable[Path] | None = None, group: Group | None = None, *,
                   today: date | None = None) -> list[tuple[Path, LoadResult[Playbook] | FormatError]]:
    """Every `*.yaml`/`*.yml` playbook in `dirs` (default: `default_dirs()`), loaded or refused.

    Missing folders are skipped, and so are group files.
    """
    found: list[tuple[Path, LoadResult[Playbook] | FormatError]] = []
    for folder in default_dirs() if dirs is None else dirs:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        for path in paths:
            if is_group_file(path):
                continue
            try:
                found.append((path, load_playbook(path, group, today=today)))
            except FormatError as exc:
                found.append((path, exc))
    return found
