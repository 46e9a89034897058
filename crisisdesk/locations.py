"""Where bundled resources and the user's data live, in a checkout and in the bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "CrisisDesk"
DB_ENV = "CRISISDESK_DB"


def bundle_root() -> Path:
    """The folder holding `resources/` and `playbooks/` (PyInstaller's or the checkout's)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A bundled file under `resources/`; never written to."""
    return bundle_root().joinpath("resources", *parts)


def shipped_playbooks_dir() -> Path:
    return bundle_root() / "playbooks"


def data_dir() -> Path:
    """The user's data folder (databases, logs, backups)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_playbooks_dir() -> Path:
    return data_dir() / "playbooks"


def default_db_path() -> Path:
    """`CRISISDESK_DB` if set, otherwise `desk.sqlite` in the user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "desk.sqlite"
