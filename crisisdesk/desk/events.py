"""Group file, playbooks and events: load, activate, level, providers, close and reopen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from crisisdesk import formats  # loads YAML and pydantic on first use, not at start-up
from crisisdesk.desk.changes import BOARD, CHECKLIST, DUTIES, EVENTS, GROUP, Changes
from crisisdesk.desk.context import event_context, event_record, parse_group, remember
from crisisdesk.desk.site import Site
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.business_days import resolve_due
from crisisdesk.domain.checklist import applicable_items
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event, EventRecord
from crisisdesk.domain.group import GROUP_DESK, Group
from crisisdesk.domain.ids import new_id
from crisisdesk.domain.payload_rules import check_level as _check_level
from crisisdesk.domain.payload_rules import check_provider as _check_provider
from crisisdesk.domain.payload_rules import check_provider_status
from crisisdesk.domain.playbook import GROUP_SCOPE, Playbook
from crisisdesk.store import queries
from crisisdesk.store.errors import StoreError

if TYPE_CHECKING:
    from crisisdesk.formats.errors import FormatError
    from crisisdesk.formats.result import LoadResult


class EventCommands(DeskService):
    """Group file, playbooks and events: load, activate, change the level and providers, close and reopen."""

    def __init__(self, writer: Writer, site: Site) -> None:
        super().__init__(writer)
        self._site = site

    # -- group and playbooks -------------------------------------------------
    def load_group(self, path: Path | str) -> Changes:
        """Load (or reload) the group file; journaled with its text and SHA-256."""
        result = formats.load_group(path)
        group = result.value
        remember(self._store.conn, result.sha256, group)
        self._record(Kind.GROUP_LOADED, {
            "group": group.id, "name": {"ko": group.name.ko, "en": group.name.en},
            "text": result.text, "sha256": result.sha256, "source": str(path)})
        return Changes.of(None, GROUP, BOARD)

    def group(self) -> Group:
        row = queries.latest_group(self._store.conn)
        if row is None:
            raise InvalidInput.of("no group file is loaded yet: load one first (crisisdesk group load FILE)")
        return parse_group(row["text"], row["sha256"], self._store.conn)

    def has_group(self) -> bool:
        return queries.latest_group(self._store.conn) is not None

    def playbooks(self, dirs: list[Path] | None = None) -> list[tuple[Path, LoadResult[Playbook] | FormatError]]:
        """The playbook library (shipped, the site's group pack, the user's folder): (path,
        LoadResult or FormatError)."""
        group = self.group() if self.has_group() else None
        return formats.find_playbooks(self._site.playbook_dirs() if dirs is None else dirs, group)

    def find_playbook(self, ref: str | Path) -> LoadResult[Playbook]:
        """A playbook by file path, or by id from the library (highest version)."""
        group = self.group() if self.has_group() else None
        path = Path(ref)
        if path.suffix in (".yaml", ".yml") or path.exists():
            return formats.load_playbook(path, group)
        loaded = [r for _, r in formats.find_playbooks(self._site.playbook_dirs(), group)
                  if isinstance(r, formats.LoadResult)]
        found = [r for r in loaded if r.value.id == str(ref)]
        if not found:
            raise InvalidInput(f"no playbook '{ref}' in the library; give its file or one of: "
                               + ", ".join(sorted({r.value.id for r in loaded})))
        return max(found, key=lambda r: r.value.version)

    # -- events ----------------------------------------------------------------
    def activate(self, playbook: str | Path | LoadResult[Playbook], title: str, *, t0: datetime | None = None,
                 level: str | None = None, drill: bool = False, down: tuple[str, ...] = (),
                 note: str = "") -> Changes:
        """Activate an event from a playbook; the playbook and group texts are pinned in it."""
        result = playbook if isinstance(playbook, formats.LoadResult) else self.find_playbook(playbook)
        book, group = result.value, self.group()
        group_row = queries.latest_group(self._store.conn)
        assert group_row is not None  # self.group() above refused a desk without one
        if not title.strip():
            raise InvalidInput.of("an event needs a title")
        level = level or book.levels[0].id
        _check_level(book, level)
        for provider in down:
            _check_provider(group, provider)
        t0 = t0 or self._clock()
        if t0.tzinfo is None:
            raise InvalidInput.of("T0 needs a timezone")
        event_id = new_id()
        remember(self._store.conn, result.sha256, book)
        self._record(Kind.EVENT_ACTIVATED, {
            "event": event_id, "title": title.strip(), "t0": to_iso(t0), "drill": bool(drill),
            "level": level, "note": note,
            "playbook": {"id": book.id, "version": book.version, "sha256": result.sha256,
                         "text": result.text},
            "group": {"id": group.id, "sha256": group_row["sha256"], "text": group_row["text"]},
            "providers": [{"provider": p, "status": "down"} for p in down],
            "items": _item_rows(book, group, level, t0, existing=set()),
        })
        return Changes.of(event_id, EVENTS, BOARD, CHECKLIST, DUTIES, created=event_id)

    def change_level(self, event: str, level: str, reason: str) -> Changes:
        """Raise or lower the level; raising adds that level's items, lowering keeps all work."""
        ctx = self.open_event(event)
        _check_level(ctx.playbook, level)
        if not reason.strip():
            raise InvalidInput.of("say why the level changes (a reason is required)")
        if level == ctx.level:
            raise InvalidInput.of("the event is already at level '{level}'", level=level)
        existing = {(r["affiliate"], r["checklist"], r["item"])
                    for r in queries.items(self._store.conn, ctx.id)}
        self._record(Kind.EVENT_LEVEL_CHANGED, {
            "event": ctx.id, "level": level, "previous": ctx.level, "reason": reason.strip(),
            "items": _item_rows(ctx.playbook, ctx.group, level, ctx.t0, existing)})
        return Changes.of(ctx.id, EVENTS, BOARD, CHECKLIST)

    def set_provider(self, event: str, provider: str, status: str, note: str = "",
                     since: datetime | None = None) -> Changes:
        """Mark a provider down, degraded or restored."""
        ctx = self.open_event(event)
        _check_provider(ctx.group, provider)
        check_provider_status(status)
        self._record(Kind.EVENT_PROVIDER_CHANGED, {
            "event": ctx.id, "provider": provider, "status": status, "note": note,
            "since": to_iso(since or self._clock())})
        return Changes.of(ctx.id, BOARD, EVENTS)

    def close_event(self, event: str, reason: str) -> Changes:
        ctx = self.open_event(event)
        if not reason.strip():
            raise InvalidInput.of("say why the event is closed (a reason is required)")
        self._record(Kind.EVENT_CLOSED, {"event": ctx.id, "reason": reason.strip()})
        return Changes.of(ctx.id, EVENTS, BOARD)

    def reopen_event(self, event: str, reason: str) -> Changes:
        ctx = self.event(event)
        if ctx.is_open:
            raise InvalidInput.of("the event is already open")
        if not reason.strip():
            raise InvalidInput.of("say why the event is reopened (a reason is required)")
        self._record(Kind.EVENT_REOPENED, {"event": ctx.id, "reason": reason.strip()})
        return Changes.of(ctx.id, EVENTS, BOARD)

    # -- looking events up -----------------------------------------------------
    def event(self, event: str | None = None) -> Event:
        """An event by id (or unique prefix); without one, the only open event."""
        if event is None:
            open_events = queries.events(self._store.conn, "open")
            if not open_events:
                raise InvalidInput.of("no open event: activate one, or name the event")
            if len(open_events) > 1:
                listing = ", ".join(f"{e['id'][:8]} {e['title']}" for e in open_events)
                raise InvalidInput.of("several events are open; name one ({listing})", listing=listing)
            event = open_events[0]["id"]
        try:
            return event_context(queries.event(self._store.conn, event), self._store.conn)
        except StoreError as exc:
            raise InvalidInput(str(exc)) from None

    def open_event(self, event: str | None) -> Event:
        ctx = self.event(event)
        if not ctx.is_open:
            raise InvalidInput.of("event '{title}' is closed; reopen it to change it", title=ctx.record.title)
        return ctx

    def event_records(self, status: str | None = None) -> list[EventRecord]:
        """The events (open or closed ones only with `status`), latest T0 first."""
        return [event_record(row) for row in queries.events(self._store.conn, status)]


def _item_rows(playbook: Playbook, group: Group, level: str, t0: datetime,
               existing: set[tuple[str, str, str]]) -> list[list[object]]:
    """[affiliate, checklist, item, due, critical, owner] for every item applicable at `level`:
    the group desk's own (affiliate GROUP_DESK) once, then each affiliate's."""
    doers = [(GROUP_DESK, GROUP_SCOPE)] + [(a.id, a.sector) for a in group.affiliates]
    rows = []
    for doer, sector in doers:
        for checklist, item in applicable_items(playbook, sector, level):
            if (doer, checklist.id, item.id) in existing:
                continue
            due = resolve_due(t0, item, group.holidays, group.timezone)
            rows.append([doer, checklist.id, item.id, to_iso(due), int(item.critical), item.owner])
    return rows
