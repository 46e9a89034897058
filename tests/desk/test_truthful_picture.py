"""What the board, the duties and the totals tell the council is true (issue: a truthful picture)."""

from datetime import timedelta

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import GROUP_DESK
from tests.desk.factories import NIRS_T0, ManualClock
from tests.desk.truthful_factories import write_files


@pytest.fixture
def desk(tmp_path):
    group, playbook = write_files(tmp_path)
    clock = ManualClock()
    with Desk.open(tmp_path / "d.sqlite", clock=clock, author="tester") as desk:
        desk.events.load_group(group)
        desk.test_playbook = playbook
        yield desk


def _activate(desk, down=("gov-id-check",)):
    return desk.events.activate(desk.test_playbook, "시험", t0=NIRS_T0, down=down).created


def _service(desk, ev, affiliate, service):
    return next(s for s in desk.views.board(ev).tile(affiliate).services if s.service == service)


def test_group_items_exist_once_and_count_once(desk):
    ev = _activate(desk)
    items = desk.views.checklist(ev)
    assert [(i.affiliate, i.item) for i in items if i.checklist == "council"] == [
        (GROUP_DESK, "convene"), (GROUP_DESK, "board-report")]
    desk.clock.advance(hours=2)
    board = desk.views.board(ev)
    assert board.group_progress.applicable == 2 and board.group_progress.overdue_critical == 1
    assert all(t.progress.applicable == 1 for t in board.tiles)  # only check-systems each
    assert board.totals.applicable == 2 + 3 and board.totals.overdue == 1 + 3
    desk.checklists.set_item(ev, GROUP_DESK, "convene", state="done")
    board = desk.views.board(ev)
    assert board.group_progress.closed == 1 and board.totals.overdue == 3
    assert desk.verify().ok


def test_group_items_are_done_by_the_group_desk_only(desk):
    ev = _activate(desk)
    with pytest.raises(InvalidInput, match="bank has no checklist item 'convene'"):
        desk.checklists.set_item(ev, "bank", "convene", state="done")
    with pytest.raises(InvalidInput, match="unknown affiliate 'nobody'"):
        desk.checklists.set_item(ev, "nobody", "convene", state="done")


def test_no_rto_clock_for_a_government_outage(desk):
    ev = _activate(desk)
    desk.clock.advance(hours=5)
    service = _service(desk, ev, "bank", "remote-account")
    assert service.status == "down" and service.rto_deadline is None and service.external
    assert not service.past_rto(desk.clock()) and service.outage(desk.clock()) == timedelta(hours=5)
    board = desk.views.board(ev)
    assert board.past_rto == 0 and board.tile("bank").colour != "red"


def test_rto_clock_for_the_groups_own_system_from_its_failure(desk):
    ev = _activate(desk, down=())
    desk.clock.advance(hours=1)
    desk.events.set_provider(ev, "group-dc", "down")
    service = _service(desk, ev, "bank", "transfers")
    assert service.rto_deadline == desk.clock() + timedelta(hours=3)
    desk.clock.advance(hours=3, minutes=1)
    assert desk.views.board(ev).tile("bank").past_rto >= 1 and desk.views.board(ev).tile("bank").colour == "red"


def test_outsourced_failure_runs_the_clock_but_degraded_never_breaches(desk):
    ev = _activate(desk, down=())
    desk.events.set_provider(ev, "vendor", "degraded")
    desk.clock.advance(hours=6)
    service = _service(desk, ev, "bank", "transfers")
    assert service.status == "degraded" and service.rto_deadline is None
    desk.events.set_provider(ev, "vendor", "down")
    service = _service(desk, ev, "bank", "transfers")
    assert service.rto_deadline == desk.clock() + timedelta(hours=3)
    assert service.down_since == desk.clock() and service.impaired_since == NIRS_T0  # degraded first


def test_an_affiliate_reporting_its_own_service_down_starts_the_clock(desk):
    ev = _activate(desk, down=())
    desk.assessments.assess_service(ev, "capital", "loans", "down", "자체 서버 장애")
    service = _service(desk, ev, "capital", "loans")
    assert service.rto_deadline == desk.clock() + timedelta(hours=24)


def test_each_service_has_its_own_alternative(desk):
    ev = _activate(desk, down=("gov-id-check", "public-mydata"))
    remote = _service(desk, ev, "bank", "remote-account")
    loan = _service(desk, ev, "bank", "mydata-loan")
    teller = _service(desk, ev, "bank", "branch-teller")
    assert [a.ko for a in remote.alternatives] == ["실물 운전면허증"]
    assert [a.ko for a in loan.alternatives] == ["서류 사진 제출", "영업점 방문"]
    assert teller.alternatives == ()  # none written: none shown, never the providers' pool
    desk.communications.compose_notice(ev, "bank", "web")
    body = desk.views.notices(ev, "bank")[0].body
    assert "실물 운전면허증" in body and "서류 사진 제출" in body and "경찰청" not in body


def test_closed_hours_are_shown(desk):
    ev = _activate(desk)  # Friday 20:20: branches are shut
    assert _service(desk, ev, "bank", "branch-teller").open_now is False
    assert _service(desk, ev, "bank", "remote-account").open_now is None
    desk.clock.set(NIRS_T0.replace(day=29, hour=10))  # Monday 10:00
    assert _service(desk, ev, "bank", "branch-teller").open_now is True
    desk.clock.set(NIRS_T0.replace(month=10, day=6, hour=10))  # Chuseok holiday
    assert _service(desk, ev, "bank", "branch-teller").open_now is False


def _duties(desk, ev):
    return {(d.duty, d.filer, d.occurrence): d for d in desk.views.duties(ev)}


def test_reporting_duties_per_licensed_affiliate_from_awareness(desk):
    ev = _activate(desk, down=())
    assert {k[0] for k in _duties(desk, ev)} == {"hq-status"}  # nothing is down yet
    desk.events.set_provider(ev, "gov-id-check", "down")
    desk.clock.advance(minutes=29)
    assert ("fss-initial", "bank", 1) not in _duties(desk, ev)
    desk.clock.advance(minutes=1)
    duties = _duties(desk, ev)
    # bank and card are licensed and hit; capital is not licensed
    assert {k[1] for k in duties if k[0] == "fss-initial"} == {"bank", "card"}
    assert duties[("fss-initial", "bank", 1)].deadline == NIRS_T0 + timedelta(hours=24)
    assert duties[("fss-initial", "bank", 1)].basis == "rule"
    aware = NIRS_T0 + timedelta(hours=2)
    desk.assessments.answer(ev, "card", "aware-at", aware.isoformat(timespec="minutes"))
    assert _duties(desk, ev)[("fss-initial", "card", 1)].deadline == aware + timedelta(hours=24)
    desk.communications.set_duty(ev, "fss-initial", "submitted", filer="bank", reference="FSS-0001")
    duties = _duties(desk, ev)
    assert duties[("fss-initial", "bank", 1)].reference == "FSS-0001"
    assert duties[("fss-initial", "card", 1)].state == "due"
    assert desk.verify().ok


def test_ten_minutes_count_with_ten_thousand_customers(desk):
    ev = _activate(desk, down=())
    desk.events.set_provider(ev, "gov-id-check", "down")
    desk.clock.advance(minutes=10)
    assert ("fss-initial", "card", 1) not in _duties(desk, ev)
    desk.assessments.answer(ev, "card", "customers-affected", 10_000)
    assert ("fss-initial", "card", 1) in _duties(desk, ev)


def test_a_filed_duty_stays_after_recovery_and_outage_history_counts(desk):
    ev = _activate(desk, down=())
    desk.events.set_provider(ev, "gov-id-check", "down")
    desk.clock.advance(minutes=40)
    desk.events.set_provider(ev, "gov-id-check", "restored")
    desk.clock.advance(hours=3)
    assert ("fss-initial", "bank", 1) in _duties(desk, ev)  # it was down 40 minutes


def test_intermediate_reports_only_when_recovery_runs_long_and_recur(desk):
    ev = _activate(desk)
    desk.clock.advance(hours=23)
    assert not any(k[0] == "fss-intermediate" for k in _duties(desk, ev))
    desk.clock.advance(hours=1)
    duties = _duties(desk, ev)
    assert ("fss-intermediate", "bank", 1) in duties and ("fss-intermediate", "bank", 2) in duties
    desk.communications.set_duty(ev, "fss-intermediate", "submitted", filer="bank", occurrence=2, reference="중간-2")
    assert _duties(desk, ev)[("fss-intermediate", "bank", 2)].reference == "중간-2"
    with pytest.raises(InvalidInput, match="no occurrence"):
        desk.communications.set_duty(ev, "fss-initial", "submitted", filer="bank", occurrence=2)
    with pytest.raises(InvalidInput, match="does not file"):
        desk.communications.set_duty(ev, "fss-initial", "submitted", filer="capital")


def test_final_report_runs_from_closure(desk):
    ev = _activate(desk)
    desk.clock.advance(hours=1)
    final = _duties(desk, ev)[("fss-final", "bank", 1)]
    assert final.deadline is None and final.start == "closure"
    desk.clock.advance(hours=2)
    closed = desk.clock()
    desk.events.close_event(ev, "복구 완료")
    desk.clock.advance(days=3)
    duties = _duties(desk, ev)
    assert duties[("fss-final", "bank", 1)].deadline == closed + timedelta(days=7)
    # recurring duties stop at closure
    assert max(k[2] for k in duties if k[0] == "hq-status") == 1
    assert desk.verify().ok


def test_customer_impact_totals_with_the_change_since_the_last_report(desk, tmp_path):
    ev = _activate(desk)
    desk.assessments.answer(ev, "bank", "customers-affected", 1200)
    desk.assessments.answer(ev, "card", "customers-affected", 300)
    desk.assessments.answer(ev, "bank", "answer-rate", 82)
    board = desk.views.board(ev)
    measures = {m.measure: m for m in board.measures}
    assert measures["customers"].total == 1500 and measures["customers"].previous is None
    assert dict(measures["customers"].values) == {"bank": 1200, "card": 300}
    assert measures["answer-rate"].total is None
    desk.clock.advance(minutes=5)
    desk.reports.draft_report(ev)
    desk.reports.approve_report(ev, 1)
    desk.reports.issue_report(ev, 1)
    desk.clock.advance(minutes=5)
    desk.assessments.answer(ev, "bank", "customers-affected", 2000)
    customers = next(m for m in desk.views.board(ev).measures if m.measure == "customers")
    assert (customers.total, customers.previous, customers.change) == (2300, 1500, 800)


def test_a_duty_deadline_moved_by_the_council_is_kept_with_its_reason(desk):
    ev = _activate(desk)
    desk.clock.advance(hours=1)
    new = NIRS_T0 + timedelta(hours=40)
    with pytest.raises(InvalidInput, match="say why"):
        desk.communications.move_duty(ev, "fss-initial", new, " ", filer="bank")
    desk.communications.move_duty(ev, "fss-initial", new, "금감원 협의: 일요일 제출", filer="bank")
    duty = _duties(desk, ev)[("fss-initial", "bank", 1)]
    assert (duty.deadline, duty.moved, duty.reason) == (new, True, "금감원 협의: 일요일 제출")
    desk.communications.set_duty(ev, "fss-initial", "submitted", filer="bank", reference="FSS-9")
    duty = _duties(desk, ev)[("fss-initial", "bank", 1)]
    assert (duty.state, duty.deadline) == ("submitted", new)
    with pytest.raises(InvalidInput, match="no longer due"):
        desk.communications.move_duty(ev, "fss-initial", new, "again", filer="bank")
    assert desk.verify().ok


def test_a_dependency_whose_failure_only_degrades_the_service(desk, tmp_path):
    from crisisdesk.formats.group_file import load_group_text
    from tests.desk.truthful_factories import GROUP_2

    text = GROUP_2.replace("depends_on: [group-dc, vendor]",
                           "depends_on: [group-dc, {provider: vendor, effect: degraded}]")
    path = tmp_path / "g2.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_group_text(text).value.affiliate("bank").service("transfers").dependency("vendor").effect \
        == "degraded"
    desk.events.load_group(path)
    ev = _activate(desk, down=("vendor",))
    service = _service(desk, ev, "bank", "transfers")
    assert service.status == "degraded" and service.rto_deadline is None


def test_a_rule_deadline_with_the_groups_own_earlier_target(desk, tmp_path):
    from tests.desk.truthful_factories import PLAYBOOK_2

    path = tmp_path / "p-target.yaml"
    path.write_text(PLAYBOOK_2.replace("    due: 24h\n    basis: rule\n", "    due: 24h\n    basis: rule\n"
                                       "    target: 1h\n", 1), encoding="utf-8")
    desk.test_playbook = path
    ev = _activate(desk)
    desk.clock.advance(minutes=40)
    duty = _duties(desk, ev)[("fss-initial", "bank", 1)]
    assert duty.deadline == NIRS_T0 + timedelta(hours=24) and duty.target == NIRS_T0 + timedelta(hours=1)
    assert not duty.target_missed(desk.clock())
    desk.clock.advance(minutes=30)
    desk.communications.set_duty(ev, "fss-initial", "submitted", filer="bank", reference="FSS-1")
    duty = _duties(desk, ev)[("fss-initial", "bank", 1)]
    assert duty.target_missed(desk.clock()) and not duty.overdue  # late for the group, in time for the rule


def test_marking_a_provider_again_keeps_the_start_of_its_failure(desk):
    ev = _activate(desk, down=("group-dc",))
    desk.clock.advance(hours=2)
    desk.events.set_provider(ev, "group-dc", "down", "UPS 교체 중")  # a new note, the same failure
    service = _service(desk, ev, "bank", "transfers")
    assert service.rto_deadline == NIRS_T0 + timedelta(hours=3)
    assert next(p for p in desk.views.providers(ev) if p.provider == "group-dc").since == NIRS_T0
    desk.events.set_provider(ev, "group-dc", "restored")
    desk.clock.advance(hours=1)
    desk.events.set_provider(ev, "group-dc", "down")  # a new failure: a new clock
    assert _service(desk, ev, "bank", "transfers").rto_deadline == desk.clock() + timedelta(hours=3)
