"""Playbooks (`format: crisisdesk.playbook/1`) read into a `Playbook`, with every error located."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

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
)
from crisisdesk.domain.text import Text
from crisisdesk.formats.errors import Report
from crisisdesk.formats.located_yaml import parse, read_limited
from crisisdesk.formats.references import entries, listing, refer, unique_ids
from crisisdesk.formats.result import LoadResult
from crisisdesk.formats.schema import (
    GROUP_FORMAT,
    PLAYBOOK_FORMAT,
    PlaybookFile,
    check_format,
    validate,
)

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
    model = None
    if check_format(doc.data, PLAYBOOK_FORMAT, GROUP_FORMAT, report):
        model = validate(PlaybookFile, doc.data, report)
        _check_references(doc.data, report)
        _check_warnings(doc.data, report, group, today or date.today())
    report.raise_if_errors()
    return LoadResult(_playbook(model), report.warnings, doc.text, doc.sha256, name)


def _required(known: dict | None) -> dict | None:
    """Known ids of a required list; None (nothing checked) when it is empty or broken."""
    return known or None


def _check_references(data: dict, report: Report) -> None:
    levels = _required(unique_ids(report, data, "levels"))
    roles = _required(unique_ids(report, data, "roles"))
    for key in ("impact", "checklists", "notices", "reporting"):
        unique_ids(report, data, key)
    for i, field in entries(data, "impact"):
        path = ("impact", i)
        choices = field.get("choices")
        if field.get("kind") == "choice":
            if not choices:
                at = (*path, "choices") if "choices" in field else (*path, "kind")
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


def _check_warnings(data: dict, report: Report, group: Group | None, today: date) -> None:
    reviewed = data.get("reviewed")
    if isinstance(reviewed, date) and is_stale(reviewed, today):
        report.warning(("reviewed",), f"stale: last reviewed {reviewed.isoformat()}, "
                                      f"more than {STALE_AFTER.days} days ago")
    if group is None:
        return
    providers = [p.id for p in group.providers]
    triggers = data.get("triggers")
    for i, trigger in enumerate(triggers if isinstance(triggers, list) else ()):
        if isinstance(trigger, str) and trigger not in providers:
            report.warning(("triggers", i), f"group '{group.id}' has no provider '{trigger}' "
                                            f"({listing(providers, 'providers')})")
    sectors = sorted(group.sectors)
    for i, checklist in entries(data, "checklists"):
        applies_to = checklist.get("applies_to")
        for j, sector in enumerate(applies_to if isinstance(applies_to, list) else ()):
            if isinstance(sector, str) and sector != "all" and sector not in sectors:
                report.warning(("checklists", i, "applies_to", j),
                               f"no affiliate of group '{group.id}' has sector '{sector}' "
                               f"({listing(sectors, 'sectors')})")


def _playbook(m: PlaybookFile) -> Playbook:
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
                        f.help or Text())
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
        reporting=tuple(ReportingDuty(r.id, r.to, r.due, r.title) for r in m.reporting or ()),
    )
