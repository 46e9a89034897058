"""Small builders for exchange tests: desks of one group, forged packets, database snapshots."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.journal import Entry, canonical_json
from crisisdesk.exchange import packet
from crisisdesk.exchange.keys import KeyringKeys
from crisisdesk.locations import shipped_playbooks_dir
from crisisdesk.store.verify import INTERNAL_TABLES
from tests import raw_entries

GROUP_FILE = shipped_playbooks_dir() / "example-group.yaml"
PLAYBOOK = "datacenter-outage"
T0 = datetime(2025, 9, 26, 20, 20, tzinfo=UTC)


class StepClock:
    """A clock that moves one second per reading: distinct, repeatable times and HLCs."""

    def __init__(self, start: datetime = T0):
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass
class Node:
    """One desk of the test group, with its exchange service and public key file."""

    desk: Desk
    exchange: ExchangeService
    key_file: Path

    @property
    def id(self) -> str:
        return self.desk.desk_id

    def close(self) -> None:
        self.desk.close()


def make_node(folder: Path, role: str, affiliate: str | None = None,
              load_group: bool = True) -> Node:
    folder.mkdir(parents=True, exist_ok=True)
    desk = Desk.open(folder / "desk.sqlite", clock=StepClock(), author=f"{affiliate or role}-lead")
    if load_group:
        desk.events.load_group(GROUP_FILE)
    service = ExchangeService(desk)
    service.init(role, group=None if load_group else "hanbit", affiliate=affiliate)
    return Node(desk, service, service.export_public_key(folder / "public.cdkey"))


def enrol_pair(group: Node, affiliate: Node) -> None:
    group.exchange.enrol(affiliate.key_file)
    affiliate.exchange.enrol(group.key_file)


def forge(sender: Node, recipient: Node, entries: list[Entry], seq: int = 1) -> bytes:
    """A packet correctly signed by `sender`'s real key, holding whatever entries are given."""
    key = KeyringKeys().load(sender.id)
    return packet.build(sender.exchange.me(), key, recipient.id, seq, to_iso(T0), entries)


def entry(node: Node, kind: str, payload: dict) -> Entry:
    """An entry as `node` would stamp it, not recorded anywhere."""
    return raw_entries.new_entry(node.desk, kind, payload)


def snapshot(db_path: Path) -> dict:
    """Every table's rows and the file bytes (database and WAL), for before/after comparison."""
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        content = {t: conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        conn.close()
    files = {p.name: p.read_bytes() for p in sorted(db_path.parent.glob(db_path.name + "*"))}
    return {"tables": content, "files": files}


def projections(desk: Desk) -> dict:
    """The tables the UI reads, in a stable order (journal and local bookkeeping left out)."""
    conn = desk.store.conn
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name") if r[0] not in INTERNAL_TABLES]
    return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in names}


def journal_contents(desk: Desk) -> set[str]:
    """The entries a desk holds, by identity and content (chain positions are local)."""
    return {canonical_json(s.entry.content()) for s in desk.store.entries()}
