"""Affiliates' impact answers (every revision kept) and their per-service corrections."""

from __future__ import annotations

import json

from crisisdesk.store.projections import projects
from crisisdesk.store.projections.activity import touch

DDL = """
CREATE TABLE answers (
    entry TEXT PRIMARY KEY, event TEXT NOT NULL, affiliate TEXT NOT NULL, field TEXT NOT NULL,
    value TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL
) STRICT;
CREATE INDEX answers_field ON answers(event, affiliate, field, hlc);
CREATE TABLE service_status (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, service TEXT NOT NULL, status TEXT NOT NULL,
    note TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL,
    PRIMARY KEY (event, affiliate, service)
) STRICT;
"""


@projects("impact.answered")
def answered(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT INTO answers VALUES (?,?,?,?,?,?,?,?)",
                 [e.id, p["event"], p["affiliate"], p["field"],
                  json.dumps(p["value"], sort_keys=True, ensure_ascii=False), e.at, e.author, e.hlc])
    touch(conn, p["event"], p["affiliate"], e.at)


@projects("service.assessed")
def service_assessed(conn, stored) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO service_status VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (event, affiliate, service) "
        "DO UPDATE SET status = excluded.status, note = excluded.note, at = excluded.at, "
        "author = excluded.author, hlc = excluded.hlc WHERE excluded.hlc > service_status.hlc",
        [p["event"], p["affiliate"], p["service"], p["status"], p.get("note", ""), e.at, e.author, e.hlc])
    touch(conn, p["event"], p["affiliate"], e.at)
