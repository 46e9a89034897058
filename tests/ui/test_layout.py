"""The views fit the common screen sizes: nothing cut off at the right edge, nothing drawn over another."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.desk.exchange_service import ExchangeService
from tests.desk.factories import ManualClock

SIZES = [(1440, 900), (1920, 1080)]
PASSPHRASE = "layout-test-passphrase"


def _at_size(driver, qtbot, width: int, height: int) -> None:
    driver.window.resize(width, height)
    qtbot.waitUntil(lambda: driver.window.size().width() == width)
    driver.settle()


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_impact_form_shows_every_field_whole(open_window, demo_copy, qtbot, width, height):
    driver = open_window(demo_copy)
    _at_size(driver, qtbot, width, height)
    driver.window.open_affiliate("bank")
    panel = driver.window.panels["affiliates"]
    qtbot.waitUntil(lambda: panel.form.rows and panel.form.rows["customers-affected"].answer is not None)
    driver.settle()
    viewport = panel.form_scroll.viewport()
    parts = [w for w in panel.form.findChildren(QWidget)
             if isinstance(w, (QLabel, QLineEdit, QComboBox, QPushButton)) and w.isVisibleTo(panel.form)
             and not isinstance(w.parentWidget(), QComboBox)]
    assert len(parts) > 50
    cut = [w.objectName() or w.text() for w in parts
           if _rect_in(w, viewport).left() < 0 or _rect_in(w, viewport).right() >= viewport.width()]
    assert cut == []
    over = [(a.objectName() or a.text(), b.objectName() or b.text()) for a, b in combinations(parts, 2)
            if _rect_in(a, viewport).intersects(_rect_in(b, viewport))]
    assert over == []


def _trusting_two_desks(path, folder) -> None:
    """The desk trusts a bank desk and has revoked a savings bank desk, with a long reason."""
    clock = ManualClock(DEMO_NOW)
    with Desk.open(path, clock=clock) as group:
        on_group = ExchangeService(group)
        on_group.init("group", key_file=folder / "group.key", passphrase=PASSPHRASE)
        for affiliate in ("bank", "nambu-bank"):
            with Desk.open(folder / f"{affiliate}.sqlite", clock=clock) as desk:
                peer = ExchangeService(desk)
                peer.init("affiliate", group=group.group().id, affiliate=affiliate,
                          key_file=folder / f"{affiliate}.key", passphrase=PASSPHRASE)
                on_group.enrol(peer.export_public_key(folder / f"{affiliate}.cdkey"))
                desk_id = peer.me().desk
        on_group.revoke(desk_id, "키 파일 분실 신고 — 새 키로 다시 등록할 때까지 이 데스크의 패킷은 모두 거부")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_trusted_desks_fit_the_table_without_scrolling_sideways(open_window, demo_copy, qtbot, tmp_path,
                                                                    width, height):
    _trusting_two_desks(demo_copy, tmp_path)
    driver = open_window(demo_copy)
    _at_size(driver, qtbot, width, height)
    panel = driver.panel("exchange")
    qtbot.waitUntil(lambda: panel.peers.rowCount() == 2)
    driver.settle()
    table, model = panel.peer_table, panel.peers
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    for column in (2, 4):  # the fingerprint and the enrolment time are whole
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)
    revoked = next(row for row, peer in enumerate(model.rows()) if not peer.active)
    assert model.rows()[revoked].reason in model.index(revoked, 3).data(Qt.ItemDataRole.ToolTipRole)
    for row in range(model.rowCount()):
        for column in (0, 1, 3):  # what may be elided is whole in its tooltip
            index = model.index(row, column)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
