"""Shared test set-up: headless Qt, long mode switch, factories for desks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

LONG = os.environ.get("CRISISDESK_LONG") == "1"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.sqlite"
