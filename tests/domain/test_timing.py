"""Timing against targets: one test per rule (crisisdesk.domain.timing)."""

from datetime import UTC, datetime, timedelta

from crisisdesk.domain.read_models import DutyView
from crisisdesk.domain.text import Text
from crisisdesk.domain.timing import (
    MET,
    MISSED,
    OPEN_LATE,
    PENDING,
    ItemChange,
    ItemDue,
    ProviderChange,
    ServiceReport,
    duty_timings,
    item_timings,
    measure,
    outside_outages,
    recoveries,
)
from crisisdesk.formats.group_file import load_group_text

T0 = datetime(2026, 5, 12, 12, 0, tzinfo=UTC)
GROUP = load_group_text("""
format: crisisdesk.group/2
group: {id: hanbit, name: 한빛금융그룹}
affiliates:
  - id: bank
    name: 한빛은행
    sector: bank
    services:
      - {id: remote-account, name: 비대면 계좌개설, critical: true, rto: 3h, depends_on: [id-vendor]}
      - {id: app, name: 모바일 앱, critical: true, rto: 1h, depends_on: [gov-id]}
      - {id: branch, name: 영업점, critical: true, rto: 3h, depends_on: [{provider: gov-id, effect: degraded}]}
      - {id: giro, name: 지로 수납, depends_on: [giro-net]}
providers:
  - {id: id-vendor, name: 본인확인 업체, kind: outsourced}
  - {id: gov-id, name: 주민등록증 진위확인, kind: government}
  - {id: giro-net, name: 지로망, kind: external}
""", "group.yaml").value


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_measure_met_missed_open_late_and_pending():
    assert measure(at(60), at(50), at(600)).outcome == MET
    missed = measure(at(60), at(80), at(600))
    assert missed.outcome == MISSED and missed.late_by == timedelta(minutes=20) and missed.missed
    late = measure(at(60), None, at(90))
    assert late.outcome == OPEN_LATE and late.late_by == timedelta(minutes=30) and late.missed
    assert measure(at(60), None, at(30)).outcome == PENDING
    assert measure(at(60), at(50), at(40)).outcome == PENDING  # done after the moment looked at


def test_a_service_down_for_an_outsourced_provider_is_measured_against_its_rto_per_stretch():
    changes = [ProviderChange(at(60), "id-vendor", "down"), ProviderChange(at(220), "id-vendor", "restored"),
               ProviderChange(at(300), "id-vendor", "down")]
    first, second = recoveries(GROUP, changes, [], as_of=at(540))
    assert (first.service, first.down_at, first.recovered_at) == ("remote-account", at(60), at(220))
    assert first.result.outcome == MET and first.duration == timedelta(minutes=160)
    assert second.recovered_at is None and second.result.outcome == OPEN_LATE
    assert second.result.late_by == timedelta(minutes=60)  # down 4 h at 09:00, RTO 3 h


def test_a_government_outage_runs_no_rto_clock_but_is_measured_as_an_outage():
    changes = [ProviderChange(at(5), "gov-id", "down"), ProviderChange(at(300), "gov-id", "degraded"),
               ProviderChange(at(360), "gov-id", "restored"), ProviderChange(at(10), "giro-net", "down")]
    assert recoveries(GROUP, changes, [], as_of=at(400)) == []
    outages = outside_outages(GROUP, changes, as_of=at(400))
    assert [(o.provider, o.start, o.end) for o in outages] == [("gov-id", at(5), at(360)), ("giro-net", at(10), None)]
    assert outages[1].duration(at(400)) == timedelta(minutes=390)


def test_a_service_its_affiliate_reports_down_with_no_outside_cause_runs_its_clock_from_the_report():
    reports = [ServiceReport(at(120), "bank", "branch", "down"), ServiceReport(at(330), "bank", "branch", "normal")]
    [recovery] = recoveries(GROUP, [], reports, as_of=at(600))
    assert (recovery.down_at, recovery.recovered_at) == (at(120), at(330))
    assert recovery.result.outcome == MISSED and recovery.result.late_by == timedelta(minutes=30)
    # reported down while a government system fails: an outside cause, no clock
    with_cause = [ProviderChange(at(100), "gov-id", "down")]
    assert recoveries(GROUP, with_cause, [ServiceReport(at(120), "bank", "app", "down")], at(600)) == []


def test_checklist_items_done_time_against_due_time():
    items = [ItemDue("bank", "first-hour", name, at(60), True) for name in ("a", "b", "c", "d", "e", "f")]
    changes = [
        ItemChange(at(50), "bank", "first-hour", "a", "done"),
        ItemChange(at(80), "bank", "first-hour", "b", "done"),
        ItemChange(at(40), "bank", "first-hour", "c", "done"), ItemChange(at(70), "bank", "first-hour", "c", "doing"),
        ItemChange(at(30), "bank", "first-hour", "d", "n/a"),
        ItemChange(at(30), "bank", "first-hour", "e", "done"), ItemChange(at(45), "bank", "first-hour", "e", "todo"),
        ItemChange(at(95), "bank", "first-hour", "e", "done"),
    ]
    timings = {t.item.item: t for t in item_timings(items, changes, as_of=at(120))}
    assert timings["a"].result.outcome == MET
    assert timings["b"].result.outcome == MISSED and timings["b"].result.late_by == timedelta(minutes=20)
    assert timings["c"].result.outcome == OPEN_LATE and timings["c"].state == "doing"  # reopened
    assert timings["d"].result is None  # not applicable: not measured
    assert timings["e"].result.late_by == timedelta(minutes=35)  # counted from its last closing
    assert timings["f"].result.outcome == OPEN_LATE and timings["f"].state == "todo"


def _duty(state: str, deadline, submitted=None, target=None) -> DutyView:
    return DutyView("fss-initial", Text.plain("FSS"), Text.plain("최초보고"), deadline, state, "", "",
                    submitted, False, filer="bank", target=target)


def test_reporting_duties_filed_against_deadline_and_group_target():
    duties = [_duty("submitted", at(1440), at(90), target=at(60)), _duty("due", at(120)),
              _duty("not-required", at(60)), _duty("due", None)]
    filed, unfiled = duty_timings(duties, as_of=at(180))
    assert filed.result.outcome == MET and filed.target.outcome == MISSED
    assert filed.target.late_by == timedelta(minutes=30)
    assert unfiled.result.outcome == OPEN_LATE and unfiled.result.late_by == timedelta(minutes=60)


def test_drill_responses_against_the_time_the_inject_asked_for():
    from crisisdesk.domain.drill import Inject, InjectStatus
    from crisisdesk.domain.timing import response_timings

    press = Inject("press", timedelta(minutes=40), "press", Text.plain("기자 문의"), respond_within=timedelta(minutes=30))
    note = Inject("note", timedelta(minutes=50), "message", Text.plain("전파"))
    statuses = [InjectStatus(press, at(40), released_at=at(45), responses=(("card", at(90)), ("group", at(80)))),
                InjectStatus(press, at(40)),  # not released: nothing to measure
                InjectStatus(note, at(50), released_at=at(50))]  # asks for no response
    [timing] = response_timings(statuses, as_of=at(120))
    assert timing.result.outcome == MISSED and timing.result.done == at(80)  # the first response counts
    assert timing.result.late_by == timedelta(minutes=5)  # released 12:45, asked for by 13:15
