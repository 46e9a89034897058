"""Awkward events: nothing hit, 300 items for one affiliate, a 2,000-character note, a long title."""

from __future__ import annotations

from tests.desk.factories import NIRS_T0, PLAYBOOKS, ManualClock, activate_nirs, make_desk
from tests.reports.factories import big_playbook
from tests.reports.pdfcheck import fonts, pages_text, qpdf_check


def _furniture_everywhere(rendered, pages, lang="ko"):
    assert len(pages) == rendered.pages
    for number, page in enumerate(pages, start=1):
        label = f"{number} / {rendered.pages}쪽" if lang == "ko" else f"page {number} of {rendered.pages}"
        assert label in page and rendered.short in page, number


def test_an_event_with_no_affiliate_hit(tmp_path):
    clock = ManualClock(NIRS_T0)
    desk = make_desk(tmp_path / "d.sqlite", clock)
    event = desk.events.activate(PLAYBOOKS / "gov-system-outage.yaml", "점검 훈련", t0=NIRS_T0, drill=True).created
    clock.advance(hours=2)
    for kind in ("situation", "brief", "paper"):
        rendered = desk.reports.render_report(event, kind)
        pages = pages_text(rendered.pdf)
        _furniture_everywhere(rendered, pages)
        assert qpdf_check(rendered.pdf).returncode == 0
    text = "\n".join(pages_text(desk.reports.render_report(event, "situation").pdf))
    assert "현재 영향을 받은 계열사가 없습니다." in text and "모의훈련(실제 상황 아님)" in text
    brief = "\n".join(pages_text(desk.reports.render_report(event, "brief").pdf))
    assert "모두 서비스 영향 없음" in brief


def test_an_affiliate_with_300_items(tmp_path):
    clock = ManualClock(NIRS_T0)
    desk = make_desk(tmp_path / "d.sqlite", clock)
    event = desk.events.activate(big_playbook(tmp_path), "대량 항목 사건", t0=NIRS_T0, down=("gov-id-check",)).created
    clock.advance(hours=3)
    desk.checklists.set_item(event, "card", "step-150", state="done", note="중간 항목 완료")
    paper = desk.reports.render_report(event, "paper", affiliate="card")
    pages = pages_text(paper.pdf)
    _furniture_everywhere(paper, pages)
    assert paper.pages >= 10
    text = "\n".join(pages)
    for n in (1, 150, 300):
        assert f"step-{n:03d}" in text
    with_rows = [p for p in pages if "step-" in p]
    assert all("항목 ID" in p for p in with_rows)  # the header row on every page of the table
    assert len(with_rows) >= paper.pages - 1  # at most the signature block on a page of its own
    report = desk.reports.render_report(event, "situation", lang="en")
    pages = pages_text(report.pdf)
    _furniture_everywhere(report, pages, "en")
    assert "Long item 300" in "\n".join(pages)  # annex 1 lists items by title, not by id
    assert "step-300" not in "\n".join(pages)
    assert all(embedded == "yes" for _, _, embedded in fonts(report.pdf))


def test_a_2000_character_note_wraps_and_is_printed_whole(tmp_path):
    clock = ManualClock(NIRS_T0)
    desk = make_desk(tmp_path / "d.sqlite", clock)
    event = activate_nirs(desk)
    clock.advance(minutes=40)
    words = "영업점 창구에서 운전면허증 진위확인으로 대체 처리 중이며 고객 안내문을 게시함. " * 50
    desk.checklists.set_item(event, "bank", "confirm-outage-scope", state="done", note=(words[:1990] + " 끝표시ZZ"))
    unbroken = "가" * 1995 + "끝표시YY"
    desk.checklists.set_item(event, "bank", "record-awareness", state="doing", note=unbroken)
    rendered = desk.reports.render_report(event, "situation")
    pages = pages_text(rendered.pdf)
    _furniture_everywhere(rendered, pages)
    text = "\n".join(pages)
    assert "끝표시ZZ" in text and "끝표시YY" in text
    assert text.count("가") >= 1995  # every character of the unbroken note is on the page
    assert qpdf_check(rendered.pdf).returncode == 0


def test_a_very_long_title_is_shortened_in_the_header(tmp_path):
    clock = ManualClock(NIRS_T0)
    desk = make_desk(tmp_path / "d.sqlite", clock)
    title = "국가정보자원관리원 화재 " * 12
    event = desk.events.activate(PLAYBOOKS / "gov-system-outage.yaml", title, t0=NIRS_T0).created
    rendered = desk.reports.render_report(event, "brief")
    page = pages_text(rendered.pdf)[0]
    header = page.splitlines()[0]
    assert "…" in header and "대외비" in header
    assert rendered.pages == 1
