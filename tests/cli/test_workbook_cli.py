"""`crisisdesk export xlsx` and `crisisdesk group template|import` from the command line."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from crisisdesk.cli import main
from crisisdesk.desk.demo import build_demo
from crisisdesk.formats.group_file import load_group
from tests.formats.test_group_workbook import EXAMPLE


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


def test_export_xlsx_now_and_as_of(db, tmp_path, capsys):
    code, out, err = run(capsys, "export", "xlsx", "--db", db, "--out", tmp_path / "now.xlsx")
    assert code == 0, err
    assert "14 sheets" in out and "now.xlsx" in out
    code, out, err = run(capsys, "export", "xlsx", "--db", db, "--as-of", "#50", "--out", tmp_path / "early.xlsx")
    assert code == 0, err
    now, early = (openpyxl.load_workbook(tmp_path / n) for n in ("now.xlsx", "early.xlsx"))
    assert "기록 #50" in early["타임라인"]["A2"].value
    assert early["타임라인"].max_row < now["타임라인"].max_row


def test_export_xlsx_refusals(db, tmp_path, capsys):
    code, _, err = run(capsys, "export", "xlsx", "--db", db, "--out", tmp_path / "missing" / "x.xlsx")
    assert code == 1 and "does not exist" in err
    with pytest.raises(SystemExit) as exit_:
        main(["export", "xlsx", "--db", str(db)])
    assert exit_.value.code == 2 and "--out" in capsys.readouterr().err
    code, _, err = run(capsys, "export", "xlsx", "nosuchevent", "--db", db, "--out", tmp_path / "x.xlsx")
    assert code == 1 and not (tmp_path / "x.xlsx").exists()


def test_group_template_from_a_file_then_import_and_load(db, tmp_path, capsys):
    code, out, err = run(capsys, "group", "template", "--from", EXAMPLE, "--out", tmp_path / "t.xlsx")
    assert code == 0, err
    assert "filled with group hanbit: 9 affiliates" in out
    code, out, err = run(capsys, "group", "import", tmp_path / "t.xlsx", "--out", tmp_path / "g.yaml")
    assert code == 0, err
    assert load_group(tmp_path / "g.yaml").value == load_group(EXAMPLE).value
    code, out, err = run(capsys, "group", "load", tmp_path / "g.yaml", "--db", db)
    assert code == 0, err
    code, out, err = run(capsys, "group", "template", "--db", db, "--out", tmp_path / "desk.xlsx")
    assert code == 0 and "filled with group hanbit" in out
    code, out, err = run(capsys, "group", "template", "--empty", "--out", tmp_path / "empty.xlsx")
    assert code == 0 and "(empty)" in out


def test_group_import_lists_every_located_problem_and_writes_nothing(tmp_path, capsys):
    run(capsys, "group", "template", "--from", EXAMPLE, "--out", tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    book["서비스"]["F2"] = "세시간"
    book["기관"]["D3"] = "vendor"
    book.save(tmp_path / "t.xlsx")
    code, out, err = run(capsys, "group", "import", tmp_path / "t.xlsx", "--out", tmp_path / "g.yaml")
    assert code == 1 and "2 problem(s); nothing was written" in err
    assert out.splitlines()[0].startswith(f"{tmp_path / 't.xlsx'}: '서비스' 시트 2행 F열(RTO): 기간은")
    assert "'기관' 시트 3행 D열(종류): 알 수 없는 기관 종류" in out.splitlines()[1]
    assert not (tmp_path / "g.yaml").exists()
    (tmp_path / "g.yaml").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "group", "import", tmp_path / "t.xlsx", "--out", tmp_path / "g.yaml")
    assert code == 1 and (tmp_path / "g.yaml").read_text(encoding="utf-8") == "x"
