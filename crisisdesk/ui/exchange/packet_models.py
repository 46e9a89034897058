"""Models of the Exchange panel: enrolled desks, the folder's packets, what happened to each packet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from crisisdesk.domain.clock import from_iso
from crisisdesk.ui import timefmt
from crisisdesk.ui.exchange.outcome_labels import (
    explain,
    outcome_name,
    reason_text,
    rejected_reason,
)
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE, SOON

GOOD = QColor("#1d6b34")
OUTCOME_COLOURS = {"imported": GOOD, "refused": LATE, "waiting": SOON, "error": SOON}


def _when(iso: str, model) -> str:
    try:
        return timefmt.local(from_iso(iso), model.tz)
    except (TypeError, ValueError):
        return iso or ""


def desk_role(identity) -> str:
    """`group desk` or `affiliate desk: bank`."""
    if identity.role == "group":
        return QCoreApplication.translate("Exchange", "group desk")
    return QCoreApplication.translate("Exchange", "affiliate desk: {}").format(identity.affiliate)


def _peer_state(p, m) -> str:
    if p.active:
        return QCoreApplication.translate("Exchange", "trusted")
    return QCoreApplication.translate("Exchange", "revoked {}: {}").format(_when(p.revoked_at, m), p.reason or "—")


def _heard(status, m) -> str:
    if not status.last_heard:
        return QCoreApplication.translate("Exchange", "never")
    return _when(status.last_heard, m)


def _behind(status, m) -> str:
    return QCoreApplication.translate("Exchange", "{} entries").format(status.behind)


def _waiting_for(status, m) -> str:
    """What this desk waits for from the peer, in words."""
    parts = []
    if status.missing is not None:
        parts.append(QCoreApplication.translate(
            "Exchange", "its journal after #{} (a packet is missing; it is sent again)").format(
            status.missing[0]))
    elif status.awaiting_ack:
        parts.append(QCoreApplication.translate("Exchange", "its acknowledgement"))
    if status.returning:
        parts.append(QCoreApplication.translate("Exchange", "sending back what it lost in a restore"))
    return "; ".join(parts) or "—"


class PeerModel(RowsModel):
    """Enrolled and revoked desks; a text the view may elide is whole in its tooltip."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Desk"), lambda p, m: p.name, tooltip=lambda p, m: p.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda p, m: desk_role(p.identity),
               tooltip=lambda p, m: desk_role(p.identity)),
        Column(QT_TRANSLATE_NOOP("Columns", "Fingerprint"), lambda p, m: p.fingerprint),
        Column(QT_TRANSLATE_NOOP("Columns", "Trust"), _peer_state, tooltip=_peer_state,
               foreground=lambda p, m: None if p.active else LATE),
        Column(QT_TRANSLATE_NOOP("Columns", "Enrolled"), lambda p, m: _when(p.enrolled_at, m)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda p: p.desk, parent=parent)
        self.tz = "Asia/Seoul"


class PeerStatusModel(RowsModel):
    """How the exchange stands with each trusted desk (exchange_models.PeerStatus): when it was
    last heard, how many entries it has not acknowledged, what this desk waits for from it."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Desk"), lambda s, m: s.peer.name,
               tooltip=lambda s, m: s.peer.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Last heard"), _heard, tooltip=_heard),
        Column(QT_TRANSLATE_NOOP("Columns", "Unacknowledged"), _behind, tooltip=_behind,
               foreground=lambda s, m: SOON if s.behind else None),
        Column(QT_TRANSLATE_NOOP("Columns", "Waiting for"), _waiting_for, tooltip=_waiting_for),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda s: s.peer.desk, parent=parent)
        self.tz = "Asia/Seoul"


class PacketModel(RowsModel):
    """Packets lying in the folder (incoming or outgoing), as their headers describe them."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda p, m: p.path.name),
        Column(QT_TRANSLATE_NOOP("Columns", "From"), lambda p, m: p.sender_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Entries"), lambda p, m: str(p.entries)),
        Column(QT_TRANSLATE_NOOP("Columns", "Written"), lambda p, m: _when(p.created_at, m)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda p: str(p.path), parent=parent)
        self.tz = "Asia/Seoul"


class ImportedModel(RowsModel):
    """Packet files moved to `imported/`."""

    columns = (Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda p, m: p.name),)

    def __init__(self, parent=None):
        super().__init__(key=str, parent=parent)


class RejectedModel(RowsModel):
    """Packet files moved to `rejected/`, each with the reason written beside it."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda r, m: r.path.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Why refused"), lambda r, m: reason_text(rejected_reason(r.why)),
               foreground=lambda r, m: LATE, tooltip=lambda r, m: r.why),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda r: str(r.path), parent=parent)


class OutcomeModel(RowsModel):
    """What happened to each packet of the last sync or import."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda o, m: Path(o.path).name),
        Column(QT_TRANSLATE_NOOP("Columns", "Result"), lambda o, m: outcome_name(o.status),
               foreground=lambda o, m: OUTCOME_COLOURS.get(o.status)),
        Column(QT_TRANSLATE_NOOP("Columns", "What happened"), lambda o, m: explain(o),
               tooltip=lambda o, m: o.message),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda o: (str(o.path), o.status), parent=parent)
