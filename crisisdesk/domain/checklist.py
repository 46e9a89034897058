"""Checklist items: their states, which apply, when they are late, and progress."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.playbook import GROUP_SCOPE, Checklist, ChecklistItem, Playbook


class Check(StrEnum):
    """The states of a checklist item (each equal to the word stored in the journal)."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    NA = "n/a"
    BLOCKED = "blocked"


STATES = tuple(Check)
CLOSED_STATES = frozenset({Check.DONE, Check.NA})
DUE_SOON = timedelta(minutes=30)


@dataclass(frozen=True)
class ItemState:
    """What a person set on an item."""

    state: str = Check.TODO
    assignee: str = ""
    note: str = ""
    evidence: str = ""
    reason: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"state": self.state, "assignee": self.assignee, "note": self.note,
                "evidence": self.evidence, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ItemState:
        return cls(**{k: data.get(k, "") or "" for k in ("assignee", "note", "evidence", "reason")},
                   state=data.get("state", Check.TODO))

    def changed(self, *, state: str | None = None, assignee: str | None = None, note: str | None = None,
                evidence: str | None = None, reason: str | None = None) -> ItemState:
        """The values after a change: fields given as None keep theirs (text stripped); leaving
        'blocked' clears the reason unless a new one is given. Refused when the rules say no."""
        new_state = self.state if state is None else state
        if reason is None:
            reason = self.reason if new_state == Check.BLOCKED else ""
        after = ItemState(
            state=new_state,
            assignee=self.assignee if assignee is None else assignee.strip(),
            note=self.note if note is None else note.strip(),
            evidence=self.evidence if evidence is None else evidence.strip(),
            reason=reason.strip())
        check_state(after)
        return after


def check_state(new: ItemState) -> None:
    """Refuse a state the rules do not allow."""
    if new.state not in STATES:
        raise InvalidInput.of("unknown state '{state}' (states: {listing})", state=new.state,
                              listing=", ".join(STATES))
    if new.state == Check.BLOCKED and not new.reason.strip():
        raise InvalidInput.of("a blocked item needs a reason: say what blocks it")


class ChangedMeanwhile(InvalidInput):
    """The item was changed by someone else after the state a change was made against; nothing saved.

    Carries what the item holds now, so an interface can show it and ask whether to apply anyway.
    """

    current: ItemState = ItemState()
    entry: str = ""  # the journal entry of the change made meanwhile: the state to apply against
    by: str = ""
    at: str = ""


def check_unchanged(seen: str | None, entry: str, current: ItemState, *, item: str, by: str,
                    at: str) -> None:
    """Refuse a change made against an older state of an item: `seen` is the journal entry of the
    item's last change as the person saw it ('' when it was never changed), `entry` the last change
    the desk holds. None skips the rule (the CLI changes what is stored, by name).

    Without it a screen that had not yet shown someone's tick could silently undo it."""
    if seen is None or seen == entry:
        return
    error = ChangedMeanwhile.of(
        "item '{item}' was changed meanwhile by {by} ({at}): it is now {state}; nothing was saved",
        item=item, by=by or "?", at=at, state=current.state)
    error.current, error.entry, error.by, error.at = current, entry, by, at
    raise error


def applicable_items(playbook: Playbook, sector: str, level: str) -> list[tuple[Checklist, ChecklistItem]]:
    """Items for `all` and for `sector` whose `from_level` is at or below `level`; with the
    sector GROUP_SCOPE, the items the group desk does once."""
    rank = playbook.level_index(level)
    found = []
    for checklist in playbook.checklists:
        if not (checklist.for_group if sector == GROUP_SCOPE else checklist.applies(sector)):
            continue
        for item in checklist.items:
            if item.from_level is None or playbook.level_index(item.from_level) <= rank:
                found.append((checklist, item))
    return found


def is_open(state: str) -> bool:
    return state not in CLOSED_STATES


def is_overdue(due: datetime | None, state: str, now: datetime) -> bool:
    return due is not None and is_open(state) and now > due


def is_due_soon(due: datetime | None, state: str, now: datetime, window: timedelta = DUE_SOON) -> bool:
    return due is not None and is_open(state) and now <= due <= now + window


@dataclass(frozen=True)
class Progress:
    applicable: int = 0
    closed: int = 0
    critical: int = 0
    critical_closed: int = 0
    overdue: int = 0
    overdue_critical: int = 0

    @property
    def ratio(self) -> float:
        return self.closed / self.applicable if self.applicable else 1.0

    @property
    def percent(self) -> int:
        return round(self.ratio * 100)

    def __add__(self, other: Progress) -> Progress:
        return Progress(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        return (self.applicable, self.closed, self.critical, self.critical_closed, self.overdue,
                self.overdue_critical)


def progress(items: list[tuple[str, bool, datetime | None]], now: datetime) -> Progress:
    """Progress over (state, critical, due) triples: closed = done + n/a."""
    applicable = closed = critical = critical_closed = overdue = overdue_critical = 0
    for state, is_critical, due in items:
        applicable += 1
        done = state in CLOSED_STATES
        closed += done
        critical += is_critical
        critical_closed += is_critical and done
        late = is_overdue(due, state, now)
        overdue += late
        overdue_critical += late and is_critical
    return Progress(applicable, closed, critical, critical_closed, overdue, overdue_critical)
