"""Checks across a file's lists: unique ids and references to ids defined elsewhere.

They read the raw data (not the validated model) so they still run, and report,
when other parts of the file are wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from crisisdesk.formats.errors import Path, Report


def entries(container: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list `container[key]`."""
    items = container.get(key) if isinstance(container, dict) else None
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield i, item


def unique_ids(report: Report, container: Any, key: str, path: Path = ()) -> dict[str, Path] | None:
    """The ids of the list `container[key]` (reporting duplicates); None if it is not a list."""
    items = container.get(key) if isinstance(container, dict) else None
    if items is not None and not isinstance(items, list):
        return None
    seen: dict[str, Path] = {}
    for i, item in entries(container, key):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        where = (*path, key, i, "id")
        if ident in seen:
            line, col = report.mark(seen[ident])
            report.error(where, f"duplicate id '{ident}' (already used at {line}:{col})")
        else:
            seen[ident] = where
    return seen


def listing(known: Iterable[str], plural: str) -> str:
    names = list(known)
    if not names:
        return f"no {plural} are defined"
    return f"{plural}: " + ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")


def refer(report: Report, path: Path, value: Any, known: dict[str, Path] | None,
          what: str, plural: str) -> None:
    """Report `value` at `path` if it is not one of the `known` ids (None: cannot check)."""
    if known is not None and isinstance(value, str) and value not in known:
        report.error(path, f"unknown {what} '{value}' ({listing(known, plural)})")
