"""The bundled Korean font (NanumGothic), registered with reportlab once and used for every PDF.

Nothing here looks at system fonts: the TrueType files come from `resources/fonts/`
through `resource_path`, so a report renders the same on any machine.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.locations import resource_path

REGULAR = "NanumGothic"
BOLD = "NanumGothic-Bold"
FILES = {REGULAR: "NanumGothic.ttf", BOLD: "NanumGothicBold.ttf"}

_lock = threading.Lock()
_registered = False


class FontMissing(CrisisDeskError):
    """The bundled font file is not where the program expects it."""


def register() -> str:
    """Register NanumGothic (regular and bold) once; return the regular font's name."""
    global _registered
    if _registered:
        return REGULAR
    with _lock:
        if not _registered:
            for name, filename in FILES.items():
                path = resource_path("fonts", filename)
                if not path.is_file():
                    raise FontMissing(f"the bundled font {path} is missing; reinstall CrisisDesk")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                          boldItalic=BOLD)
            _registered = True
    return REGULAR


@lru_cache(maxsize=65536)
def width(text: str, font: str, size: float) -> float:
    """The width of `text` in points (cached: reports measure the same words again and again)."""
    measured: float = pdfmetrics.stringWidth(text, font, size)
    return measured
