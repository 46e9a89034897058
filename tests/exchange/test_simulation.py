"""31 desks exchange over a lossy network and converge with no manual step.

One group desk and 30 affiliate desks (29 affiliates; affiliate a01 has two desks, so the
group relays between them) work on one event: the affiliates change their items and
answers, the group desk changes the level, records decisions, ticks its own items and the
affiliates' items on the phone's word (concurrent edits). Every round each desk writes
packets for its peers; the network delivers them in random order, after random delays,
sometimes twice, and loses 5 % of them. Each desk's clock is off by up to five minutes
either way (so one desk may run ten minutes, the allowed limit, ahead of another). Midway,
one desk is restored from a backup taken earlier. Then the desks keep exchanging (still
lossy) with no new work: every desk must end holding exactly the entries it may see, with
the same checklist, the same winners and the same conflicts flagged as the group desk.

Quick by default; `CRISISDESK_LONG=1` runs more rounds, more work and several seeds.
"""

from __future__ import annotations

import random
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import DUPLICATE, IMPORTED, WAITING, ExchangeService
from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, GROUP_KINDS, LOCAL_KINDS
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.domain.journal import canonical_json
from crisisdesk.store import queries
from tests.conftest import LONG
from tests.desk.truthful_factories import PLAYBOOK_2

AFFILIATES = [f"a{n:02d}" for n in range(1, 30)]
DESKS = [*AFFILIATES, "a01"]  # 30 affiliate desks: a01 has two
ITEMS = ["first-hour/check-systems", "first-hour/notify-staff", "first-hour/backup-site"]
STATES = ["todo", "doing", "done"]
ROUND = timedelta(seconds=30)
RESEND_AFTER = 60
LOSS, DUPLICATES, MAX_DELAY = 0.05, 0.05, 3
SKEW = timedelta(minutes=5)

if LONG:
    SEEDS, ACTIVE, QUIET, WORK = [1, 2, 3], 40, 400, 0.5
else:
    SEEDS, ACTIVE, QUIET, WORK = [7], 10, 200, 0.3


def _group_yaml() -> str:
    return yaml.safe_dump({
        "format": "crisisdesk.group/2", "group": {"id": "sim", "name": "시뮬레이션 그룹"},
        "affiliates": [{"id": a, "name": {"ko": f"계열사 {a}", "en": f"Affiliate {a}"},
                        "sector": "bank", "licensed": True,
                        "services": [{"id": "svc", "name": "서비스", "critical": True,
                                      "rto": "3h", "depends_on": ["ext"]}]}
                       for a in AFFILIATES],
        "providers": [{"id": "ext", "name": "외부 기관", "kind": "government"}],
    }, allow_unicode=True, sort_keys=False)


def _playbook_yaml() -> str:
    return PLAYBOOK_2.replace(
        "      - {id: check-systems, title: 시스템 점검, owner: it-lead, due: 1h}\n",
        "      - {id: check-systems, title: 시스템 점검, owner: it-lead, due: 1h}\n"
        "      - {id: notify-staff, title: 직원 통보, owner: it-lead, due: 1h}\n"
        "      - {id: backup-site, title: 백업 센터 점검, owner: it-lead, due: 2h}\n")


class World:
    """Simulated time; each desk's clock is it, plus the desk's skew, plus a millisecond a
    reading (distinct, increasing readings)."""

    def __init__(self):
        self.now = datetime(2026, 9, 26, 11, 0, tzinfo=UTC)


class SkewedClock:
    def __init__(self, world: World, skew: timedelta):
        self.world, self.skew, self.ticks = world, skew, 0

    def __call__(self) -> datetime:
        self.ticks += 1
        return self.world.now + self.skew + timedelta(milliseconds=self.ticks % 1000)


@dataclass
class SimDesk:
    name: str
    affiliate: str | None  # None for the group desk
    path: Path
    clock: SkewedClock
    desk: Desk
    exchange: ExchangeService
    pending: list[Path] = field(default_factory=list)  # packets waiting for an earlier one

    def reopen(self) -> None:
        self.desk = Desk.open(self.path, create=False, clock=self.clock, author=self.name)
        self.exchange = ExchangeService(self.desk, resend_after=RESEND_AFTER)


class Simulation:
    def __init__(self, root: Path, seed: int, restore: str):
        self.rng = random.Random(seed)  # the desks' work
        self.net = random.Random(-seed)  # the network's losses, copies and delays: its own, so
        # the work done is the same however many packets (keep-alives too) the desks write
        self.root, self.world = root, World()
        self.restore_name = restore
        (root / "group.yaml").write_text(_group_yaml(), encoding="utf-8")
        (root / "playbook.yaml").write_text(_playbook_yaml(), encoding="utf-8")
        skews = [SKEW, -SKEW] + [timedelta(seconds=self.rng.uniform(-300, 300))
                                 for _ in DESKS]
        self.group = self._desk("group", None, skews[0])
        self.affiliates = [self._desk(f"{a}-{n}", a, skews[n + 1])
                           for n, a in enumerate(DESKS)]
        for node in self.affiliates:
            self.group.exchange.enrol(node.path.parent / "public.cdkey")
            node.exchange.enrol(self.group.path.parent / "public.cdkey")
        self.network: list[tuple[int, SimDesk, bytes, str]] = []
        self.round = 0
        self.sent = self.lost = self.refused = 0
        self.event = ""

    def _desk(self, name: str, affiliate: str | None, skew: timedelta) -> SimDesk:
        folder = self.root / name
        folder.mkdir()
        clock = SkewedClock(self.world, skew)
        desk = Desk.open(folder / "desk.sqlite", clock=clock, author=name)
        service = ExchangeService(desk, resend_after=RESEND_AFTER)
        if affiliate is None:
            desk.events.load_group(self.root / "group.yaml")
            service.init("group")
        else:
            service.init("affiliate", group="sim", affiliate=affiliate)
        service.export_public_key(folder / "public.cdkey")
        return SimDesk(name, affiliate, folder / "desk.sqlite", clock, desk, service)

    @property
    def desks(self) -> list[SimDesk]:
        return [self.group, *self.affiliates]

    def by_name(self, name: str) -> SimDesk:
        return next(d for d in self.desks if d.name == name)

    # -- work ----------------------------------------------------------------------
    def work(self, node: SimDesk) -> None:
        rng, desk = self.rng, node.desk
        try:
            if node.affiliate is None:
                choice = rng.random()
                if choice < 0.5:  # on the phone's word: an affiliate's item (the first few)
                    desk.checklists.set_item(self.event, rng.choice(AFFILIATES[:4]), rng.choice(ITEMS),
                                  state=rng.choice(STATES))
                elif choice < 0.6:
                    desk.checklists.set_item(self.event, "group", "council/convene",
                                  state=rng.choice(STATES))
                elif choice < 0.75:
                    desk.events.change_level(self.event, rng.choice(["attention", "caution"]),
                                      f"round {self.round}")
                else:
                    desk.council.record_decision(self.event, f"결정 {self.round}-{rng.randrange(999)}")
            elif rng.random() < 0.7:
                desk.checklists.set_item(self.event, node.affiliate, rng.choice(ITEMS),
                              state=rng.choice(STATES))
            else:
                desk.assessments.answer(self.event, node.affiliate, "customers-affected",
                            rng.randrange(100_000))
        except CrisisDeskError:
            pass  # no event here yet, or nothing to change: a desk's ordinary refusals

    # -- network -------------------------------------------------------------------
    def send(self, node: SimDesk, peers: list[SimDesk]) -> None:
        outbox = self.root / "outbox"
        outbox.mkdir(exist_ok=True)
        for peer in peers:
            result = node.exchange.export_to(peer.desk.desk_id, outbox)
            if result is None:
                continue
            data = result.path.read_bytes()
            result.path.unlink()
            self.sent += 1
            if self.net.random() < LOSS:
                self.lost += 1
                continue
            copies = 2 if self.net.random() < DUPLICATES else 1
            for _ in range(copies):
                due = self.round + self.net.randint(0, MAX_DELAY)
                self.network.append((due, peer, data, result.path.name))

    def deliver(self) -> None:
        due = [p for p in self.network if p[0] <= self.round]
        self.network = [p for p in self.network if p[0] > self.round]
        self.net.shuffle(due)
        arrived: dict[str, list[Path]] = defaultdict(list)
        for number, (_, peer, data, name) in enumerate(due):
            inbox = peer.path.parent / "inbox"
            inbox.mkdir(exist_ok=True)
            path = inbox / f"{self.round:04d}-{number:04d}-{name}"
            path.write_bytes(data)
            arrived[peer.name].append(path)
        for node in self.desks:
            paths = node.pending + arrived.get(node.name, [])
            if not paths:
                continue
            outcomes = node.exchange.import_files(paths)
            node.pending = []
            for outcome in outcomes:
                if outcome.status == WAITING:
                    node.pending.append(outcome.path)
                else:
                    assert outcome.status in (IMPORTED, DUPLICATE), (node.name, outcome.message)
                    outcome.path.unlink(missing_ok=True)

    def step(self, work: float) -> None:
        self.round += 1
        self.world.now += ROUND
        for node in self.desks:
            for _ in range(4 if node is self.group else 1):  # the group desk is busiest
                if self.event and self.rng.random() < work:
                    self.work(node)
        self.deliver()
        order = list(self.affiliates)
        self.rng.shuffle(order)
        self.send(self.group, order)
        for node in order:
            self.send(node, [self.group])

    # -- backup and restore ----------------------------------------------------------
    def backup(self) -> Path:
        node = self.by_name(self.restore_name)
        saved = self.root / "backup.sqlite"
        node.desk.backup(saved)
        return saved

    def restore(self, saved: Path) -> None:
        node = self.by_name(self.restore_name)
        node.desk.close()
        for suffix in ("-wal", "-shm"):
            Path(str(node.path) + suffix).unlink(missing_ok=True)
        shutil.copyfile(saved, node.path)
        node.pending = []
        node.reopen()

    # -- what each desk may see --------------------------------------------------------
    def held(self, node: SimDesk) -> dict[str, str]:
        return {s.entry.id: canonical_json(s.entry.content()) for s in node.desk.store.entries()
                if s.entry.kind not in LOCAL_KINDS}

    def differences(self) -> list[str]:
        held = {node.name: self.held(node) for node in self.desks}
        everything: dict[str, str] = {}
        for entries in held.values():
            everything.update(entries)
        kinds = {i: e for i, e in everything.items()}
        problems = []
        for node in self.desks:
            wanted = {i for i, text in kinds.items() if _may_see(node.affiliate, text)}
            missing, extra = wanted - set(held[node.name]), set(held[node.name]) - wanted
            if missing or extra:
                problems.append(f"{node.name}: {len(missing)} missing, {len(extra)} not its own")
        return problems

    def same_picture(self) -> list[str]:
        """Checklists, winners, conflicts and the event as the group desk has them."""
        problems = []
        reference = self._picture(self.group, None)
        for node in self.affiliates:
            mine = self._picture(node, node.affiliate)
            theirs = {k: v for k, v in reference.items()
                      if k[0] in ("event", node.affiliate, "group")}
            if mine != theirs:
                problems.append(f"{node.name}: its picture differs from the group desk's")
        return problems

    def _picture(self, node: SimDesk, affiliate: str | None) -> dict:
        conn = node.desk.store.conn
        picture = {}
        for row in conn.execute("SELECT affiliate, checklist, item, state, entry, hlc FROM "
                                "checklist_items WHERE event = ?", [self.event]):
            if affiliate is None or row[0] in (affiliate, "group"):
                picture[(row[0], row[1], row[2])] = row[3:]
        for key in queries.conflicted_items(conn, self.event):
            if affiliate is None or key[0] in (affiliate, "group"):
                picture[(key[0], "conflict", *key[1:])] = True
        level = conn.execute("SELECT level, status FROM events WHERE id = ?",
                             [self.event]).fetchone()
        picture[("event", "level", "")] = level
        return picture

    def close(self) -> None:
        for node in self.desks:
            node.desk.close()


def _may_see(affiliate: str | None, text: str) -> bool:
    import json

    entry = json.loads(text)
    if affiliate is None:
        return True
    if entry["kind"] in GROUP_KINDS:
        return True
    return entry["kind"] in AFFILIATE_KINDS and entry["payload"].get("affiliate") in (
        affiliate, "group")


def run(root: Path, seed: int, restore: str) -> Simulation:
    sim = Simulation(root, seed, restore)
    sim.event = sim.group.desk.events.activate(root / "playbook.yaml", "시뮬레이션 장애",
                                        t0=sim.group.clock()).created
    saved = None
    for number in range(1, ACTIVE + 1):
        if number == ACTIVE // 4:
            saved = sim.backup()
        if number == ACTIVE // 2:
            sim.restore(saved)
        sim.step(WORK)
    for _ in range(QUIET):
        sim.step(0)
        if not sim.network and not sim.differences():
            break
    sim.quiet_rounds = sim.round - ACTIVE
    return sim


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("restore", ["group", "a01-29"])
def test_31_desks_converge_with_loss_delay_duplicates_skew_and_a_restore(
        tmp_path, seed, restore):
    sim = run(tmp_path, seed, restore)
    print(f"seed {seed}, restored {restore}: {sim.sent} packets, {sim.lost} lost, converged "
          f"{sim.quiet_rounds} rounds after the work stopped")
    try:
        assert sim.lost > 0 and sim.sent > 100
        assert sim.differences() == []
        assert sim.same_picture() == []
        conflicts = queries.conflicted_items(sim.group.desk.store.conn, sim.event)
        assert conflicts  # the group's phone-word edits met the affiliates' own
        for node in sim.desks:
            assert node.desk.verify().ok
    finally:
        sim.close()
