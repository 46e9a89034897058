"""Exchange tests: an in-memory keyring for every test, and three desks of one group."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.exchange.factories import enrol_pair, make_node


class MemoryKeyring(KeyringBackend):
    """A dict-backed keyring: no OS service, nothing written to disk."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def trio(tmp_path):
    """A group desk and two affiliate desks (bank, card), enrolled with each other."""
    group = make_node(tmp_path / "group", "group")
    bank = make_node(tmp_path / "bank", "affiliate", "bank")
    card = make_node(tmp_path / "card", "affiliate", "card")
    enrol_pair(group, bank)
    enrol_pair(group, card)
    yield group, bank, card
    for node in (group, bank, card):
        node.close()
