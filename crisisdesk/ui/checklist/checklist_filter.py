"""Filters of the checklist: affiliate, overdue, critical, mine (by role), not done.

Plain Python over the model's items (no proxy model): the checklist model applies them to its own
rows, in list comprehensions, so a filter over 50,000 items takes milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from crisisdesk.domain.checklist import CLOSED_STATES
from crisisdesk.domain.read_models import ItemView

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
    same order. One comprehension per filter, over plain lists: 50,000 items in milliseconds."""
    pairs: Iterable[tuple[K, ItemView]] = zip(keys, items, strict=True)
    if f.affiliate:
        pairs = [(k, i) for k, i in pairs if i.affiliate == f.affiliate]
    if f.not_done or f.overdue:
        pairs = [(k, i) for k, i in pairs if i.state not in CLOSED_STATES]
    if f.overdue:
        pairs = [(k, i) for k, i in pairs if i.due is not None and now > i.due]
    if f.critical:
        pairs = [(k, i) for k, i in pairs if i.critical]
    if f.mine:
        pairs = [(k, i) for k, i in pairs if i.owner == f.role]
    return [k for k, _ in pairs]
