"""The group file (`format: crisisdesk.group/3`; /2 and /1 read too) into a `Group`, with every
error located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crisisdesk.domain.contacts import Contact
from crisisdesk.domain.group import (
    DEFAULT_APPROVAL,
    GROUP_DESK,
    PROVIDER_KINDS,
    V1_PROVIDER_KINDS,
    Affiliate,
    Dependency,
    DrSite,
    Group,
    Provider,
    ReportForm,
    Service,
)
from crisisdesk.domain.text import Text
from crisisdesk.formats.errors import Path as FieldPath
from crisisdesk.formats.errors import Report
from crisisdesk.formats.located_yaml import parse, read_limited
from crisisdesk.formats.references import entries, refer, unique_ids
from crisisdesk.formats.result import LoadResult
from crisisdesk.formats.schema import (
    GROUP_FORMAT,
    GROUP_FORMAT_1,
    GROUP_FORMAT_2,
    PLAYBOOK_FORMAT,
    GroupFile,
    check_format,
    validate,
)
from crisisdesk.formats.wording import describe, did_you_mean

DEFAULT_TIMEZONE = "Asia/Seoul"
_V2_SERVICE_FIELDS = ("hours",)
_V2_AFFILIATE_FIELDS = ("licensed",)


def load_group(path: str | Path) -> LoadResult[Group]:
    """Load the group file at `path`; FormatError listing every problem if it is wrong."""
    name = str(path)
    return load_group_text(read_limited(Path(path), name), name)


def load_group_text(text: str | bytes, name: str = "<group>") -> LoadResult[Group]:
    """Load a group file from its text (or bytes); `name` is used in messages."""
    doc = parse(text, name)
    report = Report(name, doc.marks, doc.problems)
    group = group_from_data(doc.data, report)
    report.raise_if_errors()
    assert group is not None  # a file that did not validate has errors, raised just above
    return LoadResult(group, report.warnings, doc.text, doc.sha256, name)


def group_from_data(data: Any, report: Report) -> Group | None:
    """The Group of plain group-file data (as parsed from YAML, or read from a workbook), or None
    after adding every problem to `report` (which locates them)."""
    model, version = None, check_format(data, GROUP_FORMAT, PLAYBOOK_FORMAT, report, GROUP_FORMAT_1,
                                     (GROUP_FORMAT_2,))
    if version:
        model = validate(GroupFile, data, report)
        _check_references(data, report, version)
        _check_contacts(data, report)
    if model is None or report.has_errors:
        return None
    return _group(model, version)


def _check_references(data: dict[str, Any], report: Report, version: int) -> None:
    providers = unique_ids(report, data, "providers")
    unique_ids(report, data, "affiliates")
    if version < 3 and "report" in data:
        report.error(("report",), f"'report' (approval steps and distribution) needs 'format: {GROUP_FORMAT}'")
    for i, affiliate in entries(data, "affiliates"):
        path: FieldPath = ("affiliates", i)
        if affiliate.get("id") == GROUP_DESK:
            report.error((*path, "id"), f"'{GROUP_DESK}' is reserved for the group desk's own checklist; "
                                        "choose another id")
        if affiliate.get("sector") == GROUP_DESK:
            report.error((*path, "sector"), f"'{GROUP_DESK}' is reserved (checklists for the group desk); "
                                            "choose another sector")
        _only_in_2(report, affiliate, path, _V2_AFFILIATE_FIELDS, version)
        unique_ids(report, affiliate, "services", path)
        for j, service in entries(affiliate, "services"):
            spath: FieldPath = (*path, "services", j)
            _only_in_2(report, service, spath, _V2_SERVICE_FIELDS, version)
            depends_on = service.get("depends_on")
            seen: set[str] = set()
            for k, dependency in enumerate(depends_on if isinstance(depends_on, list) else ()):
                at: FieldPath = (*spath, "depends_on", k)
                if isinstance(dependency, dict):
                    if version < 2:
                        report.error(at, "a dependency with its own wording needs "
                                         f"'format: {GROUP_FORMAT_2}' or later")
                    at, dependency = (*at, "provider"), dependency.get("provider")
                refer(report, at, dependency, providers, "provider", "providers")
                if isinstance(dependency, str):
                    if dependency in seen:
                        report.error(at, f"provider '{dependency}' is listed twice")
                    seen.add(dependency)
    kinds = PROVIDER_KINDS if version >= 2 else tuple(V1_PROVIDER_KINDS)
    for i, provider in entries(data, "providers"):
        path = ("providers", i)
        kind = provider.get("kind")
        if "kind" in provider and kind not in kinds:
            hint = (f"; {GROUP_FORMAT_1} kinds are {', '.join(V1_PROVIDER_KINDS)}"
                    if version >= 2 and kind in V1_PROVIDER_KINDS else "")
            report.error((*path, "kind"), f"unknown provider kind {describe(kind)} "
                                          f"({did_you_mean(str(kind), kinds, 'expected')}){hint}")
        alternatives = provider.get("alternatives")
        for k, alternative in enumerate(alternatives if isinstance(alternatives, list) else ()):
            refer(report, (*path, "alternatives", k), alternative, providers, "provider", "providers")
        if isinstance(alternatives, list) and provider.get("id") in alternatives:
            at = (*path, "alternatives", alternatives.index(provider["id"]))
            report.error(at, "a provider cannot be its own alternative")


def _check_contacts(data: dict[str, Any], report: Report) -> None:
    """The contact tree: ids unique, deputies known (and not the contact itself), affiliates known,
    an outside contact with its kind and organisation and no affiliate."""
    contacts = unique_ids(report, data, "contacts")
    affiliates = [a.get("id") for _, a in entries(data, "affiliates")]
    for i, contact in entries(data, "contacts"):
        path: FieldPath = ("contacts", i)
        refer(report, (*path, "deputy"), contact.get("deputy"), contacts, "contact", "contacts")
        if contact.get("deputy") is not None and contact.get("deputy") == contact.get("id"):
            report.error((*path, "deputy"), "a contact cannot be its own deputy")
        affiliate = contact.get("affiliate")
        if contact.get("external") is not None:
            if affiliate is not None:
                report.error((*path, "affiliate"), "an outside contact ('external') belongs to no affiliate")
            if contact.get("organisation") is None:
                report.error(path, "missing 'organisation': an outside contact names its organisation")
        elif isinstance(affiliate, str) and affiliate != GROUP_DESK and affiliate not in affiliates:
            known = ", ".join([GROUP_DESK, *(a for a in affiliates if isinstance(a, str))])
            report.error((*path, "affiliate"), f"unknown affiliate '{affiliate}' (affiliates: {known})")


def _only_in_2(report: Report, data: dict[str, Any], path: FieldPath, fields: tuple[str, ...],
               version: int) -> None:
    for name in fields:
        if version < 2 and name in data:
            report.error((*path, name), f"'{name}' needs 'format: {GROUP_FORMAT_2}' or later")


def _group(m: GroupFile, version: int) -> Group:
    providers = {p.id: p for p in m.providers or ()}

    def kind(value: str) -> str:
        return V1_PROVIDER_KINDS[value] if version < 2 else value

    def dependency(d: Dependency) -> Dependency:
        """A /1 dependency keeps the names of its provider's alternatives as its alternative."""
        if version >= 2 or d.provider not in providers:
            return d
        names = [providers[a].name for a in providers[d.provider].alternatives or () if a in providers]
        return Dependency(d.provider, Text(", ".join(n.ko or n.en for n in names),
                                           ", ".join(n.en or n.ko for n in names)))

    form = m.report
    return Group(
        id=m.group.id,
        name=m.group.name,
        timezone=m.timezone or DEFAULT_TIMEZONE,
        holidays=frozenset(m.holidays or ()),
        affiliates=tuple(
            Affiliate(
                id=a.id,
                name=a.name,
                sector=a.sector,
                dr_site=DrSite(a.dr_site.location, a.dr_site.capacity_pct) if a.dr_site else None,
                services=tuple(
                    Service(s.id, s.name, bool(s.critical), s.rto,
                            tuple(dependency(d) for d in s.depends_on or ()), s.hours)
                    for s in a.services or ()
                ),
                licensed=bool(a.licensed),
            )
            for a in m.affiliates
        ),
        providers=tuple(Provider(p.id, p.name, kind(p.kind), tuple(p.alternatives or ()))
                        for p in m.providers or ()),
        contacts=tuple(Contact(c.id, c.name, c.phone, affiliate="" if c.external else (c.affiliate or GROUP_DESK),
                               role=c.role or "", title=c.title or Text(), external=c.external or "",
                               organisation=c.organisation or Text(), phone2=c.phone2 or "",
                               email=c.email or "", deputy=c.deputy or "")
                       for c in m.contacts or ()),
        report=ReportForm(tuple(form.approval or DEFAULT_APPROVAL) if form else DEFAULT_APPROVAL,
                          tuple(form.distribution or ()) if form else ()),
    )
