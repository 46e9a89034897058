"""YAML files (group file, playbooks) turned into domain objects, with located errors.

The names below load on first use, so importing a light module of this package (the
errors, the result type) does not load YAML and pydantic.
"""

from importlib import import_module

_HOMES = {
    "FormatError": "errors", "Problem": "errors", "LoadResult": "result",
    "load_group": "group_file", "load_group_text": "group_file", "find_playbooks": "library",
    "is_stale": "playbook_file", "load_playbook": "playbook_file", "load_playbook_text": "playbook_file",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"crisisdesk.formats.{_HOMES[name]}"), name)
