"""Parsed group files and playbooks by SHA-256, so opening a desk needs no YAML parsing.

Local state, not a projection: a cache of what the pinned texts parse to, safe to lose.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

DDL = """
CREATE TABLE parsed_documents (sha256 TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL) STRICT;
"""
TABLES = frozenset({"parsed_documents"})


def get(conn: sqlite3.Connection, sha256: str, kind: str) -> Any:
    """The plain form stored for `sha256`, or None."""
    row = conn.execute("SELECT body FROM parsed_documents WHERE sha256 = ? AND kind = ?",
                       [sha256, kind]).fetchone()
    return json.loads(row[0]) if row else None


def put(conn: sqlite3.Connection, sha256: str, kind: str, plain: Any) -> None:
    """Keep the plain form; a read-only or full database simply keeps no cache."""
    try:
        conn.execute("INSERT OR REPLACE INTO parsed_documents VALUES (?, ?, ?)",
                     [sha256, kind, json.dumps(plain, ensure_ascii=False)])
    except sqlite3.Error:
        pass


def stored(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Every cached entry: (sha256, kind, body as stored)."""
    return conn.execute("SELECT sha256, kind, body FROM parsed_documents ORDER BY sha256").fetchall()


def clear(conn: sqlite3.Connection) -> int:
    """Forget every cached parse (they are made again from the pinned texts); how many there were."""
    return conn.execute("DELETE FROM parsed_documents").rowcount
