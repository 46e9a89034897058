"""Playbooks (`format: crisisdesk.playbook/2`, or /1 converted) read into a `Playbook`, with
every error located."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from crisisdesk.domain.drill import Inject
from crisisdesk.domain.durations import parse_duration
from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import (
    Checklist,
    ChecklistItem,
    Choice,
    ImpactField,
    Level,
    NoticeTemplate,
    Playbook,
    ReportingDuty,
    Role,
    Threshold,
)
from crisisdesk.domain.text import Text
from crisisdesk.formats.errors import Path as FieldPath
from crisisdesk.formats.errors import Report
from crisisdesk.formats.located_yaml import parse, read_limited
from crisisdesk.formats.references import entries, listing, refer, unique_ids
from crisisdesk.formats.result import LoadResult
from crisisdesk.formats.schema import (
    GROUP_FORMAT,
    PLAYBOOK_FORMAT,
    PLAYBOOK_FORMAT_1,
    PLAYBOOK_FORMAT_3,
    InjectSchema,
    PlaybookFile,
    ReportingSchema,
    check_format,
    validate,
)

_V2_REPORTING_FIELDS = ("kind", "filer", "sectors", "when", "from", "every", "basis", "guidance", "target")
# The kind of value each measure counts.
_MEASURE_KINDS = {"aware-at": "datetime", "amount": "money"}

STALE_AFTER = timedelta(days=365)


def is_stale(reviewed: date, today: date) -> bool:
    """A playbook last reviewed more than 365 days before `today` is stale."""
    return today - reviewed > STALE_AFTER


def load_playbook(path: str | Path, group: Group | None = None, *,
                  today: date | None = None) -> LoadResult[Playbook]:
    """Load the playbook at `path`; FormatError listing every problem if it is wrong.

    With `group`, triggers and sectors are checked against it (warnings).
    `today` (default: the local date) decides whether `reviewed` is stale.
    """
    name = str(path)
    return load_playbook_text(read_limited(Path(path), name), name, group, today=today)


def load_playbook_text(text: str | bytes, name: str = "<playbook>", group: Group | None = None, *,
                       today: date | None = None) -> LoadResult[Playbook]:
    """Load a playbook from its text (or bytes), e.g. the copy pinned by an event."""
    doc = parse(text, name)
    report = Report(name, doc.marks, doc.problems)
    model, version = None, check_format(doc.data, PLAYBOOK_FORMAT, GROUP_FORMAT, report, PLAYBOOK_FORMAT_1,
                                             compatible=(PLAYBOOK_FORMAT_3,))
    if version:
        model = validate(PlaybookFile, doc.data, report)
        _check_references(doc.data, report)
        _check_version_2(doc.data, report, version)
        _check_injects(doc.data, report, version)
        _check_warnings(doc.data, report, group, today or date.today())
    report.raise_if_errors()
    assert model is not None  # a file that did not validate has errors, raised just above
    return LoadResult(_playbook(model, version), report.warnings, doc.text, doc.sha256, name)


def _required(known: dict[str, FieldPath] | None) -> dict[str, FieldPath] | None:
    """Known ids of a required list; None (nothing checked) when it is empty or broken."""
    return known or None


def _check_references(data: dict[str, Any], report: Report) -> None:
    levels = _required(unique_ids(report, data, "levels"))
    roles = _required(unique_ids(report, data, "roles"))
    for key in ("impact", "checklists", "notices", "reporting"):
        unique_ids(report, data, key)
    for i, field in entries(data, "impact"):
        path: FieldPath = ("impact", i)
        choices = field.get("choices")
        if field.get("kind") == "choice":
            if not choices:
                at: FieldPath = (*path, "choices") if "choices" in field else (*path, "kind")
                report.error(at, "kind 'choice' needs a list of choices ({id: ..., label: ...})")
            unique_ids(report, field, "choices", path)
        elif choices is not None and field.get("kind") is not None:
            report.error((*path, "choices"), "choices are only for kind 'choice'")
    for i, checklist in entries(data, "checklists"):
        unique_ids(report, checklist, "items", ("checklists", i))
        for j, item in entries(checklist, "items"):
            path = ("checklists", i, "items", j)
            refer(report, (*path, "owner"), item.get("owner"), roles, "role", "roles")
            refer(report, (*path, "from_level"), item.get("from_level"), levels, "level", "levels")
            has_due, has_due_at = item.get("due") is not None, item.get("due_at") is not None
            if has_due and has_due_at:
                report.error((*path, "due_at"), "give either 'due' or 'due_at', not both")
            elif not (has_due or has_due_at):
                report.error(path, "missing 'due' (e.g. 1h) or 'due_at' (e.g. next-business-day 08:00)")


def _check_version_2(data: dict[str, Any], report: Report, version: int) -> None:
    """The /2 fields: refused in a /1 file; measures unique and of the right kind of value."""
    needs = f"needs 'format: {PLAYBOOK_FORMAT}'"
    measures: dict[str, FieldPath] = {}
    for i, field in entries(data, "impact"):
        measure, at = field.get("measure"), ("impact", i, "measure")
        if measure is None:
            continue
        if version < 2:
            report.error(at, f"'measure' {needs}")
        if not isinstance(measure, str):
            continue
        if measure in measures:
            line, col = report.mark(measures[measure])
            report.error(at, f"measure '{measure}' is already given at {line}:{col}")
        measures[measure] = at
        wanted = _MEASURE_KINDS.get(measure, "integer")
        if field.get("kind") not in (None, wanted):
            report.error(at, f"measure '{measure}' needs kind '{wanted}', not '{field.get('kind')}'")
    for i, checklist in entries(data, "checklists"):
        if version < 2 and checklist.get("applies_to") in ("group", ["group"]):
            report.error(("checklists", i, "applies_to"), f"'group' {needs}")
    for i, duty in entries(data, "reporting"):
        for name in _V2_REPORTING_FIELDS:
            if version < 2 and name in duty:
                report.error(("reporting", i, name), f"'{name}' {needs}")
        if "target" in duty and duty.get("basis") != "rule":
            report.error(("reporting", i, "target"), "a target is the group's own deadline beside a "
                                                     "rule's: give 'basis: rule' with it")
        target, due = _as_duration(duty.get("target")), _as_duration(duty.get("due"))
        if target is not None and due is not None and target >= due:
            report.error(("reporting", i, "target"), "the group's target must come before the due time")
        if duty.get("filer") == "group" and duty.get("sectors") is not None:
            report.error(("reporting", i, "sectors"), "sectors are only for 'filer: licensed'")
        when = duty.get("when")
        for j, threshold in enumerate(when if isinstance(when, list) else ()):
            if isinstance(threshold, dict) and not threshold:
                report.error(("reporting", i, "when", j), "a threshold needs 'outage' or 'customers'")
            if isinstance(threshold, dict) and "customers" in threshold and "customers" not in measures:
                report.error(("reporting", i, "when", j, "customers"),
                             "a customers threshold needs an impact field with 'measure: customers'")


def _check_injects(data: dict[str, Any], report: Report, version: int) -> None:
    """A drill scenario's injects: only in a /3 file; each kind with the fields it needs."""
    if data.get("injects") is not None and version < 3:
        report.error(("injects",), f"'injects' (a drill scenario) needs 'format: {PLAYBOOK_FORMAT_3}'")
        return
    unique_ids(report, data, "injects")
    measured = {f.get("measure") for _, f in entries(data, "impact")}
    for i, inject in entries(data, "injects"):
        path: FieldPath = ("injects", i)
        kind = inject.get("kind")
        needed: dict[Any, tuple[str, ...]] = {"provider": ("provider", "status"),
                                              "complaints": ("affiliate", "measures")}
        needs = needed.get(kind, ())
        for name in needs:
            if inject.get(name) is None:
                report.error(path, f"missing '{name}': an inject of kind '{kind}' needs "
                                   f"{' and '.join(repr(n) for n in needs)}")
        for name, owner in (("provider", "provider"), ("status", "provider"), ("measures", "complaints")):
            if inject.get(name) is not None and kind is not None and kind != owner:
                report.error((*path, name), f"'{name}' is only for injects of kind '{owner}'")
        measures = inject.get("measures")
        for measure in (measures if isinstance(measures, dict) else {}):
            if isinstance(measure, str) and measure not in measured:
                report.error((*path, "measures", measure),
                             f"no impact field has 'measure: {measure}' (the inject sets that answer)")


def _as_duration(value: object) -> timedelta | None:
    try:
        return parse_duration(value) if isinstance(value, str) else None
    except ValueError:
        return None  # reported by the schema


def _check_warnings(data: dict[str, Any], report: Report, group: Group | None, today: date) -> None:
    reviewed = data.get("reviewed")
    if isinstance(reviewed, date) and is_stale(reviewed, today):
        report.warning(("reviewed",), f"stale: last reviewed {reviewed.isoformat()}, "
                                      f"more than {STALE_AFTER.days} days ago")
    if group is None:
        return
    providers = [p.id for p in group.providers]
    affiliates = [a.id for a in group.affiliates]
    for i, inject in entries(data, "injects"):
        for key, known, what in (("provider", providers, "provider"), ("affiliate", affiliates, "affiliate")):
            value = inject.get(key)
            if isinstance(value, str) and value not in known:
                report.warning(("injects", i, key), f"group '{group.id}' has no {what} '{value}' "
                                                    f"({listing(known, what + 's')})")
    triggers = data.get("triggers")
    for i, trigger in enumerate(triggers if isinstance(triggers, list) else ()):
        if isinstance(trigger, str) and trigger not in providers:
            report.warning(("triggers", i), f"group '{group.id}' has no provider '{trigger}' "
                                            f"({listing(providers, 'providers')})")
    sectors = sorted(group.sectors)
    for i, checklist in entries(data, "checklists"):
        applies_to = checklist.get("applies_to")
        for j, sector in enumerate(applies_to if isinstance(applies_to, list) else ()):
            if isinstance(sector, str) and sector not in ("all", "group") and sector not in sectors:
                report.warning(("checklists", i, "applies_to", j),
                               f"no affiliate of group '{group.id}' has sector '{sector}' "
                               f"({listing(sectors, 'sectors')})")


def _playbook(m: PlaybookFile, version: int) -> Playbook:
    return Playbook(
        id=m.id,
        version=m.version,
        title=m.title,
        reviewed=m.reviewed,
        summary=m.summary,
        levels=tuple(Level(lv.id, lv.title, lv.criteria or Text()) for lv in m.levels),
        roles=tuple(Role(r.id, r.title) for r in m.roles),
        impact=tuple(
            ImpactField(f.id, f.kind, f.label, tuple(Choice(c.id, c.label) for c in f.choices or ()),
                        f.help or Text(), f.measure or "")
            for f in m.impact
        ),
        checklists=tuple(
            Checklist(c.id, c.title, c.applies_to, tuple(
                ChecklistItem(i.id, i.title, i.owner, i.due, i.due_at, bool(i.critical), i.from_level,
                              i.guidance or Text())
                for i in c.items
            ))
            for c in m.checklists
        ),
        triggers=tuple(m.triggers or ()),
        notices=tuple(NoticeTemplate(n.id, n.channel, n.title, n.body) for n in m.notices or ()),
        reporting=tuple(_duty(r, version) for r in m.reporting or ()),
        injects=tuple(sorted((_inject(i) for i in m.injects or ()), key=lambda i: i.at)),
    )


def _inject(i: InjectSchema) -> Inject:
    return Inject(i.id, i.at, i.kind, i.text, provider=i.provider or "", status=i.status or "",
                  affiliate=i.affiliate or "", measures=i.measures or (),
                  respond_within=i.respond_within)


def _duty(r: ReportingSchema, version: int) -> ReportingDuty:
    """A reporting duty. A /1 duty is the group's own target, filed once, `due` after T0; in /2
    each licensed affiliate files, from its awareness, unless the playbook says otherwise."""
    defaults = ReportingDuty(r.id, r.to, r.due, r.title)
    if version >= 2:
        defaults = ReportingDuty(r.id, r.to, r.due, r.title, filer="licensed", start="awareness")
    return ReportingDuty(
        r.id, r.to, r.due, r.title, kind=r.kind or defaults.kind, filer=r.filer or defaults.filer,
        sectors=tuple(r.sectors or ()),
        when=tuple(Threshold(t.outage, t.customers) for t in r.when or ()),
        start=r.start or defaults.start, every=r.every, basis=r.basis or defaults.basis,
        guidance=r.guidance or Text(), target=r.target)
