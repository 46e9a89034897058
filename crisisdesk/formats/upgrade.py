"""Rewrite an older group file or playbook in the current form, keeping its comments and
layout: only the lines that must change are edited.

- playbook: the `format:` line, and each reporting duty states what /1 meant and /2 would
  otherwise read differently (`filer: group`, `from: activation`, `basis: target`);
- group file /1: the `format:` line and the provider kinds (internal → own, vendor/cloud →
  outsourced, network → external);
- group file /2: the `format:` line only (/3 adds the optional `report:` mapping).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crisisdesk.domain.group import V1_PROVIDER_KINDS
from crisisdesk.formats.errors import FormatError, Problem
from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.located_yaml import Document, parse
from crisisdesk.formats.playbook_file import load_playbook_text
from crisisdesk.formats.schema import (
    GROUP_FORMAT,
    GROUP_FORMAT_1,
    GROUP_FORMAT_2,
    PLAYBOOK_FORMAT,
    PLAYBOOK_FORMAT_1,
)

_V1_DUTY_MEANING = (("filer", "group"), ("from", "activation"), ("basis", "target"))


@dataclass(frozen=True)
class UpgradedFile:
    text: str  # the file in the new form
    kind: str  # playbook | group
    notes: tuple[str, ...]  # what a person should still look at


def upgrade_text(text: str | bytes, name: str) -> UpgradedFile:
    """The current form of an older file; FormatError when the file is not a readable older file."""
    doc = parse(text, name)
    fmt = doc.data.get("format") if isinstance(doc.data, dict) else None
    if fmt in (PLAYBOOK_FORMAT, GROUP_FORMAT):
        raise FormatError([Problem(name, *doc.marks.get(("format",), (1, 1)), "format",
                                   f"already {fmt}: nothing to upgrade")])
    if fmt not in (PLAYBOOK_FORMAT_1, GROUP_FORMAT_1, GROUP_FORMAT_2):
        raise FormatError([Problem(name, 1, 1, "format",
                                   f"not a {PLAYBOOK_FORMAT_1}, {GROUP_FORMAT_1} or {GROUP_FORMAT_2} file")])
    load = load_playbook_text if fmt == PLAYBOOK_FORMAT_1 else load_group_text
    load(text, name)  # refuse a broken file before touching it
    if fmt == PLAYBOOK_FORMAT_1:
        upgraded = _upgrade_playbook(doc, name)
    elif fmt == GROUP_FORMAT_1:
        upgraded = _upgrade_group(doc, name)
    else:
        upgraded = _upgrade_group_2(doc)
    try:
        load(upgraded.text, name)
    except FormatError as exc:
        raise FormatError([Problem(name, 1, 1, "", "the file could not be rewritten in place "
                                                    f"({exc.problems[0].message}); upgrade it by hand")]) from None
    return upgraded


def _upgrade_playbook(doc: Document, name: str) -> UpgradedFile:
    lines = doc.text.splitlines(keepends=True)
    edits: list[tuple[int, int, str, str]] = []  # (line, col, old, new), applied bottom-up
    edits.append(_format_edit(doc, lines, PLAYBOOK_FORMAT_1, PLAYBOOK_FORMAT))
    for i in range(len(doc.data.get("reporting") or ())):
        line, col = doc.marks[("reporting", i, "id")]
        brace = lines[line - 1].rfind("{", 0, col - 1)
        if brace >= 0:  # {id: x, ...}: the meaning goes first inside the braces
            edits.append((line, brace + 2, "", "".join(f"{k}: {v}, " for k, v in _V1_DUTY_MEANING)))
        else:  # a block mapping: one line per field, indented like the id
            indent = " " * (col - 1)
            edits.append((line + 1, 1, "", "".join(f"{indent}{k}: {v}\n" for k, v in _V1_DUTY_MEANING)))
    return UpgradedFile(_apply(lines, edits), "playbook", (
        "reporting duties keep their /1 meaning (the group files once, from activation, as its own "
        "target); for the FSS model give each licensed affiliate's duties with 'filer: licensed', "
        "'from: awareness', thresholds ('when') and 'basis: rule'",
        "items the group desk does once may move to a checklist with 'applies_to: group'"))


def _upgrade_group(doc: Document, name: str) -> UpgradedFile:
    lines = doc.text.splitlines(keepends=True)
    edits = [_format_edit(doc, lines, GROUP_FORMAT_1, GROUP_FORMAT)]
    for i, provider in enumerate(doc.data.get("providers") or ()):
        line, col = doc.marks[("providers", i, "kind")]
        old = provider["kind"]
        match = re.compile(r"kind\s*:\s*([\"']?)" + re.escape(old) + r"\1").match(lines[line - 1], col - 1)
        if match is None:
            raise FormatError([Problem(name, line, col, f"providers[{i}].kind",
                                       "cannot rewrite this kind in place; edit it by hand")])
        edits.append((line, col, match.group(0), f"kind: {V1_PROVIDER_KINDS[old]}"))
    return UpgradedFile(_apply(lines, edits), "group", (
        "dependencies now carry their own customer wording: add 'alternative' (and 'impact') to "
        "each service's government or external dependency; /1 showed the providers' alternatives",
        "mark the affiliates that file their own FSS incident reports with 'licensed: true'",
        _REPORT_NOTE))


_REPORT_NOTE = ("the approval block (결재란) and distribution list (배포처) of reports come from an "
                "optional 'report:' mapping ('approval:' steps, 'distribution:' recipients); "
                "without it reports print 기안 → 검토 → 결재 and no distribution list")


def _upgrade_group_2(doc: Document) -> UpgradedFile:
    lines = doc.text.splitlines(keepends=True)
    return UpgradedFile(_apply(lines, [_format_edit(doc, lines, GROUP_FORMAT_2, GROUP_FORMAT)]), "group",
                   (_REPORT_NOTE,))


def _format_edit(doc: Document, lines: list[str], old: str, new: str) -> tuple[int, int, str, str]:
    line, col = doc.marks[("format",)]
    start = lines[line - 1].index(old, col - 1)
    return line, start + 1, old, new


def _apply(lines: list[str], edits: list[tuple[int, int, str, str]]) -> str:
    for line, col, old, new in sorted(edits, reverse=True):
        if line > len(lines):
            lines.append("")
        text = lines[line - 1]
        start = col - 1
        assert text[start:start + len(old)] == old
        lines[line - 1] = text[:start] + new + text[start + len(old):]
    return "".join(lines)
