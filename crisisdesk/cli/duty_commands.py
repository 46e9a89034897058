"""`crisisdesk duty list|file|move`: reporting duties per filer (each licensed affiliate, or the group)
and their filings with receipt numbers."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from crisisdesk.cli.common import add_command, command_group, print_json
from crisisdesk.cli.event_commands import _existing_desk, parse_time
from crisisdesk.domain.group import GROUP_DESK

STATES = ("submitted", "not-required", "due")


def register(sub) -> None:
    actions = command_group(sub, "duty", "reporting duties to the authorities: list them, record filings")
    listing = add_command(actions, "list", run_list, "every duty that applies, per filer, with its deadline")
    listing.add_argument("id", nargs="?", help="the event (default: the only open one)")
    listing.add_argument("--json", action="store_true")
    filing = add_command(actions, "file", run_file,
                         "record a filing: submitted (with the receipt number), not-required (with a "
                         "reason), or due again")
    filing.add_argument("id")
    filing.add_argument("duty")
    filing.add_argument("state", choices=STATES)
    filing.add_argument("--filer", default=GROUP_DESK,
                        help=f"the affiliate that files (default: '{GROUP_DESK}', the group desk)")
    filing.add_argument("--occurrence", type=int, default=1, help="for recurring duties (default 1)")
    filing.add_argument("--reference", default="", help="the receipt number")
    filing.add_argument("--reason", default="", help="required for not-required")
    filing.add_argument("--at", help="when it was submitted (default: now), in the group's timezone")
    move = add_command(actions, "move", run_move, "move the deadline of a duty still due (with the reason)")
    move.add_argument("id")
    move.add_argument("duty")
    move.add_argument("--to", required=True, help="the new deadline, in the group's timezone")
    move.add_argument("--reason", required=True, help="why, e.g. agreed with the FSS")
    move.add_argument("--filer", default=GROUP_DESK)
    move.add_argument("--occurrence", type=int, default=1)


def run_list(args) -> int:
    with _existing_desk(args) as desk:
        duties = desk.views.duties(args.id)
        tz = ZoneInfo(desk.events.group().timezone)
    rows = [{"duty": d.duty, "filer": d.filer, "occurrence": d.occurrence, "kind": d.kind,
             "basis": d.basis, "to": d.to.ko, "title": d.title.ko, "start": d.start,
             "deadline": d.deadline.isoformat() if d.deadline else None, "state": d.state,
             "reference": d.reference, "reason": d.reason, "moved": d.moved,
             "overdue": d.overdue} for d in duties]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no reporting duty applies yet")
    for d in duties:
        deadline = (d.deadline.astimezone(tz).strftime("%Y-%m-%d %H:%M") if d.deadline
                    else f"after {d.start}")
        late = "  OVERDUE" if d.overdue else ""
        moved = f"  (moved: {d.reason})" if d.moved else ""
        print(f"{d.filer:12} {d.duty}#{d.occurrence:<3} {d.kind:12} {d.basis:6} {deadline:16} "
              f"{d.state:12} {d.reference}{late}{moved}")
    return 0


def run_move(args) -> int:
    with _existing_desk(args) as desk:
        deadline = parse_time(args.to, desk.events.group().timezone)
        desk.communications.move_duty(args.id, args.duty, deadline, args.reason, filer=args.filer,
                       occurrence=args.occurrence)
    print(f"{args.filer} {args.duty}#{args.occurrence}: due {args.to}")
    return 0


def run_file(args) -> int:
    with _existing_desk(args) as desk:
        at = parse_time(args.at, desk.events.group().timezone) if args.at else None
        desk.communications.set_duty(args.id, args.duty, args.state, filer=args.filer, occurrence=args.occurrence,
                      reference=args.reference, reason=args.reason, at=at)
    print(f"{args.filer} {args.duty}#{args.occurrence}: {args.state}")
    return 0
