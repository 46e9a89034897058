"""Impact derivation: providers down → services hit → affiliates hit, with each service's own
alternatives, and whether a recovery-time clock applies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisdesk.domain.group import Group, Service
from crisisdesk.domain.text import Text

PROVIDER_STATUSES = ("down", "degraded", "restored")
IMPAIRED = ("down", "degraded")


@dataclass(frozen=True)
class ProviderState:
    status: str  # down | degraded | restored
    since: datetime  # failing (down or degraded) without a break since
    down_since: datetime | None = None  # down without a break since (None: not down)


def provider_states(changes: Iterable[tuple[str, str, datetime]]) -> dict[str, ProviderState]:
    """Each provider's state from its changes (provider, status, since) in time order: a provider
    marked again, or degraded before it went down, keeps the start of its failure."""
    states: dict[str, ProviderState] = {}
    for provider, status, since in changes:
        held = states.get(provider)
        start = held.since if held is not None and held.status in IMPAIRED and status in IMPAIRED else since
        down: datetime | None = None
        if status == "down":
            down = held.down_since if held is not None and held.status == "down" else since
        states[provider] = ProviderState(status, start, down)
    return states


@dataclass(frozen=True)
class ServiceHit:
    """A service of an affiliate that depends on a provider that is down or degraded."""

    affiliate: str
    service: str
    critical: bool
    status: str  # down | degraded (derived)
    providers: tuple[str, ...]  # the failing providers it depends on
    alternatives: tuple[Text, ...]  # the service's own alternative for each failing dependency
    since: datetime  # impaired (down or degraded) since: the earliest failure among its providers
    down_since: datetime | None  # down since, when a failure stops it
    rto: timedelta | None
    recovery_since: datetime | None  # down because of a provider the group must recover, since

    @property
    def rto_applies(self) -> bool:
        return self.recovery_since is not None and self.rto is not None

    @property
    def rto_deadline(self) -> datetime | None:
        if self.recovery_since is None or self.rto is None:
            return None
        return self.recovery_since + self.rto


def derive_hits(group: Group, providers: Mapping[str, ProviderState]) -> list[ServiceHit]:
    """Every service hit by a failing provider.

    A recovery-time clock runs only while the service is down because of a provider the group
    itself must recover (its own or an outsourced system), from that provider's failure. An
    external or government outage gives an outage duration, never an RTO clock.
    """
    failing = {pid: st for pid, st in providers.items() if st.status in IMPAIRED}
    kinds = {p.id: p for p in group.providers}
    hits = []
    for affiliate in group.affiliates:
        for service in affiliate.services:
            causes = [d for d in service.depends_on if d.provider in failing]
            if not causes:
                continue
            down = [d.provider for d in causes
                    if failing[d.provider].status == "down" and d.effect == "down"]
            down_since = {p: failing[p].down_since or failing[p].since for p in down}
            recoverable = [p for p in down if p in kinds and kinds[p].recoverable]
            hits.append(ServiceHit(
                affiliate=affiliate.id, service=service.id, critical=service.critical,
                status="down" if down else "degraded",
                providers=tuple(d.provider for d in causes),
                alternatives=_unique(d.alternative for d in causes if not d.alternative.empty),
                since=min(failing[d.provider].since for d in causes),
                down_since=min(down_since.values(), default=None),
                rto=service.rto,
                recovery_since=min((down_since[p] for p in recoverable), default=None)))
    return hits


def _unique(texts: Iterable[Text]) -> tuple[Text, ...]:
    found: list[Text] = []
    for text in texts:
        if text not in found:
            found.append(text)
    return tuple(found)


def longest_outage(service: Service, changes: Iterable[tuple[str, str, datetime]],
                   now: datetime) -> timedelta:
    """The longest stretch `service` was down, from its providers' changes (provider, status,
    since) in time order, up to `now`."""
    mine = set(service.providers)
    down: set[str] = set()
    started: datetime | None = None
    longest = timedelta(0)
    for provider, status, since in changes:
        if provider not in mine:
            continue
        if status == "down":
            down.add(provider)
        else:
            down.discard(provider)
        if down and started is None:
            started = since
        elif not down and started is not None:
            longest = max(longest, since - started)
            started = None
    if started is not None:
        longest = max(longest, now - started)
    return longest
