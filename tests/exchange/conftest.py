"""Exchange tests: an in-memory keyring for every test (tests/conftest.py), and three desks of one group."""

from __future__ import annotations

import pytest

from tests.exchange.factories import enrol_pair, make_node


@pytest.fixture(autouse=True)
def _every_test_has_a_memory_keyring(memory_keyring):
    return memory_keyring


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
