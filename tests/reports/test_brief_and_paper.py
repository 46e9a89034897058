"""The one-page executive brief and the paper checklists of the demo event."""

from __future__ import annotations

from crisisdesk.reports import ReportMeta, render_pdf
from tests.reports.pdfcheck import data_strings, fonts, hangul_tokens, pages_text, qpdf_check


def test_brief_is_one_page_with_the_essentials(demo_situation):
    situation = demo_situation[0]
    rendered = render_pdf(situation, ReportMeta(kind="brief"))
    assert rendered.pages == 1
    text = pages_text(rendered.pdf)[0]
    for label in ("회장 보고 요약", "상황 요약", "영향 계열사", "주요 위험", "결정 필요 사항", "요청·지원 필요 사항",
                  "다음 협의회·보고", "1 / 1쪽", "대외비 / Confidential", situation.event.level_title.ko,
                  "기안", "검토", "결재", "번호 없음(미리보기)"):
        assert label in text, label
    assert all("NanumGothic" in name and emb == "yes" for name, _, emb in fonts(rendered.pdf))


def test_brief_tells_the_truth_and_cuts_nothing(demo_situation):
    situation = demo_situation[0]
    text = " ".join(pages_text(render_pdf(situation, ReportMeta(kind="brief")).pdf)[0].split())
    # a government outage: no RTO breach is claimed, the outage duration is shown instead
    assert "RTO 초과" not in text and "RTO 미적용" in text
    assert text.index("주요 위험") < text.index("기한 경과 핵심 점검 항목")  # overdue counts do not lead
    risks = text[text.index("주요 위험"):text.index("결정 필요 사항")]
    assert risks.index("기한 경과 11시간 40분") < risks.index("기한 경과 핵심 점검 항목")  # deadlines first
    for tile in situation.board.tiles:  # every affiliate hit is named: nothing cut to "외 N개사"
        assert f"{tile.name.ko}:" in text, tile.name.ko
    assert "외 " not in text.replace("외부", "")
    decisions = text[text.index("결정 필요 사항"):text.index("요청·지원 필요 사항")]
    requests = text[text.index("요청·지원 필요 사항"):text.index("다음 협의회·보고")]
    for outlook in situation.outlook:
        if outlook.needs:  # the outlook's needs are requests, not decisions
            assert outlook.needs in requests and outlook.needs not in decisions


def test_brief_of_a_numbered_report_carries_its_number_and_approval(demo_situation):
    from datetime import UTC, datetime

    meta = ReportMeta(kind="brief", number=4, status="issued", approved_by="이정민",
                      approved_at=datetime(2025, 9, 27, 5, 10, tzinfo=UTC))
    text = pages_text(render_pdf(demo_situation[0], meta).pdf)[0]
    assert "상황보고 제4호 요약" in text and "회장 보고 요약 · 제4호" in text
    assert "이정민" in text and "2025-09-27" in text


def test_brief_in_english(demo_situation):
    situation = demo_situation[1]
    rendered = render_pdf(situation, ReportMeta(kind="brief", lang="en", number=3))
    text = pages_text(rendered.pdf)[0]
    assert "Executive Brief" in text and "page 1 of 1" in text and "Executive brief · report #3" in text
    assert "Summary of situation report No. 3" in text
    corpus = "\n".join(data_strings(situation, "en"))
    assert not [t for t in hangul_tokens(text) if t.strip("()[],.:·•") not in corpus]


def test_paper_checklists_for_every_affiliate_and_for_one(demo_situation):
    situation = demo_situation[0]
    every = render_pdf(situation, ReportMeta(kind="paper"))
    pages = pages_text(every.pdf)
    text = "\n".join(pages)
    for tile in situation.board.tiles:
        assert f"{tile.name.ko} — 수기 점검표" in text
    assert "서명" in text and "항목 ID" in text and "□" in text and "■" in text
    assert qpdf_check(every.pdf).returncode == 0
    assert "초안" not in "\n".join(pages)  # paper forms carry no DRAFT watermark

    bank = render_pdf(situation, ReportMeta(kind="paper", affiliate="bank", blank=True))
    text = "\n".join(pages_text(bank.pdf))
    assert "한빛은행" in text and "한빛카드" not in text and "빈 점검표" in text
    assert "■" not in text  # blank: no ticks printed
    items = next(d for d in situation.affiliates if d.tile.affiliate == "bank").items
    for item in items:
        assert item.item[:12] in text.replace("\n", "")


def test_paper_checklist_in_english_has_english_labels(demo_situation):
    situation = demo_situation[1]
    rendered = render_pdf(situation, ReportMeta(kind="paper", lang="en", affiliate="card"))
    text = "\n".join(pages_text(rendered.pdf))
    assert "Hanbit Card — paper checklist" in text and "Signature" in text
    corpus = "\n".join(data_strings(situation, "en"))
    assert not [t for t in hangul_tokens(text) if t.strip("()[],.:·•") not in corpus]


def test_brief_and_report_ask_the_chair_to_unblock_items_and_chase_overdue_actions(demo_situation):
    situation = demo_situation[0]
    blocked = [i for d in situation.affiliates for i in d.items if i.state == "blocked"]
    overdue = [a for a in situation.actions if a.overdue and a.state in ("open", "doing")]
    assert blocked and overdue  # the demo has both
    names = {t.affiliate: t.name.ko for t in situation.board.tiles}
    brief = " ".join(pages_text(render_pdf(situation, ReportMeta(kind="brief")).pdf)[0].split())
    report = " ".join(" ".join(pages_text(render_pdf(situation, ReportMeta(kind="situation")).pdf)).split())
    sections = (brief[brief.index("결정 필요 사항"):brief.index("요청·지원 필요 사항")],
                report[report.index("5. 요청·결정 필요 사항"):report.index("6. 다음 보고")])
    for section in sections:
        for item in blocked:
            line = f"진행 불가 해소: {names[item.affiliate]} {item.title.ko} — {item.reason}"
            assert line in section, line
        assert section.count("진행 불가 해소:") == len(blocked)
        assert section.count("기한 경과 조치:") == len(overdue)
        for action in overdue:
            assert f"기한 경과 조치: {action.title} ({action.owner_title.ko})" in section, action.title
