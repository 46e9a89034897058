"""Integrity, schema, hash chain and projections rebuilt from the journal, compared with the file.

`verify_file` reads a file read-only (it is never changed, see `database.connect_readonly`);
`verify` checks an open store. Whatever the damage, both return a report: every SQLite,
decoding or JSON error met while reading becomes a problem naming it, never an exception.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisdesk.domain.checkpoint import Coverage
from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.domain.journal import GENESIS_HASH, chain_hash
from crisisdesk.store import checkpoints, database, upgrade
from crisisdesk.store.checkpoints import CheckpointCheck, PeerCopy
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import _COLUMNS, Store, row_to_stored
from crisisdesk.store.projections.registry import PROJECTION_VERSION
from crisisdesk.store.schema import LOCAL_STATE_TABLES, SCHEMA_VERSION

INTERNAL_TABLES = {"journal", "meta", *LOCAL_STATE_TABLES}

# What a damaged or hand-edited file can make reading it raise: each is reported as damage.
READ_ERRORS = (sqlite3.Error, UnicodeError, ValueError, TypeError, KeyError, IndexError,
               AttributeError, OverflowError, RecursionError, MemoryError)
APPEND_ONLY_TRIGGERS = ("journal_no_update", "journal_no_delete")


@dataclass
class VerifyReport:
    entries: int = 0
    problems: list[str] = field(default_factory=list)
    readable: bool = True  # False: the file could not even be opened as a desk database
    anchors: CheckpointCheck | None = None  # the journal against the signed checkpoints

    @property
    def ok(self) -> bool:
        """No damage found (entries may still be not covered by any checkpoint: `covered`)."""
        return not self.problems

    @property
    def coverage(self) -> Coverage:
        return self.anchors.coverage if self.anchors else Coverage(self.entries, 0)

    @property
    def covered(self) -> bool:
        """Every entry is anchored by a signed checkpoint (only then does verify say 'ok')."""
        return self.ok and self.coverage.complete

    def summary(self) -> str:
        """verify's line for a file without damage: 'ok: ...' only when every entry is covered
        by a checkpoint; else 'intact, not anchored: ...', naming what is not covered."""
        anchors = self.anchors
        clause = self.coverage.describe()
        if anchors is not None and anchors.no_key:
            clause = ("no signed checkpoints (this desk has no key: desk init gives it one); "
                      + clause)
        elif anchors is not None and anchors.fingerprint and anchors.own:
            clause += f"; signed by the desk key {anchors.fingerprint}"
        head = (f"{self.entries} journal entries, chain intact, projections match; {clause}")
        return f"ok: {head}" if self.covered else f"intact, not anchored: {head}"


def open_readonly(path: Path) -> Store:
    """The desk database at `path` as a read-only store (see `database.connect_readonly`)."""
    return Store(database.connect_readonly(Path(path)), Path(path))


def peer_copies(store: Store, peer_paths: list[Path]) -> list[PeerCopy]:
    """What each peer database (opened read-only, never changed) holds of the desk `store`: its
    checkpoints and the key it enrolled. Raises StoreError for a peer file that cannot be read."""
    if not peer_paths:
        return []
    try:
        desk_id = str(store.meta("desk_id") or "")
    except READ_ERRORS:
        desk_id = ""  # the desk's own damage is verify's to name
    copies = []
    for path in peer_paths:
        peer = open_readonly(path)
        try:
            copies.append(checkpoints.peer_copy(peer.conn, desk_id))
        except READ_ERRORS as exc:
            raise StoreError(f"{path}: cannot read the peer's database: {describe(exc)}") from exc
        finally:
            peer.close()
    return copies


def verify_file(path: Path, copies: list[PeerCopy] | None = None) -> VerifyReport:
    """Verify the file at `path` read-only: its bytes are the same afterwards."""
    try:
        store = open_readonly(path)
    except StoreError as exc:
        return unreadable(path, exc)
    try:
        return verify(store, copies or [])
    finally:
        store.close()


def unreadable(path: Path, exc: StoreError) -> VerifyReport:
    """The report for a file that cannot be opened as a desk database (the path left out)."""
    text = str(exc)
    prefix = f"{path}: "
    return VerifyReport(problems=[text[len(prefix):] if text.startswith(prefix) else text], readable=False)


def verify(store: Store, copies: list[PeerCopy] | None = None) -> VerifyReport:
    """Check the file; the first problem of each kind is named (sequence and id, or row).

    Problems come in order of weight: SQLite integrity (which stops the rest), the hash chain,
    the signed checkpoints (this desk's, and `copies` of them read from peers' databases: a
    history rewritten with recomputed hashes differs from them), the projections, the local
    state (meta, exchange bookkeeping, parse cache), then the schema
    (tables, indexes and the journal's append-only triggers against a freshly migrated database). A file of an older schema is checked as it is, then
    through a migrated copy in memory (the file itself is never migrated here).
    """
    report = VerifyReport()
    stage = "the SQLite integrity check"
    try:
        integrity = [str(row[0]) for row in store.conn.execute("PRAGMA integrity_check(20)")]
        if integrity != ["ok"]:
            report.problems.append(_integrity_problem(integrity))
            return report
        stage = "the schema check"
        schema_problem = check_schema(store.conn)
        stage = "migrating a copy in memory"
        checked = _current(store)
        try:
            stage = "the hash chain check"
            chain_problem = _check_chain(checked, report)
            if chain_problem:
                report.problems.append(chain_problem)
            stage = "the checkpoint check"
            report.anchors = checkpoints.check(checked.conn, str(checked.meta("desk_id") or ""),
                                               copies or [])
            report.problems.extend(report.anchors.problems[:5])
            if not chain_problem:
                stage = "the projections check"
                difference = _compare_projections(checked)
                if difference:
                    report.problems.append(difference)
        finally:
            if checked is not store:
                checked.close()
        stage = "the local state check"
        local_problem = check_local_state(store.conn)
        if local_problem:
            report.problems.append(local_problem)
        if schema_problem:
            report.problems.append(schema_problem)
    except (*READ_ERRORS, CrisisDeskError) as exc:
        report.problems.append(f"{stage} could not read the file: {describe(exc)}")
    return report


def _integrity_problem(rows: list[str]) -> str:
    """SQLite's integrity report (several lines per row at times) as one line."""
    found = [line.strip() for row in rows for line in row.splitlines()
             if line.strip() and not line.startswith("*** in database")]
    more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
    return "SQLite integrity check failed: " + "; ".join(found[:3]) + more


def describe(exc: BaseException) -> str:
    """What a read error says about the file, in one short line."""
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "..."
    if isinstance(exc, sqlite3.Error):
        return f"the database file is damaged (SQLite: {text})"
    if isinstance(exc, UnicodeError):
        return f"text in the file is not valid UTF-8 ({text})"
    if isinstance(exc, json.JSONDecodeError):
        return f"a stored value is not valid JSON ({exc.msg} at position {exc.pos})"
    if isinstance(exc, MemoryError | RecursionError):
        return f"a stored value is damaged beyond reading ({type(exc).__name__})"
    return f"a stored value is damaged ({type(exc).__name__}: {text})"


def _current(store: Store) -> Store:
    """`store` itself, or an in-memory copy brought up to this program: migrated to its schema,
    and its projections rebuilt from the journal when an older program built them
    (`PROJECTION_VERSION`: what this program would do when it opens the file)."""
    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    stale = version >= 1 and upgrade.projection_version(store.conn) < PROJECTION_VERSION
    if version >= SCHEMA_VERSION and not stale:
        return store
    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        store.conn.backup(copy)
        database.migrate(copy)
        if stale:
            upgrade.rebuild_projections(copy)
    except BaseException:
        copy.close()
        raise
    return Store(copy, store.path)


_EXPECTED: dict[int, dict[tuple[str, str], tuple[str, str]]] = {}


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {(str(kind), str(name)): (str(table), " ".join(str(sql or "").split()))
            for kind, name, table, sql in rows if not str(name).startswith("sqlite_stat")}


def expected_schema(version: int) -> dict[tuple[str, str], tuple[str, str]]:
    """sqlite_master of a fresh database migrated to `version`."""
    if version not in _EXPECTED:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            database.migrate(conn, upto=version)
            _EXPECTED[version] = _schema(conn)
        finally:
            conn.close()
    return _EXPECTED[version]


def check_schema(conn: sqlite3.Connection) -> str | None:
    """Tables, indexes, views and triggers of the file against a freshly migrated database.

    A dropped append-only trigger is named first: without it the journal can be rewritten.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not 1 <= version <= SCHEMA_VERSION:
        return f"schema: version {version} is not one this program made"
    expected, actual = expected_schema(version), _schema(conn)
    notes = []
    dropped = [name for name in APPEND_ONLY_TRIGGERS if ("trigger", name) not in actual]
    if dropped:
        notes.append(f"the journal's append-only trigger {' and '.join(dropped)} "
                     f"{'is' if len(dropped) == 1 else 'are'} missing (dropped: the journal could have "
                     "been rewritten)")
    for key in sorted(expected.keys() - actual.keys()):
        if key[0] != "trigger" or key[1] not in APPEND_ONLY_TRIGGERS:
            notes.append(f"the {key[0]} {key[1]} is missing")
    for key in sorted(actual.keys() - expected.keys()):
        notes.append(f"an extra {key[0]} {_quoted(key[1])} that CrisisDesk does not make")
    for key in sorted(actual.keys() & expected.keys()):
        if actual[key] != expected[key]:
            notes.append(f"the {key[0]} {key[1]} was changed (its definition differs from CrisisDesk's)")
    if not notes:
        return None
    more = f" (and {len(notes) - 3} more differences)" if len(notes) > 3 else ""
    return "schema differs from CrisisDesk's (changed outside CrisisDesk): " + "; ".join(notes[:3]) + more


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def check_local_state(conn: sqlite3.Connection) -> str | None:
    """The tables the journal does not make (meta, exchange bookkeeping, the parse cache) read
    through, and the meta values the desk relies on when it opens checked for their form."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("meta", *sorted(LOCAL_STATE_TABLES)):
        if table in tables:
            for _ in conn.execute(f'SELECT * FROM "{table}"'):
                pass  # every value decoded: a damaged text raises here
    meta = dict(conn.execute("SELECT key, value FROM meta")) if "meta" in tables else {}
    desk_id = meta.get("desk_id")
    if desk_id is not None and not _UUID.fullmatch(str(desk_id)):
        return f"local state: the desk id in meta is damaged ({str(desk_id)[:60]!r})"
    anchor = meta.get("demo_anchor")
    if anchor is not None:
        try:
            from_iso(str(anchor))
        except (ValueError, OverflowError):
            return f"local state: the demo clock's anchor in meta is damaged ({str(anchor)[:60]!r})"
    return None


def _quoted(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_]+", name) else repr(name)


def _check_chain(store: Store, report: VerifyReport) -> str | None:
    prev, expected_seq = GENESIS_HASH, 1
    for row in store.conn.execute(f"SELECT {_COLUMNS}, event FROM journal ORDER BY seq"):
        seq, entry_id, event = row[0], row[1], row[-1]
        where = f"journal entry #{seq} ({entry_id})"
        if seq != expected_seq:
            return f"{where}: entries #{expected_seq}..#{seq - 1} are missing (deleted from the journal)"
        try:
            stored = row_to_stored(row[:-1])
        except json.JSONDecodeError as exc:
            return f"{where}: payload is not valid JSON ({exc.msg} at position {exc.pos})"
        except READ_ERRORS as exc:
            return f"{where}: cannot be read: {describe(exc)}"
        if stored.prev_hash != prev:
            return f"{where}: does not follow the previous entry (chain broken: rows removed or reordered)"
        try:
            same = chain_hash(prev, stored.entry) == stored.hash
        except READ_ERRORS as exc:
            return f"{where}: cannot be hashed: {describe(exc)}"
        if not same:
            return f"{where}: content does not match its hash (the entry was edited)"
        if not isinstance(stored.entry.payload, dict) or event != str(stored.entry.payload.get("event", "")):
            return f"{where}: its event column does not match its payload (the entry was edited)"
        prev, expected_seq = stored.hash, seq + 1
        report.entries += 1
    return None


def _projection_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [r[0] for r in rows if r[0] not in INTERNAL_TABLES]


def _compare_projections(store: Store) -> str | None:
    rebuilt = rebuild(store)
    try:
        stored_tables = _projection_tables(store.conn)
        rebuilt_tables = _projection_tables(rebuilt.conn)
        missing = [t for t in rebuilt_tables if t not in stored_tables]
        if missing:
            return f"projection tables missing from the file: {', '.join(missing)}"
        for table in rebuilt_tables:  # tables CrisisDesk does not make are the schema check's
            columns = [r[1] for r in store.conn.execute(f'PRAGMA table_info("{table}")')]
            order = ", ".join(f'"{c}"' for c in columns)
            ours = store.conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            theirs = rebuilt.conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            for index, (a, b) in enumerate(zip(ours, theirs, strict=False)):
                if a != b:
                    return (f"projection {table}: row {index + 1} differs from the journal: "
                            f"stored {_short(columns, a)}, journal says {_short(columns, b)}")
            if len(ours) != len(theirs):
                return (f"projection {table}: {len(ours)} rows stored, the journal gives "
                        f"{len(theirs)}")
    finally:
        rebuilt.close()
    return None


def rebuild(store: Store, upto: int | None = None) -> Store:
    """A new in-memory store holding the journal (up to `upto`) and its projections."""
    fresh = Store.memory()
    batch = []
    for stored in store.entries(upto=upto):
        batch.append(stored.entry)
        if len(batch) >= 5000:
            fresh.append(batch)
            batch = []
    if batch:
        fresh.append(batch)
    return fresh


def _short(columns: list[str], row: tuple[Any, ...]) -> str:
    pairs = [f"{c}={v!r}"[:80] for c, v in zip(columns, row, strict=False)]
    return "(" + ", ".join(pairs[:6]) + (", ..." if len(pairs) > 6 else "") + ")"


QUICK_TAIL = 20_000  # entries after the last checkpoint whose hashes the opening check recomputes


def quick_check(store: Store) -> list[str]:
    """The check made on every open, in milliseconds: the schema and the journal's append-only
    triggers, and the chain head against this desk's last signed checkpoint (its signature, its
    hash at its position, and the hashes of the entries after it). Problems, one line each; the
    full check is `verify`."""
    problems: list[str] = []
    try:
        schema_problem = check_schema(store.conn)
        if schema_problem:
            problems.append(schema_problem)
        desk_id = store.meta("desk_id")
        identity = checkpoints.own_key(store.conn)
        last = checkpoints.latest(store.conn, desk_id) if desk_id and identity else None
        if identity is None or last is None:
            return problems
        head, _ = store.head()
        if not checkpoints.signature_valid(last, identity[1]):
            problems.append(f"the desk's last checkpoint {last.short()} is not validly signed by its "
                            "key (forged or damaged)")
            return problems
        row = store.conn.execute("SELECT hash FROM journal WHERE seq = ?", (last.seq,)).fetchone()
        if row is None:
            problems.append(f"the journal ends at #{head}, but the desk's last signed checkpoint "
                            f"{last.short()} covers #{last.seq}: entries were removed")
        elif row[0] != last.hash:
            problems.append(f"journal entry #{last.seq} does not match the desk's last signed "
                            f"checkpoint {last.short()}: the history was rewritten")
        elif head - last.seq <= QUICK_TAIL:
            tail = _check_tail(store, last.seq, last.hash)
            if tail:
                problems.append(tail)
    except READ_ERRORS as exc:
        problems.append(f"the opening check could not read the file: {describe(exc)}")
    return problems


def _check_tail(store: Store, after: int, prev: str) -> str | None:
    """The hash chain of the entries after `after` (whose hash is `prev`)."""
    expected = after + 1
    for row in store.conn.execute(f"SELECT {_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq",
                                  (after,)):
        stored = row_to_stored(row)
        where = f"journal entry #{stored.seq} ({stored.entry.id})"
        if stored.seq != expected:
            return f"{where}: entries #{expected}..#{stored.seq - 1} are missing (deleted from the journal)"
        if stored.prev_hash != prev or chain_hash(prev, stored.entry) != stored.hash:
            return f"{where}: does not match the hash chain (the entry was edited)"
        prev, expected = stored.hash, expected + 1
    return None
