"""A drill in the window: the 모의훈련 banner over every screen, injects released at their time and
by the controller, responses recorded; a real event shows no banner."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from crisisdesk.desk.app import Desk
from crisisdesk.locations import shipped_playbooks_dir
from crisisdesk.ui.main_window import PAGES
from tests.desk.factories import NIRS_T0, activate_nirs, make_desk
from tests.ui.conftest import type_text

DRILL_BOOK = shipped_playbooks_dir() / "drill-gov-id-outage.yaml"


def test_drill_banner_on_every_screen_and_the_controllers_injects(open_window, tmp_path, qtbot, clock):
    path = tmp_path / "desk.sqlite"
    with make_desk(path, clock) as desk:
        event = desk.events.activate(DRILL_BOOK, "그룹 합동 모의훈련", t0=NIRS_T0, drill=True).created
    clock.set(NIRS_T0 + timedelta(minutes=45))  # gov-id-down (T+0:05) and press-enquiry (T+0:40) are due
    driver = open_window(path)
    window = driver.window
    banner = window.drill_banner
    assert window.info.drill and "모의훈련" in banner.label.text() and "[모의훈련]" in window.windowTitle()
    for name, _ in PAGES:
        driver.panel(name)
        assert banner.isVisible(), name
    qtbot.waitUntil(lambda: sum(s.released for s in _injects(path, clock, event)) == 2)

    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    dialog = window.drills.dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 9)
    assert dialog.model.index(0, 0).data() == "T+0:05" and "시각 도래" in dialog.model.index(0, 4).data()
    dialog.table.selectRow(3)  # bank-complaints, T+1:30: released early by the controller
    qtbot.mouseClick(dialog.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "통제관" in (dialog.model.index(3, 4).data() or ""))
    dialog.responder.setCurrentIndex(dialog.responder.findData("bank"))
    type_text(dialog.response, "콜센터 상담 인력 40명 추가")
    qtbot.mouseClick(dialog.respond_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.index(3, 5).data() == "한빛은행")
    assert dialog.response.text() == ""
    dialog.close()
    timeline = driver.panel("timeline")
    timeline.kind.setCurrentIndex(timeline.kind.count() - 1)  # drill, review, 24-hour room

    def summaries() -> list[str]:
        return [timeline.model.index(r, 2).data() for r in range(timeline.model.rowCount())]

    qtbot.waitUntil(lambda: summaries() and all("모의훈련" in s for s in summaries()))
    assert any("모의훈련 상황 대응" in s for s in summaries()) and len(summaries()) == 4  # 3 released, 1 response
    statuses = {s.inject.id: s for s in _injects(path, clock, event)}
    assert statuses["bank-complaints"].released_by == "controller"
    assert [a for a, _ in statuses["bank-complaints"].responses] == ["bank"]


def test_a_real_event_has_no_drill_banner(open_window, nirs_file):
    driver = open_window(nirs_file)
    assert not driver.window.info.drill and not driver.window.drill_banner.isVisible()
    assert driver.window.drills.injects(driver.window.info) is None
    assert "[모의훈련]" not in driver.window.windowTitle()


def test_the_banner_follows_the_event_shown(open_window, tmp_path, qtbot, clock):
    path = tmp_path / "desk.sqlite"
    with make_desk(path, clock) as desk:
        real = activate_nirs(desk)
        drill = desk.events.activate(DRILL_BOOK, "모의훈련", t0=NIRS_T0, drill=True).created
    driver = open_window(path)
    window = driver.window
    window.set_event(drill)
    qtbot.waitUntil(lambda: window.info.id == drill and window.drill_banner.isVisible())
    window.set_event(real)
    qtbot.waitUntil(lambda: window.info.id == real and not window.drill_banner.isVisible())


def _injects(path, clock, event):
    with Desk.open(path, clock=clock) as desk:
        return desk.drills.injects(event)
