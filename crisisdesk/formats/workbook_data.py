"""The rows of a group inventory workbook turned into the plain data of a group file (what the
YAML loader would give for the same group), remembering which cell each field came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, cast

from crisisdesk.formats.errors import Path as FieldPath
from crisisdesk.formats.schema import GROUP_FORMAT
from crisisdesk.formats.workbook_errors import Cell, CellReport
from crisisdesk.formats.workbook_layout import (
    AFFILIATES,
    BOOL,
    CLOCK,
    CONTACTS,
    DAY,
    DEPENDENCIES,
    GROUP,
    HOLIDAYS,
    IDS,
    NOTE,
    NUMBER,
    PROVIDERS,
    REPORT,
    SERVICES,
    WORDS,
)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, Any]  # field → converted value (None: empty)
    cells: dict[str, Cell]  # field → its cell (also for empty cells of present columns)



def convert(value: Any, kind: str) -> Any:
    """A cell as the value the group file would hold (None when empty); a value that cannot be
    converted is passed on as it is, for the group file's checks to name."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        words = WORDS.get(kind)
        if words is not None and value.lower() in words:
            return words[value.lower()]
        if kind == IDS:
            return [part.strip() for part in re.split(r"[,\n]", value) if part.strip()]
        if kind == DAY and _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        if kind == NUMBER and re.fullmatch(r"[0-9]+", value):
            return int(value)
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        if kind == DAY:
            return value.date() if value.time() == time() else value
        if kind == CLOCK:
            return f"{value:%H:%M}"
    if isinstance(value, time) and kind == CLOCK:
        return f"{value:%H:%M}"
    if isinstance(value, int) and not isinstance(value, bool) and kind not in (NUMBER, BOOL, DAY):
        return str(value)  # an id or a name typed as a number (Excel stores '1' as 1)
    if kind == NOTE and value is not None:
        return str(value)
    return value


def _put(record: dict[str, Any], cells: dict[FieldPath, Cell], base: FieldPath, row: Row,
         fields: tuple[str, ...], rename: dict[str, str] | None = None) -> None:
    """Copy `fields` of `row` into `record` (dotted fields nest; `rename` gives a field another
    place in the record), remembering their cells."""
    for field in fields:
        parts = tuple((rename or {}).get(field, field).split("."))
        cell = row.cells.get(field)
        if cell is not None:
            cells.setdefault((*base, *parts), cell)
            cells.setdefault((*base, parts[0]), cell)  # a Text or a mapping: at its first column
        value = row.values.get(field)
        if value is None:
            continue
        target = record
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value


def build_data(tables: dict[str, list[Row]], report: CellReport) -> tuple[dict[str, Any], dict[date, str]]:
    """The group-file data of the sheets' rows (and the holidays' notes), every path's cell
    remembered in `report.cells`; rows that belong nowhere are reported."""
    data: dict[str, Any] = {"format": GROUP_FORMAT}
    report.cells[()] = Cell(GROUP.name, 0, 0)
    _group(data, tables[GROUP.name], report)
    notes = _holidays(data, tables[HOLIDAYS.name], report)
    index = _affiliates(data, tables[AFFILIATES.name], report)
    services, orphans = _services(data, tables[SERVICES.name], index, report)
    _dependencies(data, tables[DEPENDENCIES.name], services, orphans, report)
    _providers(data, tables[PROVIDERS.name], report)
    _report(data, tables[REPORT.name], report)
    _contacts(data, tables[CONTACTS.name], report)
    return data, notes


def _group(data: dict[str, Any], rows: list[Row], report: CellReport) -> None:
    cells = report.cells
    for extra in rows[1:]:
        report.fail(Cell(GROUP.name, extra.number, 1), "그룹 시트에는 한 행만 적습니다 (one group per workbook)")
    for number, column in enumerate(GROUP.columns, start=1):  # an empty row 2 is located too
        parts = tuple(column.field.split("."))
        at = ("group", *parts) if parts[0] != "timezone" else parts
        cells.setdefault(at, Cell(GROUP.name, 2, number, column.header))
    cells[("group",)] = cells[("group", "id")]
    cells[("group", "name")] = cells[("group", "name", "ko")]
    header: dict[str, Any] = {}
    data["group"] = header
    if rows:
        _put(header, cells, ("group",), rows[0], ("id", "name.ko", "name.en"))
        _put(data, cells, (), rows[0], ("timezone",))


def _holidays(data: dict[str, Any], rows: list[Row], report: CellReport) -> dict[date, str]:
    notes = {}
    for k, row in enumerate(rows):
        day = row.values.get("date")
        data.setdefault("holidays", []).append(day)
        report.cells[("holidays", k)] = row.cells["date"]
        if isinstance(day, date) and row.values.get("note"):
            notes[day] = row.values["note"]
    return notes


def _affiliates(data: dict[str, Any], rows: list[Row], report: CellReport) -> dict[Any, int]:
    """The affiliates (always a list, so that an empty sheet is named); their index by id."""
    affiliates: list[dict[str, Any]] = []
    data["affiliates"] = affiliates
    first = rows[0].cells if rows else {}
    report.cells[("affiliates",)] = first.get("id", Cell(AFFILIATES.name, 2, 1, AFFILIATES.columns[0].header))
    index: dict[Any, int] = {}
    for i, row in enumerate(rows):
        record: dict[str, Any] = {}
        _put(record, report.cells, ("affiliates", i), row, tuple(c.field for c in AFFILIATES.columns))
        report.cells[("affiliates", i)] = row.cells["id"]
        affiliates.append(record)
        index.setdefault(row.values.get("id"), i)
    return index


_Key = tuple[Any, Any]  # (affiliate id, service id)


def _services(data: dict[str, Any], rows: list[Row], index: dict[Any, int],
              report: CellReport) -> tuple[dict[_Key, FieldPath], set[_Key]]:
    """Each service under its affiliate; the path of each, and the services already reported."""
    services: dict[_Key, FieldPath] = {}
    orphans: set[_Key] = set()  # reported once here: their dependencies are not reported again
    for row in rows:
        key = (row.values.get("affiliate"), row.values.get("id"))
        i = _owner(index, row, report)
        if i is None:
            orphans.add(key)
            continue
        listing = data["affiliates"][i].setdefault("services", [])
        path: FieldPath = ("affiliates", i, "services", len(listing))
        record: dict[str, Any] = {}
        _put(record, report.cells, path, row, tuple(c.field for c in SERVICES.columns if c.field != "affiliate"))
        report.cells[path] = row.cells["id"]
        report.cells.setdefault(("affiliates", i, "services"), row.cells["id"])
        listing.append(record)
        services.setdefault(key, path)
    return services, orphans


def _dependencies(data: dict[str, Any], rows: list[Row], services: dict[_Key, FieldPath],
                  orphans: set[_Key], report: CellReport) -> None:
    """Each dependency under its service: a plain provider id, or a mapping with its wording."""
    for row in rows:
        key = (row.values.get("affiliate"), row.values.get("service"))
        if key not in services:
            if key not in orphans:
                report.fail(row.cells["service"], f"서비스 시트에 계열사 '{key[0]}'의 서비스 '{key[1]}'이(가) "
                                                  f"없습니다 (no such service of that affiliate in sheet "
                                                  f"'{SERVICES.name}')")
            continue
        service = _at(data, services[key])
        listing = service.setdefault("depends_on", [])
        path = (*services[key], "depends_on", len(listing))
        record: dict[str, Any] = {}
        _put(record, report.cells, path, row, ("provider", "effect", "impact.ko", "impact.en",
                                               "alternative.ko", "alternative.en"))
        report.cells[path] = row.cells["provider"]
        listing.append(record if set(record) - {"provider"} else row.values.get("provider"))


def _providers(data: dict[str, Any], rows: list[Row], report: CellReport) -> None:
    for i, row in enumerate(rows):
        record: dict[str, Any] = {}
        _put(record, report.cells, ("providers", i), row, tuple(c.field for c in PROVIDERS.columns))
        report.cells[("providers", i)] = row.cells["id"]
        for k, _ in enumerate(record.get("alternatives") or ()):
            report.cells[("providers", i, "alternatives", k)] = row.cells["alternatives"]
        data.setdefault("providers", []).append(record)


_TEXT = ("name.ko", "name.en")
_PLACES = {"approval": {"name.ko": "title.ko", "name.en": "title.en"},  # a step: {title, signer}
           "distribution": {"name.ko": "ko", "name.en": "en"}}  # a recipient: a text


def _report(data: dict[str, Any], rows: list[Row], report: CellReport) -> None:
    """The approval steps and the distribution list, each in the order of its rows."""
    form: dict[str, list[Any]] = {}
    for row in rows:
        part = row.values.get("part")
        if part not in _PLACES:
            report.fail(row.cells["part"], f"구분은 결재 또는 배포입니다 (part must be 결재 or 배포, not "
                                           f"{'empty' if part is None else repr(part)})")
            continue
        listing = form.setdefault(part, [])
        path: FieldPath = ("report", part, len(listing))
        record: dict[str, Any] = {}
        fields = (*_TEXT, "signer.ko", "signer.en") if part == "approval" else _TEXT
        _put(record, report.cells, path, row, fields, _PLACES[part])
        report.cells[path] = row.cells["name.ko"]
        report.cells.setdefault(("report", part), row.cells["name.ko"])
        listing.append(record)
    if form:
        report.cells[("report",)] = report.cells[("report", next(iter(form)))]
        data["report"] = form


def _contacts(data: dict[str, Any], rows: list[Row], report: CellReport) -> None:
    """The emergency contact tree, one contact per row."""
    for i, row in enumerate(rows):
        record: dict[str, Any] = {}
        _put(record, report.cells, ("contacts", i), row, tuple(c.field for c in CONTACTS.columns))
        report.cells[("contacts", i)] = row.cells["id"]
        data.setdefault("contacts", []).append(record)


def _owner(index: dict[Any, int], row: Row, report: CellReport) -> int | None:
    """The index of the affiliate a service row names, or None after reporting it."""
    value = row.values.get("affiliate")
    if value in index:
        return index[value]
    cell = row.cells["affiliate"]
    if value is None:
        report.fail(cell, "계열사 ID가 비어 있습니다 (empty: which affiliate does this service belong to?)")
    else:
        known = ", ".join(str(k) for k in list(index)[:6] if k is not None)
        report.fail(cell, f"{AFFILIATES.name} 시트에 없는 계열사 ID '{value}' (unknown affiliate; "
                          f"{AFFILIATES.name}: {known})")
    return None


def _at(data: dict[str, Any], path: FieldPath) -> dict[str, Any]:
    """The record at `path` (keys and list positions) in the group file's data."""
    target: Any = data
    for part in path:
        target = target[part]
    return cast("dict[str, Any]", target)
