"""HWPX and DOCX of the demo's situation report body and brief, read back by independent readers:
python-docx's own reader for DOCX; for HWPX the zip package and its OWPML XML parsed with the
standard library (no python-hwpx). Both hold the report's sections and say they are drafts."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import docx
import pytest

from crisisdesk.reports import ReportMeta, render_pdf
from crisisdesk.reports.office_files import render_office

OWPML_PARAGRAPH = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
SECTIONS = ("1. 개요", "2. 영향 현황", "3. 조치 사항", "4. 향후 계획", "5. 요청·결정 필요 사항", "6. 다음 보고")
META = dict(number=3, designation="update", prepared_by="김보고", status="draft")


def docx_text(data: bytes) -> tuple[str, list[str], list[str]]:
    """All text (paragraphs and table cells), the Word headings, and the page header."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    header = [p.text for p in document.sections[0].header.paragraphs]
    return "\n".join(paragraphs + cells), headings, header


def hwpx_text(data: bytes) -> str:
    """The text of every section of an HWPX package, checked part by part on the way."""
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    assert names[0] == "mimetype" and package.read("mimetype") == b"application/hwp+zip"
    assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED  # readable without inflating
    for part in ("META-INF/container.xml", "Contents/content.hpf", "Contents/header.xml", "version.xml"):
        assert part in names, part
        ElementTree.fromstring(package.read(part))  # well-formed XML
    manifest = ElementTree.fromstring(package.read("Contents/content.hpf"))
    sections = [item.get("href") for item in manifest.iter() if item.tag.endswith("item")
                and re.fullmatch(r"Contents/section\d+\.xml", item.get("href", ""))]
    assert sections and all(s in names for s in sections)
    text = []
    for section in sections:
        root = ElementTree.fromstring(package.read(section))
        for paragraph in root.iter(f"{OWPML_PARAGRAPH}p"):
            text.append("".join(t.text or "" for t in paragraph.iter(f"{OWPML_PARAGRAPH}t")))
    return "\n".join(text)


@pytest.fixture(scope="module")
def office(demo_situation):
    situation = demo_situation[0]
    return {(kind, fmt): render_office(situation, ReportMeta(kind=kind, **META), fmt)
            for kind in ("situation", "brief") for fmt in ("docx", "hwpx")}


def test_docx_body_holds_every_section_the_approval_block_and_distribution(office, demo_situation):
    made = office["situation", "docx"]
    text, headings, header = docx_text(made.data)
    assert [h for h in headings if h in SECTIONS] == list(SECTIONS)  # Word headings, in order
    for step in ("기안", "검토", "결재", "리스크관리팀장", "김보고"):
        assert step in text, step
    assert "배포처: 그룹 회장, 위기관리협의회 위원" in text
    assert demo_situation[0].event.note in text
    assert f"편집용 초안: 상황보고 제3호(지문 {made.short})" in text and "발행본이 아닙니다" in text
    assert any("편집용 초안 · 상황보고 제3호" in line for line in header)
    assert "붙임 1. 계열사별 영향 및 점검 현황" not in headings  # the body only, not the annexes


def test_hwpx_body_holds_the_same_sections(office, demo_situation):
    made = office["situation", "hwpx"]
    text = hwpx_text(made.data)
    for heading in SECTIONS:
        assert re.search(rf"^{re.escape(heading)}$", text, re.MULTILINE), heading
    for step in ("기안", "검토", "결재", "리스크관리팀장"):
        assert step in text, step
    assert "배포처: 그룹 회장" in text and demo_situation[0].event.note in text
    assert f"편집용 초안: 상황보고 제3호(지문 {made.short})" in text
    assert "FSS-2025-0926-0141" in text  # the receipt numbers are in the body


def test_office_files_carry_the_fingerprint_of_the_report_they_copy(office, demo_situation):
    pdf = render_pdf(demo_situation[0], ReportMeta(kind="situation", **META))
    assert office["situation", "docx"].fingerprint == office["situation", "hwpx"].fingerprint == pdf.fingerprint
    brief = render_pdf(demo_situation[0], ReportMeta(kind="brief", **META))
    assert office["brief", "hwpx"].fingerprint == brief.fingerprint != pdf.fingerprint


def test_the_brief_in_both_formats(office):
    text, _, _ = docx_text(office["brief", "docx"].data)
    hwpx = hwpx_text(office["brief", "hwpx"].data)
    for body in (text, hwpx):
        for label in ("회장 보고 요약", "상황보고 제3호 요약", "상황 요약", "주요 위험", "결정 필요 사항",
                      "요청·지원 필요 사항", "한빛자산운용:", "편집용 초안"):
            assert label in body, label


def test_only_numbered_reports_of_known_formats(demo_situation):
    with pytest.raises(ValueError, match="numbered"):
        render_office(demo_situation[0], ReportMeta(kind="situation"), "docx")
    with pytest.raises(ValueError, match="unknown office format"):
        render_office(demo_situation[0], ReportMeta(kind="situation", number=1), "odt")


def test_file_properties_name_the_report_and_say_draft(office):
    document = docx.Document(io.BytesIO(office["situation", "docx"].data))
    assert document.core_properties.title.startswith("상황보고 제3호")
    assert "편집용 초안" in document.core_properties.subject and document.core_properties.author == "CrisisDesk"
    manifest = zipfile.ZipFile(io.BytesIO(office["situation", "hwpx"].data)).read("Contents/content.hpf").decode()
    root = ElementTree.fromstring(manifest)
    title = next(e.text for e in root.iter() if e.tag.endswith("}title"))
    assert title.startswith("상황보고 제3호") and "synthetic" not in manifest and "편집용 초안" in manifest
