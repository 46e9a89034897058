"""The exchange folder a desk watches: import what is addressed to it, write what is due.

One `step()` is one round: read the folder, import complete packets addressed
to this desk (moved to `imported/<day>/`, or to `rejected/<day>/` with a `.why.txt`), then
write a packet for every enrolled desk that has something new. A missing,
unreadable or read-only folder is a status, never an exception: the next step
tries again. A file that fails in any way is refused (moved to `rejected/` with
why), never an exception: one bad file cannot stop the rounds after it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from crisisdesk.desk.exchange_models import (
    DUPLICATE,
    ERROR,
    IMPORTED,
    REFUSED,
    SKIPPED,
    WAITING,
    ExportResult,
    ImportOutcome,
)
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.exchange import errors, folder, packet
from crisisdesk.exchange.errors import FolderError, KeyUnavailable, PacketRejected
from crisisdesk.exchange.folder import FolderState

KEEP_DAYS = 30  # imported and rejected packets are deleted after this many days


@dataclass(frozen=True)
class PacketInfo:
    """A packet file as its header describes it (not verified)."""

    path: Path
    sender: str  # desk id
    sender_name: str  # e.g. bank.1a2b3c4d
    recipient: str  # desk id
    seq: int
    entries: int
    created_at: str
    size: int


@dataclass(frozen=True)
class RejectedPacket:
    path: Path
    why: str


@dataclass(frozen=True)
class FolderListing:
    state: FolderState
    incoming: tuple[PacketInfo, ...] = ()  # addressed to this desk, not yet imported
    outgoing: tuple[PacketInfo, ...] = ()  # written by this desk, not yet picked up
    imported: tuple[Path, ...] = ()
    rejected: tuple[RejectedPacket, ...] = ()


@dataclass
class WatchReport:
    """One round of the watch: the folder's state, per-packet outcomes, packets written."""

    state: FolderState
    outcomes: list[ImportOutcome] = field(default_factory=list)
    exported: list[ExportResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def imported(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == IMPORTED]

    @property
    def refused(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == REFUSED]

    def summary(self) -> str:
        if not self.state.ok:
            return self.state.message
        parts = [f"{len(self.imported)} imported", f"{len(self.refused)} refused",
                 f"{len(self.exported)} written"]
        waiting = sum(o.status in (WAITING, ERROR) for o in self.outcomes)
        if waiting:
            parts.append(f"{waiting} to retry")
        return ", ".join(parts) + "".join(f"; {p}" for p in self.problems)


class ExchangeFolder:
    """A watched exchange folder; keep one per desk session so handled files are remembered."""

    def __init__(self, service: ExchangeService, path: Path, settle: float = 2.0,
                 grace: float = 120.0, keep_days: int = KEEP_DAYS):
        self.service = service
        self.path = Path(path)
        self.settle = settle  # a file modified more recently than this is not read yet
        self.grace = grace  # a truncated file younger than this is still being copied
        self.keep_days = keep_days  # imported and rejected packets are kept this many days
        self._handled: dict[tuple[str, int, int], str] = {}
        # packets that wait for an earlier one: tried again only once their sender's stream
        # here has moved (not verified again every round)
        self._waiting: dict[tuple[str, int, int], tuple[str, tuple[str, int]]] = {}
        self._pruned = 0.0

    def status(self) -> FolderState:
        return folder.check(self.path)

    def step(self, export: bool = True) -> WatchReport:
        report = WatchReport(self.status())
        if not report.state.ok:
            return report
        try:
            candidates = folder.packets(self.path, self.settle)
        except OSError as exc:
            report.state = FolderState(folder.UNREADABLE, f"cannot list {self.path}: {exc.strerror}")
            return report
        try:
            me = self.service.me()
        except CrisisDeskError as exc:
            report.problems.append(str(exc))
            return report
        results: dict[Path, ImportOutcome] = {}
        while candidates:  # again while packets that waited for an earlier one may now go in
            progress = False
            for path in candidates:
                outcome = self._take(path, report, me.desk)
                if outcome is not None:
                    results[path] = outcome
                    progress = progress or outcome.status == IMPORTED
            candidates = [p for p, o in results.items() if o.status == WAITING] if progress else []
        report.outcomes = list(results.values())
        self._prune(report)
        if export:
            self._export(report)
        return report

    def _prune(self, report: WatchReport) -> None:
        """Delete imported and rejected packets older than `keep_days` (at most once an hour)."""
        if time.monotonic() - self._pruned < 3600 and self._pruned:
            return
        self._pruned = time.monotonic()
        today = self.service.desk.clock().date()
        for subfolder in (folder.IMPORTED, folder.REJECTED):
            removed = folder.prune(self.path, subfolder, today, self.keep_days)
            if removed:
                report.problems.append(f"{removed} {subfolder} packets older than "
                                       f"{self.keep_days} days deleted")

    def listing(self) -> FolderListing:
        state = self.status()
        if not state.ok:
            return FolderListing(state)
        me = self.service.me().desk
        try:
            found = folder.packets(self.path)
        except OSError as exc:
            return FolderListing(FolderState(folder.UNREADABLE,
                                             f"cannot list {self.path}: {exc.strerror}"))
        infos = [info for info in map(self._info, found) if info is not None]
        return FolderListing(
            state,
            incoming=tuple(i for i in infos if i.recipient == me and i.sender != me),
            outgoing=tuple(i for i in infos if i.sender == me),
            imported=tuple(folder.listed(self.path, folder.IMPORTED)),
            rejected=tuple(RejectedPacket(p, folder.why(p))
                           for p in folder.listed(self.path, folder.REJECTED)))

    # -- one packet ----------------------------------------------------------------
    def _take(self, path: Path, report: WatchReport, me: str) -> ImportOutcome | None:
        try:
            stat = path.stat()
        except OSError:
            return None  # gone since listed
        key = (path.name, stat.st_size, stat.st_mtime_ns)
        if key in self._handled:
            return None
        waited = self._waiting.get(key)
        if waited is not None and self.service.stream_mark(waited[0]) == waited[1]:
            return ImportOutcome(path, WAITING, "still waiting for an earlier packet")
        try:
            header = packet.peek_header(path, self.service.limits)
            if header.sender == me or header.recipient != me:
                self._handled[key] = SKIPPED  # own outgoing packet, or another desk's
                return None
            outcome = self.service.import_file(path)
            if outcome.status == WAITING:
                self._waiting[key] = (header.sender, self.service.stream_mark(header.sender))
            else:
                self._waiting.pop(key, None)
        except PacketRejected as exc:
            outcome = ImportOutcome(path, REFUSED, str(exc), reason=exc.reason)
        except OSError as exc:
            return ImportOutcome(path, ERROR, f"cannot read the file: {exc.strerror}")
        except Exception as exc:  # noqa: BLE001 (any failure on a file is its refusal)
            outcome = ImportOutcome(path, REFUSED, (
                f"the packet cannot be read ({type(exc).__name__}: {str(exc)[:300]})"),
                reason=errors.MALFORMED)
        if outcome.reason == errors.TRUNCATED and time.time() - stat.st_mtime < self.grace:
            return ImportOutcome(path, WAITING, "still being copied; tried again later")
        if outcome.status in (IMPORTED, DUPLICATE, REFUSED):
            self._handled[key] = outcome.status
            self._put_aside(outcome, report)
        return outcome

    def _put_aside(self, outcome: ImportOutcome, report: WatchReport) -> None:
        try:
            if outcome.status == REFUSED:
                me = self.service.me()
                moment = self.service.desk.clock()
                folder.reject(outcome.path, (
                    f"{outcome.message}\nreason: {outcome.reason}\n"
                    f"refused by: desk {me.name} ({me.desk})\n"
                    f"at: {to_iso(moment)}"), moment.date())
            else:
                folder.archive(outcome.path, self.service.desk.clock().date())
        except (OSError, CrisisDeskError) as exc:
            report.problems.append(f"{outcome.path.name} could not be moved "
                                   f"({getattr(exc, 'strerror', None) or exc}); it stays where it is")

    # -- outgoing ------------------------------------------------------------------
    def _export(self, report: WatchReport) -> None:
        for peer in self.service.peers():
            if not peer.active:
                continue
            try:
                result = self.service.export_to(peer.desk, self.path)
            except KeyUnavailable as exc:
                report.problems.append(f"outgoing packets not written: {exc}")
                return
            except FolderError as exc:
                report.state = FolderState(exc.state, str(exc))
                return
            except CrisisDeskError as exc:  # e.g. the database is busy: the next round writes it
                report.problems.append(f"no packet written for {peer.name}: {exc}")
                continue
            if result is not None:
                report.exported.append(result)

    def _info(self, path: Path) -> PacketInfo | None:
        try:
            header = packet.peek_header(path, self.service.limits)
            size = path.stat().st_size
        except Exception:  # noqa: BLE001 (listed only when readable; import refuses the rest)
            return None
        return PacketInfo(path, header.sender, header.sender_name, header.recipient, header.seq,
                          header.entries, header.created_at, size)
