"""`crisisdesk playbook validate|list` and `crisisdesk group validate`.

Problems are printed as `file:line:col: path: message` (warnings as
`file:line:col: warning: path: message`); the exit code is 1 when any file has
an error, 0 otherwise (warnings allowed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from crisisdesk.cli.common import add_command, command_group
from crisisdesk.desk.site import load_site
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import Group
from crisisdesk.formats.errors import FormatError, Problem
from crisisdesk.formats.group_file import load_group
from crisisdesk.formats.library import find_playbooks, is_group_file
from crisisdesk.formats.playbook_file import is_stale, load_playbook


def register(sub) -> None:
    actions = command_group(sub, "playbook", "check and list playbooks")
    validate = add_command(actions, "validate", run_validate_playbooks,
                           "check playbook files and report every problem", db=False)
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument("--group", type=Path, metavar="FILE",
                          help="group file to check triggers and checklist sectors against")
    listing = add_command(actions, "list", run_list_playbooks,
                          "list playbooks (default: the shipped ones and the user's folder)", db=False)
    listing.add_argument("dir", nargs="?", type=Path, metavar="DIR")

    group_actions = command_group(sub, "group", "the group file: load it, check it")
    group_validate = add_command(group_actions, "validate", run_validate_group,
                                 "check a group file and report every problem", db=False)
    group_validate.add_argument("file", type=Path, metavar="FILE")
    for actions_of, what in ((actions, "playbook"), (group_actions, "group file")):
        upgrade = add_command(actions_of, "upgrade", run_upgrade,
                              f"rewrite a version-1 {what} in the version-2 form (the original is kept "
                              "as FILE.v1)", db=False)
        upgrade.add_argument("file", type=Path, metavar="FILE")
        upgrade.add_argument("--out", type=Path, metavar="FILE", help="write here instead of in place")


def _print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        print(problem)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _refused(path: Path, exc: FormatError) -> None:
    _print_problems(exc.problems)
    counts = _count(len(exc.errors), "error")
    if exc.warnings:
        counts += ", " + _count(len(exc.warnings), "warning")
    print(f"{path}: {counts}")


def run_validate_group(args) -> int:
    return 0 if _validate_group(args.file) else 1


def _validate_group(path: Path) -> bool:
    """Check one group file and print what was found; True when it has no error."""
    try:
        result = load_group(path)
    except FormatError as exc:
        _refused(path, exc)
        return False
    group = result.value
    _print_problems(result.warnings)
    services = sum(len(a.services) for a in group.affiliates)
    print(f"{path}: ok (group {group.id}: {_count(len(group.affiliates), 'affiliate')}, "
          f"{_count(services, 'service')}, {_count(len(group.providers), 'provider')})")
    return True


def run_validate_playbooks(args) -> int:
    failed = False
    group: Group | None = None
    if args.group:
        try:
            group = load_group(args.group).value
        except FormatError as exc:
            _refused(args.group, exc)
            print("triggers and sectors are not checked: the group file has errors")
            failed = True
    for path in args.files:
        if is_group_file(path):  # e.g. playbooks/*.yaml: the group file beside the playbooks
            if args.group and Path(path).resolve() == Path(args.group).resolve():
                print(f"{path}: the group file given with --group")
            else:
                failed = not _validate_group(path) or failed
            continue
        try:
            result = load_playbook(path, group)
        except FormatError as exc:
            _refused(path, exc)
            failed = True
            continue
        playbook = result.value
        _print_problems(result.warnings)
        items = sum(len(c.items) for c in playbook.checklists)
        print(f"{path}: ok (playbook {playbook.id} v{playbook.version}: "
              f"{_count(len(playbook.checklists), 'checklist')}, {_count(items, 'item')})")
    return 1 if failed else 0


def run_upgrade(args) -> int:
    """Write the /2 form of a /1 playbook or group file; in place, the original kept as FILE.v1."""
    from crisisdesk.formats.located_yaml import read_limited
    from crisisdesk.formats.upgrade import upgrade_text

    path: Path = args.file
    original = read_limited(path, str(path))
    result = upgrade_text(original, str(path))
    target = args.out or path
    if args.out is None:
        backup = path.with_name(path.name + ".v1")
        if backup.exists():
            raise InvalidInput(f"{backup}: already exists; move it away or give --out")
        backup.write_bytes(original)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(result.text, encoding="utf-8")
    temporary.replace(target)
    print(f"{target}: written as version 2" + ("" if args.out else f" (the original is {path.name}.v1)"))
    for note in result.notes:
        print(f"{target}: note: {note}")
    return 0


def run_list_playbooks(args) -> int:
    dirs = [args.dir] if args.dir else load_site().playbook_dirs()
    today = date.today()
    found = find_playbooks(dirs, today=today)
    rows = [r.value for _, r in found if not isinstance(r, FormatError)]
    broken = [(p, r) for p, r in found if isinstance(r, FormatError)]
    if not found:
        print("no playbooks in " + ", ".join(str(d) for d in dirs))
        return 0
    if rows:
        width = max(len("ID"), *(len(p.id) for p in rows))
        print(f"{'ID':<{width}}  VER  REVIEWED    STALE  TITLE")
        for p in rows:
            stale = "stale" if is_stale(p.reviewed, today) else ""
            print(f"{p.id:<{width}}  v{p.version:<3} {p.reviewed.isoformat()}  {stale:<5}  {p.title.get('ko')}")
    for _, exc in broken:
        first = exc.errors[0] if exc.errors else exc.problems[0]
        more = len(exc.errors) - 1
        print(f"broken: {first}" + (f" (and {_count(more, 'more error')})" if more > 0 else ""))
    return 1 if broken else 0
