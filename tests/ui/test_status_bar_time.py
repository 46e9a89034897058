"""The status bar reads times in the group's time zone, not the machine's."""

from __future__ import annotations

import time

import pytest

from crisisdesk.desk.app import Desk
from tests.desk.factories import GROUP_FILE, activate_nirs


@pytest.fixture
def machine_in_new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _desk(tmp_path, clock, zone: str, event: bool):
    group = tmp_path / "group.yaml"
    group.write_text(GROUP_FILE.read_text(encoding="utf-8").replace("timezone: Asia/Seoul", f"timezone: {zone}"),
                     encoding="utf-8")
    path = tmp_path / "desk.sqlite"
    with Desk.open(path, clock=clock) as desk:
        desk.events.load_group(group)
        if event:
            activate_nirs(desk)
    return path


@pytest.mark.parametrize(("zone", "event", "shown"), [("Asia/Seoul", True, "20:20:00"),
                                                       ("Europe/London", True, "12:20:00"),
                                                       ("Europe/London", False, "12:20:00")])
def test_the_last_save_reads_in_the_group_zone(open_window, tmp_path, clock, qtbot, machine_in_new_york,
                                                zone, event, shown):
    driver = open_window(_desk(tmp_path, clock, zone, event))  # the clock: 2025-09-26 11:20 UTC
    status = driver.window.status
    qtbot.waitUntil(lambda: status._zone.key == zone)
    status.mark_saved()
    assert status.saved.text() == f"마지막 저장 {shown}"  # New York's machine clock says 07:20
    assert zone in status.saved.toolTip()
