"""`crisisdesk verify` and `crisisdesk backup`."""

from __future__ import annotations

import sys
from pathlib import Path

from crisisdesk.cli.common import add_command, db_path
from crisisdesk.desk.app import Desk


def register(sub) -> None:
    add_command(sub, "verify", run_verify,
                "check the database: integrity, hash chain, projections rebuilt from the journal")
    backup = add_command(sub, "backup", run_backup, "write a verified online backup of the database")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE", help="backup file to write")


def run_verify(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        report = desk.verify()
    if report.ok:
        print(f"ok: {report.entries} journal entries, chain intact, projections match ({desk.path})")
        return 0
    for problem in report.problems:
        print(f"crisisdesk: {desk.path}: {problem}", file=sys.stderr)
    return 1


def run_backup(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        entries = desk.backup(args.out)
    print(f"backup written and verified: {args.out} ({entries} journal entries)")
    return 0
