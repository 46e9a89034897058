"""The examples in docs/formats.md load, and the group example passes the playbook's checks."""

import re
import textwrap
from datetime import date, timedelta
from pathlib import Path

import yaml

from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import load_playbook_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"


def _examples():
    blocks = re.findall(r"```yaml\n(format: .*?)```", DOC.read_text(encoding="utf-8"), re.S)
    group_yaml, playbook_yaml = blocks
    return group_yaml, playbook_yaml


def test_documented_examples_load():
    group_yaml, playbook_yaml = _examples()
    group = load_group_text(group_yaml, "docs group").value
    result = load_playbook_text(playbook_yaml, "docs playbook", group, today=date(2026, 10, 1))
    assert result.warnings == ()
    assert result.value.checklists[0].items[1].due_at.anchor == "next-business-day"


def test_documented_examples_are_version_2():
    group_yaml, playbook_yaml = _examples()
    loaded = load_group_text(group_yaml, "docs group")
    assert loaded.warnings == ()
    bank = loaded.value.affiliate("bank")
    assert bank.licensed and bank.service("branch-teller").hours is not None
    assert bank.service("branch-teller").dependency("gov-id-check").effect == "degraded"
    remote = bank.service("remote-account").dependency("gov-id-check")
    assert "실물 운전면허증" in remote.alternative.ko and "licence" in remote.alternative.en
    assert loaded.value.provider("group-dc").kind == "own"
    playbook = load_playbook_text(playbook_yaml, "docs playbook", loaded.value, today=date(2026, 10, 1)).value
    assert playbook.checklists[0].for_group and not playbook.checklists[1].for_group
    assert playbook.measured("aware-at").id == "aware-at"
    duties = {d.id: d for d in playbook.reporting}
    initial = duties["fss-initial"]
    assert (initial.kind, initial.filer, initial.start, initial.basis) == ("initial", "licensed", "awareness", "rule")
    assert initial.due == timedelta(hours=24) and len(initial.when) == 2
    assert duties["fss-intermediate"].every == timedelta(hours=24)
    assert duties["fss-final"].start == "closure"
    assert (duties["authorities-hq-status"].kind, duties["authorities-hq-status"].filer) == ("status", "group")


def test_every_yaml_snippet_in_the_docs_is_well_formed():
    snippets = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(snippets) >= 8
    for snippet in snippets:
        yaml.safe_load(textwrap.dedent(snippet))
