"""The report catalogue speaks as a Korean group risk office does."""

from __future__ import annotations

from crisisdesk.reports.catalogue import ENUMS, LABELS, Catalogue

ABANDONED = {"차단": "진행 불가", "막힘": "진행 불가", "최종": "종결 / 최근", "승인": "결재", "지연": "기한 경과",
             "기한 초과": "기한 경과", "기한 지난": "기한 경과", "피해 계열사": "영향 계열사", "암호문": "암호 문구",
             "결정 주체": "결정권자", "종이": "수기 점검표"}


def _korean() -> list[tuple[str, str]]:
    pairs = [(key, ko) for key, (ko, _) in LABELS.items()]
    pairs += [(f"{family}.{key}", ko) for family, table in ENUMS.items() for key, (ko, _) in table.items()]
    return pairs


def test_no_abandoned_word_in_the_catalogue():
    found = [(key, word) for key, ko in _korean() for word in ABANDONED if word in ko]
    assert found == [], "say instead: " + ", ".join(f"{k}: {w} → {ABANDONED[w]}" for k, w in found)
    overdue = [key for key, ko in _korean() if "초과" in ko and "RTO" not in ko]
    assert overdue == [], "overdue is 기한 경과; 초과 only for an RTO"


def test_the_agreed_terms():
    t = Catalogue("ko")
    assert t("designation.final") == "종결"
    assert t.enum("item", "blocked") == "진행 불가"
    assert t.enum("duty", "due") == "미제출"
    assert t("approval.label") == "결재" and t("distribution") == "배포처" and t("annex") == "붙임"
    assert t("number", number=3, designation=t("designation.final")) == "제3호 (종결)"
    assert t("title.paper") == "수기 점검표" and t("col.decided_by") == "결정권자"
    assert t("mode.drill") == "모의훈련(실제 상황 아님)"
    assert t("time.past", span="2시간") == "기한 경과 2시간"
    assert t("kpi.hit") == "영향 계열사" and t("sec.requests") == "요청·결정 필요 사항"
