"""Excel workbooks from the command line.

    crisisdesk export xlsx [EVENT] --out FILE.xlsx [--lang ko|en] [--as-of TIME|#SEQ]
"""

from __future__ import annotations

from crisisdesk.cli.common import add_command, command_group, db_path
from crisisdesk.cli.event_commands import parse_time
from crisisdesk.desk.app import Desk
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


def run_export_xlsx(args) -> int:
    with Desk.open(db_path(args), create=False) as desk:
        desk.check_output(args.out)
        as_of = args.as_of
        if as_of and not as_of.strip().startswith("#"):
            as_of = parse_time(as_of, desk.event(args.event).group.timezone)
        rendered = desk.export_workbook(args.event, out=args.out, lang=args.lang, as_of=as_of)
    print(f"wrote workbook: {len(rendered.sheets)} sheets, {rendered.rows} rows → {args.out}")
    return 0
