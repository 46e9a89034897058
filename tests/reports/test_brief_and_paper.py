"""The one-page executive brief and the paper checklists of the demo event."""

from __future__ import annotations

from crisisdesk.reports import ReportMeta, render
from tests.reports.pdfcheck import data_strings, fonts, hangul_tokens, pages_text, qpdf_check


def test_brief_is_one_page_with_the_essentials(demo_situation):
    situation = demo_situation[0]
    rendered = render(situation, ReportMeta(kind="brief"))
    assert rendered.pages == 1
    text = pages_text(rendered.pdf)[0]
    for label in ("회장 보고 요약", "상황 요약", "영향 계열사", "주요 위험", "결정 필요 사항", "다음 협의회·보고",
                  "1 / 1쪽", "대외비 / Confidential", situation.event.level_title.ko):
        assert label in text, label
    assert "한빛은행" in text and "RTO" in text
    assert all("NanumGothic" in name and emb == "yes" for name, _, emb in fonts(rendered.pdf))


def test_brief_in_english(demo_situation):
    situation = demo_situation[1]
    rendered = render(situation, ReportMeta(kind="brief", lang="en", number=3))
    text = pages_text(rendered.pdf)[0]
    assert "Executive Brief" in text and "page 1 of 1" in text and "Executive brief · report #3" in text
    corpus = "\n".join(data_strings(situation, "en"))
    assert not [t for t in hangul_tokens(text) if t.strip("()[],.:·•") not in corpus]


def test_paper_checklists_for_every_affiliate_and_for_one(demo_situation):
    situation = demo_situation[0]
    every = render(situation, ReportMeta(kind="paper"))
    pages = pages_text(every.pdf)
    text = "\n".join(pages)
    for tile in situation.board.tiles:
        assert f"{tile.name.ko} — 수기 점검표" in text
    assert "서명" in text and "항목 ID" in text and "□" in text and "■" in text
    assert qpdf_check(every.pdf).returncode == 0
    assert "초안" not in "\n".join(pages)  # paper forms carry no DRAFT watermark

    bank = render(situation, ReportMeta(kind="paper", affiliate="bank", blank=True))
    text = "\n".join(pages_text(bank.pdf))
    assert "한빛은행" in text and "한빛카드" not in text and "빈 점검표" in text
    assert "■" not in text  # blank: no ticks printed
    items = next(d for d in situation.affiliates if d.tile.affiliate == "bank").items
    for item in items:
        assert item.item[:12] in text.replace("\n", "")


def test_paper_checklist_in_english_has_english_labels(demo_situation):
    situation = demo_situation[1]
    rendered = render(situation, ReportMeta(kind="paper", lang="en", affiliate="card"))
    text = "\n".join(pages_text(rendered.pdf))
    assert "Hanbit Card — paper checklist" in text and "Signature" in text
    corpus = "\n".join(data_strings(situation, "en"))
    assert not [t for t in hangul_tokens(text) if t.strip("()[],.:·•") not in corpus]
