"""The emergency contact tree (비상연락망): who is called, for which role and affiliate, their
deputy, and the outside contacts (FSS officer, KFTC, KRX, vendors); and roll-calls that record
who was reached when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisdesk.domain.text import Text

GROUP_DESK = "group"
EXTERNAL_KINDS = ("fss", "fsc", "fsi", "kftc", "krx", "vendor", "authority", "other")
CALL_RESULTS = ("reached", "no-answer", "left-message")
EXTERNAL_NAMES = {
    "fss": Text("금융감독원", "FSS"), "fsc": Text("금융위원회", "FSC"), "fsi": Text("금융보안원", "FSI"),
    "kftc": Text("금융결제원", "KFTC"), "krx": Text("한국거래소", "KRX"), "vendor": Text("협력업체", "Vendor"),
    "authority": Text("관계 기관", "Authority"), "other": Text("기타", "Other"),
}
CALL_RESULT_NAMES = {
    "reached": Text("연락됨", "reached"), "no-answer": Text("응답 없음", "no answer"),
    "left-message": Text("메시지 남김", "message left"),
}


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    phone: str
    affiliate: str = GROUP_DESK  # the affiliate it belongs to, or "group"; "" for an outside contact
    role: str = ""  # the role it fills (a playbook role id or a title as written)
    title: Text = Text()  # position, e.g. 그룹 CRO
    external: str = ""  # outside contact: one of EXTERNAL_KINDS
    organisation: Text = Text()  # outside contact's organisation
    phone2: str = ""
    email: str = ""
    deputy: str = ""  # the contact called when this one cannot be reached


@dataclass(frozen=True)
class RollCallEntry:
    """One contact in a roll-call: the calls made and when it was first reached."""

    contact: Contact
    calls: tuple[tuple[datetime, str, str], ...]  # (when, result, note)
    reached_at: datetime | None
    reached_via: str = ""  # the deputy's id when the deputy answered for the contact

    @property
    def status(self) -> str:
        if self.reached_at is not None:
            return "reached"
        return self.calls[-1][1] if self.calls else "not-called"


@dataclass(frozen=True)
class RollCall:
    id: str
    event: str
    title: str
    started_at: datetime
    entries: tuple[RollCallEntry, ...]

    @property
    def reached(self) -> int:
        return sum(1 for e in self.entries if e.reached_at is not None)


def call_tree(contacts: tuple[Contact, ...]) -> list[tuple[Contact, Contact | None]]:
    """The contact tree in calling order: the group's contacts, then each affiliate's, then the
    outside contacts; each with its deputy (None for none)."""
    by_id = {c.id: c for c in contacts}

    def order(c: Contact) -> tuple[int, str]:
        return (0 if c.affiliate == GROUP_DESK and not c.external else 2 if c.external else 1, c.affiliate)

    deputies = {c.deputy for c in contacts if c.deputy}
    primary = [c for c in contacts if c.id not in deputies] or list(contacts)
    return [(c, by_id.get(c.deputy)) for c in sorted(primary, key=order)]


def fold_roll_call(roll_id: str, event: str, title: str, started_at: datetime, contacts: tuple[Contact, ...],
                   calls: list[tuple[datetime, str, str, str]]) -> RollCall:
    """A roll-call from its calls (when, contact, result, note) in time order. A deputy reached
    counts as reaching the contact it stands in for."""
    by_contact: dict[str, list[tuple[datetime, str, str]]] = {}
    for when, called, result, note in sorted(calls, key=lambda c: c[0]):
        by_contact.setdefault(called, []).append((when, result, note))
    entries = []
    for contact, deputy in call_tree(contacts):
        own = tuple(by_contact.get(contact.id, ()))
        reached = next((w for w, r, _ in own if r == "reached"), None)
        via = ""
        if reached is None and deputy is not None:
            deputy_reached = next((w for w, r, _ in by_contact.get(deputy.id, ()) if r == "reached"), None)
            if deputy_reached is not None:
                reached, via = deputy_reached, deputy.id
        entries.append(RollCallEntry(contact, own, reached, via))
    return RollCall(roll_id, event, title, started_at, tuple(entries))
