import json

import pytest

from crisisdesk.cli import main
from tests.desk.factories import GROUP_FILE


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path, capsys):
    path = str(tmp_path / "cli.sqlite")
    assert run(capsys, "--db", path, "group", "load", str(GROUP_FILE))[0] == 0
    return path


def test_scripted_event(db, capsys):
    code, out, _ = run(capsys, "event", "activate", "--db", db, "--playbook", "gov-system-outage",
                       "--title", "국정자원 화재", "--at", "2025-09-26 20:20", "--down", "gov-id-check")
    assert code == 0
    ev = out.strip()
    assert run(capsys, "check", ev[:8], "bank", "confirm-outage-scope", "done", "--db", db,
               "--note", "확인")[1].strip() == "bank first-hour/confirm-outage-scope: done"
    assert run(capsys, "check", ev, "bank", "confirm-outage-scope", "undo", "--db", db)[1].endswith("todo\n")
    assert "1,200 (revision 1)" in run(capsys, "assess", ev, "bank", "customers-affected", "1,200",
                                       "--db", db)[1]
    code, out, _ = run(capsys, "assess", ev, "bank", "services", '{"remote-account": "down"}', "--db", db)
    assert code == 0 and "remote-account: down" in out
    assert run(capsys, "decide", ev, "--text", "협의회 소집", "--by", "chair", "--db", db)[0] == 0
    assert run(capsys, "event", "level", ev, "caution", "--reason", "확대", "--db", db)[0] == 0
    assert run(capsys, "event", "provider", ev, "giro", "degraded", "--db", db)[0] == 0

    code, out, _ = run(capsys, "event", "show", "--json", "--db", db)
    data = json.loads(out)
    assert data["event"]["level"] == "caution"
    bank = next(a for a in data["affiliates"] if a["id"] == "bank")
    remote = next(s for s in bank["services"] if s["service"] == "remote-account")
    assert remote["alternatives"] and "확인(" not in " ".join(remote["alternatives"])  # its own wording
    assert remote["rto_deadline"] is None and remote["impaired_since"]  # a government outage: no RTO
    assert data["group_desk"]["applicable"] > 0
    assert {"progress", "overdue", "overdue_critical"} <= set(bank)

    code, out, _ = run(capsys, "timeline", ev, "--db", db, "--json", "--lang", "en")
    kinds = [e["kind"] for e in json.loads(out)]
    assert kinds[0] == "event.activated" and "decision.recorded" in kinds
    listing = run(capsys, "event", "list", "--db", db)[1]
    assert "국정자원 화재" in listing and "caution" in listing
    assert run(capsys, "verify", "--db", db)[0] == 0


@pytest.mark.parametrize("argv, message", [
    (["check", "nope", "bank", "x", "done"], "no event 'nope'"),
    (["event", "activate", "--playbook", "no-such-playbook", "--title", "x"], "no playbook 'no-such-playbook'"),
    (["event", "activate", "--playbook", "gov-system-outage", "--title", "x", "--at", "friday"], "not a time"),
    (["event", "activate", "--playbook", "gov-system-outage", "--title", "x", "--down", "zeus"],
     "unknown provider 'zeus'"),
    (["assess", "-", "bank", "services", "{bad json"], "not valid JSON"),
])
def test_bad_input_is_one_line(db, capsys, argv, message):
    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_no_event_yet(db, capsys):
    code, _, err = run(capsys, "event", "show", "--db", db)
    assert code == 1 and "no open event" in err


def test_demo_builds_a_verified_desk(tmp_path, capsys):
    path = str(tmp_path / "demo.sqlite")
    code, out, _ = run(capsys, "demo", "--db", path)
    assert code == 0 and "demo desk written" in out
    data = json.loads(run(capsys, "event", "show", "--json", "--db", path)[1])
    assert data["event"]["level"] == "alert" and data["affiliates_hit"] == 9
    assert data["event"]["elapsed"].startswith("T+17:")
    colours = {a["colour"] for a in data["affiliates"]}
    assert "red" not in colours and len(colours) >= 2  # a government outage breaches no RTO
    assert data["past_rto"] == 0
    assert data["group_desk"]["closed"] >= 8  # the council met, the UPS was checked ... once
    assert {a["issuer"] for a in data["alerts"]} == {"행정안전부(MOIS)", "과학기술정보통신부(MSIT)"}
    assert run(capsys, "verify", "--db", path)[0] == 0
    code, _, err = run(capsys, "demo", "--db", path)
    assert code == 1 and "already exists" in err
