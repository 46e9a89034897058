"""Table models of the 24-hour room: handovers and a roll-call's contacts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crisisdesk.domain.contacts import EXTERNAL_NAMES, RollCallEntry
from crisisdesk.domain.event import Event
from crisisdesk.domain.handover import Handover
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE, SOON

CALL_STATES = {
    "reached": QT_TRANSLATE_NOOP("Labels", "Reached"),
    "no-answer": QT_TRANSLATE_NOOP("Labels", "No answer"),
    "left-message": QT_TRANSLATE_NOOP("Labels", "Message left"),
    "not-called": QT_TRANSLATE_NOOP("Labels", "Not called yet"),
}
STATE_COLOURS = {"no-answer": LATE, "left-message": SOON, "not-called": SOON}


def _label(key: str) -> str:
    return QCoreApplication.translate("Labels", CALL_STATES[key]) if key in CALL_STATES else key


def _signed(moment, m) -> str:
    return timefmt.local(moment, m.tz) if moment else QCoreApplication.translate("Labels", "Not signed")


class HandoverModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Prepared"), lambda h, m: timefmt.local(h.prepared_at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Outgoing lead"), lambda h, m: h.outgoing),
        Column(QT_TRANSLATE_NOOP("Columns", "Signed (outgoing)"), lambda h, m: _signed(h.outgoing_signed, m),
               foreground=lambda h, m: None if h.outgoing_signed else SOON),
        Column(QT_TRANSLATE_NOOP("Columns", "Incoming lead"), lambda h, m: h.incoming),
        Column(QT_TRANSLATE_NOOP("Columns", "Signed (incoming)"), lambda h, m: _signed(h.incoming_signed, m),
               foreground=lambda h, m: None if h.incoming_signed else SOON),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda h: h.id, parent=parent)
        self.tz = "Asia/Seoul"

    def handover(self, row: int) -> Handover:
        return self.rows()[row]


def _where(e: RollCallEntry, m: RollCallModel) -> str:
    c = e.contact
    if c.external:
        return text(c.organisation) or text(EXTERNAL_NAMES[c.external])
    return text(m.info.affiliate_name(c.affiliate)) if m.info else c.affiliate


class RollCallModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Where"), _where),
        Column(QT_TRANSLATE_NOOP("Columns", "Contact"),
               lambda e, m: f"{e.contact.name} ({text(e.contact.title)})" if not e.contact.title.empty else e.contact.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Phone"),
               lambda e, m: " / ".join(p for p in (e.contact.phone, e.contact.phone2) if p)),
        Column(QT_TRANSLATE_NOOP("Columns", "Deputy"),
               lambda e, m: f"{m.deputies[e.contact.deputy].name} {m.deputies[e.contact.deputy].phone}"
               if e.contact.deputy in m.deputies else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda e, m: _label(e.status),
               foreground=lambda e, m: STATE_COLOURS.get(e.status)),
        Column(QT_TRANSLATE_NOOP("Columns", "Reached at"),
               lambda e, m: (timefmt.local(e.reached_at, m.tz) + (" ★" if e.reached_via else ""))
               if e.reached_at else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Calls"), lambda e, m: str(len(e.calls))),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda e: e.contact.id, parent=parent)
        self.tz = "Asia/Seoul"
        self.info: Event | None = None
        self.deputies: dict = {}
