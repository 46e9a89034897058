from crisisdesk.cli import main


def test_self_test_passes_with_one_line_per_check(capsys, qapp):
    assert main(["self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    checks = [line for line in lines if line.startswith(("ok", "FAIL"))]
    names = [line.split(":")[0].split(maxsplit=1)[1] for line in checks]
    assert names == ["playbooks", "scenario", "reports", "journal", "korean font", "licences", "keys", "cleanup", "window"]
    assert all(line.startswith("ok") for line in checks)
    assert lines[-1] == "self-test passed"


def test_self_test_reports_a_missing_font(capsys, qapp, monkeypatch, tmp_path):
    from crisisdesk import locations
    from crisisdesk.reports import fonts

    monkeypatch.setattr(locations, "bundle_root", lambda: tmp_path)
    monkeypatch.setattr(fonts, "_registered", False)
    assert main(["self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  korean font" in out and "self-test FAILED" in out


def test_the_window_check_ignores_and_keeps_the_users_own_settings(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    own = tmp_path / "config" / "CrisisDesk" / "CrisisDesk.conf"
    own.parent.mkdir(parents=True)
    own.write_text("[ui]\npanel=checklists\nevent=somewhere-else\n", encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "crisisdesk", "self-test"], env=env, capture_output=True,
                         text=True, timeout=300, cwd=Path(__file__).parents[2])
    assert "ok    window" in run.stdout, run.stdout + run.stderr  # the user last left the checklists open
    assert own.read_text(encoding="utf-8") == "[ui]\npanel=checklists\nevent=somewhere-else\n"
