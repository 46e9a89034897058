"""Site settings: the administrator's files (beside the program, machine-wide), their
precedence, what a user may override, located errors, and the group pack the desk uses."""

import shutil
from pathlib import Path

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.site import DEFAULT, MACHINE, PROGRAM, USER, load_site, site_file_locations
from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.site_file import load_site_file
from crisisdesk.locations import SITE_ENV, shipped_playbooks_dir

SHIPPED = shipped_playbooks_dir()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _pack(folder: Path) -> Path:
    """A group pack: the group file and one playbook of the group's own, beside a site file."""
    shutil.copyfile(SHIPPED / "example-group.yaml", _write(folder / "pack" / "group.yaml", ""))
    own = (SHIPPED / "cyber-incident.yaml").read_text(encoding="utf-8").replace("id: cyber-incident", "id: our-it-outage", 1)
    _write(folder / "pack" / "playbooks" / "our-it-outage.yaml", own)
    return folder


def test_layers_and_user_overrides(tmp_path):
    program = _write(tmp_path / "bundle" / "crisisdesk-site.yaml", """\
format: crisisdesk.site/1
exchange: {folder: exchange}
backup: {keep: 30, every_minutes: 10}
language: en
allow_user_override: [language, backup.keep]
""")
    machine = _write(tmp_path / "etc" / "crisisdesk-site.yaml", """\
format: crisisdesk.site/1
backup: {keep: 40}
desk: {role: affiliate, affiliate: bank}
""")
    site = load_site([(PROGRAM, program), (MACHINE, machine)])
    assert site.problems == []
    user = {"language": "ko", "backup.keep": 5, "backup.every_minutes": 1, "exchange.folder": "/mine"}
    got = site.effective(user)
    # a relative path is read from the site file's folder
    assert got["exchange.folder"].value == str(tmp_path / "bundle" / "exchange")
    assert (got["exchange.folder"].layer, got["exchange.folder"].locked) == (PROGRAM, True)
    assert (got["language"].value, got["language"].layer) == ("ko", USER)  # allowed: the user's wins
    assert (got["backup.keep"].value, got["backup.keep"].layer) == (40, MACHINE)  # the machine's locks it
    assert (got["backup.every_minutes"].value, got["backup.every_minutes"].layer) == (10, PROGRAM)
    assert (got["desk.role"].value, got["desk.affiliate"].value) == ("affiliate", "bank")
    assert got["group_pack.group_file"].layer == DEFAULT
    assert site.locked("backup.keep") == machine and site.locked("language") is None


def test_a_broken_site_file_names_every_problem_with_its_line_and_is_left_out(tmp_path):
    broken = _write(tmp_path / "crisisdesk-site.yaml", """\
format: crisisdesk.site/1
backup:
  keep: many
languag: ko
exchange: {folder: x}
group_pack: {group_file: missing.yaml}
allow_user_override: [exchange.fodler]
""")
    with pytest.raises(FormatError) as raised:
        load_site_file(broken)
    lines = [str(p) for p in raised.value.problems]
    assert any(":3:3: backup.keep: expected a whole number from 1 to 500, got 'many'" in x for x in lines)
    assert any(":4:1: languag: unknown setting 'languag'; did you mean 'language'?" in x for x in lines)
    assert any(":6:" in x and "no such group file" in x for x in lines)
    assert any(":7:" in x and "did you mean 'exchange.folder'?" in x for x in lines)
    site = load_site([(MACHINE, broken)])
    assert site.files == [] and len(site.problems) == 4
    assert site.value("exchange.folder") == ""  # the broken file gives nothing


def test_not_a_site_file(tmp_path):
    with pytest.raises(FormatError, match=r":1:1: format: expected 'format: crisisdesk.site/1'"):
        load_site_file(_write(tmp_path / "s.yaml", "format: crisisdesk.group/2\n"))


def test_the_machine_file_can_be_named_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(SITE_ENV, str(tmp_path / "elsewhere.yaml"))
    assert site_file_locations()[-1] == (MACHINE, tmp_path / "elsewhere.yaml")
    assert "no such site file" in load_site().problems[0]


def test_the_desk_uses_the_group_pack(tmp_path, monkeypatch):
    site_file = _write(_pack(tmp_path) / "crisisdesk-site.yaml", """\
format: crisisdesk.site/1
group_pack: {group_file: pack/group.yaml, playbooks: pack/playbooks}
""")
    monkeypatch.setenv(SITE_ENV, str(site_file))
    with Desk.open(tmp_path / "desk.sqlite") as desk:
        assert desk.site.group_file() == tmp_path / "pack" / "group.yaml"
        assert tmp_path / "pack" / "playbooks" in desk.site.playbook_dirs()
        desk.events.load_group(desk.site.group_file())
        ids = {r.value.id for _, r in desk.events.playbooks() if not isinstance(r, FormatError)}
        assert {"our-it-outage", "cyber-incident"} <= ids
        assert desk.events.find_playbook("our-it-outage").value.id == "our-it-outage"


def test_the_example_in_the_operations_guide_is_a_valid_site_file(tmp_path):
    import re

    guide = (Path(__file__).parents[2] / "docs" / "operations.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(format: crisisdesk\.site/1.*?)```", guide, re.S).group(1)
    shutil.copyfile(SHIPPED / "example-group.yaml", _write(tmp_path / "group.yaml", ""))
    (tmp_path / "playbooks").mkdir()
    loaded = load_site_file(_write(tmp_path / "crisisdesk-site.yaml", example))
    assert loaded.values["backup.keep"] == 30 and loaded.user_may_change == {"language"}
