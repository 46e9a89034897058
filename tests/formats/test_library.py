from datetime import date

import pytest

from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group
from crisisdesk.formats.library import find_playbooks
from crisisdesk.locations import shipped_playbooks_dir
from tests.formats.factories import group_text, playbook_text


def test_find_playbooks_skips_group_files_and_keeps_broken_ones(tmp_path):
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    shipped.mkdir(), user.mkdir()
    (shipped / "group.yaml").write_text(group_text(), encoding="utf-8")
    (shipped / "gov.yaml").write_text(playbook_text(), encoding="utf-8")
    (user / "mine.yml").write_text(playbook_text(id="mine"), encoding="utf-8")
    (user / "broken.yaml").write_text("format: crisisdesk.playbook/1\nid: Bad\n", encoding="utf-8")
    (user / "notes.txt").write_text("not a playbook", encoding="utf-8")
    found = find_playbooks([shipped, user, tmp_path / "missing"], today=date(2026, 6, 1))
    assert [p.name for p, _ in found] == ["gov.yaml", "broken.yaml", "mine.yml"]
    assert found[0][1].value.id == "gov-system-outage"
    assert isinstance(found[1][1], FormatError)
    assert found[2][1].value.id == "mine"


def test_shipped_library_loads_against_the_example_group():
    folder = shipped_playbooks_dir()
    group_file = folder / "example-group.yaml"
    if not group_file.exists():
        pytest.skip("no shipped library yet")
    group = load_group(group_file).value
    found = find_playbooks([folder], group)
    assert found, "no shipped playbooks"
    problems = [str(r) for _, r in found if isinstance(r, FormatError)]
    problems += [str(w) for _, r in found if not isinstance(r, FormatError) for w in r.warnings
                 if "stale" not in w.message]
    assert problems == []
