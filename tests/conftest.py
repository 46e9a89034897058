"""Shared test set-up: headless Qt, long mode switch, factories for desks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

LONG = os.environ.get("CRISISDESK_LONG") == "1"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.sqlite"


@pytest.fixture
def memory_keyring():
    """The OS keyring replaced by an in-memory one for the test (desks with a signing key)."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
