from datetime import timedelta

import pytest

from crisisdesk.domain.errors import InvalidInput
from tests.desk.factories import activate_nirs, make_desk


@pytest.fixture
def desk(tmp_path):
    desk = make_desk(tmp_path / "d.sqlite")
    yield desk
    assert desk.verify().ok
    desk.close()


def test_decisions_belong_to_the_open_meeting_and_amendments_keep_the_original(desk):
    ev = activate_nirs(desk)
    outside = desk.council.record_decision(ev, "회의 전 긴급 결정").created
    meeting = desk.council.open_meeting(ev, "1차 협의회", ["chair", "cio"]).created
    with pytest.raises(InvalidInput, match="already open"):
        desk.council.open_meeting(ev, "중복", [])
    first = desk.council.record_decision(ev, "상담 인력 1.5배", rationale="문의 급증", affiliates=["bank"]).created
    desk.council.amend_decision(ev, first, "상담 인력 2배", "토요일 문의 2배")
    desk.council.withdraw_decision(ev, outside, "불필요")
    desk.council.close_meeting(ev)
    decisions = {d.id: d for d in desk.views.decisions(ev)}
    assert set(decisions) == {outside, first}
    original = decisions[first]
    assert (original.text, original.meeting, original.attendees) == ("상담 인력 1.5배", meeting, ("chair", "cio"))
    assert [a.text for a in original.amendments] == ["상담 인력 2배"]
    assert decisions[outside].withdrawn and decisions[outside].meeting == ""
    with pytest.raises(InvalidInput, match="no council meeting is open"):
        desk.council.close_meeting(ev)


def test_actions_born_from_decisions_go_overdue(desk):
    ev = activate_nirs(desk)
    decision = desk.council.record_decision(ev, "점검표 배포").created
    action = desk.council.create_action(ev, "점검표 취합", "bcp-officer", desk.clock() + timedelta(hours=2),
                                decision=decision).created
    [view] = desk.views.actions(ev)
    assert (view.decision, view.owner, view.overdue) == (decision, "bcp-officer", False)
    assert not desk.views.actions(ev, now=desk.clock() + timedelta(hours=1))[0].overdue
    assert desk.views.actions(ev, now=desk.clock() + timedelta(hours=3))[0].overdue
    desk.council.set_action(ev, action, "done")
    assert not desk.views.actions(ev, now=desk.clock() + timedelta(hours=3))[0].overdue


def test_notice_filled_from_derivation_and_posted_per_channel(desk):
    ev = activate_nirs(desk)
    notice = desk.communications.compose_notice(ev, "bank", "app-banner").created
    [view] = desk.views.notices(ev, "bank")
    assert view.state == "draft"
    remote = desk.events.group().affiliate("bank").service("remote-account").dependency("gov-id-check")
    assert "비대면 계좌개설" in view.body and remote.alternative.ko in view.body
    assert "{" not in view.body + view.title
    assert "경찰청" not in view.body and "행정안전부" not in view.body  # no back-end agencies
    english = desk.communications.compose_notice(ev, "bank", "web-notice", lang="en").created
    assert remote.alternative.en in next(n for n in desk.views.notices(ev) if n.id == english).body
    desk.communications.post_notice(ev, notice, "app")
    desk.communications.post_notice(ev, notice, "web")
    posted = next(n for n in desk.views.notices(ev) if n.id == notice)
    assert posted.state == "posted" and [c for c, _ in posted.posts] == ["app", "web"]
    desk.communications.withdraw_notice(ev, notice, "복구 완료")
    with pytest.raises(InvalidInput, match="withdrawn"):
        desk.communications.post_notice(ev, notice, "sms")


def test_duties_deadlines_and_external_alerts(desk):
    ev = activate_nirs(desk)
    t0 = desk.views.board(ev).event.t0
    desk.clock.advance(minutes=30)  # the government ID check has been down 30 minutes: reportable
    duties = {(d.duty, d.filer): d for d in desk.views.duties(ev)}
    assert duties[("fss-initial", "bank")].deadline == t0 + timedelta(hours=24)
    assert duties[("fss-initial", "bank")].basis == "rule"
    assert duties[("fss-initial", "bank")].target == t0 + timedelta(hours=1)  # the group's own goal
    later = desk.clock() + timedelta(hours=2)
    unfiled = next(d for d in desk.views.duties(ev, now=later) if (d.duty, d.filer) == ("fss-initial", "bank"))
    assert unfiled.target_missed(later) and not unfiled.overdue
    desk.communications.set_duty(ev, "fss-initial", "submitted", filer="bank", reference="FSS-0001")
    filed = next(d for d in desk.views.duties(ev, now=later) if (d.duty, d.filer) == ("fss-initial", "bank"))
    assert not filed.target_missed(later) and filed.reference == "FSS-0001"
    desk.communications.record_alert(ev, "행정안전부(MOIS)", "경계")
    desk.communications.record_alert(ev, "과학기술정보통신부(MSIT)", "심각")
    assert [(a.issuer, a.level) for a in desk.views.board(ev).alerts] == [
        ("행정안전부(MOIS)", "경계"), ("과학기술정보통신부(MSIT)", "심각")]
    assert desk.views.board(ev).event.level == "attention"  # the group's own level is separate
    desk.communications.set_outlook(ev, "24h", "월요일 개점 준비", "추가 인력")
    assert desk.views.outlook(ev)[0].needs == "추가 인력"


def test_timeline_filters_by_affiliate_and_kind(desk):
    ev = activate_nirs(desk)
    desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
    desk.checklists.set_item(ev, "card", "confirm-outage-scope", state="done")
    desk.council.record_decision(ev, "결정")
    everything = desk.views.timeline(ev)
    assert [e.kind for e in everything] == ["event.activated", "checklist.changed", "checklist.changed",
                                            "decision.recorded"]
    assert [e.affiliate for e in desk.views.timeline(ev, affiliate="card")] == ["card"]
    assert [e.kind for e in desk.views.timeline(ev, kinds=("decision",))] == ["decision.recorded"]
    assert "한빛카드" in desk.views.timeline(ev, affiliate="card")[0].summary.ko
