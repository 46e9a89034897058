"""Timing against targets, measured from what the journal holds (pure functions).

- a service down because of a system the group must recover (its own, an outsourced one, or
  reported down by its affiliate with no outside cause) against its recovery time objective;
- an outside outage (government, market infrastructure): how long it lasted, never a miss;
- a checklist item's done time against its due time;
- a reporting duty's filing against its deadline (and the group's own earlier target);
- a response to a drill inject against the time it asked for.

Each measurement says whether the target was met, missed (and by how much), is still open
past its target, or is still pending.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby

from crisisdesk.domain.drill import InjectStatus
from crisisdesk.domain.group import Group
from crisisdesk.domain.impact import ProviderState, derive_hits, provider_states
from crisisdesk.domain.read_models import DutyView

MET, MISSED, OPEN_LATE, PENDING = "met", "missed", "open-late", "pending"
CLOSED_STATES = ("done", "n/a")
OUTSIDE_KINDS = ("government", "external")


@dataclass(frozen=True)
class Measured:
    """One thing done (or not yet) against its target time."""

    target: datetime
    done: datetime | None  # None: not done by `as_of`
    outcome: str  # met | missed | open-late | pending
    late_by: timedelta = timedelta(0)  # past its target when done (missed) or by now (open-late)

    @property
    def missed(self) -> bool:
        return self.outcome in (MISSED, OPEN_LATE)


def measure(target: datetime, done: datetime | None, as_of: datetime) -> Measured:
    """`done` against `target`, seen at `as_of` (a thing done after `as_of` counts as not done)."""
    if done is not None and done <= as_of:
        if done <= target:
            return Measured(target, done, MET)
        return Measured(target, done, MISSED, done - target)
    if as_of > target:
        return Measured(target, None, OPEN_LATE, as_of - target)
    return Measured(target, None, PENDING)


# -- services --------------------------------------------------------------------------
@dataclass(frozen=True)
class ProviderChange:
    at: datetime
    provider: str
    status: str  # down | degraded | restored


@dataclass(frozen=True)
class ServiceReport:
    """An affiliate's word on one of its services (service.assessed)."""

    at: datetime
    affiliate: str
    service: str
    status: str  # normal | degraded | down | n/a


@dataclass(frozen=True)
class Recovery:
    """One stretch of a service down with a recovery-time clock, against its RTO."""

    affiliate: str
    service: str
    critical: bool
    rto: timedelta
    down_at: datetime
    recovered_at: datetime | None
    result: Measured  # recovered_at against down_at + rto

    @property
    def duration(self) -> timedelta | None:
        return None if self.recovered_at is None else self.recovered_at - self.down_at


@dataclass(frozen=True)
class Outage:
    """One stretch of an outside provider failing (down or degraded): a duration, never a miss."""

    provider: str
    kind: str
    start: datetime
    end: datetime | None

    def duration(self, as_of: datetime) -> timedelta:
        return (self.end or as_of) - self.start


def _clocks(group: Group, providers: dict[str, ProviderState],
            reported: dict[tuple[str, str], ServiceReport]) -> dict[tuple[str, str], datetime]:
    """Per (affiliate, service) with an RTO: since when its recovery clock runs, as the board has
    it: the affiliate's word on the status wins; a service reported down with no failing
    provider behind it is the group's own failure."""
    hits = {(h.affiliate, h.service): h for h in derive_hits(group, providers)}
    running: dict[tuple[str, str], datetime] = {}
    for affiliate in group.affiliates:
        for service in affiliate.services:
            key = (affiliate.id, service.id)
            if service.rto is None:
                continue
            hit, report = hits.get(key), reported.get(key)
            status = report.status if report else (hit.status if hit else "normal")
            if status != "down":
                continue
            if hit is not None and hit.recovery_since is not None:
                running[key] = hit.recovery_since
            elif hit is None and report is not None:
                running[key] = report.at
    return running


def recoveries(group: Group, changes: Iterable[ProviderChange], reports: Iterable[ServiceReport],
               as_of: datetime) -> list[Recovery]:
    """Every stretch a service with an RTO was down with its recovery clock running, up to
    `as_of`, with its recovery against the RTO (in the order the stretches began)."""
    steps: list[tuple[datetime, int, ProviderChange | ServiceReport]] = sorted(
        [(c.at, 0, c) for c in changes] + [(r.at, 1, r) for r in reports], key=lambda s: (s[0], s[1]))
    services = {(a.id, s.id): s for a in group.affiliates for s in a.services}
    seen: list[tuple[str, str, datetime]] = []
    reported: dict[tuple[str, str], ServiceReport] = {}
    open_since: dict[tuple[str, str], datetime] = {}
    found: list[Recovery] = []

    def close(key: tuple[str, str], start: datetime, end: datetime | None) -> None:
        service = services[key]
        assert service.rto is not None
        found.append(Recovery(key[0], key[1], service.critical, service.rto, start, end,
                              measure(start + service.rto, end, as_of)))

    for at, same_time in groupby(steps, key=lambda s: s[0]):  # changes at one instant count at once
        if at > as_of:
            break
        for _, _, step in same_time:
            if isinstance(step, ProviderChange):
                seen.append((step.provider, step.status, step.at))
            else:
                reported[(step.affiliate, step.service)] = step
        running = _clocks(group, provider_states(seen), reported)
        for key, start in list(open_since.items()):
            if key not in running:
                close(key, start, at)
                del open_since[key]
        for key, start in running.items():
            open_since.setdefault(key, start)
    for key, start in open_since.items():
        close(key, start, None)
    return sorted(found, key=lambda r: (r.down_at, r.affiliate, r.service))


def outside_outages(group: Group, changes: Iterable[ProviderChange], as_of: datetime) -> list[Outage]:
    """Each stretch a government or external provider failed (down or degraded), up to `as_of`."""
    kinds = {p.id: p.kind for p in group.providers}
    started: dict[str, datetime] = {}
    found: list[Outage] = []
    for change in sorted(changes, key=lambda c: c.at):
        if change.at > as_of or kinds.get(change.provider) not in OUTSIDE_KINDS:
            continue
        failing = change.status in ("down", "degraded")
        if failing:
            started.setdefault(change.provider, change.at)
        elif change.provider in started:
            found.append(Outage(change.provider, kinds[change.provider], started.pop(change.provider), change.at))
    found += [Outage(p, kinds[p], start, None) for p, start in started.items()]
    return sorted(found, key=lambda o: (o.start, o.provider))


# -- checklist items -----------------------------------------------------------------
@dataclass(frozen=True)
class ItemDue:
    affiliate: str  # or "group" for the group desk's own
    checklist: str
    item: str
    due: datetime
    critical: bool


@dataclass(frozen=True)
class ItemChange:
    at: datetime
    affiliate: str
    checklist: str
    item: str
    state: str  # after the change


@dataclass(frozen=True)
class ItemTiming:
    item: ItemDue
    state: str  # the state at `as_of`
    result: Measured | None  # None for an item marked not applicable


def item_timings(items: Iterable[ItemDue], changes: Iterable[ItemChange], as_of: datetime) -> list[ItemTiming]:
    """Each item's done time (when it was last closed, if it is closed at `as_of`) against its due
    time. An item marked not applicable is not measured; one reopened counts from its last closing."""
    closed_at: dict[tuple[str, str, str], datetime | None] = {}
    state: dict[tuple[str, str, str], str] = {}
    for change in sorted(changes, key=lambda c: c.at):
        if change.at > as_of:
            continue
        key = (change.affiliate, change.checklist, change.item)
        was_closed = state.get(key, "todo") in CLOSED_STATES
        state[key] = change.state
        if change.state in CLOSED_STATES and not was_closed:
            closed_at[key] = change.at
        elif change.state not in CLOSED_STATES:
            closed_at[key] = None
    found = []
    for item in items:
        key = (item.affiliate, item.checklist, item.item)
        now_state = state.get(key, "todo")
        if now_state == "n/a":
            found.append(ItemTiming(item, now_state, None))
            continue
        done = closed_at.get(key) if now_state == "done" else None
        found.append(ItemTiming(item, now_state, measure(item.due, done, as_of)))
    return found


# -- reporting duties ------------------------------------------------------------------
@dataclass(frozen=True)
class DutyTiming:
    duty: DutyView
    result: Measured  # filed against the deadline
    target: Measured | None  # filed against the group's own earlier target, when it has one


def duty_timings(duties: Iterable[DutyView], as_of: datetime) -> list[DutyTiming]:
    """Each duty with a deadline: its filing against the deadline (and the group's own target).
    A duty marked not required, or whose deadline has not started (closure), is not measured."""
    found = []
    for duty in duties:
        if duty.deadline is None or duty.state == "not-required":
            continue
        filed = duty.submitted_at if duty.state == "submitted" else None
        target = measure(duty.target, filed, as_of) if duty.target is not None else None
        found.append(DutyTiming(duty, measure(duty.deadline, filed, as_of), target))
    return found


# -- drill injects -----------------------------------------------------------------------
@dataclass(frozen=True)
class ResponseTiming:
    status: InjectStatus
    result: Measured  # the first response against release + respond_within


def response_timings(statuses: Iterable[InjectStatus], as_of: datetime) -> list[ResponseTiming]:
    """Each released inject that asks for a response within a time: its first response against it."""
    found = []
    for status in statuses:
        within = status.inject.respond_within
        if status.released_at is None or within is None:
            continue
        first = min((when for _, when in status.responses), default=None)
        found.append(ResponseTiming(status, measure(status.released_at + within, first, as_of)))
    return found
