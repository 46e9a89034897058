"""What the panels ask of the desk, as small protocols.

Each panel's executor jobs call only the methods of its protocol, so a panel can be tested with a
small fake that implements them (tests/ui/test_panels_with_fakes.py), and the real `Desk` is
checked to provide every one of them (the same tests).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from crisisdesk.desk.changes import Changes
from crisisdesk.domain.read_models import AlertView, Board, DutyView, NoticeView, TimelineEntry


class OpenDesk(Protocol):
    """What the executor needs of any desk it opens."""

    desk_id: str
    author: str
    path: Path
    clock: Callable[[], datetime]

    def close(self) -> None: ...


class TimelineDesk(OpenDesk, Protocol):
    def timeline(self, event: str | None = None, affiliate: str | None = None,
                 kinds: tuple[str, ...] = ()) -> list[TimelineEntry]: ...


class BoardDesk(OpenDesk, Protocol):
    def board(self, event: str | None = None, now: datetime | None = None) -> Board: ...


class NoticesDesk(OpenDesk, Protocol):
    def notices(self, event: str | None = None, affiliate: str | None = None) -> list[NoticeView]: ...

    def duties(self, event: str | None = None, now: datetime | None = None) -> list[DutyView]: ...

    def alerts(self, event: str | None = None) -> list[AlertView]: ...

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
