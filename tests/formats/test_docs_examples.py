"""The examples in docs/formats.md load, and the group example passes the playbook's checks."""

import re
from datetime import date
from pathlib import Path

from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import load_playbook_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"


def test_documented_examples_load():
    blocks = re.findall(r"```yaml\n(format: .*?)```", DOC.read_text(encoding="utf-8"), re.S)
    group_yaml, playbook_yaml = blocks
    group = load_group_text(group_yaml, "docs group").value
    result = load_playbook_text(playbook_yaml, "docs playbook", group, today=date(2026, 10, 1))
    assert result.warnings == ()
    assert result.value.checklists[0].items[1].due_at.anchor == "next-business-day"
