"""After-action reviews on one desk: findings, corrective actions tracked across events, the report
file written whole or not at all, the drill register by year."""

from datetime import UTC, datetime, timedelta

import pytest

from crisisdesk.domain.errors import InvalidInput
from tests.desk.factories import NIRS_T0, PLAYBOOKS, ManualClock, activate_nirs, make_desk

DRILL_BOOK = PLAYBOOKS / "drill-gov-id-outage.yaml"
DUE = datetime(2025, 12, 31, 9, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    clock = ManualClock()
    desk = make_desk(tmp_path / "desk.sqlite", clock)
    yield desk
    desk.close()


def test_corrective_actions_stay_tracked_across_events_until_done(desk):
    drill = desk.events.activate(DRILL_BOOK, "상반기 훈련", t0=NIRS_T0, drill=True).created
    finding = desk.reviews.record_finding(drill, "2차 본인확인 업체 전환 절차 없음").created
    action = desk.reviews.add_corrective_action(drill, "전환 절차 매뉴얼 반영", "IT기획팀장", DUE, finding).created
    desk.events.close_event(drill, "훈련 종료")
    desk.clock.advance(days=30)
    real = activate_nirs(desk, t0=desk.clock())
    carried = desk.reviews.after_action(real).carried
    assert [a.id for a in carried] == [action] and carried[0].event_title == "상반기 훈련"
    desk.reviews.change_corrective_action(action[:10], "done", "매뉴얼 v4 반영")
    assert desk.reviews.after_action(real).carried == ()
    [done] = desk.reviews.corrective_actions()
    assert (done.state, done.note, done.finding) == ("done", "매뉴얼 v4 반영", finding)
    assert desk.reviews.corrective_actions(open_only=True) == []
    assert desk.verify().ok


def test_review_input_is_refused_with_nothing_saved(desk):
    drill = desk.events.activate(DRILL_BOOK, "훈련", t0=NIRS_T0, drill=True).created
    before = desk.journal_length()
    with pytest.raises(InvalidInput, match="needs its text"):
        desk.reviews.record_finding(drill, " ")
    with pytest.raises(InvalidInput, match="needs an owner"):
        desk.reviews.add_corrective_action(drill, "조치", "", DUE)
    with pytest.raises(InvalidInput, match="needs a timezone"):
        desk.reviews.add_corrective_action(drill, "조치", "담당", DUE.replace(tzinfo=None))
    with pytest.raises(InvalidInput, match="no finding 'nope'"):
        desk.reviews.add_corrective_action(drill, "조치", "담당", DUE, "nope")
    with pytest.raises(InvalidInput, match="no corrective action 'zzz'"):
        desk.reviews.change_corrective_action("zzz", "done")
    with pytest.raises(InvalidInput, match="unknown state 'finished'"):
        desk.reviews.change_corrective_action("zzz", "finished")
    assert desk.journal_length() == before


def test_the_report_is_written_whole_or_not_at_all(desk, tmp_path):
    drill = desk.events.activate(DRILL_BOOK, "훈련", t0=NIRS_T0, drill=True).created
    with pytest.raises(InvalidInput, match="is a folder"):
        desk.reviews.write_after_action(drill, tmp_path)
    missing = tmp_path / "no-such-folder" / "r.pdf"
    with pytest.raises(InvalidInput, match="cannot write the report"):
        desk.reviews.write_after_action(drill, missing)
    assert not missing.parent.exists()
    out = tmp_path / "r.pdf"
    rendered = desk.reviews.write_after_action(drill, out)
    assert out.read_bytes() == rendered.data and rendered.pages >= 1
    assert not list(tmp_path.glob("*.partial"))


def test_the_register_lists_the_years_drills_only(desk):
    first = desk.events.activate(DRILL_BOOK, "상반기 훈련", t0=NIRS_T0, drill=True).created
    activate_nirs(desk)  # real: never in the register
    desk.events.activate(DRILL_BOOK, "내년 훈련", t0=NIRS_T0 + timedelta(days=120), drill=True)
    desk.clock.advance(hours=1)
    desk.drills.release_due(first)
    [row] = desk.reviews.drill_register(2025)
    assert (row.event_id, row.injects_released, row.affiliates) == (first, 3, 9)
    assert [r.title for r in desk.reviews.drill_register(2026)] == ["내년 훈련"]
    assert desk.reviews.drill_register(2024) == []


def test_a_real_events_review_is_the_after_action_review_without_the_band(desk, tmp_path):
    from pypdf import PdfReader

    real = activate_nirs(desk)
    desk.clock.advance(hours=2)
    desk.reviews.record_finding(real, "최초보고 목표 1시간을 넘김")
    for lang, title in (("ko", "사후 검토 보고서"), ("en", "After-Action Review")):
        out = tmp_path / f"review-{lang}.pdf"
        desk.reviews.write_after_action(real, out, lang)
        pages = [p.extract_text() for p in PdfReader(out).pages]
        assert title in pages[0] and not any("모의훈련" in p or "DRILL" in p for p in pages)
        assert "최초보고 목표 1시간을 넘김" in "".join(pages)
