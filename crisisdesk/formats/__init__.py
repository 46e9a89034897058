"""YAML files (group file, playbooks) turned into domain objects, with located errors.

The names below load on first use, so importing a light module of this package (the
errors, the result type) does not load YAML and pydantic.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the type checker sees; at run time each name loads on first use
    from crisisdesk.formats.errors import FormatError, Problem
    from crisisdesk.formats.group_file import load_group, load_group_text
    from crisisdesk.formats.library import find_playbooks
    from crisisdesk.formats.playbook_file import is_stale, load_playbook, load_playbook_text
    from crisisdesk.formats.result import LoadResult

_HOMES = {
    "FormatError": "errors", "Problem": "errors", "LoadResult": "result",
    "load_group": "group_file", "load_group_text": "group_file", "find_playbooks": "library",
    "is_stale": "playbook_file", "load_playbook": "playbook_file", "load_playbook_text": "playbook_file",
}

__all__ = ["FormatError", "LoadResult", "Problem", "find_playbooks", "is_stale", "load_group",
           "load_group_text", "load_playbook", "load_playbook_text"]


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"crisisdesk.formats.{_HOMES[name]}"), name)
