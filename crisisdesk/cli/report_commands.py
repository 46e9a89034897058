"""`crisisdesk report`: situation reports, executive briefs, paper checklists, and the register.

    crisisdesk report [EVENT] --kind situation|brief|paper --out FILE.pdf
                      [--lang ko|en] [--as-of TIME|#SEQ] [--affiliate ID] [--blank]
                      [--next-update TIME] [--prepared-by NAME] [--preview]
    crisisdesk report list [EVENT] [--json]
    crisisdesk report approve NUMBER [EVENT] [--by NAME]
    crisisdesk report issue NUMBER [EVENT] --out FILE.pdf
    crisisdesk report reprint NUMBER [EVENT] [--kind situation|brief] --out FILE.pdf
    crisisdesk report export NUMBER [EVENT] [--kind situation|brief] --out FILE.hwpx|.docx|.pdf

A situation report is drafted (numbered, journaled, watermarked DRAFT) unless
`--preview`; briefs and paper checklists are printed without being registered. `report export`
writes an editable office draft (HWPX for 한글, DOCX for Word) of report N's body or brief, or the
brief's PDF, and records it in the register as such (never as the issued report).
"""

from __future__ import annotations

import argparse

from crisisdesk.cli.common import add_command, db_path, print_json
from crisisdesk.cli.event_commands import parse_time
from crisisdesk.desk.app import Desk
from crisisdesk.reports import KINDS, LANGS

ACTIONS = ("list", "approve", "issue", "reprint", "export")
USAGE = ("crisisdesk report [EVENT | list [EVENT] | approve NUMBER [EVENT] | issue NUMBER [EVENT] | "
         "reprint NUMBER [EVENT] | export NUMBER [EVENT]] [options]")
FILE_ROLES = {"editable-draft": "editable draft (편집용 초안)", "brief": "executive brief (회장 보고 요약)"}


def register(sub) -> None:
    parser = add_command(sub, "report", run_report,
                         "print situation reports (상황보고서), executive briefs and paper checklists; "
                         "list, approve, issue and reprint numbered reports")
    parser.usage = USAGE
    parser.epilog = ("Without --preview, a situation report is drafted: numbered, journaled and watermarked "
                     "DRAFT. The chair approves it (report approve N), then it is issued without the "
                     "watermark (report issue N --out FILE.pdf); report reprint N prints it again exactly. "
                     "report export N --out FILE.hwpx (or .docx) writes an editable draft of its body for the "
                     "office (--kind brief: of its brief; .pdf: the brief's PDF); the PDF stays the record.")
    parser.add_argument("words", nargs="*", metavar="ARG",
                        help="EVENT (id or prefix; default: the only open event), or an action: "
                             "list, approve NUMBER, issue NUMBER, reprint NUMBER, export NUMBER")
    parser.add_argument("--kind", choices=KINDS, help="situation (default), brief or paper")
    parser.add_argument("--lang", choices=LANGS, help="ko (default) or en")
    parser.add_argument("--as-of", metavar="TIME|#SEQ",
                        help="as of a time (group timezone unless an offset is given) or journal #SEQ")
    parser.add_argument("--affiliate", metavar="ID", help="paper checklists: only this affiliate")
    parser.add_argument("--blank", action="store_true", help="paper checklists: blank, no states")
    parser.add_argument("--next-update", metavar="TIME", help="situation report: next update due")
    parser.add_argument("--prepared-by", metavar="NAME", help="situation report: who prepared it")
    parser.add_argument("--preview", action="store_true",
                        help="situation report: print a watermarked preview without registering a draft")
    parser.add_argument("--by", metavar="NAME", help="approve: the chair's name (default: you)")
    parser.add_argument("--out", metavar="FILE.pdf", help="the file to write (export: .hwpx, .docx or .pdf)")
    parser.add_argument("--json", action="store_true", help="list: as JSON")
    parser.set_defaults(report_parser=parser)


def run_report(args) -> int:
    words, parser = list(args.words), args.report_parser
    action = words.pop(0) if words and words[0] in ACTIONS else "render"
    number = None
    if action in ("approve", "issue", "reprint", "export"):
        if not words or not words[0].isdigit():
            parser.error(f"report {action} needs the report NUMBER (see: crisisdesk report list)")
        number = int(words.pop(0))
    if len(words) > 1:
        parser.error(f"unexpected arguments: {' '.join(words[1:])}")
    event = words[0] if words else None
    needs_out = action in ("render", "issue", "reprint", "export")
    if needs_out and not args.out:
        parser.error("--out FILE.hwpx, .docx or .pdf is required" if action == "export" else
                     "--out FILE.pdf is required")
    if action in ("reprint", "export") and args.kind not in (None, "situation", "brief"):
        parser.error(f"report {action} is of a situation report (or --kind brief)")
    kind = args.kind or "situation"
    if (args.affiliate or args.blank) and (action != "render" or kind != "paper"):
        parser.error("--affiliate and --blank are for --kind paper")
    with Desk.open(db_path(args), create=False) as desk:
        if needs_out:
            desk.reports.check_output(args.out)
        if action == "list":
            return _list(desk, event, args.json)
        if action == "approve":
            outcome = desk.reports.approve_report(event, number, approver=args.by)
            r = outcome.record
            print(f"approved situation report #{r.number} (fingerprint {r.short}) by {r.approved_by} "
                  f"as {r.approved_role}; issue it: crisisdesk report issue {r.number} --out FILE.pdf")
            return 0
        if action == "issue":
            outcome = desk.reports.issue_report(event, number, out=args.out)
            print(f"issued situation report #{number}: {_pages(outcome.rendered.pages)}, "
                  f"fingerprint {outcome.rendered.short} → {args.out}")
            return 0
        if action == "export":
            done = desk.reports.export_report(event, number, kind=kind, out=args.out).file
            print(f"wrote the {FILE_ROLES[done.role]} of situation report #{number} as {done.format.upper()}"
                  f" (report fingerprint {done.fingerprint[:12]}) → {args.out}; the issued PDF stays the record")
            return 0
        if action == "reprint":
            rendered = desk.reports.reprint_report(event, number, kind=kind)
            desk.reports.save_report(rendered, args.out)
            what = "situation report" if kind == "situation" else "executive brief of report"
            print(f"reprinted {what} #{number}: {_pages(rendered.pages)}, fingerprint {rendered.short} "
                  f"→ {args.out}")
            return 0
        return _render(desk, args, event, kind)


def _render(desk: Desk, args: argparse.Namespace, event: str | None, kind: str) -> int:
    lang = args.lang or "ko"
    zone = desk.events.event(event).group.timezone
    as_of = args.as_of
    if as_of and not as_of.strip().startswith("#"):
        as_of = parse_time(as_of, zone)
    next_update = parse_time(args.next_update, zone) if args.next_update else None
    if kind == "situation" and not args.preview:
        outcome = desk.reports.draft_report(event, lang=lang, as_of=as_of, next_update=next_update,
                                    prepared_by=args.prepared_by, out=args.out)
        r = outcome.record
        print(f"drafted situation report #{r.number} ({r.designation}) as of journal #{r.as_of}: "
              f"{_pages(r.pages)}, fingerprint {r.short} → {args.out}")
        print(f"the chair approves it with: crisisdesk report approve {r.number}")
        return 0
    rendered = desk.reports.render_report(event, kind, lang=lang, as_of=as_of, affiliate=args.affiliate,
                                  blank=args.blank, next_update=next_update)
    desk.reports.save_report(rendered, args.out)
    what = {"situation": "preview situation report (not registered)", "brief": "executive brief",
            "paper": "paper checklists"}[kind]
    print(f"wrote {what}: {_pages(rendered.pages)}, fingerprint {rendered.short} → {args.out}")
    return 0


def _list(desk: Desk, event: str | None, as_json: bool) -> int:
    records = desk.reports.report_register(event)
    if as_json:
        print_json([{**{k: getattr(r, k) for k in r.__dataclass_fields__},
                     "files": [{**{k: getattr(f, k) for k in f.__dataclass_fields__}, "role": f.role}
                               for f in r.files],
                     "status": r.status} for r in records])
        return 0
    if not records:
        print("no situation reports yet: draft one with crisisdesk report --out FILE.pdf")
        return 0
    print(f"{'NO':>3}  {'KIND':<8} {'STATUS':<9} LANG {'AS OF':>6}  {'MOMENT (UTC)':<17} PAGES  "
          f"FINGERPRINT   PREPARED / APPROVED / ISSUED")
    for r in records:
        people = " / ".join(x or "-" for x in (r.prepared_by, r.approved_by if r.status != "draft" else "",
                                               r.issued_by))
        print(f"{r.number:>3}  {r.designation:<8} {r.status:<9} {r.lang:<4} {'#' + str(r.as_of):>6}  "
              f"{r.moment.strftime('%Y-%m-%d %H:%M'):<17} {r.pages:>5}  {r.short}  {people}")
        for f in r.files:
            what = "body" if f.kind == "situation" else "brief"
            print(f"       └ {FILE_ROLES[f.role]}: {what} {f.format.upper()} {f.file} "
                  f"({f.at.strftime('%Y-%m-%d %H:%M')} UTC, {f.author}, report fingerprint {f.fingerprint[:12]})")
    return 0


def _pages(n: int) -> str:
    return f"{n} page" + ("" if n == 1 else "s")

