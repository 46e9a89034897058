"""Version-1 files keep loading (converted, with a warning on the format line) and upgrade to /2
with their meaning kept."""

from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group
from crisisdesk.formats.playbook_file import load_playbook
from crisisdesk.formats.upgrade import upgrade_text

V1 = Path(__file__).parent / "v1"
PLAYBOOK_1 = V1 / "gov-system-outage-v1.yaml"
GROUP_1 = V1 / "example-group-v1.yaml"
BROKEN = Path(__file__).parent / "broken"


def _format_warning(result, path):
    [warning] = [w for w in result.warnings if w.path == "format"]
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("format:"))
    assert (warning.line, warning.col) == (line, 1)
    assert "is read as" in warning.message and "upgrade" in warning.message


def test_a_version_1_playbook_loads_with_a_located_warning():
    result = load_playbook(PLAYBOOK_1)
    _format_warning(result, PLAYBOOK_1)
    duties = result.value.reporting
    assert duties and all((d.filer, d.start, d.basis) == ("group", "activation", "target") for d in duties)
    assert not any(c.for_group for c in result.value.checklists)


def test_a_version_1_group_converts_kinds_and_keeps_each_providers_alternatives():
    result = load_group(GROUP_1)
    _format_warning(result, GROUP_1)
    group = result.value
    assert group.provider("group-dc").kind == "own" and group.provider("group-dc").recoverable
    assert group.provider("kftc-network").kind == "external"
    assert group.provider("cloud").kind == "outsourced"
    dependency = group.affiliate("bank").service("remote-account").dependency("gov-id-check")
    assert "모바일 운전면허증 확인" in dependency.alternative.ko
    assert group.affiliate("bank").service("remote-account").dependency("group-dc").alternative.empty


def test_every_version_1_file_of_the_tests_still_loads_or_fails_as_before():
    loaded = 0
    for path in sorted(BROKEN.glob("*.yaml")):
        if path.read_text(encoding="utf-8", errors="replace").startswith("format: crisisdesk.playbook/1"):
            with pytest.raises(FormatError):  # the broken corpus stays broken ...
                load_playbook(path)
    for path in (PLAYBOOK_1, GROUP_1):
        (load_playbook if path == PLAYBOOK_1 else load_group)(path)  # ... and good /1 files load
        loaded += 1
    assert loaded == 2


def test_version_2_fields_in_a_version_1_file_are_named():
    text = GROUP_1.read_text(encoding="utf-8").replace("sector: bank\n", "sector: bank\n    licensed: true\n", 1)
    with pytest.raises(FormatError, match="'licensed' needs 'format: crisisdesk.group/2'"):
        from crisisdesk.formats.group_file import load_group_text
        load_group_text(text, "g.yaml")


@pytest.mark.parametrize("source", [PLAYBOOK_1, GROUP_1])
def test_upgrade_keeps_comments_and_meaning(source):
    text = source.read_text(encoding="utf-8")
    upgraded = upgrade_text(text, str(source))
    assert upgraded.text.count("\n#") == text.count("\n#")  # comments kept
    changed = [a for a, b in zip(text.splitlines(), upgraded.text.splitlines(), strict=False) if a != b]
    assert changed[0].startswith("format: crisisdesk.") and changed[0].endswith("/1")
    loader = load_playbook if upgraded.kind == "playbook" else load_group
    path = source.parent.parent / "upgraded.yaml"
    try:
        path.write_text(upgraded.text, encoding="utf-8")
        before, after = loader(source).value, loader(path).value
    finally:
        path.unlink()
    if upgraded.kind == "playbook":
        assert after == before  # the same duties, items and everything
    else:
        assert after.providers == before.providers
        assert [a.services for a in after.affiliates] != [a.services for a in before.affiliates]
        assert [[s.providers for s in a.services] for a in after.affiliates] == \
               [[s.providers for s in a.services] for a in before.affiliates]


def test_upgrade_command_writes_in_place_and_keeps_the_original(tmp_path, capsys):
    path = tmp_path / "p.yaml"
    path.write_bytes(PLAYBOOK_1.read_bytes())
    assert main(["playbook", "upgrade", str(path)]) == 0
    assert (tmp_path / "p.yaml.v1").read_bytes() == PLAYBOOK_1.read_bytes()
    assert load_playbook(path).warnings == ()
    assert main(["playbook", "upgrade", str(path)]) == 1
    assert "nothing to upgrade" in capsys.readouterr().err


def test_a_group_file_activates_its_items_once_for_the_group_desk(tmp_path):
    from tests.desk.truthful_factories import PLAYBOOK_2

    path = tmp_path / "p.yaml"
    path.write_text(PLAYBOOK_2, encoding="utf-8")
    book = load_playbook(path).value
    assert [c.id for c in book.checklists if c.for_group] == ["council"]
    assert GROUP_DESK == "group"


def test_reserved_affiliate_id_and_unknown_v2_kinds_are_errors():
    from crisisdesk.formats.group_file import load_group_text
    from tests.desk.truthful_factories import GROUP_2

    with pytest.raises(FormatError, match="'group' is reserved"):
        load_group_text(GROUP_2.replace("  - id: capital\n", "  - id: group\n"), "g.yaml")
    with pytest.raises(FormatError, match="crisisdesk.group/1 kinds are"):
        load_group_text(GROUP_2.replace("kind: own", "kind: internal"), "g.yaml")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("hours: {days: business, from: \"09:00\", to: \"16:00\"}", "hours: {days: weekdays, from: \"09:00\", to: \"16:00\"}",
     "expected 'business' or 'every-day'"),
    ("hours: {days: business, from: \"09:00\", to: \"16:00\"}", "hours: {days: business, from: \"16:00\", to: \"09:00\"}",
     "'to' must be later than 'from'"),
    ("alternative: {ko: 실물 운전면허증", "alternativ: {ko: 실물 운전면허증", "unknown field 'alternativ'"),
    ("provider: public-mydata", "provider: public-mydate", "unknown provider 'public-mydate'"),
])
def test_version_2_group_errors_are_located(old, new, message):
    from crisisdesk.formats.group_file import load_group_text
    from tests.desk.truthful_factories import GROUP_2

    assert old in GROUP_2
    text = GROUP_2.replace(old, new, 1)
    with pytest.raises(FormatError) as info:
        load_group_text(text, "g.yaml")
    [error] = info.value.errors
    line = next(i for i, t in enumerate(text.splitlines(), 1) if new.split(":")[0].strip() in t and new[:12] in t)
    assert message in error.message and error.line == line


@pytest.mark.parametrize(("old", "new", "message"), [
    ("measure: customers", "measure: customer", "unknown measure 'customer'"),
    ("kind: integer, measure: complaints", "kind: text, measure: complaints", "needs kind 'integer'"),
    ("filer: group\n    from: activation", "filer: everyone\n    from: activation", "unknown filer 'everyone'"),
    ("from: closure", "from: recovery", "unknown start reference 'recovery'"),
    ("applies_to: group", "applies_to: [group, bank]", "cannot be combined"),
])
def test_version_2_playbook_errors_are_located(old, new, message):
    from crisisdesk.formats.playbook_file import load_playbook_text
    from tests.desk.truthful_factories import PLAYBOOK_2

    assert old in PLAYBOOK_2
    with pytest.raises(FormatError) as info:
        load_playbook_text(PLAYBOOK_2.replace(old, new, 1), "p.yaml")
    assert any(message in e.message for e in info.value.errors), info.value
