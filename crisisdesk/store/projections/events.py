"""Events: activation with the pinned playbook and group, level, status, providers, duties, alerts, outlook.

Set-type state is latest-HLC-wins, so replaying entries in any order gives the same tables.
"""

from __future__ import annotations

import sqlite3

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import projects
from crisisdesk.store.projections.checklists import insert_items

DDL = """
CREATE TABLE events (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, t0 TEXT NOT NULL, drill INTEGER NOT NULL,
    note TEXT NOT NULL,
    playbook_id TEXT NOT NULL, playbook_version INTEGER NOT NULL, playbook_sha256 TEXT NOT NULL,
    playbook_text TEXT NOT NULL,
    group_id TEXT NOT NULL, group_sha256 TEXT NOT NULL, group_text TEXT NOT NULL,
    level TEXT NOT NULL, level_hlc TEXT NOT NULL,
    status TEXT NOT NULL, status_hlc TEXT NOT NULL, status_reason TEXT NOT NULL,
    activated_at TEXT NOT NULL, activated_by TEXT NOT NULL
) STRICT;
CREATE TABLE provider_status (
    event TEXT NOT NULL, provider TEXT NOT NULL, status TEXT NOT NULL, since TEXT NOT NULL,
    note TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (event, provider)
) STRICT;
CREATE TABLE duties (
    event TEXT NOT NULL, duty TEXT NOT NULL, deadline TEXT NOT NULL, state TEXT NOT NULL,
    reference TEXT NOT NULL, reason TEXT NOT NULL, submitted_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (event, duty)
) STRICT;
CREATE TABLE alerts (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL,
    at TEXT NOT NULL, note TEXT NOT NULL, author TEXT NOT NULL
) STRICT;
CREATE INDEX alerts_event ON alerts(event, at);
CREATE TABLE outlook (
    event TEXT NOT NULL, horizon TEXT NOT NULL, text TEXT NOT NULL, needs TEXT NOT NULL,
    at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (event, horizon)
) STRICT;
"""

# Schema 2: every provider change kept (outage durations for reporting thresholds), duty
# filings per filer and occurrence, and when an event was closed. Existing rows are filled in
# from the journal exactly as replaying it would.
DDL_2 = f"""
CREATE TABLE provider_changes (
    event TEXT NOT NULL, provider TEXT NOT NULL, status TEXT NOT NULL, since TEXT NOT NULL,
    hlc TEXT NOT NULL, PRIMARY KEY (event, provider, hlc)
) STRICT;
INSERT INTO provider_changes
    SELECT event, json_extract(p.value, '$.provider'), json_extract(p.value, '$.status'),
           json_extract(payload, '$.t0'), hlc
    FROM journal, json_each(journal.payload, '$.providers') AS p WHERE kind = 'event.activated';
INSERT INTO provider_changes
    SELECT event, json_extract(payload, '$.provider'), json_extract(payload, '$.status'),
           coalesce(nullif(json_extract(payload, '$.since'), ''), at), hlc
    FROM journal WHERE kind = 'event.provider_changed';
CREATE TABLE duty_filings (
    event TEXT NOT NULL, duty TEXT NOT NULL, filer TEXT NOT NULL, occurrence INTEGER NOT NULL,
    state TEXT NOT NULL, reference TEXT NOT NULL, reason TEXT NOT NULL, submitted_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, hlc TEXT NOT NULL, deadline TEXT NOT NULL,
    PRIMARY KEY (event, duty, filer, occurrence)
) STRICT;
INSERT INTO duty_filings
    SELECT event, duty, '{GROUP_DESK}', 1, state, reference, reason, submitted_at, updated_by, hlc, ''
    FROM duties WHERE hlc != '';
ALTER TABLE events ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';
UPDATE events SET closed_at = coalesce(
    (SELECT at FROM journal WHERE journal.hlc = events.status_hlc AND kind = 'event.closed'), '')
    WHERE status = 'closed';
"""


@projects(Kind.EVENT_ACTIVATED)
def activated(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO events (id, title, t0, drill, note, playbook_id, playbook_version, "
        "playbook_sha256, playbook_text, group_id, group_sha256, group_text, level, level_hlc, "
        "status, status_hlc, status_reason, activated_at, activated_by) "
        "VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?, ?,?, ?,?,?, ?,?)",
        [p["event"], p["title"], p["t0"], int(p["drill"]), p.get("note", ""),
         p["playbook"]["id"], p["playbook"]["version"], p["playbook"]["sha256"], p["playbook"]["text"],
         p["group"]["id"], p["group"]["sha256"], p["group"]["text"],
         p["level"], e.hlc, "open", e.hlc, "", e.at, e.author],
    )
    for provider in p.get("providers", []):
        _set_provider(conn, p["event"], provider["provider"], provider["status"], p["t0"],
                      provider.get("note", ""), e.hlc)
        _add_provider_change(conn, p["event"], provider["provider"], provider["status"], p["t0"], e.hlc)
    insert_items(conn, p["event"], p["items"])
    conn.executemany(
        "INSERT OR IGNORE INTO duties VALUES (?, ?, ?, 'due', '', '', '', '', '')",
        [(p["event"], d["duty"], d["deadline"]) for d in p.get("duties", [])],
    )


@projects(Kind.EVENT_LEVEL_CHANGED)
def level_changed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE events SET level = ?, level_hlc = ? WHERE id = ? AND level_hlc < ?",
                 [p["level"], e.hlc, p["event"], e.hlc])
    insert_items(conn, p["event"], p.get("items", []))


@projects(Kind.EVENT_CLOSED, Kind.EVENT_REOPENED)
def status_changed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    closed = e.kind == Kind.EVENT_CLOSED
    conn.execute(
        "UPDATE events SET status = ?, status_reason = ?, status_hlc = ?, closed_at = ? "
        "WHERE id = ? AND status_hlc < ?",
        ["closed" if closed else "open", p.get("reason", ""), e.hlc, e.at if closed else "",
         p["event"], e.hlc])


@projects(Kind.EVENT_PROVIDER_CHANGED)
def provider_changed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    since = p.get("since") or e.at
    _set_provider(conn, p["event"], p["provider"], p["status"], since, p.get("note", ""), e.hlc)
    _add_provider_change(conn, p["event"], p["provider"], p["status"], since, e.hlc)


def _add_provider_change(conn: sqlite3.Connection, event: str, provider: str, status: str, since: str,
                         hlc: str) -> None:
    conn.execute("INSERT OR IGNORE INTO provider_changes VALUES (?,?,?,?,?)",
                 [event, provider, status, since, hlc])


def _set_provider(conn: sqlite3.Connection, event: str, provider: str, status: str, since: str, note: str,
                  hlc: str) -> None:
    conn.execute(
        "INSERT INTO provider_status VALUES (?,?,?,?,?,?) ON CONFLICT (event, provider) DO UPDATE "
        "SET status = excluded.status, since = excluded.since, note = excluded.note, hlc = excluded.hlc "
        "WHERE excluded.hlc > provider_status.hlc",
        [event, provider, status, since, note, hlc])


@projects(Kind.DUTY_CHANGED)
def duty_changed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    """A filing of one occurrence of a duty; entries from before schema 2 name no filer (the
    group desk filed) and also keep the first schema's table current."""
    e, p = stored.entry, stored.entry.payload
    values = [p["state"], p.get("reference", ""), p.get("reason", ""), p.get("at", ""), e.author, e.hlc]
    filer, occurrence = p.get("affiliate") or GROUP_DESK, int(p.get("occurrence", 1))
    conn.execute(
        "INSERT INTO duty_filings VALUES (?,?,?,?, ?,?,?,?,?,?, ?) "
        "ON CONFLICT (event, duty, filer, occurrence) DO UPDATE SET state = excluded.state, "
        "reference = excluded.reference, reason = excluded.reason, "
        "submitted_at = excluded.submitted_at, updated_by = excluded.updated_by, "
        "hlc = excluded.hlc, deadline = excluded.deadline WHERE excluded.hlc > duty_filings.hlc",
        [p["event"], p["duty"], filer, occurrence, *values, p.get("deadline", "")])
    if filer == GROUP_DESK and occurrence == 1:
        conn.execute(
            "UPDATE duties SET state = ?, reference = ?, reason = ?, submitted_at = ?, updated_by = ?, "
            "hlc = ? WHERE event = ? AND duty = ? AND hlc < ?", [*values, p["event"], p["duty"], e.hlc])


@projects(Kind.ALERT_RECORDED)
def alert_recorded(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT INTO alerts VALUES (?,?,?,?,?,?,?)",
                 [p["alert"], p["event"], p["issuer"], p["level"], p["at"], p.get("note", ""), e.author])


@projects(Kind.OUTLOOK_SET)
def outlook_set(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO outlook VALUES (?,?,?,?,?,?,?) ON CONFLICT (event, horizon) DO UPDATE SET "
        "text = excluded.text, needs = excluded.needs, at = excluded.at, author = excluded.author, "
        "hlc = excluded.hlc WHERE excluded.hlc > outlook.hlc",
        [p["event"], p["horizon"], p.get("text", ""), p.get("needs", ""), e.at, e.author, e.hlc])
