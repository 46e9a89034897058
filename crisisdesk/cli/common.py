"""Options and output helpers shared by every subcommand."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from crisisdesk.cli.output import json_safe, unencodable_json
from crisisdesk.locations import default_db_path


def add_db_option(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """`--db PATH`, accepted before or after the subcommand."""
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        default=None if top_level else argparse.SUPPRESS,
        help="desk database file (default: $CRISISDESK_DB or the user data folder)",
    )


def add_command(sub, name: str, func, help: str, db: bool = True) -> argparse.ArgumentParser:
    """Add a subcommand that runs `func(args)`; with `db`, it takes `--db` too."""
    parser = sub.add_parser(name, help=help, description=help)
    if db:
        add_db_option(parser)
    parser.set_defaults(func=func, uses_db=db)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    return args.db if getattr(args, "db", None) else default_db_path()


def print_json(value) -> None:
    """Indented JSON; control characters escaped, and only ASCII on a console that is not UTF-8."""
    text = json.dumps(value, ensure_ascii=unencodable_json(), indent=2, default=str)
    sys.stdout.write(json_safe(text) + "\n")


def command_group(sub, name: str, help: str):
    """The actions of command `name` (e.g. `group load`, `group validate`), shared across modules."""
    parser = sub.choices.get(name)
    if parser is None:
        parser = sub.add_parser(name, help=help, description=help)
        parser.actions = parser.add_subparsers(dest=f"{name}_action", metavar="ACTION", required=True)
    return parser.actions
