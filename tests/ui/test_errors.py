"""Errors: a person's error says what to do; an unexpected one is logged and shown politely."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from crisisdesk.domain.errors import InvalidInput
from crisisdesk.ui import errors


def _box() -> QMessageBox:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def test_a_persons_error_is_its_message_and_what_to_do(qtbot):
    errors.show_error(None, InvalidInput("a blocked item needs a reason: say what blocks it"))
    box = _box()
    assert box.text() == "a blocked item needs a reason: say what blocks it"
    assert "아무것도 변경되지 않았습니다" in box.informativeText()
    assert box.detailedText() == ""
    box.close()


def test_an_unexpected_error_is_logged_never_shown_as_a_traceback(qtbot, tmp_path):
    log = tmp_path / "crisisdesk.log"
    errors.set_up_log(log)
    previous = sys.excepthook
    errors.install_excepthook()
    try:
        try:
            {}["missing"]
        except KeyError:
            sys.excepthook(*sys.exc_info())
        box = _box()
        assert "KeyError" in box.text() and "Traceback" not in box.text() + box.informativeText()
        assert str(log) in box.informativeText()
        assert "Traceback" in log.read_text(encoding="utf-8") and "missing" in log.read_text(encoding="utf-8")
        box.close()
    finally:
        sys.excepthook = previous
