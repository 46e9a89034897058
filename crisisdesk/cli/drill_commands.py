"""`crisisdesk drill injects|release|respond`: a drill controller releases a scenario's injects
into a drill event, the desks record their responses."""

from __future__ import annotations

import sys
from zoneinfo import ZoneInfo

from crisisdesk.cli.common import add_command, command_group, print_json
from crisisdesk.cli.event_commands import _existing_desk
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.drill import format_offset
from crisisdesk.domain.group import GROUP_DESK


def register(sub) -> None:
    actions = command_group(sub, "drill", "drills: release injects, record responses")
    listing = add_command(actions, "injects", run_injects,
                          "the drill event's injects: time, kind, released or not, responses")
    listing.add_argument("id", nargs="?", help="the drill event (default: the only open event)")
    listing.add_argument("--json", action="store_true")
    release = add_command(actions, "release", run_release,
                          "release one inject now (the controller), or with --due every inject whose "
                          "time has come")
    release.add_argument("id", help="the drill event")
    release.add_argument("inject", nargs="?", help="the inject to release")
    release.add_argument("--due", action="store_true", help="release every inject whose time has come")
    respond = add_command(actions, "respond", run_respond, "record a desk's response to a released inject")
    respond.add_argument("id", help="the drill event")
    respond.add_argument("inject")
    respond.add_argument("--affiliate", default=GROUP_DESK,
                         help=f"who responds (default: '{GROUP_DESK}', the group desk)")
    respond.add_argument("--text", required=True, help="what was done or answered")
    register_cmd = add_command(actions, "register", run_register,
                               "the year's drill register (for the authorities): print it, or write a PDF")
    register_cmd.add_argument("--year", type=int, required=True)
    register_cmd.add_argument("--out", help="the PDF file to write")
    register_cmd.add_argument("--lang", choices=("ko", "en"), default="ko")
    register_cmd.add_argument("--json", action="store_true")


def run_injects(args) -> int:
    with _existing_desk(args) as desk:
        found = desk.drills.injects(args.id)
        tz = ZoneInfo(desk.events.group().timezone)
    if args.json:
        print_json([{"inject": s.inject.id, "at": format_offset(s.inject.at), "kind": s.inject.kind,
                     "due": to_iso(s.due), "released_at": to_iso(s.released_at) if s.released_at else None,
                     "released_by": s.released_by, "affiliate": s.inject.affiliate,
                     "text": s.inject.text.ko,
                     "responses": [{"affiliate": a, "at": to_iso(t)} for a, t in s.responses]}
                    for s in found])
        return 0
    if not found:
        print("this drill's playbook has no injects")
    for s in found:
        state = (f"released {s.released_at.astimezone(tz):%m-%d %H:%M} ({s.released_by})"
                 if s.released_at else "not released")
        answered = f"  responses: {', '.join(a for a, _ in s.responses)}" if s.responses else ""
        print(f"{format_offset(s.inject.at):8} {s.inject.id:20} {s.inject.kind:12} {state}{answered}")
        print(f"         {s.inject.text.ko}")
    return 0


def run_release(args) -> int:
    if bool(args.inject) == bool(args.due):
        print("crisisdesk: give one inject to release, or --due (not both)", file=sys.stderr)
        return 2
    with _existing_desk(args) as desk:
        before = {s.inject.id for s in desk.drills.injects(args.id) if s.released}
        if args.due:
            desk.drills.release_due(args.id)
        else:
            desk.drills.release_inject(args.id, args.inject)
        released = [s.inject.id for s in desk.drills.injects(args.id) if s.released and s.inject.id not in before]
    print(f"released: {', '.join(released)}" if released else "no inject is due")
    return 0


def run_respond(args) -> int:
    with _existing_desk(args) as desk:
        desk.drills.respond_to_inject(args.id, args.affiliate, args.inject, args.text)
    print(f"{args.affiliate}: response to {args.inject} recorded")
    return 0


def run_register(args) -> int:
    with _existing_desk(args) as desk:
        records = desk.reviews.drill_register(args.year)
        rendered = desk.reviews.write_drill_register(args.year, args.out, args.lang) if args.out else None
        tz = ZoneInfo(desk.events.group().timezone)
    if args.json:
        print_json([{"event": r.event_id, "title": r.title, "t0": to_iso(r.t0),
                     "closed_at": to_iso(r.closed_at) if r.closed_at else None, "playbook": r.playbook_title,
                     "injects": r.injects_released, "measured": r.measured, "missed": r.missed,
                     "findings": r.findings, "actions": r.actions, "actions_open": r.actions_open}
                    for r in records])
    else:
        print(f"drills in {args.year}: {len(records)}")
        for r in records:
            print(f"  {r.t0.astimezone(tz):%Y-%m-%d %H:%M}  {r.title}  injects {r.injects_released}, "
                  f"measured {r.measured}, missed {r.missed}, actions {r.actions} ({r.actions_open} open)")
    if rendered is not None:
        stream = sys.stderr if args.json else sys.stdout  # JSON alone on stdout
        print(f"wrote the drill register: {rendered.pages} pages → {args.out}", file=stream)
    return 0
