"""The group inventory workbook's layout: its sheets and columns, and what each column holds.

One table per sheet, headers in row 1, one record per row from row 2. The same layout writes
the template (group_template) and reads a filled workbook (group_workbook), so the two cannot
disagree. Values are written as the group file writes them (`bank`, `3h`, `business`, `"09:00"`);
a few Korean words are read too (예/아니오, 영업일/매일, 중단/저하, 자체/위탁/외부/정부).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# what a column holds: how a cell is turned into the group file's value
ID, TEXT, BOOL, DURATION, CLOCK, DAY, NUMBER, IDS, DAYS, EFFECT, KIND, NOTE, PART = (
    "id", "text", "bool", "duration", "clock", "day", "number", "ids", "days", "effect", "kind", "note",
    "part")


@dataclass(frozen=True)
class SheetColumn:
    header: str
    field: str  # where the value goes in the record (a dotted path, e.g. name.ko, hours.from)
    kind: str
    required: bool = False  # the sheet is refused when this column is missing
    help: str = ""
    choices: tuple[str, ...] = ()  # offered as a drop-down in the template


@dataclass(frozen=True)
class SheetLayout:
    name: str
    columns: tuple[SheetColumn, ...]
    help: str
    optional: bool = False  # a workbook without the sheet is read as if it were empty

    def column(self, field: str) -> SheetColumn:
        return next(c for c in self.columns if c.field == field)


YES, NO = "예", "아니오"
BOOL_WORDS = {"예": True, "아니오": False, "y": True, "n": False, "yes": True, "no": False,
              "true": True, "false": False, "o": True, "x": False}
DAYS_WORDS = {"영업일": "business", "매일": "every-day"}
EFFECT_WORDS = {"중단": "down", "저하": "degraded"}
KIND_WORDS = {"자체": "own", "위탁": "outsourced", "외부": "external", "정부": "government"}
APPROVAL, DISTRIBUTION = "결재", "배포"
PART_WORDS = {APPROVAL: "approval", DISTRIBUTION: "distribution", "approval": "approval",
              "distribution": "distribution"}
WORDS: dict[str, dict[str, Any]] = {BOOL: BOOL_WORDS, DAYS: DAYS_WORDS, EFFECT: EFFECT_WORDS, KIND: KIND_WORDS,
                                    PART: PART_WORDS}

GROUP = SheetLayout("그룹", (
    SheetColumn("그룹 ID", "id", ID, True, "영문 소문자·숫자·'-' (예: hanbit)"),
    SheetColumn("그룹 이름(한국어)", "name.ko", TEXT, True, "예: 한빛금융그룹"),
    SheetColumn("그룹 이름(영어)", "name.en", TEXT, False, "예: Hanbit Financial Group"),
    SheetColumn("시간대", "timezone", TEXT, False, "IANA 이름, 비우면 Asia/Seoul"),
), "그룹 자체: 한 행만 적습니다.")

HOLIDAYS = SheetLayout("공휴일", (
    SheetColumn("날짜", "date", DAY, True, "YYYY-MM-DD (토·일요일 외 휴무일)"),
    SheetColumn("설명", "note", NOTE, False, "그룹 파일에 주석으로 남습니다"),
), "토·일요일 외 영업하지 않는 날(공휴일·대체공휴일·근로자의 날). 영업일 계산과 운영 시간에 씁니다.")

AFFILIATES = SheetLayout("계열사", (
    SheetColumn("계열사 ID", "id", ID, True, "예: bank ('group'은 쓸 수 없음)"),
    SheetColumn("이름(한국어)", "name.ko", TEXT, True, "예: 한빛은행"),
    SheetColumn("이름(영어)", "name.en", TEXT, False, "예: Hanbit Bank"),
    SheetColumn("업권", "sector", ID, True, "예: bank, card, insurance (플레이북이 업권별 점검표를 고릅니다)"),
    SheetColumn("자체 보고", "licensed", BOOL, False, "예/아니오: 금융감독원에 전자금융사고를 직접 보고하는 회사",
           (YES, NO)),
    SheetColumn("DR센터 위치", "dr_site.location", TEXT, False, "예: 부산 재해복구센터"),
    SheetColumn("DR 용량(%)", "dr_site.capacity_pct", NUMBER, False, "0~100 정수"),
), "계열사: 한 행에 한 회사. 순서는 상황판·보고서의 순서입니다.")

SERVICES = SheetLayout("서비스", (
    SheetColumn("계열사 ID", "affiliate", ID, True, "계열사 시트의 ID"),
    SheetColumn("서비스 ID", "id", ID, True, "계열사 안에서 고유 (예: internet-banking)"),
    SheetColumn("이름(한국어)", "name.ko", TEXT, True, "예: 인터넷·모바일뱅킹"),
    SheetColumn("이름(영어)", "name.en", TEXT, False, "예: Internet and mobile banking"),
    SheetColumn("핵심", "critical", BOOL, False, "예/아니오: 핵심업무 여부", (YES, NO)),
    SheetColumn("RTO", "rto", DURATION, False, "복구목표시간: 30m, 3h, 1d12h, PT3H"),
    SheetColumn("운영일", "hours.days", DAYS, False, "business(영업일) 또는 every-day(매일); 비우면 상시 운영",
           ("business", "every-day")),
    SheetColumn("시작", "hours.from", CLOCK, False, "HH:MM (예: 09:00)"),
    SheetColumn("종료", "hours.to", CLOCK, False, "HH:MM, 시작보다 늦게 (24:00 = 자정)"),
), "서비스: 한 행에 한 서비스. 계열사 ID로 계열사에 속합니다.")

DEPENDENCIES = SheetLayout("의존관계", (
    SheetColumn("계열사 ID", "affiliate", ID, True, "서비스의 계열사 ID"),
    SheetColumn("서비스 ID", "service", ID, True, "서비스 시트의 서비스 ID"),
    SheetColumn("기관 ID", "provider", ID, True, "기관 시트의 ID"),
    SheetColumn("영향", "effect", EFFECT, False, "down(중단, 기본) 또는 degraded(저하: 일부 기능은 됨)",
           ("down", "degraded")),
    SheetColumn("고객 영향(한국어)", "impact.ko", TEXT, False, "고객이 할 수 없는 일 (고객 안내 문구)"),
    SheetColumn("고객 영향(영어)", "impact.en", TEXT, False, ""),
    SheetColumn("대체 수단(한국어)", "alternative.ko", TEXT, False, "고객이 지금 쓸 수 있는 것 (짧은 명사구)"),
    SheetColumn("대체 수단(영어)", "alternative.en", TEXT, False, ""),
), "서비스가 기대는 기관: 한 행에 (서비스, 기관) 하나. 대체 수단·고객 영향은 공지에 그대로 나갑니다.")

PROVIDERS = SheetLayout("기관", (
    SheetColumn("기관 ID", "id", ID, True, "예: group-dc, gov-id-check"),
    SheetColumn("이름(한국어)", "name.ko", TEXT, True, "예: 그룹 통합데이터센터"),
    SheetColumn("이름(영어)", "name.en", TEXT, False, "예: Group data centre"),
    SheetColumn("종류", "kind", KIND, True, "own(자체)·outsourced(위탁)에만 RTO 시계; external(외부)·government(정부)는 장애 경과",
           ("own", "outsourced", "external", "government")),
    SheetColumn("대체 기관", "alternatives", IDS, False, "대신 쓸 수 있는 기관 ID, 쉼표로 구분 (데스크용)"),
), "서비스가 기대는 외부·내부 시스템(기관).")

REPORT = SheetLayout("보고체계", (
    SheetColumn("구분", "part", PART, True, "결재(결재란의 한 칸) 또는 배포(배포처 한 곳)", (APPROVAL, DISTRIBUTION)),
    SheetColumn("이름(한국어)", "name.ko", TEXT, True, "결재: 칸 이름(예: 기안, 검토, 결재); 배포: 받는 곳(예: 그룹 회장)"),
    SheetColumn("이름(영어)", "name.en", TEXT, False, "예: Drafted / Group chairman"),
    SheetColumn("서명자(한국어)", "signer.ko", TEXT, False, "결재 칸만: 칸 아래 적힐 직책이나 이름(예: 그룹 CRO)"),
    SheetColumn("서명자(영어)", "signer.en", TEXT, False, "예: Group CRO"),
), "상황보고서의 결재란(위에서부터 순서대로, 마지막 칸이 결재)과 배포처. 시트가 없거나 결재 행이 없으면 "
   "기안·검토·결재, 배포 행이 없으면 배포처 없음.", optional=True)

CONTACTS = SheetLayout("비상연락망", (
    SheetColumn("연락처 ID", "id", ID, True, "예: cro, bank-it, fss-officer"),
    SheetColumn("이름", "name", TEXT, True, "예: 정위기"),
    SheetColumn("전화", "phone", TEXT, True, "예: 010-2000-0001"),
    SheetColumn("계열사 ID", "affiliate", ID, False, "계열사 시트의 ID, 비우면 그룹(group); 외부 연락처는 비움"),
    SheetColumn("역할", "role", TEXT, False, "맡은 역할 (예: chair, it-lead)"),
    SheetColumn("직책(한국어)", "title.ko", TEXT, False, "예: 그룹 CRO(위원장)"),
    SheetColumn("직책(영어)", "title.en", TEXT, False, "예: Group CRO (chair)"),
    SheetColumn("외부 구분", "external", TEXT, False, "외부 연락처만: fss, fsc, fsi, kftc, krx, vendor, authority, other",
           ("fss", "fsc", "fsi", "kftc", "krx", "vendor", "authority", "other")),
    SheetColumn("기관(한국어)", "organisation.ko", TEXT, False, "외부 연락처의 기관 (예: 금융감독원 IT검사국)"),
    SheetColumn("기관(영어)", "organisation.en", TEXT, False, "예: FSS"),
    SheetColumn("전화 2", "phone2", TEXT, False, ""),
    SheetColumn("이메일", "email", TEXT, False, ""),
    SheetColumn("대리인 ID", "deputy", ID, False, "연락이 안 될 때 대신 찾을 연락처 ID"),
), "비상연락망: 한 행에 한 사람. 그룹·계열사의 역할별 담당과 대리인, 외부 연락처(금감원·금융결제원·거래소·업체). "
   "시트가 없으면 비상연락망 없음.", optional=True)

SHEETS = (GROUP, HOLIDAYS, AFFILIATES, SERVICES, DEPENDENCIES, PROVIDERS, REPORT, CONTACTS)
GUIDE = "안내"  # the template's first sheet: how to fill it in (never read)
