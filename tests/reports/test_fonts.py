"""The bundled NanumGothic: present with its licence, registered once, refused clearly when missing."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from crisisdesk.locations import resource_path
from crisisdesk.reports import fonts


def test_bundled_files_and_licence():
    for filename in fonts.FILES.values():
        assert resource_path("fonts", filename).stat().st_size > 1_000_000
    licence = resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence and "NAVER" in licence


def test_registered_once_with_bold_in_the_family():
    assert fonts.register() == fonts.register() == fonts.REGULAR
    assert pdfmetrics.getFont(fonts.BOLD).face.name  # a TrueType face, not a fallback
    assert fonts.width("상황보고서", fonts.REGULAR, 10) > fonts.width("abc", fonts.REGULAR, 10)


def test_a_missing_font_file_is_a_message(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(fonts.FontMissing, match="reinstall CrisisDesk"):
        fonts.register()
