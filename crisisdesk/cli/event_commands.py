"""Scripting the operations core: group, events, checklist ticks, answers, decisions, timeline."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from crisisdesk.cli.common import add_command, command_group, db_path, print_json
from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import build_demo
from crisisdesk.domain.checklist import STATES
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.read_models import Board


def register(sub) -> None:
    load = add_command(command_group(sub, "group", "the group file: load it, check it"), "load", run_group_load, "load (or reload) the group file into the desk")
    load.add_argument("file", type=Path, nargs="?",
                      help="the group file (default: the site's group pack, see crisisdesk site show)")

    event = command_group(sub, "event", "crisis events: activate, level, providers, close")
    listing = add_command(event, "list", run_event_list, "list events (open ones first)")
    listing.add_argument("--json", action="store_true")
    show = add_command(event, "show", run_event_show, "show an event: level, affiliates hit, progress")
    show.add_argument("id", nargs="?", help="event id or prefix (default: the only open event)")
    show.add_argument("--json", action="store_true")
    act = add_command(event, "activate", run_activate, "activate an event from a playbook")
    act.add_argument("--playbook", required=True, help="playbook id from the library, or a file")
    act.add_argument("--title", required=True)
    act.add_argument("--at", help="T0, e.g. '2025-09-26 20:20' (group timezone) or ISO with offset")
    act.add_argument("--level", help="initial level id (default: the lowest)")
    act.add_argument("--drill", action="store_true", help="a drill, not a real event")
    act.add_argument("--down", nargs="+", default=[], metavar="PROVIDER", help="providers known to be down")
    act.add_argument("--note", default="")
    level = add_command(event, "level", run_level, "raise or lower the level")
    level.add_argument("id")
    level.add_argument("level")
    level.add_argument("--reason", required=True)
    provider = add_command(event, "provider", run_provider, "mark a provider down, degraded or restored")
    provider.add_argument("id")
    provider.add_argument("provider")
    provider.add_argument("status", choices=["down", "degraded", "restored"])
    provider.add_argument("--note", default="")
    for name, func in (("close", run_close), ("reopen", run_reopen)):
        cmd = add_command(event, name, func, f"{name} an event (with a reason)")
        cmd.add_argument("id")
        cmd.add_argument("--reason", required=True)

    check = add_command(sub, "check", run_check, "set a checklist item's state (or 'undo' its last change)")
    check.add_argument("id")
    check.add_argument("affiliate")
    check.add_argument("item", help="item id, or checklist/item")
    check.add_argument("state", choices=[*STATES, "undo"])
    check.add_argument("--note")
    check.add_argument("--reason", help="required for blocked")
    check.add_argument("--assignee")
    check.add_argument("--evidence")

    assess = add_command(sub, "assess", run_assess, "answer an impact question for an affiliate")
    assess.add_argument("id")
    assess.add_argument("affiliate")
    assess.add_argument("field")
    assess.add_argument("value", help="the answer; for a services field a JSON object "
                                      "such as '{\"remote-account\": \"down\"}'")

    decide = add_command(sub, "decide", run_decide, "record a council decision")
    decide.add_argument("id")
    decide.add_argument("--text", required=True)
    decide.add_argument("--rationale", default="")
    decide.add_argument("--by", default="chair", help="the role that decided (default: chair)")
    decide.add_argument("--affiliate", action="append", default=[], dest="affiliates")

    timeline = add_command(sub, "timeline", run_timeline, "the event's timeline in the group timezone")
    timeline.add_argument("id")
    timeline.add_argument("--affiliate")
    timeline.add_argument("--kind", action="append", default=[], help="filter by kind prefix")
    timeline.add_argument("--lang", choices=["ko", "en"], default="ko")
    timeline.add_argument("--json", action="store_true")

    demo = add_command(sub, "demo", run_demo, "write the demo desk (a half-finished NIRS-type event) to --db")
    demo.add_argument("--affiliates", type=int, metavar="N",
                      help="a wider group instead: the example affiliates repeated by region up to N "
                           "(for trying the board on a projector)")


def _desk(args) -> Desk:
    return Desk.open(db_path(args))


def _existing_desk(args) -> Desk:
    return Desk.open(db_path(args), create=False)


EARLIEST, LATEST = 1970, 2999  # years a desk's times may take (deadlines are added to them)


def parse_time(text: str, tz: str) -> datetime:
    """An ISO time; without an offset it is read in the group's timezone."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        moment = moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))
        year = moment.astimezone(UTC).year
    except (ValueError, OverflowError):
        raise InvalidInput(f"'{text}' is not a time (e.g. 2025-09-26 20:20 or 2025-09-26T11:20Z)") from None
    if not EARLIEST <= year <= LATEST:
        raise InvalidInput(f"'{text}': a time between {EARLIEST} and {LATEST}, please")
    return moment


def run_group_load(args) -> int:
    with _desk(args) as desk:
        file = args.file or desk.site.group_file()
        if file is None:
            raise InvalidInput("give the group file: no site file names a group pack "
                               "(see crisisdesk site show)")
        desk.events.load_group(file)
        group = desk.events.group()
    print(f"group loaded: {group.id} {group.name.ko} ({len(group.affiliates)} affiliates, "
          f"{len(group.providers)} providers)")
    return 0


def run_event_list(args) -> int:
    with _existing_desk(args) as desk:
        records = sorted(desk.events.event_records(), key=lambda r: (not r.is_open, r.t0))
    if args.json:
        print_json([{"id": r.id, "title": r.title, "t0": to_iso(r.t0), "drill": r.drill, "note": r.note,
                     "level": r.level, "status": r.status, "status_reason": r.status_reason,
                     "playbook": f"{r.playbook_id} v{r.playbook_version}"} for r in records])
        return 0
    for r in records:
        flag = "drill" if r.drill else "real"
        print(f"{r.id}  {r.status:6}  {r.level:10} {flag:5}  {to_iso(r.t0)}  {r.title}")
    return 0


def run_event_show(args) -> int:
    with _existing_desk(args) as desk:
        board = desk.views.board(args.id)
    data = board_json(board)
    if args.json:
        print_json(data)
        return 0
    e = data["event"]
    print(f"{e['title']}  [{e['level']}] {'drill' if e['drill'] else 'real'}  T0 {e['t0']}  "
          f"elapsed {e['elapsed']}")
    print(f"progress {data['totals']['percent']}%  overdue {data['totals']['overdue']}  "
          f"affiliates hit {data['affiliates_hit']}  critical services past RTO {data['past_rto']}")
    group = data["group_desk"]
    if group["applicable"]:
        print(f"  {'group desk':12} {group['closed']}/{group['applicable']} done  overdue {group['overdue']}")
    for a in data["affiliates"]:
        hit = ", ".join(f"{s['service']}({s['status']})" for s in a["services"]) or "-"
        print(f"  {a['id']:12} {a['colour']:6} {a['progress']['percent']:3}%  overdue {a['overdue']:3}  {hit}")
    return 0


def board_json(board: Board) -> dict:
    e = board.event
    elapsed = board.now - e.t0
    hours, rest = divmod(int(elapsed.total_seconds()) // 60, 60)
    return {
        "event": {"id": e.id, "title": e.title, "level": e.level, "level_title": e.level_title.ko,
                  "drill": e.drill, "status": e.status, "t0": e.t0.isoformat(),
                  "elapsed": f"T+{hours}:{rest:02d}", "playbook": f"{e.playbook.id} v{e.playbook.version}"},
        "totals": {"applicable": board.totals.applicable, "closed": board.totals.closed,
                   "percent": board.totals.percent, "overdue": board.totals.overdue,
                   "overdue_critical": board.totals.overdue_critical},
        "group_desk": {"applicable": board.group_progress.applicable, "closed": board.group_progress.closed,
                       "overdue": board.group_progress.overdue},
        "affiliates_hit": board.hit_affiliates,
        "past_rto": board.past_rto,
        "customer_impact": [{"measure": m.measure, "label": m.label.ko, "total": m.total,
                             "previous": m.previous, "values": dict(m.values)} for m in board.measures],
        "alerts": [{"issuer": a.issuer, "level": a.level, "at": a.at.isoformat()} for a in board.alerts],
        "affiliates": [{
            "id": t.affiliate, "name": t.name.ko, "colour": t.colour,
            "services": [{"service": s.service, "name": s.name.ko, "status": s.status, "critical": s.critical,
                          "alternatives": [alt.ko for alt in s.alternatives],
                          "rto_deadline": s.rto_deadline.isoformat() if s.rto_deadline else None,
                          "past_rto": s.past_rto(board.now),
                          "impaired_since": s.impaired_since.isoformat() if s.impaired_since else None,
                          "down_since": s.down_since.isoformat() if s.down_since else None,
                          "open_now": s.open_now} for s in t.services],
            "progress": {"applicable": t.progress.applicable, "closed": t.progress.closed,
                         "percent": t.progress.percent},
            "overdue": t.progress.overdue, "overdue_critical": t.progress.overdue_critical,
            "last_update": t.last_update.isoformat() if t.last_update else None,
        } for t in board.tiles],
    }


def run_activate(args) -> int:
    with _existing_desk(args) as desk:
        t0 = parse_time(args.at, desk.events.group().timezone) if args.at else None
        changes = desk.events.activate(args.playbook, args.title, t0=t0, level=args.level, drill=args.drill,
                                down=tuple(args.down), note=args.note)
    print(changes.created)
    return 0


def run_level(args) -> int:
    with _existing_desk(args) as desk:
        desk.events.change_level(args.id, args.level, args.reason)
    print(f"level: {args.level}")
    return 0


def run_provider(args) -> int:
    with _existing_desk(args) as desk:
        desk.events.set_provider(args.id, args.provider, args.status, args.note)
    print(f"{args.provider}: {args.status}")
    return 0


def run_close(args) -> int:
    with _existing_desk(args) as desk:
        desk.events.close_event(args.id, args.reason)
    print("event closed")
    return 0


def run_reopen(args) -> int:
    with _existing_desk(args) as desk:
        desk.events.reopen_event(args.id, args.reason)
    print("event reopened")
    return 0


def run_check(args) -> int:
    with _existing_desk(args) as desk:
        if args.state == "undo":
            desk.checklists.undo_item(args.id, args.affiliate, args.item)
        else:
            desk.checklists.set_item(args.id, args.affiliate, args.item, state=args.state, note=args.note,
                          reason=args.reason, assignee=args.assignee, evidence=args.evidence)
        [view] = [i for i in desk.views.checklist(args.id, args.affiliate)
                  if args.item in (i.item, f"{i.checklist}/{i.item}")]
    print(f"{args.affiliate} {view.checklist}/{view.item}: {view.state}")
    return 0


def run_assess(args) -> int:
    value: object = args.value
    if args.value.lstrip().startswith("{"):
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"the value is not valid JSON: {exc.msg} at column {exc.colno}") from None
        except RecursionError:
            raise InvalidInput("the value is nested too deeply to be an answer") from None
    with _existing_desk(args) as desk:
        desk.assessments.answer(args.id, args.affiliate, args.field, value)
        [view] = [a for a in desk.views.answers(args.id, args.affiliate) if a.field == args.field]
    print(f"{args.affiliate} {args.field}: {view.display} (revision {view.revisions})")
    return 0


def run_decide(args) -> int:
    with _existing_desk(args) as desk:
        changes = desk.council.record_decision(args.id, args.text, rationale=args.rationale, decided_by=args.by,
                                       affiliates=args.affiliates)
    print(changes.created)
    return 0


def run_timeline(args) -> int:
    with _existing_desk(args) as desk:
        ctx = desk.events.event(args.id)
        entries = desk.views.timeline(ctx.id, args.affiliate, tuple(args.kind))
    zone = ZoneInfo(ctx.group.timezone)
    if args.json:
        print_json([{"seq": e.seq, "at": e.at.astimezone(zone).isoformat(), "kind": e.kind,
                     "affiliate": e.affiliate, "author": e.author, "summary": e.summary.get(args.lang)}
                    for e in entries])
        return 0
    for e in entries:
        print(f"{e.at.astimezone(zone):%Y-%m-%d %H:%M}  {e.author:12}  {e.summary.get(args.lang)}")
    return 0


def run_demo(args) -> int:
    path = db_path(args)
    if args.affiliates is not None:
        from crisisdesk.desk.wide_demo import build_wide_demo

        event = build_wide_demo(path, args.affiliates)
        print(f"demo desk of {args.affiliates} affiliates written to {path} (event {event})")
        return 0
    event = build_demo(path)
    print(f"demo desk written to {path} (event {event})")
    return 0
