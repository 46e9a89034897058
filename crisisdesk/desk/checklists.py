"""Checklist commands: change an item's state, assignee, note or evidence; undo the last change."""

from __future__ import annotations

import sqlite3
from typing import Any

from crisisdesk.desk.changes import BOARD, CHECKLIST, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.checklist import ItemState, check_unchanged
from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import ItemHistoryEntry
from crisisdesk.store import queries


class ChecklistCommands(DeskService):
    """Checklist items: change, undo, history."""

    def __init__(self, writer: Writer, events: EventCommands) -> None:
        super().__init__(writer)
        self._events = events

    def set_item(self, event: str | None, affiliate: str, item: str, *, state: str | None = None,
                 assignee: str | None = None, note: str | None = None, evidence: str | None = None,
                 reason: str | None = None, seen: str | None = None) -> Changes:
        """Change an item; fields left as None keep their value. Blocked needs a reason.

        `seen`: the entry of the item's last change as the caller saw it (`ItemView.entry`); when
        someone changed the item since, ChangedMeanwhile is raised and nothing is saved."""
        ctx = self._events.open_event(event)
        row = item_row(self._store.conn, ctx, affiliate, item)
        before = ItemState.from_dict(row)
        _check_seen(seen, row, before)
        after = before.changed(state=state, assignee=assignee, note=note, evidence=evidence, reason=reason)
        if after == before:
            raise InvalidInput.of("item '{item}' already has these values; nothing to save", item=row['item'])
        self._record(Kind.CHECKLIST_CHANGED, {
            "event": ctx.id, "affiliate": row["affiliate"], "checklist": row["checklist"],
            "item": row["item"], "before": before.as_dict(), "after": after.as_dict(),
            "base": row["entry"], "undoes": ""})
        return Changes.of(ctx.id, CHECKLIST, BOARD, affiliates=[row["affiliate"]])

    def undo_item(self, event: str | None, affiliate: str, item: str, seen: str | None = None) -> Changes:
        """Revert the item's last change that is not yet undone, as a compensating entry.

        `seen` as for `set_item`: an undo never reverts a change someone made since."""
        ctx = self._events.open_event(event)
        row = item_row(self._store.conn, ctx, affiliate, item)
        _check_seen(seen, row, ItemState.from_dict(row))
        history = _history(self._store.conn, ctx, row)
        undone = {c.undoes for c in history if c.undoes}
        candidates = [c for c in history if not c.undoes and c.entry not in undone]
        if not candidates:
            raise InvalidInput.of("item '{item}' has no change left to undo", item=row['item'])
        last = candidates[-1]
        self._record(Kind.CHECKLIST_CHANGED, {
            "event": ctx.id, "affiliate": row["affiliate"], "checklist": row["checklist"],
            "item": row["item"], "before": ItemState.from_dict(row).as_dict(),
            "after": last.before.as_dict(), "base": row["entry"], "undoes": last.entry})
        return Changes.of(ctx.id, CHECKLIST, BOARD, affiliates=[row["affiliate"]])

    def item_history(self, event: str | None, affiliate: str, item: str) -> list[ItemHistoryEntry]:
        """Every change of the item, oldest first (undos and concurrent edits included)."""
        ctx = self._events.event(event)
        return _history(self._store.conn, ctx, item_row(self._store.conn, ctx, affiliate, item))


def _history(conn: sqlite3.Connection, ctx: Event, row: dict[str, Any]) -> list[ItemHistoryEntry]:
    return [ItemHistoryEntry(entry=c["entry"], at=from_iso(c["at"]), author=c["author"], desk=c["desk"],
                       before=ItemState.from_dict(c["before"]), after=ItemState.from_dict(c["after"]),
                       base=c["base"], undoes=c["undoes"])
            for c in queries.item_changes(conn, ctx.id, row["affiliate"], row["checklist"], row["item"])]


def _check_seen(seen: str | None, row: dict[str, Any], current: ItemState) -> None:
    check_unchanged(seen, row["entry"], current, item=row["item"], by=row["updated_by"], at=row["updated_at"])


def item_row(conn: sqlite3.Connection, ctx: Event, affiliate: str, item: str) -> dict[str, Any]:
    """The item by `item` or `checklist/item` for one affiliate of the event (or the group)."""
    ctx.check_doer(affiliate)
    if "/" in item:
        checklist, item_id = item.split("/", 1)
        row = queries.item(conn, ctx.id, affiliate, checklist, item_id)
        if row is None:
            raise InvalidInput.of("{affiliate} has no checklist item '{item}' in this event", affiliate=affiliate, item=item)
        return row
    keys = queries.item_keys(conn, ctx.id, affiliate, item)
    if not keys:
        raise InvalidInput.of("{affiliate} has no checklist item '{item}' in this event", affiliate=affiliate, item=item)
    if len(keys) > 1:
        options = ", ".join(f"{k['checklist']}/{k['item']}" for k in keys)
        raise InvalidInput.of("item '{item}' is in several checklists; write one of: {options}", item=item, options=options)
    found = queries.item(conn, ctx.id, affiliate, keys[0]["checklist"], item)
    assert found is not None  # its key was just read in the same transaction
    return found
