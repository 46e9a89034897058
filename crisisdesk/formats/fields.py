"""The value types of the two formats: each a plain validator with one message for a person.

A validator raises `fail(message, at)`; `at` places the error below the field
being validated (a language key of a Text, an index in a list).
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, PlainValidator
from pydantic_core import PydanticCustomError

from crisisdesk.domain.business_days import NEXT_BUSINESS_DAY
from crisisdesk.domain.durations import EXAMPLES, parse_duration
from crisisdesk.domain.group import (
    BUSINESS_DAYS,
    EVERY_DAY,
    PROVIDER_KINDS,
    ApprovalStep,
    Dependency,
    ServiceHours,
)
from crisisdesk.domain.playbook import (
    DUTY_BASES,
    DUTY_FILERS,
    DUTY_KINDS,
    DUTY_STARTS,
    GROUP_SCOPE,
    IMPACT_KINDS,
    MEASURES,
    NOTICE_CHANNELS,
    DueAt,
)
from crisisdesk.domain.text import LANGUAGES, Text
from crisisdesk.formats.errors import Path
from crisisdesk.formats.wording import describe, did_you_mean

PLACEHOLDERS = ("service", "alternative", "affiliate", "time")

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_DUE_AT = re.compile(r"(\S+)\s+([0-9]{1,2}):([0-9]{2})")


def fail(message: str, at: Path = ()) -> PydanticCustomError:
    """An error with `message`, optionally placed at `at` below the field being validated."""
    return PydanticCustomError("crisisdesk", "{message}", {"message": message, "at": at})


def _message(error: PydanticCustomError) -> str:
    """The message of an error made by `fail()`."""
    return str((error.context or {}).get("message", error.message()))


def _at(error: PydanticCustomError) -> Path:
    return tuple((error.context or {}).get("at", ()))


def _slug(value: Any) -> str:
    if not isinstance(value, str):
        raise fail(f"expected an id (lowercase letters, digits and '-'), got {describe(value)}")
    if not _SLUG.fullmatch(value):
        suggestion = re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")
        hint = f"; e.g. '{suggestion}'" if _SLUG.fullmatch(suggestion) else ""
        raise fail(f"'{value}' is not an id: use lowercase letters, digits and '-'{hint}")
    return value


def _text(value: Any) -> Text:
    if isinstance(value, str):
        if not value.strip():
            raise fail("text must not be empty")
        return Text.plain(value)
    if not isinstance(value, dict):
        raise fail(f"expected text: a string or {{ko: ..., en: ...}}, got {describe(value)}")
    for key, item in value.items():
        if key not in LANGUAGES:
            raise fail(f"unknown language '{key}' (expected ko or en)", (key,))
        if item is not None and not isinstance(item, str):
            raise fail(f"expected a string, got {describe(item)}", (key,))
    ko, en = (value.get(lang) or "" for lang in LANGUAGES)
    if not (ko.strip() or en.strip()):
        raise fail("text needs ko or en")
    return Text(ko=ko, en=en)


def _notice_text(value: Any) -> Text:
    text = _text(value)
    langs = value.keys() if isinstance(value, dict) else (None,)
    for lang in langs:
        template = text.ko if lang in ("ko", None) else text.en
        at = () if lang is None else (lang,)
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
        except ValueError:
            raise fail("unbalanced '{' or '}' (write '{{' or '}}' for a literal brace)", at) from None
        for name in names:
            if name not in PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                raise fail(f"unknown placeholder '{{{name}}}' (allowed: {allowed})", at)
    return text


def _duration(value: Any) -> timedelta:
    if not isinstance(value, str):
        raise fail(f"expected a duration such as {EXAMPLES}, got {describe(value)}")
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _due_at(value: Any) -> DueAt:
    example = f"{NEXT_BUSINESS_DAY} 08:00"
    match = _DUE_AT.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise fail(f"expected '{example}', got {describe(value)}")
    anchor, hour, minute = match.group(1), int(match.group(2)), int(match.group(3))
    if anchor != NEXT_BUSINESS_DAY:
        raise fail(f"unknown anchor '{anchor}' (expected '{example}')")
    if hour > 23 or minute > 59:
        raise fail(f"'{match.group(2)}:{match.group(3)}' is not a time of day (00:00 to 23:59)")
    return DueAt(anchor, time(hour, minute))


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        raise fail("expected a date (YYYY-MM-DD) without a time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise fail(f"'{value}' is not a calendar date")
    raise fail(f"expected a date (YYYY-MM-DD), got {describe(value)}")


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise fail(f"expected a positive whole number (1, 2, 3, ...), got {describe(value)}")
    return value


def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise fail(f"expected a whole number from 0 to 100, got {describe(value)}")
    return value


def _timezone(value: Any) -> str:
    if not isinstance(value, str):
        raise fail(f"expected a timezone name such as Asia/Seoul, got {describe(value)}")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise fail(f"unknown timezone '{value}' (an IANA name such as Asia/Seoul)") from None
    return value


def one_of(options: tuple[str, ...], what: str) -> PlainValidator:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise fail(f"unknown {what} {describe(value)} ({did_you_mean(str(value), options, 'expected')})")
        return value

    return PlainValidator(check)


def _applies_to(value: Any) -> tuple[str, ...]:
    if value in ("all", GROUP_SCOPE):
        return (value,)
    if not isinstance(value, list) or not value:
        raise fail(f"expected 'all', 'group' or a list of sectors such as [bank, card], "
                   f"got {describe(value)}")
    if GROUP_SCOPE in value and len(value) > 1:
        raise fail("'group' (done once by the group desk) cannot be combined with sectors or 'all'")
    for i, item in enumerate(value):
        try:
            _slug(item)
        except PydanticCustomError as exc:
            raise fail(_message(exc), (i,)) from None
    if "all" in value and len(value) > 1:
        raise fail("'all' cannot be combined with sectors")
    return tuple(value)


_DEPENDENCY_KEYS = ("provider", "alternative", "impact", "effect")
EFFECTS = ("down", "degraded")


def _dependency(value: Any) -> Dependency:
    """A provider id, or {provider: id, alternative: Text, impact: Text, effect: down|degraded}."""
    if isinstance(value, str):
        return Dependency(_slug(value))
    if not isinstance(value, dict):
        raise fail(f"expected a provider id or {{provider: ..., alternative: ...}}, got {describe(value)}")
    for key in value:
        if key not in _DEPENDENCY_KEYS:
            raise fail(f"unknown field '{key}' ({did_you_mean(str(key), _DEPENDENCY_KEYS, 'expected')})",
                       (key,))
    if "provider" not in value:
        raise fail("missing required field 'provider'")
    texts = {}
    for key in ("alternative", "impact"):
        if value.get(key) is not None:
            try:
                texts[key] = _text(value[key])
            except PydanticCustomError as exc:
                raise fail(_message(exc), (key, *_at(exc))) from None
    try:
        provider = _slug(value["provider"])
    except PydanticCustomError as exc:
        raise fail(_message(exc), ("provider",)) from None
    effect = value.get("effect", "down")
    if effect not in EFFECTS:
        raise fail(f"expected 'down' or 'degraded' (what the provider's failure does to this "
                   f"service), got {describe(effect)}", ("effect",))
    return Dependency(provider, **texts, effect=effect)


_STEP_KEYS = ("title", "signer")


def _approval_step(value: Any) -> ApprovalStep:
    """A step title (text), or {title: text, signer: text} naming a role or person under it."""
    if not isinstance(value, dict) or not set(value) - set(LANGUAGES):
        return ApprovalStep(_text(value))
    for key in value:
        if key not in _STEP_KEYS:
            raise fail(f"unknown field '{key}' ({did_you_mean(str(key), _STEP_KEYS, 'expected')})", (key,))
    if "title" not in value:
        raise fail("missing required field 'title'")
    texts = {}
    for key in _STEP_KEYS:
        if value.get(key) is not None:
            try:
                texts[key] = _text(value[key])
            except PydanticCustomError as exc:
                raise fail(_message(exc), (key, *_at(exc))) from None
    return ApprovalStep(**texts)


_HOURS_KEYS = ("days", "from", "to")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")


def _clock(value: Any, key: str) -> time:
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or int(match.group(1)) > 24 or int(match.group(2)) > 59:
        raise fail(f"expected a time of day such as \"09:00\" (quoted), got {describe(value)}", (key,))
    hour, minute = int(match.group(1)), int(match.group(2))
    return time.max if (hour, minute) == (24, 0) else time(hour % 24, minute)


def _hours(value: Any) -> ServiceHours:
    example = '{days: business, from: "09:00", to: "16:00"}'
    if not isinstance(value, dict):
        raise fail(f"expected opening hours such as {example}, got {describe(value)}")
    for key in value:
        if key not in _HOURS_KEYS:
            raise fail(f"unknown field '{key}' ({did_you_mean(str(key), _HOURS_KEYS, 'expected')})",
                       (key,))
    for key in _HOURS_KEYS:
        if key not in value:
            raise fail(f"missing required field '{key}' (e.g. {example})")
    days = value["days"]
    if days not in (BUSINESS_DAYS, EVERY_DAY):
        raise fail(f"expected '{BUSINESS_DAYS}' or '{EVERY_DAY}', got {describe(days)}", ("days",))
    opens, closes = _clock(value["from"], "from"), _clock(value["to"], "to")
    if closes <= opens:
        raise fail("'to' must be later than 'from' on the same day", ("to",))
    return ServiceHours(days, opens, closes)


Id = Annotated[str, PlainValidator(_slug)]
TextField = Annotated[Text, PlainValidator(_text)]
NoticeText = Annotated[Text, PlainValidator(_notice_text)]
Duration = Annotated[timedelta, PlainValidator(_duration)]
Day = Annotated[date, PlainValidator(_date)]
NON_EMPTY = Field(min_length=1)
Percent = Annotated[int, PlainValidator(_percent)]
PositiveInt = Annotated[int, PlainValidator(_positive_int)]
Timezone = Annotated[str, PlainValidator(_timezone)]
DueAtField = Annotated[DueAt, PlainValidator(_due_at)]
AppliesTo = Annotated[tuple[str, ...], PlainValidator(_applies_to)]
ProviderKind = Annotated[str, one_of(PROVIDER_KINDS, "provider kind")]
DependencyField = Annotated[Dependency, PlainValidator(_dependency)]
HoursField = Annotated[ServiceHours, PlainValidator(_hours)]
ApprovalStepField = Annotated[ApprovalStep, PlainValidator(_approval_step)]
Measure = Annotated[str, one_of(MEASURES, "measure")]
DutyKind = Annotated[str, one_of(DUTY_KINDS, "report kind")]
DutyFiler = Annotated[str, one_of(DUTY_FILERS, "filer")]
DutyStart = Annotated[str, one_of(DUTY_STARTS, "start reference")]
DutyBasis = Annotated[str, one_of(DUTY_BASES, "basis")]
ImpactKind = Annotated[str, one_of(IMPACT_KINDS, "impact kind")]
Channel = Annotated[str, one_of(NOTICE_CHANNELS, "channel")]
