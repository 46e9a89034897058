"""The examples in docs/drills.md load: the injects in a playbook/3, the contacts in the group file."""

import re
from datetime import date
from pathlib import Path

import yaml

from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import load_playbook_text
from tests.formats.factories import group_data, playbook_data, to_yaml

DOC = Path(__file__).resolve().parents[2] / "docs" / "drills.md"
IMPACT = [{"id": m, "kind": "integer", "label": m, "measure": m} for m in ("complaints", "calls", "fss-complaints")]
PROVIDERS = [{"id": "gov-id-check", "name": "주민등록증 진위확인", "kind": "government"},
             {"id": "id-verification-vendor", "name": "본인확인 업체", "kind": "outsourced"}]


def _block(starts: str) -> list:
    [text] = [b for b in re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
              if b.startswith(starts)]
    return yaml.safe_load(text)[starts.rstrip(":")]


def test_the_documented_injects_load():
    group = load_group_text(to_yaml(group_data(providers=PROVIDERS)), "g").value
    text = to_yaml(playbook_data(format="crisisdesk.playbook/3", impact=IMPACT, injects=_block("injects:")))
    book = load_playbook_text(text, "docs", group, today=date(2026, 3, 1)).value
    assert [i.kind for i in book.injects] == ["provider", "complaints", "fss-request"]


def test_the_documented_contacts_load():
    group = load_group_text(to_yaml(group_data(contacts=_block("contacts:"))), "g").value
    assert [c.id for c in group.contacts] == ["cro", "cro-deputy", "bank-it", "fss-officer"]
