"""The group inventory workbook from the settings: the template filled from the desk's group, a
refused workbook's problems listed by cell, and a good one written and loaded into the desk."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QMessageBox

from crisisdesk.desk.app import Desk
from crisisdesk.formats.group_file import load_group
from tests.desk.factories import ManualClock


def test_template_then_refused_then_imported_and_loaded(open_window, demo_copy, qtbot, tmp_path, clock):
    driver = open_window(demo_copy)
    settings = driver.panel("settings")
    actions = settings.group_workbook
    template = tmp_path / "inventory.xlsx"
    with qtbot.waitSignal(actions.template_written, timeout=20000):
        actions.write_template(template)
    assert str(template) in settings.group_state.text()
    book = openpyxl.load_workbook(template)
    assert book["계열사"]["A2"].value == "bank"  # filled from the demo desk's group

    book["계열사"]["G2"] = "전부"
    book["서비스"]["F2"] = "3시간"
    book.save(template)
    out = tmp_path / "group.yaml"
    with qtbot.waitSignal(actions.refused, timeout=20000) as refused:
        actions.import_workbook(template, out)
    dialog = refused.args[0]
    listed = dialog.problems.toPlainText().splitlines()
    assert any("'계열사' 시트 2행 G열(DR 용량(%)): 0에서 100" in line for line in listed)
    assert any("'서비스' 시트 2행 F열(RTO): 기간은" in line for line in listed)
    assert not out.exists()
    dialog.reject()

    book["계열사"]["G2"] = 100
    book["서비스"]["F2"] = "4h"
    book.save(template)
    with qtbot.waitSignal(actions.imported, timeout=20000):
        actions.import_workbook(template, out)
    assert load_group(out).value.affiliate("bank").services[0].rto.total_seconds() == 4 * 3600
    box = settings.findChild(QMessageBox, "groupFileWritten")
    qtbot.waitUntil(lambda: box.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    driver.settle()
    driver.window.close()
    with Desk.open(demo_copy, clock=ManualClock(clock())) as desk:
        assert desk.events.group().affiliate("bank").services[0].rto.total_seconds() == 4 * 3600
