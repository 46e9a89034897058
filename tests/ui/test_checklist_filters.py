"""The checklist's filters read from the lists the model keeps (`Flags`), its rows look keys up lazily, and
the filter boxes are written to the settings after the ticking pauses: the same rows as reading every
item, kept up to date as items change."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from itertools import product

from PySide6.QtCore import QSettings

from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.ui.checklist.checklist_filter import Filters, shown, shown_flagged
from crisisdesk.ui.checklist.checklist_model import ChecklistModel
from crisisdesk.ui.checklist.checklist_panel import ChecklistPanel
from crisisdesk.ui.checklist.checklist_rows import Flags, Rows, key_of, ordered
from crisisdesk.ui.executor import DeskExecutor


def _event(desk):
    return desk.events.event_records("open")[0].id


def _every_filter(roles):
    for not_done, overdue, critical, mine in product((False, True), repeat=4):
        for role in roles if mine else ("",):
            yield Filters(not_done=not_done, overdue=overdue, critical=critical, mine=mine, role=role)


def test_the_lists_show_the_same_items_as_reading_each_item(demo_desk):
    event = _event(demo_desk)
    items = ordered(demo_desk.views.checklist(event), demo_desk.events.event(event))
    some = [dataclasses.replace(i, due=None) if n % 7 == 0 else i for n, i in enumerate(items)]  # no due date
    flags = Flags(some)
    keys = [key_of(i) for i in some]
    roles = sorted({i.owner for i in some})[:3]
    assert roles
    for now in (DEMO_NOW - timedelta(days=1), DEMO_NOW, DEMO_NOW + timedelta(days=3)):
        for f in _every_filter(roles):
            assert shown_flagged(flags, f, now) == shown(keys, some, f, now), f


def test_the_lists_follow_an_item_ticked_and_an_affiliate_reloaded(demo_desk):
    event = _event(demo_desk)
    model = ChecklistModel(lambda: DEMO_NOW)
    model.set_info(demo_desk.events.event(event))
    items = demo_desk.views.checklist(event)
    model.set_items(items)
    item = next(i for i in model.items() if i.state == "todo")
    model.set_filters(not_done=True)
    assert model.index_of(key_of(item)).isValid()
    model.replace_item(dataclasses.replace(item, state="done"))  # leaves the rows shown
    assert not model.index_of(key_of(item)).isValid()
    model.set_filters(not_done=False)
    model.set_filters(not_done=True)  # laid out again from the lists: still left out
    assert not model.index_of(key_of(item)).isValid()
    same = [dataclasses.replace(i, state="todo") if key_of(i) == key_of(item) else i
            for i in items if i.affiliate == item.affiliate]
    model.update_affiliates([item.affiliate], same)  # the same items, new values
    assert model.index_of(key_of(item)).isValid()
    model.set_filters(not_done=False, critical=True)
    critical = [key_of(i) for i in ordered(items, model.info) if i.critical]
    assert critical and [key_of(i) for i in model.items()] == critical


def test_rows_find_each_key_before_and_after_they_are_indexed():
    keys = [("bank", "p1", "a"), ("card", "p1", "b"), ("bank", "p2", "c"), ("card", "p2", "d")]
    rows = Rows(keys)
    assert rows.keys == [("", "p1"), *keys[:2], ("", "p2"), *keys[2:]]
    for _ in range(3):  # the first lookup reads the list, the next ones the index
        assert [rows.row_of(k) for k in keys] == [1, 2, 4, 5]
        assert rows.row_of(("bank", "p3", "x")) is None
    fewer = rows.without(4, 4)
    assert fewer.row_of(keys[3]) == 4 and fewer.row_of(keys[2]) is None and fewer.totals == {"p1": 2, "p2": 1}
    assert fewer.row_of(keys[3]) == 4
    assert Rows([]).row_of(keys[0]) is None and Rows([]).row_of(keys[0]) is None


def test_the_filter_boxes_are_remembered_once_the_ticking_pauses_or_the_panel_is_left(qtbot):
    panel = ChecklistPanel(DeskExecutor(lambda: None))
    qtbot.addWidget(panel)
    panel.show()
    panel.checks["overdue"].setChecked(True)
    assert QSettings().value("checklist/overdue", False, type=bool) is False  # not in the same turn
    qtbot.waitUntil(lambda: QSettings().value("checklist/overdue", False, type=bool) is True, timeout=5000)
    panel.checks["critical"].setChecked(True)
    panel.hide()  # another panel shown, or the window closed
    assert QSettings().value("checklist/critical", False, type=bool) is True
    again = ChecklistPanel(DeskExecutor(lambda: None))
    qtbot.addWidget(again)
    assert again.checks["overdue"].isChecked() and again.checks["critical"].isChecked()
