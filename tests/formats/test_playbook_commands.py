import argparse
from datetime import date

import pytest

from crisisdesk import cli
from crisisdesk.cli.playbook_commands import register
from tests.formats.factories import group_text, playbook_data, playbook_text, to_yaml

MODULE = "crisisdesk.cli.playbook_commands"


def run(argv) -> int:
    parser = argparse.ArgumentParser(prog="crisisdesk")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args([str(a) for a in argv])
    return args.func(args)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_good_playbook_with_group(tmp_path, capsys):
    group = write(tmp_path, "group.yaml", group_text())
    good = write(tmp_path, "good.yaml", playbook_text(triggers=["gov-id-check", "swift"]))
    assert run(["playbook", "validate", good, "--group", group]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{good}:") and ": warning: triggers[1]: " in out[0]
    assert out[1] == f"{good}: ok (playbook gov-system-outage v3: 1 checklist, 1 item)"


def test_validate_reports_every_file_and_fails(tmp_path, capsys):
    good = write(tmp_path, "good.yaml", playbook_text())
    bad = write(tmp_path, "bad.yaml", playbook_text(version=0, triggers="x"))
    assert run(["playbook", "validate", good, bad, tmp_path / "missing.yaml"]) == 1
    out = capsys.readouterr().out
    assert f"{good}: ok" in out
    assert f"{bad}: 2 errors" in out
    assert ": version: expected a positive whole number" in out
    assert "missing.yaml:1:1: cannot read the file" in out


def test_validate_with_a_broken_group(tmp_path, capsys):
    group = write(tmp_path, "group.yaml", group_text(timezone="Nowhere/City"))
    good = write(tmp_path, "good.yaml", playbook_text())
    assert run(["playbook", "validate", good, "--group", group]) == 1
    out = capsys.readouterr().out
    assert "unknown timezone 'Nowhere/City'" in out and f"{good}: ok" in out


def test_group_validate(tmp_path, capsys):
    assert run(["group", "validate", write(tmp_path, "g.yaml", group_text())]) == 0
    assert "ok (group hanbit: 1 affiliate, 1 service, 1 provider)" in capsys.readouterr().out
    assert run(["group", "validate", write(tmp_path, "p.yaml", playbook_text())]) == 1
    assert "this is a playbook file" in capsys.readouterr().out


def test_list(tmp_path, capsys):
    write(tmp_path, "a.yaml", to_yaml(playbook_data(id="old-one", reviewed=date(2001, 1, 1))))
    write(tmp_path, "b.yaml", playbook_text())
    write(tmp_path, "group.yaml", group_text())
    write(tmp_path, "c.yaml", "format: crisisdesk.playbook/1\nversion: 0\n")
    assert run(["playbook", "list", tmp_path]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "VER", "REVIEWED", "STALE", "TITLE"]
    assert lines[1].split()[:4] == ["old-one", "v3", "2001-01-01", "stale"]
    assert lines[2].split()[:3] == ["gov-system-outage", "v3", "2026-01-15"]
    assert lines[3].startswith(f"broken: {tmp_path / 'c.yaml'}:") and "more error" in lines[3]
    assert len(lines) == 4


def test_main_runs_the_commands(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "COMMAND_MODULES", (MODULE,))
    good = write(tmp_path, "good.yaml", playbook_text())
    assert cli.main(["playbook", "validate", str(good)]) == 0
    assert cli.main(["group", "validate", str(good)]) == 1
    with pytest.raises(SystemExit) as info:
        cli.main(["playbook"])
    assert info.value.code == 2


@pytest.mark.skipif(MODULE not in cli.COMMAND_MODULES, reason="not yet in COMMAND_MODULES")
def test_commands_are_registered(tmp_path):
    assert cli.main(["group", "validate", str(write(tmp_path, "g.yaml", group_text()))]) == 0


def test_validate_a_folder_glob_with_the_group_file_in_it(capsys):
    from crisisdesk.cli import main
    from crisisdesk.locations import shipped_playbooks_dir

    folder = shipped_playbooks_dir()
    files = sorted(str(p) for p in folder.glob("*.yaml"))
    group = str(folder / "example-group.yaml")
    assert main(["playbook", "validate", *files, "--group", group]) == 0
    out = capsys.readouterr().out
    assert f"{group}: the group file given with --group" in out
    assert out.count(": ok (playbook") == len(files) - 1
    assert main(["playbook", "validate", *files]) == 0  # without --group it is checked as a group file
    assert f"{group}: ok (group hanbit" in capsys.readouterr().out
