"""Where bundled resources and the user's data live, in a checkout and in the bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "CrisisDesk"
DB_ENV = "CRISISDESK_DB"


def bundle_root() -> Path:
    """The folder holding `resources/` and `playbooks/`.

    In the PyInstaller bundle, PyInstaller's folder; in an installed wheel, the `crisisdesk`
    package itself (setup.py puts the shipped files there); in a source checkout (an
    editable install too), the checkout.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    if (package / "resources").is_dir():
        return package
    return package.parent


def resource_path(*parts: str) -> Path:
    """A bundled file under `resources/`; never written to."""
    return bundle_root().joinpath("resources", *parts)


LICENCE_FILES = ("LICENSE", "THIRD_PARTY_NOTICES.md")


def licence_files() -> list[Path]:
    """CrisisDesk's licence and the third-party notices, wherever this copy was installed from.

    Beside the program in a checkout and in the bundle; in an installed wheel, in its
    metadata (`crisisdesk-*.dist-info/licenses/`). Missing ones are left out.
    """
    found = [bundle_root() / name for name in LICENCE_FILES if (bundle_root() / name).is_file()]
    if len(found) == len(LICENCE_FILES):
        return found
    import importlib.metadata  # only here: it costs the start-up 12 ms

    try:
        files = importlib.metadata.distribution("crisisdesk").files or []
    except importlib.metadata.PackageNotFoundError:
        return found
    installed = {Path(str(f)).name: Path(str(f.locate())) for f in files
                 if Path(str(f)).name in LICENCE_FILES and "licenses" in Path(str(f)).parts}
    return [installed[name] for name in LICENCE_FILES
            if name in installed and installed[name].is_file()]


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
