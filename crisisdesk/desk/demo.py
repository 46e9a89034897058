"""The demo desk: the example group in a realistic, half-finished NIRS-type event.

The story follows the 2025-09-26 fire: T0 Friday 20:20 KST, the government ID
check down, two council meetings, affiliates at different stages. The demo
database runs on demo time: it opens at Saturday 14:00 KST and ticks from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from crisisdesk.desk.app import Desk
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.locations import shipped_playbooks_dir

KST = ZoneInfo("Asia/Seoul")
T0 = datetime(2025, 9, 26, 20, 20, tzinfo=KST)
DEMO_NOW = datetime(2025, 9, 27, 14, 0, tzinfo=KST)

G = GROUP_DESK  # the group desk's own items, done once

# (minutes after T0, affiliate or G, item, state, note)
_TICKS = [
    (15, "bank", "confirm-outage-scope", "done", "주민등록증 진위확인 전면 불가 확인"),
    (20, G, "open-event", "done", ""),
    (25, "card", "confirm-outage-scope", "done", ""),
    (28, "securities", "confirm-outage-scope", "done", ""),
    (30, "life", "confirm-outage-scope", "doing", "보험금 청구 본인확인 영향 점검 중"),
    (35, "nonlife", "confirm-outage-scope", "done", ""),
    (38, "bank", "record-awareness", "done", "20:30 인지"),
    (40, "bank", "check-own-systems", "done", "자체 시스템 정상, 외부 연계만 장애"),
    (45, "bank", "map-affected-services", "done", "비대면 계좌개설, 창구 신분확인, 마이데이터 대출, 우체국 이체"),
    (50, "nambu-bank", "confirm-outage-scope", "done", ""),
    (55, "bank", "security-watch", "done", "스미싱 모니터링 강화"),
    (58, "bank", "assess-reportability", "done", "보고 대상: 30분 이상 중단"),
    (60, "card", "check-own-systems", "done", ""),
    (62, G, "chairman-briefing", "done", "회장 보고(유선)"),
    (65, "securities", "check-own-systems", "done", ""),
    (70, "card", "map-affected-services", "doing", ""),
    (75, "capital", "confirm-outage-scope", "done", ""),
    (80, "asset-mgmt", "confirm-outage-scope", "done", ""),
    (85, "asset-mgmt", "check-own-systems", "done", ""),
    (90, "nonlife", "check-own-systems", "done", ""),
    (95, "bank", "call-center-script", "done", "대체 신분확인 안내 스크립트 배포"),
    (100, G, "convene-council", "done", "22:00 1차 협의회(비대면)"),
    (100, "bank", "first-customer-notice", "done", "앱·홈페이지 공지 게시"),
    (110, "bank", "bank-remote-account-route", "done", "모바일 운전면허증으로 전환"),
    (115, G, "send-critical-it-checklist", "done", "그룹 핵심 IT 점검표 전 계열사 배포"),
    (120, "card", "card-issuance-route", "blocked", ""),
    (130, "securities", "sec-remote-account", "done", ""),
    (140, "capital", "cap-remote-loan", "doing", "사진 업로드 방식 검토"),
    (150, "nonlife", "nl-accident-service", "done", "사고접수는 영향 없음"),
    (155, G, "group-dc-ups-check", "done", "청라·부산 센터 UPS·배터리실 점검 이상 없음"),
    (170, "bank", "critical-it-checklist", "done", "그룹 핵심 IT 점검표 회신"),
    (180, "bank", "list-unavailable-transactions", "done", ""),
    (190, G, "reporting-oversight", "doing", "계열사별 최초보고 제출 현황 확인 중"),
    (200, "nambu-bank", "check-own-systems", "done", ""),
    (210, "bank", "post-office-links", "doing", "우체국 계좌로의 이체 불가: 고객 안내"),
    (230, "bank", "apply-alternative-id", "done", ""),
    (260, "securities", "critical-it-checklist", "done", ""),
    (290, "life", "life-contract-id-check", "doing", ""),
    (400, "bank", "tighten-fds", "done", "신규 기기 등록 FDS 임계치 하향"),
    (600, "card", "map-affected-services", "done", "카드 발급 2종 영향"),
    (760, "bank", "update-notices", "done", ""),
    (800, "securities", "sec-public-documents", "doing", ""),
]

# Items of the alert level (경계), ticked once the group raised it.
_ALERT_TICKS = [
    (770, G, "chairman-council", "done", "2차 협의회에 회장 참석"),
    (775, G, "regulator-liaison", "done", "합동 비상대응본부 창구: 그룹 준법감시인"),
    (780, G, "open-response-center", "done", "24시간 상황실 가동(교대 근무표 게시)"),
]

# The first hour's and the first day's routine, done by each affiliate at its own pace
# (minutes after T0 of the first item, minutes between items, how many it has done by now).
_ROUTINE = ("first-hour", "first-day")
_PACE = {"bank": (15, 20, 17), "nambu-bank": (45, 25, 15), "card": (25, 30, 13), "securities": (28, 25, 14),
         "life": (60, 45, 6), "nonlife": (35, 30, 12), "capital": (75, 40, 8), "savings": (50, 30, 11),
         "asset-mgmt": (80, 30, 10)}

# (minutes after T0, affiliate, receipt number) of the FSS initial reports filed by now;
# securities and asset management have not filed yet.
_INITIAL_REPORTS = [
    (190, "nambu-bank", "FSS-2025-0926-0152"), (240, "savings", "FSS-2025-0927-0003"),
    (320, "card", "FSS-2025-0927-0007"), (380, "nonlife", "FSS-2025-0927-0012"),
    (420, "life", "FSS-2025-0927-0015"), (500, "capital", "FSS-2025-0927-0021"),
]

_BLOCK_REASONS = {"card-issuance-route": "모바일 운전면허 확인 API 계약 미체결: 벤더 회신 대기"}

# (minutes after T0, affiliate, field, value)
_ANSWERS = [
    (40, "bank", "aware-at", "2025-09-26T20:30+09:00"),
    (45, "card", "aware-at", "2025-09-26T20:45+09:00"),
    (48, "securities", "aware-at", "2025-09-26T20:50+09:00"),
    (50, "bank", "customers-affected", 1200),
    (55, "bank", "severity", "high"),
    (60, "bank", "workaround", "모바일 운전면허증 또는 영업점 방문"),
    (65, "bank", "alt-id-works", True),
    (70, "bank", "services", {"remote-account": {"status": "down", "note": "신분증 진위확인 불가"},
                              "branch-teller": {"status": "degraded", "note": "운전면허증만 가능"},
                              "mydata-loan": {"status": "down", "note": ""}}),
    (90, "card", "customers-affected", 300),
    (95, "card", "severity", "medium"),
    (120, "securities", "customers-affected", 150),
    (130, "securities", "severity", "medium"),
    (200, "bank", "customers-affected", 3400),
    (205, "bank", "failed-transactions", 5200),
    (210, "bank", "estimated-loss", 25_000_000),
    (215, "bank", "eta", "2025-09-29T08:00"),
    (240, "nonlife", "severity", "low"),
    (250, "capital", "severity", "medium"),
    (300, "card", "customers-affected", 820),
    (310, "card", "reportable", True),
    (600, "bank", "estimated-loss", 41_000_000),
    (610, "bank", "complaints", 37),
    (612, "bank", "fss-complaints", 2),
    (615, "bank", "calls", 4800),
    (616, "bank", "answer-rate", 71),
    (620, "bank", "phishing-reports", 12),
    (630, "card", "complaints", 9),
    (640, "card", "calls", 1300),
    (700, "life", "severity", "medium"),
    # the late-morning round of updates (the savings bank has not reported since the morning)
    (985, "bank", "customers-affected", 3650),
    (1003, "nambu-bank", "customers-affected", 410),
    (1008, "card", "customers-affected", 870),
    (1000, "securities", "customers-affected", 180),
    (1010, "life", "customers-affected", 95),
    (1020, "nonlife", "customers-affected", 60),
    (1030, "capital", "customers-affected", 140),
    (1045, "asset-mgmt", "customers-affected", 35),
    (1050, "bank", "calls", 6100),
]


class DemoClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def at(self, minutes: float) -> None:
        self.now = T0 + timedelta(minutes=minutes)


def build_demo(path: Path, playbooks: Path | None = None) -> str:
    """Write the demo desk to a new file at `path`; returns the event id."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise InvalidInput(f"{path}: already exists; the demo is written only to a new file")
    folder = playbooks or shipped_playbooks_dir()
    clock = DemoClock()
    with Desk.open(path, clock=clock, author="그룹 위기대응데스크") as desk:
        clock.at(20)
        desk.events.load_group(folder / "example-group.yaml")
        event = desk.events.activate(folder / "gov-system-outage.yaml", "국가정보자원관리원 화재 — 정부 신분확인 장애",
                              t0=T0, down=("gov-id-check",),
                              note="대전 국정자원 UPS 배터리 화재로 정부 전산 647개 시스템 중단").created
        _story(desk, clock, event)
        desk.store.set_meta("demo_anchor", to_iso(DEMO_NOW))
    return event


def _story(desk: Desk, clock: DemoClock, ev: str) -> None:
    clock.at(25)
    desk.events.set_provider(ev, "post-office", "down", "우체국 금융 연계 중단: 모든 은행의 우체국 계좌 이체 실패",
                      since=T0)
    clock.at(30)
    desk.events.set_provider(ev, "passport-check", "down", "외교부 여권 진위확인 중단")
    clock.at(50)
    desk.events.set_provider(ev, "public-mydata", "down", "공공 마이데이터 중단")
    clock.at(70)
    desk.events.set_provider(ev, "giro", "degraded", "지로 납부 지연")
    clock.at(100)
    desk.events.change_level(ev, "caution", "정부 신분확인 복구 시점 불투명, 주말 중 영향 확대 예상")
    desk.council.open_meeting(ev, "1차 긴급 비대면 위기대응협의회(CRO 주재)",
                      ["chair", "cio", "ciso", "compliance", "comms"])
    _decide(desk, ev, "전 계열사 매뉴얼에 따라 IT 시스템 점검 후 22시까지 결과 보고", "그룹 핵심 IT 점검표 활용", "cio",
            action=("계열사 점검 결과 취합", "bcp-officer", 180))
    _decide(desk, ev, "비대면 실명확인은 모바일 운전면허증·운전면허증 진위확인으로 대체", "금융당국 대체수단 안내에 따름",
            "chair", affiliates=["bank", "nambu-bank", "securities", "savings"])
    _decide(desk, ev, "고객 공지는 앱·홈페이지에 중단 서비스와 대체 수단을 명시하여 게시",
            "금융위·금감원 요청 사항", "comms", action=("공지 문안 통일안 배포", "comms", 150))
    _decide(desk, ev, "그룹 보안관제 강화: 혼란을 악용한 스미싱·피싱 모니터링", "", "ciso",
            action=("스미싱 탐지 룰 추가", "ciso", 240))
    phishing = _decide(desk, ev, "고객센터 상담 인력 1.5배 증원", "주말 문의 급증 예상", "chair")
    clock.at(140)
    desk.council.close_meeting(ev)
    clock.at(160)
    desk.communications.record_alert(ev, "행정안전부(MOIS)", "경계", at=T0 + timedelta(minutes=130),
                      note="국가 전산망 위기경보 경계 발령")
    _tick(desk, clock, ev, _TICKS)
    _routine(desk, clock, ev)
    for minutes, affiliate, field, value in _ANSWERS:
        clock.at(minutes + 1)
        desk.assessments.answer(ev, affiliate, field, value)
    clock.at(150)
    desk.communications.set_duty(ev, "fss-initial", "submitted", filer="bank", reference="FSS-2025-0926-0141")
    for minutes, filer, reference in _INITIAL_REPORTS:
        clock.at(minutes)
        desk.communications.set_duty(ev, "fss-initial", "submitted", filer=filer, reference=reference)
    clock.at(360)
    for filer, reference in (("bank", "HQ-0927-011"), ("nambu-bank", "HQ-0927-014"), ("card", "HQ-0927-019")):
        desk.communications.set_duty(ev, "authorities-hq-status", "submitted", filer=filer, reference=reference)
    clock.at(660)
    desk.communications.record_alert(ev, "과학기술정보통신부(MSIT)", "심각", note="정보통신 위기경보 심각 상향")
    clock.at(700)
    desk.communications.record_alert(ev, "행정안전부(MOIS)", "심각", note="국가 전산망 위기경보 심각 상향, 중앙재난안전대책본부 가동")
    notice = desk.communications.compose_notice(ev, "bank", "app-banner").created
    clock.at(680)
    desk.communications.post_notice(ev, notice, "app")
    desk.communications.post_notice(ev, desk.communications.compose_notice(ev, "bank", "web-notice").created, "web")
    clock.at(700)
    desk.communications.post_notice(ev, desk.communications.compose_notice(ev, "card", "web-notice").created, "web")
    desk.communications.compose_notice(ev, "savings", "sms-alert")
    clock.at(760)
    desk.events.change_level(ev, "alert", "정부 발표: 완전 복구까지 수주 소요, MSIT 심각 상향")
    desk.council.open_meeting(ev, "2차 그룹 위기대응협의회 (CRO 주재, 회장 참석)",
                      ["group-chairman", "chair", "cio", "ciso", "compliance", "comms", "branch-ops",
                       "cs-lead"])
    _decide(desk, ev, "월요일 개점 전 08:30 전 영업점 사전 점검 실시", "월요일 창구 혼잡 대비", "chair",
            action=("영업점 사전 점검 체크리스트 배포", "branch-ops", 2200))
    _decide(desk, ev, "24시간 위기대응 상황실 운영 (복구 시까지)", "금융당국 대응센터 운영 요청",
            "group-chairman")
    _decide(desk, ev, "공공 마이데이터 활용 대출은 사진 업로드 방식으로 전환", "", "cio",
            affiliates=["bank", "capital", "savings"], action=("사진 업로드 심사 절차 확정", "business-lead", 1500))
    _decide(desk, ev, "카드 비대면 발급은 대체 확인 API 계약 전까지 영업점 발급만 허용", "", "chair",
            affiliates=["card"])
    desk.council.amend_decision(ev, phishing, "고객센터 상담 인력 2배 증원 및 주말 연장 운영",
                        "토요일 오전 문의량이 예상의 2배", "chair")
    _decide(desk, ev, "복구가 길어질 계열사의 금감원 중간보고는 일요일 18시까지 제출",
            "그룹 기준(인지 후 48시간)보다 앞당겨 그룹이 일괄 점검", "compliance",
            action=("중간보고서 초안 작성", "compliance", 1300))
    sunday = datetime(2025, 9, 28, 18, 0, tzinfo=KST)
    for duty in desk.views.duties(ev):
        if duty.duty == "fss-intermediate" and duty.deadline is not None and duty.deadline > sunday:
            desk.communications.move_duty(ev, duty.duty, sunday, "협의회 결정: 일요일 18시까지 제출", filer=duty.filer,
                           occurrence=duty.occurrence)
    withdrawn = _decide(desk, ev, "토요일 야간 배치 작업 전면 중지", "", "cio")
    desk.council.withdraw_decision(ev, withdrawn, "배치는 정부 연계와 무관함을 확인")
    _tick(desk, clock, ev, _ALERT_TICKS)
    clock.at(840)
    desk.council.close_meeting(ev)
    desk.communications.set_outlook(ev, "12h", "정부 신분확인 복구 미정. 대체 수단으로 비대면 업무 부분 유지.",
                     "금융당국의 대체 신분확인 기준 확인")
    desk.communications.set_outlook(ev, "24h", "월요일 개점 준비 완료 목표. 영업점 혼잡 예상.", "영업점 추가 인력")
    desk.communications.set_outlook(ev, "48h", "일부 정부 시스템 재가동 전망(62개 시스템 월요일 복구 목표).", "")
    desk.communications.set_outlook(ev, "72h", "장기 복구 대비 수작업 절차 정착.", "대체 인증 수단 추가 계약 검토")


def _tick(desk: Desk, clock: DemoClock, ev: str, ticks: list[tuple[int, str, str, str, str]]) -> None:
    for minutes, affiliate, item, state, note in ticks:
        clock.at(minutes)
        desk.checklists.set_item(ev, affiliate, item, state=state, note=note or None, reason=_BLOCK_REASONS.get(item))


def _routine(desk: Desk, clock: DemoClock, ev: str) -> None:
    """The first-hour items each affiliate has done by now, beyond the story's own ticks."""
    for affiliate, (start, step, count) in _PACE.items():
        items = sorted((i for i in desk.views.checklist(ev, affiliate) if i.checklist in _ROUTINE),
                       key=lambda i: i.due)[:count]
        for n, item in enumerate(items):
            if item.state == "todo":
                clock.at(start + n * step)
                desk.checklists.set_item(ev, affiliate, item.item, state="done")


def _decide(desk: Desk, ev: str, text: str, rationale: str, by: str, affiliates: Sequence[str] = (),
            action: tuple[str, str, int] | None = None) -> str:
    decision = desk.council.record_decision(ev, text, rationale=rationale, decided_by=by,
                                    affiliates=list(affiliates)).created
    if action:
        title, owner, minutes = action
        desk.council.create_action(ev, title, owner, T0 + timedelta(minutes=minutes), decision=decision)
    return decision
