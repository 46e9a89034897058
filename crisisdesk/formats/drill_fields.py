"""The value types of a drill scenario's injects (`format: crisisdesk.playbook/3`) and of the group
file's emergency contacts (`contacts:`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from pydantic import PlainValidator

from crisisdesk.domain.contacts import EXTERNAL_KINDS
from crisisdesk.domain.drill import INJECT_KINDS, INJECT_PROVIDER_STATUSES, parse_offset
from crisisdesk.domain.playbook import MEASURES, UNSUMMED_MEASURES
from crisisdesk.formats.fields import fail, one_of
from crisisdesk.formats.wording import describe, did_you_mean

_COUNTED = tuple(m for m in MEASURES if m not in UNSUMMED_MEASURES)


def _offset(value: Any) -> timedelta:
    if not isinstance(value, str):
        raise fail(f"expected a time after T0 such as \"0:30\" or \"T+2:15\" (h:mm, quoted), "
                   f"got {describe(value)}")
    try:
        return parse_offset(value)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _measures(value: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict) or not value:
        raise fail(f"expected measures and their values such as {{complaints: 450, calls: 3200}}, "
                   f"got {describe(value)}")
    found = []
    for key, number in value.items():
        if key not in _COUNTED:
            raise fail(f"unknown measure {describe(key)} ({did_you_mean(str(key), _COUNTED, 'measures')})",
                       (key,))
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise fail(f"expected a whole number of at least 0, got {describe(number)}", (key,))
        found.append((key, number))
    return tuple(found)


Offset = Annotated[timedelta, PlainValidator(_offset)]
InjectMeasures = Annotated[tuple[tuple[str, int], ...], PlainValidator(_measures)]
InjectKind = Annotated[str, one_of(INJECT_KINDS, "inject kind")]
InjectStatusField = Annotated[str, one_of(INJECT_PROVIDER_STATUSES, "provider status")]
ExternalKind = Annotated[str, one_of(EXTERNAL_KINDS, "kind of outside contact")]
