"""YAML files (group file, playbooks) turned into domain objects, with located errors."""

from crisisdesk.formats.errors import FormatError, Problem
from crisisdesk.formats.group_file import load_group, load_group_text
from crisisdesk.formats.library import find_playbooks
from crisisdesk.formats.playbook_file import is_stale, load_playbook, load_playbook_text
from crisisdesk.formats.result import LoadResult

__all__ = [
    "FormatError", "LoadResult", "Problem", "find_playbooks", "is_stale",
    "load_group", "load_group_text", "load_playbook", "load_playbook_text",
]
