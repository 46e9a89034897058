"""What the panels ask of the desk, as small protocols.

A desk is reached through its services (`desk.views`, `desk.communications`, ...); a panel's
protocol names the services it uses and, for each, the methods its executor jobs call. A panel can
so be tested with a small fake that implements them (tests/ui/test_panels_with_fakes.py), and the
real `Desk` is checked to provide every one of them (the same tests).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from crisisdesk.desk.changes import Changes
from crisisdesk.domain.read_models import (
    AlertView,
    Board,
    DutyView,
    NoticeView,
    TimelineEntry,
    TimelinePage,
)


class OpenDesk(Protocol):
    """What the executor needs of any desk it opens."""

    desk_id: str
    author: str
    path: Path
    clock: Callable[[], datetime]

    def close(self) -> None: ...


class TimelineViews(Protocol):
    def timeline(self, event: str | None = None, affiliate: str | None = None,
                 kinds: tuple[str, ...] = (), after: int = 0) -> list[TimelineEntry]: ...

    def timeline_page(self, event: str | None = None, affiliate: str | None = None, kinds: tuple[str, ...] = (),
                      upto: int | None = None, before: str = "", size: int = 5000) -> TimelinePage: ...


class BoardViews(Protocol):
    def board(self, event: str | None = None, now: datetime | None = None) -> Board: ...


class NoticeViews(Protocol):
    def notices(self, event: str | None = None, affiliate: str | None = None) -> list[NoticeView]: ...

    def duties(self, event: str | None = None, now: datetime | None = None) -> list[DutyView]: ...

    def alerts(self, event: str | None = None) -> list[AlertView]: ...


class NoticeCommands(Protocol):
    def compose_notice(self, event: str | None, affiliate: str, template: str,
                       lang: str = "ko") -> Changes: ...

    def edit_notice(self, event: str | None, notice: str, title: str, body: str) -> Changes: ...

    def post_notice(self, event: str | None, notice: str, channel: str,
                    at: datetime | None = None) -> Changes: ...

    def withdraw_notice(self, event: str | None, notice: str, reason: str) -> Changes: ...

    def set_duty(self, event: str | None, duty: str, state: str, *, filer: str = ...,
                 occurrence: int = 1, reference: str = "", reason: str = "",
                 at: datetime | None = None) -> Changes: ...

    def move_duty(self, event: str | None, duty: str, deadline: datetime, reason: str, *,
                  filer: str = ..., occurrence: int = 1) -> Changes: ...

    def record_alert(self, event: str | None, issuer: str, level: str, at: datetime | None = None,
                     note: str = "") -> Changes: ...


class TimelineDesk(OpenDesk, Protocol):
    @property
    def views(self) -> TimelineViews: ...


class BoardDesk(OpenDesk, Protocol):
    @property
    def views(self) -> BoardViews: ...


class NoticesDesk(OpenDesk, Protocol):
    @property
    def views(self) -> NoticeViews: ...

    @property
    def communications(self) -> NoticeCommands: ...
