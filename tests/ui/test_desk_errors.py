"""Desk errors reach a Korean user in Korean: each template the desk raises with `of()` is in the
interface's catalogue, translated, and filled with the error's values."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import crisisdesk
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.ui import desk_errors, errors
from crisisdesk.ui.i18n import apply_language
from tests.desk.factories import activate_nirs, make_desk


def _templates_in_code() -> set[str]:
    found = set()
    for path in Path(crisisdesk.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "of" \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def test_every_template_the_desk_raises_is_in_the_catalogue_and_translated(qapp):
    in_code = _templates_in_code()
    assert in_code and in_code <= set(desk_errors.TEMPLATES)
    apply_language("ko")
    for template in desk_errors.TEMPLATES:
        korean = QCoreApplication.translate(desk_errors.CONTEXT, template)
        assert korean != template, template
        names = {n for n in template.replace("}", "{").split("{")[1::2]}
        assert {n for n in korean.replace("}", "{").split("{")[1::2]} == names, template


def test_a_refused_command_is_shown_in_korean_with_its_values(qtbot, tmp_path):
    apply_language("ko")
    with make_desk(tmp_path / "d.sqlite") as desk:
        ev = activate_nirs(desk)
        with pytest.raises(InvalidInput) as info:
            desk.checklists.set_item(ev, "bank", "convene-council", state="done")
    assert str(info.value) == "bank has no checklist item 'convene-council' in this event"  # the CLI's line
    errors.show_error(None, info.value)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == "이 사건에서 bank의 점검 항목 'convene-council'이(가) 없습니다"
    box.close()
    apply_language("en")
    assert desk_errors.message(info.value) == str(info.value)
    apply_language("ko")


def test_an_error_without_a_template_shows_its_message(qapp):
    assert desk_errors.message(InvalidInput("plain words")) == "plain words"


def test_a_role_refusal_names_what_was_refused_in_korean(qapp):
    from crisisdesk.domain.desk_roles import WORK, NotAllowed, check_allowed

    assert set(WORK) <= set(desk_errors.PHRASES)
    with pytest.raises(NotAllowed) as info:
        check_allowed("affiliate", "bank", "event.level_changed", {"event": "e"})
    assert str(info.value) == ("not allowed on this desk: this is the desk of affiliate 'bank'; "
                               "only the group desk may change an event's level")
    apply_language("ko")
    korean = desk_errors.message(info.value)
    assert "bank" in korean and "사건의 단계" in korean and "change" not in korean
