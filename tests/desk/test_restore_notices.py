"""The restore bookkeeping `exchange status` and the Exchange panel read (desk.restore_notices)."""

from __future__ import annotations

import pytest

from crisisdesk.desk import restore_notices
from crisisdesk.store import exchange_tables as tables
from tests.desk.factories import make_desk


@pytest.fixture
def desk(tmp_path):
    with make_desk(tmp_path / "desk.sqlite") as opened:
        yield opened


def test_restore_bookkeeping_that_another_program_garbled_shows_nothing_and_breaks_nothing(desk):
    """`exchange status` and the panel read the latest notice from the bookkeeping; the journal
    keeps every notice, so values another program left unreadable show as none."""
    conn = desk.store.conn
    for notice, back in (("{", "{}"), ("[]", "{}"), ('{"position": "x"}', "{}"), ("{}", '{"a": "many"}')):
        tables.set_self_value(conn, "restore_notice", notice)
        tables.set_self_value(conn, "own_returned", back)
        assert restore_notices.latest(conn, str) is None, (notice, back)
    tables.set_self_value(conn, "restore_notice", "")
    tables.set_self_value(conn, "own_returned", '{"d1": 2}')
    assert restore_notices.latest(conn, str.upper).returned == (("D1", 2),)
