"""Reading PDFs back: text per page (pdftotext), fonts (pdffonts), structure (qpdf), Hangul tokens."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import fields, is_dataclass
from pathlib import Path

from crisisdesk.domain.text import Text

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def _run(args: list[str], pdf: bytes) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        return subprocess.run([*args, str(path)] + (["-"] if args[0] == "pdftotext" else []),
                              capture_output=True, text=True, timeout=60)


def pages_text(pdf: bytes) -> list[str]:
    """The text of each page, in reading order."""
    out = _run(["pdftotext", "-layout", "-enc", "UTF-8"], pdf).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pypdf_pages_text(pdf: bytes) -> list[str]:
    """Each page's text by pypdf, which also reads rotated text such as the watermark."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def fonts(pdf: bytes) -> list[tuple[str, str, str]]:
    """(name, type, embedded) for every font of the PDF."""
    lines = _run(["pdffonts"], pdf).stdout.splitlines()[2:]
    found = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni id gen: "emb" is the 5th field from the end
        found.append((parts[0], parts[1], parts[-5]))
    return found


def qpdf_check(pdf: bytes) -> subprocess.CompletedProcess:
    return _run(["qpdf", "--check"], pdf)


def hangul_tokens(text: str) -> set[str]:
    return {token for token in text.split() if HANGUL.search(token)}


def data_strings(value, lang: str = "en") -> list[str]:
    """Every free-text string of a read model (names in `lang` for bilingual Text)."""
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, Text):
            found.append(item.get(lang))
        elif is_dataclass(item):
            for f in fields(item):
                walk(getattr(item, f.name))
        elif isinstance(item, dict):
            for key, sub in item.items():
                walk(key)
                walk(sub)
        elif isinstance(item, (list, tuple)):
            for sub in item:
                walk(sub)

    walk(value)
    return found
