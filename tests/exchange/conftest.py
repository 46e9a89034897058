"""Exchange tests: an in-memory keyring for every test, and three desks of one group."""

from __future__ import annotations

import keyring
import pytest

from tests.exchange.factories import enrol_pair, make_node
from tests.memory_keyring import MemoryKeyring


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
