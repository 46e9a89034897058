"""Frozen domain dataclasses to plain JSON values and back, guided by their type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, time, timedelta
from functools import cache
from typing import Any


def to_plain(value: Any) -> Any:
    """A JSON-able form of a domain value (dataclasses, tuples, sets, dates, durations)."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(to_plain(v) for v in value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def from_plain(kind: Any, data: Any) -> Any:
    """The value of type `kind` that `to_plain` turned into `data`."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        kind = next(a for a in typing.get_args(kind) if a is not type(None))
        return from_plain(kind, data)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(from_plain(item, v) for v in data)
    if origin is frozenset:
        item = typing.get_args(kind)[0]
        return frozenset(from_plain(item, v) for v in data)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{name: from_plain(hints[name], v) for name, v in data.items()})
    if kind is timedelta:
        return timedelta(seconds=data)
    if kind is date:
        return date.fromisoformat(data)
    if kind is time:
        return time.fromisoformat(data)
    return data


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
