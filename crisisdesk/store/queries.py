"""Read queries over the projections, returning plain dicts (one per row)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from crisisdesk.store.errors import StoreError


def rows(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def one(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> dict[str, Any] | None:
    found = rows(conn, sql, params)
    return found[0] if found else None


def of_event(conn: sqlite3.Connection, table: str, event_id: str, affiliate: str | None, order: str) -> list[dict[str, Any]]:
    """Rows of one event's `table`, of one affiliate when given, in `order`."""
    where, params = ("event = ? AND affiliate = ?", [event_id, affiliate]) if affiliate else ("event = ?", [event_id])
    return rows(conn, f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", params)


def latest_group(conn: sqlite3.Connection) -> dict[str, Any] | None:
    return one(conn, "SELECT * FROM groups ORDER BY hlc DESC LIMIT 1")


def events(conn: sqlite3.Connection, status: str | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT id, title, t0, drill, note, playbook_id, playbook_version, group_id, level, status, "
           "status_reason, closed_at, activated_at, activated_by FROM events")
    params: list[Any] = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    return rows(conn, sql + " ORDER BY t0 DESC", params)


def event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    found = one(conn, "SELECT * FROM events WHERE id = ?", [event_id])
    if found is None:
        matches = rows(conn, "SELECT * FROM events WHERE id LIKE ?", [event_id + "%"])
        if len(matches) == 1:
            return matches[0]
        raise StoreError(f"no event '{event_id}'" if not matches else
                         f"event id '{event_id}' is ambiguous ({len(matches)} events start with it)")
    return found


def providers(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM provider_status WHERE event = ? ORDER BY provider", [event_id])


def items(conn: sqlite3.Connection, event_id: str, affiliate: str | None = None) -> list[dict[str, Any]]:
    return of_event(conn, "checklist_items", event_id, affiliate, "affiliate, due, checklist, item")


def pinned_texts(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """The playbook and group texts the events and the group file pin, by (SHA-256, kind)."""
    found = conn.execute(
        "SELECT playbook_sha256, 'Playbook', playbook_text FROM events UNION "
        "SELECT group_sha256, 'Group', group_text FROM events UNION "
        "SELECT sha256, 'Group', text FROM groups").fetchall()
    return {(sha256, kind): text for sha256, kind, text in found}


def item(conn: sqlite3.Connection, event_id: str, affiliate: str, checklist: str, item_id: str) -> dict[str, Any] | None:
    return one(conn, "SELECT * FROM checklist_items WHERE event = ? AND affiliate = ? AND checklist = ? "
                     "AND item = ?", [event_id, affiliate, checklist, item_id])


def item_keys(conn: sqlite3.Connection, event_id: str, affiliate: str, item_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT checklist, item FROM checklist_items WHERE event = ? AND affiliate = ? "
                      "AND item = ?", [event_id, affiliate, item_id])


def item_changes(conn: sqlite3.Connection, event_id: str, affiliate: str, checklist: str, item_id: str) -> list[dict[str, Any]]:
    found = rows(conn, "SELECT c.*, j.payload AS change FROM item_changes AS c "
                       "JOIN journal AS j ON j.id = c.entry WHERE c.event = ? AND c.affiliate = ? "
                       "AND c.checklist = ? AND c.item = ? ORDER BY c.hlc",
                 [event_id, affiliate, checklist, item_id])
    for change in found:
        payload = json.loads(change.pop("change"))
        change["before"], change["after"] = payload["before"], payload["after"]
    return found


def conflicted_items(conn: sqlite3.Connection, event_id: str, affiliate: str | None = None) -> set[tuple[str, str, str]]:
    """Items with two changes made on the same base: concurrent edits on different desks."""
    where, params = ("AND affiliate = ? ", [event_id, affiliate]) if affiliate else ("", [event_id])
    found = rows(conn, "SELECT affiliate, checklist, item FROM item_changes WHERE event = ? " + where +
                       "AND undoes = '' GROUP BY affiliate, checklist, item, base HAVING count(*) > 1",
                 params)
    return {(r["affiliate"], r["checklist"], r["item"]) for r in found}


def answers(conn: sqlite3.Connection, event_id: str, affiliate: str | None = None) -> list[dict[str, Any]]:
    found = of_event(conn, "answers", event_id, affiliate, "affiliate, field, hlc")
    for answer in found:
        answer["value"] = json.loads(answer["value"])
    return found


def service_status(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM service_status WHERE event = ?", [event_id])


def activity(conn: sqlite3.Connection, event_id: str) -> dict[str, str]:
    """When this desk last heard from each affiliate: an entry made here counts from when it was
    made, one imported from when it arrived (exchange_tables.note_heard), never from the sending
    desk's clock."""
    from crisisdesk.store import exchange_tables

    heard = exchange_tables.heard(conn, event_id)
    if not heard:  # nothing imported for this event: every entry was made here
        return {r["affiliate"]: r["last_at"] for r in rows(
            conn, "SELECT affiliate, last_at FROM affiliate_activity WHERE event = ?", [event_id])}
    return exchange_tables.heard_with_local(conn, event_id, heard)


def meetings(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    found = rows(conn, "SELECT * FROM meetings WHERE event = ? ORDER BY opened_at", [event_id])
    for m in found:
        m["attendees"] = json.loads(m["attendees"])
    return found


def decisions(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    found = rows(conn, "SELECT * FROM decisions WHERE event = ? ORDER BY hlc", [event_id])
    for d in found:
        d["attendees"] = json.loads(d["attendees"])
        d["affiliates"] = json.loads(d["affiliates"])
    return found


def decision(conn: sqlite3.Connection, decision_id: str) -> dict[str, Any] | None:
    return one(conn, "SELECT * FROM decisions WHERE id = ?", [decision_id])


def actions(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM actions WHERE event = ? ORDER BY deadline, created_at", [event_id])


def duty_filings(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM duty_filings WHERE event = ? ORDER BY duty, filer, occurrence",
                [event_id])


def duty_filing(conn: sqlite3.Connection, event_id: str, duty: str, filer: str, occurrence: int) -> dict[str, Any] | None:
    return one(conn, "SELECT * FROM duty_filings WHERE event = ? AND duty = ? AND filer = ? AND occurrence = ?",
               [event_id, duty, filer, occurrence])


def provider_changes(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """Every change of the event's providers, in time order."""
    return rows(conn, "SELECT * FROM provider_changes WHERE event = ? ORDER BY since, hlc", [event_id])


def alerts(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM alerts WHERE event = ? ORDER BY at", [event_id])


def outlook(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM outlook WHERE event = ? ORDER BY horizon", [event_id])


def notices(conn: sqlite3.Connection, event_id: str, affiliate: str | None = None) -> list[dict[str, Any]]:
    found = of_event(conn, "notices", event_id, affiliate, "created_at")
    posts = rows(conn, "SELECT p.* FROM notice_posts p JOIN notices n ON n.id = p.notice "
                       "WHERE n.event = ? ORDER BY posted_at", [event_id])
    for notice in found:
        notice["posts"] = [p for p in posts if p["notice"] == notice["id"]]
    return found


_ENTRY_ROW = "seq, id, desk, author, at, hlc, kind, payload"  # a journal entry as the read models take it


def _parsed(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for entry in found:
        entry["payload"] = json.loads(entry["payload"])
    return found


def journal_for_event(conn: sqlite3.Connection, event_id: str, upto: int | None = None,
                      after: int = 0) -> Iterator[dict[str, Any]]:
    """Journal entries of one event in HLC order (the timeline), `after < seq <= upto`, read as
    they are used: a whole timeline's rows held at once were freed in one go at the end, which
    kept every other thread waiting (90 ms for 100,000 entries)."""
    sql = f"SELECT {_ENTRY_ROW} FROM journal WHERE event = ? AND seq > ?"
    params: list[Any] = [event_id, after]
    if upto is not None:
        sql += " AND seq <= ?"
        params.append(upto)
    cursor = conn.execute(sql + " ORDER BY hlc", params)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        entry = dict(zip(names, row, strict=True))
        entry["payload"] = json.loads(entry["payload"])
        yield entry


def journal_page(conn: sqlite3.Connection, event_id: str, upto: int, before_hlc: str,
                 size: int) -> list[dict[str, Any]]:
    """A page of the event's journal going back in time: at most `size` entries with `seq <= upto`
    and a clock before `before_hlc` ("" for the latest), the latest first."""
    sql = f"SELECT {_ENTRY_ROW} FROM journal WHERE event = ? AND seq <= ?"
    params: list[Any] = [event_id, upto]
    if before_hlc:
        sql += " AND hlc < ?"
        params.append(before_hlc)
    return _parsed(rows(conn, sql + " ORDER BY hlc DESC LIMIT ?", [*params, size]))


def changes_between(conn: sqlite3.Connection, event_id: str, since_iso: str, until_iso: str,
                    without: tuple[str, ...], last: int) -> tuple[list[dict[str, Any]], int]:
    """The event's latest `last` entries written from `since_iso` to `until_iso` (UTC, as the
    journal spells times) of kinds not in `without`, in HLC order, and how many there are in all."""
    marks = ", ".join("?" for _ in without) or "''"
    where = f"WHERE event = ? AND at >= ? AND at <= ? AND kind NOT IN ({marks})"
    params = [event_id, since_iso, until_iso, *without]
    total = conn.execute(f"SELECT count(*) FROM journal {where}", params).fetchone()[0]
    found = rows(conn, f"SELECT {_ENTRY_ROW} FROM journal {where} ORDER BY hlc DESC LIMIT ?", [*params, last])
    return _parsed(found)[::-1], total


def item_changes_by_affiliate(conn: sqlite3.Connection, event_id: str, since_iso: str,
                              until_iso: str) -> dict[str, int]:
    """How many checklist item changes each affiliate had from `since_iso` to `until_iso`."""
    found = conn.execute(
        "SELECT affiliate, count(*) FROM item_changes WHERE event = ? AND at >= ? AND at <= ? "
        "GROUP BY affiliate", [event_id, since_iso, until_iso])
    return {affiliate: count for affiliate, count in found}


def open_items_due_by(conn: sqlite3.Connection, event_id: str, due_iso: str,
                      first: int) -> tuple[list[dict[str, Any]], int]:
    """The event's first `first` items not done (nor not applicable) due by `due_iso`, earliest
    first, and how many there are in all."""
    where = "WHERE event = ? AND state NOT IN ('done', 'n/a') AND due <= ?"
    total = conn.execute(f"SELECT count(*) FROM checklist_items {where}", [event_id, due_iso]).fetchone()[0]
    found = rows(conn, f"SELECT * FROM checklist_items {where} ORDER BY due, affiliate, checklist, item "
                       "LIMIT ?", [event_id, due_iso, first])
    return found, total


def seq_at(conn: sqlite3.Connection, moment_iso: str) -> int:
    """The last journal position written at or before a UTC time."""
    row = conn.execute("SELECT max(seq) FROM journal WHERE at <= ?", [moment_iso]).fetchone()
    return row[0] or 0


def progress_by_affiliate(conn: sqlite3.Connection, event_id: str, now_iso: str) -> dict[str, tuple[int, ...]]:
    """Per affiliate: applicable, closed, critical, critical closed, overdue, overdue critical."""
    found = conn.execute(
        "SELECT affiliate, count(*), sum(state IN ('done','n/a')), sum(critical), "
        "sum(critical AND state IN ('done','n/a')), sum(state NOT IN ('done','n/a') AND due < ?), "
        "sum(critical AND state NOT IN ('done','n/a') AND due < ?) "
        "FROM checklist_items WHERE event = ? GROUP BY affiliate", [now_iso, now_iso, event_id])
    return {row[0]: tuple(int(v or 0) for v in row[1:]) for row in found}


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's data version of the connection: it moves when another connection commits a change."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def entries_after(conn: sqlite3.Connection, seq: int, limit: int = 10_000) -> list[tuple[int, str, str, str]]:
    """(seq, kind, event, affiliate) of the journal entries after `seq`, oldest first, at most `limit`."""
    return [tuple(r) for r in conn.execute(
        "SELECT seq, kind, event, coalesce(json_extract(payload, '$.affiliate'), '') FROM journal "
        "WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit])]
