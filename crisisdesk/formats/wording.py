"""How messages about a file name its values: light enough to load without the validators (the
site file is read at start-up, before any playbook)."""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any


def describe(value: Any) -> str:
    """A value as the user wrote it, for 'got ...' in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, date):
        return value.isoformat()
    text = f"'{value}'" if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:56] + "...'"


def did_you_mean(value: str, options: tuple[str, ...] | list[str], what: str) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"{what}: {', '.join(options)}"
