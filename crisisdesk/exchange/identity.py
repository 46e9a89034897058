"""Desk identities: role, Ed25519 public key, readable fingerprint, public key files."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from crisisdesk.domain.journal import canonical_json
from crisisdesk.exchange.errors import EnrolmentError

GROUP = "group"
AFFILIATE = "affiliate"
ROLES = (GROUP, AFFILIATE)

_KEY_FILE_MARK = "CrisisDesk desk public key"
_MAX_KEY_FILE = 64 * 1024
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


def check_slug(value: str, what: str) -> str:
    """A group or affiliate id as written in the group file (lowercase letters, digits, '-')."""
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise EnrolmentError(f"{what} {value!r} is not an id (lowercase letters, digits and '-')")
    return value


@dataclass(frozen=True)
class Identity:
    """Who a desk is: its id, role, group, affiliate (affiliate desks only) and public key."""

    desk: str
    role: str
    group: str
    affiliate: str | None
    public_key: bytes  # raw 32-byte Ed25519 public key

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise EnrolmentError(f"unknown desk role {self.role!r} (expected group or affiliate)")
        check_slug(self.group, "group")
        if self.role == AFFILIATE:
            check_slug(self.affiliate or "", "affiliate")
        elif self.affiliate is not None:
            raise EnrolmentError("a group desk belongs to no single affiliate")
        if len(self.public_key) != 32:
            raise EnrolmentError("the public key is not a 32-byte Ed25519 key")

    @property
    def label(self) -> str:
        """Short readable name: `group` or the affiliate id."""
        return self.affiliate or "" if self.role == AFFILIATE else GROUP

    @property
    def short_id(self) -> str:
        """The random tail of the desk id, enough to tell two desks of one affiliate apart."""
        return self.desk.replace("-", "")[-8:]

    @property
    def name(self) -> str:
        """`label.shortid`, as used in packet file names."""
        return f"{self.label}.{self.short_id}"

    def claims(self) -> dict[str, Any]:
        return {"desk": self.desk, "role": self.role, "group": self.group,
                "affiliate": self.affiliate, "public_key": _b64(self.public_key)}

    @property
    def fingerprint(self) -> str:
        """Twenty digits in groups of five, read aloud on the phone by both desks."""
        return fingerprint(self.claims())

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public_key)

    @classmethod
    def from_claims(cls, data: dict[str, Any]) -> Identity:
        try:
            return cls(desk=str(data["desk"]), role=data["role"], group=data["group"],
                       affiliate=data.get("affiliate"), public_key=_unb64(data["public_key"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise EnrolmentError(f"incomplete desk identity ({exc})") from None


def fingerprint(claims: dict[str, Any]) -> str:
    """Fingerprint of an identity's claims (desk, role, group, affiliate, key)."""
    digest = hashlib.sha256(canonical_json(claims).encode("utf-8")).digest()
    digits = f"{int.from_bytes(digest[:9], 'big') % 10**20:020d}"
    return " ".join(digits[i:i + 5] for i in range(0, 20, 5))


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def public_key_file_text(identity: Identity, key: Ed25519PrivateKey) -> str:
    """The public key file: the identity's claims, self-signed so any edit is detected."""
    claims = identity.claims()
    signature = key.sign(canonical_json(claims).encode("utf-8"))
    document = {"crisisdesk": _KEY_FILE_MARK, "format": 1, **claims,
                "self_signature": _b64(signature)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_public_key_file(path: Path) -> Identity:
    """The identity in a public key file, its self-signature checked."""
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_KEY_FILE:
            raise EnrolmentError(f"{path}: too large for a CrisisDesk public key file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EnrolmentError(f"{path}: cannot read the key file: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise EnrolmentError(f"{path}: not a CrisisDesk public key file") from None
    if not isinstance(data, dict) or data.get("crisisdesk") != _KEY_FILE_MARK:
        raise EnrolmentError(f"{path}: not a CrisisDesk public key file")
    if data.get("format") != 1:
        raise EnrolmentError(f"{path}: key file format {data.get('format')!r} is newer than this "
                             "CrisisDesk; update the program")
    identity = Identity.from_claims(data)
    try:
        identity.verifier().verify(_unb64(data.get("self_signature", "")),
                                   canonical_json(identity.claims()).encode("utf-8"))
    except (InvalidSignature, ValueError):
        raise EnrolmentError(f"{path}: the key file was altered (its self-signature does not "
                             "match); ask the other desk for a fresh copy") from None
    return identity


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, TypeError) as exc:
        raise ValueError("not base64") from exc
