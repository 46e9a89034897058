import sqlite3

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.domain.journal import GENESIS_HASH, chain_hash
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import Store
from tests import raw_entries


def _group_payload(n: int = 1) -> dict:
    return {"group": "hanbit", "name": {"ko": "한빛금융그룹", "en": "Hanbit"},
            "text": f"version {n}", "sha256": f"{n:064d}"}


def test_append_chains_entries(db_path):
    with Desk.open(db_path) as desk:
        first = raw_entries.record(desk, "group.loaded", _group_payload(1))
        second = raw_entries.record(desk, "note", {"text": "두 번째"})
    assert first.seq == 1 and second.seq == 2
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert second.hash == chain_hash(first.hash, second.entry)
    assert second.entry.hlc > first.entry.hlc


def test_entries_survive_reopen_with_projection(db_path):
    with Desk.open(db_path) as desk:
        raw_entries.record(desk, "group.loaded", _group_payload(1))
        desk_id = desk.desk_id
    with Desk.open(db_path) as desk:
        assert desk.desk_id == desk_id
        [stored] = list(desk.store.entries())
        assert stored.entry.payload["name"]["ko"] == "한빛금융그룹"
        row = desk.store.db["groups"].get("hanbit")
        assert row["hlc"] == stored.entry.hlc


@pytest.mark.parametrize("sql", [
    "UPDATE journal SET payload = '{}' WHERE seq = 1",
    "DELETE FROM journal WHERE seq = 1",
])
def test_update_and_delete_refused(db_path, sql):
    with Desk.open(db_path) as desk:
        raw_entries.record(desk, "note", {"text": "x"})
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute(sql)
    conn.close()


def test_append_is_atomic_with_projection(db_path):
    with Desk.open(db_path) as desk:
        bad = raw_entries.new_entry(desk, "group.loaded", {"group": "x"})  # projector fails: no name
        with pytest.raises(KeyError):
            desk.store.append([raw_entries.new_entry(desk, "note", {}), bad])
        assert list(desk.store.entries()) == []
        assert desk.store.head() == (0, GENESIS_HASH)


def test_memory_store_has_schema():
    store = Store.memory()
    assert store.head() == (0, GENESIS_HASH)
    store.close()


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError, match="no such desk database"):
        Store.open(tmp_path / "absent.sqlite", create=False)


def test_spliced_chain_hash_equals_hash_of_whole_canonical_entry():
    import hashlib

    from crisisdesk.domain.journal import Entry, canonical_json

    entry = Entry(id="01a2", desk="d\"k", author="홍길동 \\ x", at="2025-09-26T11:20:00.000Z",
                  hlc="000001.000000.d", kind="checklist.changed",
                  payload={"b": [1, {"z": "줄\n바꿈"}], "a": None, "ü": 1.5})
    whole = hashlib.sha256(b"0" * 64 + b"\n" + canonical_json(entry.content()).encode()).hexdigest()
    assert chain_hash("0" * 64, entry) == whole
    assert chain_hash("0" * 64, entry, canonical_json(entry.payload)) == whole


_AWKWARD = ['"', '\\', '"payload":', '{"payload":1}', '",', "}", "홍길동", "\x00\x1f\x7f", "\u2028",
            "é", "", " ", "\n\t", "payload", "\"payload\\\":"]


def _awkward_value(rng, depth: int):
    pick = rng.random()
    if depth == 0 or pick < 0.4:
        return rng.choice([*_AWKWARD, 0, -1, 2**70, 1.5, 1e300, True, None])
    if pick < 0.7:
        return [_awkward_value(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(_AWKWARD) + str(i): _awkward_value(rng, depth - 1)
            for i in range(rng.randint(0, 4))}


def test_chain_hash_is_the_hash_of_the_whole_canonical_entry_for_awkward_values():
    """Quotes, backslashes, '"payload":' inside texts and keys, Korean and control characters
    in every field: the spliced encoding is the canonical one, byte for byte."""
    import hashlib
    import random

    from crisisdesk.domain.journal import Entry, canonical_json

    rng = random.Random(13)
    prev = GENESIS_HASH
    for _ in range(2000):
        texts = ["".join(rng.choice(_AWKWARD) for _ in range(rng.randint(0, 4))) for _ in range(6)]
        payload = {rng.choice(_AWKWARD) + str(i): _awkward_value(rng, 3)
                   for i in range(rng.randint(0, 5))}
        entry = Entry(*texts, payload=payload)
        whole = canonical_json(entry.content()).encode("utf-8")
        expected = hashlib.sha256(prev.encode() + b"\n" + whole).hexdigest()
        assert chain_hash(prev, entry) == expected == chain_hash(prev, entry, canonical_json(payload))
        prev = expected


def test_payload_is_stored_as_its_canonical_text(db_path):
    """The journal takes the payload's UTF-8 bytes as text: the very text, of type text."""
    from crisisdesk.domain.journal import canonical_json

    payload = {"text": "두 번째 \"따옴표\" \\ 끝", "n": 2**70, "z": ["\u2028", None]}
    with Desk.open(db_path) as desk:
        stored = raw_entries.record(desk, "note", payload)
        kind, text = desk.store.conn.execute(
            "SELECT typeof(payload), payload FROM journal WHERE id = ?", [stored.entry.id]).fetchone()
        assert desk.store.entry(stored.entry.id) == stored
    assert (kind, text) == ("text", canonical_json(payload))
    assert stored.hash == chain_hash(stored.prev_hash, stored.entry)
