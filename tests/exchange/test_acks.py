"""Acknowledgements, resending, restores, relays, staleness by receipt, the watcher's memory and
housekeeping, and `exchange status`."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.desk import journal_witness
from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_models import LATER_EPOCH, LOCAL, MORE_ENTRIES, UNKNOWN_POSITION
from crisisdesk.desk.exchange_service import (
    DUPLICATE,
    IMPORTED,
    KEEP_ALIVE_AFTER,
    REFUSED,
    WAITING,
    ExchangeService,
)
from crisisdesk.desk.exchange_watch import ExchangeFolder
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import Entry
from crisisdesk.exchange import folder, packet
from crisisdesk.exchange.keys import KeyringKeys
from crisisdesk.store import exchange_tables as tables
from crisisdesk.store import queries
from crisisdesk.ui.exchange import session
from tests.exchange.factories import PLAYBOOK, enrol_pair, entry, forge, journal_contents, make_node


def _send(sender, recipient, out: Path) -> Path | None:
    result = sender.exchange.export_to(recipient.id, out)
    return None if result is None else result.path


def _deliver(sender, recipient, out: Path) -> str | None:
    path = _send(sender, recipient, out)
    if path is None:
        return None
    outcome = recipient.exchange.import_file(path)
    path.unlink()
    return outcome.status


def _settle(nodes, out: Path, rounds: int = 8) -> None:
    """Rounds of exchange between the group desk (first) and the others until quiet."""
    group, *others = nodes
    for _ in range(rounds):
        moved = False
        for node in others:
            moved |= _deliver(group, node, out) is not None
            moved |= _deliver(node, group, out) is not None
        if not moved:
            return


def _item(node, event: str, affiliate: str, index: int = 0) -> str:
    item = node.desk.views.checklist(event, affiliate)[index]
    return f"{item.checklist}/{item.item}"


@pytest.fixture
def event(trio, tmp_path):
    group, bank, card = trio
    made = group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock()).event
    _settle(trio, tmp_path)
    return made


def test_the_mark_moves_on_acknowledgement_and_a_lost_packet_goes_again(trio, event, tmp_path):
    group, bank, _ = trio
    bank.exchange.resend_after = 30
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="doing")
    lost = _send(bank, group, tmp_path)
    lost.unlink()  # the stick was lost
    (status,) = bank.exchange.status()
    assert status.behind == 1 and "acknowledgement of 1 entries" in status.waiting_for
    assert _send(bank, group, tmp_path) is None  # not yet: it was only just sent
    for _ in range(40):  # half a minute of the desk's clock
        bank.desk.clock()
    again = _send(bank, group, tmp_path)
    assert again is not None and group.exchange.import_file(again).status == IMPORTED
    assert {i.state for i in group.desk.views.checklist(event, "bank")} >= {"doing"}
    assert _deliver(group, bank, tmp_path) == IMPORTED  # the acknowledgement
    (status,) = bank.exchange.status()
    assert (status.behind, status.waiting_for) == (0, "")
    assert status.last_heard
    assert _send(bank, group, tmp_path) is None  # nothing more to say: quiet


def test_a_waiting_packet_makes_the_desk_say_what_it_holds(trio, event, tmp_path):
    group, bank, _ = trio
    group.desk.events.change_level(event, "caution", "spreading")
    _send(group, bank, tmp_path).unlink()  # lost
    group.desk.events.change_level(event, "alert", "second hall")
    late = _send(group, bank, tmp_path)
    assert bank.exchange.import_file(late).status == WAITING
    status = {s.peer.name: s for s in bank.exchange.status()}[group.exchange.me().name]
    assert "is missing" in status.waiting_for
    assert _send(group, bank, tmp_path) is None  # too early to send again
    group.desk.clock.now += timedelta(seconds=group.exchange.resend_after)
    again = _send(group, bank, tmp_path)  # sent again, from what the bank acknowledged
    assert bank.exchange.import_files([again, late])[0].status == IMPORTED
    assert bank.desk.events.event(event).level == "alert"


def _put_back(node, saved: Path, elsewhere: bool = False) -> None:
    """The node's database replaced by the backup `saved`, as `crisisdesk restore` leaves it (its
    witness file stays beside it; `elsewhere`: on another computer, so there is none)."""
    node.desk.close()
    shutil.copyfile(saved, node.desk.path)
    for suffix in ("-wal", "-shm") + ((journal_witness.SUFFIX,) if elsewhere else ()):
        Path(str(node.desk.path) + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("elsewhere", [False, True], ids=["same-computer", "other-computer"])
def test_a_group_desk_restored_from_an_old_backup_catches_up_by_itself(trio, event, tmp_path, elsewhere):
    """Restored on the same computer, the desk notices by itself (its witness file); restored on
    another one (no witness), from its peers' acknowledgements. Either way it says so."""
    group, bank, card = trio
    saved = tmp_path / "group-backup.sqlite"
    group.desk.backup(saved)
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="done")
    card.desk.assessments.answer(event, "card", "customers-affected", 1200)
    group.desk.council.record_decision(event, "DR 센터로 전환", rationale="복구 지연")
    _settle(trio, tmp_path)
    expected = journal_contents(group.desk)
    _put_back(group, saved, elsewhere)
    restored = Desk.open(group.desk.path, create=False, clock=group.desk.clock, author="group")
    group.desk, group.exchange = restored, ExchangeService(restored)
    assert journal_contents(restored) != expected  # lost: the bank's tick, card's answer, decision
    lost_here = [e for e in expected - journal_contents(restored) if json.loads(e)["desk"] == group.id]
    _settle(trio, tmp_path, rounds=12)
    assert journal_contents(restored) >= expected  # everything back, with no one acting
    assert any(d.text == "DR 센터로 전환" for d in restored.views.decisions(event))
    assert restored.verify().ok
    # and it says so: how it noticed (which peer showed it, and why), and what came back from whom
    notice = group.exchange.restore_notice()
    assert notice.at and not notice.refused
    if elsewhere:
        assert notice.by in {bank.exchange.me().name, card.exchange.me().name}
        assert notice.why in (LATER_EPOCH, UNKNOWN_POSITION, MORE_ENTRIES)
    else:
        assert (notice.by, notice.why) == ("", LOCAL) and notice.position > 0
        assert "journal lacks position" in notice.line
        assert not session._alarm(restored)  # noticed by itself: no alarm in the status bar
    assert lost_here and sum(count for _, count in notice.returned) == len(lost_here)
    kinds = [s.entry.kind for s in restored.store.entries()]
    assert kinds.count(Kind.DESK_RESTORE_NOTICED) == 1 and Kind.DESK_OWN_RETURNED in kinds


def test_two_programs_on_a_restored_desk_notice_it_once(trio, event, tmp_path, monkeypatch):
    """The window and `exchange watch` open the same restored desk: the first to exchange starts
    the new epoch; the other, which read the witness before that, does not start a second one."""
    group, bank, _ = trio
    saved = tmp_path / "group-backup.sqlite"
    group.desk.backup(saved)
    group.desk.council.record_decision(event, "DR 센터로 전환", rationale="복구 지연")
    _settle(trio, tmp_path)
    _put_back(group, saved)
    window = Desk.open(group.desk.path, create=False, clock=group.desk.clock, author="group")
    watch = Desk.open(group.desk.path, create=False, clock=group.desk.clock, author="group")
    group.desk, group.exchange = window, ExchangeService(window)
    late = ExchangeService(watch)
    lacking = journal_witness.read(window.path, group.id).upto
    _send(group, bank, tmp_path)  # the window exchanges first: restore noticed, new epoch
    epoch = tables.self_value(window.store.conn, "epoch")
    monkeypatch.setattr(journal_witness.Keeper, "restored_at", lambda self, conn, epoch: lacking)
    late.export_to(bank.id, tmp_path)  # as if it had read the witness before the window's epoch
    assert tables.self_value(watch.store.conn, "epoch") == epoch
    kinds = [s.entry.kind for s in watch.store.entries()]
    assert kinds.count(Kind.DESK_RESTORE_NOTICED) == 1
    watch.close()


def _false_ack(group, bank, seq: int, out: Path):
    """A packet signed with the bank's key that acknowledges a position of the group desk's journal
    the group desk never had (a misused key), imported by the group desk."""
    conn = group.desk.store.conn
    ack = packet.Ack(tables.self_value(conn, "epoch"), 10**6, "", -1)
    stream = packet.Stream(tables.stream(conn, bank.id)["their_epoch"])
    data = packet.build(bank.exchange.me(), KeyringKeys().load(bank.id), group.id, seq,
                        to_iso(bank.desk.clock()), [], stream=stream, ack=ack)
    path = out / f"ack-{seq}.cdpkt"
    path.write_bytes(data)
    return group.exchange.import_file(path)


def _forged_return(group, bank, event: str, seq: int, out: Path):
    """A packet signed with the bank's key returning an entry "made on the group desk" that the
    group desk never made (a raised level), imported by the group desk."""
    forged = entry(group, Kind.EVENT_LEVEL_CHANGED, {"event": event, "level": "serious", "previous": "attention",
                                                     "reason": "forged", "items": []})
    path = out / f"returned-{seq}.cdpkt"
    path.write_bytes(forge(bank, group, [forged], seq=seq))
    return group.exchange.import_file(path)


def test_a_false_acknowledgement_is_refused_when_the_journal_holds_all_it_sent(trio, event, tmp_path, capsys):
    """The group desk has sent its journal (its witness file says how far): a misused bank key
    acknowledging a position the group desk never had is refused, journaled naming the bank (at
    most once an hour) and shown by `exchange status`; no new epoch, and an entry "made on the
    group desk" that the bank then returns is refused."""
    group, bank, _ = trio
    conn = group.desk.store.conn
    epoch = tables.self_value(conn, "epoch")
    assert group.exchange.restore_notice() is None
    assert _false_ack(group, bank, 10**13, tmp_path).status == IMPORTED
    notice = group.exchange.restore_notice()
    assert (notice.by, notice.why, notice.position, notice.refused, notice.returned) == (
        bank.exchange.me().name, UNKNOWN_POSITION, 10**6, True, ())
    assert _false_ack(group, bank, 10**13 + 1, tmp_path).status == IMPORTED  # within the hour
    noticed = [s.entry.payload for s in group.desk.store.entries()
               if s.entry.kind == Kind.DESK_RESTORE_NOTICED]
    assert [(p["by"], p["why"], p["refused"]) for p in noticed] == [(bank.id, UNKNOWN_POSITION, True)]
    assert tables.self_value(conn, "epoch") == epoch  # not taken for restored
    group.desk.clock.now += timedelta(minutes=11)  # past its first packet's window (docs/exchange.md)
    outcome = _forged_return(group, bank, event, 10**13 + 2, tmp_path)
    assert (outcome.status, outcome.reason) == (REFUSED, "out_of_scope"), outcome.message
    assert group.desk.events.event(event).level != "serious"
    assert session._alarm(group.desk)  # the window's status bar points to the Exchange panel for a day
    group.desk.clock.now += timedelta(hours=24)
    assert not session._alarm(group.desk)
    path = str(group.desk.path)
    group.desk.close()
    assert main(["exchange", "status", "--db", path]) == 0
    first, *peers = capsys.readouterr().out.splitlines()
    assert first.startswith("false acknowledgement refused 20")
    assert f"{bank.exchange.me().name} acknowledged position #1000000 of this desk's journal" in first
    assert "key may be misused: revoke it" in first and len(peers) == 2
    assert main(["exchange", "status", "--db", path, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["restore_noticed"]
    assert (shown["by"], shown["why"], shown["position"], shown["refused"], shown["returned"]) == (
        bank.exchange.me().name, UNKNOWN_POSITION, 10**6, True, [])
    assert main(["exchange", "restores", "--db", path]) == 0
    (refusal,) = capsys.readouterr().out.splitlines()  # once within the hour, nothing taken back
    assert "  false acknowledgement refused: " in refusal
    group.desk = Desk.open(Path(path), create=False)


def test_an_entry_returned_from_before_the_first_packet_is_taken_but_shown(trio, event, tmp_path):
    """Entries "made on" a desk dated before its first packet come back from any peer that may hold
    them, restore noticed or not (a desk restored elsewhere from a backup older than its first
    packet cannot be told from a new one): each is journaled, shown, and alarms for a day."""
    group, bank, _ = trio
    assert _forged_return(group, bank, event, 10**13, tmp_path).status == IMPORTED  # dated back then
    notice = group.exchange.restore_notice()
    assert (notice.at, notice.returned) == ("", ((bank.exchange.me().name, 1),)) and notice.returned_at
    assert notice.line.startswith(f"entries made on this desk taken back from peers: 1 from {bank.exchange.me().name}")
    assert "check whether that desk's key is misused" in notice.line
    assert session._alarm(group.desk)
    group.desk.clock.now += timedelta(hours=25)
    assert not session._alarm(group.desk)


def test_without_a_witness_a_false_acknowledgement_is_taken_at_its_word_and_shown(trio, event, tmp_path, capsys):
    """Without its witness file (a desk restored on another computer) a desk cannot tell a false
    acknowledgement from a true one: it takes itself for restored and takes back entries "made on
    it" (docs/exchange.md, Restored desks), but journals both and shows them, naming the bank."""
    group, bank, _ = trio
    Path(str(group.desk.path) + journal_witness.SUFFIX).unlink()
    group.exchange = ExchangeService(group.desk)  # a new session, as after moving the database
    group.desk.clock.now += timedelta(minutes=11)  # past its first packet's window: only a notice opens one
    assert _forged_return(group, bank, event, 10**13 - 1, tmp_path).reason == "out_of_scope"
    assert _false_ack(group, bank, 10**13, tmp_path).status == IMPORTED
    notice = group.exchange.restore_notice()
    assert (notice.by, notice.why, notice.position, notice.refused) == (
        bank.exchange.me().name, UNKNOWN_POSITION, 10**6, False)
    assert _forged_return(group, bank, event, 10**13 + 1, tmp_path).status == IMPORTED
    assert group.exchange.restore_notice().returned == ((bank.exchange.me().name, 1),)
    path = str(group.desk.path)
    group.desk.close()
    assert main(["exchange", "status", "--db", path]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("restore noticed 20")
    assert f"taken back since: 1 from {bank.exchange.me().name}" in first
    assert "check whether that desk's key is misused (revoke it)" in first
    assert main(["exchange", "restores", "--db", path]) == 0  # the whole record, for the audit
    noticed, returned = capsys.readouterr().out.splitlines()
    assert noticed.endswith(f"restore noticed: {bank.exchange.me().name} acknowledged position #1000000 of "
                            "this desk's journal, which this desk does not have")
    assert returned.endswith(f"1 entries made on this desk taken back from {bank.exchange.me().name} "
                             f"(its packet #{10**13 + 1})")
    assert main(["exchange", "restores", "--db", path, "--json"]) == 0
    history = json.loads(capsys.readouterr().out)["history"]
    assert [(h["kind"], h["by"]) for h in history] == [("restore_noticed", bank.exchange.me().name),
                                                       ("own_returned", bank.exchange.me().name)]
    assert history[0]["at"] <= history[1]["at"] and history[1]["entries"] == 1
    group.desk = Desk.open(Path(path), create=False)


def test_a_restored_desk_takes_back_only_what_it_could_have_sent_that_peer(trio, event, tmp_path):
    """After its restore the group desk takes its own lost entries back from its peers; the
    bank's desk can hold (and return) only the group desk's entries that were sent to it: a
    group edit of the card's item said to come back from the bank is refused."""
    group, bank, card = trio
    saved = tmp_path / "group-backup.sqlite"
    group.desk.backup(saved)
    group.desk.checklists.set_item(event, "card", _item(group, event, "card"), state="doing")
    _settle(trio, tmp_path)
    _put_back(group, saved)
    restored = Desk.open(group.desk.path, create=False, clock=group.desk.clock, author="group")
    group.desk, group.exchange = restored, ExchangeService(restored)
    for node in trio:  # the quiet peers say what they hold again (keep-alive)
        node.desk.clock.now += timedelta(seconds=KEEP_ALIVE_AFTER + 1)
    _settle(trio, tmp_path, rounds=12)
    assert restored.views.checklist(event, "card")[0].state == "doing"  # back from the card's desk
    item = restored.views.checklist(event, "card")[1]
    change = entry(group, Kind.CHECKLIST_CHANGED, {
        "event": event, "affiliate": "card", "checklist": item.checklist, "item": item.item,
        "base": "", "undoes": "", "before": {"state": "todo"}, "after": {"state": "done"}})
    path = tmp_path / "forged.cdpkt"
    path.write_bytes(forge(bank, group, [change], seq=10**12))
    before = journal_contents(restored)
    outcome = group.exchange.import_file(path)
    assert (outcome.status, outcome.reason) == (REFUSED, "out_of_scope"), outcome.message
    assert "never sends such an entry" in outcome.message
    assert journal_contents(restored) == before


def test_group_edits_travel_and_two_desks_of_one_affiliate_converge(trio, event, tmp_path):
    group, bank, card = trio
    bank2 = make_node(tmp_path / "bank2", "affiliate", "bank")
    enrol_pair(group, bank2)
    _settle([group, bank2], tmp_path)
    item = _item(bank, event, "bank")
    bank.desk.checklists.set_item(event, "bank", item, state="doing")  # at the bank
    group.desk.checklists.set_item(event, "bank", item, state="blocked", reason="전화: 전원 없음")  # phone
    bank2.desk.assessments.answer(event, "bank", "customers-affected", 300)
    group.desk.checklists.set_item(event, "group", _item(group, event, "group"), state="done")
    _settle([group, bank, card, bank2], tmp_path)
    for node in (bank, bank2):  # the same winner and the conflict flagged on every bank desk
        assert queries.conflicted_items(node.desk.store.conn, event, "bank") == \
            queries.conflicted_items(group.desk.store.conn, event, "bank") != set()
        assert node.desk.views.checklist(event, "bank") == group.desk.views.checklist(event, "bank")
        assert node.desk.views.checklist(event, "group") == group.desk.views.checklist(event, "group")
    assert [a.value for a in bank.desk.views.answers(event, "bank")
            if a.field == "customers-affected"] == [300]
    card_items = card.desk.views.checklist(event, "card")
    assert card.desk.views.checklist(event, "group") == group.desk.views.checklist(event, "group")
    assert not any(i.state != "todo" for i in card_items)  # card never sees the bank's work
    held = "\n".join(journal_contents(card.desk))
    assert '"affiliate":"bank"' not in held
    bank2.close()


def test_a_format_1_packet_is_still_imported(trio, event, tmp_path):
    group, bank, _ = trio
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="doing")
    made = [s.entry for s in bank.desk.store.entries() if s.entry.kind == "checklist.changed"]
    data = _format_1(bank, group, made)
    assert data.startswith(b"CrisisDesk packet 1\n")
    path = tmp_path / "old.cdpkt"
    path.write_bytes(data)
    assert group.exchange.import_file(path).status == IMPORTED
    assert group.exchange.import_file(path).status == DUPLICATE
    assert {i.state for i in group.desk.views.checklist(event, "bank")} >= {"doing"}


def _format_1(sender, recipient, entries: list[Entry], seq: int = 1758918000, after: int = 0,
              upto: int = 0) -> bytes:
    import zlib

    raw = json.dumps([e.content() for e in entries], ensure_ascii=False,
                     separators=(",", ":")).encode()
    body = zlib.compress(raw)
    me = sender.exchange.me()
    header = {"format": 1, "group": me.group, "compression": "zlib",
              "sender": {"desk": me.desk, "role": me.role, "affiliate": me.affiliate,
                         "name": me.name},
              "recipient": recipient.id, "seq": seq, "after": after, "upto": upto,
              "created_at": entries[-1].at, "entries": len(entries), "body_size": len(body),
              "raw_size": len(raw)}
    return packet.assemble(header, body, KeyringKeys().load(sender.id))


def test_staleness_counts_from_receipt_not_the_senders_clock(trio, event, tmp_path):
    group, bank, _ = trio
    bank.desk.clock.now += timedelta(minutes=9)  # the bank's computer runs 9 minutes fast
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="doing")
    sent_at = bank.desk.store.conn.execute("SELECT max(at) FROM journal").fetchone()[0]
    assert _deliver(bank, group, tmp_path) == IMPORTED
    heard = queries.activity(group.desk.store.conn, event)["bank"]
    assert heard < sent_at  # when it arrived here, not the bank's clock
    assert heard <= group.desk.clock().isoformat().replace("+00:00", "Z")
    group.desk.checklists.set_item(event, "card", _item(group, event, "card"), state="doing")  # phone
    assert queries.activity(group.desk.store.conn, event)["card"] > heard


def test_the_watcher_does_not_verify_a_waiting_packet_again_every_round(trio, event, tmp_path,
                                                                       monkeypatch):
    group, bank, _ = trio
    shared = tmp_path / "share"
    shared.mkdir()
    group.desk.events.change_level(event, "caution", "spreading")
    _send(group, bank, tmp_path).unlink()  # lost
    group.desk.events.change_level(event, "alert", "second hall")
    late = _send(group, bank, tmp_path)
    late.rename(shared / late.name)
    watcher = ExchangeFolder(bank.exchange, shared, settle=0)
    calls = []
    real = bank.exchange.import_file
    monkeypatch.setattr(bank.exchange, "import_file", lambda p: calls.append(p) or real(p))
    for _ in range(3):
        report = watcher.step(export=False)
        assert [o.status for o in report.outcomes] == [WAITING]
    assert len(calls) == 1  # verified once; then remembered until the stream moves


def test_imported_packets_are_archived_by_day_and_pruned(trio, event, tmp_path):
    group, bank, _ = trio
    shared = tmp_path / "share"
    shared.mkdir()
    group.desk.events.change_level(event, "caution", "spreading")
    watcher_group = ExchangeFolder(group.exchange, shared, settle=0)
    watcher_bank = ExchangeFolder(bank.exchange, shared, settle=0, keep_days=7)
    watcher_group.step()
    watcher_bank.step()
    day = bank.desk.clock().date().isoformat()
    archived = list((shared / folder.IMPORTED / day).glob("*.cdpkt"))
    assert archived and watcher_bank.listing().imported
    old_day = shared / folder.IMPORTED / "2020-01-01"
    old_day.mkdir()
    (old_day / "x.cdpkt").write_bytes(b"old")
    loose = shared / folder.IMPORTED / "y.cdpkt"
    loose.write_bytes(b"old")
    past = time.time() - 30 * 86400
    os.utime(loose, (past, past))
    assert folder.prune(shared, folder.IMPORTED, date(2025, 9, 27), keep_days=7) == 2
    assert not old_day.exists() and not loose.exists()
    assert list((shared / folder.IMPORTED / day).glob("*.cdpkt")) == archived  # kept


def test_exchange_status_on_the_command_line(trio, event, tmp_path, capsys):
    group, bank, _ = trio
    assert main(["exchange", "restores", "--db", str(bank.desk.path)]) == 0
    assert capsys.readouterr().out.startswith("no restore noticed")
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="doing")
    _send(bank, group, tmp_path).unlink()
    path = str(bank.desk.path)
    bank.desk.close()
    assert main(["exchange", "status", "--db", path]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(group.exchange.me().name + ": last heard 20")
    assert "behind by 1 entries, waiting for its acknowledgement of 1 entries" in line
    assert main(["exchange", "status", "--db", path, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    (peer,) = shown["peers"]
    assert peer["behind"] == 1 and peer["last_heard"] and shown["restore_noticed"] is None
    bank.desk = Desk.open(Path(path), create=False)


def test_clock_skew_at_the_limit_is_accepted(trio, event, tmp_path):
    group, bank, _ = trio
    bank.desk.clock.now = group.desk.clock.now + timedelta(minutes=9, seconds=50)
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="doing")
    assert _deliver(bank, group, tmp_path) == IMPORTED
    assert datetime.now(UTC) > group.desk.clock.now  # (the test desks live in the past)


def test_format_1_packets_keep_chaining(trio, event, tmp_path):
    """Two packets of an older CrisisDesk, the second continuing the first, in either order."""
    group, bank, _ = trio
    item = _item(bank, event, "bank")
    bank.desk.checklists.set_item(event, "bank", item, state="doing")
    first = [s.entry for s in bank.desk.store.entries() if s.entry.kind == "checklist.changed"]
    bank.desk.checklists.set_item(event, "bank", item, state="done")
    second = [s.entry for s in bank.desk.store.entries()
              if s.entry.kind == "checklist.changed" and s.entry not in first]
    head = bank.desk.store.head()[0]
    paths = []
    for number, (entries, after, upto) in enumerate([(first, 0, head - 1), (second, head - 1,
                                                                            head)]):
        path = tmp_path / f"old-{number}.cdpkt"
        path.write_bytes(_format_1(bank, group, entries, seq=1758918000 + number, after=after,
                                   upto=upto))
        paths.append(path)
    assert group.exchange.import_file(paths[1]).status == WAITING
    assert [o.status for o in group.exchange.import_files(paths[::-1])] == [IMPORTED, IMPORTED]
    assert {i.state for i in group.desk.views.checklist(event, "bank")} >= {"done"}


def test_behind_counts_exactly_what_would_travel(trio, event, tmp_path):
    from crisisdesk.exchange import scope
    from crisisdesk.store import exchange_tables as tables

    group, bank, card = trio
    item = _item(bank, event, "bank")
    bank.desk.checklists.set_item(event, "bank", item, state="doing")
    _deliver(bank, group, tmp_path)  # relayed to other bank desks, not back to this one
    group.desk.checklists.set_item(event, "bank", item, state="done")  # on the phone's word
    group.desk.checklists.set_item(event, "card", _item(group, event, "card"), state="doing")
    group.desk.checklists.set_item(event, "group", _item(group, event, "group"), state="done")
    group.desk.events.change_level(event, "caution", "spreading")
    for node in (group, bank):
        me = node.exchange.me()
        for status in node.exchange.status():
            peer = status.peer.identity
            state = tables.stream(node.desk.store.conn, peer.desk)
            epoch = tables.self_value(node.desk.store.conn, "epoch")
            acked = state["acked_upto"] if state["acked_epoch"] == epoch else 0
            expected = sum(1 for _, e in tables.outgoing_any(
                node.desk.store.conn, acked, scope.kinds_sent_to(me))
                if scope.travels_to(e, me, peer))
            assert status.behind == expected
    behind = {s.peer.name: s.behind for s in group.exchange.status()}
    assert behind[bank.exchange.me().name] == 3  # its item (group's edit), the sheet, the level
    assert behind[card.exchange.me().name] == 3


@pytest.mark.parametrize("witness", [True, False], ids=["witness", "no-witness"])
def test_false_acknowledgements_start_a_new_epoch_at_most_once_an_hour(trio, event, tmp_path, witness):
    """With the witness file, never (they are refused); without it, at most once an hour."""
    group, bank, _ = trio
    if not witness:
        Path(str(group.desk.path) + journal_witness.SUFFIX).unlink()
        group.exchange = ExchangeService(group.desk)
    conn = group.desk.store.conn
    epochs = [tables.self_value(conn, "epoch")]
    for seq in (1, 2, 3):  # the bank claims to hold a group journal the group never had
        ack = packet.Ack(epochs[0], 10**6, "ab" * 32)
        data = packet.build(bank.exchange.me(), KeyringKeys().load(bank.id), group.id,
                            1758918000000 + seq * 10**6, to_iso(bank.desk.clock()),
                            [], stream=packet.Stream(tables.self_value(
                                bank.desk.store.conn, "epoch")), ack=ack)
        path = tmp_path / f"false-{seq}.cdpkt"
        path.write_bytes(data)
        assert group.exchange.import_file(path).status == IMPORTED
        epochs.append(tables.self_value(conn, "epoch"))
    assert len(set(epochs)) == (1 if witness else 2)  # one new epoch at most, not one per packet


def test_a_quiet_desk_still_says_it_is_there(trio, event, tmp_path):
    group, bank, card = trio
    _settle([group, bank, card], tmp_path)
    assert _send(bank, group, tmp_path) is None  # nothing new, and the group heard it lately
    heard = next(s for s in group.exchange.status() if s.peer.desk == bank.id).last_heard
    bank.desk.clock.now += timedelta(seconds=bank.exchange.keep_alive_after)
    path = _send(bank, group, tmp_path)
    assert path is not None  # a keep-alive: the acknowledgement alone, no entries
    header = packet.read_header(path.read_bytes())
    assert header.entries == 0 and header.ack is not None
    group.desk.clock.now += timedelta(minutes=20)
    journal = journal_contents(group.desk)
    assert group.exchange.import_file(path).status == IMPORTED
    assert journal_contents(group.desk) == journal  # it brought no entry
    assert next(s for s in group.exchange.status() if s.peer.desk == bank.id).last_heard > heard
    assert _send(bank, group, tmp_path) is None  # and then quiet again for a while
