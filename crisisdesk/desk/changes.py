"""What a command changed, so the UI refreshes only the views that care."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

BOARD = "board"
EVENTS = "events"
CHECKLIST = "checklist"
IMPACT = "impact"
DECISIONS = "decisions"
NOTICES = "notices"
DUTIES = "duties"
TIMELINE = "timeline"
REPORTS = "reports"
GROUP = "group"
EVERYTHING = frozenset({BOARD, CHECKLIST, DECISIONS, DUTIES, EVENTS, GROUP, IMPACT, NOTICES, REPORTS,
                        TIMELINE})  # what to refresh when what changed is not known


@dataclass(frozen=True)
class Changes:
    event: str | None = None
    affiliates: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    created: str = ""  # id of what the command created (event, meeting, decision, action, notice)

    @classmethod
    def of(cls, event: str | None, *kinds: str, affiliates: Iterable[str] = (), created: str = "") -> Changes:
        return cls(event=event, affiliates=frozenset(affiliates), kinds=frozenset((*kinds, TIMELINE)),
                   created=created)

    def touches(self, kind: str) -> bool:
        return kind in self.kinds
