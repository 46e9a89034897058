"""Frozen domain dataclasses to plain JSON values and back, guided by their type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
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
    return _converter(kind)(data)


@cache
def _converter(kind: Any) -> Callable[[Any], Any]:
    """How to rebuild a value of type `kind`, worked out once per type (opening a desk rebuilds
    its playbooks and group from their plain form: thousands of values)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _converter(next(a for a in typing.get_args(kind) if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple or origin is frozenset:
        item = _converter(typing.get_args(kind)[0])
        return lambda data: origin(item(v) for v in data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        fields = {name: _converter(hint) for name, hint in typing.get_type_hints(kind).items()}
        build: Callable[..., Any] = kind
        return lambda data: build(**{name: fields[name](v) for name, v in data.items()})
    if kind is timedelta:
        return lambda data: timedelta(seconds=data)
    if kind is date or kind is time:
        return kind.fromisoformat
    return _same


def _same(data: Any) -> Any:
    return data
