from datetime import date, timedelta

import pytest

from crisisdesk.domain.text import Text
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group, load_group_text
from tests.formats.factories import GROUP, group_data, group_text, to_yaml


def test_good_group_becomes_the_domain_object(tmp_path):
    path = tmp_path / "group.yaml"
    path.write_text(group_text(), encoding="utf-8")
    result = load_group(path)
    group = result.value
    assert group.id == "hanbit"
    assert group.name == Text(ko="한빛금융그룹", en="Hanbit Financial Group")
    assert group.holidays == frozenset({date(2025, 10, 3)})
    service = group.affiliate("bank").service("remote-account")
    assert service.critical and service.rto == timedelta(hours=3)
    assert service.providers == ("gov-id-check",)
    assert service.dependency("gov-id-check").alternative.empty
    assert group.provider("gov-id-check").kind == "government"
    assert result.warnings == ()
    assert result.source == str(path)
    assert result.sha256 == load_group_text(path.read_text(encoding="utf-8")).sha256


def test_optional_fields_have_defaults():
    data = group_data()
    del data["timezone"], data["holidays"]
    data["affiliates"][0]["services"][0] = {"id": "web", "name": "웹", "depends_on": []}
    group = load_group_text(to_yaml(data)).value
    assert group.timezone == "Asia/Seoul" and group.holidays == frozenset()
    assert group.affiliate("bank").service("web").critical is False
    assert group.affiliate("bank").dr_site is None


def test_group_file_as_playbook_is_named_clearly():
    from crisisdesk.formats.playbook_file import load_playbook_text

    with pytest.raises(FormatError, match="this is a group file"):
        load_playbook_text(to_yaml(GROUP), "group.yaml")


def test_all_faults_are_reported_together():
    data = group_data(timezone="Mars/Olympus")
    data["affiliates"][0]["services"][0]["depends_on"] = ["nobody"]
    data["providers"][0]["kind"] = "alien"
    with pytest.raises(FormatError) as info:
        load_group_text(to_yaml(data), "g.yaml")
    messages = [p.message for p in info.value.errors]
    assert len(messages) == 3
    assert any("Mars/Olympus" in m for m in messages)
    assert any("unknown provider 'nobody'" in m for m in messages)
    assert any("unknown provider kind 'alien'" in m for m in messages)
