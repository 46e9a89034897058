"""Models of the affiliate view: the affiliate list, its services' status, an answer's revisions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from crisisdesk.domain.group import Service
from crisisdesk.domain.read_models import AffiliateTile, RevisionView, ServiceView
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, TILE_COLOURS, label
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE
from crisisdesk.ui.style import TILE_COLOURS as COLOURS


class AffiliateListModel(RowsModel):
    """The affiliates of the event with their board colour."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Affiliate"), lambda t, m: text(t.name),
               decoration=lambda t, m: QColor(COLOURS[t.colour]),
               tooltip=lambda t, m: label(TILE_COLOURS, t.colour)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda t: t.affiliate, parent=parent)

    def tile(self, affiliate: str) -> AffiliateTile | None:
        row = self.key_row(affiliate)
        return self.rows()[row] if row >= 0 else None


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    view: ServiceView | None  # None: not hit and not reported

    @property
    def status(self) -> str:
        return self.view.status if self.view else "normal"


def _rto_clock(r: ServiceRow, m: ServiceStatusModel) -> str:
    """The RTO clock of a service the group must recover; the outage duration of one failing
    outside the group (no RTO breach)."""
    if r.view is None or r.status not in ("down", "degraded"):
        return ""
    if r.view.rto_deadline is not None:
        return timefmt.rto_clock(r.view.rto_deadline, m.now())
    outage = r.view.outage(m.now())
    return QCoreApplication.translate("Columns", "outage {}").format(timefmt.amount(outage)) if outage else ""


def _service(r: ServiceRow, m: ServiceStatusModel) -> str:
    return ("★ " if r.service.critical else "") + text(r.service.name)


def _alternatives(r: ServiceRow, m: ServiceStatusModel) -> str:
    return ", ".join(text(a) for a in r.view.alternatives) if r.view else ""


def _causes(r: ServiceRow, m: ServiceStatusModel) -> str:
    return ", ".join(text(p) for p in r.view.providers) if r.view else ""


def _confirmed_by(r: ServiceRow, m: ServiceStatusModel) -> str:
    return r.view.confirmed_by if r.view else ""


def _note(r: ServiceRow, m: ServiceStatusModel) -> str:
    return r.view.note if r.view else ""


class ServiceStatusModel(RowsModel):
    """Each service of the affiliate; a text the view may elide is whole in its tooltip."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Service"), _service, tooltip=_service),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r, m: label(SERVICE_STATUSES, r.status),
               foreground=lambda r, m: LATE if r.status == "down" else None),
        Column(QT_TRANSLATE_NOOP("Columns", "RTO / outage"), _rto_clock,
               foreground=lambda r, m: LATE if r.view and r.view.past_rto(m.now()) else None),
        Column(QT_TRANSLATE_NOOP("Columns", "Alternatives"), _alternatives, tooltip=_alternatives),
        Column(QT_TRANSLATE_NOOP("Columns", "Caused by"), _causes, tooltip=_causes),
        Column(QT_TRANSLATE_NOOP("Columns", "Confirmed by"), _confirmed_by, tooltip=_confirmed_by),
        Column(QT_TRANSLATE_NOOP("Columns", "Note"), _note, tooltip=_note),
    )

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(key=lambda r: r.service.id, parent=parent)
        self.now = clock


class RevisionModel(RowsModel):
    """Every revision of one answer, oldest first, with who and when."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda r, m: timefmt.local_full(r.at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r, m: r.author),
        Column(QT_TRANSLATE_NOOP("Columns", "Value"), lambda r, m: r.display),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda r: (r.at, r.author, repr(r.value)), parent=parent)
        self.tz = "Asia/Seoul"

    def set_revisions(self, revisions: list[RevisionView], tz: str) -> None:
        self.tz = tz
        self.set_rows(revisions)
