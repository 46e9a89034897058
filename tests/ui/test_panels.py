"""The panels and dialogs as a person uses them, on real desk files."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
)

from crisisdesk.desk.app import Desk
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.locations import shipped_playbooks_dir, user_playbooks_dir
from crisisdesk.ui.checklist import checklist_panel
from crisisdesk.ui.dialogs.level_dialog import LevelDialog
from crisisdesk.ui.dialogs.provider_dialog import ProviderDialog
from crisisdesk.ui.main import build_window
from tests.desk.factories import GROUP_FILE, NIRS_T0, ManualClock
from tests.ui.conftest import type_text


def _message_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_presentation_mode_is_the_board_full_screen_with_large_type(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    window = driver.window
    driver.panel("decisions")
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen() and not window.nav.isVisible() and not window.status.isVisible()
    assert window.current_panel() == "board"
    board = window.panels["board"]
    qtbot.waitUntil(lambda: len(board._tiles) == 9)
    assert board.presenting() and board.plan.font_px >= 18  # px: readable from five metres
    assert board.tiles()[0].name.font().pixelSize() >= 23
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and window.nav.isVisible()
    assert window.current_panel() == "decisions"


def test_activate_loads_the_group_first_when_there_is_none(open_window, tmp_path, qtbot):
    path = tmp_path / "empty.sqlite"
    Desk.open(path, clock=ManualClock()).close()
    driver = open_window(path)
    dialog = driver.window.commands.activate()
    driver.settle()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.no_group.isVisibleTo(dialog) and not ok.isEnabled()
    dialog.load_group(str(GROUP_FILE))
    qtbot.waitUntil(lambda: dialog.group is not None and dialog.playbook.count() == 5)
    assert not dialog.no_group.isVisibleTo(dialog) and ok.isEnabled()
    dialog.reject()


def test_level_change_and_several_open_events(open_window, nirs_file, qtbot, clock):
    with Desk.open(nirs_file, clock=clock) as desk:
        second = desk.events.activate(shipped_playbooks_dir() / "cyber-incident.yaml", "랜섬웨어 훈련", t0=NIRS_T0,
                               drill=True).created
    driver = open_window(nirs_file)
    header = driver.window.header
    assert header.picker.isVisible() and header.picker.count() == 2
    header.picker.setCurrentIndex(header.picker.findData(second))
    header.picker.activated.emit(header.picker.currentIndex())
    qtbot.waitUntil(lambda: driver.window.info is not None and driver.window.info.id == second)
    assert header.mode.accessibleName() == "모의훈련(실제 상황 아님)"
    driver.window.commands.change_level(driver.window.info)
    dialog = driver.window.findChild(LevelDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.level.setCurrentIndex(3)
    assert not ok.isEnabled()  # a reason is required
    type_text(dialog.reason, "랜섬웨어 확산")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.window.info.level == driver.window.info.playbook.levels[3].id)
    assert header.level.text() == "심각" and "#d62020" in header.level.styleSheet()


def test_providers_dialog_shows_each_state_and_restores_one(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    board = driver.panel("board")
    qtbot.waitUntil(lambda: board.model.rowCount() == 9)
    assert board._board.hit_affiliates == 9
    qtbot.mouseClick(driver.window.header.providers_button, Qt.MouseButton.LeftButton)
    dialog = driver.window.commands.dialog
    assert isinstance(dialog, ProviderDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == dialog.provider.count() > 1)
    row = dialog.model.key_row("gov-id-check")
    assert dialog.model.index(row, 1).data() == "중단" and dialog.model.index(row, 2).data()  # since when
    assert {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount()) if r != row} == {"정상"}
    dialog.table.selectRow(row)
    assert dialog.provider.currentData() == "gov-id-check"
    dialog.status.setCurrentIndex(dialog.status.findData("restored"))
    type_text(dialog.note, "행안부 복구 공지")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.index(row, 1).data() == "복구")
    assert dialog.model.index(row, 3).data() == "행안부 복구 공지" and dialog.isVisible()  # open for more changes
    qtbot.waitUntil(lambda: board._board.hit_affiliates == 0)
    assert "영향 서비스 없음" in board._tiles[0].services.text()
    dialog.reject()


def test_notice_composed_from_a_template_and_marked_posted(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    panel = driver.panel("notices")
    panel.affiliate.setCurrentIndex(panel.affiliate.findData("bank"))
    qtbot.mouseClick(panel.compose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.notices.rowCount() == 1)
    driver.settle()
    assert "영업점 창구 거래" in panel.body.toPlainText() or "계좌" in panel.body.toPlainText()
    panel.channel.setCurrentIndex(panel.channel.findData("app"))
    qtbot.mouseClick(panel.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.notices.rows()[0].state == "posted")
    assert panel.notices.index(0, 4).data().startswith("앱")
    duty_row = 0
    panel.duty_table.selectRow(duty_row)
    qtbot.mouseClick(panel.submitted_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QInputDialog, "dutySubmittedDialog")
    dialog.setTextValue("FSS-0001")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.duties.rows()[duty_row].state == "submitted")


def test_a_duty_deadline_is_moved_with_its_reason(open_window, nirs_file, qtbot):
    from crisisdesk.ui.datetime_edit import set_moment
    from crisisdesk.ui.dialogs.move_duty_dialog import MoveDutyDialog

    driver = open_window(nirs_file)
    panel = driver.panel("notices")
    qtbot.waitUntil(lambda: panel.duties.rowCount() > 0)
    duty = panel.duties.rows()[0]
    panel.duty_table.selectRow(0)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(MoveDutyDialog, "moveDutyDialog")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    new = duty.deadline + timedelta(hours=20)
    set_moment(dialog.deadline, new, "Asia/Seoul")
    type_text(dialog.reason, "금감원 협의")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    key = (duty.duty, duty.filer, duty.occurrence)
    moved = lambda: next(d for d in panel.duties.rows() if (d.duty, d.filer, d.occurrence) == key)  # noqa: E731
    qtbot.waitUntil(lambda: moved().moved)
    assert moved().deadline == new and moved().reason == "금감원 협의"
    assert "금감원 협의" in panel.duties.index(panel.duties.rows().index(moved()), 8).data()


def test_import_validates_first_and_copies_into_the_user_folder(open_window, nirs_file, qtbot, tmp_path):
    driver = open_window(nirs_file)
    panel = driver.panel("playbooks")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)  # the shipped playbooks, the drill scenario included
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: crisisdesk.playbook/1\nid: broken\nversion: one\n", encoding="utf-8")
    panel.import_file(broken)
    qtbot.waitUntil(lambda: _message_box() is not None)
    box = _message_box()
    assert "broken.yaml:3" in box.text()  # file:line of the problem
    box.close()
    assert not user_playbooks_dir().exists() or not any(user_playbooks_dir().iterdir())
    mine = tmp_path / "my-outage.yaml"
    shutil.copyfile(shipped_playbooks_dir() / "third-party-outage.yaml", mine)
    with qtbot.waitSignal(panel.imported, timeout=5000):
        panel.import_file(mine)
    assert (user_playbooks_dir() / "my-outage.yaml").read_bytes() == mine.read_bytes()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6)


def test_timeline_filters_by_kind_and_text(open_window, demo_copy, qtbot):
    driver = open_window(demo_copy)
    panel = driver.panel("timeline")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 50)
    everything = panel.model.rowCount()
    panel.kind.setCurrentIndex(panel.kind.findData("meeting,decision,action"))
    driver.settle()
    assert 0 < panel.model.rowCount() < everything
    assert all(e.kind.split(".")[0] in ("meeting", "decision", "action") for e in panel.model.rows())
    type_text(panel.search, "협의회")
    qtbot.waitUntil(lambda: 0 < panel.model.rowCount() < len(panel.model.entries()))
    assert all("협의회" in panel.model.index(r, 2).data() for r in range(panel.model.rowCount()))


def test_choices_are_kept_in_settings(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    checklist = driver.panel("checklists")
    checklist.checks["overdue"].setChecked(True)
    driver.window.close()
    assert QSettings().value("ui/panel") == "checklists"
    again = open_window(nirs_file)
    assert again.window.current_panel() == "checklists"
    assert again.window.panels["checklists"].checks["overdue"].isChecked()


def test_amend_a_decision_and_follow_an_action(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    panel = driver.panel("decisions")
    type_text(panel.text, "고객센터 상담 인력 1.5배 증원")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.decisions.rowCount() == 1)
    panel.tree.setCurrentIndex(panel.decisions.index(0, 0))
    qtbot.mouseClick(panel.amend_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QInputDialog, "amendDialog")
    assert dialog.textValue() == "고객센터 상담 인력 1.5배 증원"
    dialog.setTextValue("고객센터 상담 인력 2배 증원")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.decisions.rowCount(panel.decisions.index(0, 0)) == 1)
    amendment = panel.decisions.index(0, 1, panel.decisions.index(0, 0))
    assert amendment.data().endswith("2배 증원") and panel.decisions.index(0, 1).data().endswith("1.5배 증원")
    panel.tree.setCurrentIndex(panel.decisions.index(0, 0))
    type_text(panel.action_title, "상담 인력 배치표 작성")
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.actions.rowCount() == 1)
    assert panel.actions.rows()[0].decision == panel.decisions.decision_at(panel.decisions.index(0, 0)).id
    panel.action_table.selectRow(0)
    panel.action_state.setCurrentIndex(panel.action_state.findData("done"))
    qtbot.mouseClick(panel.action_state_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.actions.rows()[0].state == "done")


def test_a_backup_is_taken_when_the_desk_opens(open_window, nirs_file, qtbot):
    folder = nirs_file.parent / "backups" / nirs_file.stem
    driver = open_window(nirs_file)
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("*.sqlite")), timeout=10000)
    driver.settle()
    settings = driver.panel("settings")
    qtbot.waitUntil(lambda: "1" in settings.backups.text(), timeout=5000)


def test_an_automatic_backup_that_fails_is_shown_whichever_panel_is_open(open_window, nirs_file, qtbot):
    (nirs_file.parent / "backups").write_text("a file where the backups folder should be", encoding="utf-8")
    driver = open_window(nirs_file)
    assert "settings" not in driver.window.panels  # built when first shown; backups run without it
    qtbot.waitUntil(lambda: _message_box() is not None, timeout=10000)
    box = _message_box()
    assert "자동 백업 실패" in box.windowTitle() + box.text() + box.informativeText()
    box.close()


def test_backups_kept_as_many_as_chosen_in_settings(open_window, nirs_file, qtbot):
    folder = nirs_file.parent / "backups" / nirs_file.stem
    driver = open_window(nirs_file)
    settings = driver.panel("settings")
    settings.keep.setValue(2)
    assert QSettings().value("backup/keep", type=int) == 2
    for _ in range(3):
        qtbot.mouseClick(settings.backup_button, Qt.MouseButton.LeftButton)
        driver.settle()
        qtbot.waitUntil(settings.backup_button.isEnabled)
    assert len(list(folder.glob("*.sqlite"))) == 2


def test_a_database_that_cannot_be_opened_then_another_that_can(qtbot, nirs_file, tmp_path, clock):
    broken = tmp_path / "notes.sqlite"
    broken.write_text("not a database", encoding="utf-8")
    window = build_window(broken, clock=clock, author="운영자")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: _message_box() is not None, timeout=5000)
    assert "notes.sqlite" in _message_box().text() + _message_box().informativeText()
    _message_box().close()
    assert window.current_panel() == "settings" and window.info is None
    window.panels["settings"].open_database(nirs_file)
    qtbot.waitUntil(lambda: window.info is not None, timeout=5000)
    assert window.info.title == "국가정보자원관리원 화재"
    assert window.panels["settings"].path.text() == str(nirs_file)
    window.close()


def test_a_saved_tick_is_drawn_at_once_as_the_desk_stored_it(open_window, nirs_file, qtbot, clock):
    """The checklist redraws the saved item from the desk's own answer (no rule re-derived in the
    view): leaving 'blocked' clears the reason, the author and time are the desk's."""
    driver = open_window(nirs_file)
    panel = driver.panel("checklists")
    panel.set_affiliate("bank")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 1)
    index = panel.model.index(1, 0)
    item = panel.model.item_at(index)
    key = (item.affiliate, item.checklist, item.item)
    drawn = []
    panel.saved.connect(lambda _changes: drawn.append(panel.model.item(key)))
    panel.view.setFocus()
    panel.view.setCurrentIndex(index)
    qtbot.keyClick(panel.view, Qt.Key.Key_B)
    dialog = panel.findChild(QInputDialog, "blockedReasonDialog")
    dialog.setTextValue("  벤더 회신 대기  ")
    dialog.accept()
    qtbot.waitUntil(lambda: len(drawn) == 1)
    assert (drawn[0].state, drawn[0].reason) == ("blocked", "벤더 회신 대기")  # stripped by the desk
    panel.view.setCurrentIndex(panel.model.index_of(key))
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(drawn) == 2)
    driver.settle()
    with Desk.open(nirs_file, clock=clock) as desk:
        stored = desk.views.checklist_item(None, "bank", f"{item.checklist}/{item.item}")
    assert (drawn[1].state, drawn[1].reason) == ("done", "")
    assert drawn[1] == dataclasses.replace(stored, overdue=drawn[1].overdue, due_soon=drawn[1].due_soon)


def test_activate_dialog_follows_the_chosen_playbook_until_a_title_is_typed(open_window, group_file, qtbot):
    driver = open_window(group_file)
    dialog = driver.window.commands.activate()
    qtbot.waitUntil(lambda: dialog.playbook.count() > 1)
    first = dialog.title.text()
    dialog.playbook.setCurrentIndex(1)
    second = dialog.title.text()
    assert second and second != first  # the suggestion follows the playbook
    type_text(dialog.title, " 추가")
    typed = dialog.title.text()
    dialog.playbook.setCurrentIndex(0)
    assert dialog.title.text() == typed  # what the user typed stays
    dialog.reject()


def test_a_long_rto_overrun_reads_in_days():
    from datetime import datetime

    from crisisdesk.ui import timefmt

    now = datetime(2025, 10, 3, tzinfo=UTC)
    assert "+1:25" in timefmt.rto_clock(now - timedelta(hours=1, minutes=25), now)
    long = timefmt.rto_clock(now - timedelta(hours=10376, minutes=28), now)
    assert "10376" not in long and "432" in long


def test_the_activate_dialog_fits_the_screen_it_opens_on(open_window, nirs_file, qtbot):
    driver = open_window(nirs_file)
    dialog = driver.window.commands.activate()
    driver.settle()
    free = dialog.screen().availableGeometry()  # the test screen: 800 x 800, smaller than 1280 x 760
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    assert dialog.minimumSizeHint().width() <= 1024 and dialog.minimumSizeHint().height() <= 600
    dialog.reject()


def test_a_change_is_drawn_before_the_desk_answers_by_the_domain_rules(open_window, nirs_file, qtbot,
                                                                     monkeypatch):
    """While the save waits in the executor, the item shows the values it will have (the
    domain's rule: leaving 'blocked' clears the reason); a refusal puts the item back as it was."""
    driver = open_window(nirs_file)
    panel = driver.panel("checklists")
    panel.set_affiliate("bank")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 1)
    item = panel.model.item_at(panel.model.index(1, 0))
    key = (item.affiliate, item.checklist, item.item)
    waiting = []
    monkeypatch.setattr(panel._executor, "submit",
                        lambda fn, done=None, failed=None, **how: waiting.append(failed))
    errors = []
    monkeypatch.setattr(checklist_panel, "show_error", lambda parent, exc: errors.append(str(exc)))
    blocked = dataclasses.replace(item, state="blocked", reason="회선 장애", note="")
    panel._save(blocked, {"state": "doing", "note": "  복구 중 "})
    shown = panel.model.item(key)
    assert (shown.state, shown.reason, shown.note) == ("doing", "", "복구 중")
    panel._save(item, {"state": "blocked"})  # no reason: the rules refuse; nothing drawn
    assert panel.model.item(key) == shown
    waiting[0](InvalidInput("저장 실패"))
    assert panel.model.item(key) == blocked  # what was drawn before that save
    assert errors == ["저장 실패"]
