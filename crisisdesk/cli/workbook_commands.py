"""Excel workbooks from the command line.

    crisisdesk export xlsx [EVENT] --out FILE.xlsx [--lang ko|en] [--as-of TIME|#SEQ]
    crisisdesk group template --out FILE.xlsx [--from GROUP.yaml | --db PATH]
    crisisdesk group import WORKBOOK.xlsx --out GROUP.yaml [--force]

`group import` prints every problem of the workbook, one per line, with its sheet, row and
column (exit 1); nothing is written then.
"""

from __future__ import annotations

import sys
from pathlib import Path

from crisisdesk.cli.common import add_command, command_group, db_path
from crisisdesk.cli.event_commands import parse_time
from crisisdesk.desk.app import Desk
from crisisdesk.desk.workbook_commands import import_group_workbook, write_group_template
from crisisdesk.formats.errors import FormatError
from crisisdesk.reports import LANGS


def register(sub) -> None:
    exports = command_group(sub, "export", "export an event to office files (XLSX)")
    xlsx = add_command(exports, "xlsx", run_export_xlsx,
                       "write the event as an Excel workbook: checklists per affiliate, decisions, "
                       "actions, reporting duties and the timeline")
    xlsx.add_argument("event", nargs="?", metavar="EVENT",
                      help="event id or prefix (default: the only open event)")
    xlsx.add_argument("--out", required=True, metavar="FILE.xlsx", help="the workbook to write")
    xlsx.add_argument("--lang", choices=LANGS, default="ko", help="ko (default) or en")
    xlsx.add_argument("--as-of", metavar="TIME|#SEQ",
                      help="as of a time (group timezone unless an offset is given) or journal #SEQ")

    groups = command_group(sub, "group", "the group file: load it, check it")
    template = add_command(groups, "template", run_group_template,
                           "write the group inventory workbook template (XLSX): filled from --from FILE, "
                           "else from the group loaded in the desk (--db), else empty")
    template.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    template.add_argument("--from", dest="source", type=Path, metavar="GROUP.yaml",
                          help="fill the template from this group file")
    template.add_argument("--empty", action="store_true", help="an empty template, whatever the desk holds")
    intake = add_command(groups, "import", run_group_import,
                         "read a filled group inventory workbook (XLSX) into a group file (YAML); every "
                         "problem is reported with its sheet, row and column", db=False)
    intake.add_argument("workbook", type=Path, metavar="WORKBOOK.xlsx")
    intake.add_argument("--out", required=True, type=Path, metavar="GROUP.yaml", help="the group file to write")
    intake.add_argument("--force", action="store_true", help="overwrite --out if it exists")


def run_export_xlsx(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        desk.reports.check_output(args.out)
        as_of = args.as_of
        if as_of and not as_of.strip().startswith("#"):
            as_of = parse_time(as_of, desk.events.event(args.event).group.timezone)
        rendered = desk.workbook.export_workbook(args.event, out=args.out, lang=args.lang, as_of=as_of)
    print(f"wrote workbook: {len(rendered.sheets)} sheets, {rendered.rows} rows → {args.out}")
    return 0


def run_group_template(args) -> int:
    if args.source is not None or args.empty:
        group = write_group_template(args.out, args.source)
    elif db_path(args).exists():
        with Desk.open(db_path(args), create=False) as desk:
            group = desk.workbook.write_group_template(args.out)
    else:
        group = write_group_template(args.out)
    filled = (f"filled with group {group.id}: {len(group.affiliates)} affiliates, "
              f"{sum(len(a.services) for a in group.affiliates)} services, {len(group.providers)} providers"
              if group else "empty")
    print(f"wrote the group inventory template ({filled}) → {args.out}")
    return 0


def run_group_import(args) -> int:
    try:
        imported = import_group_workbook(args.workbook, args.out, overwrite=args.force)
    except FormatError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{args.workbook}: {len(exc.errors)} problem(s); nothing was written", file=sys.stderr)
        return 1
    group = imported.group
    print(f"{imported.path}: written (group {group.id}: {len(group.affiliates)} affiliates, "
          f"{sum(len(a.services) for a in group.affiliates)} services, {len(group.providers)} providers); "
          f"load it with: crisisdesk group load {imported.path}")
    return 0
