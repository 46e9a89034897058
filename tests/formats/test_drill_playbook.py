"""Drill scenarios: `format: crisisdesk.playbook/3` with `injects:`; /2 and /1 still read."""

from datetime import date, timedelta

import pytest

from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import load_playbook, load_playbook_text
from crisisdesk.locations import shipped_playbooks_dir
from tests.formats.factories import group_text, playbook_data, to_yaml

TODAY = date(2026, 3, 1)
PRESS = {"id": "press", "at": "0:40", "kind": "press", "respond_within": "30m",
         "text": {"ko": "기자 문의", "en": "A reporter calls"}}
DOWN = {"id": "id-down", "at": "T+0:05", "kind": "provider", "provider": "gov-id-check", "status": "down",
        "text": "주민등록증 진위확인 중단"}
SURGE = {"id": "surge", "at": "1:30", "kind": "complaints", "affiliate": "bank",
         "measures": {"customers": 12000}, "text": "민원 급증"}


IMPACT = [{"id": "customers", "kind": "integer", "label": "영향 고객 수", "measure": "customers"}]


def _load(injects, fmt="crisisdesk.playbook/3", group=None):
    text = to_yaml(playbook_data(format=fmt, injects=injects, impact=IMPACT))
    return load_playbook_text(text, "drill.yaml", group, today=TODAY)


def _errors(injects, fmt="crisisdesk.playbook/3") -> list[str]:
    with pytest.raises(FormatError) as caught:
        _load(injects, fmt)
    return [f"{p.line}:{p.col}: {p.path}: {p.message}" for p in caught.value.problems]


def test_a_drill_scenario_reads_its_injects_in_time_order():
    book = _load([SURGE, PRESS, DOWN]).value
    assert [i.id for i in book.injects] == ["id-down", "press", "surge"]
    down, press, surge = book.injects
    assert down.at == timedelta(minutes=5) and (down.provider, down.status) == ("gov-id-check", "down")
    assert press.respond_within == timedelta(minutes=30) and press.text.en == "A reporter calls"
    assert surge.measures == (("customers", 12000),) and surge.affiliate == "bank"


def test_version_2_and_1_files_still_load_without_injects():
    assert _load(None, "crisisdesk.playbook/2").value.injects == ()
    book = load_playbook(shipped_playbooks_dir() / "gov-system-outage.yaml", today=TODAY)
    assert book.warnings == () and book.value.injects == ()


def test_injects_need_version_3():
    [error] = _errors([PRESS], "crisisdesk.playbook/2")
    assert "injects: 'injects' (a drill scenario) needs 'format: crisisdesk.playbook/3'" in error


def test_each_kind_needs_its_fields_and_refuses_the_others_with_the_place():
    errors = _errors([
        {"id": "a", "at": "0:10", "kind": "provider", "text": "x"},
        {"id": "b", "at": "0:20", "kind": "complaints", "affiliate": "bank", "text": "x"},
        {"id": "c", "at": "0:30", "kind": "press", "status": "down", "text": "x"},
        {"id": "d", "at": "0:40", "kind": "complaints", "affiliate": "bank", "measures": {"calls": 5},
         "text": "x"},
        {"id": "e", "at": "40m", "kind": "press", "text": "x"},
        {"id": "f", "at": "0:50", "kind": "rumour", "text": "x"},
        {"id": "a", "at": "0:55", "kind": "message", "text": "x"},
    ])
    joined = "\n".join(errors)
    assert "injects[0]: missing 'provider': an inject of kind 'provider' needs 'provider' and 'status'" in joined
    assert "injects[1]: missing 'measures'" in joined
    assert "injects[2].status: 'status' is only for injects of kind 'provider'" in joined
    assert "injects[3].measures.calls: no impact field has 'measure: calls'" in joined
    assert "injects[4].at: expected a time after T0 such as" in joined
    assert "injects[5].kind: unknown inject kind 'rumour'" in joined
    assert "injects[6].id: duplicate id 'a'" in joined


def test_with_the_group_unknown_providers_and_affiliates_are_warnings():
    group = load_group_text(group_text(), "group.yaml").value
    bad = {**DOWN, "provider": "gov-id-chek"}
    result = _load([bad, {**SURGE, "affiliate": "insurer"}], group=group)
    messages = [w.message for w in result.warnings]
    assert any("no provider 'gov-id-chek'" in m for m in messages)
    assert any("no affiliate 'insurer'" in m for m in messages)


def test_the_shipped_drill_scenario_loads_against_the_example_group():
    folder = shipped_playbooks_dir()
    group = load_group_text((folder / "example-group.yaml").read_text(encoding="utf-8"), "g").value
    result = load_playbook(folder / "drill-gov-id-outage.yaml", group, today=TODAY)
    kinds = {i.kind for i in result.value.injects}
    assert result.warnings == () and kinds == {"provider", "press", "complaints", "fss-request"}
    assert all(i.text.ko and i.text.en for i in result.value.injects)


def test_the_group_files_contact_tree_is_checked_with_the_place():
    from tests.formats.factories import group_data

    contacts = [{"id": "cro", "name": "정위기", "phone": "010-1", "deputy": "cro-deputy"},
                {"id": "cro-deputy", "name": "한대행", "phone": "010-2"},
                {"id": "fss", "name": "검사역", "phone": "02-1", "external": "fss",
                 "organisation": {"ko": "금융감독원", "en": "FSS"}}]
    group = load_group_text(to_yaml(group_data(contacts=contacts)), "g.yaml").value
    assert [c.id for c in group.contacts] == ["cro", "cro-deputy", "fss"]
    assert group.contacts[0].affiliate == "group" and group.contacts[2].affiliate == ""
    broken = [{"id": "a", "name": "x", "phone": "1", "deputy": "a"},
              {"id": "b", "name": "x", "phone": "1", "deputy": "nobody"},
              {"id": "c", "name": "x", "phone": "1", "affiliate": "insurer"},
              {"id": "d", "name": "x", "phone": "1", "external": "fss", "affiliate": "bank"},
              {"id": "e", "name": "x", "phone": "1", "external": "press"}]
    with pytest.raises(FormatError) as caught:
        load_group_text(to_yaml(group_data(contacts=broken)), "g.yaml")
    text = "\n".join(f"{p.path}: {p.message}" for p in caught.value.problems)
    assert "contacts[0].deputy: a contact cannot be its own deputy" in text
    assert "contacts[1].deputy: unknown contact 'nobody'" in text
    assert "contacts[2].affiliate: unknown affiliate 'insurer'" in text
    assert "contacts[3].affiliate: an outside contact ('external') belongs to no affiliate" in text
    assert "contacts[3]: missing 'organisation'" in text
    assert "contacts[4].external: unknown kind of outside contact 'press'" in text
