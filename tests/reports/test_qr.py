"""The QR code on every page carries the report number and the full fingerprint."""

from __future__ import annotations

import subprocess

import qrcode
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from crisisdesk.reports import ReportMeta, render_pdf
from crisisdesk.reports.layout import MARGIN_X, QR_SIZE

DPI = 300


def read_modules(pdf: bytes, page: int, size: int, folder) -> list[list[bool]]:
    """The QR modules as printed on `page`: the centre pixel of each module, dark or not."""
    (folder / "r.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                    str(folder / "r.pdf"), str(folder / "page")], check=True, timeout=60)
    image = Image.open(folder / "page.png").convert("L")
    scale = DPI / 72
    left = (A4[0] - MARGIN_X - QR_SIZE) * scale
    top = (A4[1] - 8 * mm - QR_SIZE) * scale
    cell = QR_SIZE * scale / size
    return [[image.getpixel((int(left + (c + 0.5) * cell), int(top + (r + 0.5) * cell))) < 128
             for c in range(size)] for r in range(size)]


def test_qr_code_carries_number_and_fingerprint(demo_situation, tmp_path):
    situation = demo_situation[0]
    rendered = render_pdf(situation, ReportMeta(kind="situation", number=4, designation="update"))
    payload = f"CRISISDESK|situation|{situation.event.id[:8]}|4|{rendered.fingerprint}"
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1)
    code.add_data(payload)
    code.make(fit=True)
    expected = code.get_matrix()
    for page in (1, rendered.pages):
        assert read_modules(rendered.pdf, page, len(expected), tmp_path) == expected, page
