"""Which entries travel between two desks, and what an enrolled sender may send.

The group desk sends the group kinds it originated (events, levels, providers,
playbooks pinned in events, decisions …) to each affiliate desk. An affiliate
desk sends the affiliate kinds it originated for its own affiliate to the group
desk. The group desk does not relay one affiliate's entries to another.
"""

from __future__ import annotations

from collections.abc import Iterable

from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, ALL_KINDS, GROUP_KINDS, LOCAL_KINDS
from crisisdesk.domain.journal import Entry
from crisisdesk.exchange import errors
from crisisdesk.exchange.errors import EnrolmentError, PacketRejected
from crisisdesk.exchange.identity import AFFILIATE, GROUP, Identity


def kinds_sent_by(sender: Identity) -> frozenset[str]:
    return GROUP_KINDS if sender.role == GROUP else AFFILIATE_KINDS


def travels(entry: Entry, sender: Identity) -> bool:
    """Whether `sender` sends this entry of its journal to its peers."""
    if entry.desk != sender.desk or entry.kind not in kinds_sent_by(sender):
        return False
    return sender.role == GROUP or entry.payload.get("affiliate") == sender.affiliate


def check_pair(me: Identity, peer: Identity) -> None:
    """Only a group desk and an affiliate desk of the same group exchange packets."""
    if peer.desk == me.desk:
        raise EnrolmentError("this is this desk's own key; enrol the other desk's key file")
    if peer.group != me.group:
        raise EnrolmentError(f"desk {peer.name} belongs to group '{peer.group}', this desk to "
                             f"'{me.group}'")
    if me.role == peer.role:
        wanted = "its group desk" if me.role == AFFILIATE else "affiliate desks"
        raise EnrolmentError(f"desk {peer.name} is {_role(peer)}; {_role(me)} enrols only "
                             f"{wanted}")


def check_entries(sender: Identity, entries: Iterable[Entry]) -> None:
    """Refuse a packet holding an unknown kind, or anything the enrolled sender may not send."""
    entries = list(entries)
    for entry in entries:
        if entry.kind not in ALL_KINDS:
            raise PacketRejected(errors.UNKNOWN_KIND,
                                 f"unknown entry kind {entry.kind}: update CrisisDesk")
    allowed = kinds_sent_by(sender)
    for entry in entries:
        where = f"entry {entry.id} ({entry.kind})"
        if entry.kind in LOCAL_KINDS:
            raise PacketRejected(errors.OUT_OF_SCOPE, f"out of scope: {where} never leaves its desk")
        if entry.desk != sender.desk:
            raise PacketRejected(errors.OUT_OF_SCOPE, (
                f"out of scope: {where} was made on another desk; desk {sender.name} may only "
                "send its own entries"))
        if entry.kind not in allowed:
            who = "the group desk" if sender.role == AFFILIATE else "an affiliate desk"
            raise PacketRejected(errors.OUT_OF_SCOPE, (
                f"out of scope: {where} comes only from {who}, and desk {sender.name} is "
                f"enrolled as {_role(sender)}"))
        if sender.role == AFFILIATE and entry.payload.get("affiliate") != sender.affiliate:
            raise PacketRejected(errors.OUT_OF_SCOPE, (
                f"out of scope: {where} touches affiliate "
                f"'{entry.payload.get('affiliate')}', and desk {sender.name} is enrolled for "
                f"'{sender.affiliate}' only"))


def _role(identity: Identity) -> str:
    return "the group desk" if identity.role == GROUP else f"the desk of '{identity.affiliate}'"
