"""Field types and pydantic models of the two formats, and their errors as kind sentences.

Every value type is a plain validator that raises one message meant for a person;
`validate()` maps each pydantic error back to a field path (see `Report`).
"""

from __future__ import annotations

import difflib
import re
import string
from datetime import date, datetime, time
from typing import Annotated, Any, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError
from pydantic_core import PydanticCustomError

from crisisdesk.domain.business_days import NEXT_BUSINESS_DAY
from crisisdesk.domain.durations import EXAMPLES, parse_duration
from crisisdesk.domain.group import PROVIDER_KINDS
from crisisdesk.domain.playbook import IMPACT_KINDS, NOTICE_CHANNELS, DueAt
from crisisdesk.domain.text import LANGUAGES, Text
from crisisdesk.formats.errors import Path, Report

GROUP_FORMAT = "crisisdesk.group/1"
PLAYBOOK_FORMAT = "crisisdesk.playbook/1"
PLACEHOLDERS = ("service", "alternative", "affiliate", "time")

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_DUE_AT = re.compile(r"(\S+)\s+([0-9]{1,2}):([0-9]{2})")


def fail(message: str, at: Path = ()) -> PydanticCustomError:
    """An error with `message`, optionally placed at `at` below the field being validated."""
    return PydanticCustomError("crisisdesk", "{message}", {"message": message, "at": at})


def describe(value: Any) -> str:
    """A value as the user wrote it, for 'got ...' in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)


def did_you_mean(value: str, options: tuple[str, ...] | list[str], what: str) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"{what}: {', '.join(options)}"


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


def _duration(value: Any):
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


def _one_of(options: tuple[str, ...], what: str):
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise fail(f"unknown {what} {describe(value)} ({did_you_mean(str(value), options, 'expected')})")
        return value

    return PlainValidator(check)


def _applies_to(value: Any) -> tuple[str, ...]:
    if value == "all":
        return ("all",)
    if not isinstance(value, list) or not value:
        raise fail(f"expected 'all' or a list of sectors such as [bank, card], got {describe(value)}")
    for i, item in enumerate(value):
        try:
            _slug(item)
        except PydanticCustomError as exc:
            raise fail(exc.context["message"], (i,)) from None
    if "all" in value and len(value) > 1:
        raise fail("'all' cannot be combined with sectors")
    return tuple(value)


Id = Annotated[str, PlainValidator(_slug)]
TextField = Annotated[Text, PlainValidator(_text)]
NoticeText = Annotated[Text, PlainValidator(_notice_text)]
Duration = Annotated[Any, PlainValidator(_duration)]
Day = Annotated[date, PlainValidator(_date)]
NON_EMPTY = Field(min_length=1)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, arbitrary_types_allowed=True)


class GroupHeader(_Model):
    id: Id
    name: TextField


class DrSiteModel(_Model):
    location: str
    capacity_pct: Annotated[int, PlainValidator(_percent)] | None = None


class ServiceModel(_Model):
    id: Id
    name: TextField
    critical: bool | None = None
    rto: Duration | None = None
    depends_on: list[Id] | None = None


class AffiliateModel(_Model):
    id: Id
    name: TextField
    sector: Id
    dr_site: DrSiteModel | None = None
    services: list[ServiceModel] | None = None


class ProviderModel(_Model):
    id: Id
    name: TextField
    kind: Annotated[str, _one_of(PROVIDER_KINDS, "provider kind")]
    alternatives: list[Id] | None = None


class GroupFile(_Model):
    format: Any = None  # checked before validation, see check_format()
    group: GroupHeader
    timezone: Annotated[str, PlainValidator(_timezone)] | None = None
    holidays: list[Day] | None = None
    affiliates: Annotated[list[AffiliateModel], NON_EMPTY]
    providers: list[ProviderModel] | None = None


class LevelModel(_Model):
    id: Id
    title: TextField
    criteria: TextField | None = None


class RoleModel(_Model):
    id: Id
    title: TextField


class ChoiceModel(_Model):
    id: Id
    label: TextField


class ImpactModel(_Model):
    id: Id
    kind: Annotated[str, _one_of(IMPACT_KINDS, "impact kind")]
    label: TextField
    choices: list[ChoiceModel] | None = None
    help: TextField | None = None


class ItemModel(_Model):
    id: Id
    title: TextField
    owner: Id
    due: Duration | None = None
    due_at: Annotated[DueAt, PlainValidator(_due_at)] | None = None
    critical: bool | None = None
    from_level: Id | None = None
    guidance: TextField | None = None


class ChecklistModel(_Model):
    id: Id
    title: TextField
    applies_to: Annotated[tuple[str, ...], PlainValidator(_applies_to)]
    items: Annotated[list[ItemModel], NON_EMPTY]


class NoticeModel(_Model):
    id: Id
    channel: Annotated[str, _one_of(NOTICE_CHANNELS, "channel")]
    title: NoticeText
    body: NoticeText


class ReportingModel(_Model):
    id: Id
    to: TextField
    due: Duration
    title: TextField


class PlaybookFile(_Model):
    format: Any = None  # checked before validation, see check_format()
    id: Id
    version: Annotated[int, PlainValidator(_positive_int)]
    title: TextField
    reviewed: Day
    summary: TextField
    triggers: list[Id] | None = None
    levels: Annotated[list[LevelModel], NON_EMPTY]
    roles: Annotated[list[RoleModel], NON_EMPTY]
    impact: list[ImpactModel]
    checklists: list[ChecklistModel]
    notices: list[NoticeModel] | None = None
    reporting: list[ReportingModel] | None = None


def check_format(data: Any, expected: str, other: str, report: Report) -> bool:
    """Check the `format:` line; False when the rest of the file should not be read."""
    if not isinstance(data, dict):
        report.error((), f"expected fields ('format: {expected}', ...) at the top of the file, "
                         f"got {describe(data)}")
        return False
    value = data.get("format")
    kind = expected.split("/")[0].split(".")[-1]
    if "format" not in data:
        report.error((), f"missing required field 'format' (the first line should be 'format: {expected}')")
    elif value == other:
        other_kind = other.split("/")[0].split(".")[-1]
        report.error(("format",), f"this is a {other_kind} file ({other}), not a {kind} file")
        return False
    elif isinstance(value, str) and value.startswith(expected.split("/")[0] + "/") and value != expected:
        report.error(("format",), f"unsupported version '{value}': this desk reads {expected}")
        return False
    elif value != expected:
        report.error(("format",), f"expected '{expected}', got {describe(value)}")
    return True


def validate(model: type[_Model], data: dict, report: Report) -> _Model | None:
    """The validated model, or None after adding every error to `report`."""
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        typos = {(tuple(e["loc"][:-1]), e["loc"][-1]) for e in errors if e["type"] == "extra_forbidden"}
        for error in errors:
            if not _explained_by_typo(error, typos):
                _report_error(model, error, report)
        return None
    return result


_TYPE_MESSAGES = {
    "string_type": "expected a string",
    "bool_type": "expected true or false",
    "list_type": "expected a list",
    "model_type": "expected a mapping (field: value)",
    "dict_type": "expected a mapping (field: value)",
}


def _explained_by_typo(error: dict, typos: set[tuple[Path, Any]]) -> bool:
    """A missing field whose misspelling is reported as an unknown field beside it."""
    if error["type"] != "missing":
        return False
    parent, name = tuple(error["loc"][:-1]), str(error["loc"][-1])
    return any(p == parent and difflib.get_close_matches(str(key), [name], cutoff=0.6)
               for p, key in typos)


def _report_error(model: type[_Model], error: dict, report: Report) -> None:
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        report.error(loc[:-1], f"missing required field '{loc[-1]}'")
    elif kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        report.error(loc, f"unknown field '{loc[-1]}' ({did_you_mean(str(loc[-1]), fields, 'expected')})")
    elif kind == "crisisdesk":
        report.error((*loc, *error["ctx"]["at"]), error["ctx"]["message"])
    elif kind == "too_short":
        report.error(loc, "must not be empty")
    elif kind in _TYPE_MESSAGES:
        report.error(loc, f"{_TYPE_MESSAGES[kind]}, got {describe(error['input'])}")
    else:
        report.error(loc, error["msg"])


def _fields_at(model: type[BaseModel] | None, path: Path) -> tuple[str, ...]:
    """The field names of the model found at `path` below `model`."""
    for part in path:
        if model is None or isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = _inner_model(field.annotation) if field else None
    return tuple(model.model_fields) if model else ()


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None
