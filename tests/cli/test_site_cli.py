"""`crisisdesk site show` and the commands that take their defaults from the site file."""

import json
import shutil

from crisisdesk.locations import SITE_ENV, shipped_playbooks_dir
from tests.store.demo_desk import run_cli


def _site(tmp_path, monkeypatch, text: str):
    path = tmp_path / "site" / "crisisdesk-site.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shipped_playbooks_dir() / "example-group.yaml", path.parent / "group.yaml")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(SITE_ENV, str(path))
    return path


def test_site_show_names_the_files_the_values_and_their_layers(tmp_path, monkeypatch):
    path = _site(tmp_path, monkeypatch, "format: crisisdesk.site/1\nbackup: {keep: 33}\n"
                                        "language: en\nallow_user_override: [language]\n")
    user = {"language": "ko", "backup.keep": 5}  # what this user chose in the window
    monkeypatch.setattr("crisisdesk.cli.site_command._user_values", lambda: user)
    outcome = run_cli("site", "show")
    assert outcome.code == 0, outcome
    assert f"machine: {path} (read)" in outcome.out
    assert f"backup.keep            33  [machine: {path}; locked]" in outcome.out
    assert "backup.every_minutes   15  [default]" in outcome.out
    assert "language               ko  [user]" in outcome.out
    shown = json.loads(run_cli("site", "show", "--json").out)
    assert shown["settings"]["language"]["locked"] is False
    assert shown["settings"]["backup.keep"] == {"value": 33, "layer": "machine", "source": str(path),
                                                "locked": True}


def test_a_broken_site_file_is_named_with_its_line(tmp_path, monkeypatch):
    path = _site(tmp_path, monkeypatch, "format: crisisdesk.site/1\nbackup:\n  keep: -1\n")
    outcome = run_cli("site", "show")
    assert outcome.code == 1 and outcome.crash is None
    assert f"crisisdesk: site file: {path}:3:3: backup.keep: expected a whole number" in outcome.err
    assert "(has errors: left out)" in outcome.out


def test_group_load_and_desk_init_take_the_site_defaults(tmp_path, monkeypatch):
    _site(tmp_path, monkeypatch, "format: crisisdesk.site/1\ngroup_pack: {group_file: group.yaml}\n"
                                 "desk: {role: affiliate, affiliate: no-such-affiliate}\n")
    db = tmp_path / "desk.sqlite"
    loaded = run_cli("group", "load", "--db", db)
    assert loaded.code == 0 and "group loaded:" in loaded.out, loaded
    init = run_cli("desk", "init", "--db", db)
    assert init.code == 1 and "no-such-affiliate" in init.err, init  # the site's hint was used


def test_group_load_without_a_file_or_a_site_pack(tmp_path):
    outcome = run_cli("group", "load", "--db", tmp_path / "desk.sqlite")
    assert outcome.code == 1 and "give the group file" in outcome.err
