"""The group file: affiliates, their services and the providers they depend on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from crisisdesk.domain.text import Text

PROVIDER_KINDS = ("government", "network", "vendor", "cloud", "internal")


@dataclass(frozen=True)
class DrSite:
    location: str
    capacity_pct: int | None = None


@dataclass(frozen=True)
class Service:
    id: str
    name: Text
    critical: bool = False
    rto: timedelta | None = None
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Affiliate:
    id: str
    name: Text
    sector: str
    services: tuple[Service, ...] = ()
    dr_site: DrSite | None = None

    def service(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)


@dataclass(frozen=True)
class Provider:
    id: str
    name: Text
    kind: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    id: str
    name: Text
    timezone: str = "Asia/Seoul"
    holidays: frozenset[date] = field(default_factory=frozenset)
    affiliates: tuple[Affiliate, ...] = ()
    providers: tuple[Provider, ...] = ()

    def affiliate(self, affiliate_id: str) -> Affiliate:
        for a in self.affiliates:
            if a.id == affiliate_id:
                return a
        raise KeyError(affiliate_id)

    def provider(self, provider_id: str) -> Provider:
        for p in self.providers:
            if p.id == provider_id:
                return p
        raise KeyError(provider_id)

    @property
    def sectors(self) -> frozenset[str]:
        return frozenset(a.sector for a in self.affiliates)
