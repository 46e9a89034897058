"""The site file (`format: crisisdesk.site/1`) an administrator writes once per laptop or per
bundle: settings every desk there starts from, read with every error located.

    format: crisisdesk.site/1
    exchange:
      folder: '\\\\fileserver\\crisis\\exchange'
    desk: {role: affiliate, affiliate: bank}     # hints for `desk init`
    backup: {keep: 30, every_minutes: 10}
    language: ko
    group_pack: {group_file: group.yaml, playbooks: playbooks}   # beside the site file
    allow_user_override: [language, backup.keep]

Every setting the file gives is locked unless `allow_user_override` names it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crisisdesk.formats.errors import Path as FieldPath
from crisisdesk.formats.errors import Report
from crisisdesk.formats.wording import describe, did_you_mean

SITE_FORMAT = "crisisdesk.site/1"
SITE_FILE_NAME = "crisisdesk-site.yaml"
OVERRIDE_FIELD = "allow_user_override"


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected text, got {describe(value)}")
    return value.strip()


def _choice(*options: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {describe(value)}")
        return str(value)
    return check


def _number(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"expected a whole number from {low} to {high}, got {describe(value)}")
        return value
    return check


# Every setting a site file may give: dotted key -> check (the value, or ValueError).
SETTINGS: dict[str, Callable[[Any], Any]] = {
    "exchange.folder": _text,
    "desk.role": _choice("group", "affiliate"),
    "desk.affiliate": _text,
    "backup.keep": _number(1, 500),
    "backup.every_minutes": _number(1, 240),
    "language": _choice("ko", "en"),
    "group_pack.group_file": _text,
    "group_pack.playbooks": _text,
}
# Paths read relative to the folder of the site file that gives them.
PATH_SETTINGS = ("exchange.folder", "group_pack.group_file", "group_pack.playbooks")


@dataclass(frozen=True)
class SiteFile:
    """One site file: its settings (paths made absolute) and which of them a user may change."""

    path: Path
    values: dict[str, Any]
    user_may_change: frozenset[str]


def load_site_file(path: Path) -> SiteFile:
    """Read and check the site file at `path`; FormatError lists every problem, located."""
    path = Path(path)
    name = str(path)
    from crisisdesk.formats.located_yaml import (  # YAML only when a site file exists
        parse,
        read_limited,
    )

    document = parse(read_limited(path, name), name)
    report = Report(name, document.marks, document.problems)
    data = document.data
    if not isinstance(data, dict):
        report.error((), f"expected settings (a mapping with 'format: {SITE_FORMAT}'), got {describe(data)}")
        report.raise_if_errors()
    if data.get("format") != SITE_FORMAT:
        report.error(("format",), f"expected 'format: {SITE_FORMAT}', got {describe(data.get('format'))}")
    values: dict[str, Any] = {}
    allowed: set[str] = set()
    for key, value in data.items():
        if key == "format":
            continue
        if key == OVERRIDE_FIELD:
            allowed = _overrides(value, report)
            continue
        _setting((str(key),), value, values, report)
    for key in PATH_SETTINGS:
        if key in values:
            values[key] = str(_beside(path, values[key]))
    pack = values.get("group_pack.group_file")
    if pack and not Path(pack).is_file():
        report.error(("group_pack", "group_file"), f"no such group file: {pack}")
    folder = values.get("group_pack.playbooks")
    if folder and not Path(folder).is_dir():
        report.error(("group_pack", "playbooks"), f"no such playbooks folder: {folder}")
    report.raise_if_errors()
    return SiteFile(path, values, frozenset(allowed))


def _setting(path: FieldPath, value: Any, values: dict[str, Any], report: Report) -> None:
    key = ".".join(str(p) for p in path)
    if key in SETTINGS:
        try:
            values[key] = SETTINGS[key](value)
        except ValueError as exc:
            report.error(path, str(exc))
        return
    sections = {k.rsplit(".", 1)[0] for k in SETTINGS if "." in k}
    if key in sections and isinstance(value, dict):
        for inner, item in value.items():
            _setting((*path, str(inner)), item, values, report)
        return
    if key in sections:
        report.error(path, f"expected a section of settings, got {describe(value)}")
        return
    report.error(path, f"unknown setting '{key}'; {did_you_mean(key, [*SETTINGS, OVERRIDE_FIELD], 'known settings')}")


def _overrides(value: Any, report: Report) -> set[str]:
    if not isinstance(value, list):
        report.error((OVERRIDE_FIELD,), f"expected a list of settings, got {describe(value)}")
        return set()
    allowed = set()
    for index, key in enumerate(value):
        if key not in SETTINGS:
            report.error((OVERRIDE_FIELD, index), f"unknown setting {describe(key)}; "
                         f"{did_you_mean(str(key), list(SETTINGS), 'known settings')}")
        else:
            allowed.add(str(key))
    return allowed


def _beside(site_file: Path, value: str) -> Path:
    """`value` as a path; a relative one is read from the site file's folder."""
    given = Path(value).expanduser()
    return given if given.is_absolute() or value.startswith("\\\\") else site_file.parent / given
