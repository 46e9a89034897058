"""The checklist on large desks, backups beside ticks, changes made elsewhere, the keyboard alone.

Functional, never timed: benchmarks/ui_stalls.py measures the stalls."""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from crisisdesk.desk.app import Desk
from crisisdesk.domain.checklist import CLOSED_STATES, STATES
from crisisdesk.domain.read_models import ItemView
from crisisdesk.domain.text import Text
from crisisdesk.ui.backup_watch import BackupWatch
from crisisdesk.ui.checklist.checklist_model import ChecklistModel
from crisisdesk.ui.checklist.checklist_rows import key_of
from tests.desk.factories import NIRS_T0


def _large(affiliates: int, items: int) -> list[ItemView]:
    """A 50 × 300 desk's items, in the checklist's order, states and due times mixed."""
    pick = random.Random(15)
    found = []
    for phase in range(items // 50):
        for a in range(affiliates):
            for i in range(phase * 50, phase * 50 + 50):
                found.append(ItemView(
                    affiliate=f"aff-{a:02d}", checklist=f"phase-{phase}", checklist_title=Text.plain(f"단계 {phase}"),
                    item=f"item-{i:03d}", title=Text.plain(f"점검 {i}"), guidance=Text.plain(""),
                    owner=pick.choice(["it-lead", "chair"]), owner_title=Text.plain(""),
                    due=NIRS_T0 + timedelta(hours=pick.randint(-5, 20)), critical=i % 7 == 0,
                    state=pick.choice(STATES), assignee="", note="", evidence="", reason="", updated_at=None,
                    updated_by="", overdue=False, due_soon=False))
    return found


def test_filters_give_the_right_items_on_a_50_by_300_desk(qtmodeltester):
    items = _large(50, 300)
    model = ChecklistModel(lambda: NIRS_T0)
    model.set_items(items, in_order=True)
    assert model.rowCount() == 15_000 + 6  # six phases' header rows
    model.set_filters(not_done=True)
    assert model.items() == [i for i in items if i.state not in CLOSED_STATES]
    model.set_filters(affiliate="aff-07")
    assert model.items() == [i for i in items if i.affiliate == "aff-07" and i.state not in CLOSED_STATES]
    model.set_filters(affiliate="", not_done=False, overdue=True, critical=True, mine=True, role="chair")
    assert model.items() == [i for i in items if i.state not in CLOSED_STATES and i.due < NIRS_T0
                             and i.critical and i.owner == "chair"]
    model.set_filters(overdue=False, critical=False, mine=False, affiliate="aff-49")
    qtmodeltester.check(model)
    assert model.items() == [i for i in items if i.affiliate == "aff-49"]
    phase = model.index(model.phase_rows()[0], 0).data()
    done = sum(1 for i in items if i.affiliate == "aff-49" and i.checklist == "phase-0" and i.state in CLOSED_STATES)
    assert phase.endswith(f"({done}/50)")  # the affiliate's progress in the phase


def test_a_ticked_item_leaves_the_not_done_rows_and_the_rest_stay_in_place():
    items = _large(3, 50)
    model = ChecklistModel(lambda: NIRS_T0)
    model.set_items(items, in_order=True)
    model.set_filters(not_done=True)
    shown = model.items()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.replace_item(dataclasses.replace(shown[3], state="done"))
    assert model.items() == shown[:3] + shown[4:] and not resets
    for n, item in enumerate(model.items()):
        assert model.item_at(model.index_of(key_of(item))) == item, n


def test_the_last_open_item_of_a_phase_takes_its_header_row_with_it(qtmodeltester):
    items = [dataclasses.replace(i, state="done") for i in _large(2, 100)]
    last = dataclasses.replace(items[10], state="todo")  # the one open item of phase 0
    items[10] = last
    items[110] = dataclasses.replace(items[110], state="todo")  # and of phase 1
    model = ChecklistModel(lambda: NIRS_T0)
    model.set_items(items, in_order=True)
    model.set_filters(not_done=True)
    assert model.rowCount() == 4 and len(model.phase_rows()) == 2
    model.replace_item(dataclasses.replace(last, state="done"))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.phase_rows() == [0]
    assert model.items() == [items[110]] and model.item_at(model.index(1, 0)) == items[110]


@pytest.fixture
def slow_backups(monkeypatch):
    monkeypatch.setattr(BackupWatch, "pages", 1)
    monkeypatch.setattr(BackupWatch, "pause", 0.02)


def _checklist(driver, qtbot, affiliate="bank"):
    panel = driver.panel("checklists")
    panel.set_affiliate(affiliate)
    qtbot.waitUntil(lambda: len(panel.model.items()) > 10)
    return panel


def test_a_tick_is_saved_while_a_slow_backup_is_written(open_window, nirs_file, qtbot, slow_backups):
    driver = open_window(nirs_file)
    panel = _checklist(driver, qtbot)
    window = driver.window
    made = []
    window.backups.backup_now(lambda: made.append(True), lambda exc: made.append(exc))
    qtbot.waitUntil(lambda: window.backups.running)
    item = panel.current_item()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        QTest.keyClick(panel.view, Qt.Key.Key_Space)
    assert window.backups.running  # the tick went through before the backup finished
    assert panel.model.item(key_of(item)).state == "done"
    qtbot.waitUntil(lambda: bool(made), timeout=60_000)
    assert made == [True]


def test_a_tick_reaches_the_board(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    board = driver.panel("board")
    qtbot.waitUntil(lambda: bool(board.model.tiles()))

    def closed() -> int:
        return next(t.progress.closed for t in board.model.tiles() if t.affiliate == "bank")

    before = closed()
    panel = _checklist(driver, qtbot)
    with qtbot.waitSignal(panel.saved, timeout=5000):
        QTest.keyClick(panel.view, Qt.Key.Key_Space)
    driver.panel("board")
    qtbot.waitUntil(lambda: closed() == before + 1)


def test_a_change_written_by_another_program_shows_up_in_the_panel(open_window, nirs_file, qtbot, clock):
    driver = open_window(nirs_file)
    panel = _checklist(driver, qtbot)
    item = panel.model.items()[4]
    with Desk.open(nirs_file, clock=clock, author="다른 창") as other:
        other.checklists.set_item(None, "bank", f"{item.checklist}/{item.item}", state="blocked", reason="회선 장애")
    qtbot.waitUntil(lambda: panel.model.item(key_of(item)).state == "blocked", timeout=4000)
    assert panel.model.item(key_of(item)).updated_by == "다른 창"


@pytest.mark.parametrize("choice", ["cancel", "apply"])
def test_a_tick_on_an_item_changed_meanwhile_asks_and_cancel_changes_nothing(open_window, nirs_file, qtbot,
                                                                              clock, choice):
    driver = open_window(nirs_file)
    panel = _checklist(driver, qtbot)
    driver.window.outside._timer.stop()  # the screen has not caught up yet
    item = panel.current_item()
    ref = f"{item.checklist}/{item.item}"
    with Desk.open(nirs_file, clock=clock, author="은행 IT") as other:
        other.checklists.set_item(None, "bank", ref, state="doing", note="복구 중")
        head = other.journal_length()
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Space)  # made against the state shown: to do
    qtbot.waitUntil(lambda: panel.asking is not None and panel.asking.objectName() == "changedMeanwhileDialog"
                    and panel.asking.isVisible())
    dialog = panel.asking
    assert "은행 IT" in dialog.message.text() and "진행 중" in dialog.message.text()
    if choice == "cancel":
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        QTest.keyClick(dialog.apply_button, Qt.Key.Key_Space)
    driver.settle()
    qtbot.waitUntil(lambda: panel.model.item(key_of(item)).state == ("doing" if choice == "cancel" else "done"))
    with Desk.open(nirs_file, clock=clock) as desk:
        stored = desk.views.checklist_item(None, "bank", ref)
        assert desk.journal_length() == head + (choice == "apply")
    assert (stored.state, stored.note) == ("doing" if choice == "cancel" else "done", "복구 중")


def test_keyboard_only_ten_ticks_a_note_and_an_undo(open_window, nirs_file, qtbot, clock):
    driver = open_window(nirs_file)
    window = driver.window
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the checklists panel
    panel = window.panels["checklists"]
    window.activateWindow()  # the offscreen platform deactivates the window as a panel is built
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: len(panel.model.items()) > 20 and panel.current_item() is not None)
    assert QApplication.focusWidget() is panel.view  # not the header: the keys act on the items at once
    ticked = []
    for _ in range(10):
        item = panel.current_item()
        ticked.append(item)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        assert panel.current_item() != item  # on to the next open item
    driver.settle()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the tenth
    driver.settle()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    noted = panel.current_item()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: panel.asking is not None and panel.asking.isVisible())
    panel.asking.activateWindow()
    qtbot.waitUntil(panel.asking.isActiveWindow)
    assert QApplication.focusWidget() is panel.asking.note
    QTest.keyClicks(QApplication.focusWidget(), "vendor called")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    driver.settle()
    qtbot.waitUntil(lambda: panel.model.item(key_of(noted)).note == "vendor called")
    with Desk.open(nirs_file, clock=clock) as desk:
        stored = {key_of(i): i for i in desk.views.checklist()}
    assert len({key_of(i) for i in ticked}) == 10
    assert [stored[key_of(i)].state for i in ticked] == ["done"] * 9 + ["todo"]
    assert key_of(noted) == key_of(ticked[9])  # Up from the eleventh: the one just undone
    assert stored[key_of(noted)].note == "vendor called"


def test_the_provider_lists_have_a_current_item(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    commands = driver.window.commands
    commands.providers(driver.window.info)
    dialog = commands.dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.table.currentIndex().isValid()
    dialog.reject()
    activate = commands.activate()
    qtbot.waitUntil(lambda: activate.providers.rowCount() > 0)
    assert activate.provider_list.currentIndex().isValid()
    activate.reject()


def test_every_panel_switch_puts_the_focus_in_the_panel(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    for name in driver.window.nav_actions:
        panel = driver.panel(name)
        focus = QApplication.focusWidget()
        assert focus is not None and panel.isAncestorOf(focus), name  # not left in the header


def test_an_undo_over_someone_s_later_change_asks_first(open_window, nirs_file, qtbot, clock):
    driver = open_window(nirs_file)
    panel = _checklist(driver, qtbot)
    driver.window.outside._timer.stop()  # the screen has not caught up yet
    item = panel.current_item()
    ref = f"{item.checklist}/{item.item}"
    with qtbot.waitSignal(panel.saved, timeout=5000):
        QTest.keyClick(panel.view, Qt.Key.Key_Space)
    with Desk.open(nirs_file, clock=clock, author="은행 IT") as other:
        other.checklists.set_item(None, "bank", ref, note="확인 완료")
        head = other.journal_length()
    QTest.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.asking is not None and panel.asking.objectName() == "changedMeanwhileDialog"
                    and panel.asking.isVisible())
    QTest.keyClick(panel.asking, Qt.Key.Key_Escape)
    driver.settle()
    with Desk.open(nirs_file, clock=clock) as desk:
        assert desk.journal_length() == head  # cancelled: their note and my tick stay
        assert (desk.views.checklist_item(None, "bank", ref).state, desk.views.checklist_item(None, "bank", ref).note) == \
            ("done", "확인 완료")


def test_an_elided_label_keeps_its_own_tooltip_when_resized(qtbot):
    from crisisdesk.ui.elided_label import ElidedLabel

    label = ElidedLabel("기록 경고: 열 때 점검에서 문제 발견")
    qtbot.addWidget(label)
    label.setToolTip("journal_no_delete trigger missing")
    label.resize(1000, 30)
    label.show()
    qtbot.waitExposed(label)
    assert label.toolTip() == "journal_no_delete trigger missing"  # not cleared by the width
    label.resize(40, 30)
    qtbot.waitUntil(label.is_elided)
    assert label.toolTip() == "기록 경고: 열 때 점검에서 문제 발견\njournal_no_delete trigger missing"


def test_every_page_has_its_key(open_window, nirs_file):
    """Ctrl+1 … Ctrl+0 for the first ten pages, Ctrl+E the exchange, Ctrl+, the settings."""
    window = open_window(nirs_file).window
    keys = {name: action.shortcut().toString() for name, action in window.nav_actions.items()}
    assert keys["board"] == "Ctrl+1" and keys["settings"] == "Ctrl+,"
    assert all(keys.values()) and len(set(keys.values())) == len(keys)
    QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_panel() == "settings"
