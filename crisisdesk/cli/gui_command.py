"""Opening the desktop window (the default when no subcommand is given)."""

from __future__ import annotations

from crisisdesk.cli.common import db_path


def open_desk(args) -> int:
    from crisisdesk.ui.main import run

    return run(db_path(args), demo=getattr(args, "demo", False))
