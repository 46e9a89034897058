"""Customer notices, regulator reporting duties with their deadline clocks, external alerts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import DutyView, NoticeView
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import CHANNELS, DUTY_BASES, DUTY_KINDS, DUTY_STATES, NOTICE_STATES, label
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE, SOON


def _tz(m) -> str:
    return m.info.timezone if m.info else "Asia/Seoul"


def _posts(n: NoticeView, m: NoticeModel) -> str:
    return ", ".join(f"{label(CHANNELS, c)} {timefmt.local(at, _tz(m), with_date=False)}" for c, at in n.posts)


class NoticeModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Affiliate"),
               lambda n, m: text(m.info.affiliate_name(n.affiliate)) if m.info else n.affiliate),
        Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda n, m: n.title),
        Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda n, m: label(CHANNELS, n.channel)),
        Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda n, m: label(NOTICE_STATES, n.state)),
        Column(QT_TRANSLATE_NOOP("Columns", "Posted"), _posts),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda n: n.id, parent=parent)
        self.info: Event | None = None


def _duty_clock(d: DutyView, m: DutyModel) -> str:
    if d.state != "due":
        return timefmt.local(d.submitted_at, _tz(m)) if d.submitted_at else ""
    if d.deadline is None:
        return ""
    return timefmt.relative(d.deadline, m.now())


def _duty_colour(d: DutyView, m: DutyModel):
    if d.state != "due" or d.deadline is None:
        return None
    left = (d.deadline - m.now()).total_seconds()
    return LATE if left < 0 else SOON if left < 3600 else None


def _duty_deadline(d: DutyView, m: DutyModel) -> str:
    """The deadline; before its start (e.g. the closure) has happened, how long after it."""
    if d.deadline is None:
        return QCoreApplication.translate("Columns", "{} after closure").format(timefmt.amount(d.due))
    deadline = timefmt.local(d.deadline, _tz(m))
    if d.target is None:
        return deadline
    return QCoreApplication.translate("Columns", "{} (group target {})").format(
        deadline, timefmt.local(d.target, _tz(m)))


def _duty_report(d: DutyView, m: DutyModel) -> str:
    title = text(d.title)
    return title if d.occurrence == 1 else f"{title} ({d.occurrence})"


class DutyModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Filer"),
               lambda d, m: text(m.info.affiliate_name(d.filer)) if m.info else d.filer),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda d, m: label(DUTY_KINDS, d.kind)),
        Column(QT_TRANSLATE_NOOP("Columns", "To"), lambda d, m: text(d.to)),
        Column(QT_TRANSLATE_NOOP("Columns", "Report"), _duty_report),
        Column(QT_TRANSLATE_NOOP("Columns", "Deadline"), _duty_deadline),
        Column(QT_TRANSLATE_NOOP("Columns", "Basis"), lambda d, m: label(DUTY_BASES, d.basis)),
        Column(QT_TRANSLATE_NOOP("Columns", "Clock"), _duty_clock, foreground=_duty_colour),
        Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda d, m: label(DUTY_STATES, d.state)),
        Column(QT_TRANSLATE_NOOP("Columns", "Receipt no."), lambda d, m: d.reference or d.reason),
    )

    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(key=lambda d: (d.duty, d.filer, d.occurrence), parent=parent)
        self.now = clock
        self.info: Event | None = None


class AlertModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Issuer"), lambda a, m: a.issuer),
        Column(QT_TRANSLATE_NOOP("Columns", "Level"), lambda a, m: a.level),
        Column(QT_TRANSLATE_NOOP("Columns", "Since"), lambda a, m: timefmt.local(a.at, _tz(m))),
        Column(QT_TRANSLATE_NOOP("Columns", "Note"), lambda a, m: a.note),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda a: a.id, parent=parent)
        self.info: Event | None = None
