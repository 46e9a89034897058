"""An event: its stored record, and the playbook and group file pinned in it when it was activated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import GROUP_DESK, Affiliate, Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.domain.text import Text


@dataclass(frozen=True)
class EventRecord:
    """An event as stored: what it is, where it stands, what it was activated from."""

    id: str
    title: str
    t0: datetime
    drill: bool
    note: str
    level: str
    status: str  # open | closed
    status_reason: str
    closed_at: datetime | None
    activated_at: datetime
    activated_by: str
    playbook_id: str
    playbook_version: int
    group_id: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class Event:
    """The one name of an event across the desk, the window and the command line."""

    record: EventRecord
    playbook: Playbook
    group: Group

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def t0(self) -> datetime:
        return self.record.t0

    @property
    def drill(self) -> bool:
        return self.record.drill

    @property
    def level(self) -> str:
        return self.record.level

    @property
    def status(self) -> str:
        return self.record.status

    @property
    def note(self) -> str:
        """The activation note: what happened and the cause as known."""
        return self.record.note

    @property
    def is_open(self) -> bool:
        return self.record.is_open

    def elapsed(self, now: datetime) -> timedelta:
        return now - self.t0

    @property
    def level_rank(self) -> int:
        return self.playbook.level_index(self.level)

    @property
    def level_title(self) -> Text:
        return self.playbook.level(self.level).title

    @property
    def timezone(self) -> str:
        return self.group.timezone

    def affiliate(self, affiliate_id: str) -> Affiliate:
        try:
            return self.group.affiliate(affiliate_id)
        except KeyError:
            known = ", ".join(a.id for a in self.group.affiliates)
            raise InvalidInput.of("unknown affiliate '{affiliate}' (affiliates: {known})",
                                  affiliate=affiliate_id, known=known) from None

    def check_doer(self, affiliate_id: str) -> None:
        """An affiliate of the group, or GROUP_DESK for the group desk's own items and duties."""
        if affiliate_id != GROUP_DESK:
            try:
                self.group.affiliate(affiliate_id)
            except KeyError:
                known = ", ".join([GROUP_DESK, *(a.id for a in self.group.affiliates)])
                raise InvalidInput.of("unknown affiliate '{affiliate}' (affiliates: {known})",
                                      affiliate=affiliate_id, known=known) from None

    def affiliate_name(self, affiliate: str) -> Text:
        """The affiliate's name; the group's own name for the group desk's items and duties."""
        if affiliate == GROUP_DESK:
            return self.group.name
        try:
            return self.group.affiliate(affiliate).name
        except KeyError:
            return Text.plain(affiliate)

    def role_title(self, role: str) -> Text:
        try:
            return self.playbook.role(role).title
        except KeyError:
            return Text.plain(role)
