"""Timeline lines are read by people: names and words, never internal ids or raw states."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import build_demo
from crisisdesk.domain.group import Affiliate, Group, Service
from crisisdesk.domain.playbook import (
    Checklist,
    ChecklistItem,
    ImpactField,
    Level,
    Playbook,
    ReportingDuty,
    Role,
)
from crisisdesk.domain.text import Text
from crisisdesk.domain.timeline import describe

RAW_STATES = {"todo", "doing", "done", "n/a", "blocked", "normal", "degraded", "down", "restored",
              "due", "submitted", "not-required", "open", "dropped", "draft", "posted", "withdrawn",
              "web", "app", "sms", "branch", "call-center", "initial", "update", "final", "drill", "real"}
TOKEN = re.compile(r"[a-z0-9][a-z0-9/_-]*[a-z0-9/]|[a-z]")


def _ids(group: Group, playbook: Playbook) -> set[str]:
    ids = {group.id, "group"}
    for a in group.affiliates:
        ids.add(a.id)
        ids.update(s.id for s in a.services)
    ids.update(p.id for p in group.providers)
    ids.update(x.id for x in (*playbook.levels, *playbook.roles, *playbook.impact, *playbook.reporting,
                              *playbook.checklists, *playbook.notices))
    ids.update(i.id for c in playbook.checklists for i in c.items)
    return ids


def _english_words(group: Group, playbook: Playbook) -> set[str]:
    """Words of the English names and titles: an id that is also a word there (local-tax) is English."""
    texts = [group.name, *(a.name for a in group.affiliates), *(p.name for p in group.providers),
             *(s.name for a in group.affiliates for s in a.services), *(x.title for x in playbook.levels),
             *(f.label for f in playbook.impact), *(d.title for d in playbook.reporting),
             *(i.title for c in playbook.checklists for i in c.items)]
    return {w for t in texts for w in TOKEN.findall(t.en.lower())}


def _raw_words(line: str, forbidden: set[str]) -> set[str]:
    return {t for t in TOKEN.findall(line) if t in forbidden}


@pytest.fixture(scope="module")
def demo_timeline(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "demo.sqlite"
    event = build_demo(path)
    with Desk.open(path) as desk:
        ctx = desk.events.event(event)
        yield desk.views.timeline(event), ctx.group, ctx.playbook


def test_no_demo_line_shows_an_internal_id_or_a_raw_state(demo_timeline):
    entries, group, playbook = demo_timeline
    ids = _ids(group, playbook)
    english_ids = {i for i in ids if "-" in i or "_" in i} - _english_words(group, playbook)
    assert len(entries) > 50
    kinds = set()
    for e in entries:
        kinds.add(e.kind)
        assert e.summary.ko != e.kind, f"no sentence for {e.kind}"
        # Korean: no lowercase id or state word at all (free text of the demo is Korean or acronyms)
        assert not _raw_words(e.summary.ko, ids | RAW_STATES), (e.kind, e.summary.ko)
        # English: state words are English words here; ids still never show
        assert not _raw_words(e.summary.en, english_ids), (e.kind, e.summary.en)
    assert {"checklist.changed", "impact.answered", "duty.changed", "notice.posted",
            "service.assessed"} <= kinds


def test_demo_lines_name_things_in_korean(demo_timeline):
    entries, _, _ = demo_timeline
    text = "\n".join(e.summary.ko for e in entries)
    assert "authorities-hq-status" not in text and "submitted" not in text
    assert "estimated-loss" not in text and "공지 게시(app)" not in text
    assert "공지 게시(앱)" in text
    assert "추정 손실" in text  # the impact field's label
    assert "진행 불가" in text and "차단됨" not in text


# -- synthetic payloads -----------------------------------------------------------------------

GROUP = Group(id="hanbit", name=Text("한빛금융그룹", "Hanbit Financial Group"), affiliates=(
    Affiliate(id="bank", name=Text("한빛은행", "Hanbit Bank"), sector="bank",
              services=(Service(id="remote-account", name=Text("비대면 계좌개설", "Remote account opening")),)),
    Affiliate(id="card", name=Text("한빛카드", "Hanbit Card"), sector="card"),
    Affiliate(id="life", name=Text("한빛생명", "Hanbit Life"), sector="life"),
    Affiliate(id="capital", name=Text("한빛캐피탈", "Hanbit Capital"), sector="capital"),
))
BOOK = Playbook(
    id="book", version=1, title=Text("매뉴얼", "Book"), reviewed=date(2025, 1, 1), summary=Text(),
    levels=(Level("attention", Text("관심", "Attention")),), roles=(Role("chair", Text("의장", "Chair")),),
    impact=(ImpactField("estimated-loss", "money", Text("추정 손실", "Estimated loss")),),
    checklists=(Checklist("council", Text("협의회", "Council"), ("group",),
                          (ChecklistItem("convene-council", Text("위기대응협의회 소집", "Convene the council"),
                                         "chair"),)),),
    reporting=(ReportingDuty("fss-final", Text("금융감독원", "FSS"), timedelta(days=30),
                             Text("종결보고", "Final report")),),
)


def _line(kind: str, payload: dict) -> Text:
    return describe(kind, payload, BOOK, GROUP)


def test_the_group_desk_rows_are_the_groups():
    line = _line("checklist.changed", {"affiliate": "group", "checklist": "council", "item": "convene-council",
                                       "after": {"state": "blocked", "note": "", "reason": "의장 부재"}})
    assert line.ko == "[그룹] 위기대응협의회 소집 → 진행 불가 — 사유: 의장 부재"
    assert line.en == "[Group] Convene the council → blocked — reason: 의장 부재"


def test_a_duty_line_names_the_duty_the_affiliate_and_the_occurrence():
    line = _line("duty.changed", {"duty": "fss-final", "state": "due", "affiliate": "card", "occurrence": 2})
    assert line.ko == "[한빛카드] 대외 보고 ‘종결보고’(금융감독원) 2회차: 미제출"
    assert line.en == "[Hanbit Card] Reporting duty “Final report” (FSS), no. 2: not yet filed"
    group = _line("duty.changed", {"duty": "fss-final", "state": "submitted", "affiliate": "group",
                                   "occurrence": 1, "reference": "FSS-1"})
    assert group.ko == "[그룹] 대외 보고 ‘종결보고’(금융감독원): 제출 — 접수번호 FSS-1"


def test_impact_service_and_notice_lines_use_labels():
    assert _line("impact.answered", {"affiliate": "bank", "field": "estimated-loss", "value": 1}).ko \
        == "[한빛은행] 영향 평가 응답: 추정 손실"
    assert _line("service.assessed", {"affiliate": "bank", "service": "remote-account", "status": "down"}).ko \
        == "[한빛은행] 서비스 상태 비대면 계좌개설 → 중단"
    posted = _line("notice.posted", {"affiliate": "bank", "channel": "call-center"})
    assert (posted.ko, posted.en) == ("[한빛은행] 공지 게시(콜센터)", "[Hanbit Bank] notice posted (call centre)")


def test_many_affiliates_are_named_then_counted():
    line = _line("decision.recorded", {"action": "decide", "text": "대체 수단 공지",
                                       "affiliates": ["bank", "card", "life", "capital"]})
    assert line.ko == "결정: 대체 수단 공지 (관련 계열사: 한빛은행, 한빛카드 외 2개사)"
    assert line.en == "Decision: 대체 수단 공지 (affiliates concerned: Hanbit Bank, Hanbit Card and 2 more affiliates)"


def test_drills_and_final_reports_are_worded_as_the_risk_office_does():
    activated = _line("event.activated", {"title": "점검", "drill": True, "level": "attention"})
    assert activated.ko == "사건 발령: 점검 · 모의훈련(실제 상황 아님) · 관심"
    drafted = _line("report.drafted", {"number": 4, "designation": "final"})
    assert drafted.ko == "상황보고서 제4호(종결) 초안 작성"
    assert _line("action.changed", {"action": "x", "state": "open", "note": ""}).ko == "조치 상태 변경 → 미착수"
