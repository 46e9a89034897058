"""`crisisdesk review show|report|finding|action|actions`: the after-action review of an event
(훈련 결과 보고서 for a drill, 사후 검토 보고서 for a real event) and corrective actions tracked
across events."""

from __future__ import annotations

import sys
from zoneinfo import ZoneInfo

from crisisdesk.cli.common import add_command, command_group, print_json
from crisisdesk.cli.event_commands import _existing_desk, parse_time
from crisisdesk.domain.after_action import ACTION_STATES, AfterAction
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.timing import Measured


def register(sub) -> None:
    actions = command_group(sub, "review", "after-action review: timings against targets, findings, "
                                           "corrective actions")
    show = add_command(actions, "show", run_show, "each measured target of the event and each miss")
    show.add_argument("id", nargs="?", help="the event (default: the only open one)")
    show.add_argument("--as-of", help="measure at this time (default: the event's closing, or now)")
    show.add_argument("--json", action="store_true")
    report = add_command(actions, "report", run_report, "write the after-action report (PDF, or XLSX)")
    report.add_argument("id", nargs="?")
    report.add_argument("--out", required=True, help="the file to write: .pdf, or .xlsx for a workbook")
    report.add_argument("--lang", choices=("ko", "en"), default="ko")
    report.add_argument("--as-of")
    finding = add_command(actions, "finding", run_finding, "record a finding of the review")
    finding.add_argument("id")
    finding.add_argument("--text", required=True)
    action = add_command(actions, "action", run_action,
                         "add a corrective action (with --title, --owner, --due) or change one (with --state)")
    action.add_argument("ref", help="the event, to add one; the action's id (or its start), to change one")
    action.add_argument("--title")
    action.add_argument("--owner")
    action.add_argument("--due", help="the due date, in the group's timezone")
    action.add_argument("--finding", default="", help="the finding it answers (its id)")
    action.add_argument("--state", choices=ACTION_STATES)
    action.add_argument("--note", default="")
    listing = add_command(actions, "actions", run_actions, "corrective actions of every event, by due date")
    listing.add_argument("--open", action="store_true", help="only those not done or dropped")
    listing.add_argument("--json", action="store_true")


def _outcome(m: Measured) -> str:
    minutes = int(m.late_by.total_seconds() // 60)
    return m.outcome if not m.missed else f"{m.outcome} +{minutes // 60}:{minutes % 60:02d}"


def review_rows(review: AfterAction) -> list[dict]:
    """Each measured target as one row: what, target, done, outcome, late by (minutes)."""
    rows = []

    def add(kind: str, what: str, m: Measured) -> None:
        rows.append({"kind": kind, "what": what, "target": to_iso(m.target),
                     "done": to_iso(m.done) if m.done else None, "outcome": m.outcome,
                     "late_minutes": int(m.late_by.total_seconds() // 60)})

    for r in review.recoveries:
        add("rto", f"{r.affiliate}/{r.service}", r.result)
    for d in review.duties:
        add("duty", f"{d.duty.filer}/{d.duty.duty}#{d.duty.occurrence}", d.result)
        if d.target is not None:
            add("duty-target", f"{d.duty.filer}/{d.duty.duty}#{d.duty.occurrence}", d.target)
    for i in review.items:
        if i.result is not None:
            add("item", f"{i.item.affiliate}/{i.item.checklist}/{i.item.item}", i.result)
    for x in review.responses:
        add("response", x.status.inject.id, x.result)
    return rows


def run_show(args) -> int:
    with _existing_desk(args) as desk:
        as_of = parse_time(args.as_of, desk.events.group().timezone) if args.as_of else None
        review = desk.reviews.after_action(args.id, as_of)
    rows = review_rows(review)
    if args.json:
        print_json({"event": review.event_id, "drill": review.drill, "as_of": to_iso(review.as_of),
                    "measured": review.measured, "missed": review.missed, "targets": rows,
                    "outages": [{"provider": o.provider, "start": to_iso(o.start),
                                 "end": to_iso(o.end) if o.end else None} for o in review.outages],
                    "findings": [f.text for f in review.findings],
                    "actions": [{"id": a.id, "title": a.title, "owner": a.owner, "due": to_iso(a.due),
                                 "state": a.state} for a in review.actions]})
        return 0
    kind = "drill result" if review.drill else "after-action review"
    print(f"{kind}: {review.title}  measured {review.measured}, missed {review.missed}")
    for row in rows:
        if row["outcome"] == "pending":
            continue
        late = f" +{row['late_minutes'] // 60}:{row['late_minutes'] % 60:02d}" if row["late_minutes"] else ""
        print(f"  {row['kind']:12} {row['what']:48} {row['outcome']}{late}")
    for o in review.outages:
        print(f"  outage       {o.provider:48} {o.duration(review.as_of)} (no RTO)")
    return 0


def run_report(args) -> int:
    with _existing_desk(args) as desk:
        as_of = parse_time(args.as_of, desk.events.group().timezone) if args.as_of else None
        rendered = desk.reviews.write_after_action(args.id, args.out, args.lang, as_of)
    unit = "sheets" if str(args.out).lower().endswith(".xlsx") else "pages"
    print(f"wrote the after-action report: {rendered.pages} {unit}, fingerprint "
          f"{rendered.fingerprint[:12]} → {args.out}")
    return 0


def run_finding(args) -> int:
    with _existing_desk(args) as desk:
        changes = desk.reviews.record_finding(args.id, args.text)
    print(f"finding {changes.created[:8]} recorded")
    return 0


def run_action(args) -> int:
    with _existing_desk(args) as desk:
        if args.state:
            desk.reviews.change_corrective_action(args.ref, args.state, args.note)
            print(f"corrective action {args.ref}: {args.state}")
            return 0
        missing = [f"--{n}" for n in ("title", "owner", "due") if not getattr(args, n)]
        if missing:
            print(f"crisisdesk: a new corrective action needs {', '.join(missing)} (or --state to change one)",
                  file=sys.stderr)
            return 2
        due = parse_time(args.due, desk.events.group().timezone)
        changes = desk.reviews.add_corrective_action(args.ref, args.title, args.owner, due, args.finding)
    print(f"corrective action {changes.created[:8]} added")
    return 0


def run_actions(args) -> int:
    with _existing_desk(args) as desk:
        found = desk.reviews.corrective_actions(open_only=args.open)
        now = desk.clock()
        tz = ZoneInfo(desk.events.group().timezone)
    if args.json:
        print_json([{"id": a.id, "event": a.event, "event_title": a.event_title, "title": a.title,
                     "owner": a.owner, "due": to_iso(a.due), "state": a.state, "note": a.note,
                     "overdue": a.overdue(now)} for a in found])
        return 0
    if not found:
        print("no corrective action")
    for a in found:
        late = "  OVERDUE" if a.overdue(now) else ""
        print(f"{a.id[:8]}  {a.due.astimezone(tz):%Y-%m-%d}  {a.state:8} {a.owner:14} {a.title}  "
              f"[{a.event_title}]{late}")
    return 0
