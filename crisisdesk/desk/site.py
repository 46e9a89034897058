"""Site settings: what an administrator set once for every desk on a laptop or in a bundle.

Layers, lowest first; a later layer wins for each setting it gives:

1. built-in defaults;
2. the site file beside the program (`crisisdesk-site.yaml` in the bundle's folder: a folder
   prepared once and copied to every laptop);
3. the machine-wide site file (`crisisdesk-site.yaml` in `machine_config_dir()`, e.g.
   C:\\ProgramData\\CrisisDesk; `CRISISDESK_SITE` names another file instead);
4. the user's own settings (the window's), only for settings that no site file gives, or whose
   winning site file lists them in `allow_user_override`.

A site file with errors is left out whole (the desk still starts on the other layers) and its
located problems are kept in `Site.problems` for the window and `crisisdesk site show`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisdesk.desk.backup_policy import BackupPolicy
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.site_file import SETTINGS, SITE_FILE_NAME, SiteFile, load_site_file
from crisisdesk.locations import (
    SITE_ENV,
    machine_config_dir,
    program_dir,
    shipped_playbooks_dir,
    user_playbooks_dir,
)

DEFAULT = "default"
PROGRAM = "program folder"
MACHINE = "machine"
USER = "user"

DEFAULTS: dict[str, Any] = {
    "exchange.folder": "", "desk.role": "", "desk.affiliate": "",
    "backup.keep": BackupPolicy().keep, "backup.every_minutes": BackupPolicy().every_minutes,
    "language": "ko", "group_pack.group_file": "", "group_pack.playbooks": "",
}
assert DEFAULTS.keys() == SETTINGS.keys()


@dataclass(frozen=True)
class Setting:
    """One setting's effective value, the layer it came from, and whether the user may change it."""

    key: str
    value: Any
    layer: str
    source: Path | None = None  # the site file that gave it
    locked: bool = False


@dataclass
class Site:
    """The site files found (in precedence order), their problems, and the settings they give."""

    files: list[tuple[str, SiteFile]] = field(default_factory=list)
    looked_at: list[tuple[str, Path]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def effective(self, user: Mapping[str, Any] | None = None) -> dict[str, Setting]:
        """Every setting with its value and layer; `user` holds the user's own settings."""
        out = {key: Setting(key, value, DEFAULT) for key, value in DEFAULTS.items()}
        for layer, site_file in self.files:
            for key, value in site_file.values.items():
                out[key] = Setting(key, value, layer, site_file.path,
                                   locked=key not in site_file.user_may_change)
        for key, value in (user or {}).items():
            if key in out and not out[key].locked and value not in (None, ""):
                out[key] = Setting(key, value, USER, None, False)
        return out

    def value(self, key: str, user: Mapping[str, Any] | None = None) -> Any:
        return self.effective(user)[key].value

    def locked(self, key: str) -> Path | None:
        """The site file that fixes `key` for every user, or None when the user may change it."""
        setting = self.effective()[key]
        return setting.source if setting.locked else None

    def group_file(self) -> Path | None:
        """The group pack's group file, the group's own, or None."""
        value = self.value("group_pack.group_file")
        return Path(value) if value else None

    def playbook_dirs(self) -> list[Path]:
        """Where the desk's playbooks come from: shipped, the group pack's, the user's."""
        pack = self.value("group_pack.playbooks")
        return [shipped_playbooks_dir(), *([Path(pack)] if pack else []), user_playbooks_dir()]


def site_file_locations() -> list[tuple[str, Path]]:
    """Where site files are looked for, lowest layer first."""
    machine = os.environ.get(SITE_ENV)
    return [(PROGRAM, program_dir() / SITE_FILE_NAME),
            (MACHINE, Path(machine).expanduser() if machine else machine_config_dir() / SITE_FILE_NAME)]


def load_site(locations: list[tuple[str, Path]] | None = None) -> Site:
    """The site files at `locations` (default: `site_file_locations()`) that exist, read."""
    site = Site(looked_at=list(locations if locations is not None else site_file_locations()))
    for layer, path in site.looked_at:
        if not path.exists():
            if layer == MACHINE and os.environ.get(SITE_ENV):
                site.problems.append(f"{path}: no such site file ({SITE_ENV} names it)")
            continue
        try:
            site.files.append((layer, load_site_file(path)))
        except FormatError as exc:
            site.problems.extend(str(p) for p in exc.errors)
    return site
