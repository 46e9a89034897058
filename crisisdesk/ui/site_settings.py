"""The window's settings on top of the administrator's site settings (crisisdesk.desk.site).

A setting a site file fixes is read from it and its control is disabled; the others come from
the user's QSettings when set there, else from the site file or the default.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

from crisisdesk.desk.site import Setting, Site, load_site
from crisisdesk.locations import SITE_ENV, shipped_playbooks_dir

# Site setting -> the window's own QSettings key.
USER_KEYS = {
    "exchange.folder": "exchange/folder",
    "backup.keep": "backup/keep",
    "backup.every_minutes": "backup/every",
    "language": "ui/language",
}
ORGANISATION = "CrisisDesk"
APPLICATION = "CrisisDesk"


def site() -> Site:
    """The site files, read once per run of the program (again if CRISISDESK_SITE changes)."""
    return _site(os.environ.get(SITE_ENV, ""))


@cache
def _site(_machine_file: str) -> Site:
    return load_site()


def user_settings() -> QSettings:
    """The user's own settings, also outside a running window (`crisisdesk site show`)."""
    if QCoreApplication.organizationName():
        return QSettings()
    return QSettings(ORGANISATION, APPLICATION)


def user_values() -> dict[str, Any]:
    """The site settings the user set in the window (those never set are left out)."""
    settings = user_settings()
    out: dict[str, Any] = {}
    for key, name in USER_KEYS.items():
        if settings.contains(name):
            value = settings.value(name)
            out[key] = int(value) if key.startswith("backup.") and str(value).isdigit() else value
    return {k: v for k, v in out.items() if v not in (None, "", 0)}


def effective() -> dict[str, Setting]:
    return site().effective(user_values())


def value(key: str) -> Any:
    return effective()[key].value


def locked_by(key: str) -> str:
    """The site file that fixes `key` ('' when the user may change it)."""
    found = site().locked(key)
    return str(found) if found else ""


def group_folder() -> Path:
    """Where to look for a group file first: the site's group pack, else the shipped example."""
    pack = site().group_file()
    return pack.parent if pack else shipped_playbooks_dir()
