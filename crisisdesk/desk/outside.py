"""Changes written to the desk database by another program (the CLI, `exchange watch`, a second
window): noticed by SQLite's data version, described as the `Changes` a command of this desk returns."""

from __future__ import annotations

from crisisdesk.desk.changes import (
    BOARD,
    CHECKLIST,
    DECISIONS,
    DUTIES,
    EVERYTHING,
    IMPACT,
    NOTICES,
    REPORTS,
    TIMELINE,
    Changes,
)
from crisisdesk.desk.writer import DeskService
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.store import queries

# What each kind of entry changes, as the desk's own commands say it (an unknown kind: everything).
KINDS: dict[str, set[str]] = {
    Kind.CHECKLIST_CHANGED: {CHECKLIST, BOARD},
    Kind.SERVICE_ASSESSED: {IMPACT, BOARD},
    Kind.IMPACT_ANSWERED: {IMPACT, BOARD},
    Kind.NOTICE_COMPOSED: {NOTICES}, Kind.NOTICE_EDITED: {NOTICES},
    Kind.NOTICE_POSTED: {NOTICES, BOARD}, Kind.NOTICE_WITHDRAWN: {NOTICES},
    Kind.DUTY_CHANGED: {DUTIES, BOARD}, Kind.ALERT_RECORDED: {BOARD}, Kind.OUTLOOK_SET: {BOARD},
    Kind.MEETING_OPENED: {DECISIONS}, Kind.MEETING_CLOSED: {DECISIONS},
    Kind.DECISION_RECORDED: {DECISIONS, BOARD}, Kind.ACTION_CREATED: {DECISIONS}, Kind.ACTION_CHANGED: {DECISIONS},
    Kind.REPORT_DRAFTED: {REPORTS}, Kind.REPORT_APPROVED: {REPORTS}, Kind.REPORT_ISSUED: {REPORTS},
    Kind.DESK_INITIALISED: set(), Kind.DESK_ENROLLED: set(), Kind.DESK_REVOKED: set(),
    Kind.DESK_RESTORE_NOTICED: set(), Kind.DESK_OWN_RETURNED: set(),
}
AT_MOST = 10_000  # entries described one by one; beyond, everything of every event is refreshed


class OutsideChanges(DeskService):
    """Changes another program wrote to this desk's file."""

    _outside: tuple[int, int] | None = None  # (data version, journal head) when last asked

    def outside_changes(self) -> list[Changes]:
        """What other programs wrote since the last call (the first call only notes where things are).

        Cheap when nothing happened (the journal's head and one PRAGMA); the entries since the last
        head are read otherwise. SQLite's data version moves only for other connections' commits, so
        this desk's own commands (announced by themselves) are passed over while nobody else writes."""
        conn = self._store.conn
        head = self._store.head()[0]  # before the version: a commit in between is seen next time
        version = queries.data_version(conn)
        seen = self._outside
        self._outside = (version, head)
        if seen is None or seen[0] == version or head == seen[1]:
            return []  # nothing from elsewhere (this desk's own entries since are passed over)
        return describe(queries.entries_after(conn, seen[1], AT_MOST + 1))


def describe(entries: list[tuple[int, str, str, str]]) -> list[Changes]:
    """One `Changes` per event the entries touch (and one without an event for group-wide ones)."""
    if len(entries) > AT_MOST:
        return [Changes(kinds=EVERYTHING)]
    kinds: dict[str, set[str]] = {}
    affiliates: dict[str, set[str] | None] = {}
    for _, kind, event, affiliate in entries:
        known = KINDS.get(kind)
        if known is not None and not known:
            continue
        kinds.setdefault(event, set()).update(EVERYTHING if known is None else known)
        if known is None or not affiliate:
            affiliates[event] = None  # the whole event
        elif (named := affiliates.setdefault(event, set())) is not None:
            named.add(affiliate)
    return [Changes(event=event or None, kinds=frozenset(found | {TIMELINE}),
                    affiliates=frozenset(affiliates.get(event) or ()))
            for event, found in kinds.items()]
