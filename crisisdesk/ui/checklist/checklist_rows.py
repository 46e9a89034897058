"""The checklist's rows as plain Python: the items in order, indexed and counted, and the rows shown
(a phase's header row, then its items). No Qt: built in the executor thread for a first load."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from itertools import groupby
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
    """The rows shown: a phase's header row (key ("", phase)) before its items (their keys)."""

    __slots__ = ("keys", "where", "phases", "totals")

    def __init__(self, items: list[Key]):
        self.keys: list[tuple[str, ...]] = []
        self.phases: list[int] = []  # the header rows
        self.totals: dict[str, int] = {}  # items shown per phase
        for phase, group in groupby(items, key=itemgetter(1)):
            self.phases.append(len(self.keys))
            self.keys.append(("", phase))
            self.keys.extend(group)
            self.totals[phase] = len(self.keys) - self.phases[-1] - 1
        self.where = dict(zip(self.keys, range(len(self.keys)), strict=True))

    def without(self, first: int, last: int) -> Rows:
        """The rows once `first`..`last` are taken away."""
        rows = Rows([])
        rows.keys = self.keys[:first] + self.keys[last + 1:]
        gone = last - first + 1
        rows.phases = [n if n < first else n - gone for n in self.phases if not first <= n <= last]
        rows.totals = dict(self.totals)
        rows.where = dict(self.where)
        for key in self.keys[first:last + 1]:
            del rows.where[key]
            if key[0]:
                rows.totals[key[1]] -= 1
        keys = rows.keys
        for n in range(first, len(keys)):
            rows.where[keys[n]] = n
        return rows


class Loaded:
    """Every item of a checklist, prepared for the model: in order, indexed by affiliate, the closed ones
    counted, the rows of all of them laid out. Plain Python, built in the executor thread (`load`), so a
    first load of 50,000 items costs the UI thread a model reset only."""

    __slots__ = ("all", "by_affiliate", "titles", "closed", "unfiltered")

    def __init__(self, items: list[ItemView]):
        self.all: dict[Key, ItemView] = {key_of(i): i for i in items}
        self.by_affiliate: dict[str, list[Key]] = {}
        for key in self.all:
            self.by_affiliate.setdefault(key[0], []).append(key)
        self.titles = {i.checklist: i.checklist_title for i in items}
        self.closed: dict[str, Counter[str]] = {}
        count_closed(self.closed, items, +1)
        self.unfiltered = {"": Rows(list(self.all))}


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
