"""`crisisdesk verify` and `crisisdesk backup`."""

from __future__ import annotations

import sys
from pathlib import Path

from crisisdesk.cli.common import add_command, db_path
from crisisdesk.desk.app import Desk
from crisisdesk.desk.backups import restore_database


def register(sub) -> None:
    verify = add_command(sub, "verify", run_verify,
                         "check the database: integrity, hash chain, projections rebuilt from the journal")
    verify.add_argument("--clear-cache", action="store_true",
                        help="first forget the parsed playbooks and group files (made again from the "
                             "texts the events pin)")
    backup = add_command(sub, "backup", run_backup, "write a verified online backup of the database")
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="backup file to write (default: the backups folder beside the database)")
    restore = add_command(sub, "restore", run_restore,
                          "replace the database with a verified backup (the old file is kept aside)")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")


def run_verify(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        if args.clear_cache:
            print(f"cleared {desk.clear_document_cache()} cached parses of pinned texts")
        report = desk.verify()
    if report.ok:
        print(f"ok: {report.entries} journal entries, chain intact, projections match ({desk.path})")
        return 0
    for problem in report.problems:
        print(f"crisisdesk: {desk.path}: {problem}", file=sys.stderr)
    return 1


def run_backup(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        if args.out:
            out, entries = args.out, desk.backup(args.out)
        else:
            out = desk.auto_backup()
            entries = desk.store.head()[0]
    print(f"backup written and verified: {out} ({entries} journal entries)")
    return 0


def run_restore(args) -> int:
    entries, aside = restore_database(args.file, db_path(args))
    print(f"restored {entries} journal entries from {args.file}; the replaced database is kept as {aside}")
    return 0
