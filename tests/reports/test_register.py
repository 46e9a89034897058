"""Draft → approve → issue, the register, numbering and exact reprints (desk level)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.domain.errors import InvalidInput
from tests.desk.factories import ManualClock
from tests.reports.pdfcheck import pages_text, pypdf_pages_text


def test_draft_approve_issue_and_reprint_exactly(demo_desk):
    draft = demo_desk.reports.draft_report(next_update=demo_desk.clock() + timedelta(hours=4))
    record = draft.record
    assert (record.number, record.designation, record.status) == (1, "initial", "draft")
    assert record.fingerprint == draft.rendered.fingerprint and record.pages == draft.rendered.pages
    assert "초안 / DRAFT" in pypdf_pages_text(draft.rendered.pdf)[0]
    assert draft.changes.created == "1" and draft.changes.touches("reports")

    with pytest.raises(InvalidInput, match="not approved"):
        demo_desk.reports.issue_report(None, 1)
    approved = demo_desk.reports.approve_report(None, 1, approver="이위원장")
    assert approved.record.status == "approved" and approved.record.approved_role == "chair"
    with pytest.raises(InvalidInput, match="already approved"):
        demo_desk.reports.approve_report(None, 1)

    demo_desk.clock.advance(minutes=10)
    issued = demo_desk.reports.issue_report(None, 1)
    assert issued.record.status == "issued"
    assert issued.rendered.fingerprint == record.fingerprint  # the issued content is the approved one
    text = "\n".join(pypdf_pages_text(issued.rendered.pdf))
    assert "초안 / DRAFT" not in text and "이위원장" in text and "2025-09-27 14:10 KST" in text

    demo_desk.clock.advance(hours=2)  # the journal moves on; the reprint does not
    demo_desk.checklists.set_item(None, "card", "map-affected-services", state="done", note="after the report")
    reprint = demo_desk.reports.reprint_report(None, 1)
    assert reprint.pdf == issued.rendered.pdf and reprint.fingerprint == record.fingerprint
    with pytest.raises(InvalidInput, match="already issued"):
        demo_desk.reports.issue_report(None, 1)


def test_reprint_after_reopening_the_file(demo_desk):
    demo_desk.reports.draft_report(lang="en")
    path = demo_desk.path
    first = demo_desk.reports.reprint_report(None, 1)
    demo_desk.close()
    with Desk.open(path, clock=ManualClock(demo_desk.clock() + timedelta(days=3))) as again:
        assert again.reports.reprint_report(None, 1).pdf == first.pdf
        brief = again.reports.reprint_report(None, 1, kind="brief")
        assert brief.pages == 1 and "Executive brief · report #1" in pages_text(brief.pdf)[0]


def test_numbers_designations_and_periods(demo_desk):
    one = demo_desk.reports.draft_report().record
    demo_desk.clock.advance(minutes=5)
    again = demo_desk.reports.draft_report().record  # a redraft before issue keeps the number
    assert again.number == one.number == 1 and again.fingerprint != one.fingerprint
    demo_desk.reports.approve_report(None, 1)
    demo_desk.reports.issue_report(None, 1)
    demo_desk.clock.advance(hours=6)
    two = demo_desk.reports.draft_report().record
    assert (two.number, two.designation, two.period_from) == (2, "update", again.moment)
    demo_desk.reports.approve_report(None, 2)
    demo_desk.clock.advance(minutes=1)
    demo_desk.reports.draft_report()  # redrafting voids the approval of the earlier draft
    assert demo_desk.reports.report_record(None, 2).status == "draft"
    demo_desk.reports.approve_report(None, 2)
    demo_desk.reports.issue_report(None, 2)
    event = demo_desk.events.event(None).id
    demo_desk.events.close_event(event, "정부 시스템 복구 완료")
    final = demo_desk.reports.draft_report(event).record
    assert (final.number, final.designation) == (3, "final")
    assert [r.status for r in demo_desk.reports.report_register(event)] == ["issued", "issued", "draft"]
    assert demo_desk.verify().ok  # the register rebuilds from the journal


def test_draft_as_of_an_earlier_position(demo_desk):
    head, _ = demo_desk.store.head()
    outcome = demo_desk.reports.draft_report(as_of=f"#{head - 40}")
    assert outcome.record.as_of == head - 40 and outcome.rendered.as_of == head - 40
    assert demo_desk.reports.reprint_report(None, 1).fingerprint == outcome.record.fingerprint
    with pytest.raises(InvalidInput, match="does not exist"):
        demo_desk.reports.draft_report(as_of="#99999")


def test_unknown_number_kind_and_language(demo_desk):
    with pytest.raises(InvalidInput, match="no situation report #4"):
        demo_desk.reports.reprint_report(None, 4)
    with pytest.raises(InvalidInput, match="unknown report kind"):
        demo_desk.reports.render_report(None, "memo")
    with pytest.raises(InvalidInput, match="unknown report language"):
        demo_desk.reports.render_report(None, "brief", lang="fr")
    with pytest.raises(InvalidInput, match="unknown affiliate"):
        demo_desk.reports.render_report(None, "paper", affiliate="nope")


def test_save_report_refuses_bad_paths_and_writes_whole_files(demo_desk, tmp_path):
    rendered = demo_desk.reports.render_report(None, "brief")
    with pytest.raises(InvalidInput, match="does not exist"):
        demo_desk.reports.save_report(rendered, tmp_path / "missing" / "brief.pdf")
    with pytest.raises(InvalidInput, match="is a folder"):
        demo_desk.reports.save_report(rendered, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not __import__("os").access(locked, __import__("os").W_OK):  # root may write anyway
            with pytest.raises(InvalidInput, match="cannot write"):
                demo_desk.reports.save_report(rendered, locked / "brief.pdf")
    finally:
        locked.chmod(0o700)
    out = demo_desk.reports.save_report(rendered, tmp_path / "brief.pdf")
    assert out.read_bytes() == rendered.pdf
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report-")] == []


def test_a_draft_that_cannot_be_written_is_not_registered(demo_desk, tmp_path):
    with pytest.raises(InvalidInput):
        demo_desk.reports.draft_report(out=tmp_path / "missing" / "r.pdf")
    assert demo_desk.reports.report_register() == []


def test_office_drafts_and_brief_are_registered_as_what_they_are(demo_desk, tmp_path):
    from tests.reports.test_office_files import docx_text, hwpx_text

    record = demo_desk.reports.draft_report(prepared_by="김보고").record
    demo_desk.reports.approve_report(None, 1, approver="이정민")
    hwpx = demo_desk.reports.export_report(None, 1, out=tmp_path / "r1.hwpx")
    assert (hwpx.file.format, hwpx.file.role, hwpx.file.fingerprint) == ("hwpx", "editable-draft", record.fingerprint)
    assert "이정민" in hwpx_text((tmp_path / "r1.hwpx").read_bytes())  # the register's approval, stamped
    brief_docx = demo_desk.reports.export_report(None, 1, out=tmp_path / "b1.docx", kind="brief")
    assert "상황보고 제1호 요약" in docx_text((tmp_path / "b1.docx").read_bytes())[0]
    brief_pdf = demo_desk.reports.export_report(None, 1, out=tmp_path / "b1.pdf", kind="brief")
    assert brief_pdf.file.role == "brief" and brief_docx.file.role == "editable-draft"
    assert brief_pdf.file.fingerprint == demo_desk.reports.reprint_report(None, 1, kind="brief").fingerprint
    [row] = demo_desk.reports.report_register()
    assert row.status == "approved"  # exporting neither issues nor changes the report
    assert [(f.kind, f.format, f.role, f.file) for f in row.files] == [
        ("situation", "hwpx", "editable-draft", "r1.hwpx"), ("brief", "docx", "editable-draft", "b1.docx"),
        ("brief", "pdf", "brief", "b1.pdf")]
    assert row.files[0].sha256 == __import__("hashlib").sha256((tmp_path / "r1.hwpx").read_bytes()).hexdigest()
    assert demo_desk.verify().ok  # the register of files is a projection of the journal
    timeline = [e.summary.ko for e in demo_desk.views.timeline(None)]
    assert "상황보고서 제1호 편집용 초안 저장(HWPX)" in timeline


def test_exports_refused_with_a_reason_and_nothing_recorded(demo_desk, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    demo_desk.reports.draft_report()
    before = demo_desk.store.head()[0]
    with pytest.raises(InvalidInput, match=r"exported as \.docx, \.hwpx"):
        demo_desk.reports.export_report(None, 1, out=tmp_path / "r1.pdf")  # the body's PDF is the draft or issue
    with pytest.raises(InvalidInput, match=r"exported as \.pdf, \.docx, \.hwpx"):
        demo_desk.reports.export_report(None, 1, out=tmp_path / "b1.odt", kind="brief")
    with pytest.raises(InvalidInput, match="no situation report #2"):
        demo_desk.reports.export_report(None, 2, out=tmp_path / "r2.hwpx")
    with pytest.raises(InvalidInput, match="does not exist"):
        demo_desk.reports.export_report(None, 1, out=tmp_path / "missing" / "r1.docx")
    with pytest.raises(InvalidInput, match="paper"):
        demo_desk.reports.export_report(None, 1, out=tmp_path / "p.pdf", kind="paper")
    assert demo_desk.store.head()[0] == before and not list(tmp_path.iterdir())
