"""An event's pinned playbook and group, parsed once and cached by their SHA-256."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import Affiliate, Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import load_playbook_text


@lru_cache(maxsize=32)
def parse_playbook(text: str, sha256: str) -> Playbook:
    """The pinned playbook (the hash is the cache key; the text was validated when pinned)."""
    return load_playbook_text(text, f"playbook {sha256[:12]}").value


@lru_cache(maxsize=32)
def parse_group(text: str, sha256: str) -> Group:
    return load_group_text(text, f"group {sha256[:12]}").value


@dataclass(frozen=True)
class EventContext:
    row: dict
    playbook: Playbook
    group: Group

    @property
    def id(self) -> str:
        return self.row["id"]

    @property
    def t0(self) -> datetime:
        return from_iso(self.row["t0"])

    @property
    def level(self) -> str:
        return self.row["level"]

    @property
    def is_open(self) -> bool:
        return self.row["status"] == "open"

    def affiliate(self, affiliate_id: str) -> Affiliate:
        try:
            return self.group.affiliate(affiliate_id)
        except KeyError:
            known = ", ".join(a.id for a in self.group.affiliates)
            raise InvalidInput(f"unknown affiliate '{affiliate_id}' (affiliates: {known})") from None


def event_context(row: dict) -> EventContext:
    return EventContext(row=row, playbook=parse_playbook(row["playbook_text"], row["playbook_sha256"]),
                        group=parse_group(row["group_text"], row["group_sha256"]))
