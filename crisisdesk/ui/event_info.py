"""What the window loads about an event: the event itself (crisisdesk.domain.event.Event) with its
outside alerts for the header, and the list of open events for the picker."""

from __future__ import annotations

from dataclasses import dataclass

from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import AlertView

Alerts = tuple[AlertView, ...]


@dataclass(frozen=True)
class OpenEvent:
    """One row of the event picker."""

    id: str
    title: str
    drill: bool


def load_event(desk, event_id: str) -> tuple[Event, Alerts]:
    """Runs in the executor thread: the event, and the outside alerts the header shows."""
    event = desk.events.event(event_id)
    return event, tuple(desk.views.alerts(event.id))


def open_events(desk) -> list[OpenEvent]:
    """Runs in the executor thread."""
    return [OpenEvent(r.id, r.title, r.drill) for r in desk.events.event_records("open")]
