"""`crisisdesk export xlsx` and `crisisdesk group template|import` from the command line."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from crisisdesk.cli import main
from crisisdesk.desk.demo import build_demo


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
