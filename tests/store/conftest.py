"""Store tests: an in-memory keyring for the tests that ask for it (desks with a key)."""

from __future__ import annotations

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
