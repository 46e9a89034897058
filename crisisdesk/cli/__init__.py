"""The `crisisdesk` command line: one-line errors, exit 1 for bad input, 2 for usage."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from crisisdesk import __version__
from crisisdesk.cli import common
from crisisdesk.cli.output import safe_streams
from crisisdesk.domain.errors import CrisisDeskError

TRACEBACK_ENV = "CRISISDESK_TRACEBACK"  # set to 1: an unexpected error shows its traceback

# Each module exposes `register(subparsers)`; order is the order in `--help`.
COMMAND_MODULES = (
    "crisisdesk.cli.drill_commands",
    "crisisdesk.cli.duty_commands",
    "crisisdesk.cli.event_commands",
    "crisisdesk.cli.exchange_commands",
    "crisisdesk.cli.playbook_commands",
    "crisisdesk.cli.report_commands",
    "crisisdesk.cli.review_commands",
    "crisisdesk.cli.room_commands",
    "crisisdesk.cli.self_test_command",
    "crisisdesk.cli.site_command",
    "crisisdesk.cli.store_commands",
    "crisisdesk.cli.workbook_commands",
)


class Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line (exit 2) that points to --help."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="crisisdesk",
        description="CrisisDesk: group crisis command desk (그룹 위기대응 데스크).",
    )
    parser.add_argument("--version", action="version", version=f"crisisdesk {__version__}")
    common.add_db_option(parser, top_level=True)
    parser.add_argument("--demo", action="store_true",
                        help="open the desk on the demo event")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every error is one line on stderr with exit 1 (2 for usage), never a
    traceback, whatever the arguments, the database file or the console's encoding."""
    with safe_streams():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = None
    try:
        args = parser.parse_args(argv)
        problem = bad_argument(args)
        if problem:
            print(f"crisisdesk: {problem}", file=sys.stderr)
            return 2
        from crisisdesk.cli.store_commands import say_upgraded, warn_on_open
        from crisisdesk.desk.app import Desk

        Desk.on_open_warnings = warn_on_open  # the opening check: one line on stderr
        Desk.on_upgraded = say_upgraded
        if args.command is None:
            from crisisdesk.cli.gui_command import open_desk

            return open_desk(args)
        return int(args.func(args) or 0)
    except CrisisDeskError as exc:
        message = str(exc).strip()
        if "\n" in message:  # several problems: from the desk's own pinned texts, that is damage
            message = damaged(args) or message
        print(f"crisisdesk: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("crisisdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get(TRACEBACK_ENV) == "1":
            raise
        print(f"crisisdesk: {unexpected(args, exc)}", file=sys.stderr)
        return 1


def bad_argument(args: argparse.Namespace) -> str | None:
    """An argument no command can take: a NUL character, or text that is not UTF-8 (file names,
    which may legitimately be in another encoding, excepted)."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str | Path) and "\x00" in str(item):
                return f"the {name} argument contains a NUL character"
            if isinstance(item, str) and not _is_text(item):
                return (f"the {name} argument {item!r} is not valid UTF-8 text "
                        "(check the terminal's encoding)")
    return None


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def damaged(args: argparse.Namespace | None) -> str | None:
    """'PATH: the database is damaged: ...; restore a backup' when the desk database the command
    read does not verify (a read-only check), else None."""
    if args is None or not getattr(args, "uses_db", False):
        return None
    path = common.db_path(args)
    try:
        from crisisdesk.desk.backups import damage

        found = damage(path) if path.is_file() else None
    except Exception:  # the diagnosis must never hide the error it explains
        found = None
    return f"{path}: the database is damaged: {found}; restore a backup" if found else None


def unexpected(args: argparse.Namespace | None, exc: Exception) -> str:
    """The one line for an error CrisisDesk did not expect: the damage, when the desk database
    the command read turns out damaged (the usual cause), else a fault to report."""
    found = damaged(args)
    if found:
        return found
    text = " ".join(str(exc).split())[:200]
    return (f"unexpected error ({type(exc).__name__}: {text}); this is a fault in CrisisDesk, please "
            f"report it (run again with {TRACEBACK_ENV}=1 for the details)")
