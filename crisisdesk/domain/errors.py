"""Errors a person can cause; each carries a message meant for that person.

An error made with `of()` also carries its message template and values, so an interface can
show it in the person's language (the UI translates the template like any other string).
"""

from __future__ import annotations

from typing import Any, Self


class CrisisDeskError(Exception):
    """Base of every error shown to the user as a message, never as a traceback."""

    template: str = ""  # the English message with {placeholders}; "" when not translatable
    values: dict[str, Any] = {}  # replaced per instance by of(), never mutated

    @classmethod
    def of(cls, template: str, /, **values: Any) -> Self:
        """The error whose message is `template` filled with `values`."""
        error = cls(template.format(**values))
        error.template, error.values = template, values
        return error


class InvalidInput(CrisisDeskError):
    """A command was given a value the rules refuse; nothing was saved."""
