"""Filters of the checklist: affiliate, overdue, critical, mine (by role), not done.

Plain Python over the model's items (no proxy model): the checklist model applies them to its own
rows, in list comprehensions, so a filter over 50,000 items takes milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from itertools import compress
from operator import and_
from typing import TypeVar

from crisisdesk.domain.checklist import CLOSED_STATES
from crisisdesk.domain.read_models import ItemView
from crisisdesk.ui.checklist.checklist_rows import Flags, Key

K = TypeVar("K")


@dataclass(frozen=True)
class Filters:
    affiliate: str = ""
    overdue: bool = False
    critical: bool = False
    mine: bool = False
    not_done: bool = False
    role: str = ""  # my role, for `mine`


def passes(item: ItemView, f: Filters, now: datetime) -> bool:
    """Whether one item is shown under `f`."""
    return bool(shown([0], [item], f, now))


def shown(keys: Sequence[K], items: Sequence[ItemView], f: Filters, now: datetime) -> list[K]:
    """The keys of the items shown under `f`, in their order; `items` are the items of `keys`, in the
    same order. One comprehension of booleans per filter, applied by `compress` (C speed): 50,000 items
    in milliseconds."""
    tests = []
    if f.affiliate:
        tests.append(lambda found: [i.affiliate == f.affiliate for i in found])
    if f.not_done or f.overdue:
        tests.append(lambda found: [i.state not in CLOSED_STATES for i in found])
    if f.overdue:
        tests.append(lambda found: [i.due is not None and now > i.due for i in found])
    if f.critical:
        tests.append(lambda found: [i.critical for i in found])
    if f.mine:
        tests.append(lambda found: [i.owner == f.role for i in found])
    found_keys, found_items = list(keys), list(items)
    for test in tests:
        mask = test(found_items)
        found_keys, found_items = list(compress(found_keys, mask)), list(compress(found_items, mask))
    return found_keys


def shown_flagged(flags: Flags, f: Filters, now: datetime) -> list[Key]:
    """The keys of all the items `flags` lists that are shown under `f` (its affiliate aside), in order:
    the same as `shown`, read from the lists `Flags` keeps (a few milliseconds for 50,000 items)."""
    masks: list[list[bool]] = []
    if f.not_done or f.overdue:
        masks.append(flags.open)
    if f.overdue:
        moment = now.timestamp()
        masks.append([moment > due for due in flags.due])
    if f.critical:
        masks.append(flags.critical)
    if f.mine:
        role = f.role
        masks.append([owner == role for owner in flags.owner])
    if not masks:
        return list(flags.keys)
    return list(compress(flags.keys, reduce(lambda a, b: list(map(and_, a, b)), masks)))
