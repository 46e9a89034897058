"""The pydantic models of the group file and the playbook, and their errors as located sentences.

`validate()` maps each pydantic error's location back to a field path, which
`Report` turns into `file:line:col` through the marks of the YAML.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from crisisdesk.formats.drill_fields import (
    ExternalKind,
    InjectKind,
    InjectMeasures,
    InjectStatusField,
    Offset,
)
from crisisdesk.formats.errors import Path, Report
from crisisdesk.formats.fields import (
    NON_EMPTY,
    AppliesTo,
    ApprovalStepField,
    Channel,
    Day,
    DependencyField,
    DueAtField,
    Duration,
    DutyBasis,
    DutyFiler,
    DutyKind,
    DutyStart,
    HoursField,
    Id,
    ImpactKind,
    Measure,
    NoticeText,
    Percent,
    PositiveInt,
    TextField,
    Timezone,
)
from crisisdesk.formats.wording import describe, did_you_mean

GROUP_FORMAT = "crisisdesk.group/3"
PLAYBOOK_FORMAT = "crisisdesk.playbook/2"
PLAYBOOK_FORMAT_3 = "crisisdesk.playbook/3"  # /2 and a drill scenario's injects
GROUP_FORMAT_2 = "crisisdesk.group/2"
GROUP_FORMAT_1 = "crisisdesk.group/1"
PLAYBOOK_FORMAT_1 = "crisisdesk.playbook/1"


MAX_APPROVAL_STEPS = 6  # boxes that fit the approval block beside the title


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class GroupHeader(_Model):
    id: Id
    name: TextField


class DrSiteSchema(_Model):
    location: str
    capacity_pct: Percent | None = None


class ServiceSchema(_Model):
    id: Id
    name: TextField
    critical: bool | None = None
    rto: Duration | None = None
    depends_on: list[DependencyField] | None = None
    hours: HoursField | None = None


class AffiliateSchema(_Model):
    id: Id
    name: TextField
    sector: Id
    dr_site: DrSiteSchema | None = None
    services: list[ServiceSchema] | None = None
    licensed: bool | None = None


class ProviderSchema(_Model):
    id: Id
    name: TextField
    kind: str  # the kinds differ by version: checked in group_file
    alternatives: list[Id] | None = None


class ContactSchema(_Model):
    id: Id
    name: str
    phone: str
    affiliate: Id | None = None
    role: str | None = None
    title: TextField | None = None
    external: ExternalKind | None = None
    organisation: TextField | None = None
    phone2: str | None = None
    email: str | None = None
    deputy: Id | None = None
class ReportFormSchema(_Model):
    approval: Annotated[list[ApprovalStepField], Field(min_length=1, max_length=MAX_APPROVAL_STEPS)] | None = None
    distribution: list[TextField] | None = None


class GroupFile(_Model):
    format: Any = None  # checked before validation, see check_format()
    group: GroupHeader
    timezone: Timezone | None = None
    holidays: list[Day] | None = None
    affiliates: Annotated[list[AffiliateSchema], NON_EMPTY]
    providers: list[ProviderSchema] | None = None
    contacts: list[ContactSchema] | None = None  # the emergency contact tree (optional)
    report: ReportFormSchema | None = None


class LevelSchema(_Model):
    id: Id
    title: TextField
    criteria: TextField | None = None


class RoleSchema(_Model):
    id: Id
    title: TextField


class ChoiceSchema(_Model):
    id: Id
    label: TextField


class ImpactSchema(_Model):
    id: Id
    kind: ImpactKind
    label: TextField
    choices: list[ChoiceSchema] | None = None
    help: TextField | None = None
    measure: Measure | None = None


class ItemSchema(_Model):
    id: Id
    title: TextField
    owner: Id
    due: Duration | None = None
    due_at: DueAtField | None = None
    critical: bool | None = None
    from_level: Id | None = None
    guidance: TextField | None = None


class ChecklistSchema(_Model):
    id: Id
    title: TextField
    applies_to: AppliesTo
    items: Annotated[list[ItemSchema], NON_EMPTY]


class NoticeSchema(_Model):
    id: Id
    channel: Channel
    title: NoticeText
    body: NoticeText


class ThresholdSchema(_Model):
    outage: Duration | None = None
    customers: PositiveInt | None = None


class ReportingSchema(_Model):
    id: Id
    to: TextField
    due: Duration
    title: TextField
    kind: DutyKind | None = None
    filer: DutyFiler | None = None
    sectors: list[Id] | None = None
    when: Annotated[list[ThresholdSchema], NON_EMPTY] | None = None
    start: DutyStart | None = Field(default=None, alias="from")
    every: Duration | None = None
    basis: DutyBasis | None = None
    guidance: TextField | None = None
    target: Duration | None = None


class InjectSchema(_Model):
    id: Id
    at: Offset
    kind: InjectKind
    text: TextField
    provider: Id | None = None
    status: InjectStatusField | None = None
    affiliate: Id | None = None
    measures: InjectMeasures | None = None
    respond_within: Duration | None = None


class PlaybookFile(_Model):
    format: Any = None  # checked before validation, see check_format()
    id: Id
    version: PositiveInt
    title: TextField
    reviewed: Day
    summary: TextField
    triggers: list[Id] | None = None
    levels: Annotated[list[LevelSchema], NON_EMPTY]
    roles: Annotated[list[RoleSchema], NON_EMPTY]
    impact: list[ImpactSchema]
    checklists: list[ChecklistSchema]
    notices: list[NoticeSchema] | None = None
    reporting: list[ReportingSchema] | None = None
    injects: list[InjectSchema] | None = None


def check_format(data: Any, expected: str, other: str, report: Report,
                 older: str = "", compatible: tuple[str, ...] = ()) -> int:
    """Check the `format:` line: the version to read the file as (an older one only when the
    file says so), or 0 when the rest of the file should not be read. `older` is converted
    (with a warning); `compatible` versions are read as they are (everything they say still
    means the same)."""
    olders = (older, *compatible) if older else compatible
    if not isinstance(data, dict):
        report.error((), f"expected fields ('format: {expected}', ...) at the top of the file, "
                         f"got {describe(data)}")
        return False
    value = data.get("format")
    kind = expected.split("/")[0].split(".")[-1]
    version = int(expected.rsplit("/", 1)[1])
    family = expected.split("/")[0]
    if "format" not in data:
        report.error((), f"missing required field 'format' (the first line should be 'format: {expected}')")
    elif value in compatible:
        return int(value.rsplit("/", 1)[1])
    elif value in olders:
        report.warning(("format",), f"{value} is read as {expected}; `crisisdesk {kind} upgrade FILE` "
                                    "writes the file in the new form")
        return int(value.rsplit("/", 1)[1])
    elif isinstance(value, str) and value.split("/")[0] == other.split("/")[0]:
        other_kind = other.split("/")[0].split(".")[-1]
        report.error(("format",), f"this is a {other_kind} file ({value}), not a {kind} file")
        return 0
    elif isinstance(value, str) and value.startswith(family + "/") and value != expected:
        known = sorted({*olders, expected}, key=lambda v: int(v.rsplit("/", 1)[1]))
        readable = f"{', '.join(known[:-1])} and {known[-1]}" if len(known) > 1 else expected
        report.error(("format",), f"unsupported version '{value}': this desk reads {readable}")
        return 0
    elif value != expected:
        report.error(("format",), f"expected '{expected}', got {describe(value)}")
    return version


M = TypeVar("M", bound="_Model")


def validate(model: type[M], data: dict[str, Any], report: Report) -> M | None:
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


def _explained_by_typo(error: ErrorDetails, typos: set[tuple[Path, Any]]) -> bool:
    """A missing field whose misspelling is reported as an unknown field beside it."""
    if error["type"] != "missing":
        return False
    parent, name = tuple(error["loc"][:-1]), str(error["loc"][-1])
    return any(p == parent and difflib.get_close_matches(str(key), [name], cutoff=0.6)
               for p, key in typos)


def _report_error(model: type[_Model], error: ErrorDetails, report: Report) -> None:
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
    elif kind == "too_long":
        report.error(loc, f"too many entries: at most {error.get('ctx', {}).get('max_length')}")
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
    return tuple(f.alias or name for name, f in model.model_fields.items()) if model else ()


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None
