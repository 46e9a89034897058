"""`crisisdesk room …`: a shift handover and a roll-call from the command line."""

import json

from crisisdesk.cli import main


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_handover_and_roll_call_on_the_command_line(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert _run(capsys, "demo", "--db", db)[0] == 0
    event = json.loads(_run(capsys, "event", "list", "--json", "--db", db)[1])[0]["id"]
    code, out, _ = _run(capsys, "room", "brief", event, "--db", db)
    assert code == 0 and out.startswith("변경 사항 (직전 인계 이후):") and "미결 조치:" in out
    code, out, _ = _run(capsys, "room", "handover", event, "--outgoing", "오상황", "--incoming", "윤교대", "--db", db)
    assert code == 0 and "prepared: 오상황 → 윤교대" in out
    handover = json.loads(_run(capsys, "room", "handovers", event, "--json", "--db", db)[1])[0]["id"][:8]
    code, _, err = _run(capsys, "room", "sign", event, handover, "incoming", "--name", "오상황", "--db", db)
    assert code == 1 and "names '윤교대' as the incoming lead, not '오상황'" in err and err.count("\n") == 1
    assert "waiting for the other lead" in _run(capsys, "room", "sign", event, handover, "outgoing",
                                                "--name", "오상황", "--db", db)[1]
    assert "(complete)" in _run(capsys, "room", "sign", event, handover, "incoming", "--name", "윤교대", "--db", db)[1]
    code, _, err = _run(capsys, "room", "sign", event, handover, "incoming", "--name", "윤교대", "--db", db)
    assert code == 1 and "already signed" in err
    [held] = json.loads(_run(capsys, "room", "handovers", event, "--json", "--db", db)[1])
    assert held["complete"] and held["lines"][0].startswith("변경 사항")

    code, out, _ = _run(capsys, "room", "contacts", "--db", db)
    assert code == 0 and "fss-officer" in out and "deputy: 한대행" in out
    roll = _run(capsys, "room", "rollcall", event, "--title", "야간 점검", "--db", db)[1].split()[1]
    assert _run(capsys, "room", "call", event, roll, "cro", "no-answer", "--db", db)[0] == 0
    assert _run(capsys, "room", "call", event, roll, "cro-deputy", "reached", "--db", db)[0] == 0
    assert _run(capsys, "room", "call", event, roll, "kftc-desk", "reached", "--note", "당직 연결", "--db", db)[0] == 0
    code, _, err = _run(capsys, "room", "call", event, roll, "nobody", "reached", "--db", db)
    assert code == 1 and "unknown contact 'nobody'" in err
    [listed] = json.loads(_run(capsys, "room", "rollcalls", event, "--json", "--db", db)[1])
    contacts = {c["contact"]: c for c in listed["contacts"]}
    assert listed["reached"] == 2 and contacts["cro"]["via"] == "cro-deputy" and contacts["cro"]["calls"] == 1
    assert contacts["kftc-desk"]["status"] == "reached" and contacts["bank-it"]["status"] == "not-called"
    timeline = _run(capsys, "timeline", event, "--db", db)[1]
    assert "근무 교대 서명(인수자): 윤교대" in timeline and "비상연락: 한대행 — 연락됨" in timeline


def test_drill_and_review_usage_errors_are_one_line_on_stderr(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert _run(capsys, "demo", "--db", db)[0] == 0
    event = json.loads(_run(capsys, "event", "list", "--json", "--db", db)[1])[0]["id"]
    code, out, err = _run(capsys, "drill", "release", event, "--db", db)
    assert code == 2 and not out and "give one inject to release, or --due" in err
    code, _, err = _run(capsys, "drill", "release", event, "--due", "--db", db)
    assert code == 1 and "is a real event; injects belong to drills only" in err and err.count("\n") == 1
    code, out, err = _run(capsys, "review", "action", event, "--title", "x", "--db", db)
    assert code == 2 and not out and "needs --owner, --due" in err
    code, _, err = _run(capsys, "review", "report", event, "--out", tmp_path / "missing" / "r.pdf", "--db", db)
    assert code == 1 and "cannot write the report" in err
