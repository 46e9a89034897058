"""Opening the desktop window (the default when no subcommand is given)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crisisdesk.cli.common import db_path
from crisisdesk.desk.demo import build_demo
from crisisdesk.locations import data_dir
from crisisdesk.store import owner_only

LOG_NAME = "crisisdesk.log"


def open_desk(args) -> int:
    from crisisdesk.ui.main import run

    prepare_log(data_dir() / LOG_NAME)
    path = db_path(args)
    if args.demo:
        path = demo_database(args.db)
        print(f"demo desk: {path}")
    return run(path, demo=args.demo)


def demo_database(requested: Path | None) -> Path:
    """`--demo` with `--db PATH`: that file (built if new); without: a throw-away file."""
    if requested is None:
        requested = Path(tempfile.mkdtemp(prefix="crisisdesk-demo-")) / "demo.sqlite"
    if not requested.exists() or requested.stat().st_size == 0:
        build_demo(requested)
    return requested


def prepare_log(log_path: Path) -> None:
    """The window's log (written by ui.errors) created owner-only before the window opens it.

    Its folder is made 0700 and the file 0600 if new; a log that cannot be created is not fatal
    (the window then reports errors without it).
    """
    try:
        owner_only.create_file(log_path)
    except OSError:
        pass
