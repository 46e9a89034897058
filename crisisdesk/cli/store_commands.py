"""`crisisdesk verify` and `crisisdesk backup`."""

from __future__ import annotations

import sys
from pathlib import Path

from crisisdesk.cli.common import add_command, db_path
from crisisdesk.desk.app import Desk
from crisisdesk.desk.backups import restore_database, verify_database


def register(sub) -> None:
    verify = add_command(sub, "verify", run_verify,
                         "check the database read-only (the file is never changed): integrity, schema "
                         "and triggers, hash chain, projections rebuilt from the journal")
    verify.add_argument("--clear-cache", action="store_true",
                        help="first forget the parsed playbooks and group files (made again from the "
                             "texts the events pin); this one writes to the database")
    verify.add_argument("--all", action="store_true",
                        help="print every problem found, one per line (default: the first)")
    verify.add_argument("--peer", type=Path, action="append", default=[], metavar="PEER_DB",
                        help="also check the journal against the checkpoints of this desk that a "
                             "peer desk's database (or its backup) holds, read-only; repeatable")
    verify.add_argument("--anchored", action="store_true",
                        help="exit 1 unless every entry is covered by a signed checkpoint")
    checkpoint = add_command(sub, "checkpoint", run_checkpoint,
                             "sign the journal's head now with the desk key (a signed checkpoint)")
    del checkpoint
    backup = add_command(sub, "backup", run_backup, "write a verified online backup of the database")
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="backup file to write (default: the backups folder beside the database)")
    restore = add_command(sub, "restore", run_restore,
                          "replace the database with a verified backup (the old file is kept aside)")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")


def run_verify(args) -> int:
    path = db_path(args)
    if args.clear_cache:
        with Desk.open(path, create=False) as desk:
            print(f"cleared {desk.clear_document_cache()} cached parses of pinned texts")
    report = verify_database(path, args.peer)
    if report.ok:
        print(f"{report.summary()} ({path})")
        return 1 if args.anchored and not report.covered else 0
    lines = [_advice(problem, report.readable) for problem in report.problems]
    if not args.all and len(lines) > 1:
        lines = [f"{lines[0]} (and {len(lines) - 1} more: crisisdesk verify --all)"]
    for line in lines:
        print(f"crisisdesk: {path}: {line}", file=sys.stderr)
    return 1


def _advice(problem: str, readable: bool) -> str:
    """A problem with what to do: restore a backup, unless the file is not there at all or only
    the cache of parsed texts differs (which says itself what to do)."""
    if problem.startswith(("no such desk database", "is a folder", "parsed-document cache")):
        return problem
    if not readable:
        return f"{problem}; if it is a desk database, it is damaged: restore a backup"
    return f"damaged: {problem}; restore a backup"


def run_checkpoint(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        made = desk.checkpoint()
        if made is None:
            why = desk.checkpoint_status() or "the journal is empty"
            print(f"crisisdesk: no checkpoint signed: {why}", file=sys.stderr)
            return 1
    print(f"checkpoint signed: {made.short()} (desk {made.desk})")
    return 0


def warn_on_open(path: Path, problems: list[str]) -> None:
    """The opening check's finding, one line on stderr (once per file and run)."""
    if path in _WARNED:
        return
    _WARNED.add(path)
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    print(f"crisisdesk: warning: {path}: the opening check found: {problems[0]}{more}; run "
          "crisisdesk verify", file=sys.stderr)


_WARNED: set[Path] = set()


def say_upgraded(path: Path, note: str) -> None:
    """Opening upgraded the file: one line on stderr, naming the backup taken first."""
    print(f"crisisdesk: {path}: {note}", file=sys.stderr)


def run_backup(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        if args.out:
            out, entries = args.out, desk.backup(args.out)
        else:
            out = desk.backups.auto_backup()
            entries = desk.store.head()[0]
    print(f"backup written and verified: {out} ({entries} journal entries)")
    return 0


def run_restore(args) -> int:
    target = db_path(args)
    entries, aside = restore_database(args.file, target)
    kept = (f"the replaced database is kept as {aside}" if aside
            else "there was no database there before")
    print(f"restored {entries} journal entries from {args.file} into {target}; {kept}")
    return 0
