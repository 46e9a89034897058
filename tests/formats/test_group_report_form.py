"""Group file /3: the report form (approval steps and distribution), its defaults, and /2 files
read as they are and upgraded by their format line alone."""

from __future__ import annotations

import copy

import pytest
import yaml

from crisisdesk.domain.group import DEFAULT_APPROVAL, ApprovalStep
from crisisdesk.domain.text import Text
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group, load_group_text
from crisisdesk.formats.upgrade import upgrade_text
from crisisdesk.locations import shipped_playbooks_dir
from tests.formats.factories import GROUP


def _text(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_a_group_2_file_loads_without_warning_and_prints_the_default_steps():
    result = load_group_text(_text(GROUP))
    assert result.warnings == ()
    assert result.value.report.approval == DEFAULT_APPROVAL
    assert [s.title.ko for s in DEFAULT_APPROVAL] == ["기안", "검토", "결재"]
    assert result.value.report.distribution == ()


def test_steps_as_plain_titles_or_with_a_signer():
    data = copy.deepcopy(GROUP) | {"format": "crisisdesk.group/3", "report": {
        "approval": ["담당", {"title": {"ko": "팀장", "en": "Head"}, "signer": "리스크관리팀장"}, "CRO"],
        "distribution": ["그룹 회장", {"ko": "협의회 위원", "en": "Council members"}]}}
    form = load_group_text(_text(data)).value.report
    assert form.approval == (ApprovalStep(Text.plain("담당")),
                             ApprovalStep(Text("팀장", "Head"), Text.plain("리스크관리팀장")),
                             ApprovalStep(Text.plain("CRO")))
    assert form.distribution == (Text.plain("그룹 회장"), Text("협의회 위원", "Council members"))


def test_only_distribution_keeps_the_default_steps():
    data = copy.deepcopy(GROUP) | {"format": "crisisdesk.group/3", "report": {"distribution": ["회장"]}}
    assert load_group_text(_text(data)).value.report.approval == DEFAULT_APPROVAL


def test_the_shipped_example_is_group_3_with_its_approval_and_distribution():
    group = load_group(shipped_playbooks_dir() / "example-group.yaml").value
    assert [s.title.ko for s in group.report.approval] == ["기안", "검토", "결재"]
    assert group.report.approval[-1].signer.ko == "그룹 CRO"
    assert "그룹 회장" in [d.ko for d in group.report.distribution]


def test_upgrade_of_a_group_2_file_changes_only_its_format_line():
    text = "# 우리 그룹\n" + _text(GROUP)
    upgraded = upgrade_text(text, "g.yaml")
    changed = [(a, b) for a, b in zip(text.splitlines(), upgraded.text.splitlines(), strict=True) if a != b]
    assert changed == [("format: crisisdesk.group/2", "format: crisisdesk.group/3")]
    assert any("report:" in note for note in upgraded.notes)
    assert load_group_text(upgraded.text).value.report.approval == DEFAULT_APPROVAL
    with pytest.raises(FormatError, match="already crisisdesk.group/3"):
        upgrade_text(upgraded.text, "g.yaml")
