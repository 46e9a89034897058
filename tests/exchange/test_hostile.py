"""A corpus of hostile packets, signed and unsigned: every one refused with the right reason,
the database byte-identical, the watcher still running and importing the next valid packet."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest

from crisisdesk.desk.exchange_service import IMPORTED, REFUSED
from crisisdesk.desk.exchange_watch import ExchangeFolder
from crisisdesk.domain.clock import to_iso, to_ms
from crisisdesk.domain.hlc import Hlc
from crisisdesk.domain.journal import Entry
from crisisdesk.exchange import errors, folder, packet
from crisisdesk.exchange.keys import KeyringKeys
from tests.exchange.factories import PLAYBOOK, entry, forge, snapshot

E = errors


@dataclass
class World:
    group: object
    bank: object
    card: object
    event: str
    item: tuple[str, str]  # a checklist item of the bank in the event

    def ahead(self, node, minutes: float) -> tuple[str, str]:
        """An `at` and an HLC `minutes` ahead of `node`'s clock (the receiver's)."""
        moment = node.desk.clock.now + timedelta(minutes=minutes)
        return to_iso(moment), Hlc(to_ms(moment), 0, "x").encode()


@dataclass(frozen=True)
class Case:
    name: str
    to: str  # "group" (sent by the bank desk) or "bank" (sent by the group desk)
    build: Callable[[World], bytes]
    reason: str
    says: str = ""  # a fragment of the refusal's message
    watched: bool = True  # also dropped in the watched folder (a packet for another desk is
    # skipped there, not refused)


# -- builders ------------------------------------------------------------------------------
def _raw(header: bytes | dict, body: bytes = b"", signature: bytes = b"\0" * 64) -> bytes:
    head = header if isinstance(header, bytes) else json.dumps(header).encode()
    return packet.MAGIC + struct.pack(">I", len(head)) + head + body + signature


def _header(w: World, by="bank", body=b"", raw=b"", entries=0, **changes) -> dict:
    node = getattr(w, by)
    me = node.exchange.me()
    recipient = w.group.id if by == "bank" else w.bank.id
    header = {"format": packet.FORMAT, "group": "hanbit", "compression": "zlib",
              "sender": {"desk": me.desk, "role": me.role, "affiliate": me.affiliate,
                         "name": me.name},
              "recipient": recipient, "seq": 1, "after": 0, "upto": 1,
              "created_at": "2025-09-26T20:20:00.000Z", "entries": entries,
              "body_size": len(body), "raw_size": len(raw)}
    header.update(changes)
    return header


def _signed(w: World, header: dict, body: bytes, sender="bank") -> bytes:
    return packet.assemble(header, body, KeyringKeys().load(getattr(w, sender).id))


def _signed_body(raw: bytes, entries: int = 1, sender="bank", **changes) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        body = zlib.compress(raw)
        return _signed(w, _header(w, sender, body, raw, entries, **changes), body, sender)
    return build


def _signed_header(**changes) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        raw = b"[]"
        body = zlib.compress(raw)
        return _signed(w, _header(w, "bank", body, raw, 0, **changes), body)
    return build


def _unsigned(header: bytes) -> Callable[[World], bytes]:
    return lambda w: _raw(header)


def _from_bank(kind: str, payload: Callable[[World], dict], **fields) -> Callable[[World], bytes]:
    """A packet correctly signed by the bank desk, holding one entry (fields replaced)."""
    def build(w: World) -> bytes:
        made = entry(w.bank, kind, payload(w))
        return forge(w.bank, w.group, [_replace(w, w.group, made, fields)])
    return build


def _from_group(kind: str, payload: Callable[[World], dict], **fields) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        made = entry(w.group, kind, payload(w))
        return forge(w.group, w.bank, [_replace(w, w.bank, made, fields)])
    return build


def _replace(w: World, receiver, made: Entry, fields: dict) -> Entry:
    values = {k: (v(w, receiver, made) if callable(v) else v) for k, v in fields.items()}
    return dataclasses.replace(made, **values)


def _hlc(text: str):
    return lambda w, receiver, made: text.replace("DESK", made.desk)


def _ahead_hlc(minutes: float):
    return lambda w, receiver, made: w.ahead(receiver, minutes)[1].replace(".x", f".{made.desk}")


def _ahead_at(minutes: float):
    return lambda w, receiver, made: w.ahead(receiver, minutes)[0]


# -- payloads (valid, then each case changes one thing) -------------------------------------
def tick(w: World, **after) -> dict:
    checklist, item = w.item
    return {"event": w.event, "affiliate": "bank", "checklist": checklist, "item": item,
            "before": {"state": "todo"}, "after": {"state": "doing", **after}, "base": "",
            "undoes": ""}


def answer(w: World, field: str, value) -> dict:
    return {"event": w.event, "affiliate": "bank", "field": field, "value": value}


def assess(w: World, **changes) -> dict:
    return {"event": w.event, "affiliate": "bank", "service": "atm", "status": "down",
            "note": "", **changes}


def notice(w: World, **changes) -> dict:
    return {"event": w.event, "notice": "n1", "affiliate": "bank", "template": "app-banner",
            "channel": "app", "title": "t", "body": "b", **changes}


def duty(w: World, **changes) -> dict:
    return {"event": w.event, "duty": "fss-initial", "affiliate": "bank", "occurrence": 1,
            "state": "submitted", "reference": "r", "reason": "", "at": "2025-09-26T21:00:00.000Z",
            **changes}


def decision(w: World, **changes) -> dict:
    return {"event": w.event, "decision": "d1", "action": "decide", "amends": "", "text": "go",
            "rationale": "", "decided_by": "chair", "attendees": [], "affiliates": ["bank"],
            "meeting": "", **changes}


def _activation(w: World, **changes) -> dict:
    """The group desk's own activation payload, from its journal, changed."""
    held = next(s.entry for s in w.group.desk.store.entries() if s.entry.kind == "event.activated")
    payload = json.loads(json.dumps(held.payload))
    for key, value in changes.items():
        if "." in key:
            outer, inner = key.split(".")
            payload[outer][inner] = value
        else:
            payload[key] = value
    return payload


def _deep(levels: int):
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


CASES = [
    # unsigned files: framing and header
    Case("header nested 60,000 deep", "group", _unsigned(b"[" * 60_000),
         E.MALFORMED, "nested deeper"),
    Case("header nested 100 deep", "group", _unsigned(b"{\"a\":" * 100 + b"1" + b"}" * 100),
         E.MALFORMED, "nested deeper"),
    Case("header holding NaN", "group", lambda w: _raw(json.dumps(_header(w)).replace(
        '"seq": 1', '"seq": NaN').encode()), E.MALFORMED, "not valid JSON"),
    Case("header not JSON", "group", _unsigned(b"{this is not json"), E.MALFORMED),
    Case("header not UTF-8", "group", _unsigned(b"{\"a\": \"\xff\xfe\"}"), E.MALFORMED),
    Case("header a list", "group", _unsigned(b"[1, 2, 3]"), E.MALFORMED),
    Case("header with a 5000-digit number", "group",
         lambda w: _raw(json.dumps(_header(w)).replace('"seq": 1', '"seq": 1' + "0" * 5000).encode()),
         E.MALFORMED),
    Case("sequence as text", "group", lambda w: _raw(_header(w, seq="1")), E.MALFORMED),
    Case("sequence beyond 2**53", "group", lambda w: _raw(_header(w, seq=2**70)), E.MALFORMED),
    Case("negative body size", "group", lambda w: _raw(_header(w, body_size=-5)), E.MALFORMED),
    Case("creation time not a date", "group", lambda w: _raw(_header(w, created_at="yesterday")),
         E.MALFORMED, "not a UTC time"),
    Case("creation time in the year 9999", "group",
         lambda w: _raw(_header(w, created_at="9999-12-31T23:59:59.000Z")), E.MALFORMED, "absurd"),
    Case("unknown role", "group", lambda w: _raw(_header(w, sender={
        "desk": w.bank.id, "role": "root", "affiliate": "bank", "name": "x"})), E.MALFORMED),
    Case("not a packet", "group", lambda w: b"MZ\x90\x00" + b"\0" * 200, E.NOT_A_PACKET),
    Case("empty file", "group", lambda w: b"", E.TRUNCATED),
    Case("cut after the header", "group", lambda w: _raw(_header(w, body_size=100))[:-64],
         E.TRUNCATED),
    Case("newer format", "group", lambda w: b"CrisisDesk packet 7\n" + b"\0" * 100, E.NEWER_FORMAT),
    Case("too many entries", "group", lambda w: _raw(_header(w, entries=10**6)), E.TOO_LARGE),
    Case("unsigned (zero signature)", "group", lambda w: _raw(_header(w, body=b"x" * 10), b"x" * 10),
         E.BAD_SIGNATURE),
    Case("signed by an unknown key", "group", lambda w: _raw(_header(w, sender={
        "desk": "019987ae-0000-7000-8000-000000000000", "role": "affiliate", "affiliate": "bank",
        "name": "bank.00000000"})), E.UNKNOWN_DESK),
    Case("addressed to another desk", "group",
         lambda w: _raw(_header(w, recipient=w.card.id)), E.WRONG_RECIPIENT, watched=False),
    # signed by the enrolled bank desk: body
    Case("body nested 60,000 deep", "group", _signed_body(b"[" * 60_000 + b"]" * 60_000),
         E.MALFORMED, "nested deeper"),
    Case("payload nested 40 deep", "group", _signed_body(json.dumps([{
        "id": "e", "desk": "d", "author": "a", "at": "2025-09-26T20:20:00.000Z",
        "hlc": "001758918000000.000000.d", "kind": "impact.answered",
        "payload": {"v": _deep(40)}}]).encode()), E.MALFORMED, "nested deeper"),
    Case("body with Infinity", "group", _signed_body(b"[Infinity]"), E.MALFORMED, "not valid JSON"),
    Case("body not a list", "group", _signed_body(b"{}", 0), E.MALFORMED),
    Case("decompression bomb", "group", lambda w: _signed(
        w, _header(w, body=(b := zlib.compress(b"[" + b" " * (20 * 2**20) + b"]", 9)), raw=b"[]"),
        b), E.DECOMPRESSION_BOMB),
    Case("header of another group", "group", _signed_header(group="other-group"), E.OUT_OF_SCOPE,
         "group 'other-group'"),
    Case("signed header, creation two hours ahead", "group",
         lambda w: _signed_header(created_at=w.ahead(w.group, 120)[0])(w), E.CLOCK_AHEAD,
         "the packet is dated"),
    # clocks and times of entries
    Case("clock 999999999999999.999999 (poisoning)", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("999999999999999.999999.DESK")),
         E.CLOCK_AHEAD, "ahead of this desk's clock"),
    Case("clock counter of 7 digits", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("001758918000000.1000000.DESK")),
         E.MALFORMED, "not of the form"),
    Case("clock without desk", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("999999999999999.999999")), E.MALFORMED),
    Case("clock of another desk", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("001758918000000.000000.other")),
         E.MALFORMED, "names desk other"),
    Case("clock in 2099", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("004070908800000.000000.DESK")),
         E.CLOCK_AHEAD, "days ahead"),
    # (11 minutes: precise only when imported at once; the watcher's clock moves meanwhile)
    Case("clock 11 minutes ahead", "group",
         _from_bank("service.assessed", assess, hlc=_ahead_hlc(11)), E.CLOCK_AHEAD,
         "11 minutes ahead", watched=False),
    Case("clock an hour ahead", "group",
         _from_bank("service.assessed", assess, hlc=_ahead_hlc(60)), E.CLOCK_AHEAD,
         "minutes ahead"),
    Case("clock before 2000", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("000000000000001.000000.DESK")),
         E.MALFORMED, "before the year 2000"),
    Case("clock with a sign", "group",
         _from_bank("service.assessed", assess, hlc=_hlc("+01758918000000.000000.DESK")),
         E.MALFORMED),
    Case("time not a date", "group", _from_bank("service.assessed", assess, at="not a date"),
         E.MALFORMED, "not a UTC time"),
    Case("time in the year 9999", "group",
         _from_bank("service.assessed", assess, at="9999-12-31T23:59:59.999Z"), E.MALFORMED,
         "absurd"),
    Case("time 30 February", "group",
         _from_bank("service.assessed", assess, at="2025-02-30T00:00:00.000Z"), E.MALFORMED,
         "not a real date"),
    Case("time with an offset", "group",
         _from_bank("service.assessed", assess, at="2025-09-26T20:20:00.000+09:00"), E.MALFORMED),
    Case("time in 2099", "group",
         _from_bank("service.assessed", assess, at="2099-01-01T00:00:00.000Z"), E.CLOCK_AHEAD),
    Case("time 11 minutes ahead", "group",
         _from_bank("service.assessed", assess, at=_ahead_at(11)), E.CLOCK_AHEAD, "11 minutes",
         watched=False),
    Case("time an hour ahead", "group",
         _from_bank("service.assessed", assess, at=_ahead_at(60)), E.CLOCK_AHEAD, "minutes ahead"),
    Case("entry id of 300 characters", "group",
         _from_bank("service.assessed", assess, id="e" * 300), E.MALFORMED),
    # payload values against the domain rules (bank → group)
    Case("checklist state 'pwned'", "group", _from_bank("checklist.changed",
         lambda w: tick(w, state="pwned")), E.INVALID_ENTRY, "unknown state 'pwned'"),
    Case("blocked without a reason", "group", _from_bank("checklist.changed",
         lambda w: tick(w, state="blocked")), E.INVALID_ENTRY, "needs a reason"),
    Case("unknown checklist item", "group", _from_bank("checklist.changed",
         lambda w: {**tick(w), "item": "drop-tables"}), E.INVALID_ENTRY, "unknown checklist item"),
    Case("unknown checklist", "group", _from_bank("checklist.changed",
         lambda w: {**tick(w), "checklist": "nope"}), E.INVALID_ENTRY, "unknown checklist"),
    Case("checklist 'after' not an object", "group", _from_bank("checklist.changed",
         lambda w: {**tick(w), "after": "done"}), E.INVALID_ENTRY, "must be an object"),
    Case("note that is a list", "group", _from_bank("checklist.changed",
         lambda w: tick(w, note=[1, 2])), E.INVALID_ENTRY, "'note' must be text"),
    Case("unknown impact field", "group", _from_bank("impact.answered",
         lambda w: answer(w, "root-password", "x")), E.INVALID_ENTRY, "unknown impact field"),
    Case("text for a number field", "group", _from_bank("impact.answered",
         lambda w: answer(w, "customers-affected", "many")), E.INVALID_ENTRY, "whole number"),
    Case("fraction for a number field", "group", _from_bank("impact.answered",
         lambda w: answer(w, "customers-affected", 3.5)), E.INVALID_ENTRY, "whole number"),
    Case("true for a number field", "group", _from_bank("impact.answered",
         lambda w: answer(w, "customers-affected", True)), E.INVALID_ENTRY, "whole number"),
    Case("negative count", "group", _from_bank("impact.answered",
         lambda w: answer(w, "customers-affected", -1)), E.INVALID_ENTRY, "negative"),
    Case("unknown choice", "group", _from_bank("impact.answered",
         lambda w: answer(w, "severity", "apocalyptic")), E.INVALID_ENTRY, "not one of the choices"),
    Case("time field not a time", "group", _from_bank("impact.answered",
         lambda w: answer(w, "aware-at", "soon")), E.INVALID_ENTRY, "not a date"),
    Case("unknown service in an answer", "group", _from_bank("impact.answered",
         lambda w: answer(w, "services", {"mainframe": {"status": "down", "note": ""}})),
         E.INVALID_ENTRY, "not a service of bank"),
    Case("unknown service", "group", _from_bank("service.assessed",
         lambda w: assess(w, service="mainframe")), E.INVALID_ENTRY, "not a service of bank"),
    Case("service status 'exploded'", "group", _from_bank("service.assessed",
         lambda w: assess(w, status="exploded")), E.INVALID_ENTRY, "unknown service status"),
    Case("unknown event", "group", _from_bank("service.assessed",
         lambda w: assess(w, event="019987ae-dead-7000-8000-000000000000")), E.INVALID_ENTRY,
         "unknown event"),
    Case("prefix of a known event", "group", _from_bank("service.assessed",
         lambda w: assess(w, event=w.event[:8])), E.INVALID_ENTRY, "unknown event"),
    Case("no event", "group", _from_bank("service.assessed",
         lambda w: {k: v for k, v in assess(w).items() if k != "event"}), E.INVALID_ENTRY,
         "'event' is missing"),
    Case("notice channel 'pigeon'", "group", _from_bank("notice.composed",
         lambda w: notice(w, channel="pigeon")), E.INVALID_ENTRY, "unknown channel"),
    Case("unknown notice template", "group", _from_bank("notice.composed",
         lambda w: notice(w, template="phishing")), E.INVALID_ENTRY, "unknown notice template"),
    Case("notice posted at no time", "group", _from_bank("notice.posted",
         lambda w: {**notice(w), "at": "whenever"}), E.INVALID_ENTRY, "'at'"),
    # what the bank desk may not send
    Case("affiliate raises the level", "group", _from_bank("event.level_changed",
         lambda w: {"event": w.event, "level": "serious", "previous": "attention", "reason": "x",
                    "items": []}), E.OUT_OF_SCOPE, "comes only from the group desk"),
    Case("affiliate decides", "group", _from_bank("decision.recorded", decision), E.OUT_OF_SCOPE),
    Case("affiliate closes the event", "group", _from_bank("event.closed",
         lambda w: {"event": w.event, "reason": "done"}), E.OUT_OF_SCOPE),
    Case("bank ticks the card's item", "group", _from_bank("checklist.changed",
         lambda w: {**tick(w), "affiliate": "card"}), E.OUT_OF_SCOPE, "'card'"),
    Case("bank ticks the group desk's item", "group", _from_bank("checklist.changed",
         lambda w: {**tick(w), "affiliate": "group"}), E.OUT_OF_SCOPE, "'group'"),
    Case("bank sends its enrolments", "group", _from_bank("desk.enrolled",
         lambda w: {"desk": "x"}), E.OUT_OF_SCOPE, "never leaves its desk"),
    Case("bank relays an entry of the card desk", "group", _from_bank("service.assessed",
         assess, desk=lambda w, r, made: w.card.id, hlc=lambda w, r, made: made.hlc.replace(
             made.desk, w.card.id)), E.OUT_OF_SCOPE, "made on another desk"),
    Case("unknown kind", "group", _from_bank("bank.robbed", lambda w: {"event": w.event}),
         E.UNKNOWN_KIND),
    # payload values against the domain rules (group → bank)
    Case("unknown duty", "bank", _from_group("duty.changed", lambda w: duty(w, duty="tax-return")),
         E.INVALID_ENTRY, "unknown reporting duty"),
    Case("duty state 'lost'", "bank", _from_group("duty.changed", lambda w: duty(w, state="lost")),
         E.INVALID_ENTRY, "unknown duty state"),
    Case("duty occurrence 0", "bank", _from_group("duty.changed", lambda w: duty(w, occurrence=0)),
         E.INVALID_ENTRY, "'occurrence'"),
    Case("duty of an unknown affiliate", "bank", _from_group("duty.changed",
         lambda w: duty(w, affiliate="nope")), E.INVALID_ENTRY, "unknown affiliate 'nope'"),
    Case("unknown level", "bank", _from_group("event.level_changed",
         lambda w: {"event": w.event, "level": "armageddon", "previous": "attention",
                    "reason": "x", "items": []}), E.INVALID_ENTRY, "unknown level"),
    Case("level change adding a made-up item", "bank", _from_group("event.level_changed",
         lambda w: {"event": w.event, "level": "serious", "previous": "attention", "reason": "x",
                    "items": [["bank", "nope", "nope", "2025-09-26T21:00:00.000Z", 1, "chair"]]}),
         E.INVALID_ENTRY, "unknown checklist"),
    Case("unknown provider", "bank", _from_group("event.provider_changed",
         lambda w: {"event": w.event, "provider": "aliens", "status": "down", "note": "",
                    "since": "2025-09-26T21:00:00.000Z"}), E.INVALID_ENTRY, "unknown provider"),
    Case("provider status 'on-fire'", "bank", _from_group("event.provider_changed",
         lambda w: {"event": w.event, "provider": "gov-id-check", "status": "on-fire", "note": "",
                    "since": "2025-09-26T21:00:00.000Z"}), E.INVALID_ENTRY, "provider status"),
    Case("decision by an unknown role", "bank", _from_group("decision.recorded",
         lambda w: decision(w, decided_by="janitor")), E.INVALID_ENTRY, "unknown role"),
    Case("decision for an unknown affiliate", "bank", _from_group("decision.recorded",
         lambda w: decision(w, affiliates=["nope"])), E.INVALID_ENTRY, "unknown affiliate"),
    Case("action state 'whatever'", "bank", _from_group("action.changed",
         lambda w: {"event": w.event, "action": "a", "state": "whatever", "note": ""}),
         E.INVALID_ENTRY, "unknown action state"),
    Case("horizon '99h'", "bank", _from_group("outlook.set",
         lambda w: {"event": w.event, "horizon": "99h", "text": "", "needs": ""}),
         E.INVALID_ENTRY, "unknown horizon"),
    Case("alert at 'yesterday'", "bank", _from_group("alert.recorded",
         lambda w: {"event": w.event, "alert": "a", "issuer": "MOIS", "level": "x",
                    "at": "yesterday", "note": ""}), E.INVALID_ENTRY, "'at'"),
    Case("activation pinning a text under another hash", "bank", _from_group("event.activated",
         lambda w: _activation(w, event="e2", **{"playbook.text": "id: evil\n"})),
         E.INVALID_ENTRY, "does not match its SHA-256"),
    Case("activation pinning a text that does not load", "bank", _from_group("event.activated",
         lambda w: _activation(w, event="e2", **{
             "playbook.text": "id: [unclosed\n",
             "playbook.sha256": hashlib.sha256(b"id: [unclosed\n").hexdigest()})),
         E.INVALID_ENTRY, "does not load"),
    Case("activation of an event already here", "bank", _from_group("event.activated",
         lambda w: _activation(w)), E.INVALID_ENTRY, "already exists"),
    Case("activation at an unknown level", "bank", _from_group("event.activated",
         lambda w: _activation(w, event="e2", level="armageddon")), E.INVALID_ENTRY,
         "unknown level"),
    Case("activation with a title that is a number", "bank", _from_group("event.activated",
         lambda w: _activation(w, event="e2", title=5)), E.INVALID_ENTRY, "'title' must be text"),
    Case("group file of another group", "bank", _from_group("group.loaded",
         lambda w: {"group": "other", "name": {"ko": "x", "en": "x"}, "text": "x",
                    "sha256": hashlib.sha256(b"x").hexdigest(), "source": ""}),
         E.INVALID_ENTRY, "does not load"),
    Case("group sends another affiliate's answer", "bank", _from_group("impact.answered",
         lambda w: {**answer(w, "customers-affected", 5), "affiliate": "card"}), E.OUT_OF_SCOPE),
]


@pytest.fixture
def world(trio, tmp_path) -> World:
    group, bank, card = trio
    event_id = group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock()).event
    (tmp_path / "setup").mkdir()
    for node in (bank, card):
        result = group.exchange.export_to(node.id, tmp_path / "setup")
        assert node.exchange.import_file(result.path).status == IMPORTED
    first = bank.desk.views.checklist(event_id, "bank")[0]
    return World(group, bank, card, event_id, (first.checklist, first.item))


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 50
    assert len({c.name for c in CASES}) == len(CASES)
    assert {c.reason for c in CASES} >= {E.MALFORMED, E.CLOCK_AHEAD, E.INVALID_ENTRY,
                                         E.OUT_OF_SCOPE, E.BAD_SIGNATURE, E.UNKNOWN_DESK}


def test_the_valid_forms_the_cases_change_are_accepted(world, tmp_path):
    """Each case changes one thing of a valid entry: the valid ones go in."""
    w = world
    to_group = [entry(w.bank, k, p) for k, p in [
        ("checklist.changed", tick(w)), ("impact.answered", answer(w, "customers-affected", 5)),
        ("service.assessed", assess(w)), ("notice.composed", notice(w)),
        ("notice.posted", {**notice(w), "at": "2025-09-26T21:00:00.000Z"})]]
    to_bank = [entry(w.group, k, p) for k, p in [
        ("duty.changed", duty(w)), ("duty.changed", duty(w, affiliate="group", occurrence=2)),
        ("decision.recorded", decision(w)),
        ("action.changed", {"event": w.event, "action": "a", "state": "done", "note": ""}),
        ("event.activated", _activation(w, event="e2"))]]
    at, clock = w.ahead(w.group, 9)  # within the allowed skew
    to_group.append(dataclasses.replace(entry(w.bank, "service.assessed", assess(w)), at=at,
                                        hlc=clock.replace(".x", f".{w.bank.id}")))
    for sender, receiver, entries in ((w.bank, w.group, to_group), (w.group, w.bank, to_bank)):
        path = tmp_path / f"valid-{receiver.id}.cdpkt"
        path.write_bytes(forge(sender, receiver, entries, seq=5))
        outcome = receiver.exchange.import_file(path)
        assert outcome.status == IMPORTED, outcome.message
    assert w.group.desk.verify().ok and w.bank.desk.verify().ok


def test_every_hostile_packet_is_refused_for_its_reason_and_changes_nothing(world, tmp_path):
    wrong = []
    for number, case in enumerate(CASES):
        receiver = world.group if case.to == "group" else world.bank
        path = tmp_path / f"case-{number:03d}.cdpkt"
        path.write_bytes(case.build(world))
        before = snapshot(receiver.desk.path)
        outcome = receiver.exchange.import_file(path)
        if (outcome.status, outcome.reason) != (REFUSED, case.reason) \
                or case.says not in outcome.message:
            wrong.append(f"{case.name}: {outcome.status} {outcome.reason}: {outcome.message}")
        if snapshot(receiver.desk.path) != before:
            wrong.append(f"{case.name}: the database changed")
        assert "\n" not in outcome.message
    assert wrong == []


def _digest(db) -> str:
    return hashlib.sha256(b"".join(snapshot(db)["files"].values())).hexdigest()


def test_the_watcher_refuses_them_all_and_imports_the_next_valid_packet(world, tmp_path):
    shared = tmp_path / "exchange"
    shared.mkdir()
    watched = [c for c in CASES if c.watched]
    for number, case in enumerate(watched):
        (shared / f"hostile-{number:03d}.cdpkt").write_bytes(case.build(world))
    watchers = {name: ExchangeFolder(getattr(world, name).exchange, shared, settle=0, grace=0)
                for name in ("group", "bank")}
    listing = watchers["group"].listing()  # the list of waiting packets copes with them too
    assert listing.state.ok
    before = {name: _digest(getattr(world, name).desk.path) for name in watchers}
    for watcher in watchers.values():
        report = watcher.step(export=False)
        assert report.state.ok and report.problems == []
        assert report.imported == []
    assert {name: _digest(getattr(world, name).desk.path) for name in watchers} == before
    assert folder.packets(shared) == []  # every file handled: none left to trip a later round
    rejected = {path.name: path for path in folder.listed(shared, folder.REJECTED)}
    assert len(rejected) == len(watched)
    for number, case in enumerate(watched):
        why = folder.why(rejected[f"hostile-{number:03d}.cdpkt"])
        assert f"reason: {case.reason}" in why, (case.name, why)
    # the rounds go on: a real packet after the hostile ones goes in
    world.bank.desk.assessments.assess_service(world.event, "bank", "atm", "down")
    for watcher in watchers.values():
        assert watcher.step(export=False).state.ok
    watchers["bank"].step()  # writes the bank's packet for the group
    report = watchers["group"].step(export=False)
    assert [o.status for o in report.outcomes] == [IMPORTED]
    assert world.group.desk.verify().ok
