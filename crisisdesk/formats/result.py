"""What a successful load returns: the domain object, its warnings, and the exact text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from crisisdesk.formats.errors import Problem

T = TypeVar("T")


@dataclass(frozen=True)
class LoadResult(Generic[T]):
    """`value` (a Group or a Playbook) loaded from `text`, whose UTF-8 SHA-256 is `sha256`.

    The hash covers the text without a leading byte-order mark, so re-parsing a
    pinned `text` gives the same hash.
    """

    value: T
    warnings: tuple[Problem, ...]
    text: str
    sha256: str
    source: str
