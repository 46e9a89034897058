"""The views fit the common screen sizes: nothing cut off at the right edge, nothing drawn over another."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.ui.checklist.checklist_model import DUE, RELATIVE, STATE, TITLE
from crisisdesk.ui.rows_model import ROW_ROLE
from crisisdesk.ui.tables import SCROLL_SETTLE_MS
from tests.desk.factories import ManualClock

SIZES = [(1440, 900), (1920, 1080)]
PASSPHRASE = "layout-test-passphrase"


def _at_size(driver, qtbot, width: int, height: int) -> None:
    driver.window.resize(width, height)
    qtbot.waitUntil(lambda: driver.window.size().width() == width)
    driver.settle()


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _fitted(qtbot, view, header) -> dict[int, int]:
    """The shown columns' widths, once they fill the view without scrolling sideways."""
    def fits() -> None:
        assert header.length() <= view.viewport().width(), f"{header.length()} px of columns in a {view.viewport().width()} px view"

    qtbot.waitUntil(fits)
    assert view.horizontalScrollBar().maximum() == 0
    return {c: header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)}


def _whole(view, widths: dict[int, int], cell) -> bool:
    return view.sizeHintForIndex(cell).width() <= widths[cell.column()]


def _items_in_view(table) -> list:
    """The item rows of the checklist (not the phases' header rows) that can be seen."""
    model, view = table.model(), table.viewport().rect()
    return [index for index in (model.index(r, 0) for r in range(model.rowCount()))
            if not model.is_phase(index.row()) and table.visualRect(index).intersects(view)]


def _check_the_checklist_fits(qtbot, checklist) -> None:
    """Title, state and due stay readable in the rows in view, at the top and once scrolled to the
    bottom; what is elided is whole in its tooltip."""
    tree = checklist.view
    widths = _fitted(qtbot, tree, tree.horizontalHeader())
    assert widths[TITLE] >= tree.sizeHintForColumn(TITLE) or widths[TITLE] == max(widths.values())
    _check_rows_in_view(tree, widths)
    tree.scrollToBottom()  # the rows scrolled into view are measured once the scrolling pauses
    qtbot.waitUntil(lambda: _check_rows_in_view(tree, _fitted(qtbot, tree, tree.horizontalHeader())),
                    timeout=20 * SCROLL_SETTLE_MS)


def _check_rows_in_view(tree, widths: dict[int, int]) -> None:
    items = _items_in_view(tree)
    assert items
    for item in items:
        assert all(_whole(tree, widths, item.siblingAtColumn(c)) for c in (DUE, RELATIVE))
        if not item.data(ROW_ROLE).reason:  # a blocked item's reason may be elided, not its state
            assert _whole(tree, widths, item.siblingAtColumn(STATE))
        for column in widths.keys() - {DUE, RELATIVE}:
            cell = item.siblingAtColumn(column)
            assert not cell.data() or cell.data() in cell.data(Qt.ItemDataRole.ToolTipRole)


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
                peer.init("affiliate", group=group.events.group().id, affiliate=affiliate,
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
    widths = _fitted(qtbot, table, table.horizontalHeader())
    for column in (2, 4):  # the fingerprint and the enrolment time are whole
        assert widths[column] >= table.sizeHintForColumn(column)
    revoked = next(row for row, peer in enumerate(model.rows()) if not peer.active)
    assert model.rows()[revoked].reason in model.index(revoked, 3).data(Qt.ItemDataRole.ToolTipRole)
    for row in range(model.rowCount()):
        for column in (0, 1, 3):  # what may be elided is whole in its tooltip
            index = model.index(row, column)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_affiliate_view_fits_its_services_and_checklist_without_scrolling_sideways(
        open_window, demo_copy, qtbot, width, height):
    driver = open_window(demo_copy)
    _at_size(driver, qtbot, width, height)
    driver.window.open_affiliate("bank")
    panel = driver.window.panels["affiliates"]
    qtbot.waitUntil(lambda: panel.services.rowCount() > 0 and panel.checklist.model.rowCount() > 0)
    driver.settle()
    table, model = panel.service_table, panel.services
    widths = _fitted(qtbot, table, table.horizontalHeader())
    assert widths[0] >= table.sizeHintForColumn(0) or widths[0] == max(widths.values())  # the service
    for row in range(model.rowCount()):
        assert all(_whole(table, widths, model.index(row, c)) for c in (1, 2))  # status and RTO
        for column in (0, 3, 4, 5, 6):
            index = model.index(row, column)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    _check_the_checklist_fits(qtbot, panel.checklist)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_checklist_fits_without_scrolling_sideways(open_window, demo_copy, qtbot, width, height):
    driver = open_window(demo_copy)
    _at_size(driver, qtbot, width, height)
    _check_the_checklist_fits(qtbot, driver.panel("checklists"))


SMALL = (1366, 768)


def test_the_decision_log_shows_rows_enough_and_never_scrolls_sideways_on_a_small_screen(open_window, demo_copy,
                                                                                          qtbot):
    driver = open_window(demo_copy)
    _at_size(driver, qtbot, *SMALL)
    panel = driver.panel("decisions")
    qtbot.waitUntil(lambda: panel.decisions.rowCount() > 6 and panel.actions.rowCount() > 3)
    driver.settle()
    tree = panel.tree
    _fitted(qtbot, tree, tree.header())
    row = tree.visualRect(panel.decisions.index(0, 0)).height()
    assert tree.viewport().height() >= 6 * row, "fewer than six decisions in view"
    for column in range(1, panel.decisions.columnCount()):  # what the log cuts, its tooltip gives whole
        index = panel.decisions.index(1, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    table = panel.action_table
    _fitted(qtbot, table, table.horizontalHeader())
    assert table.viewport().height() >= 3 * table.rowHeight(0), "fewer than three actions in view"


def test_the_affiliate_view_shows_its_notes_whole_on_a_small_screen(open_window, demo_copy, qtbot):
    driver = open_window(demo_copy)
    _at_size(driver, qtbot, *SMALL)
    driver.window.open_affiliate("bank")
    panel = driver.window.panels["affiliates"]
    qtbot.waitUntil(lambda: panel.services.rowCount() > 0 and panel.form.rows
                    and panel.form.rows["services"].answer is not None)
    driver.settle()
    notes = [w for w in panel.form.findChildren(QLineEdit) if w.objectName().startswith("service-note-") and w.text()]
    assert len(notes) >= 2
    for note in notes:
        inside = note.width() - 2 * note.style().pixelMetric(note.style().PixelMetric.PM_DefaultFrameWidth) - 8
        assert note.fontMetrics().horizontalAdvance(note.text()) <= inside, f"{note.text()!r} cut in {note.width()} px"
    _fitted(qtbot, panel.service_table, panel.service_table.horizontalHeader())
    assert panel.correction.note.width() >= 140
    assert not panel.list.horizontalScrollBar().isVisible()
    assert all(driver.window.rect().contains(_rect_in(w, driver.window))
               for w in (panel.list, panel.form_scroll, panel.service_table, panel.checklist))
