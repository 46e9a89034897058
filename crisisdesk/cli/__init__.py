"""The `crisisdesk` command line: one-line errors, exit 1 for bad input, 2 for usage."""

from __future__ import annotations

import argparse
import sys

from crisisdesk import __version__
from crisisdesk.cli import common
from crisisdesk.domain.errors import CrisisDeskError

# Each module exposes `register(subparsers)`; order is the order in `--help`.
COMMAND_MODULES = (
    "crisisdesk.cli.event_commands",
    "crisisdesk.cli.exchange_commands",
    "crisisdesk.cli.playbook_commands",
    "crisisdesk.cli.report_commands",
    "crisisdesk.cli.self_test_command",
    "crisisdesk.cli.store_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from crisisdesk.cli.gui_command import open_desk

            return open_desk(args)
        return int(args.func(args) or 0)
    except CrisisDeskError as exc:
        print(f"crisisdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("crisisdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
