"""The exchange as the executor thread sees it: one service per open desk, kept for the session.

The service remembers an unlocked key file and each watched folder remembers the packets it has
handled, so both live as long as the desk is open. Every function here runs in the executor thread;
the exchange modules are imported there on first use, never on the UI's start-up path.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from crisisdesk.desk.changes import EVERYTHING, Changes
from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.text import Text
from crisisdesk.ui.opening import desk_module


class _Session:
    """The exchange service of one open desk and its watched folders."""

    def __init__(self, desk):
        self.service = desk_module("exchange_service").ExchangeService(desk)
        self._folders: dict[str, object] = {}

    def folder(self, path: str):
        if path not in self._folders:
            self._folders[path] = desk_module("exchange_watch").ExchangeFolder(self.service, Path(path))
        return self._folders[path]


_sessions: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def service(desk):
    """The open desk's exchange service (the same one for the whole session)."""
    if desk not in _sessions:
        _sessions[desk] = _Session(desk)
    return _sessions[desk].service


def watched(desk, path: str):
    service(desk)
    return _sessions[desk].folder(path)


@dataclass(frozen=True)
class Snapshot:
    """What the Exchange panel shows of this desk: identity, key, peers, what the group file offers."""

    keyring_available: bool
    keyring_backend: str
    info: object | None  # exchange_models.DeskInfo; None before `init`
    locked: bool  # the key file needs its passphrase before packets can be signed
    peers: tuple = ()  # exchange_models.Peer
    group_id: str = ""
    affiliates: tuple[tuple[str, Text], ...] = ()
    sent: int = 0
    received: int = 0
    status: tuple = ()  # exchange_models.PeerStatus: last heard, not acknowledged, waiting for
    restore: object | None = None  # exchange_models.RestoreNotice: the latest restore noticed or refused


def snapshot(desk) -> Snapshot:
    svc = service(desk)
    status = svc.keyring_status()
    info = svc.info()
    group = desk.events.group() if desk.events.has_group() else None
    return Snapshot(
        keyring_available=status.available, keyring_backend=status.backend, info=info,
        locked=svc.needs_passphrase(), peers=tuple(svc.peers()) if info else (),
        group_id=group.id if group else "",
        affiliates=tuple((a.id, a.name) for a in group.affiliates) if group else (),
        sent=len(svc.sent_packets()) if info else 0, received=len(svc.received_packets()) if info else 0,
        status=tuple(svc.status()) if info else (), restore=svc.restore_notice() if info else None)


@dataclass(frozen=True)
class FolderView:
    """The exchange folder's state and what lies in it (listing is None until the desk has an identity)."""

    state: str
    message: str
    listing: object | None = None  # exchange_watch.FolderListing


def folder_view(desk, path: str) -> FolderView:
    folder = watched(desk, path)
    state = folder.status()
    if not state.ok or service(desk).info() is None:
        return FolderView(state.state, state.message)
    return FolderView(state.state, state.message, folder.listing())


def folder_state(desk, path: str) -> tuple[str, str]:
    """(state, message) of the exchange folder; ("", "") when none is set."""
    if not path:
        return "", ""
    state = watched(desk, path).status()
    return state.state, state.message


@dataclass
class Round:
    """One sync or import: per-packet outcomes, packets written, what to refresh, the folder after it."""

    outcomes: list = field(default_factory=list)  # exchange_models.ImportOutcome
    exported: list = field(default_factory=list)  # exchange_models.ExportResult
    problems: list[str] = field(default_factory=list)
    changes: list[Changes] = field(default_factory=list)
    folder: FolderView | None = None
    alarm: bool = False  # a peer's word about a restore of this desk in the last day (refused or taken)


ALARM_FOR = timedelta(hours=24)


def _alarm(desk) -> bool:
    """Whether a peer's word about a restore of this desk (a false acknowledgement refused, a
    restore taken at its word, entries of this desk taken back) came in the last day: the status
    bar points to the Exchange panel."""
    notice = service(desk).restore_notice()
    if notice is None or not (notice.refused or notice.taken_at_a_word):
        return False
    latest = max(notice.at, notice.returned_at)
    return bool(latest) and desk.clock() - from_iso(latest) < ALARM_FOR


def sync(desk, path: str) -> Round:
    """One round of the watched folder: import what is addressed here, write what is due."""
    if service(desk).info() is None:
        state = watched(desk, path).status()
        return Round(folder=FolderView(state.state, state.message))
    report = watched(desk, path).step(export=True)
    done = Round(report.outcomes, report.exported, report.problems, changes_of(report.outcomes),
                 alarm=_alarm(desk))
    done.folder = folder_view(desk, path) if report.state.ok else FolderView(report.state.state,
                                                                             report.state.message)
    return done


def import_files(desk, paths: list[str], folder: str = "") -> Round:
    """Packet files chosen by hand, each all or nothing, in any order."""
    outcomes = service(desk).import_files([Path(p) for p in paths])
    return Round(outcomes, changes=changes_of(outcomes), folder=folder_view(desk, folder) if folder else None,
                 alarm=_alarm(desk))


def changes_of(outcomes) -> list[Changes]:
    """Imported entries may touch anything: every kind, for each event they name (panels refresh)."""
    imported = [o for o in outcomes if o.status == "imported" and o.new_entries]
    if not imported:
        return []
    events = sorted({e for o in imported for e in o.events})
    return [Changes(event=e, kinds=EVERYTHING) for e in events] or [Changes(kinds=EVERYTHING)]
