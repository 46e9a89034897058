"""The register of situation reports: the latest draft of each number, its approval and its issue.

Each part of a row is latest-HLC-wins and every projector upserts, so the entries
may be replayed in any order.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import projects
from crisisdesk.store.queries import rows

DDL = """
CREATE TABLE reports (
    event TEXT NOT NULL, number INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL DEFAULT '', as_of INTEGER NOT NULL DEFAULT 0,
    moment TEXT NOT NULL DEFAULT '', period_from TEXT NOT NULL DEFAULT '',
    designation TEXT NOT NULL DEFAULT '', next_update TEXT NOT NULL DEFAULT '',
    prepared_by TEXT NOT NULL DEFAULT '', desk TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL DEFAULT '', pages INTEGER NOT NULL DEFAULT 0,
    drafted_at TEXT NOT NULL DEFAULT '', draft_hlc TEXT NOT NULL DEFAULT '',
    approved_fingerprint TEXT NOT NULL DEFAULT '', approved_by TEXT NOT NULL DEFAULT '',
    approved_role TEXT NOT NULL DEFAULT '', approved_at TEXT NOT NULL DEFAULT '',
    approve_hlc TEXT NOT NULL DEFAULT '',
    issued_at TEXT NOT NULL DEFAULT '', issued_by TEXT NOT NULL DEFAULT '',
    issued_fingerprint TEXT NOT NULL DEFAULT '', issue_hlc TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event, number)
) STRICT;
"""

# Schema 5 (office files): the files made from a numbered report — office drafts (HWPX, DOCX)
# and brief PDFs — one row per `report.exported` entry of this desk.
DDL_5 = """
CREATE TABLE report_files (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, number INTEGER NOT NULL, kind TEXT NOT NULL,
    format TEXT NOT NULL, lang TEXT NOT NULL, fingerprint TEXT NOT NULL, sha256 TEXT NOT NULL,
    file TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL
) STRICT;
CREATE INDEX report_files_event ON report_files(event, number, hlc);
"""

_DRAFT = ("kind", "lang", "as_of", "moment", "period_from", "designation", "next_update",
          "prepared_by", "desk", "fingerprint", "pages")


def _upsert(conn: sqlite3.Connection, event: str, number: int, values: dict[str, Any], hlc_column: str,
            hlc: str) -> None:
    columns = list(values) + [hlc_column]
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
    conn.execute(
        f"INSERT INTO reports (event, number, {names}) VALUES (?, ?, {marks}) "
        f"ON CONFLICT (event, number) DO UPDATE SET {updates} "
        f"WHERE excluded.{hlc_column} > reports.{hlc_column}",
        [event, number, *values.values(), hlc])


@projects(Kind.REPORT_DRAFTED)
def drafted(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    values = {key: p.get(key) or ("" if key not in ("as_of", "pages") else 0) for key in _DRAFT}
    values["drafted_at"] = e.at
    _upsert(conn, p["event"], p["number"], values, "draft_hlc", e.hlc)


@projects(Kind.REPORT_APPROVED)
def approved(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    _upsert(conn, p["event"], p["number"], {
        "approved_fingerprint": p["fingerprint"], "approved_by": p.get("approver", e.author),
        "approved_role": p.get("role", ""), "approved_at": e.at}, "approve_hlc", e.hlc)


@projects(Kind.REPORT_ISSUED)
def issued(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    _upsert(conn, p["event"], p["number"], {
        "issued_at": p.get("at") or e.at, "issued_by": p.get("issued_by", e.author),
        "issued_fingerprint": p["fingerprint"]}, "issue_hlc", e.hlc)


@projects(Kind.REPORT_EXPORTED)
def exported(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT OR IGNORE INTO report_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [e.id, p["event"], p["number"], p["kind"], p["format"], p.get("lang", ""), p["fingerprint"],
                  p["sha256"], p.get("file", ""), e.at, e.author, e.hlc])


def file_rows(conn: sqlite3.Connection, event: str) -> list[dict[str, Any]]:
    """The files made from the event's reports, by number and time."""
    return rows(conn, "SELECT * FROM report_files WHERE event = ? ORDER BY number, hlc", [event])


def report_rows(conn: sqlite3.Connection, event: str) -> list[dict[str, Any]]:
    """The register of one event, by number."""
    return rows(conn, "SELECT * FROM reports WHERE event = ? AND draft_hlc != '' ORDER BY number", [event])
