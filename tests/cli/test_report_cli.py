"""`crisisdesk report`: every kind, the register actions, and the errors a person can cause."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from crisisdesk.cli import main
from crisisdesk.desk.demo import build_demo
from tests.desk.factories import PLAYBOOKS
from tests.reports.pdfcheck import pages_text


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def db(demo_db, tmp_path):
    path = tmp_path / "desk.sqlite"
    shutil.copy(demo_db, path)
    return path


def test_draft_approve_issue_list_reprint(db, tmp_path, capsys):
    code, out, err = run(capsys, "report", "--db", db, "--out", tmp_path / "r1.pdf")
    assert code == 0, err
    assert "drafted situation report #1 (initial)" in out and "report approve 1" in out
    code, out, _ = run(capsys, "report", "list", "--db", db)
    assert code == 0 and "initial" in out and "draft" in out
    code, out, err = run(capsys, "report", "issue", "1", "--db", db, "--out", tmp_path / "x.pdf")
    assert code == 1 and "not approved" in err and not (tmp_path / "x.pdf").exists()
    code, out, _ = run(capsys, "report", "approve", "1", "--by", "이위원장", "--db", db)
    assert code == 0 and "이위원장" in out
    code, out, err = run(capsys, "report", "issue", "1", "--db", db, "--out", tmp_path / "final.pdf")
    assert code == 0, err
    code, out, err = run(capsys, "report", "reprint", "1", "--db", db, "--out", tmp_path / "again.pdf")
    assert code == 0, err
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "final.pdf").read_bytes()
    code, out, _ = run(capsys, "report", "list", "--json", "--db", db)
    [entry] = json.loads(out)
    assert entry["status"] == "issued" and entry["approved_by"] == "이위원장"


@pytest.mark.parametrize("kind,extra,expect", [
    ("brief", ["--lang", "en"], "Executive Brief"),
    ("paper", ["--affiliate", "card", "--blank"], "한빛카드 — 수기 점검표"),
    ("situation", ["--preview", "--as-of", "2025-09-27 09:00"], "상황보고(미리보기)"),
])
def test_kinds(db, tmp_path, capsys, kind, extra, expect):
    out_file = tmp_path / f"{kind}.pdf"
    code, out, err = run(capsys, "report", "--kind", kind, *extra, "--db", db, "--out", out_file)
    assert code == 0, err
    assert expect in pages_text(out_file.read_bytes())[0]
    assert run(capsys, "report", "list", "--db", db)[1].startswith("no situation reports")


def test_errors_are_one_line_messages(db, tmp_path, capsys):
    cases = [
        (["report", "nosuchevent", "--out", tmp_path / "a.pdf"], "no event 'nosuchevent'"),
        (["report", "--out", tmp_path / "missing" / "a.pdf"], "does not exist"),
        (["report", "--out", tmp_path], "is a folder"),
        (["report", "approve", "9"], "no situation report #9"),
        (["report", "--kind", "paper", "--affiliate", "nope", "--out", tmp_path / "p.pdf"],
         "unknown affiliate 'nope'"),
        (["report", "--as-of", "yesterday", "--out", tmp_path / "a.pdf"], "is not a time"),
    ]
    for argv, message in cases:
        code, _, err = run(capsys, *argv, "--db", db)
        assert code == 1 and message in err and err.count("\n") == 1, (argv, err)
    assert not list(tmp_path.glob("*.pdf"))


def test_usage_errors_exit_2(db, tmp_path, capsys):
    for argv in (["report"], ["report", "approve"], ["report", "issue", "x", "--out", "a.pdf"],
                 ["report", "--kind", "brief", "--blank", "--out", "a.pdf"]):
        with pytest.raises(SystemExit) as info:
            main([*argv, "--db", str(db)])
        assert info.value.code == 2


def test_ambiguous_event_needs_a_name(db, tmp_path, capsys):
    assert run(capsys, "event", "activate", "--db", db, "--playbook", PLAYBOOKS / "cyber-incident.yaml",
               "--title", "DDoS", "--at", "2025-09-27 10:00")[0] == 0
    code, _, err = run(capsys, "report", "--kind", "brief", "--db", db, "--out", tmp_path / "b.pdf")
    assert code == 1 and "several events are open" in err


def test_no_traceback_from_a_missing_database(tmp_path):
    result = subprocess.run([sys.executable, "-m", "crisisdesk", "report", "--db", str(tmp_path / "none.sqlite"),
                             "--out", str(tmp_path / "r.pdf")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "no such desk" in result.stderr


def test_export_office_drafts_and_the_brief_and_list_them(db, tmp_path, capsys):
    assert run(capsys, "report", "--db", db, "--out", tmp_path / "r1.pdf")[0] == 0
    code, out, err = run(capsys, "report", "export", "1", "--db", db, "--out", tmp_path / "r1.hwpx")
    assert code == 0, err
    assert "editable draft (편집용 초안) of situation report #1 as HWPX" in out and "stays the record" in out
    code, out, err = run(capsys, "report", "export", "1", "--kind", "brief", "--db", db, "--out", tmp_path / "b.pdf")
    assert code == 0 and "executive brief" in out, err
    assert "상황보고 제1호 요약" in pages_text((tmp_path / "b.pdf").read_bytes())[0]
    code, out, _ = run(capsys, "report", "list", "--db", db)
    assert "└ editable draft (편집용 초안): body HWPX r1.hwpx" in out
    assert "└ executive brief (회장 보고 요약): brief PDF b.pdf" in out
    code, out, _ = run(capsys, "report", "list", "--json", "--db", db)
    [entry] = json.loads(out)
    assert [(f["format"], f["role"]) for f in entry["files"]] == [("hwpx", "editable-draft"), ("pdf", "brief")]
    assert entry["status"] == "draft"
    code, _, err = run(capsys, "report", "export", "1", "--db", db, "--out", tmp_path / "body.pdf")
    assert code == 1 and "exported as .docx, .hwpx" in err and not (tmp_path / "body.pdf").exists()
    with pytest.raises(SystemExit) as exc:
        main(["report", "export", "1", "--db", str(db)])
    assert exc.value.code == 2 and "--out FILE.hwpx" in capsys.readouterr().err
