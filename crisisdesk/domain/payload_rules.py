"""What a journal entry's payload may hold: the domain rules, shared by the desk's own
commands and by packet import.

The rules check each value's kind and its membership in the documents the event
pinned (its playbook and group file, which never change for that event): a known
affiliate, service, provider, level, role, duty, checklist item, impact field; a
state, status or channel the domain knows; a well-formed time. They do not check
the state of the desk (an event closed meanwhile, a notice withdrawn): a change made
concurrently on another desk is still valid there, and the projections settle the
order. Keys a payload holds beyond these are left alone (older and newer desks add
some); keys the projections read must be there and of the right kind.

`check_payload(kind, payload, facts)` raises InvalidInput with a sentence for a
person. `facts` gives the pinned documents (see `Facts`): the desk layer parses the
texts; this module stays pure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from crisisdesk.domain.answers import normalise
from crisisdesk.domain.checklist import STATES, ItemState, check_state
from crisisdesk.domain.clock import parse_time
from crisisdesk.domain.contacts import CALL_RESULTS
from crisisdesk.domain.drill import INJECT_KINDS, RELEASED_BY
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import GROUP_DESK, Affiliate, Group
from crisisdesk.domain.impact import PROVIDER_STATUSES
from crisisdesk.domain.playbook import NOTICE_CHANNELS, SERVICE_STATUSES, Playbook
from crisisdesk.domain.report_register import EXPORT_FORMATS

ACTION_STATES = ("open", "doing", "done", "dropped")
DUTY_STATES = ("due", "submitted", "not-required")
HORIZONS = ("12h", "24h", "48h", "72h")
DECISION_ACTIONS = ("decide", "amend", "withdraw")
ID_MAX = 200  # ids, slugs and short names
TEXT_MAX = 100_000  # free text: notes, titles, bodies
PINNED_MAX = 16 * 2**20  # a pinned playbook or group file


class Facts(Protocol):
    """What the rules need to know beyond the payload."""

    def event(self, event_id: str) -> EventDocs | None:
        """The documents the event pinned, or None when this desk does not know the event."""

    def parse_playbook(self, text: str, sha256: str) -> Playbook:
        """The pinned playbook (InvalidInput when the text does not parse or match its hash)."""

    def parse_group(self, text: str, sha256: str) -> Group:
        """The pinned group file (InvalidInput likewise)."""


@dataclass
class EventDocs:
    """An event's pinned playbook and group, with the lookups the rules make."""

    playbook: Playbook
    group: Group
    drill: bool = False  # a drill event: the only kind that takes drill injects and responses

    @cached_property
    def items(self) -> dict[str, frozenset[str]]:
        return {c.id: frozenset(i.id for i in c.items) for c in self.playbook.checklists}

    @cached_property
    def affiliates(self) -> dict[str, Affiliate]:
        return {a.id: a for a in self.group.affiliates}

    @cached_property
    def doers(self) -> frozenset[str]:
        """Ids that pass `_doer` and are well-formed ids (the fast path of a checklist change)."""
        return frozenset(a for a in (*self.affiliates, GROUP_DESK) if _plain_id(a))

    @cached_property
    def item_keys(self) -> frozenset[tuple[str, str]]:
        """(checklist, item) pairs that pass `_item` and are well-formed ids."""
        return frozenset((c, i) for c, items in self.items.items() for i in items
                         if _plain_id(c) and _plain_id(i))

    @cached_property
    def members(self) -> frozenset[str]:
        """Affiliate ids that pass `_affiliate` and are well-formed ids."""
        return frozenset(a for a in self.affiliates if _plain_id(a))

    @cached_property
    def count_fields(self) -> frozenset[str]:
        """Impact fields that take a whole number (integer, money), of well-formed ids."""
        return frozenset(f.id for f in self.playbook.impact
                         if f.kind in _COUNT_KINDS and _plain_id(f.id))

    @cached_property
    def service_keys(self) -> frozenset[tuple[str, str]]:
        """(affiliate, service) pairs that pass `_service_assessed`'s lookups, well-formed ids."""
        return frozenset((a.id, s.id) for a in self.group.affiliates for s in a.services
                         if _plain_id(a.id) and _plain_id(s.id))

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(r.id for r in self.playbook.roles)

    @cached_property
    def duties(self) -> frozenset[str]:
        return frozenset(d.id for d in self.playbook.reporting)


def _plain_id(value: object) -> bool:
    """What `_Payload.id` accepts of a required id: text, not blank, at most `ID_MAX` long."""
    return type(value) is str and len(value) <= ID_MAX and bool(value.strip())


# -- single rules, also called by the desk's commands ------------------------------------
def check_level(playbook: Playbook, level: str) -> None:
    ids = [lv.id for lv in playbook.levels]
    if level not in ids:
        raise InvalidInput.of("unknown level '{level}' (levels: {listing})", level=level,
                               listing=", ".join(ids))


def check_provider(group: Group, provider: str) -> None:
    ids = [p.id for p in group.providers]
    if provider not in ids:
        raise InvalidInput.of("unknown provider '{provider}' (providers: {listing})",
                               provider=provider, listing=", ".join(ids))


def check_provider_status(status: str) -> None:
    if status not in PROVIDER_STATUSES:
        raise InvalidInput.of("unknown provider status '{status}' ({listing})", status=status,
                               listing=", ".join(PROVIDER_STATUSES))


def check_service(affiliate: Affiliate, service: str) -> None:
    if service not in {s.id for s in affiliate.services}:
        raise InvalidInput.of("'{service}' is not a service of {affiliate}", service=service,
                               affiliate=affiliate.id)


def check_service_status(status: str) -> None:
    if status not in SERVICE_STATUSES:
        raise InvalidInput.of("unknown service status '{status}' ({listing})", status=status,
                               listing=", ".join(SERVICE_STATUSES))


def check_role(playbook: Playbook, role: str) -> str:
    ids = [r.id for r in playbook.roles]
    if role not in ids:
        raise InvalidInput.of("unknown role '{role}' (roles: {listing})", role=role,
                               listing=", ".join(ids))
    return role


def check_action_state(state: str) -> None:
    if state not in ACTION_STATES:
        raise InvalidInput.of("unknown action state '{state}' ({listing})", state=state,
                               listing=", ".join(ACTION_STATES))


def check_duty_state(state: str) -> None:
    if state not in DUTY_STATES:
        raise InvalidInput.of("unknown duty state '{state}' ({listing})", state=state,
                               listing=", ".join(DUTY_STATES))


def check_horizon(horizon: str) -> None:
    if horizon not in HORIZONS:
        raise InvalidInput.of("unknown horizon '{horizon}' ({listing})", horizon=horizon,
                               listing=", ".join(HORIZONS))


def check_channel(channel: str) -> None:
    if channel not in NOTICE_CHANNELS:
        raise InvalidInput.of("unknown channel '{channel}' ({listing})", channel=channel,
                               listing=", ".join(NOTICE_CHANNELS))


def affiliate_of(group: Group, affiliate_id: str) -> Affiliate:
    try:
        return group.affiliate(affiliate_id)
    except KeyError:
        known = ", ".join(a.id for a in group.affiliates)
        raise InvalidInput.of("unknown affiliate '{affiliate}' (affiliates: {known})",
                               affiliate=affiliate_id, known=known) from None


# -- whole payloads ---------------------------------------------------------------------
def check_payload(kind: str, payload: Mapping[str, Any], facts: Facts) -> None:
    """Refuse (InvalidInput) a payload the domain rules do not allow for `kind`."""
    if plainly_allowed(kind, payload, facts):
        return
    if not isinstance(payload, Mapping):
        raise InvalidInput("the payload is not an object")
    rule = _RULES.get(kind)
    if rule is None:
        return  # local kinds (desk.*): checked where they are made, never imported
    if kind in _GLOBAL:
        rule(_Payload(payload), facts)
        return
    p = _Payload(payload)
    event_id = p.id("event")
    docs = facts.event(event_id)
    if docs is None:
        raise InvalidInput(f"unknown event '{event_id}': this desk holds no such event")
    rule(p, docs)


def plainly_allowed(kind: str, payload: object, facts: Facts) -> bool:
    """Whether `check_payload` would let the payload pass, found by its kind's fast path (a
    known event, set lookups and type tests: packets hold thousands of these). False says
    nothing: `check_payload` decides, and says what is wrong."""
    plain = _PLAIN.get(kind)
    if plain is None or type(payload) is not dict:
        return False
    event_id = payload.get("event")
    if type(event_id) is not str or len(event_id) > ID_MAX or not event_id.strip():
        return False
    docs = facts.event(event_id)
    return docs is not None and plain(payload, docs)


class _Payload:
    """Typed reads of one payload, each refusing a missing key or a wrong kind of value."""

    def __init__(self, data: Mapping[str, Any]):
        self.data = data

    def _get(self, key: str, required: bool, default: Any) -> Any:
        if key not in self.data:
            if required:
                raise InvalidInput(f"'{key}' is missing")
            return default
        return self.data[key]

    def text(self, key: str, required: bool = True, limit: int = TEXT_MAX, empty: bool = True) -> str:
        value = self.data.get(key)
        if type(value) is str and len(value) <= limit and (empty or value.strip()):
            return value  # the common case, without the checks' calls (packets hold thousands)
        value = self._get(key, required, "")
        if not isinstance(value, str):
            raise InvalidInput(f"'{key}' must be text, not {_kind(value)}")
        if len(value) > limit:
            raise InvalidInput(f"'{key}' is longer than {limit} characters")
        if not empty and not value.strip():
            raise InvalidInput(f"'{key}' must not be empty")
        return value

    def optional_texts(self, keys: tuple[str, ...], limit: int = TEXT_MAX) -> None:
        """Each of `keys`, where present, is text within `limit` (one call for many keys)."""
        data = self.data
        for key in keys:
            value = data.get(key, "")
            if type(value) is not str or len(value) > limit:
                self.text(key, required=False, limit=limit)  # raises, saying what is wrong

    def id(self, key: str, required: bool = True) -> str:
        return self.text(key, required, ID_MAX, empty=not required)

    def time(self, key: str, required: bool = True, empty: bool = False) -> str:
        value = self.text(key, required, 40)
        if value or not empty:
            try:
                parse_time(value)
            except ValueError as exc:
                raise InvalidInput(f"'{key}': {exc}") from None
        return value

    def count(self, key: str, required: bool = True, default: int = 0, least: int = 0) -> int:
        value = self._get(key, required, default)
        if type(value) is not int or not least <= value < 2**53:
            raise InvalidInput(f"'{key}' must be a whole number of at least {least}, "
                               f"not {_show(value)}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, True, False)
        if type(value) is not bool:
            raise InvalidInput(f"'{key}' must be true or false, not {_show(value)}")
        return value

    def obj(self, key: str, required: bool = True) -> _Payload:
        value = self._get(key, required, {})
        if not isinstance(value, Mapping):
            raise InvalidInput(f"'{key}' must be an object, not {_kind(value)}")
        return _Payload(value)

    def items(self, key: str, required: bool = True) -> list[Any]:
        value = self._get(key, required, [])
        if not isinstance(value, list):
            raise InvalidInput(f"'{key}' must be a list, not {_kind(value)}")
        return value

    def ids(self, key: str) -> list[str]:
        values = self.items(key, required=False)
        for value in values:
            if not isinstance(value, str) or len(value) > ID_MAX:
                raise InvalidInput(f"'{key}' must be a list of ids, not holding {_show(value)}")
        return values


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _affiliate(docs: EventDocs, affiliate_id: str) -> Affiliate:
    """The affiliate of the event's group."""
    found = docs.affiliates.get(affiliate_id)
    if found is None:
        raise InvalidInput(f"unknown affiliate '{affiliate_id}' (affiliates: {', '.join(docs.affiliates)})")
    return found


def _doer(docs: EventDocs, affiliate_id: str) -> None:
    """An affiliate of the event's group, or the group desk for its own rows."""
    if affiliate_id != GROUP_DESK and affiliate_id not in docs.affiliates:
        allowed = [*docs.affiliates, GROUP_DESK]
        raise InvalidInput(f"unknown affiliate '{affiliate_id}' (affiliates: {', '.join(allowed)})")


def _item(docs: EventDocs, checklist: str, item: str) -> None:
    if checklist not in docs.items:
        raise InvalidInput(f"unknown checklist '{checklist}' in playbook {docs.playbook.id}")
    if item not in docs.items[checklist]:
        raise InvalidInput(f"unknown checklist item '{checklist}/{item}'")


def _duty(docs: EventDocs, duty: str) -> None:
    if duty not in docs.duties:
        known = ", ".join(sorted(docs.duties)) or "none"
        raise InvalidInput(f"unknown reporting duty '{duty}' (duties: {known})")


def _item_rows(docs: EventDocs, rows: list[Any]) -> None:
    """[affiliate, checklist, item, due, critical, owner, …] rows an event gains."""
    for row in rows:
        if not isinstance(row, list) or len(row) < 6:
            raise InvalidInput(f"an item row must be a list [affiliate, checklist, item, due, "
                               f"critical, owner], not {_show(row)}")
        affiliate, checklist, item, due, critical, owner = row[:6]
        if not all(isinstance(v, str) for v in (affiliate, checklist, item, due, owner)):
            raise InvalidInput(f"an item row holds a value of the wrong kind: {_show(row)}")
        _doer(docs, affiliate)
        _item(docs, checklist, item)
        _Payload({"due": due}).time("due", empty=True)
        if critical not in (0, 1) or type(critical) is not int:
            raise InvalidInput(f"an item row's 'critical' must be 0 or 1, not {_show(critical)}")


# -- one rule per kind ------------------------------------------------------------------
def _group_loaded(p: _Payload, facts: Facts) -> None:
    group = facts.parse_group(p.text("text", limit=PINNED_MAX), p.id("sha256"))
    if p.id("group") != group.id:
        raise InvalidInput(f"'group' says '{p.id('group')}' but the group file is '{group.id}'")
    name = p.obj("name")
    name.text("ko"), name.text("en")


def _event_activated(p: _Payload, facts: Facts) -> None:
    p.id("event")
    pinned_book, pinned_group = p.obj("playbook"), p.obj("group")
    book = facts.parse_playbook(pinned_book.text("text", limit=PINNED_MAX), pinned_book.id("sha256"))
    group = facts.parse_group(pinned_group.text("text", limit=PINNED_MAX), pinned_group.id("sha256"))
    if pinned_book.id("id") != book.id or pinned_book.count("version") != book.version:
        raise InvalidInput("the pinned playbook's id or version differs from its text")
    if pinned_group.id("id") != group.id:
        raise InvalidInput("the pinned group's id differs from its text")
    docs = EventDocs(book, group, p.flag("drill"))
    p.text("title", empty=False), p.text("note", required=False)
    p.time("t0")
    check_level(book, p.id("level"))
    for provider in p.items("providers", required=False):
        q = _Payload(provider) if isinstance(provider, Mapping) else _Payload({"provider": provider})
        check_provider(group, q.id("provider"))
        check_provider_status(q.id("status"))
        q.text("note", required=False)
    _item_rows(docs, p.items("items"))
    for duty in p.items("duties", required=False):
        if not isinstance(duty, Mapping):
            raise InvalidInput(f"a duty must be an object, not {_show(duty)}")
        _duty(docs, _Payload(duty).id("duty"))
        _Payload(duty).time("deadline", empty=True)


def _level_changed(p: _Payload, docs: EventDocs) -> None:
    check_level(docs.playbook, p.id("level"))
    p.text("reason", required=False), p.id("previous", required=False)
    _item_rows(docs, p.items("items", required=False))


def _status_changed(p: _Payload, docs: EventDocs) -> None:
    p.text("reason", required=False)


def _provider_changed(p: _Payload, docs: EventDocs) -> None:
    check_provider(docs.group, p.id("provider"))
    check_provider_status(p.id("status"))
    p.text("note", required=False)
    p.time("since", required=False, empty=True)


def _meeting_opened(p: _Payload, docs: EventDocs) -> None:
    p.id("meeting"), p.text("title", required=False)
    for role in p.ids("attendees"):
        check_role(docs.playbook, role)


def _meeting_closed(p: _Payload, docs: EventDocs) -> None:
    p.id("meeting")


def _decision(p: _Payload, docs: EventDocs) -> None:
    p.id("decision")
    action = p.id("action", required=False) or "decide"
    if action not in DECISION_ACTIONS:
        raise InvalidInput(f"unknown decision action '{action}' ({', '.join(DECISION_ACTIONS)})")
    p.id("amends", required=False), p.id("meeting", required=False)
    p.text("text", required=False), p.text("rationale", required=False)
    decided_by = p.id("decided_by", required=False)
    if decided_by:
        check_role(docs.playbook, decided_by)
    for role in p.ids("attendees"):
        check_role(docs.playbook, role)
    for affiliate in p.ids("affiliates"):
        _affiliate(docs, affiliate)


def _action_created(p: _Payload, docs: EventDocs) -> None:
    p.id("action"), p.text("title", empty=False), p.time("deadline")
    p.id("decision", required=False)
    check_role(docs.playbook, p.id("owner"))


def _action_changed(p: _Payload, docs: EventDocs) -> None:
    p.id("action"), p.text("note", required=False)
    check_action_state(p.id("state"))


def _duty_changed(p: _Payload, docs: EventDocs) -> None:
    _duty(docs, p.id("duty"))
    check_duty_state(p.id("state"))
    p.text("reference", required=False), p.text("reason", required=False)
    p.time("at", required=False, empty=True), p.time("deadline", required=False, empty=True)
    if "affiliate" in p.data:  # the filer: an affiliate, or the group desk (older entries: none)
        _doer(docs, p.id("affiliate"))
    p.count("occurrence", required=False, default=1, least=1)


def _alert(p: _Payload, docs: EventDocs) -> None:
    p.id("alert"), p.text("issuer", empty=False), p.text("level", empty=False)
    p.time("at"), p.text("note", required=False)


def _outlook(p: _Payload, docs: EventDocs) -> None:
    check_horizon(p.id("horizon"))
    p.text("text", required=False), p.text("needs", required=False)


def _report(p: _Payload, docs: EventDocs) -> None:
    p.count("number", least=1), p.id("fingerprint")
    for key in ("role", "approver", "issued_by", "kind", "lang", "designation", "prepared_by"):
        p.text(key, required=False, limit=ID_MAX)
    for key in ("at", "moment"):
        p.time(key, required=False, empty=True)


def _report_exported(p: _Payload, docs: EventDocs) -> None:
    p.count("number", least=1), p.id("fingerprint"), p.id("sha256")
    kind, fmt = p.id("kind"), p.id("format")
    if fmt not in EXPORT_FORMATS.get(kind, ()):
        raise InvalidInput(f"a {kind} report is not exported as {fmt}")
    p.text("lang", required=False, limit=ID_MAX), p.text("file", required=False)


def _service_assessed(p: _Payload, docs: EventDocs) -> None:
    member = _affiliate(docs, p.id("affiliate"))
    check_service(member, p.id("service"))
    check_service_status(p.id("status"))
    p.text("note", required=False)


def _plain_service_assessment(data: Mapping[str, Any], docs: EventDocs) -> bool:
    """Whether a service assessment passes every check of `_service_assessed` (lookups and
    type tests alone; False sends it through them)."""
    affiliate, service, status = data.get("affiliate"), data.get("service"), data.get("status")
    note = data.get("note", "")
    return type(affiliate) is str and type(service) is str and type(status) is str \
        and type(note) is str and len(note) <= TEXT_MAX \
        and (affiliate, service) in docs.service_keys and status in _SERVICE_STATUS_WORDS


_SERVICE_STATUS_WORDS = frozenset(s for s in SERVICE_STATUSES if _plain_id(s))


def _plain_impact_answer(data: Mapping[str, Any], docs: EventDocs) -> bool:
    """Whether an impact answer passes `_impact_answered`, found without normalising: a whole
    number not below 0 for a count field is already what the desk stores (anything else
    goes through the rule)."""
    affiliate, field_id, value = data.get("affiliate"), data.get("field"), data.get("value")
    return type(affiliate) is str and type(field_id) is str and type(value) is int \
        and value >= 0 and affiliate in docs.members and field_id in docs.count_fields


_COUNT_KINDS = frozenset({"integer", "money"})  # checked by answers._count


def _impact_answered(p: _Payload, docs: EventDocs) -> None:
    member = _affiliate(docs, p.id("affiliate"))
    field_id = p.id("field")
    try:
        spec = docs.playbook.impact_field(field_id)
    except KeyError:
        known = ", ".join(f.id for f in docs.playbook.impact)
        raise InvalidInput(f"unknown impact field '{field_id}' (fields: {known})") from None
    value = p._get("value", True, None)
    if normalise(spec, value, member, docs.group.timezone) != value:
        raise InvalidInput(f"{field_id}: the value {_show(value)} is not in the form the desk "
                           f"stores for a {spec.kind} field")


_ITEM_FIELDS = ("state", "assignee", "note", "evidence", "reason")
_STATE_WORDS = frozenset(str(s) for s in STATES)  # a StrEnum member does not hash as its word
_NO_VALUES: dict[str, Any] = {}


def _checklist_changed(p: _Payload, docs: EventDocs) -> None:
    _doer(docs, p.id("affiliate"))
    _item(docs, p.id("checklist"), p.id("item"))
    p.id("base", required=False), p.id("undoes", required=False)
    p.obj("before", required=False).optional_texts(_ITEM_FIELDS)
    p.obj("after").optional_texts(_ITEM_FIELDS)
    after = ItemState.from_dict(p.data["after"])
    check_state(after)
    before = p.data.get("before", {}).get("state", "todo")
    if before not in STATES:
        raise InvalidInput(f"unknown state '{before}' before the change (states: {', '.join(STATES)})")


def _plain_checklist_change(data: Mapping[str, Any], docs: EventDocs) -> bool:
    """Whether a checklist change passes every check of `_checklist_changed`, found with set
    lookups and type tests alone (packets hold thousands of them); False sends it through
    those checks, which say what is wrong."""
    after, before = data.get("after"), data.get("before", _NO_VALUES)
    affiliate, checklist, item = data.get("affiliate"), data.get("checklist"), data.get("item")
    if type(after) is not dict or type(before) is not dict or type(affiliate) is not str \
            or type(checklist) is not str or type(item) is not str \
            or affiliate not in docs.doers or (checklist, item) not in docs.item_keys:
        return False
    try:  # every value text (join takes nothing else), and none too long: their sum is not
        ids = "".join((data.get("base", ""), data.get("undoes", "")))
        texts = "".join(before.values()) + "".join(after.values())  # (keys beyond are let be)
    except TypeError:
        return False
    if len(ids) > ID_MAX or len(texts) > TEXT_MAX:
        return False
    state = after.get("state", "todo")
    return state in _STATE_WORDS and before.get("state", "todo") in _STATE_WORDS \
        and (state != "blocked" or bool(after.get("reason", "").strip()))


def _notice_composed(p: _Payload, docs: EventDocs) -> None:
    _affiliate(docs, p.id("affiliate"))
    p.id("notice"), p.text("title"), p.text("body")
    template = p.id("template", required=False)
    if template and template not in {n.id for n in docs.playbook.notices}:
        raise InvalidInput(f"unknown notice template '{template}'")
    check_channel(p.id("channel"))


def _notice_edited(p: _Payload, docs: EventDocs) -> None:
    _affiliate(docs, p.id("affiliate"))
    p.id("notice"), p.text("title"), p.text("body", empty=False)


def _notice_posted(p: _Payload, docs: EventDocs) -> None:
    _affiliate(docs, p.id("affiliate"))
    p.id("notice"), p.time("at")
    check_channel(p.id("channel"))


def _notice_withdrawn(p: _Payload, docs: EventDocs) -> None:
    _affiliate(docs, p.id("affiliate"))
    p.id("notice"), p.text("reason", required=False)


def _drill_inject(docs: EventDocs, inject_id: str) -> None:
    """An inject of the event's scenario, in a drill event (never a real one)."""
    if not docs.drill:
        raise InvalidInput("drill injects and responses belong to drill events only; this is a real event")
    known = [i.id for i in docs.playbook.injects]
    if inject_id not in known:
        raise InvalidInput(f"unknown inject '{inject_id}' (injects: {', '.join(known) or 'none'})")


def _inject_released(p: _Payload, docs: EventDocs) -> None:
    _drill_inject(docs, p.id("inject"))
    if p.id("kind") not in INJECT_KINDS:
        raise InvalidInput(f"unknown inject kind '{p.id('kind')}' ({', '.join(INJECT_KINDS)})")
    if p.id("released_by") not in RELEASED_BY:
        raise InvalidInput(f"unknown 'released_by' '{p.id('released_by')}' ({', '.join(RELEASED_BY)})")
    p.time("due"), p.time("at")
    text = p.obj("text")
    text.text("ko"), text.text("en")
    if p.id("affiliate", required=False):
        _affiliate(docs, p.id("affiliate"))


def _drill_responded(p: _Payload, docs: EventDocs) -> None:
    _drill_inject(docs, p.id("inject"))
    _doer(docs, p.id("affiliate"))
    p.text("text", empty=False)


def _finding(p: _Payload, docs: EventDocs) -> None:
    p.id("finding"), p.text("text", empty=False)


def _corrective_action(p: _Payload, docs: EventDocs) -> None:
    p.id("action"), p.text("title", empty=False), p.text("owner", empty=False, limit=ID_MAX)
    p.time("due"), p.id("finding", required=False)


def _corrective_action_changed(p: _Payload, docs: EventDocs) -> None:
    p.id("action"), p.text("note", required=False)
    check_action_state(p.id("state"))


def _handover_prepared(p: _Payload, docs: EventDocs) -> None:
    p.id("handover"), p.text("outgoing", empty=False, limit=ID_MAX), p.text("incoming", empty=False, limit=ID_MAX)
    p.time("since")
    for line in p.items("lines"):
        if not isinstance(line, str) or len(line) > TEXT_MAX:
            raise InvalidInput(f"a handover line must be text, not {_show(line)}")


def _handover_signed(p: _Payload, docs: EventDocs) -> None:
    from crisisdesk.domain.handover import SIGN_ROLES  # the room's rules load when it is first used

    p.id("handover"), p.text("name", empty=False, limit=ID_MAX)
    if p.id("role") not in SIGN_ROLES:
        raise InvalidInput(f"unknown handover role '{p.id('role')}' ({', '.join(SIGN_ROLES)})")


def _rollcall_started(p: _Payload, docs: EventDocs) -> None:
    p.id("rollcall"), p.text("title", empty=False)


def _rollcall_called(p: _Payload, docs: EventDocs) -> None:
    p.id("rollcall"), p.text("note", required=False)
    contact = p.id("contact")
    if contact not in {c.id for c in docs.group.contacts}:
        raise InvalidInput(f"unknown contact '{contact}' in the group file's contact tree")
    if p.id("result") not in CALL_RESULTS:
        raise InvalidInput(f"unknown call result '{p.id('result')}' ({', '.join(CALL_RESULTS)})")


_GLOBAL = frozenset({Kind.GROUP_LOADED, Kind.EVENT_ACTIVATED})
# Rules with a fast path that says whether a payload of a known event passes the whole rule.
_PLAIN: dict[str, Callable[[Mapping[str, Any], EventDocs], bool]] = {
    Kind.CHECKLIST_CHANGED: _plain_checklist_change,
    Kind.SERVICE_ASSESSED: _plain_service_assessment,
    Kind.IMPACT_ANSWERED: _plain_impact_answer,
}
_RULES: dict[str, Callable[[_Payload, Any], None]] = {
    Kind.GROUP_LOADED: _group_loaded,
    Kind.EVENT_ACTIVATED: _event_activated,
    Kind.EVENT_LEVEL_CHANGED: _level_changed,
    Kind.EVENT_PROVIDER_CHANGED: _provider_changed,
    Kind.EVENT_CLOSED: _status_changed, Kind.EVENT_REOPENED: _status_changed,
    Kind.MEETING_OPENED: _meeting_opened, Kind.MEETING_CLOSED: _meeting_closed,
    Kind.DECISION_RECORDED: _decision,
    Kind.ACTION_CREATED: _action_created, Kind.ACTION_CHANGED: _action_changed,
    Kind.DUTY_CHANGED: _duty_changed,
    Kind.ALERT_RECORDED: _alert,
    Kind.OUTLOOK_SET: _outlook,
    Kind.REPORT_DRAFTED: _report, Kind.REPORT_APPROVED: _report, Kind.REPORT_ISSUED: _report,
    Kind.REPORT_EXPORTED: _report_exported,
    Kind.SERVICE_ASSESSED: _service_assessed,
    Kind.IMPACT_ANSWERED: _impact_answered,
    Kind.CHECKLIST_CHANGED: _checklist_changed,
    Kind.NOTICE_COMPOSED: _notice_composed, Kind.NOTICE_EDITED: _notice_edited,
    Kind.NOTICE_POSTED: _notice_posted, Kind.NOTICE_WITHDRAWN: _notice_withdrawn,
    Kind.DRILL_INJECT_RELEASED: _inject_released, Kind.DRILL_RESPONDED: _drill_responded,
    Kind.REVIEW_FINDING: _finding, Kind.REVIEW_ACTION: _corrective_action,
    Kind.REVIEW_ACTION_CHANGED: _corrective_action_changed,
    Kind.HANDOVER_PREPARED: _handover_prepared, Kind.HANDOVER_SIGNED: _handover_signed,
    Kind.ROLLCALL_STARTED: _rollcall_started, Kind.ROLLCALL_CALLED: _rollcall_called,
}
