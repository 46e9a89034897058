"""JSON from outside, parsed within bounds: nesting depth checked before parsing, no NaN.

Python's parser recurses once per level of nesting, so a text nested 60,000 deep
would end in RecursionError (or worse, with a raised recursion limit). `loads`
measures the depth first at C speed: every escape (a backslash and the byte after it)
is dropped (then every quote left delimits a string), everything but quotes and
brackets is dropped, then pairs of adjacent quotes (an empty string, or two strings
with nothing between them: either way no bracket changes sides), and the strings left
(now only their brackets, and rare) are cut out, braces become
brackets (the parser recurses on an opening of either kind alike), the brackets left
are stripped of their innermost pairs one level per pass, and a text still not
empty after `max_depth` passes is refused unparsed.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BRACES_AS_BRACKETS = bytes.maketrans(b"{}", b"[]")
_NOT_BRACKETS_OR_QUOTES = bytes(b for b in range(256) if b not in b'[]{}"')
_ESCAPE = re.compile(rb"\\.", re.DOTALL)  # left to right, as a JSON parser reads them


class JsonRefused(ValueError):
    """Not JSON, or JSON beyond the bounds."""


def depth_within(data: bytes, max_depth: int) -> bool:
    """Whether the brackets of the JSON text `data` nest at most `max_depth` deep (a text
    with more openings than closings, or fewer, counts as too deep: it is no JSON either)."""
    unescaped = _ESCAPE.sub(b"", data) if b"\\" in data else data
    kept = unescaped.translate(None, _NOT_BRACKETS_OR_QUOTES).replace(b'""', b"")
    rest = b"".join(kept.split(b'"')[::2]).translate(_BRACES_AS_BRACKETS)  # strings cut out
    for _ in range(max_depth):
        if not rest:
            return True
        rest = rest.replace(b"[]", b"")  # one pass removes exactly the innermost level
    return not rest


def loads(data: bytes, max_depth: int, what: str) -> Any:
    """The value of the UTF-8 JSON text `data`; JsonRefused when deeper than `max_depth`,
    not UTF-8, not JSON, or holding NaN or Infinity."""
    if not depth_within(data, max_depth):
        raise JsonRefused(f"{what} is nested deeper than {max_depth} levels")
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError, MemoryError) as exc:
        raise JsonRefused(f"{what} is not valid JSON ({type(exc).__name__})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")
