"""What every panel needs to know about the open event: its playbook, group and state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisdesk.domain.group import GROUP_DESK, Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.domain.read_models import AlertView
from crisisdesk.domain.text import Text


@dataclass(frozen=True)
class EventInfo:
    id: str
    title: str
    t0: datetime
    drill: bool
    level: str
    status: str
    playbook: Playbook
    group: Group
    alerts: tuple[AlertView, ...] = ()

    @property
    def level_rank(self) -> int:
        return self.playbook.level_index(self.level)

    @property
    def level_title(self) -> Text:
        return self.playbook.level(self.level).title

    @property
    def timezone(self) -> str:
        return self.group.timezone

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


@dataclass(frozen=True)
class OpenEvent:
    """One row of the event picker."""

    id: str
    title: str
    drill: bool


def load_event_info(desk, event_id: str) -> EventInfo:
    """Runs in the executor thread."""
    ctx = desk.events.event(event_id)
    record = ctx.record
    return EventInfo(id=record.id, title=record.title, t0=record.t0, drill=record.drill,
                     level=record.level, status=record.status, playbook=ctx.playbook,
                     group=ctx.group, alerts=tuple(desk.views.alerts(ctx.id)))


def open_events(desk) -> list[OpenEvent]:
    """Runs in the executor thread."""
    return [OpenEvent(r.id, r.title, r.drill) for r in desk.events.event_records("open")]
