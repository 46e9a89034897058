"""`crisisdesk room brief|handover|sign|handovers|contacts|rollcall|call|rollcalls`: the 24-hour
room's shift handovers and the emergency contact tree's roll-calls."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from crisisdesk.cli.common import add_command, command_group, print_json
from crisisdesk.cli.event_commands import _existing_desk
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.contacts import CALL_RESULTS, EXTERNAL_NAMES, call_tree
from crisisdesk.domain.handover import SIGN_ROLES


def register(sub) -> None:
    actions = command_group(sub, "room", "the 24-hour room: shift handovers, contact tree, roll-calls")
    brief = add_command(actions, "brief", run_brief, "the handover brief now: changes since the last "
                                                      "handover, open actions, next deadlines")
    brief.add_argument("id", nargs="?", help="the event (default: the only open one)")
    brief.add_argument("--lang", choices=("ko", "en"), default="ko")
    handover = add_command(actions, "handover", run_handover, "record the brief for the outgoing and incoming lead to sign")
    handover.add_argument("id")
    handover.add_argument("--outgoing", required=True, help="the outgoing lead's name")
    handover.add_argument("--incoming", required=True, help="the incoming lead's name")
    handover.add_argument("--lang", choices=("ko", "en"), default="ko")
    sign = add_command(actions, "sign", run_sign, "the outgoing or incoming lead signs a handover")
    sign.add_argument("id")
    sign.add_argument("handover", help="the handover's id (or its start)")
    sign.add_argument("role", choices=SIGN_ROLES)
    sign.add_argument("--name", required=True, help="the signing lead's name, as the handover names them")
    listing = add_command(actions, "handovers", run_handovers, "the event's handovers and their signatures")
    listing.add_argument("id", nargs="?")
    listing.add_argument("--json", action="store_true")
    contacts = add_command(actions, "contacts", run_contacts, "the emergency contact tree (비상연락망)")
    contacts.add_argument("id", nargs="?", help="an event (its pinned group file); default: the loaded one")
    roll = add_command(actions, "rollcall", run_rollcall, "start a roll-call of the contact tree")
    roll.add_argument("id")
    roll.add_argument("--title", required=True)
    call = add_command(actions, "call", run_call, "record one call of a roll-call")
    call.add_argument("id")
    call.add_argument("rollcall", help="the roll-call's id (or its start)")
    call.add_argument("contact", help="the contact's id in the group file")
    call.add_argument("result", choices=CALL_RESULTS)
    call.add_argument("--note", default="")
    calls = add_command(actions, "rollcalls", run_rollcalls, "the event's roll-calls: who was reached when")
    calls.add_argument("id", nargs="?")
    calls.add_argument("--json", action="store_true")


def run_brief(args) -> int:
    with _existing_desk(args) as desk:
        brief = desk.room.handover_brief(args.id)
        tz = desk.events.event(args.id).group.timezone
    print("\n".join(brief.lines(args.lang, tz)))
    return 0


def run_handover(args) -> int:
    with _existing_desk(args) as desk:
        changes = desk.room.prepare_handover(args.id, args.outgoing, args.incoming, args.lang)
    print(f"handover {changes.created[:8]} prepared: {args.outgoing} → {args.incoming}; both sign it with "
          f"crisisdesk room sign {args.id} {changes.created[:8]} outgoing|incoming --name NAME")
    return 0


def run_sign(args) -> int:
    with _existing_desk(args) as desk:
        desk.room.sign_handover(args.id, args.handover, args.role, args.name)
        [held] = [h for h in desk.room.handovers(args.id) if h.id.startswith(args.handover)]
    state = "complete" if held.complete else "waiting for the other lead"
    print(f"handover {held.id[:8]}: signed by the {args.role} lead {args.name} ({state})")
    return 0


def run_handovers(args) -> int:
    with _existing_desk(args) as desk:
        found = desk.room.handovers(args.id)
        tz = ZoneInfo(desk.events.group().timezone)
    if args.json:
        print_json([{"id": h.id, "prepared_at": to_iso(h.prepared_at), "outgoing": h.outgoing,
                     "incoming": h.incoming, "since": to_iso(h.since), "lines": list(h.lines),
                     "outgoing_signed": to_iso(h.outgoing_signed) if h.outgoing_signed else None,
                     "incoming_signed": to_iso(h.incoming_signed) if h.incoming_signed else None,
                     "complete": h.complete} for h in found])
        return 0
    if not found:
        print("no handover yet")
    for h in found:
        signed = lambda t: f"{t.astimezone(tz):%m-%d %H:%M}" if t else "not signed"  # noqa: E731
        print(f"{h.id[:8]}  {h.prepared_at.astimezone(tz):%Y-%m-%d %H:%M}  {h.outgoing} ({signed(h.outgoing_signed)})"
              f" → {h.incoming} ({signed(h.incoming_signed)})")
    return 0


def run_contacts(args) -> int:
    with _existing_desk(args) as desk:
        contacts = desk.room.contacts(args.id)
    if not contacts:
        print("the group file has no contact tree ('contacts:')")
    for contact, deputy in call_tree(contacts):
        where = EXTERNAL_NAMES[contact.external].ko if contact.external else contact.affiliate
        title = contact.title.ko or contact.organisation.ko
        backup = f"  deputy: {deputy.name} {deputy.phone}" if deputy else ""
        print(f"{contact.id:16} {where:10} {contact.name} ({title}) {contact.phone}{backup}")
    return 0


def run_rollcall(args) -> int:
    with _existing_desk(args) as desk:
        changes = desk.room.start_roll_call(args.id, args.title)
    print(f"roll-call {changes.created[:8]} started")
    return 0


def run_call(args) -> int:
    with _existing_desk(args) as desk:
        desk.room.record_call(args.id, args.rollcall, args.contact, args.result, args.note)
    print(f"{args.contact}: {args.result}")
    return 0


def run_rollcalls(args) -> int:
    with _existing_desk(args) as desk:
        found = desk.room.roll_calls(args.id)
        tz = ZoneInfo(desk.events.group().timezone)
    if args.json:
        print_json([{"id": r.id, "title": r.title, "started_at": to_iso(r.started_at), "reached": r.reached,
                     "contacts": [{"contact": e.contact.id, "status": e.status, "via": e.reached_via,
                                   "reached_at": to_iso(e.reached_at) if e.reached_at else None,
                                   "calls": len(e.calls)} for e in r.entries]} for r in found])
        return 0
    for r in found:
        print(f"{r.id[:8]}  {r.title}  started {r.started_at.astimezone(tz):%m-%d %H:%M}, "
              f"reached {r.reached}/{len(r.entries)}")
        for e in r.entries:
            when = f" {e.reached_at.astimezone(tz):%H:%M}" if e.reached_at else ""
            via = f" (via deputy {e.reached_via})" if e.reached_via else ""
            print(f"    {e.contact.id:16} {e.status}{when}{via}")
    return 0
