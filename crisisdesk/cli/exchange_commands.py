"""`crisisdesk desk …` (identity and enrolment) and `crisisdesk exchange …` (packets)."""

from __future__ import annotations

import getpass
import os
import sys
import time
from pathlib import Path

from crisisdesk.cli.common import add_command, command_group, db_path, print_json
from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_models import ERROR, REFUSED, WAITING, OwnReturned
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.desk.exchange_watch import ExchangeFolder
from crisisdesk.domain.errors import InvalidInput

PASSPHRASE_ENV = "CRISISDESK_PASSPHRASE"


def register(sub) -> None:
    desk = command_group(sub, "desk", "this desk's exchange identity and the desks it trusts")
    init = add_command(desk, "init", run_init, "give this desk its role and a new key pair")
    init.add_argument("--role", choices=["group", "affiliate"],
                      help="the desk's role (default: the site file's desk.role)")
    init.add_argument("--affiliate", metavar="ID",
                      help="the affiliate of an affiliate desk (default: the site file's desk.affiliate)")
    init.add_argument("--group", metavar="ID", help="group id (default: the loaded group file's)")
    init.add_argument("--key-file", type=Path, metavar="FILE",
                      help="keep the private key in this passphrase-protected file instead of "
                           f"the OS keyring (passphrase from ${PASSPHRASE_ENV} or a prompt)")
    show = add_command(desk, "show", run_show, "show this desk, its fingerprint and its peers")
    show.add_argument("--json", action="store_true")
    enrol = add_command(desk, "enrol", run_enrol, "trust the desk in a public key file")
    enrol.add_argument("file", type=Path)
    enrol.add_argument("--expect", metavar="FINGERPRINT",
                       help="refuse unless the fingerprint is this one (as read on the phone)")
    revoke = add_command(desk, "revoke", run_revoke, "stop trusting a desk")
    revoke.add_argument("peer", metavar="DESK", help="desk id or name, or affiliate id")
    revoke.add_argument("--reason", default="")
    key = add_command(desk, "export-key", run_export_key, "write this desk's public key file")
    key.add_argument("--out", type=Path, required=True, metavar="FILE")

    exchange = command_group(sub, "exchange", "signed update packets between desks")
    export = add_command(exchange, "export", run_export, "write a packet of what a desk has not seen")
    export.add_argument("--to", required=True, metavar="DESK",
                        help="desk id or name, or affiliate id (`group` on affiliate desks)")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--all", action="store_true",
                        help="send everything again (a packet was lost); imports skip what is held")
    imp = add_command(exchange, "import", run_import, "import packet files (each all or nothing)")
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    status = add_command(exchange, "status", run_status,
                         "per peer: last heard, behind by how many entries, waiting for what")
    status.add_argument("--json", action="store_true")
    restores = add_command(exchange, "restores", run_restores,
                           "every restore noticed, false acknowledgement refused and own entry taken back")
    restores.add_argument("--json", action="store_true")
    listing = add_command(exchange, "list", run_list, "list an exchange folder's packets")
    listing.add_argument("folder", type=Path, metavar="DIR")
    watch = add_command(exchange, "watch", run_watch,
                        "watch an exchange folder: import incoming packets, write outgoing ones")
    watch.add_argument("folder", type=Path, metavar="DIR")
    watch.add_argument("--interval", type=float, default=10.0, metavar="SECONDS")
    watch.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                       help="leave files modified this recently for the next round")
    watch.add_argument("--once", action="store_true", help="one round, then exit")


def _open(args) -> tuple[Desk, ExchangeService]:
    desk = Desk.open(db_path(args), create=False)
    return desk, ExchangeService(desk)


def _passphrase(confirm: bool = False) -> str:
    """From the environment, or asked on the terminal; never read from a pipe."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise InvalidInput(f"the desk key is passphrase-protected: set {PASSPHRASE_ENV} or run "
                           "this in a terminal")
    first = getpass.getpass("Passphrase for the desk key: ")
    if confirm and getpass.getpass("Same passphrase again: ") != first:
        raise InvalidInput("the two passphrases differ; nothing was saved")
    return first


def _unlock(service: ExchangeService) -> None:
    if service.needs_passphrase():
        service.unlock(_passphrase())


def run_init(args) -> int:
    desk = Desk.open(db_path(args))
    with desk:
        service = ExchangeService(desk)
        role = args.role or desk.site.value("desk.role")
        if not role:
            raise InvalidInput("give the desk's role: --role group or --role affiliate "
                               "(no site file gives desk.role)")
        affiliate = args.affiliate or (desk.site.value("desk.affiliate") if role == "affiliate" else None)
        passphrase = _passphrase(confirm=True) if args.key_file else None
        info = service.init(role, group=args.group, affiliate=affiliate or None,
                            key_file=args.key_file, passphrase=passphrase)
    where = f"in {info.key_file} (passphrase-protected)" if info.key_file else "in the OS keyring"
    print(f"desk {info.identity.name} initialised as {_role(info.identity)} of group "
          f"{info.identity.group}; private key kept {where}")
    print(f"fingerprint: {info.fingerprint}")
    return 0


def run_show(args) -> int:
    desk, service = _open(args)
    with desk:
        info, status, peers = service.info(), service.keyring_status(), service.peers()
    if args.json:
        print_json({
            "desk": desk.desk_id, "initialised": info is not None,
            "keyring": {"available": status.available, "backend": status.backend},
            **({"name": info.identity.name, "role": info.identity.role,
                "group": info.identity.group, "affiliate": info.identity.affiliate,
                "fingerprint": info.fingerprint, "key_store": info.key_store} if info else {}),
            "peers": [{"desk": p.desk, "name": p.name, "role": p.identity.role,
                       "affiliate": p.identity.affiliate, "fingerprint": p.fingerprint,
                       "status": p.status, "sent_upto": p.sent_upto} for p in peers]})
        return 0
    if info is None:
        print(f"desk {desk.desk_id}: no exchange identity yet (crisisdesk desk init)")
    else:
        print(f"desk {info.identity.name} ({info.identity.desk}), {_role(info.identity)} of "
              f"group {info.identity.group}")
        print(f"fingerprint: {info.fingerprint}")
        print(f"private key: {info.key_file or 'OS keyring'}")
    print(f"keyring: {status.message}")
    for p in peers:
        print(f"peer {p.name}: {_role(p.identity)}, {p.status}, fingerprint {p.fingerprint}")
    return 0


def run_enrol(args) -> int:
    desk, service = _open(args)
    with desk:
        identity = service.read_key_file(args.file)
        if args.expect and args.expect.replace(" ", "") != identity.fingerprint.replace(" ", ""):
            raise InvalidInput(f"{args.file}: fingerprint {identity.fingerprint} is not the "
                               f"expected {args.expect}; not enrolled")
        peer = service.enrol(args.file)
    print(f"enrolled desk {peer.name} ({_role(peer.identity)}); fingerprint {peer.fingerprint}")
    if not args.expect:
        print("read the fingerprint aloud with the other desk to be sure it is theirs")
    return 0


def run_revoke(args) -> int:
    desk, service = _open(args)
    with desk:
        peer = service.revoke(args.peer, args.reason)
    print(f"desk {peer.name} revoked: its packets are refused from now on")
    return 0


def run_export_key(args) -> int:
    desk, service = _open(args)
    with desk:
        _unlock(service)
        out = service.export_public_key(args.out)
        fingerprint = service.info().fingerprint
    print(f"public key written to {out}; fingerprint {fingerprint}")
    return 0


def run_export(args) -> int:
    desk, service = _open(args)
    with desk:
        _unlock(service)
        args.out.mkdir(parents=True, exist_ok=True)
        result = service.export_to(args.to, args.out, resend_all=args.all)
    if result is None:
        print(f"nothing new for {args.to}; no packet written")
    else:
        print(f"packet #{result.seq} for {result.peer}: {result.entries} entries -> {result.path}")
    return 0


def run_import(args) -> int:
    desk, service = _open(args)
    with desk:
        outcomes = service.import_files(args.files)
    failed = 0
    for outcome in outcomes:
        line = f"{outcome.path}: {outcome.status}: {outcome.message}"
        if outcome.status in (REFUSED, ERROR):
            failed += 1
            print(f"crisisdesk: {line}", file=sys.stderr)
        else:
            print(line)
    return 1 if failed else 0


def run_status(args) -> int:
    desk, service = _open(args)
    with desk:
        found, restore = service.status(), service.restore_notice()
    if args.json:
        print_json({"peers": [{
            "desk": s.peer.desk, "name": s.peer.name, "status": s.peer.status,
            "last_heard": s.last_heard, "behind": s.behind, "waiting_for": s.waiting_for,
            "sending_back": s.returning} for s in found],
            "restore_noticed": None if restore is None else {
                "at": restore.at, "by": restore.by, "why": restore.why, "refused": restore.refused,
                "position": restore.position,
                "made": restore.made, "held": restore.held,
                "returned": [{"by": name, "entries": count} for name, count in restore.returned]}})
        return 0
    if restore is not None:
        print(restore.line)
    if not found:
        print("no enrolled desks (crisisdesk desk enrol FILE)")
    for s in found:
        heard = s.last_heard or "never"
        line = f"{s.peer.name}: last heard {heard}, behind by {s.behind} entries"
        if s.waiting_for:
            line += f", waiting for {s.waiting_for}"
        if s.returning:
            line += ", sending back what it lost in a restore"
        if not s.peer.active:
            line += " (revoked)"
        print(line)
    return 0


def run_restores(args) -> int:
    desk, service = _open(args)
    with desk:
        found = service.restore_history()
    if args.json:
        print_json({"history": [
            {"at": r.at, "kind": "own_returned", "by": r.by, "entries": r.entries, "packet": r.packet}
            if isinstance(r, OwnReturned) else
            {"at": r.at, "kind": "restore_noticed", "by": r.by, "why": r.why, "refused": r.refused,
             "position": r.position, "made": r.made, "held": r.held} for r in found]})
        return 0
    if not found:
        print("no restore noticed, no false acknowledgement refused, no entry of this desk taken back")
    for r in found:
        print(f"{r.at}  {r.line}" if isinstance(r, OwnReturned) else f"{r.at}  {r.what}: {r.reason}")
    return 0


def run_list(args) -> int:
    desk, service = _open(args)
    with desk:
        listing = ExchangeFolder(service, args.folder).listing()
    if not listing.state.ok:
        raise InvalidInput(listing.state.message)
    for title, infos in (("incoming", listing.incoming), ("outgoing", listing.outgoing)):
        for i in infos:
            print(f"{title}: {i.path.name} from {i.sender_name}, #{i.seq}, {i.entries} entries")
    for path in listing.imported:
        print(f"imported: {path.name}")
    for item in listing.rejected:
        print(f"rejected: {item.path.name}: {item.why.splitlines()[0] if item.why else ''}")
    return 0


def run_watch(args) -> int:
    desk, service = _open(args)
    with desk:
        _unlock(service)
        service.me()
        watcher = ExchangeFolder(service, args.folder, settle=args.settle)
        try:
            while True:
                report = watcher.step()
                for outcome in report.outcomes:
                    if outcome.status != WAITING:
                        print(f"{outcome.path.name}: {outcome.status}: {outcome.message}")
                for result in report.exported:
                    print(f"{result.path.name}: written for {result.peer} ({result.entries} "
                          "entries)")
                print(f"{time.strftime('%H:%M:%S')} {report.summary()}", flush=True)
                if args.once:
                    return 0 if report.state.ok else 1
                time.sleep(args.interval)
        except KeyboardInterrupt:
            print("watch stopped")
            return 0


def _role(identity) -> str:
    return "group desk" if identity.role == "group" else f"desk of affiliate {identity.affiliate}"
