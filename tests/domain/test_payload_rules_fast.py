"""The fast path of the checklist-change rule accepts nothing the full checks refuse."""

from __future__ import annotations

import random

import pytest

from crisisdesk.domain import payload_rules as rules
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.formats import load_group, load_playbook
from crisisdesk.locations import shipped_playbooks_dir


@pytest.fixture(scope="module")
def docs() -> rules.EventDocs:
    group = load_group(shipped_playbooks_dir() / "example-group.yaml").value
    book = load_playbook(shipped_playbooks_dir() / "datacenter-outage.yaml", group).value
    return rules.EventDocs(book, group)


ODD_VALUES = ["", " ", "x" * 201, "x" * 100_001, None, 1, True, [], {}, ["a"], "blocked", "todo",
              "pwned", "n/a", "group", "bank", "nope"]


def _mutations(good: dict, docs: rules.EventDocs, rng: random.Random):
    checklist = next(iter(docs.items))
    other = next(c for c in docs.items if c != checklist)
    yield good
    for key in ("affiliate", "checklist", "item", "base", "undoes", "before", "after"):
        without = {k: v for k, v in good.items() if k != key}
        yield without
        for value in ODD_VALUES:
            yield {**good, key: value}
    yield {**good, "checklist": other}  # an item of another checklist
    yield {**good, "affiliate": "group"}
    for side in ("before", "after"):
        for key in rules._ITEM_FIELDS:
            yield {**good, side: {k: v for k, v in good[side].items() if k != key}}
            for value in ODD_VALUES:
                yield {**good, side: {**good[side], key: value}}
    yield {**good, "after": {"state": "blocked", "reason": "  "}}
    yield {**good, "after": {"state": "blocked", "reason": "전원 미복구"}}
    for _ in range(300):  # several odd values at once
        payload = {**good, "before": dict(good["before"]), "after": dict(good["after"])}
        for _ in range(rng.randint(1, 4)):
            target = rng.choice([t for t in (payload, payload["before"], payload["after"])
                                 if isinstance(t, dict)])
            target[rng.choice([*good, *rules._ITEM_FIELDS])] = rng.choice(ODD_VALUES)
        yield payload


def _fast_accepted(rule, fast_rule, payloads: list, docs) -> int:
    """How many payloads the fast path accepts, failing on any it accepts that the full rule
    refuses (it may never accept faster than the rules allow)."""
    accepted = 0
    for payload in payloads:
        try:
            rule(rules._Payload(payload), docs)
            full = True
        except (InvalidInput, AttributeError, TypeError):  # odd shapes trip the full rule's reads
            full = False
        fast = fast_rule(payload, docs)
        assert not fast or full, payload
        accepted += fast
    return accepted


def test_fast_path_agrees_with_the_full_checks(docs):
    checklist, items = next(iter(docs.items.items()))
    good = {"event": "e", "affiliate": "bank", "checklist": checklist, "item": sorted(items)[0],
            "base": "", "undoes": "",
            "before": {"state": "todo", "assignee": "", "note": "", "evidence": "", "reason": ""},
            "after": {"state": "done", "assignee": "김대리", "note": "완료", "evidence": "",
                      "reason": ""}}
    payloads = list(_mutations(good, docs, random.Random(7)))
    assert _fast_accepted(rules._checklist_changed, rules._plain_checklist_change, payloads, docs) > 10


class _AnyEvent:
    """Facts that know every event id (as the pinned documents of `docs`)."""

    def __init__(self, docs):
        self.docs = docs

    def event(self, event_id):
        return self.docs


@pytest.mark.parametrize("event", ["", "  ", "x" * 201, None, 7, ["e"]])
def test_an_odd_event_id_goes_through_the_full_rule(docs, event):
    checklist, items = next(iter(docs.items.items()))
    payload = {"event": event, "affiliate": "bank", "checklist": checklist,
               "item": sorted(items)[0], "after": {"state": "done"}}
    with pytest.raises(InvalidInput, match="'event'"):
        rules.check_payload("checklist.changed", payload, _AnyEvent(docs))
    rules.check_payload("checklist.changed", {**payload, "event": "e"}, _AnyEvent(docs))


SERVICE_ODD = ["", " ", "x" * 201, "x" * 100_001, None, 1, True, [], {}, "down", "normal",
               "pwned", "atm", "bank", "card", "group", "nope", "n/a"]


def test_service_fast_path_agrees_with_the_full_checks(docs):
    member = docs.affiliates["bank"]
    good = {"event": "e", "affiliate": "bank", "service": member.services[0].id,
            "status": "down", "note": "ATM 전면 중단"}
    other = next(a for a in docs.group.affiliates if a.id != "bank" and a.services)
    payloads = [good, {**good, "affiliate": other.id},
                {**good, "affiliate": other.id, "service": other.services[0].id}]
    for key in ("affiliate", "service", "status", "note"):
        payloads.append({k: v for k, v in good.items() if k != key})
        payloads.extend({**good, key: value} for value in SERVICE_ODD)
    assert _fast_accepted(rules._service_assessed, rules._plain_service_assessment, payloads, docs) >= 4


def test_impact_fast_path_agrees_with_the_full_checks(docs):
    fields = {f.kind: f.id for f in docs.playbook.impact}
    count_field = fields.get("integer") or fields["money"]
    good = {"event": "e", "affiliate": "bank", "field": count_field, "value": 1200}
    payloads = [good, {**good, "affiliate": "group"}]
    payloads += [{**good, "field": field} for field in fields.values()]
    for key in ("affiliate", "field", "value"):
        payloads.append({k: v for k, v in good.items() if k != key})
        payloads.extend({**good, key: value} for value in [*SERVICE_ODD, -1, 0, 2**60, 1.5,
                                                            "1,200", " 7 ", False])
    assert _fast_accepted(rules._impact_answered, rules._plain_impact_answer, payloads, docs) >= 3


def test_kinds_with_rules_beyond_the_payload_have_no_fast_path():
    """Import skips its own rules (`desk.exchange_checks._check`: a group that is this desk's,
    an event not yet here) for what `plainly_allowed` passes: only payload rules are fast."""
    assert not {Kind.GROUP_LOADED, Kind.EVENT_ACTIVATED} & set(rules._PLAIN)


@pytest.mark.parametrize("payload", [None, [], "e", 7, {"event": "e"}, {}])
def test_plainly_allowed_passes_only_what_check_payload_passes(docs, payload):
    facts = _AnyEvent(docs)
    for kind in rules._PLAIN:
        assert not rules.plainly_allowed(kind, payload, facts)
        with pytest.raises(InvalidInput):
            rules.check_payload(kind, payload, facts)
