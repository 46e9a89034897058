"""Drill scenarios: timed injects that a drill controller releases (or that release themselves at
their time) in a drill event, and the responses the desks record to them.

An inject is part of a playbook (`format: crisisdesk.playbook/3`, `injects:`); it is released
into a drill event only, never into a real one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisdesk.domain.text import Text

INJECT_KINDS = ("provider", "complaints", "press", "fss-request", "message")
INJECT_PROVIDER_STATUSES = ("down", "degraded", "restored")
RELEASED_BY = ("controller", "schedule")  # released by hand, or by the desk at the inject's time
DRILL_BANNER = Text("모의훈련 — 실제 상황 아님", "DRILL — not a real incident")

INJECT_KIND_NAMES = {
    "provider": Text("외부 서비스 상태 변화", "Provider status change"),
    "complaints": Text("고객 민원 급증", "Customer complaint surge"),
    "press": Text("언론 취재 문의", "Press enquiry"),
    "fss-request": Text("금융감독원 자료 요구", "FSS data request"),
    "message": Text("상황 전파", "Message"),
}

_OFFSET = re.compile(r"(?:T\+)?(\d{1,3}):([0-5]\d)")


def parse_offset(text: str) -> timedelta:
    """`T+h:mm` or `h:mm` (from T0) as a duration; ValueError with a message otherwise."""
    match = _OFFSET.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"expected a time after T0 such as \"0:30\" or \"T+2:15\" (h:mm), got {text!r}")
    return timedelta(hours=int(match.group(1)), minutes=int(match.group(2)))


def format_offset(offset: timedelta) -> str:
    """`T+h:mm` (negative offsets as `T-h:mm`)."""
    sign = "-" if offset < timedelta(0) else "+"
    minutes = int(abs(offset).total_seconds()) // 60
    return f"T{sign}{minutes // 60}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Inject:
    """One timed inject of a drill scenario."""

    id: str
    at: timedelta  # after T0
    kind: str  # one of INJECT_KINDS
    text: Text  # what the controller announces (Korean first)
    provider: str = ""  # kind provider: which provider
    status: str = ""  # kind provider: down | degraded | restored
    affiliate: str = ""  # the affiliate it is addressed to ("" for the whole group)
    measures: tuple[tuple[str, int], ...] = ()  # kind complaints: (measure, value) set by the inject
    respond_within: timedelta | None = None  # a response is expected this long after release

    def due_at(self, t0: datetime) -> datetime:
        return t0 + self.at


@dataclass(frozen=True)
class InjectStatus:
    """An inject of a drill event as the controller's list shows it."""

    inject: Inject
    due: datetime  # T0 + at
    released_at: datetime | None = None
    released_by: str = ""  # controller | schedule
    responses: tuple[tuple[str, datetime], ...] = ()  # (affiliate, when)

    @property
    def released(self) -> bool:
        return self.released_at is not None


def due_injects(injects: tuple[Inject, ...], t0: datetime, now: datetime,
                released: set[str] | frozenset[str]) -> list[Inject]:
    """The injects whose time has come at `now` and that are not released yet, in time order."""
    return sorted((i for i in injects if i.id not in released and t0 + i.at <= now),
                  key=lambda i: (i.at, i.id))
