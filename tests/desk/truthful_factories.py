"""A small /2 group and playbook for the truthful-picture rules, independent of the shipped files."""

from __future__ import annotations

from pathlib import Path

GROUP_2 = """\
format: crisisdesk.group/2
group: {id: test, name: {ko: 시험금융그룹, en: Test Financial Group}}
timezone: Asia/Seoul
holidays: [2025-10-03, 2025-10-06, 2025-10-07, 2025-10-08, 2025-10-09]
affiliates:
  - id: bank
    name: {ko: 시험은행, en: Test Bank}
    sector: bank
    licensed: true
    services:
      - id: remote-account
        name: 비대면 계좌개설
        critical: true
        rto: 3h
        depends_on:
          - group-dc
          - provider: gov-id-check
            alternative: {ko: 실물 운전면허증, en: Physical driver's licence}
      - id: mydata-loan
        name: 공공 마이데이터 대출
        rto: 24h
        depends_on:
          - provider: public-mydata
            alternative: {ko: 서류 사진 제출, en: Upload photos of documents}
          - provider: gov-id-check
            alternative: {ko: 영업점 방문, en: Visit a branch}
      - id: branch-teller
        name: 영업점 창구
        critical: true
        rto: 3h
        hours: {days: business, from: "09:00", to: "16:00"}
        depends_on: [group-dc, gov-id-check]
      - id: transfers
        name: 이체
        critical: true
        rto: 3h
        depends_on: [group-dc, vendor]
  - id: card
    name: {ko: 시험카드, en: Test Card}
    sector: card
    licensed: true
    services:
      - id: issuing
        name: 카드 발급
        rto: 48h
        depends_on: [gov-id-check]
  - id: capital
    name: {ko: 시험캐피탈, en: Test Capital}
    sector: capital
    services:
      - id: loans
        name: 대출
        rto: 24h
        depends_on: [group-dc]
providers:
  - {id: gov-id-check, name: "주민등록증 진위확인(행정안전부)", kind: government, alternatives: [dl-check]}
  - {id: dl-check, name: "운전면허증 진위확인(경찰청)", kind: government}
  - {id: public-mydata, name: 공공 마이데이터, kind: government}
  - {id: group-dc, name: 그룹 데이터센터, kind: own}
  - {id: vendor, name: 인증 대행사, kind: outsourced}
"""

PLAYBOOK_2 = """\
format: crisisdesk.playbook/2
id: test-outage
version: 1
title: 시험 장애
reviewed: 2026-11-01
summary: 시험
levels:
  - {id: attention, title: 관심}
  - {id: caution, title: 주의}
roles:
  - {id: chair, title: 위원장}
  - {id: it-lead, title: IT 책임자}
impact:
  - {id: aware-at, kind: datetime, measure: aware-at, label: 인지 시각}
  - {id: customers-affected, kind: integer, measure: customers, label: 영향 고객 수}
  - {id: complaints, kind: integer, measure: complaints, label: 민원}
  - {id: answer-rate, kind: integer, measure: answer-rate, label: 응답률}
checklists:
  - id: council
    title: 협의회
    applies_to: group
    items:
      - {id: convene, title: 협의회 소집, owner: chair, due: 1h, critical: true}
      - {id: board-report, title: 이사회 보고, owner: chair, due: 30d}
  - id: first-hour
    title: 초기 대응
    applies_to: all
    items:
      - {id: check-systems, title: 시스템 점검, owner: it-lead, due: 1h}
notices:
  - id: web
    channel: web
    title: 서비스 제한 안내
    body: "{affiliate}: {service} 이용 제한. 대체 수단: {alternative}"
reporting:
  - id: fss-initial
    kind: initial
    to: 금융감독원
    title: 최초보고
    filer: licensed
    when: [{outage: 30m}, {outage: 10m, customers: 10000}]
    from: awareness
    due: 24h
    basis: rule
  - id: fss-intermediate
    kind: intermediate
    to: 금융감독원
    title: 중간보고
    when: [{outage: 1d}]
    from: awareness
    due: 1d
    every: 1d
    basis: rule
  - id: fss-final
    kind: final
    to: 금융감독원
    title: 종결보고
    when: [{outage: 30m}, {outage: 10m, customers: 10000}]
    from: closure
    due: 7d
    basis: target
  - id: hq-status
    kind: status
    to: 합동 비상대응본부
    title: 현황 보고
    filer: group
    from: activation
    due: 6h
    every: 12h
    basis: target
"""


def write_files(folder: Path) -> tuple[Path, Path]:
    group, playbook = folder / "group.yaml", folder / "playbook.yaml"
    group.write_text(GROUP_2, encoding="utf-8")
    playbook.write_text(PLAYBOOK_2, encoding="utf-8")
    return group, playbook
