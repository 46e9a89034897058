"""The views fit the common screen sizes: nothing cut off at the right edge, nothing drawn over another."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

SIZES = [(1440, 900), (1920, 1080)]


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
