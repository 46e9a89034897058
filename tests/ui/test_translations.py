"""The Korean catalogue is complete, up to date with the code, and its .qm is the compiled .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from crisisdesk.locations import bundle_root, resource_path
from crisisdesk.ui import i18n

TS = resource_path("translations", "crisisdesk_ko.ts")
QM = resource_path("translations", "crisisdesk_ko.qm")
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return str(path)


def test_every_message_is_translated():
    messages = ET.parse(TS).getroot().iter("message")
    missing = [m.findtext("source") for m in messages
               if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
               or not (m.findtext("translation") or "").strip()]
    assert missing == []


def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    copy = tmp_path / "crisisdesk_ko.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (bundle_root() / "crisisdesk" / "ui").rglob("*.py"))
    out = subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources,
                          "-ts", str(copy)], capture_output=True, text=True, check=True).stdout
    assert "(0 new and" in out, out
    assert "obsolete" not in out, f"strings removed from the code are still in the catalogue: {out}"


def test_the_qm_is_the_compiled_ts(tmp_path):
    compiled = tmp_path / "out.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], capture_output=True, check=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease and commit the .qm"


def test_korean_then_english_at_run_time():
    i18n.apply_language("ko")
    assert QCoreApplication.translate("MainWindow", "Board") == "상황판"
    assert QCoreApplication.translate("Time", "{} late").format("3시간") == "기한 경과 3시간"
    i18n.apply_language("en")
    assert QCoreApplication.translate("MainWindow", "Board") == "Board"
    assert i18n.language() == "en"


# Words a Korean group risk office would stop at, and what the desk says instead.
ABANDONED = {"차단됨": "진행 불가", "막힘": "진행 불가", "차단 사유": "진행 불가 사유", "암호문": "암호 문구",
             "피해 계열사": "영향 계열사", "기한 초과": "기한 경과", "지연": "기한 경과", "최종": "종결 / 최근",
             "승인": "결재", "결정 주체": "결정권자", "종이 체크리스트": "수기 점검표", "보고 전": "미제출"}


def test_the_korean_wording_is_the_risk_offices():
    translations = [m.findtext("translation") or "" for m in ET.parse(TS).getroot().iter("message")]
    found = sorted({(word, t) for t in translations for word in ABANDONED if word in t})
    assert found == [], "say instead: " + ", ".join(f"{w} → {ABANDONED[w]}" for w, _ in found)
    overdue = [t for t in translations if "초과" in t and "RTO 초과" not in t]
    assert overdue == [], "overdue is 기한 경과"
    assert "모의훈련(실제 상황 아님)" in translations and "결재(의장)(&A)" in translations
    assert "수기 점검표" in translations and "미제출" in translations


HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_qt_file_dialogs_read_in_korean(qtbot, mode):
    """Qt's own catalogue (qtbase_ko) and, for what it lacks, ours: every label and button in Korean."""
    dialog = QFileDialog(None, "내보내기")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the widget dialog, as on a desk without a native one
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)} - {""}
    assert len(texts) >= 4
    assert sorted(t for t in texts if not HANGUL.search(t)) == []
    i18n.apply_language("en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
