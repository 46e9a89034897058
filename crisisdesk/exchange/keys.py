"""Where a desk's private key lives: the OS keyring, or a passphrase-protected file.

The key never goes into the database or a plain file. Where no keyring works
(a bare Linux without Secret Service) the caller offers the encrypted file;
its passphrase always comes from the caller (UI dialog, CLI prompt), never
from stdin read here.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from crisisdesk.exchange.errors import KeyUnavailable, WrongPassphrase

KEYRING_SERVICE = "CrisisDesk"
KEYRING = "keyring"
FILE = "file"
MIN_PASSPHRASE = 8
_FILE_MARK = "CrisisDesk desk private key (encrypted)"
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    backend: str
    message: str


def _keyring() -> Any:
    """The keyring package, imported when a key is first stored or read: it brings in an HTTP and
    TLS stack, and the desk opens (and the window starts) without it."""
    import keyring
    import keyring.backends.fail
    import keyring.errors

    return keyring


def keyring_status() -> KeyringStatus:
    """Whether an OS keyring backend is usable here, in words for a person."""
    keyring = _keyring()
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend must never take the desk down
        return KeyringStatus(False, "error", f"the OS keyring failed to load ({exc})")
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, keyring.backends.fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return KeyringStatus(False, name, (
            "no OS keyring works on this computer (on Linux: no Secret Service such as GNOME "
            "Keyring or KWallet is running); keep the private key in a passphrase-protected file"))
    return KeyringStatus(True, name, f"the private key is kept in the OS keyring ({name})")


class KeyStore(Protocol):
    kind: str

    def save(self, desk_id: str, key: Ed25519PrivateKey) -> None: ...

    def load(self, desk_id: str) -> Ed25519PrivateKey: ...


class KeyringKeys:
    """The private key in the OS keyring, under service `CrisisDesk` and the desk id."""

    kind = KEYRING

    def save(self, desk_id: str, key: Ed25519PrivateKey) -> None:
        secret = base64.b64encode(key.private_bytes_raw()).decode("ascii")
        keyring = _keyring()
        try:
            keyring.set_password(KEYRING_SERVICE, desk_id, secret)
        except keyring.errors.NoKeyringError as exc:
            raise KeyUnavailable(keyring_status().message) from exc
        except Exception as exc:  # a locked or dismissed keyring, D-Bus trouble
            raise KeyUnavailable(
                f"the OS keyring refused to store the desk key ({_why(exc)}); keep it in a "
                "passphrase-protected file instead") from exc

    def load(self, desk_id: str) -> Ed25519PrivateKey:
        keyring = _keyring()
        try:
            secret = keyring.get_password(KEYRING_SERVICE, desk_id)
        except keyring.errors.NoKeyringError as exc:
            raise KeyUnavailable("this desk's private key is kept in the OS keyring, and no OS "
                                 "keyring works here now (is the Secret Service running?); "
                                 "packets cannot be signed") from exc
        except Exception as exc:
            raise KeyUnavailable(f"the OS keyring cannot be read ({_why(exc)}); unlock it and "
                                 "try again") from exc
        if secret is None:
            raise KeyUnavailable("this desk's private key is not in the OS keyring of this user "
                                 "account; packets cannot be signed here")
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret))


class EncryptedFileKeys:
    """The private key in a file, encrypted with AES-256-GCM under a scrypt-derived key."""

    kind = FILE

    def __init__(self, path: Path, passphrase: str):
        self.path = Path(path)
        self.passphrase = passphrase

    def save(self, desk_id: str, key: Ed25519PrivateKey) -> None:
        if len(self.passphrase) < MIN_PASSPHRASE:
            raise KeyUnavailable(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
        if self.path.exists():
            raise KeyUnavailable(f"{self.path}: a file is already there; choose another name")
        salt, nonce = os.urandom(16), os.urandom(12)
        sealed = AESGCM(self._derive(salt, _SCRYPT)).encrypt(nonce, key.private_bytes_raw(),
                                                              _aad(desk_id))
        document = {"crisisdesk": _FILE_MARK, "format": 1, "desk": desk_id,
                    "kdf": {"name": "scrypt", **_SCRYPT, "salt": _b64(salt)},
                    "cipher": "AES-256-GCM", "nonce": _b64(nonce), "ciphertext": _b64(sealed)}
        tmp = self.path.with_name(f".{self.path.name}.part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(document, handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise KeyUnavailable(f"{self.path}: cannot write the key file: {exc.strerror}") from exc

    def load(self, desk_id: str) -> Ed25519PrivateKey:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            kdf = document["kdf"]
            params = {"n": int(kdf["n"]), "r": int(kdf["r"]), "p": int(kdf["p"])}
            salt, nonce = _unb64(kdf["salt"]), _unb64(document["nonce"])
            sealed = _unb64(document["ciphertext"])
            if document.get("crisisdesk") != _FILE_MARK or params["n"] > 2**20:
                raise ValueError("not our key file")
        except OSError as exc:
            raise KeyUnavailable(f"{self.path}: cannot read the key file: {exc.strerror}") from exc
        except (ValueError, KeyError, TypeError, AttributeError):
            raise KeyUnavailable(f"{self.path}: not a CrisisDesk key file") from None
        if document.get("desk") != desk_id:
            raise KeyUnavailable(f"{self.path}: this key file belongs to another desk")
        try:
            raw = AESGCM(self._derive(salt, params)).decrypt(nonce, sealed, _aad(desk_id))
        except InvalidTag:
            raise WrongPassphrase(f"{self.path}: wrong passphrase (or the key file was "
                                  "altered)") from None
        return Ed25519PrivateKey.from_private_bytes(raw)

    def _derive(self, salt: bytes, params: dict[str, Any]) -> bytes:
        return Scrypt(salt=salt, length=32, **params).derive(self.passphrase.encode("utf-8"))


def _aad(desk_id: str) -> bytes:
    return f"crisisdesk-desk-key:{desk_id}".encode()


def _why(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
