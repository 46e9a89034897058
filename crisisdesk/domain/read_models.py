"""Read models: what the board, the views and the reports show, as plain frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from crisisdesk.domain.checklist import ItemState, Progress
from crisisdesk.domain.event import Event
from crisisdesk.domain.group import ReportForm
from crisisdesk.domain.text import Text

TILE_COLOURS = ("red", "amber", "yellow", "green")
STALE_AFTER = timedelta(minutes=60)


@dataclass(frozen=True)
class ProviderView:
    """An external provider of the group and its state in one event."""

    provider: str
    name: Text
    kind: str
    status: str  # normal | down | degraded | restored
    since: datetime | None
    note: str
    alternatives: tuple[Text, ...]


@dataclass(frozen=True)
class ServiceView:
    """One service of an affiliate in an event: its status, why, since when, and its RTO clock.

    The RTO clock (`rto_deadline`) exists only while the service is down because of a system
    the group must recover itself; an external or government outage has an outage duration
    instead (`impaired_since`), never an RTO breach.
    """

    affiliate: str
    service: str
    name: Text
    critical: bool
    status: str  # normal | degraded | down | n/a (the affiliate's word wins over the derivation)
    derived: str  # what the providers imply: normal | degraded | down
    confirmed_by: str  # who confirmed or corrected it; "" when only derived
    note: str
    providers: tuple[Text, ...]
    alternatives: tuple[Text, ...]  # this service's own alternatives, in customer wording
    rto: timedelta | None
    rto_deadline: datetime | None  # None when no recovery-time clock applies
    impaired_since: datetime | None = None  # down or degraded since
    down_since: datetime | None = None
    open_now: bool | None = None  # False outside its opening hours; None: always open

    @property
    def external(self) -> bool:
        """Impaired without an RTO clock: the failure is outside the group (external, government)."""
        return self.status in ("down", "degraded") and self.rto_deadline is None

    def past_rto(self, now: datetime) -> bool:
        return self.status == "down" and self.rto_deadline is not None and now > self.rto_deadline

    def outage(self, now: datetime) -> timedelta | None:
        """How long the service has been impaired, if it is."""
        if self.status not in ("down", "degraded") or self.impaired_since is None:
            return None
        return max(now - self.impaired_since, timedelta(0))


@dataclass(frozen=True)
class AffiliateTile:
    """One affiliate on the board: status colour, services hit, checklist progress, last update."""

    affiliate: str
    name: Text
    sector: str
    colour: str
    services: tuple[ServiceView, ...]  # the services hit (derived or reported)
    progress: Progress
    past_rto: int  # critical services past their RTO
    last_update: datetime | None
    now: datetime
    activated_at: datetime | None = None  # the event's activation: the first update is due from then

    @property
    def hit(self) -> bool:
        return any(s.status in ("down", "degraded") for s in self.services)

    @property
    def stale(self) -> bool:
        return self.stale_at(self.now)

    def stale_at(self, now: datetime) -> bool:
        """No update for `STALE_AFTER`; with none at all, `STALE_AFTER` after the activation."""
        since = self.last_update or self.activated_at
        return since is None or now - since > STALE_AFTER

    def awaiting_first_at(self, now: datetime) -> bool:
        """No update yet, and the event too young to call that stale."""
        return self.last_update is None and not self.stale_at(now)


@dataclass(frozen=True)
class Board:
    """The status board: a tile per affiliate, with the group's totals."""

    event: Event
    tiles: tuple[AffiliateTile, ...]
    now: datetime
    alerts: tuple[AlertView, ...] = ()
    group_progress: Progress = Progress()  # the items the group desk does once
    measures: tuple[MeasureView, ...] = ()  # customer-impact totals

    @property
    def totals(self) -> Progress:
        """Every item once: each affiliate's, and the group desk's own."""
        total = self.group_progress
        for tile in self.tiles:
            total = total + tile.progress
        return total

    @property
    def hit_affiliates(self) -> int:
        return sum(1 for t in self.tiles if t.hit)

    @property
    def past_rto(self) -> int:
        return sum(t.past_rto for t in self.tiles)

    def tile(self, affiliate: str) -> AffiliateTile:
        return next(t for t in self.tiles if t.affiliate == affiliate)


@dataclass(frozen=True)
class ItemHistoryEntry:
    """One change of a checklist item: who made it on which desk, the values before and after,
    the change it was made against (`base`) and the change it undoes ('' for none)."""

    entry: str
    at: datetime
    author: str
    desk: str
    before: ItemState
    after: ItemState
    base: str
    undoes: str


@dataclass(frozen=True)
class ItemView:
    """One checklist item of one affiliate, as the checklist views show it."""

    affiliate: str
    checklist: str
    checklist_title: Text
    item: str
    title: Text
    guidance: Text
    owner: str
    owner_title: Text
    due: datetime
    critical: bool
    state: str
    assignee: str
    note: str
    evidence: str
    reason: str
    updated_at: datetime | None
    updated_by: str
    overdue: bool
    due_soon: bool
    conflict: bool = False
    entry: str = ""  # the journal entry of its last change ('' never changed): what a change is made against


@dataclass(frozen=True)
class AnswerView:
    """An affiliate's latest answer to one impact field, with how many revisions it has."""

    affiliate: str
    field: str
    label: Text
    kind: str
    value: Any
    display: str
    at: datetime
    author: str
    revisions: int


@dataclass(frozen=True)
class RevisionView:
    """One revision of an impact answer (the history under the field)."""

    field: str
    value: Any
    display: str
    at: datetime
    author: str


@dataclass(frozen=True)
class DecisionView:
    """A decision of the council, with the amendments made to it since."""

    id: str
    action: str  # decide | amend | withdraw
    amends: str
    meeting: str
    text: str
    rationale: str
    decided_by: str
    decided_by_title: Text
    attendees: tuple[str, ...]
    affiliates: tuple[str, ...]
    at: datetime
    author: str
    amendments: tuple[DecisionView, ...] = ()

    @property
    def withdrawn(self) -> bool:
        return any(a.action == "withdraw" for a in self.amendments)


@dataclass(frozen=True)
class ActionView:
    """An action a decision gave to an owner, with its deadline."""

    id: str
    decision: str
    title: str
    owner: str
    owner_title: Text
    deadline: datetime
    state: str
    note: str
    overdue: bool


@dataclass(frozen=True)
class MeetingView:
    """A council meeting: when it opened and closed, and who attended."""

    id: str
    title: str
    attendees: tuple[str, ...]
    opened_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True)
class NoticeView:
    """A customer notice of an affiliate and the channels it was posted on."""

    id: str
    affiliate: str
    template: str
    channel: str
    title: str
    body: str
    state: str
    posts: tuple[tuple[str, datetime], ...]  # (channel, when)
    created_at: datetime


@dataclass(frozen=True)
class MeasureView:
    """A customer-impact figure (customers, transactions, complaints …): per affiliate, the
    group's total, and the total at the last issued report."""

    measure: str
    label: Text
    kind: str  # integer | money
    values: tuple[tuple[str, int], ...]  # (affiliate, latest answer)
    total: int | None  # None for figures that are not summed (answer rate)
    previous: int | None  # the total at the last issued report, if there was one

    @property
    def change(self) -> int | None:
        if self.total is None or self.previous is None:
            return None
        return self.total - self.previous


@dataclass(frozen=True)
class DutyView:
    """One occurrence of a reporting duty for one filer (a licensed affiliate or the group),
    and its deadline clock."""

    duty: str
    to: Text
    title: Text
    deadline: datetime | None  # None while its start (e.g. closure) has not happened
    state: str  # due | submitted | not-required
    reference: str  # the receipt number
    reason: str
    submitted_at: datetime | None
    overdue: bool
    filer: str = "group"  # an affiliate id, or "group"
    filer_name: Text = Text()
    occurrence: int = 1
    kind: str = "other"  # initial | intermediate | final | status | other
    basis: str = "target"  # rule | target
    start: str = "activation"  # awareness | activation | closure
    started: datetime | None = None
    due: timedelta | None = None
    moved: bool = False  # the deadline was moved (the reason says why)
    target: datetime | None = None  # the group's own earlier target beside a rule's deadline

    def target_missed(self, now: datetime) -> bool:
        """The group's own target has passed unfiled, or the filing came after it."""
        if self.target is None or self.state == "not-required":
            return False
        done = self.submitted_at if self.state == "submitted" else now
        return done is not None and done > self.target


@dataclass(frozen=True)
class AlertView:
    """An external alert level (a ministry's or a regulator's), as recorded."""

    id: str
    issuer: str
    level: str
    at: datetime
    note: str


@dataclass(frozen=True)
class OutlookView:
    """The council's outlook for the next 12, 24, 48 or 72 hours, and what it needs."""

    horizon: str
    text: str
    needs: str
    at: datetime


@dataclass(frozen=True)
class TimelineEntry:
    """One journal entry of the event, described for the timeline."""

    seq: int
    at: datetime
    kind: str
    affiliate: str
    author: str
    summary: Text
    hlc: str = ""  # its clock: the timeline's order


@dataclass(frozen=True)
class TimelinePage:
    """A page of the timeline read going back in time (a long timeline is shown page by page)."""

    entries: tuple[TimelineEntry, ...]  # in HLC order
    upto: int  # the journal position the pages are read at (later entries are read as new ones)
    older: str  # the clock to read the next page before; "" when this page reaches the start


@dataclass(frozen=True)
class AffiliateDetail:
    """Everything the affiliate view and the report's annex show for one affiliate."""

    tile: AffiliateTile
    answers: tuple[AnswerView, ...]
    items: tuple[ItemView, ...]
    notices: tuple[NoticeView, ...] = ()


@dataclass(frozen=True)
class Situation:
    """Everything a situation report needs, as of one journal position."""

    board: Board
    as_of_seq: int
    affiliates: tuple[AffiliateDetail, ...]
    decisions: tuple[DecisionView, ...]
    actions: tuple[ActionView, ...]
    meetings: tuple[MeetingView, ...]
    notices: tuple[NoticeView, ...]
    duties: tuple[DutyView, ...]
    alerts: tuple[AlertView, ...]
    outlook: tuple[OutlookView, ...]
    timeline: tuple[TimelineEntry, ...]
    roles: dict[str, Text] = field(default_factory=dict)
    group_items: tuple[ItemView, ...] = ()  # the items the group desk does once
    report_form: ReportForm = ReportForm()  # the group's approval steps and distribution list

    @property
    def event(self) -> Event:
        return self.board.event

    @property
    def now(self) -> datetime:
        return self.board.now
