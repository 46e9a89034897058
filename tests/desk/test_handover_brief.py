"""The handover brief on a busy desk agrees with the timeline read the long way: every change
since the last handover is listed, summed up by affiliate (checklist ticks) or counted, and the
listing stays bounded however much happened (a 150,000-entry desk took 5.8 s and 5,400 lines)."""

from __future__ import annotations

from collections import Counter

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import build_demo
from crisisdesk.domain import handover
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.group import GROUP_DESK


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("brief") / "demo.sqlite"
    build_demo(path)
    return path


def _since_the_last_handover(desk, brief):
    """The brief's changes read the long way: the whole timeline, filtered."""
    return [e for e in desk.views.timeline() if brief.since <= e.at <= brief.at
            and e.kind not in handover.ROOM_KINDS]


def _deadlines(desk, brief):
    """Items not done and duties not filed, due within the horizon, read whole."""
    by = brief.at + handover.HORIZON
    items = [i for i in desk.views.checklist(now=brief.at) if i.state not in ("done", "n/a") and i.due <= by]
    duties = [d for d in desk.views.duties(now=brief.at) if d.state == "due" and d.deadline and d.deadline <= by]
    return len(items) + len(duties)


def test_a_quiet_shift_lists_every_change(demo):
    with Desk.open(demo, create=False) as desk:
        brief = desk.room.handover_brief()
        expected = _since_the_last_handover(desk, brief)
        assert [c.seq for c in brief.changes] == [e.seq for e in expected]
        assert (brief.unlisted, brief.ticks, brief.later_deadlines) == (0, (), 0)
        assert len(brief.deadlines) == _deadlines(desk, brief)


def test_a_busy_shift_sums_ticks_by_affiliate_lists_the_latest_changes_and_counts_the_rest(demo, monkeypatch):
    monkeypatch.setattr(handover, "LISTED", 40)  # the demo's shift, as busy as a large group's
    with Desk.open(demo, create=False) as desk:
        brief = desk.room.handover_brief()
        expected = _since_the_last_handover(desk, brief)
        ctx = desk.events.event(None)
        names = {a.id: a.name.ko for a in ctx.group.affiliates} | {GROUP_DESK: ctx.group.name.ko}
        ticks = Counter(names[e.affiliate] for e in expected if e.kind == Kind.CHECKLIST_CHANGED)
        others = [e for e in expected if e.kind != Kind.CHECKLIST_CHANGED]
        assert sum(ticks.values()) > 40 and len(others) > 40
        assert {name.ko: count for name, count in brief.ticks} == ticks
        assert [count for _, count in brief.ticks] == sorted(ticks.values(), reverse=True)  # most first
        assert [c.seq for c in brief.changes] == [e.seq for e in others[-40:]]  # the latest, in order
        assert brief.unlisted == len(others) - 40 and brief.changed == len(expected)
        assert len(brief.deadlines) == 40 and len(brief.deadlines) + brief.later_deadlines == _deadlines(desk, brief)
        assert [d.due for d in brief.deadlines] == sorted(d.due for d in brief.deadlines)
        lines = brief.lines("ko", ctx.group.timezone)
        assert lines[0] == f"변경 사항 (직전 인계 이후): {len(expected):,}"
        assert f"  체크리스트 항목 변경 {sum(ticks.values()):,}건 (계열사별)" in lines
        assert f"  그 이전 변경 {len(others) - 40:,}건은 타임라인 참조" in lines
        assert f"  그 밖의 기한 {brief.later_deadlines:,}건은 체크리스트 참조" in lines
        assert len(lines) < 4 * 40 + len(ticks)
        english = brief.lines("en", ctx.group.timezone)
        assert f"  {len(others) - 40:,} earlier changes: see the timeline" in english
