"""The watched exchange folder: shared by three desks, partial files, missing or read-only."""

import errno
import os
import time

import pytest

from crisisdesk.desk.exchange_service import (
    DUPLICATE,
    IMPORTED,
    REFUSED,
    WAITING,
    ExchangeService,
)
from crisisdesk.desk.exchange_watch import ExchangeFolder
from crisisdesk.exchange import folder as folder_ops
from tests.exchange.factories import PLAYBOOK, entry, forge


@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "exchange"
    path.mkdir()
    return path


def _watchers(trio, path):
    return [ExchangeFolder(node.exchange, path, settle=0) for node in trio]


def _age(path, seconds: float = 600) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_a_full_round_through_one_shared_folder(trio, shared):
    group, bank, card = trio
    on_group, on_bank, on_card = _watchers(trio, shared)
    event = group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock()).event
    report = on_group.step()
    assert len(report.exported) == 2 and report.state.ok
    listing = on_group.listing()
    assert len(listing.outgoing) == 2 and not listing.incoming
    assert [i.sender_name for i in on_bank.listing().incoming] == [group.exchange.me().name]

    assert [o.status for o in on_bank.step().outcomes] == [IMPORTED]
    assert [o.status for o in on_card.step().outcomes] == [IMPORTED]
    assert len(on_bank.listing().imported) == 2 and not on_group.listing().outgoing

    item = bank.desk.views.checklist(event, "bank")[0]
    bank.desk.checklists.set_item(event, "bank", f"{item.checklist}/{item.item}", state="done")
    assert len(on_bank.step().exported) == 1  # the item, with the bank's acknowledgement
    report = on_group.step()  # the bank's item, the bank's and the card's acknowledgements
    assert [o.status for o in report.outcomes] == [IMPORTED] * 3
    assert report.summary().startswith("3 imported, 0 refused, 2 written")  # acknowledgements
    assert {i.state for i in group.desk.views.checklist(event, "bank")} >= {"done"}
    assert [o.new_entries for o in on_card.step().outcomes] == [0]  # nothing for card but hello


def test_refused_packet_goes_to_rejected_with_why(trio, shared):
    group, bank, _ = trio
    on_group = ExchangeFolder(group.exchange, shared, settle=0)
    data = forge(bank, group, [entry(bank, "checklist.changed", {"affiliate": "card"})])
    (shared / "hanbit-bank-000001.cdpkt").write_bytes(data)
    report = on_group.step(export=False)
    assert [o.status for o in report.outcomes] == [REFUSED]
    [rejected] = on_group.listing().rejected
    day = group.desk.clock().date().isoformat()
    assert rejected.path == shared / "rejected" / day / "hanbit-bank-000001.cdpkt"
    assert "out of scope" in rejected.why and "reason: out_of_scope" in rejected.why
    assert (shared / "rejected" / day / "hanbit-bank-000001.cdpkt.why.txt").exists()
    assert not list(shared.glob("*.cdpkt"))


def test_rejected_packets_are_pruned_like_imported_ones(trio, shared):
    """Refused packets are kept by day as long as imported ones (`keep_days`), then deleted
    with their reasons; so are those an earlier version left loose in rejected/."""
    group, bank, _ = trio
    data = forge(bank, group, [entry(bank, "checklist.changed", {"affiliate": "card"})])
    (shared / "hanbit-bank-000001.cdpkt").write_bytes(data)
    assert ExchangeFolder(group.exchange, shared, settle=0, keep_days=7).step(
        export=False).outcomes[0].status == REFUSED
    [kept] = folder_ops.listed(shared, folder_ops.REJECTED)
    old_day = shared / "rejected" / "2020-01-01"
    old_day.mkdir()
    for name in ("x.cdpkt", "x.cdpkt.why.txt"):
        (old_day / name).write_text("old")
    loose = [shared / "rejected" / name for name in ("y.cdpkt", "y.cdpkt.why.txt")]
    recent = [shared / "rejected" / name for name in ("z.cdpkt", "z.cdpkt.why.txt")]
    for path in loose + recent:
        path.write_text("as an earlier version left it")
    for path in loose:
        _age(path, 8 * 86400)
    report = ExchangeFolder(group.exchange, shared, settle=0, keep_days=7).step(export=False)
    assert "2 rejected packets older than 7 days deleted" in report.summary()
    assert not old_day.exists() and not any(p.exists() for p in loose)
    assert all(p.exists() for p in recent) and kept.exists()
    assert {p.name for p in folder_ops.listed(shared, folder_ops.REJECTED)} == {kept.name, "z.cdpkt"}


def test_partial_and_temporary_files_are_never_imported(trio, shared):
    group, bank, _ = trio
    on_group = ExchangeFolder(group.exchange, shared, settle=0)
    data = forge(bank, group, [entry(bank, "service.assessed", {"affiliate": "bank"})])
    (shared / ".hanbit-bank-000001.cdpkt.part").write_bytes(data[:50])
    (shared / ".syncthing.hanbit-bank-000001.cdpkt.tmp").write_bytes(data[:50])
    (shared / "~syncthing~hanbit-bank-000001.cdpkt.tmp").write_bytes(data[:50])
    copying = shared / "hanbit-bank-000001.cdpkt"
    copying.write_bytes(data[:-100])  # a copy in progress, written under the final name
    report = on_group.step(export=False)
    assert [o.status for o in report.outcomes] == [WAITING]
    assert copying.exists() and group.exchange.received_packets() == []
    assert ExchangeFolder(group.exchange, shared, settle=60).step(export=False).outcomes == []
    _age(copying)  # never completed: refused as truncated
    assert [o.reason for o in on_group.step(export=False).outcomes] == ["truncated"]
    assert "truncated" in on_group.listing().rejected[0].why


def test_missing_folder_is_a_status_and_retried(trio, tmp_path):
    group, _, _ = trio
    path = tmp_path / "usb"
    watch = ExchangeFolder(group.exchange, path, settle=0)
    report = watch.step()
    assert report.state.state == folder_ops.MISSING and "not there" in report.summary()
    assert watch.listing().state.state == folder_ops.MISSING
    path.mkdir()
    assert watch.step().state.ok


def test_read_only_folder(trio, shared, monkeypatch):
    group, bank, _ = trio
    group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock())
    on_group = ExchangeFolder(group.exchange, shared, settle=0)

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(folder_ops, "write_packet", refuse)
    report = on_group.step()
    assert report.state.state == folder_ops.READ_ONLY and "read-only" in report.summary()
    assert group.exchange.sent_packets() == []  # nothing recorded as sent: retried later
    monkeypatch.undo()
    assert len(on_group.step().exported) == 2

    on_bank = ExchangeFolder(bank.exchange, shared, settle=0)
    monkeypatch.setattr(folder_ops, "move_to", refuse)
    report = on_bank.step(export=False)
    assert [o.status for o in report.outcomes] == [IMPORTED]
    assert "could not be moved" in report.summary()
    assert on_bank.step(export=False).outcomes == []  # remembered: not imported again
    again = ExchangeFolder(bank.exchange, shared, settle=0).step(export=False)
    assert [o.status for o in again.outcomes] == [DUPLICATE]


def test_signing_key_missing_is_reported_not_raised(trio, shared, memory_keyring):
    group, _, _ = trio
    group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock())
    memory_keyring.secrets.clear()  # a new session on a computer without this desk's key
    report = ExchangeFolder(ExchangeService(group.desk), shared, settle=0).step()
    assert report.state.ok and "not in the OS keyring" in report.summary()


def test_packets_arriving_out_of_order(trio, shared, tmp_path):
    group, bank, _ = trio
    event = group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock()).event
    first = group.exchange.export_to("bank", tmp_path)
    group.desk.events.change_level(event, "caution", "spreading")
    second = group.exchange.export_to("bank", tmp_path)
    on_bank = ExchangeFolder(bank.exchange, shared, settle=0)
    second.path.rename(shared / second.path.name)  # synced first
    report = on_bank.step(export=False)
    assert [o.status for o in report.outcomes] == [WAITING]
    assert "sent again" in report.outcomes[0].message
    first.path.rename(shared / first.path.name)
    report = on_bank.step(export=False)
    assert sorted(o.status for o in report.outcomes) == [IMPORTED, IMPORTED]
    assert bank.desk.events.event(event).level == "caution"
    assert len(on_bank.listing().imported) == 2
