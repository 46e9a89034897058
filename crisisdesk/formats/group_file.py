"""The group file (`format: crisisdesk.group/1`) read into a `Group`, with every error located."""

from __future__ import annotations

from pathlib import Path

from crisisdesk.domain.group import Affiliate, DrSite, Group, Provider, Service
from crisisdesk.formats.errors import Report
from crisisdesk.formats.located_yaml import parse, read_limited
from crisisdesk.formats.references import entries, refer_each, unique_ids
from crisisdesk.formats.result import LoadResult
from crisisdesk.formats.schema import (
    GROUP_FORMAT,
    PLAYBOOK_FORMAT,
    GroupFile,
    check_format,
    validate,
)

DEFAULT_TIMEZONE = "Asia/Seoul"


def load_group(path: str | Path) -> LoadResult[Group]:
    """Load the group file at `path`; FormatError listing every problem if it is wrong."""
    name = str(path)
    return load_group_text(read_limited(Path(path), name), name)


def load_group_text(text: str | bytes, name: str = "<group>") -> LoadResult[Group]:
    """Load a group file from its text (or bytes); `name` is used in messages."""
    doc = parse(text, name)
    report = Report(name, doc.marks, doc.problems)
    model = None
    if check_format(doc.data, GROUP_FORMAT, PLAYBOOK_FORMAT, report):
        model = validate(GroupFile, doc.data, report)
        _check_references(doc.data, report)
    report.raise_if_errors()
    return LoadResult(_group(model), report.warnings, doc.text, doc.sha256, name)


def _check_references(data: dict, report: Report) -> None:
    providers = unique_ids(report, data, "providers")
    unique_ids(report, data, "affiliates")
    for i, affiliate in entries(data, "affiliates"):
        unique_ids(report, affiliate, "services", ("affiliates", i))
        for j, service in entries(affiliate, "services"):
            path = ("affiliates", i, "services", j)
            refer_each(report, service, "depends_on", path, providers, "provider", "providers")
    for i, provider in entries(data, "providers"):
        path = ("providers", i)
        refer_each(report, provider, "alternatives", path, providers, "provider", "providers")
        alternatives = provider.get("alternatives")
        if isinstance(alternatives, list) and provider.get("id") in alternatives:
            at = (*path, "alternatives", alternatives.index(provider["id"]))
            report.error(at, "a provider cannot be its own alternative")


def _group(m: GroupFile) -> Group:
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
                    Service(s.id, s.name, bool(s.critical), s.rto, tuple(s.depends_on or ()))
                    for s in a.services or ()
                ),
            )
            for a in m.affiliates
        ),
        providers=tuple(Provider(p.id, p.name, p.kind, tuple(p.alternatives or ())) for p in m.providers or ()),
    )
