"""The board on the projector and the desk: every tile inside the visible area, large type, pages that turn."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.desk.wide_demo import build_wide_demo
from crisisdesk.ui.board import grid_plan
from crisisdesk.ui.style import STALE

SIZES = [(1280, 800), (1366, 768), (1920, 1080)]


@pytest.fixture
def wide_desk(tmp_path):
    """A desk of 30 affiliates (the example group repeated by region), on demo time."""
    path = tmp_path / "wide.sqlite"
    build_wide_demo(path, 30)
    return path


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _presenting_at(driver, qtbot, width: int, height: int, tiles: int):
    """Presentation mode on a `width` x `height` screen: full screen is the whole screen with the
    rail and the status bar hidden; the test screen is smaller, so the window takes the size."""
    window = driver.window
    window.present_action.setChecked(True)
    qtbot.waitUntil(window.isFullScreen)
    window.showNormal()  # still presenting: only the window's size changes
    board = window.panels["board"]

    def at_size() -> bool:  # the window manager may restore the old size after showNormal()
        if window.size() != QSize(width, height):
            window.resize(width, height)
        return window.size() == QSize(width, height) and len(board.tiles()) == tiles

    qtbot.waitUntil(at_size)
    driver.settle()
    qtbot.waitUntil(lambda: board.plan is not None and board.plan.cell_width > 0)
    return board


def _check_page_in_view(board) -> list:
    """The tiles on the current page: whole inside the scroll area's viewport, with no scrollbar;
    their services inside their label. Returns their affiliates."""
    viewport = board.scroll.viewport()
    shown = [t for t in board.tiles() if t.isVisible()]
    assert shown
    for tile in shown:
        rect = _rect_in(tile, viewport)
        assert viewport.rect().contains(rect), f"{tile.objectName()} at {rect} outside {viewport.rect()}"
        label = tile.services
        assert label.heightForWidth(label.width()) <= label.height() + 1, f"{tile.objectName()} cut at the bottom"
        for part in (tile.name, tile.status, tile.progress, tile.overdue, tile.stale):
            assert tile.rect().contains(_rect_in(part, tile)), f"{part.objectName()} outside its tile"
    assert board.scroll.verticalScrollBar().maximum() == 0
    assert board.scroll.horizontalScrollBar().maximum() == 0
    return [t.tile.affiliate for t in shown]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("desk", ["demo", "wide"])
def test_presentation_shows_every_tile_inside_the_screen_in_large_type(open_window, demo_copy, wide_desk, clock,
                                                                       qtbot, desk, width, height):
    clock.set(DEMO_NOW)
    count = 9 if desk == "demo" else 30
    driver = open_window(demo_copy if desk == "demo" else wide_desk)
    board = _presenting_at(driver, qtbot, width, height, count)
    plan = board.plan
    assert plan.font_px >= grid_plan.PROJECTOR.smallest
    assert all(t.font_px() == plan.font_px for t in board.tiles())
    if desk == "demo" or width == 1920:  # nine tiles anywhere, thirty on a full-HD screen: one page
        assert plan.pages == 1
    seen = []
    for _ in range(plan.pages):
        seen += _check_page_in_view(board)
        board.next_page()
    assert sorted(seen) == sorted(t.tile.affiliate for t in board.tiles())  # each once, none left out
    assert board.page == 0  # after the last page, the first again
    assert board.page_label.isVisible() == (plan.pages > 1)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1440, 900)])
def test_the_desk_board_is_not_cut_at_the_bottom(open_window, demo_copy, qtbot, width, height):
    driver = open_window(demo_copy)
    driver.window.resize(width, height)
    board = driver.window.panels["board"]
    qtbot.waitUntil(lambda: len(board.tiles()) == 9 and driver.window.size().width() == width)
    driver.settle()
    assert _check_page_in_view(board) and board.plan.pages == 1
    window_rect = driver.window.rect()
    for tile in board.tiles():
        assert window_rect.contains(_rect_in(tile, driver.window))


def test_a_board_too_big_for_the_desk_scrolls_and_the_projector_pages(open_window, wide_desk, clock, qtbot):
    clock.set(DEMO_NOW)
    driver = open_window(wide_desk)
    driver.window.resize(1024, 700)
    board = driver.window.panels["board"]
    qtbot.waitUntil(lambda: len(board.tiles()) == 30 and driver.window.size().width() == 1024)
    driver.settle()
    assert board.plan.pages == 1 and board.scroll.verticalScrollBar().maximum() > 0  # the desk has a mouse
    assert all(t.isVisibleTo(board) for t in board.tiles())
    board = _presenting_at(driver, qtbot, 1024, 700, 30)
    assert board.plan.pages > 1 and board.pager.isActive()
    assert board.page_label.text() == f"1/{board.plan.pages}쪽"
    first = _check_page_in_view(board)
    board.pager.setInterval(50)  # the page turns by itself (every 15 s on the projector)
    qtbot.waitUntil(lambda: board.page == 1, timeout=3000)
    assert board.page_label.text() == f"2/{board.plan.pages}쪽"
    assert not set(first) & set(_check_page_in_view(board))
    board.pager.setInterval(60_000)
    qtbot.keyClick(driver.window, Qt.Key.Key_PageUp)  # and by hand, from the keyboard or a presenter remote
    assert board.page == 0 and board.page_label.text() == f"1/{board.plan.pages}쪽"
    qtbot.keyClick(driver.window, Qt.Key.Key_PageDown)
    assert board.page == 1
    driver.window.present_action.setChecked(False)
    assert not board.pager.isActive() and not board.page_label.isVisible() and board.page == 0


def test_paging_is_planned_only_where_the_smallest_projector_text_cannot_show_every_tile():
    sizes = grid_plan.PROJECTOR
    assert grid_plan.plan(9, 1256, 640, 10, sizes).pages == 1
    assert grid_plan.plan(30, 1896, 960, 10, sizes).pages == 1
    small = grid_plan.plan(30, 1256, 640, 10, sizes)
    assert small.pages == 2 and small.per_page == 15 and small.font_px >= sizes.smallest
    desk = grid_plan.plan(30, 1000, 500, 10, grid_plan.DESK)
    assert desk.pages == 1 and desk.height > 500 and desk.font_px == grid_plan.DESK.smallest
    for count in (1, 7, 9, 30, 60):
        plan = grid_plan.plan(count, 1896, 960, 10, sizes)
        last = plan.cell(plan.per_page - 1, 10)
        assert last[0] + last[2] <= 1896 and last[1] + last[3] <= 960


def test_a_long_database_path_does_not_widen_the_window_past_a_small_screen(open_window, tmp_path, demo_file, qtbot):
    folder = tmp_path / ("아주 긴 폴더 이름" * 6) / "CrisisDesk" / "data"
    folder.mkdir(parents=True)
    path = folder / "group-crisis-desk.sqlite"
    path.write_bytes(demo_file.read_bytes())
    driver = open_window(path)
    assert driver.window.minimumSizeHint().width() <= 1280
    driver.window.resize(1280, 720)
    status = driver.window.status
    qtbot.waitUntil(lambda: driver.window.size().width() == 1280 and status.path.is_elided())
    assert status.path.toolTip() == str(path)


def test_a_new_event_awaits_first_assessments_before_calling_tiles_stale(open_window, nirs_file, clock, qtbot):
    clock.advance(minutes=1)  # T+0:01
    driver = open_window(nirs_file)
    board = driver.window.panels["board"]
    qtbot.waitUntil(lambda: len(board.tiles()) == 9)
    assert {t.stale.text() for t in board.tiles()} == {"첫 평가 대기"}
    assert not any(STALE in t.stale.styleSheet() for t in board.tiles())
    clock.advance(minutes=60)  # an hour after the activation, silence is stale
    board.tick()
    assert {t.stale.text() for t in board.tiles()} == {"갱신 없음"}
    assert all(STALE in t.stale.styleSheet() for t in board.tiles())


@pytest.mark.parametrize("presenting", [False, True])
def test_the_header_alerts_stay_on_one_line_with_the_whole_list_on_hover(open_window, demo_copy, qtbot, presenting):
    driver = open_window(demo_copy)
    header = driver.window.header
    if presenting:
        _presenting_at(driver, qtbot, 1366, 768, 9)
    else:
        driver.window.resize(1366, 768)
        qtbot.waitUntil(lambda: driver.window.size().width() == 1366)
    qtbot.waitUntil(lambda: header.alerts.text().startswith("외부 경보 3건"))
    alerts = header.alerts
    assert alerts.height() < 2 * alerts.fontMetrics().lineSpacing()
    assert alerts.is_elided() and alerts.toolTip() == alerts.text()
    assert header.height() < 3 * alerts.fontMetrics().lineSpacing()


def test_the_totals_line_wraps_between_figures_never_inside_one(open_window, demo_copy, qtbot):
    from PySide6.QtGui import QTextDocument

    driver = open_window(demo_copy)
    driver.window.resize(1366, 768)
    board = driver.window.panels["board"]
    qtbot.waitUntil(lambda: "RTO" in board.totals.text())
    document = QTextDocument()
    document.setDefaultFont(board.totals.font())
    document.setHtml(board.totals.text())
    parts = re.split(r"\s+·\s+", document.toPlainText())  # (a "·" inside a figure has no spaces)
    assert len(parts) >= 6
    for width in range(300, 1400, 37):  # every width a window or projector may give it
        document.setTextWidth(width)
        document.size()  # laid out
        layout = document.firstBlock().layout()
        lines = [document.toPlainText()[layout.lineAt(i).textStart():][:layout.lineAt(i).textLength()]
                 for i in range(layout.lineCount())]
        for part in parts:
            assert any(part in line for line in lines), f"'{part}' split across lines at {width} px: {lines}"
