"""Signed checkpoints: a desk's statement, signed with its Ed25519 key, that its journal held
entry `seq` with chain hash `hash` at time `at`.

The chain hash of entry `seq` covers every entry before it, so one checkpoint anchors the
whole history up to `seq`: a forger who edits an earlier entry and recomputes every hash
after it ends with another hash at `seq`, and cannot sign a new checkpoint without the key.
Checkpoints are kept outside the journal (their own table) and travel to the desk's peers
in packet headers, where a local forger cannot reach them.

Pure: what is signed and how a checkpoint reads; signing and checking signatures is done
by the layers that hold keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crisisdesk.domain.journal import canonical_json

FORMAT = "crisisdesk.checkpoint/1"
REASONS = ("report", "packet", "interval", "close", "manual")
SHORT_HASH = 12  # hex digits of the chain hash in the short form
_HASH = re.compile(r"[0-9a-f]{64}")
_DESK = re.compile(r"[0-9A-Za-z_-]{1,64}")
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
_SIGNATURE = re.compile(r"[A-Za-z0-9+/]{86}==")  # base64 of 64 bytes


class CheckpointError(ValueError):
    """A checkpoint that is not well-formed."""


@dataclass(frozen=True)
class Checkpoint:
    """Desk `desk` held journal entry `seq` with chain hash `hash` at `at` (UTC)."""

    desk: str
    seq: int
    hash: str
    at: str
    reason: str
    signature: str = ""  # base64 Ed25519 signature of `message()`

    def message(self) -> bytes:
        """The bytes the desk signs: everything but the signature, canonical JSON."""
        return canonical_json({"format": FORMAT, "desk": self.desk, "seq": self.seq,
                               "hash": self.hash, "at": self.at, "reason": self.reason}
                              ).encode("utf-8")

    def short(self) -> str:
        """The form printed on reports: `#412 3f9a1c2e7b04 2025-09-27T05:05:00Z`."""
        return f"#{self.seq} {self.hash[:SHORT_HASH]} {self.at[:19]}Z"

    def to_dict(self) -> dict[str, Any]:
        return {"desk": self.desk, "seq": self.seq, "hash": self.hash, "at": self.at,
                "reason": self.reason, "signature": self.signature}

    @classmethod
    def from_dict(cls, data: object) -> Checkpoint:
        """A checkpoint from outside (a packet header, a peer's database), checked for form."""
        if not isinstance(data, dict):
            raise CheckpointError("a checkpoint is not an object")
        try:
            checkpoint = cls(desk=data["desk"], seq=data["seq"], hash=data["hash"],
                             at=data["at"], reason=data["reason"], signature=data["signature"])
        except KeyError as exc:
            raise CheckpointError(f"a checkpoint lacks its {exc.args[0]}") from None
        checkpoint.check()
        return checkpoint

    def check(self) -> None:
        """Refuse (CheckpointError) a checkpoint whose fields are not of their form."""
        if not isinstance(self.desk, str) or not _DESK.fullmatch(self.desk):
            raise CheckpointError("a checkpoint's desk is not a desk id")
        if isinstance(self.seq, bool) or not isinstance(self.seq, int) \
                or not 1 <= self.seq < 2**53:
            raise CheckpointError("a checkpoint's position is not a journal position")
        if not isinstance(self.hash, str) or not _HASH.fullmatch(self.hash):
            raise CheckpointError("a checkpoint's hash is not a SHA-256 hex digest")
        if not isinstance(self.at, str) or not _TIME.fullmatch(self.at):
            raise CheckpointError("a checkpoint's time is not a UTC time")
        if self.reason not in REASONS:
            raise CheckpointError("a checkpoint's reason is not a known one")
        if not isinstance(self.signature, str) or not _SIGNATURE.fullmatch(self.signature):
            raise CheckpointError("a checkpoint's signature is not an Ed25519 signature")


@dataclass(frozen=True)
class Coverage:
    """What the checkpoints say about a journal of `head` entries: entries 1..`covered` are
    anchored by a valid checkpoint whose hash matches the journal; the rest are not."""

    head: int
    covered: int
    latest: Checkpoint | None = None  # the checkpoint that covers the most

    @property
    def complete(self) -> bool:
        return self.covered >= self.head

    def describe(self) -> str:
        """One clause for verify's line, never claiming more than is covered."""
        if self.head == 0:
            return "the journal is empty"
        if self.covered == 0 or self.latest is None:
            return f"entries #1..#{self.head} are not covered by any checkpoint"
        covered = (f"#{self.covered}" if self.covered == 1 else f"#1..#{self.covered}")
        text = f"{covered} covered by signed checkpoints (latest {self.latest.short()})"
        if self.covered < self.head:
            rest = (f"#{self.head}" if self.covered + 1 == self.head
                    else f"#{self.covered + 1}..#{self.head}")
            text += f"; {rest} not covered by any checkpoint"
        return text
