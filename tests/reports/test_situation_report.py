"""The situation report of the demo event, read back from the PDF."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from crisisdesk.reports import ReportMeta, render_pdf
from crisisdesk.reports.catalogue import LABELS
from tests.reports.pdfcheck import (
    data_strings,
    fonts,
    hangul_tokens,
    pages_text,
    pypdf_pages_text,
    qpdf_check,
)

META = dict(kind="situation", number=2, designation="update", prepared_by="김보고", desk="ab12cd34",
            status="draft")


@pytest.fixture(scope="module")
def korean(demo_situation):
    situation = demo_situation[0]
    rendered = render_pdf(situation, ReportMeta(lang="ko", **META))
    return situation, rendered, pages_text(rendered.pdf)


@pytest.fixture(scope="module")
def english(demo_situation):
    situation = demo_situation[1]
    rendered = render_pdf(situation, ReportMeta(lang="en", **META))
    return situation, rendered, pages_text(rendered.pdf)


def test_korean_event_and_affiliates_are_in_the_text(korean):
    situation, rendered, pages = korean
    text = "\n".join(pages)
    assert "그룹 위기 상황보고서" in text
    assert situation.event.title.split(" — ")[0] in text
    for tile in situation.board.tiles:
        assert tile.name.ko in text, tile.name.ko
    assert "제2호 (중간)" in text
    assert "그룹 CRO" in text and "김보고" in text  # the approval block: the last signer, the drafter


def test_page_count_and_furniture_on_every_page(korean):
    _, rendered, pages = korean
    assert len(PdfReader(__import__("io").BytesIO(rendered.pdf)).pages) == rendered.pages == len(pages)
    assert rendered.pages > 9  # summary, group sections, one section per affiliate, annexes
    for number, page in enumerate(pages, start=1):
        assert "대외비 / Confidential" in page, number
        assert "상황보고 제2호" in page, number
        assert f"{number} / {rendered.pages}쪽" in page, number
        assert f"지문 {rendered.short}" in page, number  # the small integrity line
        assert "기록 #" not in page and "ab12cd34" not in page, number  # no journal or desk ids
    for number, page in enumerate(pypdf_pages_text(rendered.pdf), start=1):
        assert "초안 / DRAFT" in page, number  # the watermark (rotated: pdftotext skips it)


def test_fonts_are_embedded_nanum_only(korean, english):
    for _, rendered, _ in (korean, english):
        found = fonts(rendered.pdf)
        assert found, "no fonts listed"
        for name, _kind, embedded in found:
            assert "NanumGothic" in name and embedded == "yes", (name, embedded)


def test_qpdf_finds_nothing_wrong(korean, english):
    for _, rendered, _ in (korean, english):
        result = qpdf_check(rendered.pdf)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors" in result.stdout


def test_english_has_english_labels_and_only_korean_data(english):
    situation, rendered, pages = english
    text = "\n".join(pages)
    assert "Group Crisis Situation Report" in text and "No. 2 (update)" in text
    for number, page in enumerate(pages, start=1):
        assert page.lstrip().startswith("Confidential"), number
        assert f"page {number} of {rendered.pages}" in page
    corpus = "\n".join(data_strings(situation, "en") + [META["prepared_by"]])
    stray = sorted(t for t in hangul_tokens(text) if t.strip("()[],.:·") not in corpus)
    assert not stray, f"Korean words that are not data: {stray[:20]}"


def test_english_catalogue_has_no_hangul():
    assert not [k for k, (_, en) in LABELS.items() if re.search(r"[\uac00-\ud7a3]", en)]


def test_sections_and_tables_split_with_headers_repeated(korean):
    _, rendered, pages = korean
    text = "\n".join(pages)
    for heading in ("붙임 1. 계열사별 영향 및 점검 현황", "붙임 2. 협의회 결정·조치 및 대외 보고",
                    "붙임 3. 경과 기록", "감독당국 보고 의무", "협의회 결정·수정 전체", "조치 전체(기한순)"):
        assert heading in text, heading
    timeline_pages = [p for p in pages if "작성자" in p and "내용" in p and "구분" in p]
    assert len(timeline_pages) >= 2  # the timeline continues, its header row on each page


def test_same_state_gives_same_bytes_and_other_moment_another_fingerprint(demo_situation, korean):
    import dataclasses
    from datetime import timedelta

    situation, first, _ = korean
    again = render_pdf(situation, ReportMeta(lang="ko", **META))
    assert again.pdf == first.pdf and again.fingerprint == first.fingerprint
    later = dataclasses.replace(situation, board=dataclasses.replace(
        situation.board, now=situation.now + timedelta(hours=1)))
    assert render_pdf(later, ReportMeta(lang="ko", **META)).fingerprint != first.fingerprint


def test_stamps_do_not_change_the_fingerprint_but_the_watermark_goes(korean):
    from datetime import UTC, datetime

    situation, draft, _ = korean
    issued = render_pdf(situation, ReportMeta(lang="ko", **{**META, "status": "issued"}, approved_by="이위원장",
                                          approved_at=datetime(2025, 9, 27, 5, 10, tzinfo=UTC),
                                          issued_at=datetime(2025, 9, 27, 5, 20, tzinfo=UTC),
                                          issued_by="김보고"))
    assert issued.fingerprint == draft.fingerprint and issued.pdf != draft.pdf
    text = "\n".join(pypdf_pages_text(issued.pdf))
    assert "초안 / DRAFT" not in text and "이위원장" in text and "2025-09-27 14:20 KST" in text


def test_progress_is_reported_up_to_the_total(demo_situation):
    calls = []
    render_pdf(demo_situation[0], ReportMeta(kind="brief"), progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(0 <= d <= t for d, t in calls) and [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_metadata_names_the_fingerprint(korean):
    import io

    _, rendered, _ = korean
    info = PdfReader(io.BytesIO(rendered.pdf)).metadata
    assert info.subject == f"sha256:{rendered.fingerprint}"
    assert "상황보고" in info.title


def _body_pages(pages: list[str]) -> list[str]:
    """The pages before annex 1 (which starts on a page of its own)."""
    heading = re.compile(r"^\s*붙임 1\. 계열사별 영향 및 점검 현황\s*$", re.MULTILINE)
    first_annex = next(n for n, page in enumerate(pages) if heading.search(page))
    return pages[:first_annex]


def test_the_body_fits_two_pages_and_holds_every_section(korean):
    situation, _, pages = korean
    body = _body_pages(pages)
    assert 1 <= len(body) <= 2
    text = "\n".join(body)
    for heading in ("1. 개요", "2. 영향 현황", "3. 조치 사항", "4. 향후 계획", "5. 요청·결정 필요 사항",
                    "6. 다음 보고"):
        assert heading in text, heading
    for step in ("결재", "기안", "검토"):  # the approval block of the group file
        assert step in text, step
    assert "리스크관리팀장" in text  # the reviewing step's signer, from the group file
    assert "배포처: 그룹 회장, 위기관리협의회 위원, 계열사 CEO·CRO, 그룹 준법감시인" in " ".join(text.split())
    assert situation.event.note in text  # the activation note: what happened and the cause as known
    assert "RTO 미적용" in text and "RTO 초과" not in text  # a government outage: no RTO breach
    assert "FSS-2025-0926-0141" in text  # the bank's receipt number of its initial report
    assert "5,440" in text and "7,400" in text  # customers hit, calls: the group's totals
    for annex in ("붙임  1. 계열사별 영향 및 점검 현황 1부.", "3. 경과 기록 1부.  끝."):
        assert " ".join(annex.split()) in " ".join(text.split()), annex
    assert "confirm-outage-scope" not in "\n".join(pages)  # checklists by title, never by id


def test_the_body_says_so_when_the_group_file_names_no_distribution(demo_situation):
    import dataclasses

    from crisisdesk.domain.group import ReportForm

    situation = dataclasses.replace(demo_situation[0], report_form=ReportForm())
    text = "\n".join(pages_text(render_pdf(situation, ReportMeta(lang="ko", **META)).pdf))
    assert "배포처: 미지정" in text
    assert "리스크관리팀장" not in text and "검토" in text  # the default steps 기안 → 검토 → 결재
