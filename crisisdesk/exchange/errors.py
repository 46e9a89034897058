"""Exchange errors: refused packets (with a reason code), key and enrolment problems."""

from __future__ import annotations

from crisisdesk.domain.errors import CrisisDeskError

# Reason codes of a refused packet; the UI translates by code, the CLI prints the sentence.
BAD_SIGNATURE = "bad_signature"
UNKNOWN_DESK = "unknown_desk"
OUT_OF_SCOPE = "out_of_scope"
REPLAYED_SEQUENCE = "replayed_sequence"
TRUNCATED = "truncated"
NOT_A_PACKET = "not_a_packet"
TOO_LARGE = "too_large"
DECOMPRESSION_BOMB = "decompression_bomb"
UNKNOWN_KIND = "unknown_kind"
WRONG_RECIPIENT = "wrong_recipient"
NEWER_FORMAT = "newer_format"
MALFORMED = "malformed"
CONFLICTING_ENTRY = "conflicting_entry"
CLOCK_AHEAD = "clock_ahead"
INVALID_ENTRY = "invalid_entry"

REASONS = frozenset({
    BAD_SIGNATURE, UNKNOWN_DESK, OUT_OF_SCOPE, REPLAYED_SEQUENCE, TRUNCATED, NOT_A_PACKET,
    TOO_LARGE, DECOMPRESSION_BOMB, UNKNOWN_KIND, WRONG_RECIPIENT, NEWER_FORMAT, MALFORMED,
    CONFLICTING_ENTRY, CLOCK_AHEAD, INVALID_ENTRY,
})


class PacketRejected(CrisisDeskError):
    """A packet was refused as a whole; nothing of it was applied."""

    def __init__(self, reason: str, message: str):
        if reason not in REASONS:
            raise ValueError(f"unknown refusal reason {reason!r}")
        super().__init__(message)
        self.reason = reason


class KeyUnavailable(CrisisDeskError):
    """The desk's private key cannot be stored or read where it was asked to be."""


class WrongPassphrase(KeyUnavailable):
    """The passphrase does not open the encrypted key file."""


class EnrolmentError(CrisisDeskError):
    """A public key file or an enrolment request is refused."""


class FolderError(CrisisDeskError):
    """The exchange folder cannot be read or written now; `state` says how (see exchange.folder)."""

    def __init__(self, state: str, message: str):
        super().__init__(message)
        self.state = state
