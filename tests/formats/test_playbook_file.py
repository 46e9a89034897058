from datetime import date, time, timedelta

import pytest

from crisisdesk.domain.playbook import DueAt
from crisisdesk.domain.text import Text
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import is_stale, load_playbook, load_playbook_text
from tests.formats.factories import group_text, playbook_data, playbook_text, to_yaml

TODAY = date(2026, 6, 1)


def load(text, group=None, today=TODAY):
    return load_playbook_text(text, "pb.yaml", group, today=today)


def test_good_playbook_becomes_the_domain_object():
    result = load(playbook_text())
    playbook = result.value
    assert (playbook.id, playbook.version, playbook.reviewed) == ("gov-system-outage", 3, date(2026, 1, 15))
    assert playbook.title.get("en") == "Government system outage"
    assert playbook.summary == Text.plain("국가기관 시스템 장애 시 대응")
    assert playbook.level_index("caution") == 1
    item = playbook.checklists[0].items[0]
    assert (item.owner, item.due, item.due_at, item.critical) == ("chair", timedelta(hours=1), None, False)
    assert playbook.checklists[0].applies("card")
    assert result.warnings == ()


def test_every_optional_part_is_read():
    data = playbook_data(
        notices=[{"id": "app", "channel": "app", "title": "중단 안내",
                  "body": {"ko": "{service} 중단. 대체: {alternative}", "en": "{service} is down ({time})"}}],
        reporting=[{"id": "fss", "to": {"ko": "금융감독원", "en": "FSS"}, "due": "PT1H", "title": "최초 보고"}],
    )
    data["impact"].append({"id": "severity", "kind": "choice", "label": "영향도",
                           "choices": [{"id": "low", "label": "낮음"}, {"id": "high", "label": "높음"}]})
    data["checklists"][0]["applies_to"] = "all"
    data["checklists"][0]["items"].append({
        "id": "branch", "title": "영업점 안내", "owner": "chair", "due_at": "next-business-day 08:30",
        "critical": True, "from_level": "caution", "guidance": {"en": "Send the manual"}})
    playbook = load(to_yaml(data)).value
    assert playbook.notices[0].body.en == "{service} is down ({time})"
    assert playbook.reporting[0].due == timedelta(hours=1)
    assert [c.id for c in playbook.impact_field("severity").choices] == ["low", "high"]
    branch = playbook.checklists[0].items[1]
    assert branch.due_at == DueAt("next-business-day", time(8, 30))
    assert branch.guidance.get("ko") == "Send the manual"  # falls back to English
    assert playbook.checklists[0].applies_to == ("all",)


def test_stale_is_a_warning_after_365_days():
    assert not is_stale(date(2025, 6, 1), date(2026, 6, 1))
    assert is_stale(date(2025, 5, 31), date(2026, 6, 1))
    text = playbook_text(reviewed=date(2024, 1, 1))
    line = text.splitlines().index("reviewed: 2024-01-01") + 1
    assert [str(w) for w in load(text).warnings] == [
        f"pb.yaml:{line}:1: warning: reviewed: stale: last reviewed 2024-01-01, more than 365 days ago"]


def test_group_checks_are_warnings():
    group = load_group_text(group_text()).value
    data = playbook_data(triggers=["gov-id-check", "swift"])
    data["checklists"][0]["applies_to"] = ["bank", "insurance"]
    result = load(to_yaml(data), group)
    assert [(w.path, w.message) for w in result.warnings] == [
        ("triggers[1]", "group 'hanbit' has no provider 'swift' (providers: gov-id-check)"),
        ("checklists[0].applies_to[1]", "no affiliate of group 'hanbit' has sector 'insurance' "
                                        "(sectors: bank)"),
    ]
    assert all(str(w).startswith("pb.yaml:") and ": warning: " in str(w) for w in result.warnings)
    assert load(to_yaml(data)).warnings == ()  # without a group nothing is checked


def test_three_faults_are_all_reported():
    text = playbook_text().replace("version: 3", "version: three").replace(
        "owner: chair", "owner: cheif").replace("  title: 초기 대응", "  titel: 초기 대응")
    with pytest.raises(FormatError) as info:
        load(text)
    assert [str(p).split(": ", 1)[1] for p in info.value.errors] == [
        "version: expected a positive whole number (1, 2, 3, ...), got 'three'",
        "checklists[0].titel: unknown field 'titel' (did you mean 'title'?)",
        "checklists[0].items[0].owner: unknown role 'cheif' (roles: chair)",
    ]


def test_errors_carry_the_warnings_too():
    text = playbook_text(reviewed=date(2020, 1, 1), version=0)
    with pytest.raises(FormatError) as info:
        load(text)
    assert len(info.value.errors) == 1 and len(info.value.warnings) == 1


def test_pinned_text_reloads_to_the_same_hash(tmp_path):
    path = tmp_path / "pb.yaml"
    path.write_bytes(playbook_text().replace("\n", "\r\n").encode())
    from_file = load_playbook(path, today=TODAY)
    again = load_playbook_text(from_file.text, "pinned", today=TODAY)
    assert again.sha256 == from_file.sha256 and again.value == from_file.value
    assert from_file.text.count("\r\n") > 10


def test_message_format_matches_the_contract():
    data = playbook_data(roles=[{"id": r, "title": r} for r in
                                ("chair", "cio", "it-lead", "cro", "ciso", "comms", "legal")])
    data["checklists"][0]["items"][0]["owner"] = "cheif"
    with pytest.raises(FormatError) as info:
        load_playbook_text(to_yaml(data), "playbooks/gov-outage.yaml", today=TODAY)
    assert str(info.value).startswith("playbooks/gov-outage.yaml:")
    assert str(info.value).endswith(
        ": checklists[0].items[0].owner: unknown role 'cheif' "
        "(roles: chair, cio, it-lead, cro, ciso, comms, ...)")
