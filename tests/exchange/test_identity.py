import json
import re

import keyring
import keyring.backends.fail
import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.exchange.errors import EnrolmentError, KeyUnavailable, WrongPassphrase
from crisisdesk.exchange.identity import (
    Identity,
    new_private_key,
    public_bytes,
    public_key_file_text,
)
from crisisdesk.exchange.keys import KeyringKeys
from tests.exchange.factories import GROUP_FILE, enrol_pair, make_node


def test_fingerprint_is_the_same_on_both_sides(trio):
    group, bank, _ = trio
    own = bank.exchange.info().fingerprint
    assert re.fullmatch(r"\d{5} \d{5} \d{5} \d{5}", own)
    assert group.exchange.peer("bank").fingerprint == own
    assert bank.exchange.peer("group").fingerprint == group.exchange.info().fingerprint
    assert group.exchange.read_key_file(bank.key_file).fingerprint == own


def test_private_key_only_in_the_keyring(trio, memory_keyring):
    group, _, _ = trio
    [(service, desk)] = [k for k in memory_keyring.secrets if k[1] == group.id]
    secret = memory_keyring.secrets[(service, desk)]
    raw = KeyringKeys().load(group.id).private_bytes_raw()
    group.desk.close()
    folder = group.desk.path.parent
    for path in folder.iterdir():
        data = path.read_bytes()
        assert raw not in data and secret.encode() not in data, path


def test_peers_listing(trio):
    group, bank, card = trio
    peers = group.exchange.peers()
    assert {(p.identity.label, p.status) for p in peers} == {("bank", "enrolled"),
                                                             ("card", "enrolled")}
    assert all(p.active and p.sent_upto == 0 for p in peers)
    assert [p.name for p in bank.exchange.peers()] == [group.exchange.me().name]


def test_enrol_twice_is_one_entry(trio):
    group, bank, _ = trio
    count = len(list(group.desk.store.entries()))
    group.exchange.enrol(bank.key_file)
    assert len(list(group.desk.store.entries())) == count


def test_revoke_and_enrol_again(trio):
    group, bank, _ = trio
    peer = group.exchange.revoke("bank", "laptop lost")
    assert peer.status == "revoked" and peer.reason == "laptop lost"
    assert group.exchange.enrol(bank.key_file).active
    assert group.desk.verify().ok


def test_altered_key_file_refused(trio):
    group, bank, _ = trio
    data = json.loads(bank.key_file.read_text())
    data["affiliate"] = "card"
    bank.key_file.write_text(json.dumps(data))
    with pytest.raises(EnrolmentError, match="altered"):
        group.exchange.enrol(bank.key_file)


@pytest.mark.parametrize("text", ["", "not json", '{"crisisdesk": "something else"}', "[1, 2]"])
def test_not_a_key_file(trio, tmp_path, text):
    group, _, _ = trio
    path = tmp_path / "x.cdkey"
    path.write_text(text)
    with pytest.raises(EnrolmentError, match="not a CrisisDesk public key file"):
        group.exchange.enrol(path)


def test_enrolment_rules(trio, tmp_path):
    group, bank, card = trio
    with pytest.raises(EnrolmentError, match="own key"):
        group.exchange.enrol(group.key_file)
    with pytest.raises(EnrolmentError, match="enrols only its group desk"):
        bank.exchange.enrol(card.key_file)
    other = make_node(tmp_path / "other", "group")
    with pytest.raises(EnrolmentError, match="enrols only affiliate desks"):
        group.exchange.enrol(other.key_file)
    other.close()


def test_same_desk_with_another_key(trio, tmp_path):
    group, bank, _ = trio
    key = new_private_key()
    imposter = Identity(bank.id, "affiliate", "hanbit", "bank", public_bytes(key))
    path = tmp_path / "imposter.cdkey"
    path.write_text(public_key_file_text(imposter, key))  # validly self-signed, other key
    with pytest.raises(EnrolmentError, match="already enrolled with another key"):
        group.exchange.enrol(path)
    group.exchange.revoke("bank", "new laptop")
    peer = group.exchange.enrol(path)  # after revoking, and the phone check, a new key is fine
    assert peer.fingerprint == imposter.fingerprint != bank.exchange.info().fingerprint
    assert group.desk.verify().ok


def test_init_checks(tmp_path):
    node = make_node(tmp_path / "g", "group")
    with pytest.raises(InvalidInput, match="already initialised as group"):
        node.exchange.init("group")
    node.close()
    with Desk.open(tmp_path / "y.sqlite") as desk:
        service = ExchangeService(desk)
        with pytest.raises(InvalidInput, match="no exchange identity yet"):
            service.me()
        with pytest.raises(InvalidInput, match="no group file is loaded"):
            service.init("affiliate", affiliate="bank")
        with pytest.raises(InvalidInput, match="needs its affiliate"):
            service.init("affiliate", group="hanbit")
        with pytest.raises(InvalidInput, match="unknown role"):
            service.init("council", group="hanbit")
        desk.events.load_group(GROUP_FILE)
        with pytest.raises(InvalidInput, match="unknown affiliate 'nope'"):
            service.init("affiliate", affiliate="nope")
        with pytest.raises(InvalidInput, match="not 'other'"):
            service.init("group", group="other")


def test_no_keyring_says_so_and_offers_the_file(tmp_path):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with Desk.open(tmp_path / "d.sqlite") as desk:
        desk.events.load_group(GROUP_FILE)
        service = ExchangeService(desk)
        status = service.keyring_status()
        assert not status.available and "Secret Service" in status.message
        with pytest.raises(KeyUnavailable, match="no OS keyring works"):
            service.init("group")
        assert service.info() is None
        key_file = tmp_path / "desk.key"
        with pytest.raises(KeyUnavailable, match="at least 8"):
            service.init("group", key_file=key_file, passphrase="short")
        info = service.init("group", key_file=key_file, passphrase="correct horse")
        assert info.key_store == "file" and key_file.stat().st_mode & 0o077 == 0
        assert service.public_key_text()  # signs with the key held since init
    with Desk.open(tmp_path / "d.sqlite") as desk:
        service = ExchangeService(desk)
        assert service.needs_passphrase()
        with pytest.raises(KeyUnavailable, match="passphrase"):
            service.public_key_text()
        with pytest.raises(WrongPassphrase, match="wrong passphrase"):
            service.unlock("incorrect horse")
        service.unlock("correct horse")
        assert not service.needs_passphrase()
        assert "CrisisDesk desk public key" in service.public_key_text()


def test_keyring_that_refuses_is_a_message(trio, memory_keyring, monkeypatch, tmp_path):
    def refuse(*args):
        raise keyring.errors.KeyringLocked("Prompt dismissed")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    monkeypatch.setattr(memory_keyring, "get_password", refuse)
    node_dir = tmp_path / "n"
    with pytest.raises(KeyUnavailable, match="Prompt dismissed"):
        make_node(node_dir, "group")
    group, _, _ = trio
    fresh = ExchangeService(group.desk)
    with pytest.raises(KeyUnavailable, match="cannot be read"):
        fresh.public_key_text()


def test_affiliate_desk_without_group_file(tmp_path):
    group = make_node(tmp_path / "g", "group")
    bank = make_node(tmp_path / "b", "affiliate", "bank", load_group=False)
    enrol_pair(group, bank)
    assert bank.exchange.me().group == "hanbit"
    group.close()
    bank.close()
