"""A small file beside the desk database that remembers how far this desk has sent its journal.

`<database>.witness` holds the desk id, its stream epoch and the furthest position of its journal
it has put in a packet in that epoch, with the chain hash there. It is born with an epoch (when
the desk starts one: its first packet, or after a restore) and only ever moves forward within it.
Peers can only hold (and acknowledge) what a desk sent, so while the witness is of the desk's
current epoch:

- if the journal still has that position with that hash, the database was not replaced by an
  older backup, and a peer acknowledging a position, a later epoch or a count of entries this
  desk does not have is wrong about it (a misused key): the desk does not take itself for
  restored;
- if the journal lacks it, or the witness is of an epoch the database has not reached yet, the
  database was restored from an older backup: the desk knows it by itself.

The file is outside the database on purpose: restoring a backup replaces the database, not this
file. Without a witness of the current epoch (a desk restored on another computer, one set up by
an older CrisisDesk, or a witness that could not be written) the desk goes by its peers'
acknowledgements, as before: the witness only ever narrows what a peer's word can do.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crisisdesk.store import exchange_tables as tables
from crisisdesk.store import owner_only

SUFFIX = ".witness"


@dataclass(frozen=True)
class Witness:
    desk: str
    epoch: str  # the stream epoch it was born with
    upto: int  # the furthest journal position this desk has sent in that epoch (0: none yet)
    hash: str  # the chain hash at that position ("" or the genesis hash for 0)


def path_for(database: Path) -> Path | None:
    """Where the witness of the database at `database` lives (None for an in-memory desk)."""
    return None if str(database) == ":memory:" else database.with_name(database.name + SUFFIX)


def read(database: Path, desk: str) -> Witness | None:
    """The witness of `desk`'s database; None when there is none for this desk."""
    path = path_for(database)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Witness(str(data["desk"]), str(data["epoch"]), int(data["upto"]), str(data["hash"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    well_formed = found.epoch and found.upto >= 0 and (found.hash or found.upto == 0)
    return found if found.desk == desk and well_formed else None


def write(database: Path, witness: Witness) -> bool:
    """Replace the witness atomically (written, synced, renamed). When that fails the old one is
    removed, not left behind what was sent (the desk then goes by its peers' word): False."""
    path = path_for(database)
    if path is None:
        return False
    part = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, owner_only.FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"desk": witness.desk, "epoch": witness.epoch, "upto": witness.upto,
                       "hash": witness.hash}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except OSError:
        for stale in (part, path):
            try:
                stale.unlink(missing_ok=True)
            except OSError:
                pass
        return False
    return True


class Keeper:
    """One open desk's witness for the exchange service: read once a session, born with each new
    epoch, moved forward after each packet saved. Decisions only: the service journals them."""

    def __init__(self, database: Path, desk: str):
        self.database, self.desk = database, desk
        self._read = False
        self._upto: int | None = None  # the position this epoch's witness says (None: no witness of it)
        self._born = ""  # an epoch started in the transaction under way: its witness follows the commit

    def restored_at(self, conn: sqlite3.Connection, epoch: str | None) -> int | None:
        """Once a session: when the database was restored from an older backup, the position of
        the witness (what this desk had sent and its journal lacks, or sent in an epoch the
        journal has not reached); else None."""
        if self._read:
            return None
        self._read = True
        lacking = self.lacking(conn, epoch)
        if lacking is None:
            found = read(self.database, self.desk)
            self._upto = found.upto if found is not None and found.epoch == epoch else None
        return lacking

    def lacking(self, conn: sqlite3.Connection, epoch: str | None) -> int | None:
        """What `restored_at` says, from the witness as it is now (asked again under the write
        lock: another program on this desk may have noticed the restore first)."""
        found = read(self.database, self.desk)
        if found is None:
            return None
        if found.epoch == epoch:
            return None if _holds(conn, found) else found.upto
        if epoch is not None and epoch_order(found.epoch) < epoch_order(epoch):
            return None  # of an earlier epoch (the witness of this one could not be written): none
        return found.upto  # of an epoch this database has not reached: it is older than the witness

    def vouches(self, conn: sqlite3.Connection, epoch: str | None) -> bool:
        """Whether the witness is of the current epoch and the journal holds what it says was sent."""
        found = read(self.database, self.desk)
        return found is not None and found.epoch == epoch and _holds(conn, found)

    def born(self, epoch: str) -> None:
        self._born = epoch

    def after_commit(self, epoch: str | None, upto: int = 0, hash_: str = "") -> None:
        """The witness of an epoch born in the committed transaction, or moved to `upto` (a packet
        of this epoch saved up to there, chain hash `hash_`)."""
        born, self._born = self._born, ""
        if born and born == epoch:
            self._write(Witness(self.desk, born, upto if hash_ else 0, hash_))
        elif epoch and self._upto is not None and upto > self._upto and hash_:
            current = read(self.database, self.desk)  # another program on this desk may have sent further
            if current is None or current.epoch != epoch:
                self._upto = None  # gone (its write failed) or of a newer epoch: not made again late
            elif current.upto >= upto:
                self._upto = current.upto
            else:
                self._write(Witness(self.desk, epoch, upto, hash_))

    def _write(self, witness: Witness) -> None:
        self._upto = witness.upto if write(self.database, witness) else None


def _holds(conn: sqlite3.Connection, found: Witness) -> bool:
    """Whether the journal has the witnessed position with the witnessed chain hash."""
    return found.upto == 0 or tables.hash_at(conn, found.upto) == found.hash


def epoch_order(epoch: str) -> tuple[int, str]:
    """Stream epochs in the order they began (`<ms since 1970>-<random>`)."""
    head = epoch.split("-", 1)[0]
    return (int(head) if head.isdigit() else 0, epoch)
