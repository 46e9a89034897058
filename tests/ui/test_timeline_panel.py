"""The timeline panel keeps up by reading only what was journaled since its last read: a change
made elsewhere is added at the end without reloading the table; an entry whose clock falls
between those shown (from another desk) is put in its place, without reading the rest again; the
search runs over the loaded entries once typing pauses."""

from __future__ import annotations

import dataclasses

from crisisdesk.desk.app import Desk
from crisisdesk.domain.ids import new_id
from crisisdesk.ui.timeline import timeline_panel
from tests.ui.conftest import type_text


def _counting_resets(model) -> list:
    resets: list = []
    model.modelReset.connect(lambda: resets.append(1))
    return resets


def test_a_change_made_elsewhere_is_added_without_reading_everything_again(open_window, nirs_file, qtbot, clock):
    driver = open_window(nirs_file)
    panel = driver.panel("timeline")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    before = panel.model.entries()
    resets = _counting_resets(panel.model)
    with Desk.open(nirs_file, clock=clock, author="다른 창") as other:
        item = other.views.checklist(None, "bank")[3]
        other.checklists.set_item(None, "bank", f"{item.checklist}/{item.item}", state="doing", note="점검 중")
    qtbot.waitUntil(lambda: len(panel.model.entries()) == len(before) + 1, timeout=4000)
    added = panel.model.entries()[-1]
    assert panel.model.entries()[:-1] == before and added.author == "다른 창" and added.hlc > before[-1].hlc
    assert resets == []  # inserted, not reset
    assert panel.model.index(panel.model.rowCount() - 1, 1).data() == "다른 창"


def test_an_entry_dated_between_those_shown_is_put_in_its_place(open_window, demo_copy, qtbot, clock):
    driver = open_window(demo_copy)
    panel = driver.panel("timeline")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 1)
    first, count = panel.model.entries()[0], len(panel.model.entries())
    resets = _counting_resets(panel.model)
    with Desk.open(demo_copy, clock=clock, author="지점 데스크") as other:
        item = other.views.checklist(None, "bank")[2]
        other.checklists.set_item(None, "bank", f"{item.checklist}/{item.item}", state="doing")
        made = next(other.store.entries(after=other.journal_length() - 1)).entry
        wall, _, desk = first.hlc.split(".")
        early = dataclasses.replace(made, id=new_id(), hlc=f"{wall}.000001.{desk}")  # just after the first
        other.store.append([early])
    qtbot.waitUntil(lambda: len(panel.model.entries()) == count + 2, timeout=4000)
    clocks = [e.hlc for e in panel.model.entries()]
    assert clocks == sorted(clocks) and clocks[1] == early.hlc
    assert resets and panel.model.entries()[0] is first  # merged in place, not read again whole


def test_the_search_filters_the_loaded_entries_once_typing_pauses(open_window, demo_copy, qtbot):
    driver = open_window(demo_copy)
    panel = driver.panel("timeline")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 1)
    loaded = len(panel.model.entries())
    word = panel.model.index(0, 2).data().split()[0]
    type_text(panel.search, word)
    assert panel.model.rowCount() == loaded  # not yet: typing goes on
    qtbot.waitUntil(lambda: panel.model.rowCount() < loaded)
    shown = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
    assert shown and all(word.casefold() in s.casefold() for s in shown)
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == loaded)


def test_a_long_timeline_comes_in_pages_the_latest_first(open_window, demo_copy, qtbot, clock, monkeypatch):
    monkeypatch.setattr(timeline_panel, "PAGE", 40)  # the demo's 228 entries: six pages
    driver = open_window(demo_copy)
    panel = driver.panel("timeline")
    on_top: list[int] = []
    panel.model.rowsInserted.connect(lambda _parent, first, last: on_top.append(last + 1) if first == 0 else None)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    with Desk.open(demo_copy, clock=clock, author="다른 창") as other:  # a change while pages come in
        item = other.views.checklist(None, "bank")[5]
        other.checklists.set_item(None, "bank", f"{item.checklist}/{item.item}", state="doing")
        whole = [e.seq for e in other.views.timeline()]
    qtbot.waitUntil(lambda: len(panel.model.entries()) == len(whole) and not panel.loading.isVisible(),
                    timeout=10000)
    assert [e.seq for e in panel.model.entries()] == whole  # each once, in order
    assert on_top and all(count <= 40 for count in on_top)  # earlier pages went in above
    assert panel.table.verticalScrollBar().value() == panel.table.verticalScrollBar().maximum()  # the latest in view
    widest = panel.table.fontMetrics().horizontalAdvance(str(max(whole)))
    assert panel.table.horizontalHeader().sectionSize(timeline_panel.SEQ) > widest  # no number cut
