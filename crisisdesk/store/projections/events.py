"""Events: activation with the pinned playbook and group, level, status, providers, duties, alerts, outlook.

Set-type state is latest-HLC-wins, so replaying entries in any order gives the same tables.
"""

from __future__ import annotations

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


@projects("event.activated")
def activated(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO events VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?, ?,?, ?,?,?, ?,?)",
        [p["event"], p["title"], p["t0"], int(p["drill"]), p.get("note", ""),
         p["playbook"]["id"], p["playbook"]["version"], p["playbook"]["sha256"], p["playbook"]["text"],
         p["group"]["id"], p["group"]["sha256"], p["group"]["text"],
         p["level"], e.hlc, "open", e.hlc, "", e.at, e.author],
    )
    for provider in p.get("providers", []):
        _set_provider(conn, p["event"], provider["provider"], provider["status"], p["t0"],
                      provider.get("note", ""), e.hlc)
    insert_items(conn, p["event"], p["items"])
    conn.executemany(
        "INSERT OR IGNORE INTO duties VALUES (?, ?, ?, 'due', '', '', '', '', '')",
        [(p["event"], d["duty"], d["deadline"]) for d in p.get("duties", [])],
    )


@projects("event.level_changed")
def level_changed(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE events SET level = ?, level_hlc = ? WHERE id = ? AND level_hlc < ?",
                 [p["level"], e.hlc, p["event"], e.hlc])
    insert_items(conn, p["event"], p.get("items", []))


@projects("event.closed", "event.reopened")
def status_changed(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    status = "closed" if e.kind == "event.closed" else "open"
    conn.execute(
        "UPDATE events SET status = ?, status_reason = ?, status_hlc = ? WHERE id = ? AND status_hlc < ?",
        [status, p.get("reason", ""), e.hlc, p["event"], e.hlc])


@projects("event.provider_changed")
def provider_changed(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    _set_provider(conn, p["event"], p["provider"], p["status"], p.get("since") or e.at,
                  p.get("note", ""), e.hlc)


def _set_provider(conn, event, provider, status, since, note, hlc) -> None:
    conn.execute(
        "INSERT INTO provider_status VALUES (?,?,?,?,?,?) ON CONFLICT (event, provider) DO UPDATE "
        "SET status = excluded.status, since = excluded.since, note = excluded.note, hlc = excluded.hlc "
        "WHERE excluded.hlc > provider_status.hlc",
        [event, provider, status, since, note, hlc])


@projects("duty.changed")
def duty_changed(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "UPDATE duties SET state = ?, reference = ?, reason = ?, submitted_at = ?, updated_by = ?, hlc = ? "
        "WHERE event = ? AND duty = ? AND hlc < ?",
        [p["state"], p.get("reference", ""), p.get("reason", ""), p.get("at", ""), e.author, e.hlc,
         p["event"], p["duty"], e.hlc])


@projects("alert.recorded")
def alert_recorded(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT INTO alerts VALUES (?,?,?,?,?,?,?)",
                 [p["alert"], p["event"], p["issuer"], p["level"], p["at"], p.get("note", ""), e.author])


@projects("outlook.set")
def outlook_set(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO outlook VALUES (?,?,?,?,?,?,?) ON CONFLICT (event, horizon) DO UPDATE SET "
        "text = excluded.text, needs = excluded.needs, at = excluded.at, author = excluded.author, "
        "hlc = excluded.hlc WHERE excluded.hlc > outlook.hlc",
        [p["event"], p["horizon"], p.get("text", ""), p.get("needs", ""), e.at, e.author, e.hlc])
