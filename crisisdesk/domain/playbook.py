"""Playbooks: levels, roles, impact questions, checklists, notices, reporting duties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from crisisdesk.domain.drill import Inject
from crisisdesk.domain.text import Text

IMPACT_KINDS = ("text", "integer", "money", "choice", "boolean", "datetime", "services")
SERVICE_STATUSES = ("normal", "degraded", "down", "n/a")
NOTICE_CHANNELS = ("web", "app", "sms", "branch", "call-center")
GROUP_SCOPE = "group"  # applies_to of checklists the group desk does once
# What an impact field measures, for the customer-impact totals and the reporting thresholds.
MEASURES = ("aware-at", "customers", "transactions", "amount", "complaints", "fss-complaints",
            "calls", "answer-rate", "claims")
UNSUMMED_MEASURES = frozenset({"aware-at", "answer-rate"})
DUTY_KINDS = ("initial", "intermediate", "final", "status", "other")
DUTY_FILERS = ("licensed", "group")
DUTY_STARTS = ("awareness", "activation", "closure")
DUTY_BASES = ("rule", "target")


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
    measure: str = ""  # one of MEASURES, or "" for none


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
    applies_to: tuple[str, ...]  # ("all",), ("group",) or sector slugs
    items: tuple[ChecklistItem, ...]

    @property
    def for_group(self) -> bool:
        """Done once by the group desk, not by each affiliate."""
        return self.applies_to == (GROUP_SCOPE,)

    def applies(self, sector: str) -> bool:
        return "all" in self.applies_to or sector in self.applies_to


@dataclass(frozen=True)
class NoticeTemplate:
    id: str
    channel: str
    title: Text
    body: Text


@dataclass(frozen=True)
class Threshold:
    """A reporting trigger: all of its parts must be met (a service down this long, this many
    customers affected)."""

    outage: timedelta | None = None
    customers: int | None = None


@dataclass(frozen=True)
class ReportingDuty:
    """A report owed outward. The defaults are what a version-1 duty means: the group files once,
    `due` after activation, the group's own target."""

    id: str
    to: Text
    due: timedelta
    title: Text
    kind: str = "other"  # initial | intermediate | final | status | other
    filer: str = "group"  # licensed: each licensed affiliate files its own | group: once
    sectors: tuple[str, ...] = ()  # only affiliates of these sectors (empty: any)
    when: tuple[Threshold, ...] = ()  # the duty exists once any is met (empty: always)
    start: str = "activation"  # awareness | activation | closure
    every: timedelta | None = None  # recurs after the first deadline
    basis: str = "target"  # rule (a regulation's deadline) | target (the group's own)
    guidance: Text = Text()
    target: timedelta | None = None  # the group's own earlier target beside a rule's deadline


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
    injects: tuple[Inject, ...] = ()  # a drill scenario's timed injects (playbook/3)

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

    def measured(self, measure: str) -> ImpactField | None:
        """The impact field that measures `measure`, if any."""
        return next((f for f in self.impact if f.measure == measure), None)

    def inject(self, inject_id: str) -> Inject:
        for i in self.injects:
            if i.id == inject_id:
                return i
        raise KeyError(inject_id)
