"""Which entries travel between two desks, and what an enrolled sender may send.

The group desk sends the group kinds it originated (events, levels, providers,
playbooks pinned in events, decisions …) to each affiliate desk, and every
affiliate kind (items, answers, assessments, notices) for that desk's affiliate
or for the group desk's own sheet (affiliate "group"), whichever desk made it:
its own edits on the phone's word and the entries of the affiliate's other
desks (relayed). An affiliate desk sends the affiliate kinds it originated for
its own affiliate to the group desk. One affiliate never sees another's work.

After a desk was restored from an old backup, its peers send it back the
entries it made itself and lost (`echo`); a desk accepts such returned entries
of its own only from before its restore was noticed (`own_before`), and only
those it sends to that peer (a peer cannot hold others).
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
    """Whether `sender` sends this entry of its journal to its peers (format 1: own entries)."""
    if entry.desk != sender.desk or entry.kind not in kinds_sent_by(sender):
        return False
    return sender.role == GROUP or entry.payload.get("affiliate") == sender.affiliate


def kinds_sent_to(sender: Identity) -> frozenset[str]:
    """The kinds `sender` may send to any peer (its own, and relayed or returned ones)."""
    return GROUP_KINDS | AFFILIATE_KINDS if sender.role == GROUP else kinds_sent_by(sender)


def travels_to(entry: Entry, sender: Identity, peer: Identity, echo: bool = False) -> bool:
    """Whether `sender` sends this entry of its journal to `peer`; with `echo`, the peer's own
    entries go back to it too (it was restored from a backup and lost them)."""
    if entry.desk == peer.desk:
        return echo and entry.kind not in LOCAL_KINDS
    if sender.role == AFFILIATE:
        return travels(entry, sender)
    if entry.kind in GROUP_KINDS:
        return entry.desk == sender.desk
    return entry.kind in AFFILIATE_KINDS and visible_to(entry, peer)


def visible_to(entry: Entry, peer: Identity) -> bool:
    """Whether an affiliate entry is one `peer` may hold: its own affiliate's, or the group
    desk's own sheet."""
    return peer.role == GROUP or entry.payload.get("affiliate") in (peer.affiliate, GROUP)


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


def check_entries(sender: Identity, entries: Iterable[Entry], me: Identity | None = None,
                  own_before: str = "", held: frozenset[str] = frozenset()) -> None:
    """Refuse a packet holding an unknown kind, or anything the enrolled sender may not send to
    `me`: the group desk relays an affiliate's entries to that affiliate's desks; a desk's own
    entries come back to it only when made before `own_before` (the HLC at which this desk
    noticed it was restored; "" for never) and of those it sends to `sender`, or are already
    held here (`held`: their ids)."""
    entries = list(entries)
    if me is not None and _plainly_own(sender, entries, me):
        return
    for entry in entries:
        if entry.kind not in ALL_KINDS:
            raise PacketRejected(errors.UNKNOWN_KIND,
                                 f"unknown entry kind {entry.kind}: update CrisisDesk")
    allowed = kinds_sent_by(sender)
    for entry in entries:
        where = f"entry {entry.id} ({entry.kind})"
        if entry.kind in LOCAL_KINDS:
            raise PacketRejected(errors.OUT_OF_SCOPE, f"out of scope: {where} never leaves its desk")
        if me is not None and entry.desk == me.desk:
            if entry.id in held:
                continue
            if not own_before or entry.hlc >= own_before:
                raise PacketRejected(errors.OUT_OF_SCOPE, (
                    f"out of scope: {where} claims to be made on this desk, and this desk was "
                    "not restored from a backup before it"))
            if not travels_to(entry, me, sender):  # the sender can hold it only if sent it
                raise PacketRejected(errors.OUT_OF_SCOPE, (
                    f"out of scope: {where} claims to be made on this desk, and this desk "
                    f"never sends such an entry to desk {sender.name}"))
            continue
        if me is not None and sender.role == GROUP and entry.kind in AFFILIATE_KINDS:
            if not visible_to(entry, me):
                raise PacketRejected(errors.OUT_OF_SCOPE, (
                    f"out of scope: {where} touches affiliate "
                    f"'{entry.payload.get('affiliate')}', and this desk is {_role(me)}"))
            continue
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


def _plainly_own(sender: Identity, entries: list[Entry], me: Identity) -> bool:
    """Whether every entry is one an affiliate desk sends of its own (its desk, an affiliate
    kind, its affiliate), found at C speed: the packets of thousands of entries. False sends
    them through the checks above, which say what is wrong."""
    if sender.role != AFFILIATE or sender.desk == me.desk or not entries:
        return False
    try:
        return {e.desk for e in entries} == {sender.desk} \
            and AFFILIATE_KINDS.issuperset(e.kind for e in entries) \
            and {e.payload.get("affiliate") for e in entries} == {sender.affiliate}
    except TypeError:  # an affiliate that is no text (unhashable): the checks say so
        return False


def _role(identity: Identity) -> str:
    return "the group desk" if identity.role == GROUP else f"the desk of '{identity.affiliate}'"
