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
