"""The checklist's rows as plain Python: the items in order, indexed and counted, and the rows shown
(a phase's header row, then its items). No Qt: built in the executor thread for a first load."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from itertools import groupby
from math import inf
from operator import itemgetter

from crisisdesk.domain.checklist import CLOSED_STATES, ItemState, is_due_soon, is_overdue
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import ItemView

Key = tuple[str, str, str]  # affiliate, checklist, item


def key_of(item: ItemView) -> Key:
    return (item.affiliate, item.checklist, item.item)


def ordered(items: Iterable[ItemView], info: Event | None) -> list[ItemView]:
    """The items in the checklist's order: phase, affiliate (the group's order), item (the playbook's).

    Plain Python: the panel sorts in the executor thread, so a first load of 50,000 items does not
    sort in the UI thread.
    """
    book = info.playbook if info else None
    group = info.group if info else None
    phase_order = {c.id: i for i, c in enumerate(book.checklists)} if book else {}
    item_order = {(c.id, it.id): i for c in book.checklists for i, it in enumerate(c.items)} if book else {}
    aff_order = {a.id: i for i, a in enumerate(group.affiliates)} if group else {}
    return sorted(items, key=lambda i: (phase_order.get(i.checklist, 99), i.checklist,
                                        aff_order.get(i.affiliate, 99), i.affiliate,
                                        item_order.get((i.checklist, i.item), 999), i.item))


def as_saved(item: ItemView, changes: dict[str, str], now: datetime) -> ItemView | None:
    """The item as it will look once `changes` are saved, by the domain's rules (drawn at once,
    before the desk answers); None when the rules refuse them (the desk then says why)."""
    before = ItemState(item.state, item.assignee, item.note, item.evidence, item.reason)
    try:
        after = before.changed(**changes)
    except InvalidInput:
        return None
    return replace(item, **after.as_dict(), overdue=is_overdue(item.due, after.state, now),
                   due_soon=is_due_soon(item.due, after.state, now))


class Rows:
    """The rows shown: a phase's header row (key ("", phase)) before its items (their keys).

    The row of a key (`row_of`) is looked up in the list until a second lookup asks for it: indexing
    15,000 keys by hand takes 5-15 ms, more than laying the rows out, and a filter toggled shows the
    rows at once but looks up one key (the current item) at most."""

    __slots__ = ("keys", "phases", "totals", "_where")

    def __init__(self, items: list[Key]):
        self.keys: list[tuple[str, ...]] = []
        self.phases: list[int] = []  # the header rows
        self.totals: dict[str, int] = {}  # items shown per phase
        for phase, group in groupby(items, key=itemgetter(1)):
            self.phases.append(len(self.keys))
            self.keys.append(("", phase))
            self.keys.extend(group)
            self.totals[phase] = len(self.keys) - self.phases[-1] - 1
        self._where: dict[tuple[str, ...], int] | None = None  # None: not indexed yet; {}: looked up once

    def row_of(self, key: tuple[str, ...]) -> int | None:
        """The row showing `key` (None when it is not shown)."""
        if self._where is None:
            self._where = {}
            try:
                return self.keys.index(key)
            except ValueError:
                return None
        where = self._where if self._where or not self.keys else self.index()._where
        return where.get(key) if where is not None else None

    def index(self) -> Rows:
        """Index every key's row now (in the executor, for the rows a first load shows)."""
        self._where = dict(zip(self.keys, range(len(self.keys)), strict=True))
        return self

    def without(self, first: int, last: int) -> Rows:
        """The rows once `first`..`last` are taken away."""
        rows = Rows([])
        rows.keys = self.keys[:first] + self.keys[last + 1:]
        gone = last - first + 1
        rows.phases = [n if n < first else n - gone for n in self.phases if not first <= n <= last]
        rows.totals = dict(self.totals)
        for key in self.keys[first:last + 1]:
            if key[0]:
                rows.totals[key[1]] -= 1
        return rows


class Flags:
    """What the filters read of every item, as lists in the checklist's order (one entry per item): open
    (not done or n/a), critical, due (a timestamp; infinity for none) and owner. A filter over 50,000
    items is then a few passes over lists of booleans and numbers, not over 50,000 objects scattered in
    memory (reading `state` of each took 20-60 ms); `update` keeps them as items change."""

    __slots__ = ("keys", "at", "open", "critical", "due", "owner")

    def __init__(self, items: list[ItemView]):
        self.keys: list[Key] = [key_of(i) for i in items]
        self.at: dict[Key, int] = dict(zip(self.keys, range(len(self.keys)), strict=True))
        self.open = [i.state not in CLOSED_STATES for i in items]
        self.critical = [i.critical for i in items]
        self.due = [_timestamp(i.due) for i in items]
        self.owner = [i.owner for i in items]

    def update(self, item: ItemView) -> None:
        """New values of an item held (an item not held is left out: its rows are laid out anew)."""
        n = self.at.get(key_of(item))
        if n is not None:
            self.open[n] = item.state not in CLOSED_STATES
            self.critical[n] = item.critical
            self.due[n] = _timestamp(item.due)
            self.owner[n] = item.owner


def _timestamp(moment: datetime | None) -> float:
    return inf if moment is None else moment.timestamp()


class Loaded:
    """Every item of a checklist, prepared for the model: in order, indexed by affiliate, the closed ones
    counted, what the filters read listed, the rows of all of them laid out. Plain Python, built in the
    executor thread (`load`), so a first load of 50,000 items costs the UI thread a model reset only."""

    __slots__ = ("all", "by_affiliate", "titles", "closed", "unfiltered", "flags")

    def __init__(self, items: list[ItemView]):
        self.all: dict[Key, ItemView] = {key_of(i): i for i in items}
        self.by_affiliate: dict[str, list[Key]] = {}
        for key in self.all:
            self.by_affiliate.setdefault(key[0], []).append(key)
        self.titles = {i.checklist: i.checklist_title for i in items}
        self.closed: dict[str, Counter[str]] = {}
        count_closed(self.closed, items, +1)
        self.unfiltered = {"": Rows(list(self.all)).index()}
        self.flags = Flags(list(self.all.values()))


def load(items: Iterable[ItemView], info: Event | None) -> Loaded:
    """The items put in order and prepared for `ChecklistModel.set_loaded` (call it off the UI thread)."""
    return Loaded(ordered(items, info))


def count_closed(closed: dict[str, Counter[str]], items: Iterable[ItemView], sign: int) -> None:
    """Add (sign +1) or take away (-1) the closed ones of `items` from the counts per affiliate ('' all)
    and phase."""
    for item in items:
        if item.state in CLOSED_STATES:
            for affiliate in (item.affiliate, ""):
                counts = closed.setdefault(affiliate, Counter())
                counts[item.checklist] += sign
