"""Playbooks: levels, roles, impact questions, checklists, notices, reporting duties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from crisisdesk.domain.text import Text

IMPACT_KINDS = ("text", "integer", "money", "choice", "boolean", "datetime", "services")
SERVICE_STATUSES = ("normal", "degraded", "down", "n/a")
NOTICE_CHANNELS = ("web", "app", "sms", "branch", "call-center")


@dataclass(frozen=True)
class Level:
    id: str
    title: Text
    criteria: Text = Text()


@dataclass(frozen=True)
class Role:
    id: str
    title: Text


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text


@dataclass(frozen=True)
class ImpactField:
    id: str
    kind: str
    label: Text
    choices: tuple[Choice, ...] = ()
    help: Text = Text()


@dataclass(frozen=True)
class DueAt:
    """A wall-clock anchor such as `next-business-day 08:00`."""

    anchor: str  # currently only "next-business-day"
    at: time


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    title: Text
    owner: str  # a role id
    due: timedelta | None = None
    due_at: DueAt | None = None
    critical: bool = False
    from_level: str | None = None
    guidance: Text = Text()


@dataclass(frozen=True)
class Checklist:
    id: str
    title: Text
    applies_to: tuple[str, ...]  # ("all",) or sector slugs
    items: tuple[ChecklistItem, ...]

    def applies(self, sector: str) -> bool:
        return "all" in self.applies_to or sector in self.applies_to


@dataclass(frozen=True)
class NoticeTemplate:
    id: str
    channel: str
    title: Text
    body: Text


@dataclass(frozen=True)
class ReportingDuty:
    id: str
    to: Text
    due: timedelta
    title: Text


@dataclass(frozen=True)
class Playbook:
    id: str
    version: int
    title: Text
    reviewed: date
    summary: Text
    levels: tuple[Level, ...]
    roles: tuple[Role, ...]
    impact: tuple[ImpactField, ...]
    checklists: tuple[Checklist, ...]
    triggers: tuple[str, ...] = ()
    notices: tuple[NoticeTemplate, ...] = ()
    reporting: tuple[ReportingDuty, ...] = ()

    def level_index(self, level_id: str) -> int:
        for i, lv in enumerate(self.levels):
            if lv.id == level_id:
                return i
        raise KeyError(level_id)

    def level(self, level_id: str) -> Level:
        return self.levels[self.level_index(level_id)]

    def role(self, role_id: str) -> Role:
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)

    def impact_field(self, field_id: str) -> ImpactField:
        for f in self.impact:
            if f.id == field_id:
                return f
        raise KeyError(field_id)
