"""Impact derivation: providers down → services hit → affiliates hit, with alternatives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisdesk.domain.group import Group

PROVIDER_STATUSES = ("down", "degraded", "restored")


@dataclass(frozen=True)
class ProviderState:
    status: str  # down | degraded | restored
    since: datetime


@dataclass(frozen=True)
class ServiceHit:
    """A service of an affiliate that depends on a provider that is down or degraded."""

    affiliate: str
    service: str
    critical: bool
    status: str  # down | degraded (derived)
    providers: tuple[str, ...]
    alternatives: tuple[str, ...]
    since: datetime
    rto: timedelta | None

    @property
    def rto_deadline(self) -> datetime | None:
        return self.since + self.rto if self.rto is not None else None


def derive_hits(group: Group, providers: Mapping[str, ProviderState], t0: datetime) -> list[ServiceHit]:
    """Every service hit by a failing provider; the RTO clock starts at T0 or at the failure, whichever is later."""
    failing = {pid: st for pid, st in providers.items() if st.status in ("down", "degraded")}
    hits = []
    for affiliate in group.affiliates:
        for service in affiliate.services:
            causes = [pid for pid in service.depends_on if pid in failing]
            if not causes:
                continue
            status = "down" if any(failing[p].status == "down" for p in causes) else "degraded"
            since = max([t0] + [failing[p].since for p in causes])
            hits.append(ServiceHit(
                affiliate=affiliate.id, service=service.id, critical=service.critical,
                status=status, providers=tuple(causes),
                alternatives=alternatives(group, causes, failing), since=since, rto=service.rto,
            ))
    return hits


def alternatives(group: Group, causes: list[str], failing: Mapping[str, ProviderState]) -> tuple[str, ...]:
    """Alternatives of the failing providers that are not failing themselves, in file order."""
    known = {p.id: p for p in group.providers}
    found: list[str] = []
    for cause in causes:
        for alt in known[cause].alternatives if cause in known else ():
            if alt not in failing and alt not in found:
                found.append(alt)
    return tuple(found)
