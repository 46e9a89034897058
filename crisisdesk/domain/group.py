"""The group file: affiliates, their services and the providers they depend on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crisisdesk.domain.contacts import Contact
from crisisdesk.domain.text import Text

# Who recovers a provider decides whether a recovery-time (RTO) clock applies: the group
# answers for its own systems and for what it outsources, not for market infrastructure or
# the government.
PROVIDER_KINDS = ("own", "outsourced", "external", "government")
RECOVERABLE_KINDS = frozenset({"own", "outsourced"})
V1_PROVIDER_KINDS = {"internal": "own", "vendor": "outsourced", "cloud": "outsourced",
                     "network": "external", "government": "government"}
GROUP_DESK = "group"  # the affiliate id of the group desk's own checklist rows (reserved)
BUSINESS_DAYS, EVERY_DAY = "business", "every-day"


@dataclass(frozen=True)
class DrSite:
    location: str
    capacity_pct: int | None = None


@dataclass(frozen=True)
class Dependency:
    """A service's dependency on a provider, with this service's own customer wording."""

    provider: str
    alternative: Text = Text()  # what customers can use instead (empty: no alternative)
    impact: Text = Text()  # what customers cannot do while the provider fails
    effect: str = "down"  # what the provider's failure does to the service: down | degraded


@dataclass(frozen=True)
class ServiceHours:
    """When a service is open, in the group's timezone (e.g. branches 09:00-16:00 on business days)."""

    days: str  # business | every-day
    opens: time
    closes: time

    def is_open(self, moment: datetime, tz: str, holidays: frozenset[date]) -> bool:
        local = moment.astimezone(ZoneInfo(tz))
        if self.days == BUSINESS_DAYS and (local.weekday() >= 5 or local.date() in holidays):
            return False
        return self.opens <= local.time() < self.closes


@dataclass(frozen=True)
class Service:
    id: str
    name: Text
    critical: bool = False
    rto: timedelta | None = None
    depends_on: tuple[Dependency, ...] = ()
    hours: ServiceHours | None = None  # None: always open

    @property
    def providers(self) -> tuple[str, ...]:
        return tuple(d.provider for d in self.depends_on)

    def dependency(self, provider: str) -> Dependency:
        return next(d for d in self.depends_on if d.provider == provider)


@dataclass(frozen=True)
class Affiliate:
    id: str
    name: Text
    sector: str
    services: tuple[Service, ...] = ()
    dr_site: DrSite | None = None
    licensed: bool = False  # files its own electronic-finance incident reports with the FSS

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

    @property
    def recoverable(self) -> bool:
        """Whether the group itself must recover it (its own system or one it outsourced)."""
        return self.kind in RECOVERABLE_KINDS


@dataclass(frozen=True)
class ApprovalStep:
    """One box of a report's approval block (결재란): its title and, optionally, who signs it."""

    title: Text
    signer: Text = Text()  # a role or a name printed under the title ("" : signed by hand)


DEFAULT_APPROVAL = (ApprovalStep(Text("기안", "Drafted")), ApprovalStep(Text("검토", "Reviewed")),
                    ApprovalStep(Text("결재", "Approved")))


@dataclass(frozen=True)
class ReportForm:
    """How the group's reports are signed and sent: the approval steps (결재란, in order; the
    last one is the approval the register records) and the distribution list (배포처)."""

    approval: tuple[ApprovalStep, ...] = DEFAULT_APPROVAL
    distribution: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Group:
    id: str
    name: Text
    timezone: str = "Asia/Seoul"
    holidays: frozenset[date] = field(default_factory=frozenset)
    affiliates: tuple[Affiliate, ...] = ()
    providers: tuple[Provider, ...] = ()
    contacts: tuple[Contact, ...] = ()  # the emergency contact tree (비상연락망)
    report: ReportForm = ReportForm()

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
